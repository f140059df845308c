"""The technique walk-through: position, hand placement and approach, with both drawings and their descriptions."""

from __future__ import annotations

import ipywidgets as w

from ..i18n import _
from ..lesson.model import Lesson
from .figure import lesson_figure
from .text import facts_html


def walkthrough(lesson: Lesson) -> w.VBox:
    """The steps from the patient's position to the check that the fingers are on the psoas, and what stops
    the release once it has begun."""
    technique = lesson.technique
    return w.VBox([
        w.HTML(facts_html([technique.position, technique.hand, technique.start, technique.landmarks],
                          _("Position and hand placement"))),
        lesson_figure(lesson, "anterior"),
        w.HTML(facts_html([technique.approach, technique.too_fast], _("The approach: slowly, front to back"))),
        lesson_figure(lesson, "transverse"),
        w.HTML(facts_html([*technique.confirmations, technique.palpation_caveat],
                          _("How you know you are on the psoas"))),
        w.HTML(facts_html([lesson.safety.during_release], _("Stop the release at once if"))),
    ])


def live_release(lesson: Lesson) -> w.VBox:
    """The live release (notebook 03): the last step's note and the stop rule, then the session timer."""
    from .timer import SessionTimerView

    return w.VBox([
        w.HTML(facts_html([lesson.progression.last_step_note, lesson.safety.during_release],
                          _("Before you start"))),
        SessionTimerView(lesson),
    ])
