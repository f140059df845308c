"""Does the matching view label every drop-down, grade all pairs, explain the wrong ones and save them?"""

from html import escape

from psoas_lib.exercises.matching import action
from psoas_lib.progress import Progress
from psoas_lib.widgets.matching import MatchingExercise
from psoas_lib.widgets.controls import FeedbackRegion


def test_every_drop_down_is_labelled_with_its_movement_and_role(lesson):
    view = MatchingExercise(lesson.progression)
    heel = view.dropdowns[("heel-slide", "therapist")]
    assert heel.description == "Heel slide: the therapist"
    assert view.dropdowns[("heel-slide", "patient")].description == "Heel slide: the patient"
    assert heel.value == "" and heel.options[0] == ("(choose an action)", "")


def test_checking_with_nothing_chosen_explains_every_pair(lesson):
    view = MatchingExercise(lesson.progression)
    grade = view.answer()
    assert grade.right == 0
    assert "Not quite." in view.feedback.value and isinstance(view.feedback, FeedbackRegion)
    assert view.details.value.count("Not answered.") == 10


def test_right_matches_are_graded_saved_and_restored(lesson, tmp_path):
    progress = Progress(lesson.id, student="ana", directory=tmp_path)
    view = MatchingExercise(lesson.progression, progress)
    for (movement, role), dropdown in view.dropdowns.items():
        dropdown.value = action(lesson.movement(movement), role)
    view.dropdowns[("heel-slide", "patient")].value = lesson.movement("oscillations").patient
    view.check.click()
    assert "9 of 10 actions" in view.feedback.value
    assert "Heel slide, the patient: Slides the heel distally" in view.details.value
    assert progress.score("matching") == (9, 10)
    restored = MatchingExercise(lesson.progression, Progress(lesson.id, student="ana", directory=tmp_path))
    assert restored.dropdowns[("heel-slide", "patient")].value == lesson.movement("oscillations").patient
    assert restored.dropdowns[("oscillations", "therapist")].value == lesson.movement("oscillations").therapist


def test_a_chosen_answer_is_also_written_out_in_full_for_narrow_pages(lesson):
    """A drop-down cuts a long answer off where the page is narrow (zoomed in): it is repeated below, in full."""
    view = MatchingExercise(lesson.progression)
    key = ("oscillations", "patient")
    longest = max((value for _text, value in view.dropdowns[key].options), key=len)
    view.dropdowns[key].value = longest
    assert escape(longest) in view.chosen[key].value and 'aria-hidden="true"' in view.chosen[key].value
    assert "@media (max-width: 1100px)" in view.children[0].value
    view.dropdowns[key].value = ""
    assert view.chosen[key].value == ""
