"""A question's fingerprint: a short hash of the question as asked (its text, options and right answer).

Saved with every answer, it tells an answer to the question now asked from one given before an instructor
changed the question; explanations and sources are left out, so fixing a typo in them keeps the answers.
"""

from __future__ import annotations

import hashlib
import json

from ..lesson.model import Question


def fingerprint(*asked: object) -> str:
    """The fingerprint of whatever defines a question as asked (texts, numbers, lists of them)."""
    text = json.dumps(asked, ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def choice_fingerprint(question: Question) -> str:
    """A multiple-choice question's fingerprint: its prompt and each option's text and rightness."""
    return fingerprint(question.prompt, [(option.text, option.correct) for option in question.options])
