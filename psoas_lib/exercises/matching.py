"""Matching each movement of the progression to what the therapist does and what the patient does.

Answers are compared by text, not by movement: where the lesson gives several movements the same action
(the post describes no separate therapist action for some of them), that action is right for each, and a
movement's `therapist_also` actions are right for it too (a combined movement contains its parts' actions).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Literal

from ..i18n import _
from ..lesson.model import Movement, Progression
from .feedback import Feedback
from .fingerprint import fingerprint
from .recorder import Recorder, recorded

Role = Literal["therapist", "patient"]
ROLES: tuple[Role, ...] = ("therapist", "patient")
Key = tuple[str, Role]  # (movement id, role)


def action(movement: Movement, role: Role) -> str:
    return movement.therapist if role == "therapist" else movement.patient


def right_actions(movement: Movement, role: Role) -> tuple[str, ...]:
    """Every action that is right for `movement`: its own, and for the therapist those it also contains."""
    return (action(movement, role), *(movement.therapist_also if role == "therapist" else ()))


def choices(progression: Progression, role: Role) -> tuple[str, ...]:
    """The distinct actions a student chooses from for `role`, sorted so that their order gives nothing away."""
    return tuple(sorted({action(movement, role) for movement in progression.movements}))


def grade_match(progression: Progression, movement_id: str, role: Role, chosen: str | None) -> Feedback:
    """Grade one choice: the right action, with the movements the chosen action belongs to if it is wrong."""
    movement = next(m for m in progression.movements if m.id == movement_id)
    rights = right_actions(movement, role)
    template = (_("{movement}, the therapist: {action}") if role == "therapist"
                else _("{movement}, the patient: {action}"))
    if chosen in rights:
        return Feedback(True, template.format(movement=movement.name, action=chosen), "match")
    explanation = template.format(movement=movement.name, action=rights[0])
    if chosen is None:
        return Feedback(False, _("Not answered.") + " " + explanation, "unanswered")
    owners = [m.name for m in progression.movements if action(m, role) == chosen]
    if not owners:
        raise ValueError(f"{chosen!r} is not one of the {role} actions of this lesson")
    belongs = _("The action you chose belongs to: {movements}.").format(movements="; ".join(owners))
    return Feedback(False, f"{explanation} {belongs}", "mismatch")


@dataclass(frozen=True)
class MatchingGrade:
    """Every (movement, role) pair graded, in the lesson's order of movements."""

    results: tuple[tuple[Key, Feedback], ...]

    @property
    def right(self) -> int:
        return sum(feedback.correct for _key, feedback in self.results)

    @property
    def total(self) -> int:
        return len(self.results)

    @property
    def feedback(self) -> Feedback:
        if self.right == self.total:
            return Feedback(True, _("All {total} actions are matched to the right movement.").format(
                total=self.total), "all-matched")
        return Feedback(False, _("{right} of {total} actions are matched correctly. The right action for each "
                                 "of the others is listed below.").format(right=self.right, total=self.total),
                        "some-matched")


def grade_matching(progression: Progression, answers: Mapping[Key, str | None]) -> MatchingGrade:
    """Grade every pair; a pair missing from `answers` counts as not answered."""
    return MatchingGrade(tuple(
        ((movement.id, role), grade_match(progression, movement.id, role, answers.get((movement.id, role))))
        for movement in progression.movements for role in ROLES
    ))


EXERCISE = "matching"


def question_id(movement_id: str, role: Role) -> str:
    """How one pair is saved: "movement:role"."""
    return f"{movement_id}:{role}"


class MatchingSession:
    """The matching exercise: grades every pair, records the answered ones, and finds the saved ones."""

    def __init__(self, progression: Progression, recorder: Recorder | None = None):
        self.progression = progression
        self.recorder = recorder

    def fingerprint(self, movement_id: str, role: Role) -> str:
        """One pair as asked: the movement, the role, the choices and the right action."""
        movement = next(m for m in self.progression.movements if m.id == movement_id)
        return fingerprint(movement.name, role, choices(self.progression, role), action(movement, role))

    def answer(self, answers: Mapping[Key, str | None]) -> tuple[MatchingGrade, Feedback]:
        """The grade of every pair, and the overall feedback once the answered pairs are recorded."""
        grade = grade_matching(self.progression, answers)
        saved = True
        for (movement, role), feedback in grade.results:
            if answers.get((movement, role)):
                saved = recorded(feedback, self.recorder, EXERCISE, question_id(movement, role),
                                 answers[(movement, role)], self.fingerprint(movement, role)).saved and saved
        return grade, replace(grade.feedback, saved=saved)

    def saved_answers(self) -> dict[Key, str]:
        """The saved action of every pair saved for its current version (and still among the choices)."""
        if self.recorder is None:
            return {}
        out: dict[Key, str] = {}
        for movement in self.progression.movements:
            for role in ROLES:
                saved = self.recorder.get(EXERCISE, question_id(movement.id, role), self.fingerprint(movement.id, role))
                if saved and saved.answer in choices(self.progression, role):
                    out[(movement.id, role)] = saved.answer
        return out
