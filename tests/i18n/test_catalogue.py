"""The translation catalogues: the tools that make them, and the catalogues themselves. No Qt."""

from __future__ import annotations

import gettext
import importlib.util
import io
import textwrap
from pathlib import Path
from types import ModuleType
from typing import Final

import pytest

from desktop.core.i18n import (
    N_,
    _,
    known_code,
    ngettext,
    pgettext,
    system_ui_language,
)
from desktop.core.i18n_catalog import (
    Entry,
    compile_mo,
    extract,
    merge,
    placeholders,
    read_po,
    write_po,
)
from desktop.core.text import plural
from tests.i18n.conftest import UiLanguage

ROOT: Final = Path(__file__).resolve().parents[2]


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "tools" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalogues_hold_every_text_of_the_code_translated_and_compiled() -> None:
    problems = _tool().problems()
    assert problems == [], "\n".join(problems)


def test_the_chinese_catalogue_is_shipped_beside_its_source() -> None:
    mo = ROOT / "resources" / "locale" / "zh_CN" / "LC_MESSAGES" / "tianjin_briefing.mo"
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert catalogue.info()["plural-forms"] == "nplurals=1; plural=0;"
    assert catalogue.ngettext("{n} slide", "{n} slides", 3) == "{n} 张幻灯片"


def _module(tmp_path: Path, source: str) -> Path:
    path = tmp_path / "desktop" / "mod.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return path


def test_extraction_finds_each_marking_call_and_refuses_a_text_that_is_not_literal(
    tmp_path: Path,
) -> None:
    path = _module(
        tmp_path,
        """
        # TRANSLATORS: the File menu
        a = _("Open")
        b = N_("Close")
        c = ngettext("{n} slide", "{n} slides", 2)
        d = pgettext("menu", "View")
        e = plural(3, "{n} hit", "{n} hits")
        f = _(f"Go to {a}")
        g = obj._(a)  # an object's own method: not a marking call
        h = _(spec.label)  # a text marked with N_ where it is kept
        i = _("{n} left".format(n=1))
        """,
    )
    messages, bad = extract(tmp_path, [path])
    assert sorted(messages) == [
        ("", "Close"),
        ("", "Open"),
        ("", "{n} hit"),
        ("", "{n} slide"),
        ("menu", "View"),
    ]
    assert messages[("", "Open")].comments == ["TRANSLATORS: the File menu"]
    assert messages[("", "{n} slide")].plural == "{n} slides"
    assert [(b.file, b.line, b.call) for b in bad] == [
        ("desktop/mod.py", 8, "_"),
        ("desktop/mod.py", 11, "_"),
    ]
    assert bad[0].format().startswith("desktop/mod.py:8:5: error: _() needs a literal text")


def test_merge_keeps_translations_of_unchanged_texts_and_drops_the_rest(tmp_path: Path) -> None:
    path = _module(tmp_path, 'a = _("Open")\nb = _("Save as…")\n')
    messages, _bad = extract(tmp_path, [path])
    old = [Entry("Open", strings=["打开"]), Entry("Save as...", strings=["另存为…"])]
    entries, dropped = merge(messages, old)
    assert [(e.msgid, e.strings) for e in entries] == [("Open", ["打开"]), ("Save as…", [])]
    assert [e.msgid for e in dropped] == ["Save as..."]
    assert not entries[1].translated


def test_a_po_file_reads_back_as_written(tmp_path: Path) -> None:
    entries = [
        Entry("Open", strings=["打开"], files=["desktop/a.py"], comments=["TRANSLATORS: menu"]),
        Entry('Say "hi"\tnow\nand \\ then\n', strings=["说“你好”\n然后\n"], files=["b.py"]),
        Entry("{n} slide", "{n} slides", strings=["{n} 张幻灯片"], files=["c.py", "d.py"]),
        Entry("View", context="menu", strings=["视图"], fuzzy=True),
    ]
    path = tmp_path / "x.po"
    path.write_text(write_po("Language: zh_CN\n", entries), encoding="utf-8")
    header, back = read_po(path)
    assert header == "Language: zh_CN\n"
    assert back == entries


def test_a_po_file_in_another_shape_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstring "b"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"x\.po:5: unknown keyword 'msgstring'"):
        read_po(path)


def test_the_compiled_catalogue_is_what_gettext_reads() -> None:
    entries = [
        Entry("Open", strings=["打开"]),
        Entry("{n} slide", "{n} slides", strings=["{n} 张幻灯片"]),
        Entry("View", context="menu", strings=["视图"]),
        Entry("Untranslated"),
        Entry("Fuzzy", strings=["模糊"], fuzzy=True),
    ]
    header = "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n"
    catalogue = gettext.GNUTranslations(io.BytesIO(compile_mo(header, entries)))
    assert catalogue.gettext("Open") == "打开"
    assert catalogue.ngettext("{n} slide", "{n} slides", 1) == "{n} 张幻灯片"
    assert catalogue.ngettext("{n} slide", "{n} slides", 5) == "{n} 张幻灯片"
    assert catalogue.pgettext("menu", "View") == "视图"
    assert catalogue.gettext("View") == "View"
    assert catalogue.gettext("Untranslated") == "Untranslated"
    assert catalogue.gettext("Fuzzy") == "Fuzzy"


def test_placeholders_are_compared_by_name() -> None:
    assert placeholders("cannot read {file}: {reason:.40}") == {"{file", "{reason"}
    assert placeholders("%(prog)s: error: %(message)s") == {"%(prog)s", "%(message)s"}
    assert placeholders("%s and %d%%") == {"%s", "%d", "%%"}
    assert placeholders("a {} b") == {"{"}


@pytest.mark.parametrize(
    ("code", "known"),
    [
        ("zh_CN.UTF-8", "zh_CN"),
        ("zh-CN", "zh_CN"),
        ("zh", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_TW", None),
        ("en_GB.UTF-8", "en"),
        ("C", "en"),
        ("C.UTF-8", "en"),
        ("de_DE", None),
        ("", None),
    ],
)
def test_codes_and_locales_name_a_known_interface_language(code: str, known: str | None) -> None:
    assert known_code(code) == known


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANGUAGE": "de:zh_CN", "LANG": "de_DE.UTF-8"}, "zh_CN"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({}, "en"),
    ],
)
def test_the_system_locale_chooses_the_interface_language(
    environ: dict[str, str], language: str
) -> None:
    assert system_ui_language(environ) == language


def test_the_interface_speaks_chinese_once_chosen_and_english_again_after(
    ui_language: UiLanguage,
) -> None:
    assert ui_language("zh_CN") == "zh_CN"
    assert plural(2, "{n} error", "{n} errors") == "2 个错误"
    assert ngettext("{n} slide", "{n} slides", 1) == "{n} 张幻灯片"
    assert _(N_("no such text")) == "no such text"
    assert pgettext("nowhere", "{n} slide") == "{n} slide"
    assert ui_language("en") == "en"
    assert plural(1, "{n} error", "{n} errors") == "1 error"
    assert ui_language("de") == "en"  # no German catalogue: the source language
    assert ui_language("zh") == "zh_CN"
