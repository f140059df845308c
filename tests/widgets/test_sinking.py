"""Does the sinking step show the fingertips on the section where they are, say what is felt in one live region,
and report the depth step to the quiz?"""

from html import escape

import pytest

from psoas_lib.exercises.sinking import AT_DEPTH, MOVE_LATERAL, SINKING, STOPPED
from psoas_lib.widgets.controls import FeedbackRegion
from psoas_lib.widgets.sinking import SinkingStep, teaching_model_text


@pytest.fixture
def step(lesson, clock):
    reported = []
    view = SinkingStep(lesson, reported.append, clock)
    view.reported = reported
    view.enable(True)
    return view


def fingertips(view):
    xs, ys = view.marker.get_data()
    return round((xs[0] + xs[1]) / 2, 3), round(float(ys[0]), 3)


def slow_press(view):
    view.clock.now += view.simulation.min_interval_seconds
    view.sink_button.click()


def test_the_section_shows_the_fingertips_at_the_placements_distance_and_the_depth(lesson, step):
    path = lesson.figures.transverse.finger_path
    step.start((-6.5, 0.0))
    assert fingertips(step) == (-6.5, path.from_cm[1])  # on the skin, on the patient's right
    slow_press(step)
    fraction = lesson.palpation.sinking.step_cm / lesson.palpation.sinking.depth_cm
    assert fingertips(step) == (-6.5, round(path.from_cm[1] - fraction * (path.from_cm[1] - path.to_cm[1]), 3))
    while step.simulation.state == SINKING:
        slow_press(step)
    assert fingertips(step) == (-6.5, path.to_cm[1])


def test_what_is_felt_is_said_in_words_in_one_live_region(lesson, step):
    step.start((6.0, 0.0))
    region = step.felt
    slow_press(step)
    assert step.felt is region and isinstance(region, FeedbackRegion)  # updated in place, never a new region
    assert "Soft and yielding" in step.felt.value and "[post]" in step.felt.value
    while step.simulation.state == SINKING:
        slow_press(step)
    assert step.simulation.state == AT_DEPTH and "cannot move any further" in step.felt.value
    assert step.sink_button.disabled and not step.flex_button.disabled
    step.flex_button.click()
    assert "contraction" in step.felt.value and step.reported == ["slow"]


def test_too_fast_is_reported_to_the_quiz_and_said(step):
    step.start((6.0, 0.0))
    step.sink_button.click()
    step.sink_button.click()
    assert step.reported == ["fast"] and "rectus abdominis" in step.felt.value and "Depth 0 of" in step.felt.value


def test_the_aneurysm_patient_stops_the_release(step):
    step.start((5.0, 0.0))
    step.patient.value = "unknown-aneurysm"
    assert "aneurysm" in step.patient_note.value.lower()
    slow_press(step)
    assert step.simulation.state == STOPPED and "urgent medical" in step.felt.value
    assert step.sink_button.disabled and step.flex_button.disabled and step.reported == []


def test_the_higher_bmi_patient_can_have_a_pulse_that_sends_the_fingers_lateral(step):
    step.start((3.0, 0.0))
    step.patient.value = "higher-bmi"
    slow_press(step)
    assert step.simulation.state == MOVE_LATERAL and "move more lateral" in step.felt.value
    step.again_button.click()
    assert step.simulation.state == SINKING and step.simulation.depth_cm == 0


def test_the_numbers_are_said_to_be_the_lessons_teaching_model(lesson, step):
    text = teaching_model_text(lesson)
    assert text.startswith("Teaching model:") and "2 s" in text and "5 cm" in text
    shown = step.children[0].value
    assert escape(lesson.palpation.sinking.teaching_model) in shown


def test_every_control_has_a_text_label(step):
    for control in (step.sink_button, step.flex_button, step.again_button):
        assert control.description and control.tooltip and control.layout.min_height == "32px"
    assert step.patient.description == "Simulated patient"
