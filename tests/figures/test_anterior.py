"""Is the anterior view drawn from the lesson's data: its labels, coordinates and the start zone?"""

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle

from psoas_lib.figures.anterior import draw_anterior
from psoas_lib.lesson import load_lesson


def test_every_structure_of_the_lesson_is_labelled(lesson, texts):
    data = lesson.figures.anterior
    drawn = texts(draw_anterior(lesson))
    wanted = [data.title, data.umbilicus_label, data.start_zone_label, data.bifurcation_label,
              *data.side_labels, *(o.label for o in data.outlines), *(v.label for v in data.vessels)]
    assert [label for label in wanted if label not in drawn] == []
    assert drawn.count(data.start_zone_label) == 2  # one for each side


def test_relabelling_a_structure_in_a_lesson_copy_changes_the_figure(lesson_text, write_lesson, texts):
    copy = load_lesson(write_lesson(lesson_text.replace("label: right psoas", "label: psoas major (dexter)")))
    drawn = texts(draw_anterior(copy))
    assert "psoas major (dexter)" in drawn and "right psoas" not in drawn


def test_moving_the_aorta_in_a_lesson_copy_moves_its_line(lesson_text, write_lesson, line_data):
    old = "points_cm: [[0.5, 14], [0.5, -1]]"
    assert lesson_text.count(old) == 1
    copy = load_lesson(write_lesson(lesson_text.replace(old, "points_cm: [[1.5, 12], [0.5, -1]]")))
    lines = line_data(draw_anterior(copy))
    assert [(1.5, 12.0), (0.5, -1.0)] in lines
    assert [(0.5, 14.0), (0.5, -1.0)] not in lines


def test_each_psoas_outline_is_drawn_at_the_lesson_coordinates(lesson):
    figure = draw_anterior(lesson)
    polygons = [p.get_xy()[:-1].tolist() for p in figure.axes[0].patches if isinstance(p, Polygon)
                and not isinstance(p, Rectangle)]
    assert polygons == [[list(point) for point in o.points_cm] for o in lesson.figures.anterior.outlines]


def test_start_zone_is_shaded_on_both_sides_from_the_palpation_zone(lesson_text, write_lesson):
    copy = load_lesson(write_lesson(lesson_text.replace("level_tolerance_cm: 2.5", "level_tolerance_cm: 1.5")))
    zone = copy.palpation.start_zone
    rectangles = [p for p in draw_anterior(copy).axes[0].patches if isinstance(p, Rectangle)]
    extents = sorted((round(r.get_x(), 3), round(r.get_x() + r.get_width(), 3), r.get_y(), r.get_height())
                     for r in rectangles)
    low, high = round(zone.lateral_min_cm, 3), round(zone.lateral_max_cm, 3)
    assert extents == [(-high, -low, -1.5, 3.0), (low, high, -1.5, 3.0)]
    assert (low, high) == (5.08, 7.62)  # 2 and 3 inches


def test_patients_left_is_on_the_viewers_right(lesson):
    figure = draw_anterior(lesson)
    ax = figure.axes[0]
    left_outline = next(o for o in lesson.figures.anterior.outlines if o.id == "left-psoas")
    assert all(x > 0 for x, _y in left_outline.points_cm)
    assert ax.get_xlim()[0] < ax.get_xlim()[1]  # x is not flipped: positive x (patient's left) on the right
    right_word, left_word = lesson.figures.anterior.side_labels
    positions = {t.get_text(): t.get_position()[0] for t in ax.texts}
    assert positions[right_word] < positions[left_word]


def test_a_scale_bar_of_five_cm_is_drawn(lesson, texts, line_data):
    figure = draw_anterior(lesson)
    assert "5 cm" in texts(figure)
    bars = [line for line in line_data(figure) if len(line) == 2 and line[0][1] == line[1][1]
            and abs(line[1][0] - line[0][0]) == 5]
    assert len(bars) == 1


def test_only_greys_are_used_so_meaning_never_rests_on_colour(lesson, colours):
    used = colours(draw_anterior(lesson))
    assert used and all(r == g == b for r, g, b, _a in used)


def test_draws_into_given_axes_for_views_that_add_to_it(lesson):
    figure = Figure()
    ax = figure.add_subplot()
    assert draw_anterior(lesson, ax=ax) is figure
    assert isinstance(ax, Axes) and ax.patches and ax.get_title() == lesson.figures.anterior.title


def test_no_pyplot_figure_is_left_open(lesson):
    draw_anterior(lesson)
    assert "matplotlib.pyplot" not in matplotlib.sys.modules or not matplotlib.pyplot.get_fignums()


def test_each_start_zone_lies_over_a_psoas_outline_at_the_umbilicus_level(lesson):
    """The drawing must agree with the technique: from the start zone the fingertips sink onto the psoas."""
    zone = lesson.palpation.start_zone
    for outline in lesson.figures.anterior.outlines:
        points = outline.points_cm
        crossings = [x0 + (0 - y0) * (x1 - x0) / (y1 - y0)
                     for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]) if min(y0, y1) <= 0 < max(y0, y1)]
        inner_cm, outer_cm = sorted(abs(x) for x in crossings)
        assert inner_cm < zone.lateral_max_cm and outer_cm > zone.lateral_min_cm, outline.id
