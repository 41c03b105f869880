"""Every user action, defined once: name, text, default shortcuts, group. Qt-free.

The UI builds one QAction per entry (desktop/ui/actions.py) and registers a
handler by name; menus, the toolbar, the presenter console and the shortcuts
overlay all use the same actions.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


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
    """

    name: str
    text: str
    shortcuts: tuple[str, ...] = ()
    group: str = "Navigate"
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
        "next", "Next slide", ("Right", "Down", "PgDown", "Space", "N"), icon="chevron-right"
    ),
    ActionSpec(
        "previous",
        "Previous slide",
        ("Left", "Up", "PgUp", "Backspace", "P"),
        icon="chevron-left",
    ),
    ActionSpec("first", "First slide", ("Home",)),
    ActionSpec("last", "Last slide", ("End",)),
    ActionSpec(
        "go_to",
        "Go to slide…",
        ("Ctrl+G",),
        description=f"Or type a number and {CONFIRM_KEY}",
        icon="hash",
    ),
    ActionSpec("back", "Back", ("Alt+Left",), description="Return to the place visited before"),
    ActionSpec("forward", "Forward", ("Alt+Right",)),
    *(
        ActionSpec(name, f"Section {n}", (f"Ctrl+{n % 10}",), group="Sections")
        for n, name in enumerate(SECTION_ACTIONS, start=1)
    ),
    # Find
    ActionSpec("find", "Find…", ("Ctrl+F",), group="Find", icon="search", short="Find"),
    ActionSpec("find_next", "Find next", ("F3",), group="Find"),
    ActionSpec("find_previous", "Find previous", ("Shift+F3",), group="Find"),
    # View
    ActionSpec("full_screen", "Full screen", ("F11",), group="View", checkable=True),
    ActionSpec(
        "toggle_notes",
        "Speaker notes",
        ("Ctrl+Shift+N",),
        group="View",
        checkable=True,
        icon="sticky-note",
    ),
    ActionSpec(
        "toggle_sidebar",
        "Slides panel",
        ("Ctrl+Shift+B",),
        group="View",
        description="The outline, thumbnails and search, beside the slide",
        checkable=True,
        icon="panel-left",
    ),
    ActionSpec(
        "black",
        "Black screen",
        ("B", "."),
        group="View",
        description="Blank the slide (a clicker's blank key); again to show it",
        checkable=True,
    ),
    ActionSpec("notes_bigger", "Larger notes text", ("Ctrl++", "Ctrl+="), group="View"),
    ActionSpec("notes_smaller", "Smaller notes text", ("Ctrl+-",), group="View"),
    ActionSpec(
        "language_next",
        "Next display language",
        ("Alt+L",),
        group="View",
        description="One language, the next, then two together (View → Language lists all)",
    ),
    ActionSpec("theme_default", "Default theme", (), group="View", checkable=True),
    ActionSpec("theme_high_contrast", "High-contrast theme", (), group="View", checkable=True),
    ActionSpec("shortcuts", "Keyboard shortcuts", ("F1", "?"), group="Help", icon="keyboard"),
    ActionSpec(
        "edit_keys",
        "Customize keyboard shortcuts…",
        (),
        group="Edit",
        description="Change the keys of any action of the window or the presenter",
    ),
    ActionSpec("about", "About", (), group="Help"),
    # Present
    ActionSpec(
        "present_start",
        "Present from the start",
        ("F5",),
        group="Present",
        icon="presentation",
        short="Present",
    ),
    ActionSpec(
        "present_here",
        "Present from this slide",
        ("Shift+F5",),
        group="Present",
        icon="monitor-play",
    ),
    ActionSpec(
        "present_rehearse",
        "Rehearse from the start",
        ("Ctrl+F5",),
        group="Present",
        description="Present and record the time spent per slide and section",
    ),
    # File
    ActionSpec("open", "Open deck…", ("Ctrl+O",), group="File", icon="folder-open", short="Open"),
    ActionSpec("reload", "Reload deck", ("Ctrl+R",), group="File", icon="refresh-cw"),
    ActionSpec(
        "export", "Export PDF…", ("Ctrl+E",), group="File", icon="file-down", short="Export"
    ),
    ActionSpec("print", "Print…", ("Ctrl+P",), group="File"),
    ActionSpec(
        "copy_slide",
        "Copy slide as image",
        ("Ctrl+Shift+C",),
        group="Edit",
        description="The current slide on the clipboard, at full resolution",
    ),
    ActionSpec("quit", "Quit", ("Ctrl+Q",), group="File"),
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


def cheat_sheet(
    specs: tuple[ActionSpec, ...], extra: tuple[tuple[str, str, str], ...] = ()
) -> tuple[KeyGroup, ...]:
    """The shortcuts overlay's content: *specs* with keys, grouped by task in the order the
    groups first appear, then the *extra* ``(group, text, how)`` lines for what is typed.

    The ten section actions make one line (``Ctrl+1`` … ``Ctrl+0``); actions without a key
    (menu entries only) are left out.
    """
    groups: dict[str, list[KeyRow]] = {}
    sections = [spec for spec in specs if spec.name in SECTION_ACTIONS and spec.shortcuts]
    for spec in specs:
        if not spec.shortcuts:
            continue
        rows = groups.setdefault(spec.group, [])
        if spec.name in SECTION_ACTIONS:
            if spec is sections[0]:
                ends = (sections[0].shortcuts[0], sections[-1].shortcuts[0])
                text = f"Section 1 … {len(sections)}" if len(sections) > 1 else spec.text
                rows.append(KeyRow(text, ends if len(sections) > 1 else ends[:1], span=True))
            continue
        rows.append(KeyRow(spec.text, spec.shortcuts))
    for group, text, how in extra:
        groups.setdefault(group, []).append(KeyRow(text, typed=how))
    return tuple(KeyGroup(title, tuple(rows)) for title, rows in groups.items())
