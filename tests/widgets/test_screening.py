"""Does the screen view stop on a "yes" with reason and action, and keep the hands-on content locked until clear?"""

import ipywidgets as w
import pytest

from psoas_lib.exercises.screening import CLEAR, INCOMPLETE, STOP
from psoas_lib.widgets.controls import FeedbackRegion
from psoas_lib.widgets.screening import SafetyScreen


@pytest.fixture
def view(lesson):
    return SafetyScreen(lesson)


def answer_all(view, yes=False):
    for item in view.items:
        view.answer(item.id, yes)


def test_every_question_has_a_labelled_yes_no_control_with_nothing_chosen(view, lesson):
    assert len(view.answers) == len(lesson.safety.screening)
    for number, (control, item) in enumerate(zip(view.answers, lesson.safety.screening), 1):
        assert control.label == f"Question {number}: {item.question}"  # the group is named by its question
        assert [label for label, _value in control.options] == ["Yes", "No"]
        assert control.value is None
    assert view.status == INCOMPLETE
    assert "still unanswered" in view.result.value and isinstance(view.result, FeedbackRegion)


def test_a_yes_stops_with_the_reason_and_the_action_in_words(view, lesson):
    answer_all(view)
    hernia = next(item for item in lesson.safety.screening if item.id == "hernia")
    view.answer("hernia", True)
    assert view.status == STOP
    shown = view.result.value
    assert "✘ Stop" in shown and "do not go on" in shown
    assert "umbilical hernia among its contraindications" in shown
    assert "Do not perform the release. Refer the patient to their physician." in shown
    assert "over the hernia" not in shown  # never a hint that palpating elsewhere would be fine
    assert "[nct03764995; werner-hernia; post]" in shown
    assert hernia.question.split()[0] in shown


def test_the_gate_shows_its_lock_and_hides_the_content_until_the_screen_is_clear(view):
    button = w.Button(description="Hands-on")
    gate = view.gate(button)
    assert gate.locked and gate.content.layout.display == "none"
    assert "Locked: complete the safety screen above first." in gate.message.value
    answer_all(view)
    assert view.status == CLEAR and not gate.locked
    assert gate.content.layout.display is None and gate.message.value == ""
    assert gate.content.children == (button,)


def test_content_given_as_a_function_is_built_once_when_the_screen_first_clears(view):
    built = []

    def build():
        built.append(w.Button(description="Costly drawing"))
        return built[-1]

    gate = view.gate(build)
    assert built == [] and gate.content.children == ()
    view.answer("aneurysm", True)
    assert built == []  # a "yes" never builds the hands-on content
    view.answer("aneurysm", None)
    answer_all(view)
    assert gate.content.children == tuple(built) and len(built) == 1
    view.answer("aneurysm", True)
    view.answer("aneurysm", False)
    assert len(built) == 1 and gate.content.children == tuple(built)


def test_ticking_a_contraindication_after_clearing_locks_again(view):
    gate = view.gate(w.HTML("walk-through"))
    answer_all(view)
    view.answer("aneurysm", True)
    assert gate.locked and gate.content.layout.display == "none"
    assert "<b>Locked: the safety screen found a reason not to palpate." in gate.message.value
    view.answer("aneurysm", None)
    assert gate.locked and "complete the safety screen" in gate.message.value


def test_question_text_from_the_lesson_is_escaped(lesson):
    items = [lesson.safety.screening[0].model_copy(update={"question": "<img src=x onerror=alert(1)>"})]
    unsafe = lesson.model_copy(update={"safety": lesson.safety.model_copy(update={"screening": items})})
    view = SafetyScreen(unsafe)
    html = "".join(child.value for row in view.children if isinstance(row, w.HBox)
                   for child in row.children if isinstance(child, w.HTML))
    assert "<img" not in html and "&lt;img" in html
