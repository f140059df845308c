"""Notebook 04 in Voila: after answering self-check questions wrong in notebook 01, the review asks them again;
answered right (by keyboard, and by touch at phone size) they leave today's list."""

import re

import pytest
from playwright.sync_api import expect

from psoas_lib.exercises.cases import case_questions
from psoas_lib.lesson import load_lesson

from .lab import error_outputs, open_voila, screenshot

pytestmark = pytest.mark.browser

WAIT_MS = 30_000


def answer_self_check_wrong(page, count):
    """In notebook 01, answer the first `count` self-check questions with a wrong option (clicks)."""
    for question in case_questions(load_lesson().indications)[:count]:
        block = page.locator(".psoas-case-self-check .widget-vbox").filter(
            has=page.get_by_text(question.prompt[:40])).last
        wrong = next(option for option in question.options if not option.correct)
        block.get_by_role("radio", name=wrong.text, exact=True).check()
        block.get_by_role("button", name="Check answer").click()
        expect(block.locator(".psoas-feedback")).to_contain_text("Not quite.", timeout=WAIT_MS)


def review_block(page, question):
    return page.locator(".psoas-review .widget-vbox").filter(has=page.get_by_text(question.prompt[:40])).last


def test_missed_questions_come_back_in_the_review(chromium, voila, tmp_path):
    env = {"PSOAS_PROGRESS_DIR": str(tmp_path)}
    questions = case_questions(load_lesson().indications)

    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    open_voila(page, voila("01_anatomy.ipynb", env=env))
    answer_self_check_wrong(page, 2)

    open_voila(page, voila("04_review.ipynb", env=env))
    assert error_outputs(page) == []
    summary = page.locator(".psoas-review .psoas-status").first
    expect(summary).to_contain_text("Due today: 2.", timeout=WAIT_MS)
    screenshot(page.locator(".psoas-review"), "voila-04-review-due")

    first = review_block(page, questions[0])
    right = next(option for option in questions[0].options if option.correct)
    radio = first.get_by_role("radio", name=right.text, exact=True)
    radio.focus()
    page.keyboard.press("Space")
    first.get_by_role("button", name="Check answer").focus()
    page.keyboard.press("Enter")
    expect(first.locator(".psoas-feedback")).to_contain_text("Correct.", timeout=WAIT_MS)
    expect(summary).to_contain_text("Due today: 1.", timeout=WAIT_MS)
    context.close()

    phone = chromium.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = phone.new_page()
    open_voila(page, voila("04_review.ipynb", env=env))
    summary = page.locator(".psoas-review .psoas-status").first
    expect(summary).to_contain_text("Due today: 1.", timeout=WAIT_MS)
    second = review_block(page, questions[1])
    right = next(option for option in questions[1].options if option.correct)
    radio = second.get_by_role("radio", name=right.text, exact=True)
    radio.tap()  # a finger on the option (the whole row, at least 32 px high)
    expect(radio).to_be_checked()
    button = second.get_by_role("button", name="Check answer")
    box = button.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    button.tap()
    expect(second.locator(".psoas-feedback")).to_contain_text("Correct.", timeout=WAIT_MS)
    expect(summary).to_contain_text(re.compile(r"Nothing is due today|Due today: 0\."), timeout=WAIT_MS)
    screenshot(page, "voila-04-review-phone-done")
    phone.close()
