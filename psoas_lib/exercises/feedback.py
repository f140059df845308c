"""The result every grading function returns, so every widget shows feedback the same way."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Feedback:
    """A graded answer: whether it is right, and the explanation to show the student.

    `verdict` is a short machine-readable name of the outcome (for example "pulse" or "in-zone"), used
    by tests and by progress records; `message` is the text shown to the student.
    """

    correct: bool
    message: str
    verdict: str = ""
    # False when the answer was graded but could not be saved; keyword-only, so subclasses keep their fields.
    saved: bool = field(default=True, kw_only=True)
