"""Is the progression shuffled reproducibly out of order, moved purely, and graded with partial credit?"""

import pytest

from psoas_lib.exercises.sequencing import (SEED, grade_order, longest_increasing_run, move_down, move_up,
                                            shuffled)

OSC, HEEL, ARM, BOTH, TILT = "oscillations", "heel-slide", "arm-elevation", "arm-elevation-heel-slide", \
    "anterior-pelvic-tilt"


def test_the_same_seed_gives_the_same_shuffle(lesson):
    order = lesson.progression.order
    assert shuffled(order, SEED) == shuffled(order, SEED)
    assert shuffled(order, SEED) != shuffled(order, SEED + 1)


@pytest.mark.parametrize("seed", range(200))
def test_no_step_ever_starts_in_its_own_place(lesson, seed):
    order = lesson.progression.order
    steps = shuffled(order, seed)
    assert sorted(steps) == sorted(order)
    assert all(step != right for step, right in zip(steps, order))


def test_two_steps_are_swapped_and_one_step_cannot_be_shuffled():
    assert shuffled(["a", "b"], 0) == ("b", "a")
    with pytest.raises(ValueError):
        shuffled(["a"], 0)


def test_move_up_swaps_with_the_step_before_and_leaves_the_input_alone():
    order = [OSC, HEEL, ARM]
    assert move_up(order, ARM) == (OSC, ARM, HEEL)
    assert order == [OSC, HEEL, ARM]


def test_move_down_swaps_with_the_step_after():
    assert move_down((OSC, HEEL, ARM), OSC) == (HEEL, OSC, ARM)


def test_the_first_step_cannot_go_up_nor_the_last_down():
    assert move_up((OSC, HEEL, ARM), OSC) == (OSC, HEEL, ARM)
    assert move_down((OSC, HEEL, ARM), ARM) == (OSC, HEEL, ARM)


@pytest.mark.parametrize(("values", "run"), [([], 0), ([0], 1), ([4, 3, 2, 1, 0], 1), ([0, 1, 2, 3, 4], 5),
                                              ([3, 1, 2, 5, 4], 3), ([1, 2, 3, 4, 0], 4)])
def test_longest_increasing_run(values, run):
    assert longest_increasing_run(values) == run


def test_the_lessons_order_is_fully_correct(lesson):
    grade = grade_order(lesson.progression, lesson.progression.order)
    assert grade.correct and grade.credit == 1
    assert grade.in_place == tuple(lesson.progression.order) and not grade.misplaced
    assert grade.feedback.correct and "All 5 steps" in grade.feedback.message


def test_one_step_moved_to_the_end_keeps_credit_for_the_other_four(lesson):
    grade = grade_order(lesson.progression, [HEEL, ARM, BOTH, TILT, OSC])
    assert grade.in_place == ()
    assert grade.longest_ordered_run == 4 and grade.credit == pytest.approx(0.8)
    assert not grade.correct and not grade.feedback.correct
    assert "0 of 5 steps are in place" in grade.feedback.message and "4 of 5" in grade.feedback.message


def test_partial_credit_counts_steps_in_order_even_when_not_adjacent(lesson):
    """Two neighbours swapped: a contiguous run would give 3, the ordered run gives 4."""
    grade = grade_order(lesson.progression, [OSC, ARM, HEEL, BOTH, TILT])
    assert grade.in_place == (OSC, BOTH, TILT)
    assert grade.longest_ordered_run == 4
    assert [m.movement for m in grade.misplaced] == [ARM, HEEL]


def test_the_reversed_order_earns_a_run_of_one(lesson):
    grade = grade_order(lesson.progression, list(reversed(lesson.progression.order)))
    assert grade.longest_ordered_run == 1 and grade.in_place == (ARM,)


def test_each_misplaced_step_says_where_it_belongs_and_why(lesson):
    grade = grade_order(lesson.progression, [OSC, BOTH, ARM, TILT, HEEL])
    by_step = {m.movement: m for m in grade.misplaced}
    assert set(by_step) == {BOTH, TILT, HEEL}
    heel = by_step[HEEL]
    assert (heel.position, heel.correct_position) == (5, 2)
    assert heel.explanation.startswith("Heel slide is step 5 in your order; it belongs at step 2.")
    assert "teaching model" in heel.explanation and heel.sources == ("post",)
    tilt = by_step[TILT].explanation
    assert "belongs at step 5" in tilt and "last" in tilt and "most uncomfortable" in tilt
    assert "does not say that the discomfort is why" in tilt  # an observation, not a cause


def test_a_step_without_a_reason_still_gets_its_place(lesson):
    progression = lesson.progression.model_copy(update={"reasons": []})
    [*_, last] = grade_order(progression, [HEEL, OSC, ARM, BOTH, TILT]).misplaced
    assert last.reason is None and last.explanation == "Oscillations is step 2 in your order; it belongs at step 1."


@pytest.mark.parametrize("answer", [[OSC, HEEL, ARM, BOTH], [OSC, HEEL, ARM, BOTH, BOTH],
                                    [OSC, HEEL, ARM, BOTH, "lunge"]])
def test_an_answer_must_order_exactly_the_lessons_steps(lesson, answer):
    with pytest.raises(ValueError):
        grade_order(lesson.progression, answer)
