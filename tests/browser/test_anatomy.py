"""Notebook 01 in a browser: both figures shown with their descriptions, the case explorer, and the
self-check answered from the keyboard alone, in JupyterLab and in Voila."""

import pytest
from playwright.sync_api import expect

from psoas_lib.exercises.cases import case_questions
from psoas_lib.lesson import load_lesson

from .lab import error_outputs, open_notebook, open_voila, run_all, screenshot

pytestmark = pytest.mark.browser

NOTEBOOK = "01_anatomy.ipynb"


def first_question():
    """The first case's question, the index of its right option and of a wrong one."""
    question = case_questions(load_lesson().indications)[0]
    right = [option.correct for option in question.options].index(True)
    return question, right, 1 if right == 0 else 0


# Which notebook cell JupyterLab has selected (-1 in Voila, which has none).
ACTIVE_CELL = "() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].findIndex(c => c.classList.contains('jp-mod-active'))"


def answer_by_keyboard(page, index, verdict):
    """In the first self-check question: focus its group's Tab stop, move to option `index` with the down
    arrow, one Tab on to "Check answer" and Enter; wait for `verdict`, return the feedback's text.

    The group is one Tab stop and the arrow keys choose (the ARIA radio group pattern); in JupyterLab they
    must not move the cell selection instead.
    """
    check = page.locator(".psoas-case-self-check")
    radios = check.get_by_role("radiogroup").first.get_by_role("radio")
    radios.and_(check.locator('[tabindex="0"]')).focus()
    cell_before = page.evaluate(ACTIVE_CELL)
    for _press in range(radios.count()):
        if radios.nth(index).evaluate("el => el === document.activeElement"):
            break
        page.keyboard.press("ArrowDown")
    assert page.evaluate(ACTIVE_CELL) == cell_before, "an arrow key in the radio group moved JupyterLab's cell selection"
    if not radios.nth(index).is_checked():
        page.keyboard.press("Space")
    assert radios.nth(index).is_checked()
    page.keyboard.press("Tab")
    button = check.get_by_role("button", name="Check answer").first
    assert button.evaluate("el => el === document.activeElement"), "Tab did not reach the check button"
    page.keyboard.press("Enter")
    feedback = check.locator('.psoas-feedback[role="status"]').first
    expect(feedback).to_contain_text(verdict)
    return " ".join(feedback.inner_text().split())


def check_page(page, where):
    """Everything a student should see on the page, with screenshots of both figures and the self-check."""
    assert error_outputs(page) == []
    lesson = load_lesson()
    figures = page.locator("figure.psoas-figure")
    figures.nth(1).wait_for()  # widgets render after the kernel has gone idle
    page.locator(".psoas-case-self-check .psoas-score").wait_for()
    assert figures.count() == 2
    for figure, data, name in zip(figures.all(), (lesson.figures.anterior, lesson.figures.transverse),
                                  ("anterior", "transverse")):
        figure.scroll_into_view_if_needed()
        image = figure.locator("img")
        assert image.get_attribute("alt") == data.title
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        caption = figure.locator("figcaption")
        image_box, caption_box = image.bounding_box(), caption.bounding_box()
        assert image_box["width"] >= 560, "the figure is too small to read"
        assert caption_box["x"] >= image_box["x"] + image_box["width"], "the description is not beside the figure"
        expect(caption).to_contain_text(" ".join(data.description.split()))
        screenshot(figure, f"{where}-01-figure-{name}")

    explorer = page.locator(".psoas-case-explorer")
    femoral = next(case for case in lesson.indications if case.id == "femoral-nerve")
    explorer.get_by_role("radio", name=femoral.title).focus()
    page.keyboard.press("Space")
    expect(explorer.locator(".psoas-case")).to_contain_text(femoral.mechanism)
    screenshot(explorer, f"{where}-01-case-explorer")

    question, right, wrong = first_question()
    text = answer_by_keyboard(page, wrong, "Not quite.")
    assert question.options[wrong].explanation in text
    text = answer_by_keyboard(page, right, "Correct.")
    assert question.options[right].explanation in text
    score = page.locator(".psoas-case-self-check .psoas-score")
    assert "1 of 6 cases right" in score.inner_text()
    screenshot(page.locator(".psoas-case-self-check .widget-vbox").first, f"{where}-01-self-check")


def test_anatomy_notebook_in_jupyterlab(page, jupyterlab):
    open_notebook(page, jupyterlab.url, NOTEBOOK)
    run_all(page)
    page.keyboard.press("Control+b")  # hide the file browser, as when projecting
    check_page(page, "lab")


def test_anatomy_notebook_in_voila(page, voila, tmp_path):
    open_voila(page, voila(NOTEBOOK, env={"PSOAS_PROGRESS_DIR": str(tmp_path / "progress")}))
    check_page(page, "voila")
