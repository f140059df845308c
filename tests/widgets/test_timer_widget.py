"""Does the timer view show its state in words, tick from the event loop, and offer the reassessment?"""

import asyncio
from html import escape

from psoas_lib.widgets.timer import SessionTimerView


def enabled(view):
    buttons = [view.start_button, view.pause_button, view.resume_button, view.reset_button]
    return [b.description for b in buttons if not b.disabled]


def test_the_initial_state_is_ready_at_zero(lesson, clock):
    view = SessionTimerView(lesson, clock)
    assert "Elapsed 00:00" in view.clock.value and "Remaining 07:00" in view.clock.value
    assert 'role="timer"' in view.clock.value and "aria-live" not in view.clock.value
    assert "Ready." in view.status.value and 'aria-live="polite"' in view.status.value
    assert enabled(view) == ["Start"]


def test_start_pause_resume_and_reset_in_words(lesson, clock):
    view = SessionTimerView(lesson, clock)
    view.start_button.click()
    clock.now = 75
    view.refresh()
    assert "Elapsed 01:15" in view.clock.value and "Remaining 05:45" in view.clock.value
    assert "Suggested step 2 of 5: Heel slide" in view.status.value
    assert "<b>Heel slide: 01:15 (from 01:00 to 02:15) ◀ now</b>" in view.split.value
    assert enabled(view) == ["Pause", "Reset"]
    view.pause_button.click()
    clock.now = 500
    view.refresh()
    assert "Paused at 01:15." in view.status.value and enabled(view) == ["Resume", "Reset"]
    view.resume_button.click()
    clock.now = 510
    view.refresh()
    assert "Elapsed 01:25" in view.clock.value
    view.reset_button.click()
    assert "Elapsed 00:00" in view.clock.value and enabled(view) == ["Start"]


def test_the_window_limits_are_said_in_words(lesson, clock):
    view = SessionTimerView(lesson, clock)
    view.start_button.click()
    clock.now = 120
    view.refresh()
    assert "begins in" in view.clock.value and "stop earlier if you feel a change" in view.clock.value
    clock.now = 300
    view.refresh()
    # the post's 5-7 minutes are a window, or until a change is felt: never called a minimum
    assert "In the window (05:00 to 07:00), or stop when you feel a change" in view.clock.value
    assert "In the window: 05:00 to 07:00, or until you feel a change" in view.status.value
    assert "inimum" not in view.clock.value + view.status.value
    clock.now = 420
    view.refresh()
    assert "Maximum reached (07:00): stop the release and reassess" in view.status.value
    assert "Remaining 00:00" in view.clock.value and enabled(view) == ["Reset"]


def test_the_split_is_labelled_as_the_lessons_suggestion(lesson, clock):
    view = SessionTimerView(lesson, clock)
    assert lesson.dose.suggested_split.label.replace("'", "&#x27;") in view.split.value
    assert view.split.value.count("<li>") == len(lesson.dose.suggested_split.steps)


def test_the_reassessment_checklist_lists_every_item_in_full(lesson, clock):
    checklist = SessionTimerView(lesson, clock).children[-1].value
    assert checklist.count('<li><label><input type="checkbox">') == len(lesson.reassessment.items)
    for item in lesson.reassessment.items:
        assert escape(item.text) in checklist
    assert "control pelvic tilt" in checklist and "[post; vigotsky2016; peeler2007]" in checklist


def test_the_view_ticks_on_the_event_loop_and_stops_when_paused(lesson, clock):
    async def session():
        view = SessionTimerView(lesson, clock, tick_seconds=0.001)
        view.start_button.click()
        clock.now = 61
        await asyncio.sleep(0.05)
        ticked = view.clock.value
        view.pause_button.click()
        clock.now = 200
        await asyncio.sleep(0.05)
        return ticked, view.clock.value, view._ticker

    ticked, paused, ticker = asyncio.run(session())
    assert "Elapsed 01:01" in ticked
    assert "Elapsed 01:01" in paused and ticker is None
