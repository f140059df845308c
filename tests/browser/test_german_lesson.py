"""An instructor's German lesson in Voila: does each notebook show the lesson's own German text and the
German interface (buttons, labels, feedback) with no error?

The notebooks' own Markdown (their headings and short introductions) is part of the notebooks, not of the
lesson, and stays English by design.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from psoas_lib.i18n import translations
from psoas_lib.lesson import load_lesson

from .lab import OUTPUT, ROOT, error_outputs, open_voila, screenshot

pytestmark = pytest.mark.browser

GERMAN_LESSON = ROOT / "docs" / "examples" / "psoas_release.de.yaml"
GERMAN = translations("de")
WAIT_MS = 30_000


def de(message: str) -> str:
    """The German of an interface message; it must differ, or the test could not tell the languages apart."""
    german = GERMAN.gettext(message)
    assert german != message, f"{message!r} has no German of its own"
    return german


@pytest.fixture
def lesson():
    return load_lesson(GERMAN_LESSON)


@pytest.fixture
def german_page(page, voila, tmp_path):
    """Open a notebook in Voila with the German lesson and a progress folder of its own."""

    def open_(notebook: str):
        env = {"PSOAS_LESSON": str(GERMAN_LESSON), "PSOAS_PROGRESS_DIR": str(tmp_path / "progress")}
        open_voila(page, voila(notebook, env=env))
        errors = error_outputs(page)
        assert not errors, "\n\n".join(errors)
        return page

    return open_


def outputs_text(page) -> str:
    return " ".join(" ".join(page.locator(OUTPUT).all_inner_texts()).split())


def assert_german_interface(page, messages: list[str]):
    """Each message is shown in German, and its English is nowhere in the notebook's outputs (the
    References output included: its citations keep their original titles, none of which is a message)."""
    shown = outputs_text(page)
    for message in messages:
        assert de(message) in shown, f"missing German for {message!r}"
        assert not re.search(rf"(?<!\w){re.escape(message)}(?!\w)", shown), f"English shown: {message!r}"


def show(page, locator, name: str, block: str = "start") -> Path:
    """Scroll `locator` to the window's `block` (start or center) and take a screenshot of the page."""
    locator.evaluate("(el, block) => el.scrollIntoView({block})", block)
    page.wait_for_timeout(300)
    return screenshot(page, name)


def button(page, message: str, **kwargs):
    return page.get_by_role("button", name=de(message), exact=True, **kwargs)


def test_anatomy_in_german(page, german_page, lesson):
    german_page("01_anatomy.ipynb")
    assert page.get_by_text(lesson.overview[0].text).is_visible()
    assert page.get_by_text(lesson.notice).is_visible()
    screenshot(page, "voila-de-01_anatomy")

    explorer = page.locator(".psoas-case-explorer")
    explorer.get_by_role("radio", name=lesson.indications[4].title).check()
    explorer.get_by_text(lesson.indications[4].mechanism).wait_for(timeout=WAIT_MS)
    first = page.locator(".psoas-case-self-check .widget-vbox").first
    wrong = next(o for o in lesson.indications if o.mechanism_in_brief != lesson.indications[0].mechanism_in_brief)
    first.get_by_role("radio", name=wrong.mechanism_in_brief, exact=True).check()
    first.get_by_role("button", name=de("Check answer")).click()
    expect(first.locator(".psoas-feedback")).to_contain_text("✘ " + de("Not quite."), timeout=WAIT_MS)
    score = de("Self-check: {right} of {total} cases right ({answered} answered).")
    expect(page.locator(".psoas-score")).to_have_text(score.format(right=0, total=len(lesson.indications),
                                                                   answered=1), timeout=WAIT_MS)
    show(page, explorer, "voila-de-01_anatomy-cases")

    assert button(page, "Presentation mode: large, high-contrast text").is_visible()
    assert button(page, "Reset my progress").count() == 1
    assert_german_interface(page, [
        "Teaching material, not medical advice.", "Presentation mode is off.", "Check answer", "Not quite.",
        "The mechanism", "Why the release may help", "Description", "Reset my progress",
    ])


def clear_the_screen(page, lesson):
    """Answer every question of the (German) safety screen "Nein" and wait until it says it is clear."""
    screen = page.locator(".psoas-safety-screen")
    for number in range(1, len(lesson.safety.screening) + 1):
        group = screen.get_by_role("radiogroup", name=re.compile(rf"^Frage {number}: "))
        group.get_by_role("radio", name=de("No"), exact=True).check()
    page.get_by_text(de("Clear: every answer is no. The hands-on sections below are unlocked.")).wait_for(
        timeout=WAIT_MS)


def test_technique_in_german(page, german_page, lesson):
    german_page("02_technique.ipynb")
    screening = lesson.safety.screening
    assert page.get_by_text(screening[0].question).is_visible()
    assert page.get_by_text(de("Locked: complete the safety screen above first.")).count() == 3
    screen = page.locator(".psoas-safety-screen")
    show(page, screen, "voila-de-02_technique")

    clear_the_screen(page, lesson)
    quiz = page.locator(".psoas-palpation")
    place = button(quiz, "Place fingertips here")
    place.wait_for(timeout=WAIT_MS)
    assert page.get_by_text(lesson.technique.position.text).is_visible()
    button(quiz, "Move left").click()
    expect(quiz.locator(".psoas-status", has_text=re.compile(r"^Fingerkuppen: 1[.,]0 cm"))).to_be_visible(
        timeout=WAIT_MS)
    place.click()
    on_aorta = quiz.locator(".psoas-feedback").first
    expect(on_aorta).to_contain_text("✘ " + de("Not quite."), timeout=WAIT_MS)
    feedback = " ".join(on_aorta.inner_text().split())
    # 1 cm to the patient's right of the midline is still over the aorta: sent lateral, with the left button.
    assert lesson.palpation.feedback.pulse.text in feedback
    towards_right = de("towards the patient's right")
    assert de("Press {moves}.").split("{moves}")[0] in feedback
    assert re.search(re.escape(de("Move left")) + r"\W* \(" + re.escape(towards_right) + r"\)", feedback)
    show(page, quiz, "voila-de-02_technique-quiz")

    assert_german_interface(page, [
        "Yes", "No", "Clear: every answer is no. The hands-on sections below are unlocked.",
        "Position and hand placement", "Place fingertips here", "Move up", "Sink in",
        "Step 1 of 3: place the fingertips.", "Check answer", "Show my saved progress",
    ])


def test_progressions_in_german(page, german_page, lesson):
    german_page("03_progressions.ipynb")
    movements = {movement.id: movement.name for movement in lesson.progression.movements}
    sequencing = page.locator(".widget-vbox").filter(has=button(page, "Check order")).last
    move_up = de("Move up: {step}").format(step=movements["heel-slide"])
    assert sequencing.get_by_role("button", name=move_up, exact=True).is_visible()
    assert page.get_by_text(de("Locked: complete the safety screen above first.")).count() == 1
    clear_the_screen(page, lesson)  # the live release and its timer open only once the screen is clear
    page.get_by_text(lesson.progression.last_step_note.text).wait_for(timeout=WAIT_MS)
    assert page.get_by_text(lesson.safety.during_release.text).is_visible()
    button(sequencing, "Check order").click()
    expect(sequencing.locator(".psoas-feedback")).to_contain_text("✘ " + de("Not quite."), timeout=WAIT_MS)
    show(page, sequencing, "voila-de-03_progressions")

    # "Start" and "Pause" read the same in German; the timer's words around them are German.
    expect(page.locator(".psoas-timer")).to_contain_text(de("Elapsed {elapsed}").format(elapsed="00:00"))
    page.get_by_role("button", name="Start", exact=True).click()
    status = page.locator(".psoas-timer-status")
    running = de("Running. Suggested step {number} of {count}: {step}.").format(
        number=1, count=len(lesson.dose.suggested_split.steps), step=movements["oscillations"])
    expect(status).to_contain_text(running, timeout=WAIT_MS)
    expect(page.locator(".psoas-timer")).to_contain_text(de("Elapsed {elapsed}").format(elapsed="00:01"),
                                                         timeout=WAIT_MS)  # it ticks by itself
    page.get_by_role("button", name="Pause", exact=True).click()
    expect(status).to_contain_text(de("Paused at {elapsed}. Press Resume to go on.").split("{elapsed}")[0],
                                   timeout=WAIT_MS)
    show(page, page.locator(".psoas-timer"), "voila-de-03_progressions-timer", "center")

    assert_german_interface(page, [
        "Check order", "Start again", "Check matches", "(choose an action)", "Resume", "Reset", "Then reassess",
        "Presentation mode: large, high-contrast text",
    ])
