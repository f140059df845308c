"""Does the safety screen stop on any "yes", with that item's reason and action, and clear only on all "no"?"""

import pytest

from psoas_lib.exercises.screening import CLEAR, INCOMPLETE, STOP, screen
from psoas_lib.lesson import load_lesson

ITEM_IDS = [item.id for item in load_lesson().safety.screening]


@pytest.fixture
def items(lesson):
    return lesson.safety.screening


def all_no(items):
    return {item.id: False for item in items}


def test_all_no_clears_the_screen(items):
    result = screen(items, all_no(items))
    assert result.status == CLEAR and result.clear
    assert result.stops == () and result.unanswered == ()


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_any_single_yes_stops_with_that_items_reason_and_action(items, item_id):
    item = next(item for item in items if item.id == item_id)
    result = screen(items, {**all_no(items), item.id: True})
    assert result.status == STOP and not result.clear
    assert result.stops == (item,)
    assert result.stops[0].reason and "not perform the release" in result.stops[0].action


def test_a_yes_stops_even_while_other_questions_are_unanswered(items):
    result = screen(items, {items[0].id: True})
    assert result.status == STOP
    assert len(result.unanswered) == len(items) - 1


def test_every_yes_is_listed_in_the_lessons_order(items):
    result = screen(items, {items[3].id: True, items[1].id: True, items[2].id: False})
    assert result.stops == (items[1], items[3])


def test_an_unanswered_question_keeps_the_screen_from_clearing(items):
    answers = all_no(items)
    answers[items[-1].id] = None
    result = screen(items, answers)
    assert result.status == INCOMPLETE and not result.clear
    assert result.unanswered == (items[-1],)


def test_no_answers_at_all_is_not_clear(items):
    result = screen(items, {})
    assert result.status == INCOMPLETE and result.unanswered == tuple(items)


@pytest.mark.parametrize("odd", ["no", 0, "", "yes", 1])
def test_an_answer_that_is_not_a_plain_yes_or_no_is_refused_rather_than_read_as_no(items, odd):
    with pytest.raises(ValueError, match="True, False or None"):
        screen(items, {**all_no(items), items[0].id: odd})


def test_an_answer_to_an_unknown_question_is_refused(items):
    with pytest.raises(ValueError, match="no screening question with id made-up"):
        screen(items, {**all_no(items), "made-up": False})
