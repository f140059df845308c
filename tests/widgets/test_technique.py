"""Does the walk-through teach the landmarks and the stop rule, and is notebook 03's live release locked by the
same safety screen as notebook 02's hands-on sections?"""

from html import escape

from psoas_lib.widgets.screening import SafetyScreen
from psoas_lib.widgets.technique import live_release, walkthrough
from psoas_lib.widgets.timer import SessionTimerView


def html_of(widget) -> str:
    return " ".join(child.value for child in widget.children if hasattr(child, "value"))


def test_the_walkthrough_teaches_the_landmarks_and_the_stop_rule(lesson):
    shown = html_of(walkthrough(lesson))
    assert escape(lesson.technique.landmarks.text) in shown
    assert escape(lesson.safety.during_release.text) in shown and "Stop the release at once if" in shown


def test_the_live_release_shows_the_stop_rule_before_the_timer(lesson):
    release = live_release(lesson)
    note, timer = release.children
    assert escape(lesson.safety.during_release.text) in note.value
    assert escape(lesson.progression.last_step_note.text) in note.value
    assert isinstance(timer, SessionTimerView)


def test_the_live_release_is_locked_until_the_screen_is_clear(lesson):
    screen = SafetyScreen(lesson)
    gate = screen.gate(live_release(lesson))
    assert gate.locked and gate.content.layout.display == "none"
    items = lesson.safety.screening
    for item in items[:-1]:
        screen.answer(item.id, False)
    assert gate.locked  # one question still unanswered
    screen.answer(items[-1].id, True)
    assert gate.locked and "reason not to palpate" in gate.message.value
    screen.answer(items[-1].id, False)
    assert not gate.locked and gate.content.layout.display is None
    assert isinstance(gate.content.children[0].children[1], SessionTimerView)
