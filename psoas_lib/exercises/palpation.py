"""The simulated palpation of the landmark quiz: placement on the anterior diagram, then depth, then confirmation.

Coordinates are the lesson's: cm, umbilicus at (0, 0), x towards the patient's left, y towards the head.
A pulse is checked before anything else, and always sends the fingers lateral; a warning sign during the
release (a broad, expansile pulsation or new severe pain) stops it, whatever else is felt.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from ..lesson.model import Artery, ConfirmationQuestion, Fact, Palpation, PointCm
from .choice import grade_choice
from .feedback import Feedback
from .fingerprint import fingerprint
from .recorder import ChoiceSession, Recorder, Saved, recorded

STEP_CM = 1.0
# Positions are kept to 1 mm, the precision shown to the student, so what is shown is what is graded.
POSITION_DECIMALS = 1

LATERAL, MEDIAL, CRANIAL, CAUDAL = "lateral", "medial", "cranial", "caudal"
# Screen directions on the front view: the patient's left is the viewer's right, the head is up.
KEY_STEPS = {"left": (-1, 0), "right": (1, 0), "up": (0, 1), "down": (0, -1)}
SLOW, FAST = "slow", "fast"
# What is felt under the fingertips, and what the rule says to do about it.
PULSE, EXPANSILE_PULSATION, SEVERE_PAIN, CONTRACTION = "pulse", "expansile-pulsation", "severe-pain", "contraction"
STOP_RELEASE, ON_THE_MUSCLE, REPOSITION = "stop-release", "on-the-muscle", "reposition"
WARNING_SIGNS = frozenset({EXPANSILE_PULSATION, SEVERE_PAIN})
PLACEMENT, DEPTH, CONFIRMATION, DONE = "placement", "depth", "confirmation", "done"


@dataclass(frozen=True)
class Placement(Feedback):
    """A graded placement: `direction` says where to move next ("" when in the start zone)."""

    direction: str = ""
    artery: Artery | None = None
    sources: tuple[str, ...] = ()


def distance_to_path_cm(point: PointCm, path_cm: Sequence[PointCm]) -> float:
    """Shortest distance from `point` to the polyline `path_cm`."""
    return min(_distance_to_segment(point, a, b) for a, b in zip(path_cm, path_cm[1:]))


def _distance_to_segment(point: PointCm, a: PointCm, b: PointCm) -> float:
    (px, py), (ax, ay), (bx, by) = point, a, b
    dx, dy = bx - ax, by - ay
    length_squared = dx * dx + dy * dy
    t = 0.0 if length_squared == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length_squared))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def artery_under(palpation: Palpation, x_cm: float, y_cm: float) -> Artery | None:
    """The artery whose pulse the fingertips would feel at (x_cm, y_cm), if any."""
    return next((artery for artery in palpation.arteries
                 if distance_to_path_cm((x_cm, y_cm), artery.path_cm) <= artery.half_width_cm), None)


def respond(felt: set[str] | frozenset[str]) -> str:
    """What to do about what is felt: a warning sign stops the release (urgent medical assessment), else a
    pulse moves the fingers lateral, else a contraction on hip flexion confirms the muscle, else reposition."""
    unknown = set(felt) - {PULSE, CONTRACTION, *WARNING_SIGNS}
    if unknown:
        raise ValueError(f"unknown finding {sorted(unknown)[0]!r}")
    if felt & WARNING_SIGNS:
        return STOP_RELEASE
    if PULSE in felt:
        return LATERAL
    return ON_THE_MUSCLE if CONTRACTION in felt else REPOSITION


def question_findings(question: ConfirmationQuestion) -> frozenset[str]:
    """The findings a confirmation question's scenario stands for, as far as the safety rules go."""
    return frozenset({*([EXPANSILE_PULSATION] if question.warning_sign else []),
                      *([PULSE] if question.pulse_felt else [])})


def grade_confirmation(question: ConfirmationQuestion, chosen: int) -> Feedback:
    """Grade a confirmation answer; an option that breaks the rule of `respond` is never right, whatever the
    lesson file marks (a warning sign must stop the release, a pulse must move the fingers lateral)."""
    result = grade_choice(question, chosen)
    option = question.options[chosen]
    rule = respond(question_findings(question))
    breaks = ((rule == STOP_RELEASE and not option.stops_release)
              or (rule == LATERAL and not option.moves_lateral))
    return Feedback(False, result.message, "wrong") if result.correct and breaks else result


def grade_placement(palpation: Palpation, x_cm: float, y_cm: float) -> Placement:
    """Grade fingertips placed at (x_cm, y_cm): a pulse first, then medial/lateral, then the level."""
    zone, said = palpation.start_zone, palpation.feedback
    artery = artery_under(palpation, x_cm, y_cm)
    if artery is not None:
        return _placement(said.pulse, "pulse", LATERAL, artery)
    if abs(x_cm) < zone.lateral_min_cm:
        return _placement(said.too_medial, "too-medial", LATERAL)
    if abs(x_cm) > zone.lateral_max_cm:
        return _placement(said.too_lateral, "too-lateral", MEDIAL)
    if y_cm > zone.level_tolerance_cm:
        return _placement(said.too_cranial, "too-cranial", CAUDAL)
    if y_cm < -zone.level_tolerance_cm:
        return _placement(said.too_caudal, "too-caudal", CRANIAL)
    return Placement(True, said.in_zone.text, "in-zone", "", None, tuple(said.in_zone.sources))


def _placement(fact: Fact, verdict: str, direction: str, artery: Artery | None = None) -> Placement:
    sources = tuple(dict.fromkeys([*fact.sources, *(artery.sources if artery else [])]))
    return Placement(False, fact.text, verdict, direction, artery, sources)


def screen_keys(direction: str, x_cm: float) -> tuple[str, ...]:
    """The screen keys ("left", "right", "up", "down") that move the fingertips in `direction` from x_cm.

    Lateral is away from the midline: to the viewer's right on the patient's left side (x > 0), to the
    viewer's left on the patient's right side, and either way on the midline itself.
    """
    side = ("right",) if x_cm > 0 else ("left",) if x_cm < 0 else ("left", "right")
    flip = {"left": "right", "right": "left"}
    return {LATERAL: side, MEDIAL: tuple(flip[key] for key in side) if x_cm else (),
            CRANIAL: ("up",), CAUDAL: ("down",)}.get(direction, ())


def step(x_cm: float, y_cm: float, key: str, step_cm: float = STEP_CM,
         limits_cm: tuple[tuple[float, float], tuple[float, float]] | None = None) -> tuple[float, float]:
    """The position one step of `step_cm` away in screen direction `key`, kept within `limits_cm` if given."""
    if key not in KEY_STEPS:
        raise ValueError(f"unknown direction {key!r}: use one of {', '.join(KEY_STEPS)}")
    dx, dy = KEY_STEPS[key]
    x, y = x_cm + dx * step_cm, y_cm + dy * step_cm
    if limits_cm is not None:
        (x_min, x_max), (y_min, y_max) = limits_cm
        x, y = min(max(x, x_min), x_max), min(max(y, y_min), y_max)
    return round(x, POSITION_DECIMALS), round(y, POSITION_DECIMALS)


def grade_depth(palpation: Palpation, speed: str) -> Feedback:
    """Sinking in slowly lets the contents move aside; too fast makes the rectus abdominis push the fingers out."""
    if speed not in (SLOW, FAST):
        raise ValueError(f"speed must be {SLOW!r} or {FAST!r}, got {speed!r}")
    depth = palpation.depth
    if speed == SLOW:
        return Feedback(True, depth.slow_feedback, SLOW)
    return Feedback(False, depth.fast_feedback, FAST)


class WrongPhase(RuntimeError):
    """A step of the quiz was tried before its turn (e.g. sinking in before a good placement)."""


class LandmarkQuiz:
    """The quiz's state machine: placement -> depth -> confirmation -> done, saved to `progress` if given.

    Every answer is recorded under `exercise` ("placement", "depth", then each confirmation question's
    id), and a new quiz on the same progress resumes where the student left off.
    """

    def __init__(self, palpation: Palpation, progress: Recorder | None = None, exercise: str = "palpation"):
        self.palpation = palpation
        self.progress = progress
        self.exercise = exercise
        self.sessions = {question.id: ChoiceSession(question, exercise, progress, grade=grade_confirmation)
                         for question in palpation.confirmation}
        self.position_cm: tuple[float, float] = (0.0, 0.0)
        self.phase = PLACEMENT
        self._confirmed: set[str] = set()
        self._resume()

    @property
    def questions(self) -> list[ConfirmationQuestion]:
        return self.palpation.confirmation

    def move(self, key: str, step_cm: float = STEP_CM,
             limits_cm: tuple[tuple[float, float], tuple[float, float]] | None = None) -> tuple[float, float]:
        """Move the fingertips one step in screen direction `key` (not graded until placed)."""
        self._expect(PLACEMENT)
        self.position_cm = step(*self.position_cm, key, step_cm, limits_cm)
        return self.position_cm

    def place(self, x_cm: float | None = None, y_cm: float | None = None) -> Placement:
        """Place the fingertips at (x_cm, y_cm), or where they are, and grade it; the start zone opens depth."""
        self._expect(PLACEMENT)
        if x_cm is not None and y_cm is not None:
            self.position_cm = (round(x_cm, POSITION_DECIMALS), round(y_cm, POSITION_DECIMALS))
        result = self._record("placement", "{:.1f},{:.1f}".format(*self.position_cm),
                              grade_placement(self.palpation, *self.position_cm))
        if result.correct:
            self.phase = DEPTH
        return result

    def sink(self, speed: str) -> Feedback:
        """Sink in at `speed` (SLOW or FAST); slowly opens the confirmation."""
        self._expect(DEPTH)
        result = self._record("depth", speed, grade_depth(self.palpation, speed))
        if result.correct:
            self.phase = CONFIRMATION
        return result

    def confirm(self, question_id: str, chosen: int) -> Feedback:
        """Answer confirmation question `question_id` with option `chosen`; all right finishes the quiz."""
        self._expect(CONFIRMATION)
        result = self._session(question_id).answer(chosen)
        self._settle(question_id, result.correct)
        return result

    def chosen(self, question_id: str) -> int | None:
        """The saved option of a confirmation question, if any (to show it again after a restart)."""
        return self._session(question_id).saved_choice()

    def restart(self) -> None:
        """Start again from the placement (saved answers stay until the next ones replace them)."""
        self.phase = PLACEMENT
        self._confirmed.clear()

    def _expect(self, phase: str) -> None:
        if self.phase != phase:
            raise WrongPhase(f"the quiz is at the {self.phase} step, not {phase}")

    def _session(self, question_id: str) -> ChoiceSession:
        if question_id not in self.sessions:
            raise ValueError(f"no confirmation question {question_id!r}")
        return self.sessions[question_id]

    def _settle(self, question_id: str, correct: bool) -> None:
        if correct:
            self._confirmed.add(question_id)
        else:
            self._confirmed.discard(question_id)
        if self._confirmed >= {q.id for q in self.questions}:
            self.phase = DONE

    def fingerprint(self, step: str) -> str:
        """The placement as asked is its start zone; the depth step is always the same ("slowly")."""
        return fingerprint(self.palpation.start_zone.model_dump(mode="json")) if step == "placement" else ""

    def saved_answer(self, step: str) -> Saved | None:
        """The saved answer to this version of the placement or depth step, if any."""
        return self.progress.get(self.exercise, step, self.fingerprint(step)) if self.progress else None

    def _record(self, step: str, answer: str, result: Feedback) -> Feedback:
        return recorded(result, self.progress, self.exercise, step, answer, self.fingerprint(step))

    def _resume(self) -> None:
        """Take up the saved answers: position, then each step passed in order."""
        if self.progress is None:
            return
        placement = self.saved_answer("placement")
        if placement is None:
            return
        try:
            x_cm, y_cm = (float(part) for part in placement.answer.split(","))
        except ValueError:
            return  # an answer this version did not write: start afresh
        self.position_cm = (x_cm, y_cm)
        if not grade_placement(self.palpation, x_cm, y_cm).correct:
            return
        self.phase = DEPTH
        depth = self.saved_answer("depth")
        if not (depth and depth.answer == SLOW):
            return
        self.phase = CONFIRMATION
        for question_id, session in self.sessions.items():
            saved = session.saved()
            if saved is not None:
                self._settle(question_id, saved.correct)
