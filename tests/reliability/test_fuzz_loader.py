"""Fuzzing the loader with Hypothesis: whatever the files hold, a deck or located problems.

Property (see :func:`tests.reliability.invariants.check_result`): ``load_deck`` never raises,
returns a deck or at least one error, and every problem has a file inside the deck folder, a
1-based line and column (0:0 only for the documented whole-file problems) and a one-line
message. Time is bounded by the profile's deadline and by bounded input sizes.

Inputs: YAML documents dumped from generated Python data, YAML-like text built from YAML's
own syntax, arbitrary text and bytes, and mutations of the bundled deck (deleted keys,
swapped types, random bytes, truncation, huge strings, deep nesting, deleted files).
"""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final

import pytest
import yaml
from hypothesis import given, note, settings
from hypothesis import strategies as st

from desktop.core.format import DECK, LAYOUTS, SECTION, SLIDE, SOURCE
from desktop.core.loader import load_deck
from desktop.core.resources import bundled_deck
from tests.reliability.conftest import Tally, examples
from tests.reliability.invariants import check_result

pytestmark = pytest.mark.reliability("Loader fuzzing (Hypothesis)")

KNOWN_KEYS: Final = sorted(
    {f.name for record in (DECK, SECTION, SLIDE, SOURCE) for f in record.fields}
    | {"text", "value", "label", "by", "path", "caption"}
)
SECTION_FILE: Final = "a.yaml"


@contextmanager
def deck_folder(files: dict[str, bytes]) -> Iterator[Path]:
    """A fresh deck folder for one example (``tmp_path`` is per test, not per example)."""
    with tempfile.TemporaryDirectory(prefix="fuzz-deck-") as tmp:
        root = Path(tmp).resolve() / "deck"
        root.mkdir()
        for name, data in files.items():
            (root / name).write_bytes(data)
        yield root


def load_and_check(files: dict[str, bytes]) -> None:
    with deck_folder(files) as root:
        check_result(load_deck(root), root)


# -- generated data --------------------------------------------------------------------------

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.text(max_size=40),
    st.sampled_from([*LAYOUTS, "16:9", "4:3", "2m", "1h15m", "src", "a.yaml", "deck.yaml"]),
)
keys = st.one_of(st.sampled_from(KNOWN_KEYS), st.text(max_size=12))
data_trees = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=6), st.dictionaries(keys, children, max_size=6)
    ),
    max_leaves=40,
)
deck_like = st.fixed_dictionaries(
    {"title": scalars},
    optional={
        "sources": st.lists(st.fixed_dictionaries({"id": scalars, "title": scalars}), max_size=3),
        "sections": st.lists(st.sampled_from([SECTION_FILE, "b.yaml", "deck.yaml"]), max_size=3),
        "duration": scalars,
        "aspect": scalars,
    },
)
slide_like = st.dictionaries(keys, data_trees, max_size=6)
section_like = st.fixed_dictionaries(
    {"title": scalars, "slides": st.lists(slide_like, max_size=4)},
    optional={"id": scalars, "duration": scalars},
)


def dump(data: object) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


@settings(max_examples=examples())
@given(deck=st.one_of(deck_like, data_trees), section=st.one_of(section_like, data_trees))
def test_generated_documents(deck: object, section: object, tally: Tally) -> None:
    tally.add("test_generated_documents")
    load_and_check({"deck.yaml": dump(deck), SECTION_FILE: dump(section)})


# -- YAML-shaped and arbitrary text ------------------------------------------------------------

YAML_PIECES: Final = (
    "- ", ": ", "\n", "  ", "    ", "\t", "&a ", "*a", "&b ", "*b", "!!str ", "!!int ",
    "!!python/object/apply:os.system ", "!custom ", "!!float ", "!!bool ", "!!timestamp ",
    "!!map ", "!!seq ", "!!null ", "<<: ", "---\n", "...\n", "[", "]", "{",
    "}", ", ", "? ", "|\n", ">-\n", "'", '"', "# ", "%YAML 1.1\n", '"\\x00"', '"\\e"',
    "title", "slides", "layout", "bullets", "figures", "image", "path", "sources", "sections",
    "1:00:00", "2024-02-30", "0x", "1e999", "~", "null", "yes", "é", "中文", "\u202e", "\x85",
    "\ufeff",
)  # fmt: skip
yaml_text = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=8)), max_size=80).map(
    "".join
)


@settings(max_examples=examples())
@given(deck=yaml_text, section=yaml_text)
def test_yaml_shaped_text(deck: str, section: str, tally: Tally) -> None:
    tally.add("test_yaml_shaped_text")
    load_and_check({"deck.yaml": deck.encode("utf-8"), SECTION_FILE: section.encode("utf-8")})


@settings(max_examples=examples(0.5))
@given(deck=st.binary(max_size=2_000), section=st.binary(max_size=2_000))
def test_arbitrary_bytes(deck: bytes, section: bytes, tally: Tally) -> None:
    tally.add("test_arbitrary_bytes")
    load_and_check({"deck.yaml": deck, SECTION_FILE: section})


@settings(max_examples=examples(0.5))
@given(text=st.text(max_size=3_000))
def test_arbitrary_text_as_section(text: str, tally: Tally) -> None:
    tally.add("test_arbitrary_text_as_section")
    deck = b"title: T\nsources: [{id: src, title: S}]\n"
    load_and_check({"deck.yaml": deck, SECTION_FILE: text.encode("utf-8", "surrogatepass")})


# -- mutations of the bundled deck -------------------------------------------------------------


@functools.cache
def bundled_files() -> dict[str, bytes]:
    """The bundled deck's files (YAML only; it has no images)."""
    root = bundled_deck()
    return {path.name: path.read_bytes() for path in sorted(root.glob("*.yaml"))}


Path_ = list[str | int]


def paths_in(tree: Any, prefix: Path_ | None = None) -> Iterator[Path_]:
    """Every path to a value inside the tree (keys and list indexes)."""
    prefix = prefix or []
    if isinstance(tree, dict):
        for key, value in tree.items():
            yield [*prefix, key]
            yield from paths_in(value, [*prefix, key])
    elif isinstance(tree, list):
        for index, value in enumerate(tree):
            yield [*prefix, index]
            yield from paths_in(value, [*prefix, index])


def parent_of(tree: Any, path: Path_) -> Any:
    for step in path[:-1]:
        tree = tree[step]
    return tree


def deep(depth: int) -> object:
    value: object = "bottom"
    for level in range(depth):
        value = [value] if level % 2 else {"k": value}
    return value


REPLACEMENTS: Final[dict[str, Callable[[st.DataObject], object]]] = {
    "swap type": lambda data: data.draw(data_trees),
    "huge string": lambda data: "x" * data.draw(st.integers(1_000, 200_000)),
    "deep nesting": lambda data: deep(data.draw(st.integers(30, 60))),
    "long list": lambda data: ["item"] * data.draw(st.integers(200, 5_000)),
}
MUTATIONS: Final = (
    "delete key",
    *REPLACEMENTS,
    "random bytes",
    "truncate",
    "delete file",
    "duplicate lines",
)


def mutate(files: dict[str, bytes], data: st.DataObject) -> str:
    """Apply one mutation to one file; return what was done."""
    name = data.draw(st.sampled_from(sorted(files)), label="file")
    kind = data.draw(st.sampled_from(MUTATIONS), label="mutation")
    raw = files[name]
    if kind == "delete file":
        del files[name]
    elif kind == "truncate":
        files[name] = raw[: data.draw(st.integers(0, len(raw)))]
    elif kind == "random bytes":
        at = data.draw(st.integers(0, len(raw)))
        noise = data.draw(st.binary(min_size=1, max_size=16))
        files[name] = raw[:at] + noise + raw[at + data.draw(st.integers(0, 16)) :]
    elif kind == "duplicate lines":
        lines = raw.splitlines(keepends=True)
        at = data.draw(st.integers(0, max(0, len(lines) - 1)))
        files[name] = b"".join([*lines[: at + 1], *lines[at : at + 3], *lines[at + 1 :]])
    else:
        try:
            tree = yaml.safe_load(raw)
        except yaml.YAMLError:  # an earlier mutation broke the file: cut it instead
            files[name] = raw[: len(raw) // 2]
            return f"truncate (for {kind}) in {name}"
        paths = list(paths_in(tree))
        if not paths:
            return f"{kind} (nothing to change) in {name}"
        path = data.draw(st.sampled_from(paths), label="path")
        parent = parent_of(tree, path)
        if kind == "delete key":
            del parent[path[-1]]
        else:
            parent[path[-1]] = REPLACEMENTS[kind](data)
        files[name] = dump(tree)
    return f"{kind} in {name}"


@settings(max_examples=examples())
@given(data=st.data())
def test_mutated_bundled_deck(data: st.DataObject, tally: Tally) -> None:
    tally.add("test_mutated_bundled_deck")
    files = dict(bundled_files())
    for _ in range(data.draw(st.integers(1, 3), label="mutations")):
        note(mutate(files, data))
    load_and_check(files)


def test_bundled_deck_copy_loads_cleanly(tally: Tally) -> None:
    """The unmutated copy is the baseline: it loads with no problems at all."""
    tally.add("test_bundled_deck_copy_loads_cleanly", 1, "decks")
    with deck_folder(bundled_files()) as root:
        result = load_deck(root)
        assert result.deck is not None and result.problems == ()
        shutil.rmtree(root)
