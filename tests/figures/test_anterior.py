"""Is the anterior view drawn from the lesson's data (labels, coordinates, the start zone, the graded arteries),
and does that data keep the relations the references state?"""

import matplotlib
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Polygon, Rectangle
from matplotlib.path import Path

from psoas_lib.exercises.palpation import artery_under, distance_to_path_cm

from psoas_lib.figures.anterior import draw_anterior
from psoas_lib.lesson import load_lesson


def test_every_structure_of_the_lesson_is_labelled(lesson, texts):
    data = lesson.figures.anterior
    drawn = texts(draw_anterior(lesson))
    wanted = [data.title, data.umbilicus_label, data.start_zone_label, data.bifurcation_label,
              *data.side_labels, *(o.label for o in data.outlines), *(a.name for a in lesson.palpation.arteries)]
    assert [label for label in wanted if label not in drawn] == []
    assert drawn.count(data.start_zone_label) == 2  # one for each side


def test_relabelling_a_structure_in_a_lesson_copy_changes_the_figure(lesson_text, write_lesson, texts):
    copy = load_lesson(write_lesson(lesson_text.replace("label: right psoas major", "label: psoas major (dexter)")))
    drawn = texts(draw_anterior(copy))
    assert "psoas major (dexter)" in drawn and "right psoas major" not in drawn


def test_moving_the_aorta_moves_both_its_drawn_line_and_its_graded_pulse(lesson, lesson_text, write_lesson,
                                                                         line_data):
    """One geometry: the quiz grades the pulse where the figure draws the artery."""
    old = "path_cm: [[0.5, 14], [0.5, 0.5]]"
    assert lesson_text.count(old) == 1
    copy = load_lesson(write_lesson(lesson_text.replace(old, "path_cm: [[3.5, 12], [0.5, 0.5]]")))
    lines = line_data(draw_anterior(copy))
    assert [(3.5, 12.0), (0.5, 0.5)] in lines
    assert [(0.5, 14.0), (0.5, 0.5)] not in lines
    assert artery_under(copy.palpation, 3.5, 12).id == "aorta" and artery_under(lesson.palpation, 3.5, 12) is None


def test_each_psoas_outline_is_drawn_at_the_lesson_coordinates(lesson):
    figure = draw_anterior(lesson)
    polygons = [p.get_xy()[:-1].tolist() for p in figure.axes[0].patches if isinstance(p, Polygon)
                and not isinstance(p, Rectangle)]
    assert polygons == [[list(point) for point in o.points_cm] for o in lesson.figures.anterior.outlines
                        if o.kind == "muscle"]


def test_start_zone_is_shaded_on_both_sides_from_the_palpation_zone(lesson_text, write_lesson):
    copy = load_lesson(write_lesson(lesson_text.replace("level_tolerance_cm: 2.5", "level_tolerance_cm: 1.5")))
    zone = copy.palpation.start_zone
    rectangles = [p for p in draw_anterior(copy).axes[0].patches if isinstance(p, Rectangle)]
    extents = sorted((round(r.get_x(), 3), round(r.get_x() + r.get_width(), 3), r.get_y(), r.get_height())
                     for r in rectangles)
    low, high = round(zone.lateral_min_cm, 3), round(zone.lateral_max_cm, 3)
    assert extents == [(-high, -low, -1.5, 3.0), (low, high, -1.5, 3.0)]
    assert (low, high) == (5.0, 7.5)  # the zone graded and printed, 2-3 in


def test_patients_left_is_on_the_viewers_right(lesson):
    figure = draw_anterior(lesson)
    ax = figure.axes[0]
    left_outline = next(o for o in lesson.figures.anterior.outlines if o.id == "left-psoas")
    assert left_outline.label.startswith("left")
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


def outline(lesson, outline_id):
    return next(o for o in lesson.figures.anterior.outlines if o.id == outline_id)


def artery(lesson, artery_id):
    return next(a for a in lesson.palpation.arteries if a.id == artery_id)


def crossings_at(points, y):
    """Where a horizontal line at height y crosses a closed outline."""
    return [x0 + (y - y0) * (x1 - x0) / (y1 - y0)
            for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1]) if min(y0, y1) <= y <= max(y0, y1) and y0 != y1]


def zone_points(zone, side, step_cm=0.25):
    """A grid over the start zone on one side (side 1: patient's left), edges included."""
    xs = [zone.lateral_min_cm + i * step_cm for i in range(int((zone.lateral_max_cm - zone.lateral_min_cm) / step_cm) + 1)]
    ys = [-zone.level_tolerance_cm + i * step_cm for i in range(int(2 * zone.level_tolerance_cm / step_cm) + 1)]
    return [(side * x, y) for x in xs for y in ys]


@pytest.mark.parametrize(("side", "psoas"), [(1, "left-psoas"), (-1, "right-psoas")])
def test_the_whole_start_zone_lies_over_the_drawn_psoas(lesson, side, psoas):
    """The drawing agrees with the technique and its text: from the zone the fingertips sink onto the psoas."""
    muscle = Path(outline(lesson, psoas).points_cm)
    points = zone_points(lesson.palpation.start_zone, side)
    assert [p for p in points if not muscle.contains_point(p)] == []
    assert "over the psoas" in lesson.figures.anterior.description


@pytest.mark.parametrize("side", [1, -1])
def test_the_start_zone_is_clear_of_every_graded_pulse(lesson, side):
    assert [p for p in zone_points(lesson.palpation.start_zone, side) if artery_under(lesson.palpation, *p)] == []


def test_the_inferior_vena_cava_lies_right_of_the_aorta(lesson):
    """gray1918-ivc: on the right of the aorta (the patient's right: smaller x)."""
    ivc = outline(lesson, "inferior-vena-cava").points_cm
    aorta = artery(lesson, "aorta").path_cm
    assert max(x for x, _y in ivc) < min(x for x, _y in aorta)


def test_the_aorta_divides_near_the_umbilicus_slightly_left(lesson):
    """gray-iliac: nearly opposite the umbilicus's left margin; hurd1992: the umbilicus lies below it, about 0.4 cm
    in non-obese women (2.4-2.9 cm in obese women)."""
    end_x, end_y = artery(lesson, "aorta").path_cm[-1]
    assert 0 < end_x <= 1.5 and 0 <= end_y <= 1.0


@pytest.mark.parametrize("side", [1, -1])
def test_the_psoas_has_one_width_at_the_umbilicus_in_both_figures(lesson, side):
    """One geometry: the front view and the section (at the umbilicus's level) draw the psoas equally wide."""
    front = sorted(abs(x) for x in crossings_at(outline(lesson, "left-psoas" if side > 0 else "right-psoas").points_cm, 0))
    section = next(s for s in lesson.figures.transverse.shapes if s.id == ("left-psoas" if side > 0 else "right-psoas"))
    half_width = section.size_cm[0] / 2
    assert front[0] == pytest.approx(abs(section.center_cm[0]) - half_width, abs=0.3)
    assert front[-1] == pytest.approx(abs(section.center_cm[0]) + half_width, abs=0.3)


@pytest.mark.parametrize("side", ["right", "left"])
def test_each_common_iliac_is_about_5_cm_with_the_psoas_lateral_to_it(lesson, side):
    """gray1918-iliac: about 5 cm (4-6 cm in other texts); psoas lies lateral to it."""
    path = artery(lesson, f"{side}-common-iliac").path_cm
    length = sum(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 for (x0, y0), (x1, y1) in zip(path, path[1:]))
    assert 4 <= length <= 6
    muscle = Path(outline(lesson, f"{side}-psoas").points_cm)
    assert not any(muscle.contains_point(p) for p in path)


@pytest.mark.parametrize("side", ["right", "left"])
def test_each_external_iliac_runs_along_the_medial_border_of_its_psoas(lesson, side):
    """gray1918-iliac, elsevier-eia: it continues the common iliac, just medial to psoas, to the inguinal ligament."""
    common, external = artery(lesson, f"{side}-common-iliac"), artery(lesson, f"{side}-external-iliac")
    assert external.path_cm[0] == common.path_cm[-1]
    psoas = outline(lesson, f"{side}-psoas").points_cm
    for x, y in external.path_cm:
        medial_edge_cm = min(abs(cx) for cx in crossings_at(psoas, y))
        assert -0.3 <= medial_edge_cm - abs(x) <= 1.5, (x, y)  # at or just medial to the border
    ligament = outline(lesson, f"{side}-inguinal-ligament").points_cm
    assert distance_to_path_cm(external.path_cm[-1], ligament) <= 1.0


@pytest.mark.parametrize("side", ["right", "left"])
def test_psoas_and_iliacus_pass_beneath_the_inguinal_ligament(lesson, side):
    ligament = outline(lesson, f"{side}-inguinal-ligament").points_cm
    lowest_ligament_y = min(y for _x, y in ligament)
    for muscle in (f"{side}-psoas", f"{side}-iliacus"):
        assert min(y for _x, y in outline(lesson, muscle).points_cm) < lowest_ligament_y + 1


def test_the_rectus_border_is_about_7_cm_out_at_the_umbilicus(lesson):
    for side in ("right", "left"):
        border = outline(lesson, f"{side}-rectus-border").points_cm
        at_umbilicus = next(abs(x) for x, y in border if y == 0)
        assert 6.5 <= at_umbilicus <= 7.5


def test_every_structure_names_its_sources(lesson):
    assert all(o.sources for o in lesson.figures.anterior.outlines) and lesson.figures.anterior.sources


def test_each_kind_of_structure_is_drawn_differently_without_colour(lesson):
    """Bone edges solid and thick, ligaments dashed, borders dotted: told apart by line, never by colour."""
    lines = draw_anterior(lesson).axes[0].lines
    by_points = {tuple(map(tuple, zip(*line.get_data()))): line for line in lines}
    styles = {}
    for o in lesson.figures.anterior.outlines:
        if o.kind in ("bone", "ligament", "border"):
            line = by_points[tuple(tuple(map(float, p)) for p in o.points_cm)]
            styles.setdefault(o.kind, set()).add((line.get_linestyle(), line.get_linewidth()))
    assert len(styles) == 3 and all(len(found) == 1 for found in styles.values())
    assert len({next(iter(found)) for found in styles.values()}) == 3
