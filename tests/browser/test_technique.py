"""Notebook 02 in a browser, in JupyterLab and in Voila: the safety screen blocks the walk-through on a "yes",
the landmark quiz can be completed from the keyboard alone (a too-medial placement is sent lateral), and
progress is still there after a kernel restart."""

import re

import pytest
from playwright.sync_api import expect

from psoas_lib.lesson import load_lesson

from .axe import describe, scan
from .lab import _menu, error_outputs, open_notebook, open_voila, run_all, screenshot, wait_for_idle

pytestmark = pytest.mark.browser

NOTEBOOK = "02_technique.ipynb"
LOCKED = "Locked: complete the safety screen above first."


def focus_and_press(page, locator, key):
    """Keyboard only: move the focus to a control (as Tab would) and press a key on it."""
    locator.focus()
    assert locator.evaluate("el => el === document.activeElement"), "the control cannot take the focus"
    page.keyboard.press(key)


def answer_screen(page, yes_item=None):
    """Answer every screening question "No" from the keyboard, except `yes_item` (an id) answered "Yes"."""
    for number, item in enumerate(load_lesson().safety.screening, 1):
        group = page.locator(".psoas-safety-screen").get_by_role("radiogroup", name=re.compile(rf"^Question {number}: "))
        radio = group.get_by_role("radio", name="Yes" if item.id == yes_item else "No", exact=True)
        focus_and_press(page, radio, "Space")
        assert radio.is_checked()


def show(page, locator, name, block="start"):
    """Scroll `locator` into the viewport (at its `block`: start, center or end) and take a screenshot."""
    locator.evaluate("(el, block) => el.scrollIntoView({block})", block)
    page.wait_for_timeout(300)
    return screenshot(page, name)


def feedback_after(page, region, action, timeout_ms=30_000):
    """Run `action` and return the text of the live region (a locator) once it has changed.

    The locator is read again each time: an HTML widget replaces its element when its value changes.
    """
    before = region.inner_text()
    action()
    for _ in range(timeout_ms // 100):
        text = " ".join(region.inner_text().split())
        if text and text != " ".join(before.split()):
            return text
        page.wait_for_timeout(100)
    pytest.fail(f"the feedback did not change from {before!r}")


def quiz(page):
    return page.locator(".psoas-palpation")


def press(page, name, times=1):
    button = quiz(page).get_by_role("button", name=name, exact=True)
    for _ in range(times):
        focus_and_press(page, button, "Enter")


def sink_slowly(page, felt):
    """Press "Sink in" once every 2.6 s (the lesson's teaching model allows one every 2 s) until the fingertips can
    go no further; what is felt and the depth are said at each press."""
    sinking = load_lesson().palpation.sinking
    sink = quiz(page).get_by_role("button", name="Sink in", exact=True)
    for press_number in range(1, round(sinking.depth_cm / sinking.step_cm) + 1):
        page.wait_for_timeout(2600)
        focus_and_press(page, sink, "Enter")
        expect(felt).to_contain_text(f"Depth {press_number * sinking.step_cm:g} of {sinking.depth_cm:g} cm")
    expect(felt).to_contain_text("you cannot move any further")
    expect(sink).to_be_disabled()


def check_blocked_by_a_yes(page, where):
    assert error_outputs(page) == []
    assert page.get_by_text(LOCKED).count() == 3
    answer_screen(page, yes_item="aneurysm")
    stop = page.get_by_text("Stop: do not go on with the hands-on steps for this patient.")
    stop.wait_for()
    assert page.get_by_text("Do not perform the release. Refer the patient to their physician for vascular").first.is_visible()
    page.get_by_text("the safety screen found a reason not to palpate").first.wait_for()
    assert page.get_by_text("Locked: the safety screen found a reason not to palpate").count() == 3
    assert not page.get_by_role("heading", name="Position and hand placement").is_visible()
    assert not page.get_by_role("button", name="Place fingertips here").is_visible()
    show(page, stop, f"{where}-02-screen-stops", "center")


def complete_quiz_by_keyboard(page, where):
    """Screen clear, then the whole landmark quiz with the keyboard alone; returns the feedback texts seen."""
    answer_screen(page)
    page.get_by_text("Clear: every answer is no.").wait_for()
    heading = page.get_by_role("heading", name="Position and hand placement")
    heading.wait_for()
    box = quiz(page)
    box.get_by_text("Step 1 of 3").wait_for()  # the quiz is built once the screen is clear
    assert page.get_by_text(LOCKED).count() == 0
    canvas = box.locator("canvas").first
    canvas.scroll_into_view_if_needed()
    assert canvas.bounding_box()["width"] > 500, "the drawing did not render"
    feedback = box.locator(".psoas-feedback").first
    position = box.get_by_text(re.compile(r"^Fingertips: "))
    assert "0.0 cm (0.00 in) on the midline" in position.inner_text()

    on_aorta = feedback_after(page, feedback, lambda: press(page, "Place fingertips here"))
    assert "You feel a pulse" in on_aorta and "move more lateral" in on_aorta
    press(page, "Move right", 3)
    expect(position).to_contain_text("3.0 cm (1.18 in) to the patient's left")
    too_medial = feedback_after(page, feedback, lambda: press(page, "Place fingertips here"))
    assert too_medial.startswith("✘ Not quite. Too medial") and "move more lateral" in too_medial
    assert "“Move right” (towards the patient's left)" in too_medial
    show(page, box.get_by_role("button", name="Place fingertips here"), f"{where}-02-quiz-too-medial", "center")

    press(page, "Move right", 3)
    expect(position).to_contain_text("6.0 cm (2.36 in) to the patient's left")
    in_zone = feedback_after(page, feedback, lambda: press(page, "Place fingertips here"))
    assert in_zone.startswith("✔ Correct. In the start zone")
    depth = box.locator(".psoas-feedback").nth(1)
    expect(box.get_by_role("button", name="Sink in", exact=True)).to_be_enabled()
    too_fast = feedback_after(page, depth, lambda: press(page, "Sink in", 2))  # at once, as a held key repeats
    assert "rectus abdominis" in too_fast and "pushes your fingers out" in too_fast
    felt = box.locator(".psoas-felt")
    expect(felt).to_contain_text("Depth 0 of 5 cm")
    sink_slowly(page, felt)
    show(page, felt, f"{where}-02-quiz-at-depth", "center")
    assert "Slowly" in feedback_after(page, depth, lambda: press(page, "Ask for a slight hip flexion"))
    expect(felt).to_contain_text("you feel a contraction under the fingertips")

    for question in load_lesson().palpation.confirmation:
        block = box.locator(".widget-vbox").filter(has=page.get_by_text(" ".join(question.prompt.split())[:50])).last
        right = next(option for option in question.options if option.correct)
        focus_and_press(page, block.get_by_role("radio", name=right.text, exact=True), "Space")
        answer = block.locator(".psoas-feedback")
        text = feedback_after(page, answer,
                              lambda: focus_and_press(page, block.get_by_role("button", name="Check answer"), "Enter"))
        assert text.startswith("✔ Correct.")
    box.get_by_text("Quiz complete: all three steps done.").wait_for()
    show(page, box.get_by_role("button", name="Start the quiz again"), f"{where}-02-quiz-complete", "end")

    first = load_lesson().quizzes.landmarks[0]
    mcq = page.locator(".widget-vbox").filter(has=page.get_by_text(first.prompt, exact=True)).last
    right = next(option for option in first.options if option.correct)
    focus_and_press(page, mcq.get_by_role("radio", name=right.text, exact=True), "Space")
    focus_and_press(page, mcq.get_by_role("button", name="Check answer"), "Enter")
    mcq.get_by_text("Correct.").wait_for()


def check_progress_kept(page, where):
    """After a restart the quiz is still complete and the answered question still chosen."""
    assert error_outputs(page) == []
    page.get_by_text(re.compile(r"Saved so far: \d+ question")).first.wait_for()
    saved = page.get_by_text(re.compile(r"Saved so far: \d+ question")).first.inner_text()
    assert int(re.search(r"Saved so far: (\d+)", saved).group(1)) >= 6
    assert page.get_by_text(LOCKED).count() == 3  # the screen is asked afresh after every restart
    answer_screen(page)
    box = quiz(page)
    box.get_by_text("Quiz complete: all three steps done.").wait_for()
    expect(box.get_by_text(re.compile(r"^Fingertips: "))).to_contain_text("6.0 cm (2.36 in) to the patient's left")
    first = load_lesson().quizzes.landmarks[0]
    mcq = page.locator(".widget-vbox").filter(has=page.get_by_text(first.prompt, exact=True)).last
    right = next(option for option in first.options if option.correct)
    assert mcq.get_by_role("radio", name=right.text, exact=True).is_checked()
    show(page, box.get_by_text("Quiz complete: all three steps done."), f"{where}-02-after-restart")


def restart_and_run_all(page):
    """Kernel menu > Restart Kernel and Run All Cells, confirmed; waits until the last output is new."""
    last_output = page.locator(".jp-Notebook .jp-CodeCell .jp-OutputArea-output").last.element_handle()
    _menu(page, "Kernel", "runmenu:restart-and-run-all")
    page.locator(".jp-Dialog .jp-mod-accept").click()
    page.wait_for_function("el => !el.isConnected", arg=last_output, timeout=120_000)
    wait_for_idle(page)


def start_fresh_in_lab(page):
    """The Lab server is shared by the session: reset saved progress through the notebook's own control."""
    summary = page.get_by_text(re.compile(r"Saved so far: \d+ question")).first
    summary.wait_for()
    if "Saved so far: 0 question" in summary.inner_text():
        return
    page.get_by_role("button", name="Reset my progress").click()
    page.get_by_role("button", name="Yes, forget my answers").click()
    page.get_by_text("Your progress was reset.").wait_for()
    restart_and_run_all(page)
    page.get_by_text("Saved so far: 0 question").wait_for()


def test_a_contraindication_blocks_the_walkthrough_in_jupyterlab(page, jupyterlab):
    open_notebook(page, jupyterlab.url, NOTEBOOK)
    run_all(page)
    check_blocked_by_a_yes(page, "lab")


def test_a_contraindication_blocks_the_walkthrough_in_voila(page, voila, tmp_path):
    open_voila(page, voila(NOTEBOOK, env={"PSOAS_PROGRESS_DIR": str(tmp_path)}))
    check_blocked_by_a_yes(page, "voila")


def test_the_quiz_by_keyboard_and_progress_after_a_kernel_restart_in_jupyterlab(page, jupyterlab):
    open_notebook(page, jupyterlab.url, NOTEBOOK)
    run_all(page)
    start_fresh_in_lab(page)
    complete_quiz_by_keyboard(page, "lab")
    restart_and_run_all(page)
    check_progress_kept(page, "lab")


def test_the_quiz_by_keyboard_and_progress_after_a_reload_in_voila(page, voila, tmp_path):
    url = voila(NOTEBOOK, env={"PSOAS_PROGRESS_DIR": str(tmp_path)})
    open_voila(page, url)
    assert error_outputs(page) == []
    complete_quiz_by_keyboard(page, "voila")
    violations = scan(page)  # now with the hands-on sections unlocked
    assert not violations, describe(violations)
    open_voila(page, url)  # a new kernel, as after a restart
    check_progress_kept(page, "voila")


def canvas_point_px(x_cm, y_cm):
    """Where (x_cm, y_cm) is drawn on the quiz's canvas, in CSS pixels from its top left corner."""
    from psoas_lib.widgets.palpation import PalpationQuiz

    view = PalpationQuiz(load_lesson())
    view.canvas.draw()
    x_px, y_px = view.axes.transData.transform((x_cm, y_cm))
    return x_px, view.canvas.figure.bbox.height - y_px


def check_click(page, where):
    """Clicks on the drawing go through the same grading: the aorta says pulse, the start zone goes on."""
    answer_screen(page)
    box = quiz(page)
    # The anterior drawing comes first (the sinking step's section follows); ipympl's top canvas takes the clicks.
    canvas = box.locator(".psoas-drawing").first.locator("canvas").last
    canvas.scroll_into_view_if_needed()
    feedback = box.locator(".psoas-feedback").first
    on_aorta = feedback_after(page, feedback, lambda: canvas.click(position=dict(zip("xy", canvas_point_px(0.5, 8)))))
    assert "You feel a pulse" in on_aorta and "over the abdominal aorta" in on_aorta
    in_zone = feedback_after(page, feedback, lambda: canvas.click(position=dict(zip("xy", canvas_point_px(-6, 1)))))
    assert in_zone.startswith("✔ Correct. In the start zone")
    expect(box.get_by_text(re.compile(r"^Fingertips: "))).to_contain_text("6.0 cm (2.36 in) to the patient's right")
    show(page, canvas, f"{where}-02-quiz-clicked", "center")


def test_a_click_on_the_drawing_is_graded_in_voila(page, voila, tmp_path):
    open_voila(page, voila(NOTEBOOK, env={"PSOAS_PROGRESS_DIR": str(tmp_path)}))
    check_click(page, "voila")


def test_a_click_on_the_drawing_is_graded_in_jupyterlab(page, jupyterlab):
    open_notebook(page, jupyterlab.url, NOTEBOOK)
    run_all(page)
    start_fresh_in_lab(page)
    check_click(page, "lab")
