"""Does sinking in over time push the fingers out when too fast, reach the muscle when slow, always send a pulse
lateral and stop at an expansile pulsation, for each simulated patient? Driven by scripted timelines."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from psoas_lib.exercises.palpation import EXPANSILE_PULSATION, PULSE, grade_placement
from psoas_lib.exercises.sinking import (
    AT_DEPTH, CONFIRMED, CONTRACTION, FINISHED, FINISHED_ALREADY, GUARDED, MOVE_LATERAL, NO_CONTRACTION,
    NOT_AT_DEPTH, NOT_CONFIRMED, POSTERIOR_WALL, SINKING, STOPPED, YIELDING, SinkingSimulation, lesson_sinking,
)
from psoas_lib.lesson import load_lesson

IN_ZONE = (6.0, 0.0)  # the patient's left, 6 cm lateral at the umbilicus's level: in the start zone


class Clock:
    """A scripted clock: `at(seconds)` sets what the simulation reads next."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def patient(lesson, patient_id):
    return next(p for p in lesson.palpation.sinking.patients if p.id == patient_id)


def simulate(lesson, position, patient_id="typical"):
    clock = Clock()
    return SinkingSimulation(lesson, position, patient(lesson, patient_id), clock), clock


def press_at(simulation, clock, *times):
    felt = []
    for moment in times:
        clock.now = moment
        felt.append(simulation.press())
    return felt


def slow_times(simulation, count, start=0.0):
    return [start + i * simulation.min_interval_seconds for i in range(count)]


def presses_to_depth(lesson):
    model = lesson.palpation.sinking
    return round(model.depth_cm / model.step_cm)


def test_the_numbers_are_labelled_as_the_lessons_teaching_model(lesson):
    model = lesson.palpation.sinking
    assert "teaching model" in model.teaching_model
    assert model.step_cm > 0 and model.max_speed_cm_per_s > 0 and model.depth_cm >= model.step_cm


def test_slowly_the_contents_move_aside_and_the_fingertips_reach_the_wall(lesson):
    simulation, clock = simulate(lesson, IN_ZONE)
    felt = press_at(simulation, clock, *slow_times(simulation, presses_to_depth(lesson)))
    assert [f.finding for f in felt[:-1]] == [YIELDING] * (len(felt) - 1)
    assert felt[-1].finding == POSTERIOR_WALL and simulation.state == AT_DEPTH
    assert simulation.depth_cm == lesson.palpation.sinking.depth_cm
    assert felt[0].fact.text == lesson.palpation.sinking.yielding.text


def test_too_fast_the_rectus_guards_and_pushes_the_fingers_out(lesson):
    simulation, clock = simulate(lesson, IN_ZONE)
    interval, step_cm = simulation.min_interval_seconds, lesson.palpation.sinking.step_cm
    felt = press_at(simulation, clock, 0.0, interval)  # exactly at the lesson's speed: still slow enough
    assert [f.finding for f in felt] == [YIELDING, YIELDING] and simulation.depth_cm == 2 * step_cm
    guarded = press_at(simulation, clock, interval * 1.9)[0]
    assert guarded.finding == GUARDED and guarded.depth_cm == 0 and simulation.depth_cm == 0
    assert guarded.fact.text == lesson.palpation.depth.fast_feedback
    assert simulation.state == SINKING  # the student may start again
    assert press_at(simulation, clock, interval * 2.9)[0].finding == YIELDING


def test_a_held_key_repeating_never_gets_deeper_than_one_step(lesson):
    simulation, clock = simulate(lesson, IN_ZONE)
    felt = press_at(simulation, clock, *[i * 0.03 for i in range(60)])  # key repeat at about 33 a second
    assert max(f.depth_cm for f in felt) == lesson.palpation.sinking.step_cm
    assert all(f.finding == GUARDED for f in felt[1:])


def test_pause_and_resume(lesson):
    simulation, clock = simulate(lesson, IN_ZONE)
    press_at(simulation, clock, 0.0, 2.0)
    depth = simulation.depth_cm
    felt = press_at(simulation, clock, 600.0)[0]  # ten minutes later: still slow
    assert felt.finding == YIELDING and simulation.depth_cm == depth + lesson.palpation.sinking.step_cm


def test_at_depth_on_the_psoas_a_hip_flexion_is_felt_as_a_contraction(lesson):
    simulation, clock = simulate(lesson, IN_ZONE)
    assert simulation.flex_hip().finding == NOT_AT_DEPTH  # too early: the check is made at depth
    press_at(simulation, clock, *slow_times(simulation, presses_to_depth(lesson)))
    felt = simulation.flex_hip()
    assert felt.finding == CONTRACTION and simulation.state == CONFIRMED
    assert simulation.press().finding == FINISHED_ALREADY


@pytest.mark.parametrize("position", [(9.5, 0.0), (-6.0, 5.0)], ids=["too-lateral", "too-cranial"])
def test_off_the_start_zone_no_contraction_is_felt(lesson, position):
    simulation, clock = simulate(lesson, position)
    press_at(simulation, clock, *slow_times(simulation, presses_to_depth(lesson)))
    felt = simulation.flex_hip()
    assert felt.finding == NO_CONTRACTION and simulation.state == NOT_CONFIRMED
    assert felt.fact.text == lesson.palpation.sinking.no_contraction.text


def test_a_pulse_at_depth_stops_the_sinking_and_sends_the_fingers_lateral(lesson):
    simulation, clock = simulate(lesson, (0.5, 5.0))  # over the aorta
    felt = press_at(simulation, clock, 0.0)[0]
    assert felt.finding == PULSE and simulation.state == MOVE_LATERAL
    assert "lateral" in felt.fact.text
    assert simulation.flex_hip().finding == FINISHED_ALREADY  # no contraction is ever reported over a pulse


def test_the_higher_bmi_patient_has_a_pulse_where_the_typical_one_has_none(lesson):
    point = (3.0, 0.0)  # 3 cm lateral to the umbilicus
    typical, clock = simulate(lesson, point, "typical")
    assert press_at(typical, clock, 0.0)[0].finding == YIELDING
    heavier, clock = simulate(lesson, point, "higher-bmi")
    assert press_at(heavier, clock, 0.0)[0].finding == PULSE and heavier.state == MOVE_LATERAL


def test_an_expansile_pulsation_stops_the_release_even_in_the_start_zone(lesson):
    simulation, clock = simulate(lesson, (5.0, 0.0), "unknown-aneurysm")
    felt = press_at(simulation, clock, 0.0)[0]
    assert felt.finding == EXPANSILE_PULSATION and simulation.state == STOPPED
    assert felt.fact == lesson.safety.during_release
    assert simulation.flex_hip().finding == FINISHED_ALREADY


def test_a_lesson_file_without_a_sinking_model_uses_the_bundled_one(lesson, lesson_text, write_lesson):
    start, end = lesson_text.index("  sinking:\n"), lesson_text.index("  # After sinking in:")
    older = load_lesson(write_lesson(lesson_text[:start] + lesson_text[end:]))
    assert older.palpation.sinking is None
    assert lesson_sinking(older) == lesson.palpation.sinking


def test_an_aneurysm_on_an_unknown_artery_is_refused(lesson_text, write_lesson):
    from psoas_lib.lesson import LessonError

    with pytest.raises(LessonError, match="no artery 'portal-vein'"):
        load_lesson(write_lesson(lesson_text.replace("artery: aorta", "artery: portal-vein")))


# The input path: any timeline of presses and hip flexions, at any position, for any patient.
actions = st.lists(st.tuples(st.sampled_from(["press", "flex"]), st.floats(0, 30, allow_nan=False)), max_size=40)
positions = st.tuples(st.floats(-15, 15, allow_nan=False), st.floats(-15, 15, allow_nan=False))


@settings(max_examples=150, deadline=None)
@given(actions=actions, position=positions, patient_index=st.integers(0, 2))
def test_any_timeline_keeps_the_safety_rules(lesson, actions, position, patient_index):
    chosen = lesson.palpation.sinking.patients[patient_index]
    clock = Clock()
    simulation = SinkingSimulation(lesson, position, chosen, clock)
    vessel = simulation.findings()
    for action, wait in actions:
        clock.now += wait
        felt = simulation.press() if action == "press" else simulation.flex_hip()
        assert 0 <= simulation.depth_cm <= lesson.palpation.sinking.depth_cm
        if felt.finding == CONTRACTION:  # a contraction only on the muscle, never over a vessel
            assert not vessel and grade_placement(lesson.palpation, *position).correct
        if simulation.state in FINISHED:
            assert simulation.press().finding == FINISHED_ALREADY
    if EXPANSILE_PULSATION in vessel and any(a == "press" for a, _ in actions):
        assert simulation.state == STOPPED  # the first press feels it: it always stops the release
    elif PULSE in vessel and any(a == "press" for a, _ in actions):
        assert simulation.state == MOVE_LATERAL
