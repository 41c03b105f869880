"""Run the reliability tests and write ``docs/reliability.md`` from what they report.

Usage (from the repository root)::

    .venv/bin/python tests/reliability/report.py                  # the CI profile
    .venv/bin/python tests/reliability/report.py --profile long   # many more examples
    .venv/bin/python tests/reliability/report.py --from-json reliability.json  # no run

The tests write a JSON summary (see ``tests/reliability/conftest.py``); every figure in the
document comes from it. The prose around the figures lives here.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Final

ROOT: Final = Path(__file__).resolve().parents[2]
DOC: Final = ROOT / "docs" / "reliability.md"

HOW: Final[dict[str, tuple[str, str]]] = {
    "Loader fuzzing (Hypothesis)": (
        "test_fuzz_loader.py",
        "Hypothesis generates YAML documents (dumped from generated data), YAML-shaped text"
        " from YAML's own syntax, arbitrary text and bytes, and 1 to 3 mutations of the"
        " bundled deck (deleted keys, swapped types, random bytes, truncation, huge strings,"
        " deep nesting, long lists, deleted files, duplicated lines). Property: `load_deck`"
        " never raises and returns a deck or errors; every problem has a file in the deck,"
        " line and column ≥ 1 (0:0 only for the whole-file problems listed below) and a"
        " one-line message of at most 1,000 characters; each example within the deadline.",
    ),
    "Hostile decks (catalogue)": (
        "test_hostile_decks.py, tests/data/hostile/",
        "One deck folder per case with `expected.txt`, the exact `check` output (file, line,"
        " column, message). Checked from `load_deck` and from the real `check` command;"
        " decks that load are also rendered slide by slide. Large and special files (50 MB,"
        " a 20,000×20,000 PNG header, 10,000 bullets, pipes, folders, links) are made at test"
        " time.",
    ),
    "Interrupted export, full disk, read-only target": (
        "test_interrupted_export.py",
        "A subprocess exports a 300-slide deck over an existing PDF and is killed (SIGKILL)"
        " after seeded random delays and at marked phases: at a random page, as the structure"
        " is built on Qt's file, as it is appended (the child waits at those two markers to be"
        " killed: they last milliseconds), just before the rename; the target stays"
        " byte-identical (or absent). The next export removes the killed writers' temporary"
        " files. Disk full: appending the structure raises ENOSPC (mock), and a real file-size"
        " limit (RLIMIT_FSIZE) makes"
        " Qt's own writes fail. Read-only: /proc and /sys, and a mocked EROFS. Each gives one"
        " line, exit 1, the old file intact.",
    ),
    "Export targets": (
        "test_export_targets.py",
        "`export -o` (in-process, and as a subprocess where the environment matters) over"
        " text, Markdown, PNG and binary files (refused with what is there, replaced only with"
        " `--force`), an existing PDF and an empty file (replaced), a device, FIFO, socket,"
        " folder, link to a device and a link to nowhere (refused also as root and with"
        " `--force`), a read-only file as root and as a plain user (a child without the"
        " capabilities that bypass permissions), a file of another owner (owner, group and"
        " mode kept), a target that turns into a text file mid-export, names of 300 bytes,"
        " paths of 5,000 and the longest name allowed; Chinese names and messages under"
        " `LC_ALL=C` without UTF-8 coercion, a name the locale cannot encode; `schema` over"
        " a file that is not JSON; the Export dialog with injected answers.",
    ),
    "Bad environments and commands": (
        "test_bad_commands.py",
        "A `sitecustomize` makes PySide6's modules fail to import as the dynamic loader does"
        " (`libEGL.so.1`, `libglib-2.0.so.0`, `libxkbcommon.so.0` missing, or no PySide6):"
        " `check`, `export`, `open` and `present` each print one line naming the library and"
        " its package, and `check --no-render` works. The soname table is compared with the"
        " `NEEDED` entries of the installed Qt (objdump), the README with the table; the real"
        " xcb plugin where a library of it is missing. Unknown commands and options (a"
        " did-you-mean), empty `--slides`, bad `--slide` numbers (exit 2); `present --slide"
        " 999`, an unknown `--screen`, `present` and the window on an invalid deck; `check` on"
        " a device, a FIFO and a socket.",
    ),
    "No network": (
        "test_no_network.py",
        "`check` and `export` in-process and a main-window session (open, navigate, search,"
        " reload, export) with socket connect/resolve functions replaced by ones that fail"
        " the test; the CLI as a subprocess with a `sitecustomize` trap (with a positive"
        " control); and under `strace`, no `socket`/`connect` system call other than local"
        " Unix sockets.",
    ),
    "Crash handling": (
        "test_crash_handling.py",
        "With the app's hook installed, exceptions in a timer slot, a signal handler and a"
        " paint event show one non-modal dialog with the report (copyable) and the log path;"
        " the window keeps working; repeated failures are logged without a storm of dialogs."
        " The CLI prints one line naming the log (in-process and in a subprocess), exit 1.",
    ),
    "Images: SVG references, decoding, size and cost": (
        "test_images.py, tests/data/hostile/",
        "SVG rules on generated SVGs: every kind of reference outside (href, xlink:href, src,"
        " CSS url() and @import, data: URLs, DOCTYPE and entities, XInclude, animated"
        " references) refused with the reference named; #id references and embedded PNGs"
        " allowed; <use> doubling, fan-out, pattern and marker multiplication and point counts"
        " refused before Qt draws. An SVG swapped after loading is still never drawn. Cut-short"
        " and corrupt PNG/JPEG reported by `check` at the image line (and the window banner),"
        " with Qt's and libpng's messages in the log, none on the terminal (in process and as"
        " subprocesses). Images at exactly the size limits (8 and 16-bit PNG, JPEG) draw."
        " JPEG frame headers after 100 KB to 2.6 MB of segments.",
    ),
    "SVG drawing time: estimated, measured, bounded": (
        "test_svg_cost.py, svg_samples.py, tests/data/hostile/",
        "Generated SVGs whose drawing explodes (one path of 1,000 or 10,000 long segments,"
        " wide strokes, large filled polygons) are refused by the estimate in under a second"
        " at the image line; realistic ones (the example's site plan, a bar chart, a 6,000-"
        "point line chart, an icon sheet, a 50,000-segment map) pass far below the limit; the"
        " estimate follows Qt's CPU time within 4x. The probe stops a slow drawing in a child"
        " process, keeps its verdicts in memory and on disk, measures within a budget (also"
        " when slides are painted unchecked). `check`, `export` and the window each finish"
        " within 10 s on such decks; `export` warns and the PDF and slides show the"
        " placeholder. Qt's path limit (32,767 points) is where the check puts it, for lines,"
        " pairs, curves, arcs and closed paths; a deck's SVGs are bounded together.",
    ),
    "Notes Markdown: nothing outside": (
        "test_notes_markdown.py",
        "Notes with images (absolute, `..`, file: URIs, inside the deck), links of every"
        " scheme, raw HTML, autolinks and reference links: the notes PDF has link annotations"
        " only for http(s) and mailto and no image; the notes pane the same; under `strace`"
        " the exporting process never opens or stats the outside file.",
    ),
    "Loader bounds (deck.yaml links, work, values, locations)": (
        "test_loader_bounds.py",
        "A deck.yaml that links outside the deck, opened as a folder, as DIR/deck.yaml and in"
        " the window: refused unread, no key or value of the linked file in any output. Every"
        " catalogue deck through the real `check` and, when it loads, `export`, and every one"
        " opened in one window, each within 10 s; a deck at every limit (2,000 slides, 1.9"
        " million characters) within it too. Aliases that expand text past the file and deck"
        " limits, a deck's images together past 500 megapixels, durations in every non-ASCII"
        " digit and past a day; every slide text located at its own value; emphasis markers"
        " that never make text vanish; a missing glyph reported once per field; the documented"
        " section order, font names, limits and duration rules read from docs/deck-format.md"
        " and checked against the code.",
    ),
    "Live reload": (
        "test_live_reload.py",
        "The main window and the presenter (each scenario runs with both) on a deck whose first"
        " section is in a subfolder, with the periodic check off so only the watcher can bring"
        " changes in: a section file deleted and recreated (twice), an image deleted and"
        " recreated, the deck folder deleted and restored or renamed away and back (twice), a"
        " save written as a valid prefix and then the rest with a pause shorter and longer than"
        " the debounce; each followed by an edit in place. The viewer must end on what is on"
        " disk (the image's pixels included), on its slide by id, or on the nearest surviving"
        " one. Alone: lost events (watcher silenced; the periodic check catches up), a file"
        " changed while it loaded (loaded again), a superseded load (dropped), and a slow load"
        " during which timers fire and keys move the slide.",
    ),
}

NOTES: Final = """\
## Notes

- **Line 0.** A problem is at line 0, column 0 only when it is about a file or folder as a
  whole that could not be read: `cannot read file: …`, `this is a folder, not a YAML file`,
  `this is not a regular file …`, `this folder has no deck.yaml; …`, `deck.yaml is a folder
  here; …`, `no such file or folder`, `cannot open …`, `… is not a deck; …`, `… links to a
  file outside the deck folder; …`. Everything else has a line and column from 1
  (`tests/reliability/invariants.py` holds the rule the fuzzer checks).
- **Temporary files.** An export writes `.<name>.<host>.pid<PID>.<random>.part` (and Qt's
  draft `….part.qt`; a name over 100 bytes is cut there, with a hash of it) beside the
  target and renames it over the target when complete. A
  SIGKILL leaves these files; the next export to the same target removes those of this
  machine whose process has ended (`desktop/core/atomic.py`, `remove_stale_parts`). Files
  of a running export, of another machine, or not named this way are left alone. On Windows
  nothing is removed (checking a process there could end it).
- **Hypothesis profiles.** `ci` (the default) is bounded and derandomised: the same examples
  every run. `long` runs many more random examples:
  `HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q tests/reliability`, or
  `tests/reliability/report.py --profile long` to regenerate this page from such a run.
- **An autouse no-network guard** for the whole suite would be a fixture in
  `tests/conftest.py` that uses the `no_network` fixture of `tests/reliability/conftest.py`
  (moved up one level) with `autouse=True`; tests that need a socket on purpose would opt
  out with a marker. It is not installed yet: the reliability tests cover the CLI and the
  main window, and the rest of the suite runs without a network anyway.
- **Not covered here:** reload storms and presenter faults (tested separately).

"""


FOUND: Final = (
    (
        "fuzzing (long profile)",
        "`!!int ''`, `!!bool maybe`, `!!timestamp x`: PyYAML raised IndexError, KeyError or"
        " AttributeError out of `load_deck`",
        "`yaml_nodes.convert` turns them into a located problem",
    ),
    (
        "fuzzing",
        "an unknown source id of 200,000 characters was quoted whole in the message",
        "values and names in messages are shortened (`yaml_nodes.shorten`, `quoted`)",
    ),
    (
        "catalogue",
        "a base-60 number (`1:00:00:…`, 600 KB) took PyYAML 30 s to compute",
        "numbers over 100 characters are kept as written",
    ),
    (
        "catalogue",
        "a NUL character, a 300-character name or a link loop in `sections`, `image` or"
        " `theme` raised ValueError, OSError or RuntimeError",
        "`loader.inside` reports them; `display_path` survives link loops",
    ),
    (
        "catalogue",
        "an unlisted `*.yaml` link to `/etc/passwd` or `/dev/zero` was read (the latter"
        " without end); a named pipe hung the loader",
        "found files must stay inside the deck; only regular files are read, at most 2 MB",
    ),
    (
        "catalogue",
        "a raw control character gave a two-line `YAML error` at 1:1; a line break in a name"
        " split a `check` line",
        "a located message; control, line-break and bidi characters are escaped in messages",
    ),
    (
        "catalogue",
        "a 2 MB flow list took PyYAML 12 s before the value limit applied; deep nesting"
        " reached Python's recursion limit",
        "the pure-Python parser stops at 100,000 nodes or 40 levels, at the right line",
    ),
    (
        "review",
        "PyYAML's shared constructor kept every value (and its file's text) ever loaded",
        "one constructor per file",
    ),
    (
        "file-size limit",
        "a write failure while Qt drew the PDF ended as `internal error: PdfStreamError`",
        "Qt's device errors are checked, and the draft must end with `%%EOF`",
    ),
    (
        "kills",
        "a killed export's `.part` files stayed forever",
        "the next export removes them (see above)",
    ),
    (
        "export targets",
        "`export -o notes.txt` replaced the notes with a PDF; `-o` onto a FIFO, a socket or"
        " (as root) a device node replaced it; a read-only file was replaced by the rename;"
        " an overwritten file became root's",
        "one rule for every writer (`desktop/core/targets.py`): absent, or a writable file"
        " of the format; `--force` for other files; owner and mode kept",
    ),
    (
        "export targets",
        "under `LC_ALL=C` a Chinese file name failed (`No such file or directory`: Qt wrote"
        " the draft under another name) and a Chinese message ended as `internal error:"
        " UnicodeEncodeError`; a 300-byte name gave `internal error: OSError`, a 250-byte one"
        " failed for its temporary name",
        "Qt writes to an open file; stdout and stderr escape what the locale cannot encode;"
        " names are checked first; temporary names are shortened",
    ),
    (
        "bad commands",
        "a missing `libEGL.so.1` gave `internal error: ImportError`; a missing xcb library"
        " made the window abort with Qt's lines sent to the log only",
        "one line naming the libraries and their Debian/Ubuntu packages (`desktop/qtlibs.py`);"
        " the platform plugin is loaded first",
    ),
    (
        "bad commands",
        "`chek DECK` and `present --slide 0` opened the app; `--slides ''` exported"
        " everything; `present --slide 999`, an unknown `--screen` and an invalid deck"
        " presented or waited silently; `check /dev/null` said `no such file or folder`",
        "usage errors with a did-you-mean (exit 2); clear one-line errors (exit 1)",
    ),
    (
        "catalogue",
        "unclear messages: `` `` must be a mapping`` for a whole file, `second occurrence`"
        " for a duplicate anchor, UTF-16 without BOM called binary, UTF-32 called UTF-16, a"
        " folder named `deck.yaml` or a listed section that is a folder called missing",
        "clearer messages",
    ),
    (
        "catalogue",
        "a `deck.yaml` that is a link to a file outside the deck was read, and its keys and"
        " values quoted in the problems",
        "`resolve_deck_path` refuses it before reading, in every form a deck is opened",
    ),
    (
        "catalogue (time bound)",
        "20 KB of notes behind 10,000 aliases (600 KB, 200 million characters) loaded; 200"
        " bullets of 200 sub-bullets took `check` 12 s; 20,000 cited sources 9 s",
        "text counted through aliases per file and per deck; caps on bullets per slide,"
        " slides, sections, sources and theme fonts; every case `check`ed within 10 s",
    ),
    (
        "catalogue",
        "durations in Arabic-Indic or fullwidth digits (`٣m`) were accepted through `\\d`;"
        " durations of any length (5,000 digits broke `int()`)",
        "ASCII digits only, at most a day (also the sections together); one pattern",
    ),
    (
        "review",
        "an unknown source id, a duplicate id and an alias's expansion were reported at the"
        " slide's first line or at the anchor",
        "each problem points at the value itself (the id, the alias)",
    ),
    (
        "review",
        "`****` drew nothing; a missing glyph was reported once per deck at the first slide"
        " using it, with a hint naming a repository script",
        "empty marker pairs stay literal; one warning per field, at the field, with a hint"
        " for deck themes",
    ),
    (
        "review",
        "the format docs said `.yml` files are not found and dot-files are, and named the"
        " bundled fonts Noto Sans",
        "docs fixed; a test reads the rules from the docs and checks them against the loader",
    ),
    (
        "review",
        "speaker notes in the notes PDF read `../x.png` and `/etc/passwd` as images (Qt's"
        " image handler opens files itself) and made `file:`/`javascript:` links annotations",
        "one notes document for every surface: images become alt text before layout, only"
        " http(s)/mailto stay links",
    ),
    (
        "review",
        'an SVG slide image or logo drew a file it pointed at (`<image href="../x.png">`);'
        " ten `<use>` of the level below, seven deep, took seconds to draw",
        "SVGs are parsed without DTDs, refused unless self-contained, their drawing counted"
        " (20,000 elements, 500,000 points), and drawn from the checked bytes",
    ),
    (
        "SVG drawing-time tests",
        "one `<path>` of 1,000 long segments (1,001 points) took 10 s to draw at 4K, 10,000"
        " took minutes, and the window froze: PySide6 holds the GIL while Qt draws, so no"
        " thread or timer could stop it",
        "a drawing-time estimate from the geometry (Qt's scan-converter bands × the cells its"
        " edges cross, fitted within 3×) refuses over 10 s; an uncertain SVG is drawn once in"
        " a child process killed after 3 s, its verdict cached by content",
    ),
    (
        "SVG drawing-time tests",
        "a `<path>` of more than 32,767 points passed every check and Qt silently drew none of it",
        "the check counts the points as Qt's path does and refuses it, at the image's line",
    ),
    (
        "SVG drawing-time tests",
        "`export` drew an image it could not decode as a grey box and said nothing",
        "every surface draws a placeholder with the image's name and why; `export` prints the"
        " problem as a warning, as `check` does",
    ),
    (
        "review",
        "a 10,000 × 10,000 PNG (the documented maximum) drew grey: Qt refuses 400 MB; a"
        " cut-short PNG or JPEG and a JPEG whose frame header came after 64 KB of metadata"
        " passed `check`; `libpng error` reached the terminal",
        "a 40-megapixel limit that draws (allocation limit raised, decoded at most 4,096 px a"
        " side); images are read whole and decoded by `check`; stderr of decoders goes to"
        " the log",
    ),
    (
        "live reload tests",
        "a section file or image deleted and recreated, or the deck folder deleted and restored"
        " or renamed away and back, was never shown again: the watcher had dropped the path (or"
        " followed the renamed folder) and a missing folder cannot be watched",
        "`DeckSession` re-arms after every event and load, watches the folders up to the deck"
        " folder's parent (a missing path through its nearest ancestor) and compares the files'"
        " signatures every 1.5 s",
    ),
    (
        "live reload tests",
        "re-arming the watcher by removing and adding every path lost the events it had queued",
        "only dropped or replaced paths are watched again",
    ),
    (
        "live reload tests",
        "a missing deck folder was reported as `.:0: no such file or folder`",
        "the message names the folder",
    ),
    (
        "live reload tests",
        "after a reload that removed the slide on screen, the window showed whatever slide then"
        " had its number; a save written in two steps left the viewer there for good",
        "the nearest surviving slide by id, and back to the chosen slide when it returns",
    ),
    (
        "review",
        "a reload read the deck on the UI thread, which froze for the whole load; the main"
        " window and the presenter each kept their own copy of the deck's life",
        "one `DeckSession` loads on a worker thread; both windows subscribe to it",
    ),
)
"""Faults the reliability work found and fixed: (found by, fault, fix)."""


def run_tests(json_path: Path, profile: str) -> int:
    env = dict(os.environ, TIANJIN_RELIABILITY_REPORT=str(json_path), HYPOTHESIS_PROFILE=profile)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/reliability"]
    return subprocess.run(command, cwd=ROOT, env=env, check=False).returncode


def plural(count: int, unit: str) -> str:
    unit = unit.removesuffix("s") if count == 1 else unit
    return f"{count:,} {unit}"


def result_text(outcomes: list[str]) -> str:
    failed = outcomes.count("failed")
    skipped = outcomes.count("skipped")
    if failed:
        return f"**{failed} of {len(outcomes)} tests failed**"
    ran = len(outcomes) - skipped
    text = "passed" if len(outcomes) == 1 and not skipped else f"passed ({plural(ran, 'tests')})"
    return text + (f", {skipped} skipped" if skipped else "")


def render(summary: dict[str, Any]) -> str:
    tests: list[dict[str, Any]] = summary["tests"]
    order = list(HOW)
    faults = sorted(
        dict.fromkeys(test["fault"] for test in tests),
        key=lambda fault: order.index(fault) if fault in order else len(order),
    )
    lines = [
        "# Reliability",
        "",
        "Generated by `tests/reliability/report.py` from the JSON summary the reliability"
        " tests write; do not edit by hand. Regenerate with"
        " `.venv/bin/python tests/reliability/report.py`.",
        "",
        f"Run: {summary['finished']}, Hypothesis profile `{summary['hypothesis_profile']}`"
        f" ({summary['hypothesis_max_examples']:,} examples per test by default),"
        f" Python {summary['python']}, PySide6 {summary['pyside6']}, {summary['platform']},"
        f" {summary['cpus']} CPUs, {summary['seconds']:.0f} s in all.",
        "",
        "| Fault class | How it is tested | Cases run | Result |",
        "| --- | --- | --- | --- |",
    ]
    for fault in faults:
        mine = [test for test in tests if test["fault"] == fault]
        where, how = HOW.get(fault, ("", ""))
        units: dict[str, int] = {}
        for test in mine:
            units[test["unit"]] = units.get(test["unit"], 0) + int(test["count"])
        counted = ", ".join(plural(count, unit) for unit, count in units.items())
        result = result_text([test["outcome"] for test in mine])
        lines.append(f"| {fault} | `{where}`: {how} | {counted} | {result} |")
    lines += [
        "",
        "## Each test",
        "",
        "Parametrized tests are one row: their cases are added up.",
        "",
        "| Fault class | Test (in `tests/reliability/`) | Ran | Detail | Result | Time |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for fault in faults:
        functions = dict.fromkeys(t["function"] for t in tests if t["fault"] == fault)
        for function in functions:
            mine = [t for t in tests if t["fault"] == fault and t["function"] == function]
            ran = sum(int(t["count"]) for t in mine)
            details = "; ".join(t["detail"] for t in mine if t["detail"])
            result = result_text([t["outcome"] for t in mine])
            seconds = sum(float(t["seconds"]) for t in mine)
            lines.append(
                f"| {fault} | `{function}` | {plural(ran, mine[0]['unit'])} | {details}"
                f" | {result} | {seconds:.1f} s |"
            )
    lines += [
        "",
        NOTES.rstrip(),
        "",
        "## What these tests found (all fixed)",
        "",
        "| Found by | Fault | Fix |",
        "| --- | --- | --- |",
        *(f"| {by} | {fault} | {fix} |" for by, fault, fix in FOUND),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the reliability tests; write the doc.")
    parser.add_argument("--profile", default="ci", choices=("ci", "long"))
    parser.add_argument("--from-json", type=Path, help="render this summary; run no tests")
    parser.add_argument("--output", type=Path, default=DOC, help=f"default: {DOC}")
    args = parser.parse_args(argv)
    status = 0
    if args.from_json is not None:
        json_path: Path = args.from_json
    else:
        json_path = Path(tempfile.mkdtemp(prefix="reliability-")) / "reliability.json"
        status = run_tests(json_path, args.profile)
    summary = json.loads(json_path.read_text(encoding="utf-8"))
    args.output.write_text(render(summary), encoding="utf-8")
    print(f"Wrote {args.output} from {json_path}")
    return status


if __name__ == "__main__":
    sys.exit(main())
