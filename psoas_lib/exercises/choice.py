"""Grading of multiple-choice questions: every option carries its own explanation."""

from __future__ import annotations

from ..lesson.model import Question
from .feedback import Feedback


def grade_choice(question: Question, chosen: int) -> Feedback:
    """Grade the option at index `chosen` of `question`, with that option's explanation."""
    if not 0 <= chosen < len(question.options):
        raise ValueError(f"question '{question.id}' has no option {chosen}")
    option = question.options[chosen]
    return Feedback(option.correct, option.explanation, "correct" if option.correct else "wrong")
