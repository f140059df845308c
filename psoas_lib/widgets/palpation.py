"""The landmark quiz's view: place the fingertips by clicking the drawing or with the move buttons, then
sink in over time (`sinking.SinkingStep`) and confirm. Clicks and buttons go through the same `LandmarkQuiz.place`, so they are graded alike."""

from __future__ import annotations

import time
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

import ipywidgets as w

from ..exercises.feedback import Feedback
from ..exercises.palpation import (
    CONFIRMATION, DEPTH, DONE, PLACEMENT, SLOW, LandmarkQuiz, Placement, grade_depth, grade_placement, screen_keys,
)
from ..exercises.recorder import Recorder
from ..i18n import _
from ..lesson.model import CM_PER_INCH, ConfirmationQuestion, Lesson
from .choice import ChoiceQuestion, feedback_html
from .controls import FeedbackRegion
from .placeholder import N_, HasPlaceholder
from .sinking import SinkingStep
from .text import live_region

if TYPE_CHECKING:
    from matplotlib.backend_bases import MouseEvent

CANVAS_DPI = 50  # the drawing is 12 x 9 in: 600 x 450 CSS pixels, which fit a 1280-pixel window at 200% zoom
KEYS = ("left", "right", "up", "down")

# ipympl makes its canvas a Tab stop that swallows every key, Tab included: a keyboard trap. The quiz is
# driven by its buttons, so the canvas box is hidden from the Tab order (an element with visibility:
# hidden cannot take the focus) while its two drawing layers stay visible and clickable.
CANVAS_CSS = """<style>
.psoas-drawing .jupyter-matplotlib-canvas-div { visibility: hidden; }
.psoas-drawing .jupyter-matplotlib-canvas-div canvas { visibility: visible; }
</style>"""


def key_labels() -> dict[str, str]:
    """What each move button says, and what it means on the patient."""
    return {"left": _("Move left"), "right": _("Move right"), "up": _("Move up"), "down": _("Move down")}


def key_meanings() -> dict[str, str]:
    return {"left": _("towards the patient's right"), "right": _("towards the patient's left"),
            "up": _("towards the head"), "down": _("towards the feet")}


def orientation_text() -> str:
    return _("The drawing is a front view: you face the patient, so the patient's right side is on the left "
             "of the picture and the patient's left side on the right. \u201cMove right\u201d moves the fingertips "
             "towards the patient's left; \u201cMove up\u201d moves them towards the head.")


def position_text(x_cm: float, y_cm: float) -> str:
    """Where the fingertips are, in cm and inches from the umbilicus, on the patient's sides."""
    side = (_("to the patient's left of the umbilicus") if x_cm > 0 else
            _("to the patient's right of the umbilicus") if x_cm < 0 else _("on the midline"))
    level = (_("above its level") if y_cm > 0 else _("below its level") if y_cm < 0 else _("at its level"))
    return _("Fingertips: {across_cm:.1f} cm ({across_in:.2f} in) {side}, {up_cm:.1f} cm ({up_in:.2f} in) "
             "{level}.").format(across_cm=abs(x_cm), across_in=abs(x_cm) / CM_PER_INCH, side=side,
                                up_cm=abs(y_cm), up_in=abs(y_cm) / CM_PER_INCH, level=level)


def placement_feedback(result: Placement, x_cm: float) -> Feedback:
    """The lesson's feedback, the artery under the fingers if any, which button to press, and the sources."""
    parts = [result.message]
    if result.artery is not None:
        parts.append(_("On the drawing the fingertips are over the {artery}.").format(artery=result.artery.name))
    keys = screen_keys(result.direction, x_cm)
    if keys:
        labels, meanings = key_labels(), key_meanings()
        moves = _(" or ").join(_("\u201c{button}\u201d ({meaning})").format(button=labels[key], meaning=meanings[key])
                               for key in keys)
        parts.append(_("Press {moves}.").format(moves=moves))
    parts.append("[" + "; ".join(result.sources) + "]")
    return Feedback(result.correct, " ".join(parts), result.verdict, saved=result.saved)


def _status(text: str) -> str:
    return live_region(escape(text))


class _ConfirmationQuestion(ChoiceQuestion):
    """A confirmation question whose answers go through the quiz (which grades and saves them)."""

    def __init__(self, question: ConfirmationQuestion, view: PalpationQuiz):
        self.view = view
        super().__init__(question, view.quiz.exercise)  # no progress here: the quiz saves the answer

    def answer(self, chosen: int | None) -> Feedback | None:
        if chosen is None:
            return super().answer(None)
        phase = self.view.quiz.phase
        result = self.view.quiz.confirm(self.question.id, chosen)
        self.feedback.value = feedback_html(result)
        self.view.refresh()
        self.view.focus_next_step(phase)
        return result


class PalpationQuiz(HasPlaceholder, w.VBox):
    """The three steps of finding the psoas: placement, depth, confirmation; saved through `recorder` if given."""

    before_run = N_("Palpation quiz — run the notebook (Run ▸ Run All Cells) to take it.")

    def __init__(self, lesson: Lesson, recorder: Recorder | None = None, clock: Callable[[], float] = time.monotonic):
        self.quiz = LandmarkQuiz(lesson.palpation, recorder)
        # Imported here, not at the top: matplotlib and ipympl take about 0.3 s to import, and notebook 02
        # imports this module before the safety screen is answered but builds the quiz only after.
        from ipympl.backend_nbagg import Canvas, FigureManager

        from ..figures.placement import draw_placement

        figure, self.marker = draw_placement(lesson, *self.quiz.position_cm, dpi=CANVAS_DPI)
        self.axes = figure.axes[0]
        self.canvas = Canvas(figure)
        FigureManager(self.canvas, 0)
        self.canvas.header_visible = self.canvas.footer_visible = self.canvas.resizable = False
        self.canvas.toolbar_visible = False
        self.canvas.add_class("psoas-drawing")
        self.canvas.mpl_connect("button_press_event", self.on_click)

        labels, meanings = key_labels(), key_meanings()
        self.moves = {key: w.Button(description=labels[key], tooltip=f"{labels[key]}: {meanings[key]}")
                      for key in KEYS}
        for key, button in self.moves.items():
            button.on_click(lambda _button, key=key: self.move(key))
        self.place_button = w.Button(description=_("Place fingertips here"), button_style="primary",
                                     tooltip=_("Place fingertips here"), layout=w.Layout(width="auto"))
        self.place_button.on_click(lambda _button: self.place())
        self.position = w.HTML()
        self.placement_feedback = FeedbackRegion()

        self.sinking = SinkingStep(lesson, self.sink, clock)
        self.depth_feedback = FeedbackRegion()

        self.questions = [_ConfirmationQuestion(question, self) for question in self.quiz.questions]
        self.restart_button = w.Button(description=_("Start the quiz again"), tooltip=_("Start the quiz again"),
                                       layout=w.Layout(width="auto"))
        self.restart_button.on_click(lambda _button: self.restart())
        self.progress_line = w.HTML()

        description = w.HTML("<p><b>" + escape(_("Description")) + ":</b> " + escape(
            _("The two black dots are your 3rd and 4th fingertips.")) + " " + escape(
            lesson.figures.anterior.quiz_description) + "</p>")
        arrows = w.VBox([w.HBox([self.moves["up"]]), w.HBox([self.moves["left"], self.moves["right"]]),
                         w.HBox([self.moves["down"]])])
        controls = w.VBox([self.position, arrows, w.HBox([self.place_button]), self.placement_feedback,
                           description], layout=w.Layout(flex="1 1 20em"))
        super().__init__([
            self.progress_line,
            w.HTML("<h3>" + escape(_("Step 1: place the fingertips")) + "</h3><p>" + escape(
                _("Click on the drawing, or move the fingertips with the buttons (1 cm a press), then press "
                  "\u201cPlace fingertips here\u201d.")) + "</p><p>" + escape(orientation_text()) + "</p>"
                   + CANVAS_CSS),
            w.HBox([self.canvas, controls], layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
            w.HTML("<h3>" + escape(_("Step 2: sink in")) + "</h3>"), self.sinking, self.depth_feedback,
            w.HTML("<h3>" + escape(_("Step 3: confirm that you are on the psoas")) + "</h3>"),
            *self.questions, w.HBox([self.restart_button]),
        ])
        self.add_class("psoas-palpation")
        self._show_saved()
        self.refresh()

    def move(self, key: str) -> None:
        """Move the fingertips one step with the buttons (graded when placed)."""
        self.quiz.move(key, limits_cm=(self.axes.get_xlim(), self.axes.get_ylim()))
        self.refresh()

    def place(self, x_cm: float | None = None, y_cm: float | None = None) -> Placement:
        """Grade the fingertips where they are, or at (x_cm, y_cm) for a click."""
        phase = self.quiz.phase
        result = self.quiz.place(x_cm, y_cm)
        if result.correct:
            self.sinking.start(self.quiz.position_cm)
        self.placement_feedback.value = feedback_html(placement_feedback(result, self.quiz.position_cm[0]))
        self.refresh()
        self.focus_next_step(phase)
        return result

    def on_click(self, event: MouseEvent) -> None:
        """A click on the drawing places the fingertips there, through the same grading as the buttons."""
        if self.quiz.phase != PLACEMENT:
            self.placement_feedback.value = escape(_("The fingertips are placed. To place them again, press "
                                                     "\u201cStart the quiz again\u201d."))
        elif event.inaxes is not self.axes or event.xdata is None:
            self.placement_feedback.value = escape(_("Click on the drawing of the abdomen to place the "
                                                     "fingertips there."))
        else:
            self.place(float(event.xdata), float(event.ydata))

    def sink(self, speed: str) -> Feedback:
        phase = self.quiz.phase
        result = self.quiz.sink(speed)
        self.depth_feedback.value = feedback_html(result)
        self.refresh()
        self.focus_next_step(phase)
        return result

    def restart(self) -> None:
        self.quiz.restart()
        for view in (self.placement_feedback, self.depth_feedback, *(q.feedback for q in self.questions)):
            view.value = feedback_html(None)
        for question in self.questions:
            question.options.value = None
        self.refresh()

    def focus_next_step(self, phase_before: str) -> None:
        """When a step is passed its buttons are disabled, and a disabled button loses the keyboard focus:
        put it on the first button of what comes next. (Radio buttons cannot be given the focus: after the
        depth step the next Tab goes on from the disabled button to the first confirmation question.)"""
        targets = {DEPTH: self.sinking.sink_button, DONE: self.restart_button}
        if self.quiz.phase != phase_before and self.quiz.phase in targets:
            targets[self.quiz.phase].focus()

    def refresh(self) -> None:
        """Show the position and enable only the controls of the current step."""
        phase = self.quiz.phase
        x_cm, y_cm = self.quiz.position_cm
        from ..figures.placement import move_fingertips

        move_fingertips(self.marker, x_cm, y_cm)
        self.canvas.draw_idle()
        self.position.value = _status(position_text(x_cm, y_cm))
        for button in (*self.moves.values(), self.place_button):
            button.disabled = phase != PLACEMENT
        self.sinking.enable(phase == DEPTH)
        for question in self.questions:
            question.options.disabled = question.check.disabled = phase != CONFIRMATION
        steps = {PLACEMENT: _("Step 1 of 3: place the fingertips."), DEPTH: _("Step 2 of 3: sink in."),
                 CONFIRMATION: _("Step 3 of 3: confirm that you are on the psoas."),
                 DONE: _("\u2714 Quiz complete: all three steps done.")}
        self.progress_line.value = _status(steps[phase])

    def _show_saved(self) -> None:
        """After a restart of the kernel, show the feedback of the steps already passed."""
        x_cm, y_cm = self.quiz.position_cm
        if self.quiz.saved_answer("placement"):
            result = grade_placement(self.quiz.palpation, x_cm, y_cm)
            self.placement_feedback.value = feedback_html(placement_feedback(result, x_cm))
        if self.quiz.phase == DEPTH:
            self.sinking.start(self.quiz.position_cm)
        if self.quiz.phase in (CONFIRMATION, DONE):
            self.depth_feedback.value = feedback_html(grade_depth(self.quiz.palpation, SLOW))
        for question in self.questions:
            session = self.quiz.sessions[question.question.id]
            chosen = session.saved_choice()
            if chosen is not None:
                question.options.value = chosen
                question.feedback.value = feedback_html(session.saved())
