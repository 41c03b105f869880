"""The command line, run as a real subprocess (the end-to-end tier)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.resources import bundled_deck
from tests.conftest import DeckFactory

LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning): .+$")


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """``tianjin-briefing ARGS`` in a child process, offscreen (*env*: its environment)."""
    env = dict(os.environ if env is None else env, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_version() -> None:
    done = run("--version")
    assert done.returncode == 0
    assert re.fullmatch(r"tianjin-briefing \d+\.\d+\.\d+\n", done.stdout)


@pytest.mark.parametrize("command", ["open", "check", "export", "present", "schema"])
def test_every_command_has_help(command: str) -> None:
    done = run(command, "--help")
    assert done.returncode == 0
    assert f"usage: tianjin-briefing {command}" in done.stdout


def test_check_bundled_deck(tmp_path: Path) -> None:
    done = run("check", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.fullmatch(
        r"12 sections, \d+ slides, 0 problems; texts missing: zh 0\n", done.stdout
    ), done.stdout
    assert done.stderr == ""


def test_check_reports_each_problem_on_its_line(make_deck: DeckFactory) -> None:
    folder = make_deck(
        {
            "a.yaml": "title: S\nslides:\n  - layout: figures\n  - title: x\n    bulets: [a]\n",
        }
    )
    done = run("check", str(folder), cwd=folder)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    problems = [m for m in map(LINE.match, lines) if m]
    assert len(problems) == len(lines) - 1, lines
    assert [(m["file"], m["line"], m["col"], m["sev"]) for m in problems] == [
        ("a.yaml", "3", "5", "warning"),  # no sources
        ("a.yaml", "3", "13", "error"),  # figures layout without figures
        ("a.yaml", "4", "5", "warning"),  # no sources
        ("a.yaml", "4", "5", "error"),  # bullets layout without bullets
        ("a.yaml", "5", "5", "error"),  # the misspelt key
    ]
    assert "did you mean `bullets`?" in lines[4]
    assert lines[-1] == "3 errors, 2 warnings: the deck cannot be shown"
    assert "Traceback" not in done.stderr


def test_check_strict_fails_on_warnings(make_deck: DeckFactory) -> None:
    folder = make_deck({"a.yaml": "title: S\nslides:\n  - title: x\n    bullets: [a]\n"})
    assert run("check", str(folder)).returncode == 0
    assert run("check", "--strict", str(folder)).returncode == 1


def test_usage_errors_exit_2() -> None:
    done = run("check", "--bogus")
    assert done.returncode == 2
    assert "usage:" in done.stderr
    assert run("export").returncode == 2  # -o is required


def test_missing_deck_is_one_line(tmp_path: Path) -> None:
    done = run("check", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert "no such file or folder" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr


def test_export_end_to_end(tmp_path: Path) -> None:
    target = tmp_path / "briefing.pdf"
    done = run("export", "-o", str(target), "--layout", "handout", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert re.fullmatch(rf"Wrote {re.escape(str(target))}: \d+ pages, \d+ KB\n", done.stdout)
    assert target.read_bytes().startswith(b"%PDF-")
    assert done.stderr == ""  # quiet when not on a terminal


def test_export_of_a_broken_deck_fails_cleanly(make_deck: DeckFactory, tmp_path: Path) -> None:
    folder = make_deck({"a.yaml": "title: [\n"})
    target = tmp_path / "out.pdf"
    done = run("export", str(folder), "-o", str(target))
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 1
    assert LINE.match(done.stderr.strip())
    assert not target.exists()


def test_export_bad_range_and_target(tmp_path: Path) -> None:
    done = run("export", "-o", str(tmp_path / "x.pdf"), "--slides", "5-2")
    assert done.returncode == 1
    assert done.stderr.strip() == "tianjin-briefing: error: --slides: 5-2 runs backwards"
    done = run("export", "-o", str(tmp_path))
    assert done.returncode == 1
    assert "is a folder" in done.stderr
    done = run("export", "-o", str(tmp_path / "x.pdf"), "--lang", "en+zh", "--theme", "nope")
    assert done.returncode == 1 and not (tmp_path / "x.pdf").exists()
    assert done.stderr.startswith(
        "tianjin-briefing: error: --theme nope: no theme named 'nope': use one of `default`, "
        "`high-contrast`"
    )  # not a deck's problem: no file:line:col to point to


def test_schema_files_are_current(tmp_path: Path) -> None:
    from desktop.core.format import json_schema_text
    from desktop.core.resources import resources_dir

    for which in ("deck", "section"):
        stored = (resources_dir() / f"{which}.schema.json").read_text(encoding="utf-8")
        assert stored == json_schema_text(which), f"rerun `tianjin-briefing schema` ({which})"
    done = run("schema", str(tmp_path))
    assert done.returncode == 0
    assert (tmp_path / "deck.schema.json").is_file()


def test_check_warns_about_characters_no_bundled_font_has(make_deck: DeckFactory) -> None:
    folder = make_deck(
        {
            "a.yaml": "title: S\nslides:\n  - title: Emoji 😀 here\n    bullets: [a]\n"
            "    sources: [src]\n"
        }
    )
    done = run("check", str(folder), cwd=folder)
    assert done.returncode == 0
    assert done.stdout.splitlines()[0].startswith(
        "a.yaml:3:12: warning: `slides[0].title` has a character that none of the theme's fonts"
        " (Briefing Sans, Briefing Sans SC) can draw: '😀' (U+1F600 GRINNING FACE)"
    )


def test_check_warns_when_text_cannot_fit(make_deck: DeckFactory) -> None:
    bullets = ", ".join([" ".join(["overflowing"] * 60)] * 12)
    folder = make_deck(
        {
            "a.yaml": f"title: S\nslides:\n  - title: Long\n    bullets: [{bullets}]\n"
            "    sources: [src]\n"
        }
    )
    done = run("check", str(folder), cwd=folder)
    assert "a.yaml:3:5: warning: text overflows at the minimum size (bullets of slide 1)" in (
        done.stdout
    )


def test_open_without_a_display_says_so(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    done = subprocess.run(
        [sys.executable, "-m", "desktop"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("tianjin-briefing: error: no display found")


def test_a_count_of_one_is_singular(make_deck: DeckFactory) -> None:
    single = make_deck({"a.yaml": "title: One\nduration: 1m\nslides:\n  - layout: section\n"})
    done = run("check", str(single))
    assert done.stdout.splitlines()[-1] == "1 section, 1 slide, 1 problem (1 warning)"


@pytest.mark.parametrize(
    ("argv", "imports_exporters"),
    [(["check", "--no-render"], False), (["export", "--help"], True)],
)
def test_only_export_imports_the_exporters(argv: list[str], imports_exporters: bool) -> None:
    # Opening the app parses the command line first: the export formats' registry (and the
    # exporters it imports) is read only for `export`, off the start-up path.
    code = (
        "import sys\nfrom desktop.cli import main\n"
        f"try:\n    main({argv!r})\nexcept SystemExit:\n    pass\n"
        "print('desktop.export.registry' in sys.modules)"
    )
    assert child_prints(code)[-1] == str(imports_exporters)


def child_prints(code: str) -> list[str]:
    """The lines a child Python running *code* prints (which modules it loaded, and so on)."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout.strip().splitlines()


def test_the_program_freezes_what_is_left_for_its_shutdown_and_a_caller_keeps_it() -> None:
    # The program's own run (no argv: sys.argv) leaves its objects to the process' end, so
    # Python's shutdown need not walk them again; a caller of main(argv) keeps a heap its
    # garbage collector still manages.
    args = ["check", "--no-render", str(bundled_deck())]
    code = (
        "import gc, sys\nfrom desktop.cli import main\n"
        f"main({args!r})\nprint(gc.get_freeze_count() > 0)\n"
        f"sys.argv = ['tianjin-briefing', *{args!r}]\nmain()\nprint(gc.get_freeze_count() > 0)"
    )
    frozen = [line for line in child_prints(code) if line in ("True", "False")]
    assert frozen == ["False", "True"]
