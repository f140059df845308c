"""Spaced review of what a student missed or has not seen for a while, from the attempt history in their store.

Leitner boxes: every question answered goes into a box, box 1 after a wrong answer, one box up (to the last)
after a right one; a question comes due `INTERVALS_DAYS[box - 1]` days after its last attempt. The schedule is
worked out from the history each time (nothing of its own is stored), with the clock injected.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING

from .exercises import cases, landmarks
from .exercises.choice import grade_choice
from .exercises.feedback import Feedback
from .exercises.palpation import grade_confirmation
from .exercises.recorder import ChoiceSession
from .lesson.model import Lesson, Question

if TYPE_CHECKING:
    from .progress import Progress

INTERVALS_DAYS = (0, 1, 3, 7, 14)  # box 1 is due at once: a question answered wrong comes back today
Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Card:
    """One question of the history: its Leitner box, when it was last answered and when it is due again."""

    exercise: str
    question: str
    box: int
    last_at: datetime
    missed: bool  # answered wrong at least once

    @property
    def due_at(self) -> datetime:
        return self.last_at + timedelta(days=INTERVALS_DAYS[self.box - 1])


def _when(stamp: str) -> datetime:
    moment = datetime.fromisoformat(stamp)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def schedule(history: Iterable[Mapping]) -> list[Card]:
    """A card for every question in `history` (attempts oldest first, as `Progress.history` gives them)."""
    cards: dict[tuple[str, str], Card] = {}
    for attempt in history:
        key = (attempt["exercise"], attempt["question"])
        before = cards.get(key)
        box = min((before.box if before else 1) + 1, len(INTERVALS_DAYS)) if attempt["correct"] else 1
        missed = (before.missed if before else False) or not attempt["correct"]
        cards[key] = Card(*key, box, _when(attempt["at"]), missed)
    return list(cards.values())


def due(cards: Iterable[Card], now: datetime) -> list[Card]:
    """The cards due at `now`: lowest box first (the ones missed most recently), then the longest overdue."""
    return sorted((card for card in cards if card.due_at <= now), key=lambda card: (card.box, card.due_at))


class Review:
    """The review of one student's store: which questions are due, and asking them again.

    Multiple-choice questions (landmarks, cases, the palpation's confirmations) are asked here, graded as in
    their notebook and recorded in the same store, so the answer moves the card. Others (the placement, the
    depth, the ordering and matching) are named with the notebook to practise them in.
    """

    def __init__(self, lesson: Lesson, recorder: Progress, clock: Clock | None = None):
        self.lesson = lesson
        self.recorder = recorder
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self._questions: dict[tuple[str, str], tuple[Question, Callable[[Question, int], Feedback]]] = {
            **{(landmarks.EXERCISE, q.id): (q, grade_choice) for q in lesson.quizzes.landmarks},
            **{(cases.EXERCISE, q.id): (q, grade_choice) for q in cases.case_questions(lesson.indications)},
            **{("palpation", q.id): (q, grade_confirmation) for q in lesson.palpation.confirmation},
        }

    def cards(self) -> list[Card]:
        return schedule(self.recorder.history())

    def due(self) -> list[Card]:
        return due(self.cards(), self.clock())

    def session(self, card: Card) -> ChoiceSession | None:
        """A session that asks `card`'s question again and records the answer, or None if it is not asked here
        (or no longer in the lesson)."""
        found = self._questions.get((card.exercise, card.question))
        if found is None:
            return None
        question, grade = found
        return ChoiceSession(question, card.exercise, self.recorder, grade=grade)
