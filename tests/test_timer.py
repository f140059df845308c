"""Does the session clock keep the lesson's 5-7 minute window exactly, through pauses and resets?"""

import pytest

from psoas_lib.lesson import LessonError, load_lesson
from psoas_lib.timer import SessionTimer, clock_text


class FakeClock:
    """Seconds that move only when a test says so."""

    def __init__(self):
        self.now = 1000.0  # seconds; tests advance it by binary-exact steps

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += seconds


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def timer(lesson, clock):
    return SessionTimer.from_dose(lesson.dose, clock)


def test_the_window_and_split_come_from_the_lesson(lesson, timer):
    assert (timer.minimum_seconds, timer.maximum_seconds) == (300, 420)
    assert [s.movement for s in timer.split] == [s.movement for s in lesson.dose.suggested_split.steps]
    assert timer.split[-1].end_seconds == lesson.dose.suggested_split.total_seconds == 360


def test_a_new_timer_is_ready_at_zero(timer, clock):
    clock.advance(50)
    state = timer.state()
    assert (state.phase, state.elapsed_seconds, state.remaining_seconds) == ("ready", 0, 420)
    assert not state.minimum_reached and state.until_minimum_seconds == 300 and state.step == 0


def test_running_time_follows_the_clock(timer, clock):
    assert timer.start()
    clock.advance(42.5)
    assert timer.phase == "running" and timer.elapsed_seconds == 42.5


def test_paused_time_does_not_count(timer, clock):
    timer.start()
    clock.advance(100)
    assert timer.pause()
    clock.advance(1000)
    assert timer.phase == "paused" and timer.elapsed_seconds == 100
    assert timer.resume()
    clock.advance(20)
    assert timer.elapsed_seconds == 120


def test_a_pause_at_the_very_start_is_still_a_pause(timer):
    timer.start()
    assert timer.pause() and timer.phase == "paused"
    assert not timer.start() and timer.resume()


def test_the_minimum_is_reached_at_exactly_five_minutes(timer, clock):
    timer.start()
    clock.advance(200)
    timer.pause()
    clock.advance(500)
    timer.resume()
    clock.advance(99.75)
    assert not timer.state().minimum_reached
    clock.advance(0.25)
    state = timer.state()
    assert state.elapsed_seconds == 300 and state.minimum_reached and state.until_minimum_seconds == 0
    assert state.phase == "running" and not state.maximum_reached


def test_the_maximum_is_reached_at_exactly_seven_minutes_and_the_clock_stops_there(timer, clock):
    timer.start()
    clock.advance(419.75)
    assert timer.phase == "running" and not timer.state().maximum_reached
    clock.advance(0.25)
    state = timer.state()
    assert state.phase == "finished" and state.maximum_reached and state.remaining_seconds == 0
    clock.advance(600)
    assert timer.elapsed_seconds == 420
    assert not timer.pause() and not timer.resume() and not timer.start()


def test_reset_goes_back_to_ready_from_any_phase(timer, clock):
    timer.start()
    clock.advance(500)
    timer.reset()
    assert timer.phase == "ready" and timer.elapsed_seconds == 0
    assert timer.start()
    clock.advance(10)
    timer.pause()
    timer.reset()
    clock.advance(10)
    assert timer.phase == "ready" and timer.elapsed_seconds == 0


def test_buttons_pressed_in_the_wrong_phase_change_nothing(timer, clock):
    assert not timer.pause() and not timer.resume()
    timer.start()
    clock.advance(5)
    assert not timer.start() and not timer.resume()
    assert timer.elapsed_seconds == 5


@pytest.mark.parametrize(("elapsed", "step", "left"), [(0, 0, 60), (59.5, 0, 0.5), (60, 1, 75), (135, 2, 75),
                                                       (359, 4, 1), (360, None, 0), (419, None, 0)])
def test_the_suggested_step_follows_the_split(timer, clock, elapsed, step, left):
    timer.start()
    clock.advance(elapsed)
    state = timer.state()
    assert (state.step, state.step_remaining_seconds) == (step, left)


@pytest.mark.parametrize(("seconds", "round_up", "text"), [(0, False, "00:00"), (299.9, False, "04:59"),
                                                          (299.9, True, "05:00"), (0.1, True, "00:01"),
                                                          (420, False, "07:00"), (75, True, "01:15")])
def test_clock_text(seconds, round_up, text):
    assert clock_text(seconds, round_up) == text


@pytest.mark.parametrize(("minimum", "maximum", "split"), [(0, 10, [("a", 5)]), (10, 5, [("a", 5)]),
                                                           (5, 10, [("a", 0)])])
def test_an_impossible_window_or_split_is_refused(minimum, maximum, split):
    with pytest.raises(ValueError):
        SessionTimer(minimum, maximum, split)


def test_a_lesson_whose_split_outlasts_the_window_does_not_load(lesson_text, write_lesson):
    with pytest.raises(LessonError) as caught:
        load_lesson(write_lesson(lesson_text.replace("max_minutes: 7", "max_minutes: 5.5")))
    [problem] = caught.value.problems
    assert problem.field == "dose"
    assert "lasts 360 seconds, longer than the window's maximum (5.5 minutes)" in problem.message
