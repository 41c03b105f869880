"""The searches of a fit: the last size that fits, found from guesses in few questions."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest

from desktop.render.fit_search import GUIDED_STEPS, guided_last_fitting, last_fitting


@pytest.mark.parametrize("count", range(0, 13))
def test_last_fitting_finds_the_boundary_from_any_guess(count: int) -> None:
    """Whatever the guess, the last index that fits; a guess one off costs a few questions,
    any other no more than doubling away from it and a bisection."""
    for boundary in range(-1, count):
        for start in range(-2, count + 2):
            asked: list[int] = []

            def fits(index: int, boundary: int = boundary, asked: list[int] = asked) -> bool:
                assert 0 <= index < count and index not in asked
                asked.append(index)
                return index <= boundary

            found = last_fitting(count, fits, start)
            assert found == (None if boundary < 0 else boundary)
            if abs(boundary - start) <= 1 and 0 <= start < count:
                assert len(asked) <= 3
            assert len(asked) <= 2 * math.ceil(math.log2(count + 1)) + 1


Guesser = Callable[[int, int, int], int]
"""``guesser(index asked, boundary, count)``: the guess *ask* returns there."""

GUESSERS: dict[str, Guesser] = {
    "right": lambda index, boundary, count: boundary,
    "one low": lambda index, boundary, count: boundary - 1,
    "one high": lambda index, boundary, count: boundary + 1,
    "creeping": lambda index, boundary, count: index + (1 if index <= boundary else -1),
    "always the first": lambda index, boundary, count: 0,
    "always the last": lambda index, boundary, count: count - 1,
    "out of range": lambda index, boundary, count: -5 if index % 2 else count + 5,
    "the other side": lambda index, boundary, count: count - 1 - index,
}


@pytest.mark.parametrize("name", GUESSERS)
@pytest.mark.parametrize("count", [0, 1, 2, 3, 5, 8, 17, 40])
def test_guided_search_finds_the_boundary_whatever_the_guesses(name: str, count: int) -> None:
    """However the guesses miss, the last index that fits, no index asked twice, and no more
    questions than the guesses and a bisection."""
    guesser = GUESSERS[name]
    bound = GUIDED_STEPS + 1 + math.ceil(math.log2(count + 1))
    for boundary in range(-1, count):
        for start in range(-1, count + 1):
            asked: list[int] = []

            def ask(
                index: int, boundary: int = boundary, asked: list[int] = asked
            ) -> tuple[bool, int]:
                assert 0 <= index < count and index not in asked
                asked.append(index)
                return index <= boundary, guesser(index, boundary, count)

            found = guided_last_fitting(count, ask, start)
            assert found == (None if boundary < 0 else boundary), (name, boundary, start)
            assert len(asked) <= bound, (name, boundary, start, asked)


def test_right_guesses_cost_the_answer_and_its_neighbour() -> None:
    """From a right guess, the answer is asked and its neighbour above confirms it; from any
    start, a right guess afterwards costs at most one question more."""
    count = 17
    for boundary in range(count):
        for start in range(count):
            asked: list[int] = []

            def ask(
                index: int, boundary: int = boundary, asked: list[int] = asked
            ) -> tuple[bool, int]:
                asked.append(index)
                return index <= boundary, boundary

            assert guided_last_fitting(count, ask, start) == boundary
            confirming = 1 if boundary == count - 1 else 2
            assert len(asked) <= confirming + (start != boundary), (boundary, start, asked)


def test_creeping_guesses_are_taken_further_each_time() -> None:
    """Guesses one index on each time (a text whose height the guess keeps overrating) are
    taken 1, 2, 4... on: far fewer questions than walking up one by one."""
    count, boundary = 40, 30
    asked: list[int] = []

    def ask(index: int) -> tuple[bool, int]:
        asked.append(index)
        return index <= boundary, index + 1 if index <= boundary else index - 1

    assert guided_last_fitting(count, ask, 2) == boundary
    assert asked[:4] == [2, 3, 5, 9]
    assert len(asked) <= GUIDED_STEPS + 1 + math.ceil(math.log2(count))
