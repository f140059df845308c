"""Putting the progression in order: a seeded shuffle, moving one step, and grading with partial credit.

Partial credit is the longest run of steps already in the right *relative* order (the longest increasing
subsequence of their correct positions), not the longest contiguous run: a student who put a single step
in the wrong place has every other step in order, and `total - longest_ordered_run` is exactly the
number of steps that still have to be moved.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from ..i18n import _
from ..lesson.model import Progression
from .feedback import Feedback
from .fingerprint import fingerprint
from .recorder import Recorder, recorded

Order = tuple[str, ...]
# The notebook's shuffle is seeded so that its committed outputs are reproducible; with this seed only two
# of the bundled lesson's five steps start in the right relative order.
SEED = 4


def shuffled(order: Sequence[str], seed: int) -> Order:
    """The steps in a seeded random order in which no step starts in its own place (so never in order)."""
    if len(order) < 2:
        raise ValueError("a sequence of fewer than two steps cannot be shuffled out of order")
    rng = random.Random(seed)
    steps = list(order)
    while any(step == right for step, right in zip(steps, order)):
        rng.shuffle(steps)
    return tuple(steps)


def move_up(order: Sequence[str], step: str) -> Order:
    """`order` with `step` swapped with the step before it (unchanged if it is already first)."""
    index = list(order).index(step)
    return _swap(order, index - 1, index) if index > 0 else tuple(order)


def move_down(order: Sequence[str], step: str) -> Order:
    """`order` with `step` swapped with the step after it (unchanged if it is already last)."""
    index = list(order).index(step)
    return _swap(order, index, index + 1) if index < len(order) - 1 else tuple(order)


def _swap(order: Sequence[str], first: int, second: int) -> Order:
    steps = list(order)
    steps[first], steps[second] = steps[second], steps[first]
    return tuple(steps)


def longest_increasing_run(values: Sequence[int]) -> int:
    """Length of the longest strictly increasing subsequence (patience sorting, O(n log n))."""
    tails: list[int] = []
    for value in values:
        index = bisect_left(tails, value)
        tails[index:index + 1] = [value]
    return len(tails)


@dataclass(frozen=True)
class Misplaced:
    """A step that is not where it belongs, with the lesson's reason for its place (if it gives one)."""

    movement: str
    name: str
    position: int  # 1-based, in the student's order
    correct_position: int  # 1-based
    reason: str | None
    sources: tuple[str, ...]

    @property
    def explanation(self) -> str:
        where = _("{name} is step {position} in your order; it belongs at step {correct}.").format(
            name=self.name, position=self.position, correct=self.correct_position)
        return f"{where} {self.reason}" if self.reason else where


@dataclass(frozen=True)
class SequenceGrade:
    """A graded order: the steps in place, the partial credit, and why each misplaced step goes elsewhere."""

    total: int
    in_place: Order
    longest_ordered_run: int
    misplaced: tuple[Misplaced, ...]

    @property
    def correct(self) -> bool:
        return not self.misplaced

    @property
    def credit(self) -> float:
        """Partial credit between 0 and 1: the longest run in the right order over the number of steps."""
        return self.longest_ordered_run / self.total

    @property
    def feedback(self) -> Feedback:
        if self.correct:
            return Feedback(True, _("All {total} steps are in the right order.").format(total=self.total),
                            "in-order")
        summary = _("{in_place} of {total} steps are in place; your longest run in the right order has "
                    "{run} of {total} steps. Why each misplaced step goes elsewhere is listed below.").format(
            in_place=len(self.in_place), total=self.total, run=self.longest_ordered_run)
        return Feedback(False, summary, "out-of-order")


def grade_order(progression: Progression, answer: Sequence[str]) -> SequenceGrade:
    """Grade the student's `answer` (movement ids, first step first) against the lesson's order."""
    right = list(progression.order)
    if sorted(answer) != sorted(right):
        raise ValueError(f"an answer must order exactly the steps {right}, got {list(answer)}")
    correct_position = {movement: index for index, movement in enumerate(right)}
    reasons = {reason.movement: reason for reason in progression.reasons}
    names = {movement.id: movement.name for movement in progression.movements}
    misplaced = []
    for index, movement in enumerate(answer):
        if correct_position[movement] != index:
            reason = reasons.get(movement)
            misplaced.append(Misplaced(
                movement, names[movement], index + 1, correct_position[movement] + 1,
                reason.text if reason else None, tuple(reason.sources) if reason else (),
            ))
    return SequenceGrade(
        total=len(right),
        in_place=tuple(m for i, m in enumerate(answer) if correct_position[m] == i),
        longest_ordered_run=longest_increasing_run([correct_position[m] for m in answer]),
        misplaced=tuple(misplaced),
    )


EXERCISE = "sequencing"
QUESTION = "order"
SEPARATOR = " > "  # how an order is saved: the step ids joined


class SequencingSession:
    """The ordering question: grades an order, records it, and finds the saved one."""

    def __init__(self, progression: Progression, recorder: Recorder | None = None):
        self.progression = progression
        self.recorder = recorder
        names = {movement.id: movement.name for movement in progression.movements}
        self.fingerprint = fingerprint([names[step] for step in progression.order])

    def grade(self, order: Order) -> SequenceGrade:
        return grade_order(self.progression, order)

    def answer(self, order: Order) -> tuple[SequenceGrade, Feedback]:
        """The grade of `order`, and its feedback once recorded (saying whether it was saved)."""
        grade = self.grade(order)
        return grade, recorded(grade.feedback, self.recorder, EXERCISE, QUESTION, SEPARATOR.join(order),
                               self.fingerprint)

    def saved_order(self) -> Order | None:
        """The saved order, if there is one for this version of the question."""
        saved = self.recorder.get(EXERCISE, QUESTION, self.fingerprint) if self.recorder else None
        order = tuple(saved.answer.split(SEPARATOR)) if saved else ()
        return order if order and sorted(order) == sorted(self.progression.order) else None
