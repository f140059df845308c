"""Can the progression be ordered with the rows' ↑/↓ buttons alone, graded, announced and saved?"""

from psoas_lib.exercises.sequencing import SEED, shuffled
from psoas_lib.progress import Progress
from psoas_lib.widgets.sequencing import SequencingExercise


def names(view):
    return [view.names[step] for step in view.order]


def order_by_clicks(view, target):
    """Press rows' ↑ buttons (as the page sends them) until the order is `target`."""
    for goal, step in enumerate(target):
        while view.order.index(step) > goal:
            view.steps.press(view.order.index(step), -1)


def test_the_rows_show_the_seeded_shuffle_with_short_buttons_named_for_their_step(lesson):
    view = SequencingExercise(lesson.progression)
    assert view.order == shuffled(lesson.progression.order, SEED)
    first = view.names[view.order[0]]
    assert view.steps.steps == names(view)
    assert (view.steps.up_text, view.steps.down_text) == ("Up", "Down")
    assert view.steps.up_names[0] == f"Move up: {first}"
    assert view.steps.down_names[0] == f"Move down: {first}"


def test_moving_a_step_up_or_down_announces_its_new_place(lesson):
    view = SequencingExercise(lesson.progression)
    step = view.order[2]
    view.steps.press(2, -1)
    assert view.order[1] == step and view.steps.steps[1] == view.names[step]
    assert view.steps.up_names[1] == f"Move up: {view.names[step]}"
    assert f"{view.names[step]} is now step 2 of 5." in view.feedback.value
    view.steps.press(1, +1)
    assert view.order[2] == step and f"{view.names[step]} is now step 3 of 5." in view.feedback.value


def test_a_message_the_page_never_sends_changes_nothing(lesson):
    view = SequencingExercise(lesson.progression)
    before = view.order
    for index, offset in ((9, -1), (-1, 1), (0, 2)):
        view.steps.press(index, offset)
    assert view.order == before and view.feedback.value == ""


def test_the_first_step_cannot_move_up(lesson):
    view = SequencingExercise(lesson.progression)
    before = view.order
    view.steps.press(0, -1)
    assert view.order == before
    assert "is already the first step." in view.feedback.value


def test_a_wrong_order_is_graded_with_reasons(lesson):
    view = SequencingExercise(lesson.progression)
    view.check.click()
    assert "Not quite." in view.feedback.value and "0 of 5 steps are in place" in view.feedback.value
    assert view.details.value.count("<li>") == 5 and "[post]" in view.details.value


def test_ordering_by_buttons_alone_earns_full_marks_and_is_saved(lesson, tmp_path):
    progress = Progress(lesson.id, student="ana", directory=tmp_path)
    view = SequencingExercise(lesson.progression, progress)
    order_by_clicks(view, lesson.progression.order)
    view.check.click()
    assert "Correct." in view.feedback.value and "All 5 steps" in view.feedback.value
    assert view.details.value == ""
    assert progress.score("sequencing") == (1, 1)
    restored = SequencingExercise(lesson.progression, Progress(lesson.id, student="ana", directory=tmp_path))
    assert restored.order == tuple(lesson.progression.order) and "Correct." in restored.feedback.value


def test_start_again_brings_back_the_shuffle(lesson):
    view = SequencingExercise(lesson.progression)
    order_by_clicks(view, lesson.progression.order)
    view.start_again.click()
    assert view.order == view.start_order and view.steps.steps == names(view)


def test_step_names_are_escaped(lesson):
    movements = [m.model_copy(update={"name": "<i>Oscillations</i>"}) if m.id == "oscillations" else m
                 for m in lesson.progression.movements]
    view = SequencingExercise(lesson.progression.model_copy(update={"movements": movements}))
    # Shown with textContent in the page (never as HTML); announced through the escaped feedback.
    assert "<i>Oscillations</i>" in view.steps.steps
    view.steps.press(view.order.index("oscillations"), -1 if view.order.index("oscillations") else +1)
    assert "<i>" not in view.feedback.value and "&lt;i&gt;Oscillations" in view.feedback.value
