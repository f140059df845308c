"""Notebooks 01 and 02 open at once in JupyterLab (two kernels of one student), answers given in both, turn
about; after both kernels are restarted every answer is still there."""

import re

import pytest

from psoas_lib.lesson import load_lesson

from .lab import error_outputs, open_notebook, run_all
from .test_technique import answer_screen, focus_and_press, restart_and_run_all, start_fresh_in_lab

pytestmark = pytest.mark.browser

SAVED = re.compile(r"Saved so far: (\d+) question")


def saved_count(page):
    summary = page.get_by_text(SAVED).first
    summary.wait_for()
    return int(SAVED.search(summary.inner_text()).group(1))


def answer_case(page, number):
    """Answer the self-check's case `number` with its first option; wait for its feedback."""
    block = page.locator(".psoas-case-self-check > .widget-vbox").nth(number)
    block.get_by_role("radio").first.check()
    block.get_by_role("button", name="Check answer").click()
    block.locator(".psoas-feedback").filter(has_text=re.compile(r"Correct\.|Not quite\.")).wait_for()
    assert "Not saved" not in block.inner_text()


def answer_landmark(page, number):
    """Answer landmark question `number` right, from the keyboard; wait for its feedback."""
    question = load_lesson().quizzes.landmarks[number]
    block = page.locator(".widget-vbox").filter(has=page.get_by_text(question.prompt, exact=True)).last
    right = next(option for option in question.options if option.correct)
    focus_and_press(page, block.get_by_role("radio", name=right.text, exact=True), "Space")
    focus_and_press(page, block.get_by_role("button", name="Check answer"), "Enter")
    block.get_by_text("Correct.").wait_for()
    assert "Not saved" not in block.inner_text()


def test_answers_in_two_notebooks_at_once_all_survive_restarts_of_both_kernels(page, chromium, jupyterlab):
    anatomy = page
    open_notebook(anatomy, jupyterlab.url, "01_anatomy.ipynb")
    run_all(anatomy)
    start_fresh_in_lab(anatomy)  # the Lab server is shared by the session's tests
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    try:
        technique = context.new_page()
        open_notebook(technique, jupyterlab.url, "02_technique.ipynb")
        run_all(technique)
        assert saved_count(technique) == 0
        answer_screen(technique)
        technique.get_by_text("Clear: every answer is no.").wait_for()

        answer_case(anatomy, 0)            # turn about: each kernel writes while the other has written
        answer_landmark(technique, 0)
        answer_case(anatomy, 1)
        answer_landmark(technique, 1)
        answer_case(anatomy, 2)
        answer_case(anatomy, 0)            # a second attempt at a question already answered

        restart_and_run_all(anatomy)
        restart_and_run_all(technique)
        assert error_outputs(anatomy) == [] and error_outputs(technique) == []
        assert saved_count(anatomy) == saved_count(technique) == 5  # 3 cases + 2 landmark questions
        for number in range(3):
            block = anatomy.locator(".psoas-case-self-check > .widget-vbox").nth(number)
            assert block.get_by_role("radio").first.is_checked()
        answer_screen(technique)
        for number in range(2):
            question = load_lesson().quizzes.landmarks[number]
            block = technique.locator(".widget-vbox").filter(
                has=technique.get_by_text(question.prompt, exact=True)).last
            right = next(option for option in question.options if option.correct)
            assert block.get_by_role("radio", name=right.text, exact=True).is_checked()
    finally:
        context.close()
