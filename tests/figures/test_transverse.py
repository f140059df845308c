"""Is the transverse section drawn from the lesson's shapes, with the fingertips' path and a scale, and do its
shapes keep the relations the references state?"""

import pytest
from matplotlib.patches import Ellipse, Polygon

from psoas_lib.figures.transverse import TISSUES, draw_transverse
from psoas_lib.lesson import load_lesson


def ellipses(figure):
    return {(tuple(map(float, e.center)), float(e.width), float(e.height)): e
            for e in figure.axes[0].patches if isinstance(e, Ellipse)}


def test_every_shape_and_the_path_are_labelled(lesson, texts):
    data = lesson.figures.transverse
    drawn = texts(draw_transverse(lesson))
    wanted = [data.title, *data.side_labels, data.finger_path.label, *(s.label for s in data.shapes)]
    assert [label for label in wanted if label not in drawn] == []
    assert len(drawn) == len(set(drawn))  # a pair or a group is labelled once


def test_each_shape_is_drawn_at_the_lesson_coordinates(lesson):
    figure = draw_transverse(lesson)
    shapes = lesson.figures.transverse.shapes
    assert set(ellipses(figure)) == {(tuple(s.center_cm), *s.size_cm) for s in shapes if s.kind == "ellipse"}
    polygons = [p.get_xy()[:-1].tolist() for p in figure.axes[0].patches if isinstance(p, Polygon)]
    assert polygons == [[list(point) for point in s.points_cm] for s in shapes if s.kind == "polygon"]


def test_moving_and_relabelling_a_shape_in_a_lesson_copy_changes_the_figure(lesson_text, write_lesson, texts):
    old = "        label: vertebral body (about L3-L4)\n        kind: ellipse\n        tissue: bone\n        center_cm: [0, -4.6]"
    assert lesson_text.count(old) == 1
    new = "        label: L4 vertebral body\n        kind: ellipse\n        tissue: bone\n        center_cm: [0, -6]"
    figure = draw_transverse(load_lesson(write_lesson(lesson_text.replace(old, new))))
    assert "L4 vertebral body" in texts(figure)
    assert ((0.0, -6.0), 5.0, 3.6) in ellipses(figure) and ((0.0, -4.6), 5.0, 3.6) not in ellipses(figure)


def test_tissues_differ_by_hatch_or_outline_not_by_colour(lesson, colours):
    figure = draw_transverse(lesson)
    looks = {(style["facecolor"], style["hatch"], style["linewidth"], style.get("linestyle", "-"))
             for style in TISSUES.values()}
    assert len(looks) == len(TISSUES)
    used = colours(figure)
    assert used and all(r == g == b for r, g, b, _a in used)
    bone = next(s for s in lesson.figures.transverse.shapes if s.tissue == "bone")
    assert ellipses(figure)[(tuple(bone.center_cm), *bone.size_cm)].get_hatch() == TISSUES["bone"]["hatch"]


def test_the_fingertips_path_is_an_arrow_from_front_to_back(lesson):
    path = lesson.figures.transverse.finger_path
    arrows = [t for t in draw_transverse(lesson).axes[0].texts if getattr(t, "arrow_patch", None)
              and t.get_text() == ""]
    assert len(arrows) == 1
    assert tuple(arrows[0].xy) == tuple(path.to_cm) and tuple(arrows[0].xyann) == tuple(path.from_cm)
    assert path.from_cm[1] > path.to_cm[1]  # anterior (up) to posterior (down)


def test_the_path_reaches_a_psoas_and_avoids_the_aorta(lesson):
    """The drawing teaches where the fingers go: its path must end over a psoas, never over the aorta."""
    data = lesson.figures.transverse
    path = data.finger_path
    psoas = [s for s in data.shapes if s.id.endswith("psoas")]
    aorta = next(s for s in data.shapes if s.id == "aorta")
    below_tip = (path.to_cm[0], path.to_cm[1] - 0.5)
    assert any(abs(below_tip[0] - s.center_cm[0]) < s.size_cm[0] / 2 for s in psoas)
    assert abs(path.to_cm[0] - aorta.center_cm[0]) > aorta.size_cm[0] / 2 + 1


def test_a_scale_bar_of_five_cm_is_drawn(lesson, texts):
    assert "5 cm" in texts(draw_transverse(lesson))


def shape(lesson, shape_id):
    return next(s for s in lesson.figures.transverse.shapes if s.id == shape_id)


def test_every_structure_the_section_must_show_is_there(lesson):
    ids = {s.id for s in lesson.figures.transverse.shapes}
    for side in ("right", "left"):
        for part in ("rectus", "rectus-sheath", "external-oblique", "internal-oblique", "transversus", "psoas",
                     "quadratus-lumborum", "erector-spinae", "transverse-process"):
            assert f"{side}-{part}" in ids
    assert {"skin", "fat", "aorta", "inferior-vena-cava", "vertebral-body", "ascending-colon", "descending-colon",
            "kidney-pole", "small-bowel-1"} <= ids
    assert all(s.sources for s in lesson.figures.transverse.shapes) and lesson.figures.transverse.sources


def test_the_inferior_vena_cava_lies_right_of_the_aorta_both_on_the_vertebral_body(lesson):
    ivc, aorta, body = (shape(lesson, i) for i in ("inferior-vena-cava", "aorta", "vertebral-body"))
    assert ivc.center_cm[0] < aorta.center_cm[0]  # patient's right: smaller x
    top_of_body = body.center_cm[1] + body.size_cm[1] / 2
    assert abs(aorta.center_cm[1] - aorta.size_cm[1] / 2 - top_of_body) <= 0.3  # the aorta lies on the body


@pytest.mark.parametrize(("side", "sign"), [("right", -1), ("left", 1)])
def test_psoas_beside_the_body_with_quadratus_lateral_and_erector_behind(lesson, side, sign):
    body, psoas = shape(lesson, "vertebral-body"), shape(lesson, f"{side}-psoas")
    ql, erector = shape(lesson, f"{side}-quadratus-lumborum"), shape(lesson, f"{side}-erector-spinae")
    assert sign * psoas.center_cm[0] > sign * body.center_cm[0] + body.size_cm[0] / 2 - 0.5
    assert sign * ql.center_cm[0] > sign * psoas.center_cm[0] + psoas.size_cm[0] / 2 - 0.5
    process = shape(lesson, f"{side}-transverse-process").points_cm
    assert erector.center_cm[1] < min(y for _x, y in process) < psoas.center_cm[1]  # psoas in front, erector behind


@pytest.mark.parametrize("side", ["right", "left"])
def test_the_flat_muscles_lie_external_internal_transversus_from_outside_in(lesson, side):
    def reach(part):
        return max(abs(x) for x, _y in shape(lesson, f"{side}-{part}").points_cm)
    assert reach("external-oblique") > reach("internal-oblique") > reach("transversus")


def test_at_most_the_tip_of_a_kidney_is_shown(lesson):
    kidney, psoas = shape(lesson, "kidney-pole"), shape(lesson, "right-psoas")
    assert kidney.size_cm[0] * kidney.size_cm[1] < psoas.size_cm[0] * psoas.size_cm[1] / 3


def test_the_path_starts_in_the_start_zone(lesson):
    zone, path = lesson.palpation.start_zone, lesson.figures.transverse.finger_path
    assert zone.lateral_min_cm <= abs(path.from_cm[0]) <= zone.lateral_max_cm
    assert path.from_cm[0] == path.to_cm[0]  # straight back, anterior to posterior
