"""Step 2 of the palpation quiz: sink in at your own pace, press by press, on a simulated patient, seen on the
transverse section; then check with a slight hip flexion. What is felt is said in words in one live region."""

from __future__ import annotations

import time
from collections.abc import Callable
from html import escape

import ipywidgets as w

from ..exercises.sinking import (
    AT_DEPTH, CONFIRMED, FINISHED_ALREADY, GUARDED, MOVE_LATERAL, NOT_AT_DEPTH, NOT_CONFIRMED, SINKING, STOPPED, Felt,
    SinkingSimulation, lesson_sinking,
)
from ..i18n import _
from ..lesson.model import Lesson
from .controls import FeedbackRegion
from .placeholder import N_, HasPlaceholder
from .text import sources_html

CANVAS_DPI = 50  # as the anterior drawing: 600 x 450 CSS pixels
TARGET = w.Layout(width="auto", min_height="32px")
FELT_CLASS = "psoas-status psoas-felt"  # the one live region of what is felt (the depth step's grade is the quiz's)


def teaching_model_text(lesson: Lesson) -> str:
    """The simulation's numbers, said as the lesson's teaching model."""
    model = lesson_sinking(lesson)
    return _("Teaching model: one press sinks the fingertips {step:g} cm; faster than {speed:g} cm a second (a press "
             "less than {seconds:g} s after the last) the rectus abdominis guards; the fingertips can go {depth:g} cm "
             "deep.").format(step=model.step_cm, speed=model.max_speed_cm_per_s,
                             seconds=model.step_cm / model.max_speed_cm_per_s, depth=model.depth_cm)


def felt_text(felt: Felt, depth_cm: float) -> str:
    """What the fingertips feel, in words, with the depth (as HTML, the lesson's words escaped)."""
    depth = _("Depth {depth:g} of {full:g} cm.").format(depth=felt.depth_cm, full=depth_cm)
    own = {NOT_AT_DEPTH: _("Sink in first: the hip flexion is the check at depth."),
           FINISHED_ALREADY: _("This attempt is over: choose a patient or press \u201cStart sinking again\u201d.")}
    said = escape(own[felt.finding]) if felt.finding in own else \
        f"{escape(felt.fact.text)} {sources_html(felt.fact.sources)}"
    return f"{escape(depth)} {said}"


class SinkingStep(HasPlaceholder, w.VBox):
    """Sinking in over time. `on_depth(speed)` is called with "fast" when the rectus guards and "slow" when a
    contraction confirms the muscle, so that the quiz grades and records the depth step."""

    before_run = N_("Sinking in — run the notebook (Run ▸ Run All Cells) to practise it.")

    def __init__(self, lesson: Lesson, on_depth: Callable[[str], object], clock: Callable[[], float] = time.monotonic):
        self.lesson, self.model, self.on_depth, self.clock = lesson, lesson_sinking(lesson), on_depth, clock
        self.simulation: SinkingSimulation | None = None
        self.patient = w.Dropdown(options=[(p.label, p.id) for p in self.model.patients],
                                  description=_("Simulated patient"), style={"description_width": "initial"},
                                  layout=w.Layout(width="auto", min_height="32px"))
        self.patient.observe(lambda _change: self.start(), names="value")
        self.sink_button = w.Button(description=_("Sink in"), tooltip=_("Sink in one step"), layout=TARGET)
        self.flex_button = w.Button(description=_("Ask for a slight hip flexion"),
                                    tooltip=_("Ask for a slight hip flexion"), layout=TARGET)
        self.again_button = w.Button(description=_("Start sinking again"), tooltip=_("Start sinking again"),
                                     layout=TARGET)
        self.sink_button.on_click(lambda _button: self.press())
        self.flex_button.on_click(lambda _button: self.flex_hip())
        self.again_button.on_click(lambda _button: self.start())
        self.felt = FeedbackRegion(css_class=FELT_CLASS)
        self.patient_note = w.HTML()
        from ipympl.backend_nbagg import Canvas, FigureManager

        from ..figures.placement import draw_section

        figure, self.marker = draw_section(lesson, 0, 0, dpi=CANVAS_DPI)
        self.canvas = Canvas(figure)
        FigureManager(self.canvas, 0)
        self.canvas.header_visible = self.canvas.footer_visible = self.canvas.resizable = False
        self.canvas.toolbar_visible = False
        self.canvas.add_class("psoas-drawing")
        description = lesson.figures.transverse.description
        super().__init__([
            w.HTML("<p>" + escape(_("Press \u201cSink in\u201d for each step, at your own pace: slowly, so that the "
                                    "abdominal contents can move aside. Holding a key down repeats it, which is too "
                                    "fast. At depth, ask for a slight hip flexion.")) + "</p><p><i>"
                   + escape(teaching_model_text(lesson)) + " " + escape(self.model.teaching_model) + "</i></p>"),
            self.patient, self.patient_note,
            w.HBox([self.sink_button, self.flex_button, self.again_button], layout=w.Layout(flex_flow="row wrap")),
            self.felt,
            w.HBox([self.canvas, w.HTML("<p><b>" + escape(_("Description")) + ":</b> " + escape(
                _("The transverse section shows the fingertips at their distance from the midline and their "
                  "depth.")) + " " + escape(description) + "</p>", layout=w.Layout(flex="1 1 20em"))],
                   layout=w.Layout(flex_flow="row wrap", align_items="flex-start")),
        ])
        self.add_class("psoas-sinking")
        self.enable(False)

    def start(self, position_cm: tuple[float, float] | None = None) -> None:
        """A new attempt at `position_cm` (or where the last one was), on the chosen patient."""
        if position_cm is None and self.simulation is None:
            return
        position = position_cm or self.simulation.position_cm
        patient = next(p for p in self.model.patients if p.id == self.patient.value)
        self.simulation = SinkingSimulation(self.lesson, position, patient, self.clock)
        self.patient_note.value = "<p>" + escape(patient.description) + " " + sources_html(patient.sources) + "</p>"
        self.felt.value = escape(_("Fingertips on the skin, depth 0 cm: ready to sink in."))
        self.show()

    def enable(self, active: bool) -> None:
        """Only while the quiz is at the depth step."""
        self.patient.disabled = self.again_button.disabled = not active
        self.sink_button.disabled = not active or self.simulation is None or self.simulation.state != SINKING
        self.flex_button.disabled = not active or self.simulation is None or self.simulation.state != AT_DEPTH

    def press(self) -> Felt:
        felt = self.simulation.press()
        self.say(felt)
        if felt.finding == GUARDED:
            self.on_depth("fast")
        return felt

    def flex_hip(self) -> Felt:
        felt = self.simulation.flex_hip()
        self.say(felt)
        if self.simulation.state == CONFIRMED:
            self.on_depth("slow")
        return felt

    def say(self, felt: Felt) -> None:
        self.felt.value = felt_text(felt, self.model.depth_cm)
        self.show()
        # A button disabled under the keyboard focus drops it: put it on what comes next.
        if felt.state == AT_DEPTH:
            self.flex_button.focus()
        elif felt.state in (MOVE_LATERAL, STOPPED, NOT_CONFIRMED):
            self.again_button.focus()

    def show(self) -> None:
        from ..figures.placement import sink_fingertips

        sink_fingertips(self.lesson, self.marker, self.simulation.position_cm[0],
                        self.simulation.depth_cm / self.model.depth_cm)
        self.canvas.draw_idle()
        self.enable(not self.patient.disabled)
