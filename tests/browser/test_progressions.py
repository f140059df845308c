"""Notebook 03 in a real browser: is the sequence put in order by keyboard alone, and does the timer run live?

Both questions are asked in JupyterLab and in Voila, whose widget managers differ.
"""

import re

import pytest

from psoas_lib.lesson import load_lesson
from psoas_lib.progress import read_store

from .lab import OUTPUT, error_outputs, open_notebook, open_voila, run_all, screenshot
from .test_technique import LOCKED, answer_screen

pytestmark = pytest.mark.browser

NOTEBOOK = "03_progressions.ipynb"
RIGHT_ORDER = ["Oscillations", "Heel slide", "Ipsilateral upper-extremity elevation",
               "Upper-extremity elevation with heel slide", "Anterior pelvic tilts"]
MOVE_UP = "Move up: "
WAIT_MS = 30_000


# A button's accessible name: the ordering list's ↑/↓ buttons show a short label and are named by aria-label.
NAME = "(b) => b.getAttribute('aria-label') || b.textContent.trim()"


def active_text(page):
    return page.evaluate(f"() => document.activeElement ? ({NAME})(document.activeElement) : ''")


def names(buttons):
    return [button.evaluate(NAME) for button in buttons.all()]


def current_order(exercise):
    return [name.removeprefix(MOVE_UP) for name in names(exercise.get_by_role("button", name=re.compile(f"^{MOVE_UP}")))]


def tab_to(page, exercise, name):
    """Move the keyboard focus to the button called `name` with Tab or Shift+Tab only."""
    buttons = names(exercise.get_by_role("button"))
    for _press in range(2 * len(buttons)):
        here = active_text(page)
        if here == name:
            return
        forward = here not in buttons or buttons.index(here) < buttons.index(name)
        page.keyboard.press("Tab" if forward else "Shift+Tab")
    pytest.fail(f"Tab never reached {name!r}; focus is on {active_text(page)!r}")


def wait_for_order(page, exercise, order):
    page.wait_for_function(
        f"""([root, prefix, order]) => JSON.stringify([...root.querySelectorAll('button')]
               .map({NAME}).filter(t => t.startsWith(prefix))
               .map(t => t.slice(prefix.length))) === JSON.stringify(order)""",
        arg=[exercise.element_handle(), MOVE_UP, order], timeout=WAIT_MS)


def order_by_keyboard(page, exercise, shot):
    """Put the steps in order with Tab, Shift+Tab, Enter and Space only, then check the order."""
    keys = iter(["Enter", "Space"] * 20)
    exercise.get_by_role("button").first.focus()  # where a Tab from the notebook would land
    tab_to(page, exercise, "Start again")
    page.keyboard.press("Enter")
    start = current_order(exercise)
    assert start != RIGHT_ORDER
    screenshot(exercise, f"{shot}-sequencing-shuffled")
    for goal, step in enumerate(RIGHT_ORDER):
        order = current_order(exercise)
        while order.index(step) > goal:
            tab_to(page, exercise, MOVE_UP + step)
            page.keyboard.press(next(keys))
            here = order.index(step)
            order[here - 1], order[here] = order[here], order[here - 1]
            wait_for_order(page, exercise, order)
            # Focus follows the moved step, so the next press moves it again.
            page.wait_for_function(f"(name) => ({NAME})(document.activeElement) === name",
                                   arg=MOVE_UP + step, timeout=WAIT_MS)
    tab_to(page, exercise, "Check order")
    page.keyboard.press("Space")
    feedback = exercise.get_by_role("status")
    feedback.filter(has_text="All 5 steps are in the right order.").wait_for(timeout=WAIT_MS)
    assert "Correct." in feedback.inner_text()
    screenshot(exercise, f"{shot}-sequencing-graded")


def timer_text(timer):
    return timer.get_by_role("timer").inner_text()


def elapsed(timer):
    return re.search(r"Elapsed (\d\d:\d\d)", timer_text(timer)).group(1)


def run_the_timer(page, timer, shot):
    """Start, see the clock advance without blocking, pause (it holds), resume, reset."""
    timer.scroll_into_view_if_needed()
    assert elapsed(timer) == "00:00" and "Ready." in timer.get_by_role("status").inner_text()
    timer.get_by_role("button", name="Start", exact=True).click()
    timer.get_by_role("timer").filter(has_text="Elapsed 00:02").wait_for(timeout=WAIT_MS)
    assert "Running. Suggested step 1 of 5: Oscillations." in timer.get_by_role("status").inner_text()
    screenshot(timer, f"{shot}-timer-running")
    timer.get_by_role("button", name="Pause", exact=True).click()
    timer.get_by_role("status").filter(has_text="Paused at").wait_for(timeout=WAIT_MS)
    held = elapsed(timer)
    page.wait_for_timeout(2_000)
    assert elapsed(timer) == held
    screenshot(timer, f"{shot}-timer-paused")
    timer.get_by_role("button", name="Resume", exact=True).click()
    timer.get_by_role("timer").filter(has_not_text=f"Elapsed {held}").wait_for(timeout=WAIT_MS)
    timer.get_by_role("button", name="Reset", exact=True).click()
    timer.get_by_role("timer").filter(has_text="Elapsed 00:00").wait_for(timeout=WAIT_MS)
    # The clock and the status are two widgets, each updated by its own message: wait for both.
    timer.get_by_role("status").filter(has_text="Ready.").wait_for(timeout=WAIT_MS)
    assert timer.get_by_role("button", name="Start", exact=True).is_enabled()
    screenshot(timer, f"{shot}-timer-reset")


def match_heel_slide(page, exercise, shot):
    """Choose the heel slide's two actions from the keyboard-labelled drop-downs and check them."""
    exercise.get_by_label("Heel slide: the therapist", exact=True).select_option(
        label="Push the muscle proximally (towards the head).")
    exercise.get_by_label("Heel slide: the patient", exact=True).select_option(
        label="Slides the heel distally, straightening the leg along the table.")
    exercise.get_by_role("button", name="Check matches").click()
    exercise.get_by_role("status").filter(has_text="2 of 10 actions are matched correctly.").wait_for(timeout=WAIT_MS)
    screenshot(exercise, f"{shot}-matching-graded")


def tick_checklist_by_keyboard(page, timer):
    """The reassessment items are real checkboxes: Space ticks the focused one."""
    first = timer.get_by_role("checkbox", name=re.compile("^Function"))
    first.focus()
    page.keyboard.press("Space")
    assert first.is_checked()


def widget_output(page, button):
    """The output area holding the widget that has a button named `button`."""
    return page.locator(OUTPUT).filter(has=page.get_by_role("button", name=button, exact=True))


def check_progressions(page, where):
    """Order the steps by keyboard, match a movement, clear the safety screen that locks the live release, run
    the timer and tick the checklist."""
    assert not error_outputs(page)
    order_by_keyboard(page, widget_output(page, "Check order"), where)
    match_heel_slide(page, widget_output(page, "Check matches"), where)
    assert page.get_by_text(LOCKED).count() == 1
    assert not page.get_by_role("button", name="Start", exact=True).is_visible()
    answer_screen(page)
    page.get_by_role("button", name="Start", exact=True).wait_for(timeout=WAIT_MS)
    screenshot(page.locator(".psoas-safety-screen"), f"{where}-progressions-safety-screen")
    run_the_timer(page, widget_output(page, "Start"), where)
    tick_checklist_by_keyboard(page, widget_output(page, "Start"))
    screenshot(page, f"{where}-progressions-page")


def test_progressions_in_jupyterlab(page, jupyterlab):
    open_notebook(page, jupyterlab.url, NOTEBOOK)
    run_all(page)
    check_progressions(page, "lab")


def test_progressions_in_voila(page, voila, tmp_path):
    open_voila(page, voila(NOTEBOOK, env={"PSOAS_PROGRESS_DIR": str(tmp_path)}))
    check_progressions(page, "voila")
    lesson = load_lesson()
    saved = [read_store(store, lesson.id) for store in tmp_path.glob("*.sqlite3")]
    assert [sorted(answers["sequencing/order"].answer.split(" > ")) for answers in saved] == [
        sorted(lesson.progression.order)], "the graded order was not saved"
