"""The safety screen asked before any hands-on step: any "yes" stops, and only all "no" clears it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..lesson.model import ScreeningItem

CLEAR = "clear"
STOP = "stop"
INCOMPLETE = "incomplete"


@dataclass(frozen=True)
class ScreenResult:
    """The outcome of a screen: the items answered "yes" (each with its reason and action) and those unanswered."""

    stops: tuple[ScreeningItem, ...]
    unanswered: tuple[ScreeningItem, ...]

    @property
    def status(self) -> str:
        """STOP if any answer is "yes", else INCOMPLETE while a question is unanswered, else CLEAR."""
        if self.stops:
            return STOP
        return INCOMPLETE if self.unanswered else CLEAR

    @property
    def clear(self) -> bool:
        return self.status == CLEAR


def screen(items: Sequence[ScreeningItem], answers: Mapping[str, bool | None]) -> ScreenResult:
    """Screen the answers (item id -> True for "yes", False for "no", None or absent for unanswered)."""
    unknown = set(answers) - {item.id for item in items}
    if unknown:
        raise ValueError(f"no screening question with id {', '.join(sorted(unknown))}")
    # Only an explicit False is a "no": anything else must never clear the screen by accident.
    odd = {key: value for key, value in answers.items() if not (value is None or isinstance(value, bool))}
    if odd:
        raise ValueError(f"screening answers must be True, False or None, got {odd!r}")
    return ScreenResult(
        stops=tuple(item for item in items if answers.get(item.id) is True),
        unanswered=tuple(item for item in items if answers.get(item.id) is None),
    )
