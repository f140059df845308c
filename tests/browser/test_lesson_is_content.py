"""Does lesson text stay text? Script, event-handler and javascript: links in a lesson never run."""

import json

import pytest

from psoas_lib.lesson import bundled_lesson_path

from .lab import OUTPUT, error_outputs, open_notebook, open_voila, run_all, screenshot

pytestmark = pytest.mark.browser

ATTACKS = {
    "title: The psoas release": "title: The psoas release <script>window.pwned = 'title'</script>",
    "  Teaching material for trained clinicians,":
        "  <img src=x onerror=\"window.pwned='notice'\"> Teaching material for trained clinicians,",
    "    title: Female runner with sacroiliac pain":
        "    title: Female runner <a href=\"javascript:window.pwned='link'\">with sacroiliac pain</a>",
    "          explanation: Right. This is the check the post gives":
        "          explanation: <svg onload=\"window.pwned='svg'\"></svg>Right. This is the check the post gives",
}


@pytest.fixture
def hostile_lesson(tmp_path):
    text = bundled_lesson_path().read_text(encoding="utf-8")
    for original, attack in ATTACKS.items():
        assert original in text
        text = text.replace(original, attack, 1)
    path = tmp_path / "hostile.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def assert_nothing_ran(page):
    page.wait_for_timeout(500)  # give any injected handler the chance to fire
    assert page.evaluate("window.pwned") is None
    outputs = page.locator(OUTPUT)
    assert outputs.locator("script, img[src='x'], svg[onload], a[href^='javascript']").count() == 0
    text = " ".join(outputs.all_inner_texts())
    assert "<img src=x onerror=" in text  # shown to the reader as the words the instructor wrote


def test_hostile_lesson_text_is_shown_not_run_in_voila(page, voila, hostile_lesson, tmp_path):
    open_voila(page, voila("01_anatomy.ipynb", env={"PSOAS_LESSON": str(hostile_lesson),
                                                   "PSOAS_PROGRESS_DIR": str(tmp_path / "progress")}))
    screenshot(page, "voila-hostile-lesson")
    assert not error_outputs(page)
    assert_nothing_ran(page)


def test_hostile_lesson_text_is_shown_not_run_in_jupyterlab(page, jupyterlab, hostile_lesson):
    notebook = json.loads((jupyterlab.root / "01_anatomy.ipynb").read_text())
    for cell in notebook["cells"]:
        source = "".join(cell["source"])
        if "LESSON = None" in source:
            cell["source"] = source.replace("LESSON = None", f"LESSON = {str(hostile_lesson)!r}")
    (jupyterlab.root / "hostile.ipynb").write_text(json.dumps(notebook))
    open_notebook(page, jupyterlab.url, "hostile.ipynb")
    run_all(page)
    assert not error_outputs(page)
    assert_nothing_ran(page)
