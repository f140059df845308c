"""The technique walk-through: position, hand placement and approach, with both drawings and their descriptions."""

from __future__ import annotations

import ipywidgets as w

from ..figures.anterior import draw_anterior
from ..figures.transverse import draw_transverse
from ..i18n import _
from ..lesson.model import Lesson
from .figure import FigureView
from .text import facts_html


def walkthrough(lesson: Lesson) -> w.VBox:
    """The steps from the patient's position to the check that the fingers are on the psoas."""
    technique, figures = lesson.technique, lesson.figures
    return w.VBox([
        w.HTML(facts_html([technique.position, technique.hand, technique.start],
                          _("Position and hand placement"))),
        FigureView(draw_anterior(lesson), figures.anterior.title, figures.anterior.description),
        w.HTML(facts_html([technique.approach, technique.too_fast], _("The approach: slowly, front to back"))),
        FigureView(draw_transverse(lesson), figures.transverse.title, figures.transverse.description),
        w.HTML(facts_html([*technique.confirmations, technique.palpation_caveat],
                          _("How you know you are on the psoas"))),
    ])
