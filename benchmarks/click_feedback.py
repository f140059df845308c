"""Click-to-feedback latency in Voila: from a click on "Check answer" in notebook 01's case self-check to its
feedback text changing, against a bare ipywidgets button whose click updates a label. Timed inside the page
(the click is dispatched and the text watched by the page's own script), so Playwright's round trips are not
counted. The quiz's answer alternates between a right and a wrong option, so every check changes the text."""

from __future__ import annotations

import contextlib
import tempfile
from pathlib import Path

from .common import NOTEBOOKS, Result, chromium, voila_server
from .voila_pages import baseline_notebook, open_page

NOTEBOOK = "01_anatomy.ipynb"
QUIZ = ".psoas-case-self-check"
SETTLE_MS = 300  # pause before each click, so the previous round (and a changed radio answer) has settled

# Milliseconds from a click on `button` until the text of `region` is non-empty and different.
CLICK_TO_TEXT = """async ([button, region]) => {
  const text = () => (document.querySelector(region)?.innerText || '').trim();
  const before = text();
  return await new Promise(resolve => {
    let start;
    const observer = new MutationObserver(() => {
      const now = text();
      if (now && now !== before) { observer.disconnect(); resolve(performance.now() - start); }
    });
    observer.observe(document.body, {subtree: true, childList: true, characterData: true});
    start = performance.now();
    document.querySelector(button).click();
  });
}"""


def click_to_text(page, button: str, region: str) -> float:
    page.wait_for_timeout(SETTLE_MS)
    return page.evaluate(CLICK_TO_TEXT, [button, region])


def run(repeat: int) -> list[Result]:
    from psoas_lib.exercises.cases import case_questions
    from psoas_lib.lesson import load_lesson

    question = case_questions(load_lesson().indications)[0]
    right = [option.correct for option in question.options].index(True)
    answers = [right, 1 if right == 0 else 0]  # alternated: every check changes the feedback
    clicks = max(10, 4 * repeat)
    result = Result("click to feedback", f"{NOTEBOOK} self-check", "button updating a label", "ms", max_ratio=1.5)
    with tempfile.TemporaryDirectory() as scratch, contextlib.ExitStack() as stack:
        baseline_url = stack.enter_context(voila_server(baseline_notebook(Path(scratch))))
        quiz_url = stack.enter_context(voila_server(NOTEBOOKS / NOTEBOOK))
        browser = stack.enter_context(chromium())
        base_context, base_page = open_page(browser, baseline_url)
        quiz_context, quiz_page = open_page(browser, quiz_url)
        quiz_page.locator(f"{QUIZ} .psoas-score").wait_for()
        radios = quiz_page.locator(f"{QUIZ} .widget-radio-box").first.locator("input[type=radio]")
        # Each question is preceded by its HTML prompt; "Check answer" is the self-check's first button.
        button = f"{QUIZ} button.jupyter-widgets"
        region = f"{QUIZ} .psoas-feedback"
        for click in range(clicks + 1):
            radios.nth(answers[click % 2]).check()
            base = click_to_text(base_page, ".jp-OutputArea-output button.jupyter-widgets",
                                 ".jp-OutputArea-output .widget-label")
            subject = click_to_text(quiz_page, button, region)
            if click:  # the first round warms both pages up
                result.add(subject, base)
        quiz_context.close()
        base_context.close()
    return [result]
