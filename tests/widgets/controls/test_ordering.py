"""Does the ordering list pass each press on to its view, and ignore a message the page never sends?"""

from hypothesis import given, strategies as st

from psoas_lib.widgets.controls import OrderingList


def listening():
    steps = OrderingList(label="steps", steps=["a", "b", "c"], up_text="Up", down_text="Down")
    presses = []
    steps.on_move(lambda index, offset: presses.append((index, offset)))
    return steps, presses


def test_a_press_reaches_the_view_with_its_row_and_direction():
    steps, presses = listening()
    steps.press(1, -1)
    steps.press(2, +1)
    assert presses == [(1, -1), (2, 1)]


def test_a_message_from_the_page_is_a_press():
    steps, presses = listening()
    steps._handle_custom_msg({"index": 0, "offset": 1}, [])
    assert presses == [(0, 1)]


@given(st.integers(-5, 8), st.integers(-3, 3))
def test_only_rows_that_exist_and_one_step_moves_are_passed_on(index, offset):
    steps, presses = listening()
    steps.press(index, offset)
    assert presses == ([(index, offset)] if 0 <= index < 3 and offset in (-1, 1) else [])
