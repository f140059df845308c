"""What the lesson tests share: the problems a file gets, and where a line is."""

import pytest

from psoas_lib.lesson import LessonError, load_lesson


def problems_of(path):
    """The problems `load_lesson(path)` raises (it must raise)."""
    with pytest.raises(LessonError) as caught:
        load_lesson(path)
    return caught.value.problems


def line_of(text: str, needle: str, occurrence: int = 1) -> int:
    """1-based line of the n-th line containing needle."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if needle in line]
    return hits[occurrence - 1]
