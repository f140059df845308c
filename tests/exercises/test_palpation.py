"""Does the simulated palpation send every pulse lateral, grade the start zone's edges, and run its steps in order?"""

import math

import pytest

from psoas_lib.exercises.palpation import (
    CONFIRMATION, CONTRACTION, DEPTH, DONE, EXPANSILE_PULSATION, FAST, LATERAL, ON_THE_MUSCLE, PLACEMENT, PULSE,
    REPOSITION, SEVERE_PAIN, SLOW, STOP_RELEASE, LandmarkQuiz, WrongPhase, distance_to_path_cm, grade_confirmation,
    grade_depth, grade_placement, respond, screen_keys, step,
)
from psoas_lib.lesson import LessonError, load_lesson
from psoas_lib.progress import Progress


@pytest.fixture
def palpation(lesson):
    return lesson.palpation


def grid(step_cm=0.25, x_cm=(-14, 14), y_cm=(-16, 16)):
    xs = [x_cm[0] + i * step_cm for i in range(int((x_cm[1] - x_cm[0]) / step_cm) + 1)]
    ys = [y_cm[0] + i * step_cm for i in range(int((y_cm[1] - y_cm[0]) / step_cm) + 1)]
    return [(x, y) for x in xs for y in ys]


def sampled_distance_cm(point, path, samples=400):
    """Distance to a polyline by dense sampling: an independent check of distance_to_path_cm."""
    best = math.inf
    for (ax, ay), (bx, by) in zip(path, path[1:]):
        for i in range(samples + 1):
            t = i / samples
            best = min(best, math.hypot(point[0] - (ax + t * (bx - ax)), point[1] - (ay + t * (by - ay))))
    return best


def test_distance_to_a_polyline():
    path = [(0, 10), (0, 0), (5, 0)]
    assert distance_to_path_cm((3, 4), path) == pytest.approx(3)
    assert distance_to_path_cm((-3, 14), path) == pytest.approx(5)  # beyond the end: to the end point
    assert distance_to_path_cm((4, 1), path) == pytest.approx(1)
    assert distance_to_path_cm((7, 3), path) == pytest.approx(sampled_distance_cm((7, 3), path), abs=0.01)


def test_every_point_over_an_artery_says_pulse_and_sends_the_fingers_lateral(palpation):
    over_an_artery = [p for p in grid() if any(sampled_distance_cm(p, a.path_cm, 60) <= a.half_width_cm - 0.02
                                               for a in palpation.arteries)]
    assert len(over_an_artery) > 300  # the grid really covers the aorta and both iliac arteries
    for x_cm, y_cm in over_an_artery:
        result = grade_placement(palpation, x_cm, y_cm)
        assert (result.verdict, result.direction, result.correct) == ("pulse", LATERAL, False), (x_cm, y_cm)
        assert "move more lateral" in result.message and "aorta" in result.message


def test_the_keys_for_lateral_take_the_fingers_away_from_the_midline(palpation):
    for x_cm, y_cm in grid(step_cm=0.5):
        result = grade_placement(palpation, x_cm, y_cm)
        if result.direction != LATERAL:
            continue
        keys = screen_keys(LATERAL, x_cm)
        assert keys
        for key in keys:
            assert abs(step(x_cm, y_cm, key)[0]) > abs(x_cm)


def test_a_point_off_every_artery_never_says_pulse(palpation):
    clear_of_arteries = [p for p in grid() if all(sampled_distance_cm(p, a.path_cm, 60) > a.half_width_cm + 0.02
                                                  for a in palpation.arteries)]
    verdicts = {grade_placement(palpation, *p).verdict for p in clear_of_arteries}
    assert "pulse" not in verdicts
    assert verdicts == {"too-medial", "too-lateral", "too-cranial", "too-caudal", "in-zone"}


def test_the_pulse_names_the_artery_under_the_fingers(palpation):
    assert grade_placement(palpation, 0.5, 6).artery.id == "aorta"
    assert grade_placement(palpation, -1, -1.5).artery.id == "right-common-iliac"
    assert grade_placement(palpation, 2, -1.5).artery.id == "left-common-iliac"
    assert grade_placement(palpation, -4, -9).artery.id == "right-external-iliac"
    assert grade_placement(palpation, 4.4, -9).artery.id == "left-external-iliac"
    assert "iliac" in grade_placement(palpation, 4.4, -9).message


@pytest.mark.parametrize("side", [1, -1])
@pytest.mark.parametrize(("lateral_cm", "verdict"), [
    (4.9, "too-medial"), (4.99, "too-medial"), (5.0, "in-zone"), (5.01, "in-zone"),
    (7.49, "in-zone"), (7.5, "in-zone"), (7.51, "too-lateral"), (7.6, "too-lateral"),
])
@pytest.mark.parametrize("y_cm", [0, 2.5, -2.5])
def test_the_start_zone_is_5_to_7_5_cm_both_edges_included(palpation, side, lateral_cm, verdict, y_cm):
    result = grade_placement(palpation, side * lateral_cm, y_cm)
    assert result.verdict == verdict
    assert result.correct == (verdict == "in-zone")


def test_the_graded_zone_is_the_printed_zone(lesson):
    """The edges graded are the numbers the lesson prints: 5 and 7.5 cm, never 5.08 and 7.62."""
    zone = lesson.palpation.start_zone
    assert (zone.lateral_min_cm, zone.lateral_max_cm) == (5.0, 7.5)
    for text in (lesson.palpation.feedback.in_zone.text, lesson.figures.anterior.start_zone_label):
        assert "5" in text and "7.5 cm" in text
    assert "less than 5 cm" in lesson.palpation.feedback.too_medial.text
    assert "more than 7.5 cm" in lesson.palpation.feedback.too_lateral.text


def test_a_quiz_step_lands_exactly_on_the_zone_edges(palpation):
    """Keyboard steps of 0.5 cm reach 5.0 and 7.5 cm exactly (kept to 1 mm), and both are in the zone."""
    x = 0.0
    for _ in range(10):
        x = step(x, 0, "right", 0.5)[0]
    assert x == 5.0 and grade_placement(palpation, x, 0).verdict == "in-zone"
    for _ in range(5):
        x = step(x, 0, "right", 0.5)[0]
    assert x == 7.5 and grade_placement(palpation, x, 0).verdict == "in-zone"


def test_too_medial_goes_lateral_and_too_lateral_comes_back_medially(palpation):
    medial = grade_placement(palpation, 4, 0)
    lateral = grade_placement(palpation, -9, 0)
    assert (medial.direction, screen_keys(medial.direction, 4)) == ("lateral", ("right",))
    assert (lateral.direction, screen_keys(lateral.direction, -9)) == ("medial", ("right",))
    assert "more lateral" in medial.message and "medially" in lateral.message


@pytest.mark.parametrize(("y_cm", "verdict", "direction", "keys"), [
    (2.5, "in-zone", "", ()), (-2.5, "in-zone", "", ()),
    (2.51, "too-cranial", "caudal", ("down",)), (-2.51, "too-caudal", "cranial", ("up",)),
])
def test_the_level_of_the_umbilicus(palpation, y_cm, verdict, direction, keys):
    result = grade_placement(palpation, 6, y_cm)
    assert (result.verdict, result.direction, screen_keys(result.direction, 6)) == (verdict, direction, keys)


def test_a_pulse_wins_even_inside_the_start_zone(lesson_text, write_lesson):
    old = "path_cm: [[0.5, 0.5], [3.5, -3.5]]"
    assert old in lesson_text
    moved = lesson_text.replace(old, "path_cm: [[0.5, 0.5], [6, 0], [3.5, -3.5]]")
    palpation = load_lesson(write_lesson(moved)).palpation
    result = grade_placement(palpation, 6, 0)
    assert (result.verdict, result.direction) == ("pulse", LATERAL)


def test_feedback_text_and_sources_come_from_the_lesson(palpation):
    result = grade_placement(palpation, 4, 0)
    assert result.message == palpation.feedback.too_medial.text
    assert set(palpation.feedback.too_medial.sources) <= set(result.sources)
    pulse = grade_placement(palpation, 0.5, 5)
    assert set(pulse.artery.sources) <= set(pulse.sources)


def test_step_moves_on_the_screen_within_limits():
    assert step(0, 0, "right") == (1, 0) and step(0, 0, "left") == (-1, 0)
    assert step(0, 0, "up") == (0, 1) and step(0, 0, "down", 0.5) == (0, -0.5)
    assert step(9.5, 0, "right", limits_cm=((-10, 10), (-5, 5))) == (10, 0)
    assert step(0.1, 0, "right", 0.2) == (0.3, 0)  # kept to 1 mm, no floating-point drift
    with pytest.raises(ValueError, match="unknown direction"):
        step(0, 0, "lateral")


def test_sinking_slowly_reaches_the_muscle_and_fast_is_pushed_out(palpation):
    slow, fast = grade_depth(palpation, SLOW), grade_depth(palpation, FAST)
    assert slow.correct and slow.message == palpation.depth.slow_feedback
    assert not fast.correct and "rectus abdominis" in fast.message and "out" in fast.message
    with pytest.raises(ValueError):
        grade_depth(palpation, "medium")


@pytest.mark.parametrize(("felt", "action"), [
    (set(), REPOSITION), ({CONTRACTION}, ON_THE_MUSCLE), ({PULSE}, LATERAL), ({PULSE, CONTRACTION}, LATERAL),
    ({EXPANSILE_PULSATION}, STOP_RELEASE), ({SEVERE_PAIN}, STOP_RELEASE),
    ({EXPANSILE_PULSATION, PULSE}, STOP_RELEASE), ({SEVERE_PAIN, PULSE, CONTRACTION}, STOP_RELEASE),
])
def test_a_warning_sign_stops_the_release_and_a_plain_pulse_moves_lateral(felt, action):
    assert respond(felt) == action


def test_an_unknown_finding_is_refused():
    with pytest.raises(ValueError, match="unknown finding"):
        respond({"tingling"})


def test_the_warning_sign_scenario_is_answered_only_by_stopping(palpation):
    warning = [q for q in palpation.confirmation if q.warning_sign]
    assert warning
    for question in warning:
        right = [i for i, o in enumerate(question.options) if grade_confirmation(question, i).correct]
        assert len(right) == 1
        chosen = question.options[right[0]]
        assert chosen.stops_release and not chosen.moves_lateral and "urgent" in chosen.text
        lateral = next(i for i, o in enumerate(question.options) if o.moves_lateral)
        assert not grade_confirmation(question, lateral).correct


def test_an_option_breaking_the_rule_is_never_graded_right(palpation):
    """Even if a lesson object marks moving lateral right for a warning sign (bypassing validation)."""
    question = next(q for q in palpation.confirmation if q.warning_sign)
    flipped = [o.model_copy(update={"correct": o.moves_lateral}) for o in question.options]
    broken = question.model_copy(update={"options": flipped})
    lateral = next(i for i, o in enumerate(broken.options) if o.moves_lateral)
    assert broken.options[lateral].correct and not grade_confirmation(broken, lateral).correct


def test_a_lesson_whose_warning_sign_scenario_moves_lateral_is_refused(lesson_text, write_lesson):
    old = ("        - text: Stop at once and send the patient for urgent medical assessment\n"
           "          correct: true\n          stops_release: true\n")
    assert old in lesson_text
    broken = lesson_text.replace(old, "        - text: Stop at once and send the patient for urgent medical assessment\n"
                                      "          correct: false\n          stops_release: true\n")
    broken = broken.replace("        - text: Move more lateral, then carry on\n          correct: false\n",
                            "        - text: Move more lateral, then carry on\n          correct: true\n")
    with pytest.raises(LessonError, match="must stop the release"):
        load_lesson(write_lesson(broken))


@pytest.mark.parametrize("scenario", ["warning_sign", "pulse_felt"])
def test_a_lesson_without_a_warning_sign_or_a_pulse_scenario_is_refused(lesson_text, write_lesson, scenario):
    assert lesson_text.count(f"      {scenario}: true\n") == 1
    with pytest.raises(LessonError, match=scenario):
        load_lesson(write_lesson(lesson_text.replace(f"      {scenario}: true\n", "")))


def test_with_a_pulse_the_only_accepted_answer_is_to_move_lateral(palpation):
    with_pulse = [q for q in palpation.confirmation if q.pulse_felt]
    assert with_pulse
    for question in with_pulse:
        accepted = [o for o in question.options if o.correct]
        assert len(accepted) == 1 and accepted[0].moves_lateral and "lateral" in accepted[0].text
        assert all(not o.correct for o in question.options if not o.moves_lateral)


def test_a_lesson_whose_pulse_scenario_accepts_carrying_on_is_refused(lesson_text, write_lesson):
    old = ("        - text: Move more lateral, then check again\n          correct: true\n")
    broken = lesson_text.replace(old, "        - text: Move more lateral, then check again\n          correct: false\n")
    broken = broken.replace("        - text: Carry on; the contraction shows you are on the psoas\n"
                            "          correct: false\n",
                            "        - text: Carry on; the contraction shows you are on the psoas\n"
                            "          correct: true\n")
    assert broken.count("correct: true") == lesson_text.count("correct: true")
    with pytest.raises(LessonError, match="right option must move lateral"):
        load_lesson(write_lesson(broken))


def answer_index(question, correct=True):
    return next(i for i, o in enumerate(question.options) if o.correct == correct)


def test_the_quiz_goes_placement_then_depth_then_confirmation(palpation):
    quiz = LandmarkQuiz(palpation)
    assert quiz.phase == PLACEMENT and quiz.position_cm == (0, 0)
    first = quiz.place()
    assert first.verdict == "pulse" and quiz.phase == PLACEMENT  # the umbilicus: on the aorta
    with pytest.raises(WrongPhase):
        quiz.sink(SLOW)
    for _ in range(6):
        quiz.move("right")
    assert quiz.place().verdict == "in-zone" and quiz.phase == DEPTH
    with pytest.raises(WrongPhase):
        quiz.move("left")
    assert not quiz.sink(FAST).correct and quiz.phase == DEPTH
    assert quiz.sink(SLOW).correct and quiz.phase == CONFIRMATION
    pulse_question = next(q for q in quiz.questions if q.pulse_felt)
    assert not quiz.confirm(pulse_question.id, answer_index(pulse_question, False)).correct
    for question in quiz.questions:
        assert quiz.phase == CONFIRMATION
        assert quiz.confirm(question.id, answer_index(question)).correct
    assert quiz.phase == DONE


def test_a_click_and_the_keys_are_graded_alike(palpation):
    clicked, keyed = LandmarkQuiz(palpation), LandmarkQuiz(palpation)
    for _ in range(4):
        keyed.move("left")
    assert clicked.place(-4.04, 0.03) == keyed.place()
    assert clicked.position_cm == keyed.position_cm == (-4.0, 0.0)


def test_the_quiz_resumes_from_saved_progress(palpation, tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    quiz = LandmarkQuiz(palpation, progress)
    quiz.place(6, 1)
    quiz.sink(SLOW)
    first = quiz.questions[0]
    quiz.confirm(first.id, answer_index(first))
    resumed = LandmarkQuiz(palpation, Progress("psoas-release", student="ana", directory=tmp_path))
    assert resumed.phase == CONFIRMATION and resumed.position_cm == (6, 1)
    assert resumed.chosen(first.id) == answer_index(first) and resumed.chosen(quiz.questions[1].id) is None
    for question in resumed.questions[1:]:
        resumed.confirm(question.id, answer_index(question))
    assert resumed.phase == DONE
    reloaded = Progress("psoas-release", student="ana", directory=tmp_path)
    assert LandmarkQuiz(palpation, reloaded).phase == DONE
    assert reloaded.score("palpation") == (2 + len(quiz.questions), 2 + len(quiz.questions))


def test_a_fast_sink_is_resumed_at_the_depth_step(palpation, tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    quiz = LandmarkQuiz(palpation, progress)
    quiz.place(-6, 0)
    quiz.sink(FAST)
    assert LandmarkQuiz(palpation, progress).phase == DEPTH
    assert progress.get("palpation", "depth").answer == FAST


def test_a_saved_pulse_placement_is_resumed_at_the_placement_step(palpation, tmp_path):
    progress = Progress("psoas-release", student="ana", directory=tmp_path)
    LandmarkQuiz(palpation, progress).place(0.5, 2)
    resumed = LandmarkQuiz(palpation, progress)
    assert resumed.phase == PLACEMENT and resumed.position_cm == (0.5, 2)


def test_restarting_goes_back_to_the_placement(palpation):
    quiz = LandmarkQuiz(palpation)
    quiz.place(6, 0)
    quiz.restart()
    assert quiz.phase == PLACEMENT
    quiz.move("up")
    assert quiz.position_cm == (6, 1)
