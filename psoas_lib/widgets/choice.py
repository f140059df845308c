"""A multiple-choice question: radio options, a check button and announced feedback."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..exercises.choice import display_order, grade_choice
from ..exercises.feedback import Feedback
from ..i18n import _
from ..lesson.model import Question
from ..progress import Progress
from .placeholder import N_, HasPlaceholder
from .text import live_region


def feedback_html(feedback: Feedback | None) -> str:
    """Feedback in a live region, with its verdict in words (never colour alone)."""
    if feedback is None:
        return live_region("", "psoas-feedback")
    verdict = _("Correct.") if feedback.correct else _("Not quite.")
    mark = "✔" if feedback.correct else "✘"
    kind = "right" if feedback.correct else "wrong"
    return live_region(f"<b>{mark} {escape(verdict)}</b> {escape(feedback.message)}", f"psoas-feedback psoas-{kind}")


class ChoiceQuestion(HasPlaceholder, w.VBox):
    """One question; answers are graded by `grade_choice` and, when given a Progress, saved."""

    before_run = N_("Question — run the notebook (Run ▸ Run All Cells) to answer it.")

    def __init__(self, question: Question, exercise: str, progress: Progress | None = None):
        self.question = question
        self.exercise = exercise
        self.progress = progress
        self.prompt = w.HTML(f"<p><b>{escape(question.prompt)}</b></p>")
        self.options = w.RadioButtons(
            options=[(question.options[index].text, index) for index in display_order(question)],
            value=None, description=_("Your answer"), style={"description_width": "initial"},
            layout=w.Layout(width="auto"),
        )
        self.check = w.Button(description=_("Check answer"), tooltip=_("Check answer"))
        self.feedback = w.HTML(feedback_html(None))
        self.check.on_click(lambda _button: self.answer(self.options.value))
        super().__init__([self.prompt, self.options, self.check, self.feedback])
        self._restore()

    def _restore(self) -> None:
        saved = self.progress.get(self.exercise, self.question.id) if self.progress else None
        texts = [option.text for option in self.question.options]
        if saved and saved.answer in texts:
            self.options.value = texts.index(saved.answer)
            self.feedback.value = feedback_html(grade_choice(self.question, self.options.value))

    def answer(self, chosen: int | None) -> Feedback | None:
        """Grade option `chosen` (None asks the student to pick one first)."""
        if chosen is None:
            hint = _("Choose an answer first.")
            self.feedback.value = live_region(escape(hint), "psoas-feedback")
            return None
        result = grade_choice(self.question, chosen)
        self.feedback.value = feedback_html(result)
        if self.progress:
            self.progress.record(self.exercise, self.question.id, self.question.options[chosen].text, result.correct)
        return result
