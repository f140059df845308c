"""Is the transverse section drawn from the lesson's shapes, with the fingertips' path and a scale?"""

from matplotlib.patches import Ellipse

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
    assert drawn.count("psoas") == 2 and drawn.count("rectus abdominis") == 2  # one label per shape


def test_each_shape_is_an_ellipse_at_the_lesson_coordinates(lesson):
    drawn = ellipses(draw_transverse(lesson))
    wanted = {(tuple(s.center_cm), *s.size_cm) for s in lesson.figures.transverse.shapes}
    assert set(drawn) == wanted


def test_moving_and_relabelling_a_shape_in_a_lesson_copy_changes_the_figure(lesson_text, write_lesson, texts):
    old = "        label: vertebral body\n        kind: ellipse\n        tissue: bone\n        center_cm: [0, -5]"
    assert lesson_text.count(old) == 1
    new = "        label: L4 vertebral body\n        kind: ellipse\n        tissue: bone\n        center_cm: [0, -6]"
    figure = draw_transverse(load_lesson(write_lesson(lesson_text.replace(old, new))))
    assert "L4 vertebral body" in texts(figure)
    assert ((0.0, -6.0), 5.0, 4.0) in ellipses(figure) and ((0.0, -5.0), 5.0, 4.0) not in ellipses(figure)


def test_tissues_differ_by_hatch_or_outline_not_by_colour(lesson, colours):
    figure = draw_transverse(lesson)
    looks = {(style["hatch"], style["linewidth"]) for style in TISSUES.values()}
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
