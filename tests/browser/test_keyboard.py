"""Can every exercise be done with the keyboard alone in Voila, with the focus always visible and never trapped?

Only `page.keyboard` moves and presses: Tab, Shift+Tab, Enter, Space, the arrow keys and typing; never a
click and never `element.focus()`. Every Tab and Shift+Tab is checked: the focus moved to another element
(or off the end of the page), it shows (an outline or a box shadow), the control is on screen and has a name.
Each notebook's controls are walked from the top to the end and back. Feedback is read from the live region
(aria-live) nearest to the control just pressed, where a screen reader announces it.
"""

import re

import pytest

from psoas_lib.exercises.cases import case_questions
from psoas_lib.exercises.choice import display_order
from psoas_lib.lesson import load_lesson

from .keyboard import WAIT_MS, choose, feedback, focus_lands_on, focused, press, step, tab_to, walk_the_page
from .lab import error_outputs, open_voila, screenshot

pytestmark = pytest.mark.browser


def open_fresh(page, voila, notebook, tmp_path):
    """The notebook in Voila with no saved progress; nothing is focused yet."""
    open_voila(page, voila(notebook, env={"PSOAS_PROGRESS_DIR": str(tmp_path)}))
    assert error_outputs(page) == []
    assert focused(page)["body"], "something took the focus before the student did"


def test_notebook_01_case_explorer_and_self_check_work_by_keyboard_alone(page, voila, tmp_path):
    open_fresh(page, voila, "01_anatomy.ipynb", tmp_path)
    lesson = load_lesson()
    stops = walk_the_page(page)
    assert stops[0] == "Presentation mode: large, high-contrast text"
    titles = [case.title for case in lesson.indications]
    assert [stop for stop in stops if stop in titles] == [titles[0]], "a radio group is one Tab stop: its choice"

    femoral = next(case for case in lesson.indications if case.id == "femoral-nerve")
    choose(page, femoral.title)  # the arrow keys move to a case and show it
    assert femoral.mechanism in feedback(page, femoral.title)

    tab_to(page, "Reset my progress")
    press(page, "Enter")
    assert "Are you sure?" in feedback(page, "Are you sure?")
    tab_to(page, "No, keep them")
    press(page, "Enter")
    focus_lands_on(page, "Reset my progress")  # not lost with the hidden confirmation buttons
    feedback(page, "Nothing was reset")

    question = case_questions(lesson.indications)[0]
    right = next(option for option in question.options if option.correct)
    wrong = next(option for option in question.options if not option.correct)
    choose(page, wrong.text)
    tab_to(page, "Check answer")
    press(page, "Enter")
    text = feedback(page, "Not quite.")
    assert text.startswith("✘ Not quite.") and wrong.explanation in text
    choose(page, right.text, key="Shift+Tab")
    tab_to(page, "Check answer")
    press(page, "Enter")
    text = feedback(page, "Correct.")
    assert text.startswith("✔ Correct.") and right.explanation in text
    assert "1 of 6 cases right (1 answered)" in feedback(page, "Self-check:")
    screenshot(page, "keyboard-01-self-check")


def clear_the_screen(page, lesson):
    """Answer every safety-screen question "No" from the keyboard alone."""
    for _item in lesson.safety.screening:
        choose(page, "No")
    assert "✔ Clear: every answer is no." in feedback(page, "Clear:")


def test_notebook_02_safety_screen_and_landmark_quiz_work_by_keyboard_alone(page, voila, tmp_path):
    open_fresh(page, voila, "02_technique.ipynb", tmp_path)
    lesson = load_lesson()
    clear_the_screen(page, lesson)
    page.get_by_role("button", name="Place fingertips here").wait_for()  # the quiz is built once the screen is clear
    stops = walk_the_page(page)  # now with the drawing of the quiz on the page
    assert "Place fingertips here" in stops and "Sink in" not in stops  # disabled until placed

    tab_to(page, "Place fingertips here")
    press(page, "Enter")
    on_aorta = feedback(page, "You feel a pulse")
    assert "move more lateral" in on_aorta
    tab_to(page, "Move right", key="Shift+Tab")
    for _move in range(3):
        press(page, "Enter", "Move right")
    feedback(page, "3.0 cm (1.18 in) to the patient's left")
    tab_to(page, "Place fingertips here")
    press(page, "Enter")
    too_medial = feedback(page, "Too medial")
    assert too_medial.startswith("✘ Not quite. Too medial") and "move more lateral" in too_medial
    assert "“Move right” (towards the patient's left)" in too_medial
    tab_to(page, "Move right", key="Shift+Tab")
    for _move in range(3):
        press(page, "Enter", "Move right")
    feedback(page, "6.0 cm (2.36 in) to the patient's left")
    tab_to(page, "Place fingertips here")
    press(page, "Enter")
    focus_lands_on(page, "Sink in")  # the placement buttons are disabled now: focus goes on
    assert feedback(page, "In the start zone").startswith("✔ Correct. In the start zone")

    press(page, "Enter")
    press(page, "Enter")  # at once, as a held key repeats: too fast
    assert "pushes your fingers out" in feedback(page, "rectus abdominis")
    sinking = lesson.palpation.sinking
    for depth in range(1, round(sinking.depth_cm / sinking.step_cm) + 1):
        page.wait_for_timeout(2600)  # slower than the teaching model's limit (a press every 2 s)
        press(page, "Enter", "Sink in")
        feedback(page, f"Depth {depth * sinking.step_cm:g} of {sinking.depth_cm:g} cm.")
    assert "cannot move any further" in feedback(page, "cannot move any further")
    focus_lands_on(page, "Ask for a slight hip flexion")  # "Sink in" is disabled at depth
    press(page, "Enter")
    assert "contraction under the fingertips" in feedback(page, "contraction under the fingertips")
    page.get_by_text("Step 3 of 3: confirm that you are on the psoas.").wait_for(timeout=WAIT_MS)
    questions = lesson.palpation.confirmation
    # The depth buttons are disabled now; the next Tab goes on to the first confirmation question.
    assert step(page)["name"] == questions[0].options[display_order(questions[0])[0]].text
    assert "Slowly" in feedback(page, "Slowly")
    for question in questions:
        right = next(option for option in question.options if option.correct)
        choose(page, right.text, here=question is questions[0])
        tab_to(page, "Check answer")
        press(page, "Enter")
        if question is not questions[-1]:
            assert feedback(page, "Correct.").startswith("✔ Correct.")
    focus_lands_on(page, "Start the quiz again")  # the confirmation is disabled once the quiz is done
    feedback(page, "Quiz complete: all three steps done.")
    screenshot(page, "keyboard-02-quiz-complete")

    landmark = lesson.quizzes.landmarks[0]
    choose(page, next(option.text for option in landmark.options if option.correct))
    tab_to(page, "Check answer")
    press(page, "Enter")
    assert feedback(page, "Correct.").startswith("✔ Correct.")


RIGHT_ORDER = ["Oscillations", "Heel slide", "Ipsilateral upper-extremity elevation",
               "Upper-extremity elevation with heel slide", "Anterior pelvic tilts"]
MOVE_UP = "Move up: "


def order_by_keyboard(page):
    """Move each step up to its place with Tab/Shift+Tab and Enter; focus follows the moved step.
    The buttons show a short "↑ Up" / "↓ Down"; their accessible names say which step they move."""
    buttons = page.get_by_role("button", name=re.compile(r"^Move (up|down): "))
    assert set(buttons.all_inner_texts()) == {"\u2191 Up", "\u2193 Down"}
    for goal, step_name in enumerate(RIGHT_ORDER):
        while True:
            names = [button.get_attribute("aria-label") for button in buttons.all()]
            order = [name.removeprefix(MOVE_UP) for name in names if name.startswith(MOVE_UP)]
            if order.index(step_name) <= goal:
                break
            target = MOVE_UP + step_name
            here = focused(page)["name"]
            backwards = here in names and names.index(here) > names.index(target)
            if here != target:
                tab_to(page, target, key="Shift+Tab" if backwards else "Tab")
            press(page, "Enter")
            position = order.index(step_name)
            feedback(page, f"{step_name} is now step {position} of 5.")
            focus_lands_on(page, target)


def choose_by_arrows(page, label, text):
    """On the focused drop-down called `label`, press the down arrow until `text` is chosen."""
    assert focused(page)["name"] == label
    for _press in range(20):
        if page.evaluate("() => document.activeElement.value") == text:
            return
        page.keyboard.press("ArrowDown")
    pytest.fail(f"the down arrow never chose {text!r} in {label!r}")


def test_notebook_03_sequencing_matching_and_timer_work_by_keyboard_alone(page, voila, tmp_path):
    open_fresh(page, voila, "03_progressions.ipynb", tmp_path)
    walk_the_page(page)

    order_by_keyboard(page)
    tab_to(page, "Check order")
    press(page, "Enter")
    assert feedback(page, "All 5 steps are in the right order.").startswith("✔ Correct.")

    tab_to(page, "Heel slide: the therapist")
    choose_by_arrows(page, "Heel slide: the therapist", "Push the muscle proximally (towards the head).")
    tab_to(page, "Heel slide: the patient")
    page.keyboard.type("Sl")  # typing picks the first action that starts with the letters
    assert page.evaluate("() => document.activeElement.value").startswith("Slides the heel")
    tab_to(page, "Check matches")
    press(page, "Enter")
    assert "2 of 10 actions are matched correctly." in feedback(page, "actions are matched")

    clear_the_screen(page, load_lesson())  # the live release and its timer are locked until it is clear
    page.get_by_role("timer").wait_for(timeout=WAIT_MS)
    timer = page.get_by_role("timer")
    tab_to(page, "Start")
    press(page, "Enter")
    focus_lands_on(page, "Pause")
    assert "Running. Suggested step 1 of 5: Oscillations." in feedback(page, "Running.")
    timer.filter(has_text="Elapsed 00:02").wait_for(timeout=WAIT_MS)
    press(page, "Enter", "Pause")
    focus_lands_on(page, "Resume")
    held = re.search(r"Paused at (\d\d:\d\d)", feedback(page, "Paused at")).group(1)
    page.wait_for_timeout(1_500)
    assert f"Elapsed {held}" in timer.inner_text(), "the clock moved while paused"
    press(page, "Enter", "Resume")
    focus_lands_on(page, "Pause")
    timer.filter(has_not_text=f"Elapsed {held}").wait_for(timeout=WAIT_MS)
    tab_to(page, "Reset")
    press(page, "Enter")
    focus_lands_on(page, "Start")
    assert "Ready." in feedback(page, "Ready.")
    assert "Elapsed 00:00" in timer.inner_text()

    tab_to(page, re.compile(r"^Function"))
    press(page, "Space")
    assert focused(page)["checked"]
    screenshot(page, "keyboard-03-timer")
