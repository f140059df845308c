"""Is each movement matched to the therapist's and the patient's action, with explanations?"""

import pytest

from psoas_lib.exercises.matching import ROLES, action, choices, grade_match, grade_matching

KEEP_CONTACT = "Keep the release contact"


def test_the_choices_are_the_distinct_actions_in_a_neutral_order(lesson):
    therapist, patient = choices(lesson.progression, "therapist"), choices(lesson.progression, "patient")
    assert therapist == tuple(sorted(therapist)) and len(set(therapist)) == len(therapist)
    assert len(therapist) == 3 and len(patient) == 5


def test_heel_slide_therapist_pushes_proximally_patient_slides_distally(lesson):
    heel = lesson.movement("heel-slide")
    assert grade_match(lesson.progression, "heel-slide", "therapist", heel.therapist).correct
    assert "proximally" in heel.therapist
    patient = grade_match(lesson.progression, "heel-slide", "patient", heel.patient)
    assert patient.correct and "distally" in patient.message


def test_a_shared_therapist_action_is_right_for_every_movement_that_has_it(lesson):
    shared = [m for m in lesson.progression.movements if m.therapist.startswith(KEEP_CONTACT)]
    assert len(shared) == 3
    assert all(grade_match(lesson.progression, m.id, "therapist", shared[0].therapist).correct for m in shared)


def test_a_wrong_choice_gives_the_right_action_and_says_whose_the_chosen_one_is(lesson):
    tilt_patient = lesson.movement("anterior-pelvic-tilt").patient
    result = grade_match(lesson.progression, "heel-slide", "patient", tilt_patient)
    assert not result.correct and result.verdict == "mismatch"
    assert lesson.movement("heel-slide").patient in result.message
    assert result.message.endswith("The action you chose belongs to: Anterior pelvic tilts.")


def test_a_missing_answer_is_not_answered_and_explained(lesson):
    result = grade_match(lesson.progression, "oscillations", "therapist", None)
    assert not result.correct and result.verdict == "unanswered"
    assert result.message.startswith("Not answered.") and "Oscillate" in result.message


def test_a_choice_that_is_no_action_of_the_lesson_is_refused(lesson):
    with pytest.raises(ValueError):
        grade_match(lesson.progression, "heel-slide", "patient", "Stands on one leg.")


def test_the_whole_exercise_counts_every_pair(lesson):
    movements = lesson.progression.movements
    right = {(m.id, role): action(m, role) for m in movements for role in ROLES}
    assert grade_matching(lesson.progression, right).feedback.correct
    half = {key: value for key, value in right.items() if key[1] == "patient"}
    grade = grade_matching(lesson.progression, half)
    assert (grade.right, grade.total) == (5, 10)
    assert grade.feedback.message.startswith("5 of 10 actions are matched correctly.")
    assert [key for key, feedback in grade.results if not feedback.correct] == [(m.id, "therapist") for m in movements]


def test_the_combined_movement_accepts_the_heel_slides_push(lesson):
    """Upper-extremity elevation with heel slide contains the heel slide, so pushing proximally is right too."""
    push = lesson.movement("heel-slide").therapist
    result = grade_match(lesson.progression, "arm-elevation-heel-slide", "therapist", push)
    assert result.correct and result.verdict == "match" and push in result.message
    keep = lesson.movement("arm-elevation-heel-slide").therapist
    assert grade_match(lesson.progression, "arm-elevation-heel-slide", "therapist", keep).correct


def test_the_push_stays_wrong_for_movements_without_a_heel_slide(lesson):
    push = lesson.movement("heel-slide").therapist
    for movement in ("oscillations", "arm-elevation", "anterior-pelvic-tilt"):
        assert not grade_match(lesson.progression, movement, "therapist", push).correct, movement


def test_an_also_right_action_must_be_one_the_student_can_choose(lesson_text, write_lesson):
    from psoas_lib.lesson import LessonError, load_lesson

    old = "therapist_also: [Push the muscle proximally (towards the head).]"
    assert old in lesson_text
    with pytest.raises(LessonError, match="is no movement's therapist action"):
        load_lesson(write_lesson(lesson_text.replace(old, "therapist_also: [Hold the breath.]")))
