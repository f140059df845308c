"""How an exercise keeps its answers without doing I/O: it talks to a recorder (the progress store is one), and
a session object per question grades, records and finds the saved answer in one place for every widget."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Protocol

from ..lesson.model import Question
from .choice import grade_choice
from .feedback import Feedback
from .fingerprint import choice_fingerprint


class Saved(Protocol):
    """A saved answer, as a recorder gives it back."""

    answer: str
    correct: bool


class Recorder(Protocol):
    """Where answers go: `psoas_lib.progress.Progress` implements it."""

    def record(self, exercise: str, question: str, answer: str, correct: bool,
               fingerprint: str = "") -> Saved | None:
        """Save an answer; None when it could not be saved (the recorder says why, once)."""

    def get(self, exercise: str, question: str, fingerprint: str = "") -> Saved | None:
        """The latest answer to this version of the question."""

    def changed(self, exercise: str, question: str, fingerprint: str) -> Saved | None:
        """The latest answer when it was given to an earlier version of the question."""


def recorded(feedback: Feedback, recorder: Recorder | None, exercise: str, question: str, answer: str,
             fingerprint: str = "") -> Feedback:
    """`feedback` after recording `answer` (its `saved` is False when the recorder could not save it)."""
    if recorder is None:
        return feedback
    saved = recorder.record(exercise, question, answer, feedback.correct, fingerprint) is not None
    return replace(feedback, saved=saved)


class ChoiceSession:
    """One multiple-choice question of an exercise: grades an option, records it, and finds the saved one."""

    def __init__(self, question: Question, exercise: str, recorder: Recorder | None = None,
                 grade: Callable[[Question, int], Feedback] = grade_choice):
        self.question = question
        self.exercise = exercise
        self.recorder = recorder
        self.grade = grade  # grade_choice, or a stricter rule (palpation's confirmation: grade_confirmation)
        self.fingerprint = choice_fingerprint(question)

    def answer(self, chosen: int) -> Feedback:
        """Grade option `chosen` and record it; the feedback says whether it was saved."""
        return recorded(self.grade(self.question, chosen), self.recorder, self.exercise, self.question.id,
                        self.question.options[chosen].text, self.fingerprint)

    def saved_choice(self) -> int | None:
        """The option saved for this version of the question, if any."""
        saved = self.recorder.get(self.exercise, self.question.id, self.fingerprint) if self.recorder else None
        texts = [option.text for option in self.question.options]
        return texts.index(saved.answer) if saved and saved.answer in texts else None

    def saved(self) -> Feedback | None:
        """The feedback of the saved answer (to show it again after a restart), if any."""
        chosen = self.saved_choice()
        return None if chosen is None else self.grade(self.question, chosen)

    def changed(self) -> str | None:
        """The answer given before the question changed, if that is the latest."""
        earlier = self.recorder.changed(self.exercise, self.question.id, self.fingerprint) if self.recorder else None
        return earlier.answer if earlier else None
