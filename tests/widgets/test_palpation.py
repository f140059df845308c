"""Do clicks and the move buttons of the landmark quiz go through the same grading, with feedback in words?"""

from html import escape

import pytest
from matplotlib.backend_bases import MouseEvent

from psoas_lib.exercises.palpation import CONFIRMATION, DEPTH, DONE, PLACEMENT
from psoas_lib.exercises.sinking import SINKING
from psoas_lib.progress import Progress
from psoas_lib.widgets.controls import FeedbackRegion
from psoas_lib.widgets.palpation import PalpationQuiz, position_text


@pytest.fixture
def view(lesson, clock):
    return PalpationQuiz(lesson, clock=clock)


def sink_slowly(view):
    """Press "Sink in" once every interval until the fingertips can go no further, then ask for a hip flexion."""
    step = view.sinking
    while step.simulation.state == SINKING:
        step.clock.now += step.simulation.min_interval_seconds
        step.sink_button.click()
    step.flex_button.click()


def sink_too_fast(view):
    for _ in range(2):
        view.sinking.sink_button.click()  # twice at the same moment: the rectus guards


def click(view, x_cm, y_cm):
    """A left click on the canvas at the pixel where (x_cm, y_cm) is drawn, through matplotlib's events."""
    view.canvas.draw()
    x_px, y_px = view.axes.transData.transform((x_cm, y_cm))
    view.canvas.callbacks.process("button_press_event",
                                  MouseEvent("button_press_event", view.canvas, x_px, y_px, button=1))


def marker_centre(view):
    xs, ys = view.marker.get_data()
    return round((xs[0] + xs[1]) / 2, 3), round(float(ys[0]), 3)


def test_a_click_and_the_buttons_give_the_same_feedback(lesson):
    clicked, keyed = PalpationQuiz(lesson), PalpationQuiz(lesson)
    click(clicked, -4, 0)
    for _ in range(4):
        keyed.moves["left"].click()
    keyed.place_button.click()
    assert clicked.placement_feedback.value == keyed.placement_feedback.value
    assert "Too medial" in keyed.placement_feedback.value
    assert marker_centre(clicked) == marker_centre(keyed) == (-4, 0)


def test_a_click_on_the_aorta_says_pulse_and_which_button_takes_the_fingers_lateral(view):
    click(view, 0.5, 6)
    shown = view.placement_feedback.value
    assert isinstance(view.placement_feedback, FeedbackRegion) and "✘ Not quite." in shown
    assert "You feel a pulse" in shown and "move more lateral" in shown
    assert "over the abdominal aorta" in shown
    assert "“Move right” (towards the patient&#x27;s left)" in shown
    assert view.quiz.phase == PLACEMENT


def test_on_the_patients_right_lateral_is_the_left_button(view):
    click(view, -1, -1.5)  # over the right common iliac artery
    shown = view.placement_feedback.value
    assert "right common iliac artery" in shown
    assert "“Move left” (towards the patient&#x27;s right)" in shown and "Move right" not in shown


def test_a_click_beside_the_drawing_is_not_graded(view):
    view.canvas.draw()
    view.canvas.callbacks.process("button_press_event", MouseEvent("button_press_event", view.canvas, 2, 2, button=1))
    assert "Click on the drawing" in view.placement_feedback.value
    assert view.quiz.position_cm == (0, 0)


def test_every_control_has_a_text_label(view):
    step = view.sinking
    buttons = [*view.moves.values(), view.place_button, step.sink_button, step.flex_button, step.again_button,
               view.restart_button]
    assert [b.description for b in view.moves.values()] == ["Move left", "Move right", "Move up", "Move down"]
    assert all(b.description and b.tooltip for b in buttons)
    assert "patient's left" in view.moves["right"].tooltip


def test_the_position_is_shown_in_cm_and_inches_on_the_patients_sides(view):
    for _ in range(5):
        view.moves["right"].click()
    view.moves["down"].click()
    assert "5.0 cm (1.97 in) to the patient&#x27;s left of the umbilicus" in view.position.value
    assert "1.0 cm (0.39 in) below its level" in view.position.value
    assert marker_centre(view) == (5, -1)
    assert position_text(-6.5, 0).startswith("Fingertips: 6.5 cm (2.56 in) to the patient's right")


def test_each_step_opens_only_after_the_one_before(view):
    assert view.sinking.sink_button.disabled and view.sinking.flex_button.disabled
    assert all(q.check.disabled for q in view.questions)
    click(view, 6, 0)
    assert view.quiz.phase == DEPTH and all(b.disabled for b in view.moves.values())
    assert not view.sinking.sink_button.disabled and view.sinking.flex_button.disabled  # at depth only
    sink_too_fast(view)
    assert "rectus abdominis" in view.depth_feedback.value and view.quiz.phase == DEPTH
    assert "rectus abdominis" in view.sinking.felt.value and "Depth 0 of 5 cm" in view.sinking.felt.value
    sink_slowly(view)
    assert view.quiz.phase == CONFIRMATION and not any(q.check.disabled for q in view.questions)
    for question in view.questions:
        question.options.value = next(i for i, o in enumerate(question.question.options) if o.correct)
        question.check.click()
    assert view.quiz.phase == DONE and "Quiz complete" in view.progress_line.value


def test_a_wrong_answer_to_the_pulse_scenario_is_explained_and_keeps_the_step_open(view):
    click(view, 6, 0)
    sink_slowly(view)
    pulse = next(q for q in view.questions if q.question.pulse_felt)
    pulse.options.value = next(i for i, o in enumerate(pulse.question.options) if not o.moves_lateral)
    pulse.check.click()
    assert "✘ Not quite." in pulse.feedback.value and "lateral" in pulse.feedback.value
    assert view.quiz.phase == CONFIRMATION


def test_the_view_resumes_where_the_student_left_off(lesson, tmp_path, clock):
    progress = Progress(lesson.id, student="ana", directory=tmp_path)
    first = PalpationQuiz(lesson, progress, clock=clock)
    click(first, -6, 1)
    sink_slowly(first)
    question = first.questions[0]
    question.options.value = 0
    question.check.click()
    again = PalpationQuiz(lesson, Progress(lesson.id, student="ana", directory=tmp_path))
    assert again.quiz.phase == CONFIRMATION and marker_centre(again) == (-6, 1)
    assert "In the start zone" in again.placement_feedback.value and "Slowly" in again.depth_feedback.value
    assert again.questions[0].options.value == 0 and "Correct." in again.questions[0].feedback.value
    assert again.questions[1].options.value is None


def test_starting_again_clears_the_steps(view):
    click(view, 6, 0)
    view.restart_button.click()
    assert view.quiz.phase == PLACEMENT and not view.place_button.disabled
    assert "Not quite" not in view.placement_feedback.value and "Correct" not in view.placement_feedback.value



def all_html(widget) -> str:
    own = widget.value if isinstance(getattr(widget, "value", None), str) else ""
    return " ".join([own, *(all_html(child) for child in getattr(widget, "children", ()))])


def test_the_quiz_figure_is_described_as_drawn_without_the_start_zone(lesson):
    shown = all_html(PalpationQuiz(lesson))
    assert escape(lesson.figures.anterior.quiz_description) in shown
    assert escape(lesson.figures.anterior.description) not in shown


def test_when_a_step_is_passed_the_keyboard_focus_goes_on_to_the_next_one(view, monkeypatch):
    """A passed step's buttons are disabled, and a disabled button drops the keyboard focus."""
    focused = []
    step = view.sinking
    for button in (step.sink_button, step.flex_button, view.restart_button):
        monkeypatch.setattr(button, "focus", lambda button=button: focused.append(button.description))
    click(view, 0.5, 6)  # on the aorta: the step stays open, and so does the focus
    assert focused == []
    click(view, 6, 0)
    assert focused == ["Sink in"]
    sink_slowly(view)  # at depth the sink button is disabled: focus goes on to the hip flexion
    assert focused == ["Sink in", "Ask for a slight hip flexion"]
    for question in view.questions:
        question.options.value = next(i for i, o in enumerate(question.question.options) if o.correct)
        question.check.click()
    assert focused == ["Sink in", "Ask for a slight hip flexion", "Start the quiz again"]


def test_the_drawing_keeps_its_size_on_a_screen_with_two_pixels_to_the_css_pixel(view):
    """At 200% zoom (or on a high-density screen) the browser tells ipympl so, which doubles the figure's dpi:
    in CSS pixels the drawing must stay 600 x 450, which fits a 1280-pixel window zoomed to 200%."""
    view.canvas.handle_event({"type": "set_device_pixel_ratio", "device_pixel_ratio": 2})
    width_px, height_px = view.canvas.figure.bbox.size
    assert (width_px / 2, height_px / 2) == (600, 450)
