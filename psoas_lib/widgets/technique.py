"""The technique walk-through: position, hand placement and approach, with both drawings and their descriptions."""

from __future__ import annotations

import ipywidgets as w

from ..i18n import _
from ..lesson.model import Lesson
from .figure import lesson_figure
from .text import facts_html


def walkthrough(lesson: Lesson) -> w.VBox:
    """The steps from the patient's position to the check that the fingers are on the psoas."""
    technique = lesson.technique
    return w.VBox([
        w.HTML(facts_html([technique.position, technique.hand, technique.start],
                          _("Position and hand placement"))),
        lesson_figure(lesson, "anterior"),
        w.HTML(facts_html([technique.approach, technique.too_fast], _("The approach: slowly, front to back"))),
        lesson_figure(lesson, "transverse"),
        w.HTML(facts_html([*technique.confirmations, technique.palpation_caveat],
                          _("How you know you are on the psoas"))),
    ])
