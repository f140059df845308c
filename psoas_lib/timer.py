"""The session clock of a live release: the lesson's time window, pause and resume, and the current step.

The clock is injected (any function returning seconds that only go forwards), so the timing is tested
with a fake clock and no sleeping. The time never runs past the window's maximum: there it stops.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from .lesson.model import Dose

Clock = Callable[[], float]
Phase = Literal["ready", "running", "paused", "finished"]


@dataclass(frozen=True)
class SplitStep:
    """One step of the suggested split, placed on the session's time line."""

    movement: str
    start_seconds: float
    end_seconds: float


@dataclass(frozen=True)
class TimerState:
    """What the timer shows at one moment."""

    phase: Phase
    elapsed_seconds: float
    remaining_seconds: float  # until the window's maximum
    until_minimum_seconds: float
    minimum_reached: bool
    maximum_reached: bool
    step: int | None  # index into the split; None once the split is over
    step_remaining_seconds: float


class SessionTimer:
    """Start, pause, resume and reset a session bounded by a minimum and a maximum duration."""

    def __init__(self, minimum_seconds: float, maximum_seconds: float, split: Sequence[tuple[str, float]],
                 clock: Clock = time.monotonic):
        if not 0 < minimum_seconds <= maximum_seconds:
            raise ValueError("the window needs 0 < minimum_seconds <= maximum_seconds")
        self.minimum_seconds = minimum_seconds
        self.maximum_seconds = maximum_seconds
        self.split = _place(split)
        self._clock = clock
        self._started = False
        self._banked_seconds = 0.0  # time run before the latest start or resume
        self._running_since: float | None = None

    @classmethod
    def from_dose(cls, dose: Dose, clock: Clock = time.monotonic) -> SessionTimer:
        """A timer for the lesson's window (`dose.window`) and its suggested split."""
        split = [(step.movement, step.seconds) for step in dose.suggested_split.steps]
        return cls(dose.window.min_minutes * 60, dose.window.max_minutes * 60, split, clock)

    @property
    def elapsed_seconds(self) -> float:
        running = self._clock() - self._running_since if self._running_since is not None else 0.0
        return min(self._banked_seconds + running, self.maximum_seconds)

    @property
    def phase(self) -> Phase:
        if self.elapsed_seconds >= self.maximum_seconds:
            return "finished"
        if self._running_since is not None:
            return "running"
        return "paused" if self._started else "ready"

    def start(self) -> bool:
        """Start from zero; returns whether the timer was ready to start."""
        if self.phase != "ready":
            return False
        self._started = True
        self._running_since = self._clock()
        return True

    def pause(self) -> bool:
        """Stop the time running; returns whether it was running."""
        if self.phase != "running":
            return False
        self._banked_seconds = self.elapsed_seconds
        self._running_since = None
        return True

    def resume(self) -> bool:
        """Run on from where the pause left off; returns whether the timer was paused."""
        if self.phase != "paused":
            return False
        self._running_since = self._clock()
        return True

    def reset(self) -> None:
        """Back to zero, ready to start."""
        self._started = False
        self._banked_seconds = 0.0
        self._running_since = None

    def state(self) -> TimerState:
        elapsed = self.elapsed_seconds
        step = next((i for i, s in enumerate(self.split) if s.start_seconds <= elapsed < s.end_seconds), None)
        return TimerState(
            phase=self.phase,
            elapsed_seconds=elapsed,
            remaining_seconds=self.maximum_seconds - elapsed,
            until_minimum_seconds=max(self.minimum_seconds - elapsed, 0.0),
            minimum_reached=elapsed >= self.minimum_seconds,
            maximum_reached=elapsed >= self.maximum_seconds,
            step=step,
            step_remaining_seconds=self.split[step].end_seconds - elapsed if step is not None else 0.0,
        )


def _place(split: Sequence[tuple[str, float]]) -> tuple[SplitStep, ...]:
    steps, start = [], 0.0
    for movement, seconds in split:
        if seconds <= 0:
            raise ValueError(f"split step '{movement}' must last more than 0 seconds")
        steps.append(SplitStep(movement, start, start + seconds))
        start += seconds
    return tuple(steps)


def clock_text(seconds: float, round_up: bool = False) -> str:
    """Minutes and seconds, "MM:SS": elapsed time counts completed seconds (299.9 s is "04:59"), a
    countdown rounds up (`round_up`), so that elapsed and remaining always add up to the whole."""
    whole = math.ceil(seconds) if round_up else math.floor(seconds)
    return f"{whole // 60:02d}:{whole % 60:02d}"
