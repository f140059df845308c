"""Grading of multiple-choice questions: every option carries its own explanation."""

from __future__ import annotations

import random

from ..lesson.model import Question
from .feedback import Feedback


def grade_choice(question: Question, chosen: int) -> Feedback:
    """Grade the option at index `chosen` of `question`, with that option's explanation."""
    if not 0 <= chosen < len(question.options):
        raise ValueError(f"question '{question.id}' has no option {chosen}")
    option = question.options[chosen]
    return Feedback(option.correct, option.explanation, "correct" if option.correct else "wrong")


def display_order(question: Question) -> list[int]:
    """The option indices in the order to show them: shuffled, so the right answer is not always where the
    lesson file lists it, but seeded by the question's id, so every run (and nbval) shows the same order."""
    order = list(range(len(question.options)))
    random.Random(question.id).shuffle(order)
    return order
