"""Does an instructor who opens the class dashboard as a Voila page see who handed in, the hard questions, the
common wrong answers and the charts with their descriptions, and see a new hand-in after "Read the hand-ins
again"?"""

import json
import shutil

import pytest

from psoas_lib import settings
from psoas_lib.dashboard import EXAMPLE_HAND_INS, EXAMPLE_ROSTER

from .lab import error_outputs, open_voila, screenshot

pytestmark = pytest.mark.browser

NOTEBOOK = "instructor/class_results.ipynb"


def test_an_instructor_sees_the_class_and_a_new_hand_in_after_reading_again(page, voila, tmp_path):
    folder = tmp_path / "collect"
    shutil.copytree(EXAMPLE_HAND_INS, folder)
    url = voila(NOTEBOOK, {settings.CLASS_DIR.variable: str(folder), settings.CLASS_ROSTER.variable: str(EXAMPLE_ROSTER), settings.CLASS_ACCOUNTS.variable: ""})
    open_voila(page, url)
    assert not error_outputs(page)
    screenshot(page, "voila-class-results")

    assert page.get_by_text("4 of 6 students have handed in.").first.is_visible()
    assert page.get_by_text("Not handed in: emil, farah.").first.is_visible()
    hand_ins = page.get_by_role("table", name="Who has handed in, and how far each got through the notebooks")
    assert hand_ins.get_by_role("row", name="emil not handed in").is_visible()
    wrong = page.get_by_role("table", name="The most common wrong answers, hardest question first")
    assert wrong.get_by_role("row").filter(has_text="How fast to sink in").filter(
        has_text="Sink in quickly").get_by_role("cell").last.inner_text() == "2"
    screenshot(wrong, "voila-class-results-wrong-answers")
    skipped = page.get_by_role("table", name="Files not counted")
    assert "not counted as ben's" in skipped.inner_text()
    for chart in ("Hand-ins over time", "Right at the first try: the 12 hardest of 28 questions"):
        image = page.get_by_role("img", name=chart)
        image.scroll_into_view_if_needed()
        assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        screenshot(page, f"voila-class-results-{chart.split(':')[0].replace(' ', '-').lower()}")

    # emil hands in during class: the instructor reads the folder again.
    ana = json.loads((folder / "ana/psoas-release--ana.hand-in.json").read_text())
    (folder / "emil").mkdir()
    (folder / "emil/psoas-release--emil.hand-in.json").write_text(
        json.dumps({**ana, "student": "emil", "handed_in": "2026-11-30T10:20:00+00:00"}))
    page.get_by_role("button", name="Read the hand-ins again").click()
    page.get_by_text("5 of 6 students have handed in.").first.wait_for(timeout=30_000)
    assert page.get_by_text("Not handed in: farah.").first.is_visible()
    assert page.get_by_role("status").filter(has_text="Read again at").is_visible()
    assert hand_ins.get_by_role("row", name="emil 2026-11-30 10:20 UTC").is_visible()
    page.get_by_role("button", name="Read the hand-ins again").scroll_into_view_if_needed()
    screenshot(page, "voila-class-results-read-again")
