"""Are the quiz's fingertips drawn on top of the anterior view, where the quiz says they are?"""

import pytest
from matplotlib.patches import Rectangle

from psoas_lib.figures.placement import FINGERTIP_GAP_CM, draw_placement, move_fingertips


def test_two_fingertips_side_by_side_centred_on_the_position(lesson):
    figure, marker = draw_placement(lesson, 6, 1)
    xs, ys = marker.get_data()
    assert list(ys) == [1, 1]
    assert (xs[0] + xs[1]) / 2 == pytest.approx(6) and xs[1] - xs[0] == pytest.approx(FINGERTIP_GAP_CM)
    assert marker in figure.axes[0].lines


def test_the_fingertips_lie_above_every_other_drawing(lesson):
    figure, marker = draw_placement(lesson, 0, 0)
    others = [a for a in figure.axes[0].get_children() if a is not marker and hasattr(a, "get_zorder")]
    assert marker.get_zorder() > max(a.get_zorder() for a in others)


def test_moving_the_fingertips_moves_the_dots(lesson):
    _figure, marker = draw_placement(lesson, 0, 0)
    move_fingertips(marker, -6.5, -2)
    xs, ys = marker.get_data()
    assert ((xs[0] + xs[1]) / 2, ys[0]) == pytest.approx((-6.5, -2))


def test_the_quiz_drawing_does_not_give_the_start_zone_away(lesson):
    figure, _marker = draw_placement(lesson, 0, 0)
    ax = figure.axes[0]
    assert not [p for p in ax.patches if isinstance(p, Rectangle)]
    assert lesson.figures.anterior.start_zone_label not in [t.get_text() for t in ax.texts]
