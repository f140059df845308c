"""Does the radio group keep its chosen value and its synced position in step, and refuse a value it lacks?"""

import pytest
import traitlets
from hypothesis import given, strategies as st

from psoas_lib.widgets.controls import RadioGroup


def yes_no(**kwargs):
    return RadioGroup([("Yes", True), ("No", False)], label="Question 1: pain at rest?", **kwargs)


def test_nothing_is_chosen_at_first_and_the_page_gets_the_texts_and_the_name():
    group = yes_no()
    assert group.value is None and group.index is None
    assert group.labels == ["Yes", "No"] and group.label == "Question 1: pain at rest?"


def test_a_choice_in_the_page_sets_the_value_and_a_value_from_python_sets_the_position():
    group = yes_no()
    group.index = 1  # what a click or an arrow key in the page syncs
    assert group.value is False
    group.value = True
    assert group.index == 0
    group.value = None
    assert group.index is None


def test_true_is_not_taken_for_the_option_1():
    group = RadioGroup([("zero", 0), ("one", 1)], label="n")
    with pytest.raises(traitlets.TraitError):
        group.value = True
    group.value = 1
    assert group.index == 1


def test_observers_of_value_see_each_choice_once():
    group = yes_no()
    seen = []
    group.observe(lambda change: seen.append(change["new"]), "value")
    group.index = 1
    group.index = 1
    group.index = 0
    assert seen == [False, True]


@given(st.lists(st.text(max_size=30), min_size=1, max_size=8, unique=True), st.data())
def test_any_position_maps_to_its_value_and_back(texts, data):
    group = RadioGroup([(text, f"v{i}") for i, text in enumerate(texts)], label="any")
    index = data.draw(st.integers(0, len(texts) - 1))
    group.index = index
    assert group.value == f"v{index}"
    group.value = None
    group.value = f"v{index}"
    assert group.index == index


def test_a_choice_sent_by_the_page_is_kept_and_a_bad_or_disabled_one_is_not():
    group = yes_no()
    group._handle_custom_msg({"index": 1}, [])
    assert group.value is False
    for bad in (5, -1, "1", None):
        group.choose(bad)
    assert group.value is False
    group.disabled = True
    group.choose(0)
    assert group.value is False
