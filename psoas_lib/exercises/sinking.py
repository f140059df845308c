"""Sinking in over time, after the fingertips are placed: each press sinks them one step, at the student's own pace.

Faster than the lesson's speed and the rectus abdominis guards and pushes the fingers out (depth back to 0);
slowly, the contents move aside until the fingertips can go no further, where a slight hip flexion is felt as a
contraction only on the psoas. A pulse, at any depth, stops the sinking and sends the fingers lateral; a broad,
expansile pulsation stops the release. Which of these a placement meets depends on the simulated patient.
Time comes from an injected clock (seconds), so scripted timelines test it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from ..lesson.model import Fact, Lesson, SimulatedPatient, Sinking
from .palpation import (
    EXPANSILE_PULSATION, LATERAL, PULSE, STOP_RELEASE, artery_under, distance_to_path_cm, grade_placement, respond,
)

# States of a simulation.
SINKING, AT_DEPTH, CONFIRMED, NOT_CONFIRMED, MOVE_LATERAL, STOPPED = (
    "sinking", "at-depth", "confirmed", "not-confirmed", "move-lateral", "stopped")
FINISHED = frozenset({CONFIRMED, NOT_CONFIRMED, MOVE_LATERAL, STOPPED})
# What a press or a hip flexion gives, besides the findings of `palpation.respond`.
YIELDING, GUARDED, POSTERIOR_WALL, CONTRACTION, NO_CONTRACTION, NOT_AT_DEPTH, FINISHED_ALREADY = (
    "yielding", "guarded", "posterior-wall", "contraction", "no-contraction", "not-at-depth", "finished")


@dataclass(frozen=True)
class Felt:
    """What the fingertips feel after a press or a hip flexion: `finding` names it; `fact` is the lesson's words
    for it (None for the view's own sentences: not yet at depth, already finished)."""

    finding: str
    depth_cm: float
    state: str
    fact: Fact | None = None


@lru_cache(maxsize=1)
def _bundled_sinking() -> Sinking:
    from ..lesson.loader import load_lesson

    return load_lesson().palpation.sinking


def lesson_sinking(lesson: Lesson) -> Sinking:
    """The lesson's sinking model; a file written before lessons had one uses the bundled lesson's."""
    return lesson.palpation.sinking or _bundled_sinking()


class SinkingSimulation:
    """One attempt at sinking in at `position_cm` (the lesson's cm from the umbilicus) on `patient`."""

    def __init__(self, lesson: Lesson, position_cm: tuple[float, float], patient: SimulatedPatient | None = None,
                 clock: Callable[[], float] = time.monotonic):
        self.lesson = lesson
        self.model = lesson_sinking(lesson)
        self.patient = patient or self.model.patients[0]
        self.position_cm = position_cm
        self.clock = clock
        self.depth_cm = 0.0
        self.state = SINKING
        self._last_press: float | None = None

    @property
    def min_interval_seconds(self) -> float:
        """The shortest time between presses that stays under the lesson's speed."""
        return self.model.step_cm / self.model.max_speed_cm_per_s

    def findings(self) -> frozenset[str]:
        """What this patient's vessels give under the fingertips: an expansile pulsation, a pulse, or nothing."""
        (x, y), (dx, dy) = self.position_cm, self.patient.arteries_shift_cm
        palpation = self.lesson.palpation
        aneurysm = self.patient.aneurysm
        if aneurysm is not None:
            artery = next(a for a in palpation.arteries if a.id == aneurysm.artery)
            if distance_to_path_cm((x - dx, y - dy), artery.path_cm) <= aneurysm.half_width_cm:
                return frozenset({EXPANSILE_PULSATION})
        return frozenset({PULSE}) if artery_under(palpation, x - dx, y - dy) else frozenset()

    def press(self) -> Felt:
        """Sink one step: pushed out if too soon after the last press, else deeper, and what is felt there."""
        if self.state in FINISHED:
            return Felt(FINISHED_ALREADY, self.depth_cm, self.state)
        now = self.clock()
        too_fast = self._last_press is not None and now - self._last_press < self.min_interval_seconds
        self._last_press = now
        if too_fast:
            self.depth_cm, self.state = 0.0, SINKING
            return Felt(GUARDED, 0.0, self.state, self._too_fast())
        self.depth_cm = min(self.depth_cm + self.model.step_cm, self.model.depth_cm)
        rule = respond(self.findings())
        if rule == STOP_RELEASE:
            self.state = STOPPED
            return Felt(EXPANSILE_PULSATION, self.depth_cm, self.state, self.lesson.safety.during_release)
        if rule == LATERAL:
            self.state = MOVE_LATERAL
            return Felt(PULSE, self.depth_cm, self.state, self.lesson.palpation.feedback.pulse)
        if self.depth_cm >= self.model.depth_cm:
            self.state = AT_DEPTH
            return Felt(POSTERIOR_WALL, self.depth_cm, self.state, self.model.posterior_wall)
        return Felt(YIELDING, self.depth_cm, self.state, self.model.yielding)

    def flex_hip(self) -> Felt:
        """Ask for a slight hip flexion: a contraction only at depth on the psoas (within the start zone)."""
        if self.state in FINISHED:
            return Felt(FINISHED_ALREADY, self.depth_cm, self.state)
        if self.state != AT_DEPTH:
            return Felt(NOT_AT_DEPTH, self.depth_cm, self.state)
        on_muscle = grade_placement(self.lesson.palpation, *self.position_cm).correct
        self.state = CONFIRMED if on_muscle else NOT_CONFIRMED
        return Felt(CONTRACTION, self.depth_cm, self.state, self.model.contraction) if on_muscle else \
            Felt(NO_CONTRACTION, self.depth_cm, self.state, self.model.no_contraction)

    def _too_fast(self) -> Fact:
        depth = self.lesson.palpation.depth
        return Fact(id="too-fast", text=depth.fast_feedback, sources=depth.sources)
