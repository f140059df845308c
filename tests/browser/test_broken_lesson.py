"""Does Voila show a broken lesson file as its list of errors, without a Python traceback?"""

import pytest

from psoas_lib.lesson import bundled_lesson_path

from .lab import OUTPUT, open_voila, screenshot

pytestmark = pytest.mark.browser


def test_voila_shows_the_lesson_errors_as_one_message(page, voila, tmp_path):
    broken = tmp_path / "broken.yaml"
    text = bundled_lesson_path().read_text(encoding="utf-8")
    broken.write_text(text.replace("max_minutes: 7", "max_minutes: 4"), encoding="utf-8")
    open_voila(page, voila("03_progressions.ipynb", env={"PSOAS_LESSON": str(broken),
                                                        "PSOAS_PROGRESS_DIR": str(tmp_path / "progress")}))
    screenshot(page, "voila-broken-lesson")
    shown = " ".join(page.locator(OUTPUT).all_inner_texts()) or page.inner_text("body")
    assert "The lesson file cannot be used" in shown
    assert f"{broken}:" in shown and "min_minutes (5) is greater than max_minutes (4)" in shown
    assert "Traceback" not in shown and "NameError" not in shown
