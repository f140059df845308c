"""What does a screen reader get from each exercise (roles, names, states)? Compared with the committed
snapshots in tests/browser/aria/, so that any change to it shows in review.

A snapshot is Playwright's view of the accessibility tree of one exercise in Voila, with no saved progress.
After an intended change, write the new tree with `locator.aria_snapshot()` into the .yml file and review it.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from .lab import open_voila

pytestmark = pytest.mark.browser

SNAPSHOTS = Path(__file__).parent / "aria"


def matches(locator, name):
    expect(locator).to_match_aria_snapshot((SNAPSHOTS / f"{name}.yml").read_text(encoding="utf-8"))


def test_case_explorer_and_self_check(page, voila, tmp_path):
    open_voila(page, voila("01_anatomy.ipynb", env={"PSOAS_PROGRESS_DIR": str(tmp_path)}))
    matches(page.locator(".psoas-case-explorer"), "explorer")
    matches(page.locator(".psoas-case-self-check > *").first, "selfcheck")


def test_safety_screen(page, voila, tmp_path):
    open_voila(page, voila("02_technique.ipynb", env={"PSOAS_PROGRESS_DIR": str(tmp_path)}))
    matches(page.locator(".psoas-safety-screen"), "screen")


def test_sequencing(page, voila, tmp_path):
    open_voila(page, voila("03_progressions.ipynb", env={"PSOAS_PROGRESS_DIR": str(tmp_path)}))
    exercise = page.locator(".widget-vbox").filter(has=page.get_by_role("button", name="Check order")).last
    matches(exercise, "sequencing")
    exercise.get_by_role("button", name="Move up: Oscillations").click()
    expect(exercise.get_by_role("status")).to_have_text("Oscillations is now step 2 of 5.")
    expect(exercise.get_by_role("listitem").nth(1)).to_contain_text("2. Oscillations")
