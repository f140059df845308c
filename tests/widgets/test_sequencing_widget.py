"""Can the progression be ordered with the row buttons alone, graded, announced and saved?"""

import ipywidgets as w

from psoas_lib.exercises.sequencing import SEED, shuffled
from psoas_lib.progress import Progress
from psoas_lib.widgets.sequencing import SequencingExercise


def names(view):
    return [view.names[step] for step in view.order]


def order_by_clicks(view, target):
    """Press "Move up" buttons (by row, as a keyboard user would) until the order is `target`."""
    for goal, step in enumerate(target):
        while view.order.index(step) > goal:
            view.rows[view.order.index(step)].up.click()


def test_the_rows_show_the_seeded_shuffle_with_named_buttons(lesson):
    view = SequencingExercise(lesson.progression)
    assert view.order == shuffled(lesson.progression.order, SEED)
    first = view.names[view.order[0]]
    assert view.rows[0].label.value == f"<b>1.</b> {first}"
    assert view.rows[0].up.description == f"Move up: {first}"
    assert view.rows[0].down.description == f"Move down: {first}"


def test_moving_a_step_up_announces_it_and_focus_follows_it(lesson, monkeypatch):
    focused = []
    monkeypatch.setattr(w.Button, "focus", lambda self: focused.append(self))
    view = SequencingExercise(lesson.progression)
    step = view.order[2]
    view.rows[2].up.click()
    assert view.order[1] == step and focused == [view.rows[1].up]
    assert f"{view.names[step]} is now step 2 of 5." in view.feedback.value
    assert 'aria-live="polite"' in view.feedback.value
    view.rows[1].down.click()
    assert view.order[2] == step and focused[-1] is view.rows[2].down


def test_the_first_step_cannot_move_up(lesson):
    view = SequencingExercise(lesson.progression)
    before = view.order
    view.rows[0].up.click()
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
    assert view.order == view.start_order and names(view)[0] in view.rows[0].label.value


def test_step_names_are_escaped(lesson):
    movements = [m.model_copy(update={"name": "<i>Oscillations</i>"}) if m.id == "oscillations" else m
                 for m in lesson.progression.movements]
    view = SequencingExercise(lesson.progression.model_copy(update={"movements": movements}))
    labels = " ".join(row.label.value for row in view.rows)
    assert "<i>" not in labels and "&lt;i&gt;Oscillations" in labels
