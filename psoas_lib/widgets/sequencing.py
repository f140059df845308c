"""The sequencing exercise: put the shuffled progression in order with "Move up"/"Move down" buttons.

Rows stay in place and only their text changes, so the button a keyboard user pressed is never
re-created; focus then follows the moved step to its new row.
"""

from __future__ import annotations

from html import escape

import ipywidgets as w

from ..exercises.feedback import Feedback
from ..exercises.recorder import Recorder
from ..exercises.sequencing import SEED, SequenceGrade, SequencingSession, move_down, move_up, shuffled
from ..i18n import _
from ..lesson.model import Progression
from .choice import feedback_html
from .placeholder import N_, HasPlaceholder
from .text import live_region, sources_html


def announcement_html(text: str) -> str:
    """A plain message in the exercise's live region (a move, or a hint), with no verdict."""
    return live_region(escape(text), "psoas-feedback")


def misplaced_html(grade: SequenceGrade) -> str:
    """Why each misplaced step belongs elsewhere, with the sources of each reason."""
    items = "".join(
        f"<li>{escape(step.explanation)} {sources_html(list(step.sources)) if step.sources else ''}</li>"
        for step in grade.misplaced
    )
    return f"<ul>{items}</ul>" if items else ""


class _Row:
    """One position of the list: its step's number and name, and the two buttons that move it."""

    def __init__(self, index: int, exercise: SequencingExercise):
        self.label = w.HTML(layout=w.Layout(width="18em", flex="0 0 auto"))
        # Buttons keep their full names (never cut off with "..."); where both do not fit beside the
        # label, "Move down" wraps under "Move up".
        self.up = w.Button(layout=w.Layout(width="auto", flex="0 0 auto"))
        self.down = w.Button(layout=w.Layout(width="auto", flex="0 0 auto"))
        self.up.on_click(lambda _button: exercise.move(index, -1))
        self.down.on_click(lambda _button: exercise.move(index, +1))
        buttons = w.HBox([self.up, self.down], layout=w.Layout(flex_flow="row wrap"))
        self.box = w.HBox([self.label, buttons], layout=w.Layout(align_items="center", margin="0 0 0.4em 0"))

    def show(self, position: int, name: str) -> None:
        self.label.value = f"<b>{position}.</b> {escape(name)}"
        self.up.description = _("Move up: {step}").format(step=name)
        self.down.description = _("Move down: {step}").format(step=name)


class SequencingExercise(HasPlaceholder, w.VBox):
    """The steps in a seeded shuffle; "Check order" grades them through its session, which saves the answer."""

    before_run = N_("Ordering exercise — run the notebook (Run ▸ Run All Cells) to put the steps in order.")

    def __init__(self, progression: Progression, recorder: Recorder | None = None, seed: int = SEED):
        self.progression = progression
        self.session = SequencingSession(progression, recorder)
        self.names = {movement.id: movement.name for movement in progression.movements}
        self.start_order = shuffled(progression.order, seed)
        self.order = self.start_order
        self.rows = [_Row(index, self) for index in range(len(self.order))]
        self.check = w.Button(description=_("Check order"))
        self.start_again = w.Button(description=_("Start again"), tooltip=_("Shuffle the steps back to the start"))
        self.check.on_click(lambda _button: self.answer())
        self.start_again.on_click(lambda _button: self.restart())
        self.feedback = w.HTML(feedback_html(None))
        self.details = w.HTML()
        instructions = w.HTML("<p>" + escape(_(
            "Put the steps in the order of the release, first step at the top. Each step has a "
            "\"Move up\" and a \"Move down\" button; use Tab to reach them and Enter or Space to press them."
        )) + "</p>")
        super().__init__([instructions, *(row.box for row in self.rows),
                          w.HBox([self.check, self.start_again]), self.feedback, self.details])
        self._show()
        self._restore()

    def _show(self) -> None:
        for position, (row, step) in enumerate(zip(self.rows, self.order), start=1):
            row.show(position, self.names[step])

    def _restore(self) -> None:
        order = self.session.saved_order()
        if order is not None:
            self.order = order
            self._show()
            grade = self.session.grade(order)
            self._show_grade(grade, grade.feedback)

    def move(self, index: int, offset: int) -> None:
        """Move the step at row `index` one row up (offset -1) or down (+1); focus follows the step."""
        step = self.order[index]
        moved = (move_up if offset < 0 else move_down)(self.order, step)
        self.details.value = ""
        if moved == self.order:
            edge = _("{step} is already the first step.") if offset < 0 else _("{step} is already the last step.")
            self.feedback.value = announcement_html(edge.format(step=self.names[step]))
            return
        self.order = moved
        self._show()
        row = self.rows[index + offset]
        (row.up if offset < 0 else row.down).focus()
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
