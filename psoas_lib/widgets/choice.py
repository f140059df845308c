"""A multiple-choice question: a radio group, a check button and feedback announced in one live region."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..exercises.choice import display_order
from ..exercises import landmarks
from ..exercises.feedback import Feedback
from ..exercises.recorder import ChoiceSession, Recorder
from ..i18n import _
from ..lesson.model import Lesson, Question
from .controls import FeedbackRegion, RadioGroup
from .placeholder import N_, HasPlaceholder


def not_saved_html() -> str:
    """Said beside the feedback of an answer that could not be saved (the progress panel says why)."""
    headline = _("Not saved.")
    return (f' <b class="psoas-not-saved">\u26a0 {escape(headline)}</b> '
            + escape(_("This answer was not saved: see the message about your progress at the top.")))


def feedback_html(feedback: Feedback | None) -> str:
    """Feedback for a `FeedbackRegion`, with its verdict in words and a mark (never colour alone), and
    "Not saved." beside it when the answer could not be saved."""
    if feedback is None:
        return ""
    verdict = _("Correct.") if feedback.correct else _("Not quite.")
    mark = "✔" if feedback.correct else "✘"
    kind = "right" if feedback.correct else "wrong"
    note = "" if feedback.saved else not_saved_html()
    return f'<b class="psoas-{kind}">{mark} {escape(verdict)}</b> {escape(feedback.message)}{note}'


def changed_html(earlier: str) -> str:
    """Said where an answer to an earlier version of the question would have been shown."""
    return escape(_("The question changed since you answered it (you answered: {answer}). Your earlier "
                    "answer is kept in your history; answer it again.").format(answer=earlier))


class ChoiceQuestion(HasPlaceholder, w.VBox):
    """One question; answers go through its `ChoiceSession`, which grades them and, given a recorder, saves."""

    before_run = N_("Question — run the notebook (Run ▸ Run All Cells) to answer it.")

    def __init__(self, question: Question, exercise: str, recorder: Recorder | None = None):
        self.question = question
        self.session = ChoiceSession(question, exercise, recorder)
        self.prompt = w.HTML(f"<p><b>{escape(question.prompt)}</b></p>")
        self.options = RadioGroup([(question.options[index].text, index) for index in display_order(question)],
                                  label=question.prompt)
        self.check = w.Button(description=_("Check answer"), tooltip=_("Check answer"))
        self.feedback = FeedbackRegion()
        self.check.on_click(lambda _button: self.answer(self.options.value))
        super().__init__([self.prompt, self.options, self.check, self.feedback])
        self._restore()

    def _restore(self) -> None:
        chosen = self.session.saved_choice()
        if chosen is not None:
            self.options.value = chosen
            self.feedback.value = feedback_html(self.session.saved())
        elif (earlier := self.session.changed()) is not None:
            self.feedback.value = changed_html(earlier)

    def answer(self, chosen: int | None) -> Feedback | None:
        """Grade option `chosen` (None asks the student to pick one first)."""
        if chosen is None:
            hint = _("Choose an answer first.")
            self.feedback.value = escape(hint)
            return None
        result = self.session.answer(chosen)
        self.feedback.value = feedback_html(result)
        return result


def landmark_questions(lesson: Lesson, recorder: Recorder | None = None) -> list[ChoiceQuestion]:
    """The lesson's landmark questions, each saved under the landmark exercise."""
    return [ChoiceQuestion(question, landmarks.EXERCISE, recorder) for question in lesson.quizzes.landmarks]
