"""Can every word of each figure be read: does any text box (title, label, caption, scale) overlap another,
or run off the figure? Read back through matplotlib's own bounding boxes, in English and German."""

from itertools import combinations
from pathlib import Path

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text

from psoas_lib.figures.anterior import draw_anterior
from psoas_lib.figures.placement import draw_placement
from psoas_lib.figures.transverse import draw_transverse
from psoas_lib.i18n import use_language
from psoas_lib.lesson import load_lesson

GERMAN = Path(__file__).parents[2] / "docs" / "examples" / "psoas_release.de.yaml"
GAP_PX = 2  # boxes closer than this look joined
DRAWINGS = {"anterior": draw_anterior, "transverse": draw_transverse,
            "placement quiz": lambda lesson: draw_placement(lesson, 6.0, 0.0)[0]}


def text_boxes(figure):
    """(text, window extent in pixels) of every non-empty text the figure shows (of a label, its words without
    its leader line)."""
    renderer = FigureCanvasAgg(figure).get_renderer()
    figure.draw(renderer)
    shown = [text for ax in figure.axes for text in [ax.title, *ax.texts] if text.get_text().strip()]
    return [(" ".join(text.get_text().split()), Text.get_window_extent(text, renderer)) for text in shown]


def overlapping(first, second) -> bool:
    return (first.x0 < second.x1 + GAP_PX and second.x0 < first.x1 + GAP_PX
            and first.y0 < second.y1 + GAP_PX and second.y0 < first.y1 + GAP_PX)


@pytest.fixture(params=["en", "de"])
def drawn_lesson(request, lesson):
    if request.param == "en":
        yield lesson
        return
    german = load_lesson(GERMAN)
    use_language(german.language)  # the scale bar's text is interface text
    try:
        yield german
    finally:
        use_language("")


@pytest.mark.parametrize("name", DRAWINGS)
def test_no_two_texts_of_a_figure_overlap_or_touch(drawn_lesson, name):
    boxes = text_boxes(DRAWINGS[name](drawn_lesson))
    assert len(boxes) > 10
    clashes = [(a, b) for (a, box_a), (b, box_b) in combinations(boxes, 2) if overlapping(box_a, box_b)]
    assert clashes == []


@pytest.mark.parametrize("name", DRAWINGS)
def test_every_text_lies_inside_the_figure(drawn_lesson, name):
    figure = DRAWINGS[name](drawn_lesson)
    boxes = text_boxes(figure)
    width, height = figure.bbox.width, figure.bbox.height
    outside = [text for text, box in boxes if box.x0 < 0 or box.y0 < 0 or box.x1 > width or box.y1 > height]
    assert outside == []
