"""Every user action, defined once: name, text, default shortcuts, group. Qt-free.

The UI builds one QAction per entry (desktop/ui/actions.py) and registers a
handler by name; menus, the toolbar, the presenter console and the shortcuts
overlay all use the same actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from desktop.core.i18n import N_, _


@dataclass(frozen=True, slots=True)
class ActionSpec:
    """One action: what menus, toolbars, tooltips and the shortcuts overlay show of it.

    Attributes:
        name: The key handlers are bound by.
        text: The menu entry.
        shortcuts: Qt key sequence strings (portable text form), first one shown in menus.
        group: The task it belongs to: the shortcuts overlay's heading.
        description: The status tip (default: *text*).
        checkable: An on/off action.
        icon: A bundled icon (``resources/icons/ICON.svg``), for the toolbar and menus.
        short: The toolbar's word, where the toolbar shows one (default: *text*).

    The texts are the catalogue's English (marked with ``N_``); what the user reads is
    :func:`action_text`, :func:`action_description`, :func:`action_short` and
    :func:`group_title`, in the interface language.
    """

    name: str
    text: str
    shortcuts: tuple[str, ...] = ()
    group: str = N_("Navigate")
    description: str = ""
    checkable: bool = False
    icon: str = ""
    short: str = ""


CONFIRM_KEY: Final = "Enter"
"""The key (Return or Enter) that lists and fields answer themselves: it confirms a typed slide
number, opens the chosen outline item or thumbnail, and steps to the next search match. It is
no action; text that names it takes its name from here."""
CONFIRM_BACK_KEY: Final = f"Shift+{CONFIRM_KEY}"
"""In the search field: the previous match."""

SECTION_ACTIONS: Final = tuple(f"section_{n}" for n in range(1, 11))
"""The ten section shortcuts (Ctrl+1 … Ctrl+0): ``section_N`` goes to section N's first slide."""

ACTIONS: Final[tuple[ActionSpec, ...]] = (
    # Navigate
    ActionSpec(
        "next", N_("Next slide"), ("Right", "Down", "PgDown", "Space", "N"), icon="chevron-right"
    ),
    ActionSpec(
        "previous",
        N_("Previous slide"),
        ("Left", "Up", "PgUp", "Backspace", "P"),
        icon="chevron-left",
    ),
    ActionSpec("first", N_("First slide"), ("Home",)),
    ActionSpec("last", N_("Last slide"), ("End",)),
    ActionSpec(
        "go_to",
        N_("Go to slide…"),
        ("Ctrl+G",),
        description=N_("Or type a number and {key}"),
        icon="hash",
    ),
    ActionSpec(
        "back", N_("Back"), ("Alt+Left",), description=N_("Return to the place visited before")
    ),
    ActionSpec("forward", N_("Forward"), ("Alt+Right",)),
    *(
        ActionSpec(name, N_("Section {n}"), (f"Ctrl+{n % 10}",), group=N_("Sections"))
        for n, name in enumerate(SECTION_ACTIONS, start=1)
    ),
    # Find
    ActionSpec("find", N_("Find…"), ("Ctrl+F",), group=N_("Find"), icon="search", short=N_("Find")),
    ActionSpec("find_next", N_("Find next"), ("F3",), group=N_("Find")),
    ActionSpec("find_previous", N_("Find previous"), ("Shift+F3",), group=N_("Find")),
    # View
    ActionSpec("full_screen", N_("Full screen"), ("F11",), group=N_("View"), checkable=True),
    ActionSpec(
        "toggle_notes",
        N_("Speaker notes"),
        ("Ctrl+Shift+N",),
        group=N_("View"),
        checkable=True,
        icon="sticky-note",
    ),
    ActionSpec(
        "toggle_sidebar",
        N_("Slides panel"),
        ("Ctrl+Shift+B",),
        group=N_("View"),
        description=N_("The outline, thumbnails and search, beside the slide"),
        checkable=True,
        icon="panel-left",
    ),
    ActionSpec(
        "black",
        N_("Black screen"),
        ("B", "."),
        group=N_("View"),
        description=N_("Blank the slide (a clicker's blank key); again to show it"),
        checkable=True,
    ),
    ActionSpec("notes_bigger", N_("Larger notes text"), ("Ctrl++", "Ctrl+="), group=N_("View")),
    ActionSpec("notes_smaller", N_("Smaller notes text"), ("Ctrl+-",), group=N_("View")),
    ActionSpec(
        "language_next",
        N_("Next display language"),
        ("Alt+L",),
        group=N_("View"),
        description=N_("One language, the next, then two together (View → Language lists all)"),
    ),
    ActionSpec("theme_default", N_("Default theme"), (), group=N_("View"), checkable=True),
    ActionSpec(
        "theme_high_contrast", N_("High-contrast theme"), (), group=N_("View"), checkable=True
    ),
    ActionSpec(
        "shortcuts", N_("Keyboard shortcuts"), ("F1", "?"), group=N_("Help"), icon="keyboard"
    ),
    ActionSpec(
        "edit_keys",
        N_("Customize keyboard shortcuts…"),
        (),
        group=N_("Edit"),
        description=N_("Change the keys of any action of the window or the presenter"),
    ),
    ActionSpec("about", N_("About"), (), group=N_("Help")),
    # Present
    ActionSpec(
        "present_start",
        N_("Present from the start"),
        ("F5",),
        group=N_("Present"),
        icon="presentation",
        short=N_("Present"),
    ),
    ActionSpec(
        "present_here",
        N_("Present from this slide"),
        ("Shift+F5",),
        group=N_("Present"),
        icon="monitor-play",
    ),
    ActionSpec(
        "present_rehearse",
        N_("Rehearse from the start"),
        ("Ctrl+F5",),
        group=N_("Present"),
        description=N_("Present and record the time spent per slide and section"),
    ),
    # File
    ActionSpec(
        "open",
        N_("Open deck…"),
        ("Ctrl+O",),
        group=N_("File"),
        icon="folder-open",
        short=N_("Open"),
    ),
    ActionSpec("reload", N_("Reload deck"), ("Ctrl+R",), group=N_("File"), icon="refresh-cw"),
    ActionSpec(
        "export",
        N_("Export PDF…"),
        ("Ctrl+E",),
        group=N_("File"),
        icon="file-down",
        short=N_("Export"),
    ),
    ActionSpec("print", N_("Print…"), ("Ctrl+P",), group=N_("File")),
    ActionSpec(
        "copy_slide",
        N_("Copy slide as image"),
        ("Ctrl+Shift+C",),
        group=N_("Edit"),
        description=N_("The current slide on the clipboard, at full resolution"),
    ),
    ActionSpec("quit", N_("Quit"), ("Ctrl+Q",), group=N_("File")),
)

BY_NAME: Final = {spec.name: spec for spec in ACTIONS}

NAVIGATION: Final = (
    "next",
    "previous",
    "first",
    "last",
    "go_to",
    "back",
    "forward",
    "find",
    "find_next",
    "find_previous",
)
"""The moving and finding actions: the main window's Go menu, shared with the presenter."""

NEEDS_DECK: Final = frozenset(
    {
        *NAVIGATION,
        *SECTION_ACTIONS,
        "toggle_notes",
        "black",
        "language_next",
        "notes_bigger",
        "notes_smaller",
        "present_start",
        "present_here",
        "present_rehearse",
        "export",
    }
)
"""The actions that act on the deck shown: disabled while no deck is loaded (a broken deck at
start). Opening, reloading, the view and help stay."""


@dataclass(frozen=True, slots=True)
class KeyRow:
    """One line of the shortcuts overlay.

    Attributes:
        text: What it does.
        keys: Its key sequences (portable text form), each drawn as key caps.
        span: *keys* are the two ends of a run (``Ctrl+1`` … ``Ctrl+0``), not alternatives.
        typed: For what is typed rather than pressed: how (``type the number, then Enter``).
    """

    text: str
    keys: tuple[str, ...] = ()
    span: bool = False
    typed: str = ""


@dataclass(frozen=True, slots=True)
class KeyGroup:
    """A task's shortcuts: the overlay's heading, said once, and its lines."""

    title: str
    rows: tuple[KeyRow, ...]


def _fields(spec: ActionSpec) -> dict[str, object]:
    """The values an action's texts may name: ``{n}``, a section action's number, and
    ``{key}``, :data:`CONFIRM_KEY`."""
    n = SECTION_ACTIONS.index(spec.name) + 1 if spec.name in SECTION_ACTIONS else 0
    return {"n": n, "key": CONFIRM_KEY}


def action_text(spec: ActionSpec) -> str:
    """The menu entry of *spec* in the interface language (``Section 3`` with its number)."""
    return _(spec.text).format(**_fields(spec))


def action_description(spec: ActionSpec) -> str:
    """The status tip of *spec* in the interface language (its menu entry if it has none)."""
    if not spec.description:
        return action_text(spec)
    return _(spec.description).format(**_fields(spec))


def action_short(spec: ActionSpec) -> str:
    """The toolbar's word for *spec* in the interface language (``""``: it has none)."""
    return _(spec.short) if spec.short else ""


def group_title(group: str) -> str:
    """The shortcuts overlay's heading of the task *group* (an action's ``group``)."""
    return _(group)


PRESENTING: Final = N_("Presenting: {group}")
"""The heading of a presenter action's task where the main window lists it too (F1)."""


def cheat_sheet(
    specs: tuple[ActionSpec, ...],
    extra: tuple[tuple[str, str, str], ...] = (),
    presenting: tuple[ActionSpec, ...] = (),
) -> tuple[KeyGroup, ...]:
    """The shortcuts overlay's content, in the interface language: *specs* with keys, grouped
    by task in the order the groups first appear, then the *extra* ``(group, text, how)``
    lines for what is typed, then the presenter's *presenting* actions under
    :data:`PRESENTING` headings (the main window lists what the presenter's keys do).

    The ten section actions make one line (``Ctrl+1`` … ``Ctrl+0``); actions without a key
    (menu entries only) are left out. Every text is the catalogue's English (``N_``); in the
    *extra* lines' texts, ``{key}`` is :data:`CONFIRM_KEY` and ``{NAME}`` the first key of
    the action NAME among *specs* and *presenting* (``{show}``: the key that shows a slide).
    """
    groups: dict[str, list[KeyRow]] = {}
    keys = {spec.name: spec.shortcuts[0] for spec in (*presenting, *specs) if spec.shortcuts}
    values = {**keys, "key": CONFIRM_KEY}

    def add(title: str, chosen: tuple[ActionSpec, ...]) -> None:
        sections = [spec for spec in chosen if spec.name in SECTION_ACTIONS and spec.shortcuts]
        for spec in chosen:
            if not spec.shortcuts:
                continue
            rows = groups.setdefault(title.format(group=group_title(spec.group)), [])
            if spec.name in SECTION_ACTIONS:
                if spec is sections[0]:
                    ends = (sections[0].shortcuts[0], sections[-1].shortcuts[0])
                    several = len(sections) > 1
                    text = (
                        _("Section 1 … {n}").format(n=len(sections))
                        if several
                        else action_text(spec)
                    )
                    rows.append(KeyRow(text, ends if several else ends[:1], span=True))
                continue
            rows.append(KeyRow(action_text(spec), spec.shortcuts))

    add("{group}", specs)
    for group, text, how in extra:
        row = KeyRow(_(text).format(**values), typed=_(how).format(**values))
        groups.setdefault(group_title(group), []).append(row)
    add(_(PRESENTING), presenting)
    return tuple(KeyGroup(title, tuple(rows)) for title, rows in groups.items())
