"""The libyaml-only composing path gives the same trees as the limited composer, and is taken
only where it is safe (no anchor, short text); parsing a file leaves nothing for the garbage
collector."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import yaml

from desktop.core import yaml_compose
from desktop.core.resources import bundled_deck
from desktop.core.yamlfile import parse_yaml


def _shape(node: yaml.Node) -> object:
    """A node tree as plain data: tag, marks and values, recursively."""
    where = (node.start_mark.line, node.start_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return (node.tag, where, node.value, node.style)
    if isinstance(node, yaml.SequenceNode):
        return (node.tag, where, [_shape(item) for item in node.value])
    assert isinstance(node, yaml.MappingNode)
    return (node.tag, where, [(_shape(k), _shape(v)) for k, v in node.value])


def _limited(text: str) -> list[object]:
    loader = yaml_compose._LOADERS[0](text)  # type: ignore[call-arg]
    try:
        nodes = []
        while loader.check_node():
            node = loader.get_node()
            assert node is not None
            nodes.append(_shape(node))
        return nodes
    finally:
        loader.dispose()


BUNDLED = sorted(bundled_deck().glob("*.yaml"))


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_fast_path_matches_the_limited_composer(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text) <= yaml_compose.FAST_TEXT_CHARS
    documents, aliases = yaml_compose.compose(text)
    assert [_shape(d) for d in documents] == _limited(text)
    assert aliases == frozenset()


@pytest.mark.parametrize(
    ("text", "fast"),
    [
        ("title: R&D and **bold** text\n", True),
        ("a: &x [1, 2]\nb: *x\n", False),
        ("a: [&x 1, *x]\n", False),
        ("a: {k: &x 1}\nb: *x\n", False),
        ("- &x\n  k: v\n- *x\n", False),
        ("a: b & c\n", False),  # might be an anchor: the limited composer decides
        ("a: '" + "x" * yaml_compose.FAST_TEXT_CHARS + "'\n", False),
    ],
)
def test_fast_path_only_without_anchors_and_for_short_text(
    text: str, fast: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []
    real = yaml.compose_all

    def spy(stream: str, Loader: type) -> object:  # noqa: N803  (PyYAML's name)
        calls.append(Loader.__name__)
        return real(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "compose_all", spy)
    _, aliases = yaml_compose.compose(text)
    assert (calls == ["CSafeLoader"]) is fast
    if "*x" in text:
        assert aliases, "every alias gets a node of its own"


def test_alias_nodes_are_their_own_in_both_paths() -> None:
    documents, aliases = yaml_compose.compose("a: &x [1, 2]\nb: *x\n")
    (root,) = documents
    (_, first), (_, second) = root.value
    assert first is not second and id(second) in aliases
    assert second.start_mark.line == 1


def test_a_parsed_file_leaves_no_reference_cycles() -> None:
    # What a file was parsed with is freed as it goes out of use, not left to the garbage
    # collector: a loader holds its own bound methods, and through the constructor's cache
    # every node of the file, so each file left hundreds of objects for it to find.
    text = "title: A\nslides:\n" + "".join(
        f"  - {{title: Slide {n}, bullets: [one, two, 3, 2024-01-0{n % 9 + 1}]}}\n"
        for n in range(20)
    )
    gc.collect()
    gc.disable()
    try:
        node, problems = parse_yaml(text, Path("a.yaml"))
        assert node is not None and problems == []
        del node
        assert gc.collect() == 0
    finally:
        gc.enable()
