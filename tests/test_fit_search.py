"""The search of a fit: the last size that fits, found from a guess in few questions."""

from __future__ import annotations

import math

import pytest

from desktop.render.fit_search import last_fitting


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


def test_the_guess_sets_a_size_as_the_fit_does() -> None:
    """The guess's whole pixels at a scale, written out for speed, are the fit's."""
    from desktop.render.fit_guess import _pixels, scaled_size
    from desktop.render.fonts import whole_pixels

    for size in (0.4, 12.0, 20.0, 26.0, 28.5, 40.0, 96.0):
        for min_size in (0.0, 20.0, 26.0):
            for step in range(0, 121):
                scale = step / 100
                expected = whole_pixels(scaled_size(size, scale, min_size))
                assert _pixels(size, scale, min_size) == expected, (size, min_size, scale)
