"""The sequencing exercise: put the shuffled progression in order with each step's ↑ Up / ↓ Down buttons
(an `OrderingList`: the focus follows the moved step, and its new position is announced)."""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..exercises.feedback import Feedback
from ..exercises.recorder import Recorder
from ..exercises.sequencing import SEED, SequenceGrade, SequencingSession, move_down, move_up, shuffled
from ..i18n import _
from ..lesson.model import Progression
from .choice import feedback_html
from .controls import FeedbackRegion, OrderingList
from .placeholder import N_, HasPlaceholder
from .text import sources_html


def announcement_html(text: str) -> str:
    """A plain message for the exercise's feedback region (a move, or a hint), with no verdict."""
    return escape(text)


def misplaced_html(grade: SequenceGrade) -> str:
    """Why each misplaced step belongs elsewhere, with the sources of each reason."""
    items = "".join(
        f"<li>{escape(step.explanation)} {sources_html(list(step.sources)) if step.sources else ''}</li>"
        for step in grade.misplaced
    )
    return f"<ul>{items}</ul>" if items else ""


class SequencingExercise(HasPlaceholder, w.VBox):
    """The steps in a seeded shuffle; "Check order" grades them through its session, which saves the answer."""

    before_run = N_("Ordering exercise — run the notebook (Run ▸ Run All Cells) to put the steps in order.")

    def __init__(self, progression: Progression, recorder: Recorder | None = None, seed: int = SEED):
        self.progression = progression
        self.session = SequencingSession(progression, recorder)
        self.names = {movement.id: movement.name for movement in progression.movements}
        self.start_order = shuffled(progression.order, seed)
        self.order = self.start_order
        self.steps = OrderingList(label=_("The steps of the release, first step at the top"),
                                  up_text=_("Up"), down_text=_("Down"))
        self.steps.on_move(self.move)
        self.check = w.Button(description=_("Check order"))
        self.start_again = w.Button(description=_("Start again"), tooltip=_("Shuffle the steps back to the start"))
        self.check.on_click(lambda _button: self.answer())
        self.start_again.on_click(lambda _button: self.restart())
        self.feedback = FeedbackRegion()
        self.details = w.HTML()
        instructions = w.HTML("<p>" + escape(_(
            "Put the steps in the order of the release, first step at the top. Each step has an \u2191 Up and "
            "a \u2193 Down button; use Tab to reach them and Enter or Space to press them. After each move, "
            "the step's new place is said below the list."
        )) + "</p>")
        super().__init__([instructions, self.steps,
                          w.HBox([self.check, self.start_again]), self.feedback, self.details])
        self._show()
        self._restore()

    def _show(self) -> None:
        names = [self.names[step] for step in self.order]
        with self.steps.hold_sync():
            self.steps.steps = names
            self.steps.up_names = [_("Move up: {step}").format(step=name) for name in names]
            self.steps.down_names = [_("Move down: {step}").format(step=name) for name in names]

    def _restore(self) -> None:
        order = self.session.saved_order()
        if order is not None:
            self.order = order
            self._show()
            grade = self.session.grade(order)
            self._show_grade(grade, grade.feedback)

    def move(self, index: int, offset: int) -> None:
        """Move the step at row `index` one row up (offset -1) or down (+1) and say where it is now."""
        step = self.order[index]
        moved = (move_up if offset < 0 else move_down)(self.order, step)
        self.details.value = ""
        if moved == self.order:
            edge = _("{step} is already the first step.") if offset < 0 else _("{step} is already the last step.")
            self.feedback.value = announcement_html(edge.format(step=self.names[step]))
            return
        self.order = moved
        self._show()
        self.feedback.value = announcement_html(_("{step} is now step {position} of {total}.").format(
            step=self.names[step], position=index + offset + 1, total=len(self.order)))

    def restart(self) -> None:
        """Back to the shuffled order the exercise started with."""
        self.order = self.start_order
        self._show()
        self.details.value = ""
        self.feedback.value = announcement_html(_("The steps are shuffled again."))

    def answer(self) -> SequenceGrade:
        """Grade the current order, show why misplaced steps go elsewhere, and save the answer."""
        grade, feedback = self.session.answer(self.order)
        self._show_grade(grade, feedback)
        return grade

    def _show_grade(self, grade: SequenceGrade, feedback: Feedback) -> None:
        self.feedback.value = feedback_html(feedback)
        self.details.value = misplaced_html(grade)
