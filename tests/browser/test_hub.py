"""The one-machine class hub in a browser: a student logs in through an nbgitpuller link, gets their own copy,
completes the landmark quiz on the Voila page and hands it in; a later pull keeps the student's edits; and a
small class working at once (the load test's students, through the kernel API) keeps every file apart."""

import asyncio
import json
import os
import pwd
import stat
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.class_load import round_of
from psoas_lib.hub.links import hub_link
from psoas_lib.progress import parse_progress, read_store
from psoas_lib.report import collect

from .hub import ACCOUNT_PREFIX, running_hub
from .lab import error_outputs, screenshot, wait_for_voila
from .test_technique import complete_quiz_by_keyboard

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(os.geteuid() != 0, reason="the class hub creates a Unix account per student: run as root"),
]

STUDENT = "student1"
ACCOUNT = ACCOUNT_PREFIX + STUDENT
PROGRESS_FILE = "psoas-release--student1.hand-in.json"
STORE_FILE = "psoas-progress--student1.sqlite3"  # the student's own progress store
NOTEBOOK = "notebooks/02_technique.ipynb"


@pytest.fixture(scope="module")
def hub():
    with running_hub() as hub:
        yield hub


def follow_link(page, hub, log_in=True):
    """Open notebook 02's nbgitpuller link as STUDENT; return once the Voila page is usable."""
    page.goto(hub_link(hub.url, f"file://{hub.home}/psoas-release.git", "02_technique.ipynb"), timeout=120_000)
    if log_in:
        page.get_by_label("Username").fill(STUDENT)
        page.get_by_label("Password").fill(hub.password)
        page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**/user/{STUDENT}/voila/render/psoas-release/{NOTEBOOK}", timeout=180_000)
    wait_for_voila(page, 180_000)
    assert error_outputs(page) == []


def owned_by_student(path):
    return path.stat().st_uid == pwd.getpwnam(ACCOUNT).pw_uid


def edit_first_cell(notebook, text):
    """Append `text` to the notebook's first cell, as an edit would."""
    data = json.loads(notebook.read_text(encoding="utf-8"))
    data["cells"][0]["source"] = "".join(data["cells"][0]["source"]) + text
    notebook.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_a_student_completes_the_quiz_and_hands_it_in_through_the_hub(page, hub):
    follow_link(page, hub)
    complete_quiz_by_keyboard(page, "hub")
    hand_in = page.get_by_role("button", name="Hand in my progress")
    hand_in.focus()
    page.keyboard.press("Enter")
    page.get_by_text("Handed in: your instructor now has your").wait_for()
    screenshot(page.locator(".jp-OutputArea-output").filter(has=hand_in), "hub-02-handed-in")

    home = hub.account_home(STUDENT)
    assert owned_by_student(home) and stat.S_IMODE(home.stat().st_mode) == 0o700, "the home is not private"
    store = home / ".psoas/progress" / STORE_FILE
    mine = read_store(store, "psoas-release")
    assert owned_by_student(store) and len(mine) >= 6

    handed_in = hub.collection() / PROGRESS_FILE
    theirs = parse_progress(handed_in.read_bytes())
    assert owned_by_student(handed_in) and theirs["student"] == STUDENT and theirs["answers"] == mine
    assert len(theirs["history"]) >= len(mine)
    assert stat.S_IMODE(hub.collection().stat().st_mode) == 0o1733
    report = collect(hub.collection(), ACCOUNT_PREFIX)  # counted only when the student's own account handed it in
    assert report.students == [STUDENT] and report.skipped == []


def test_a_second_pull_brings_updates_and_keeps_the_students_edits(page, hub, tmp_path):
    follow_link(page, hub)
    copy = hub.account_home(STUDENT) / "psoas-release"
    edit_first_cell(copy / NOTEBOOK, "\n\nMy own note: feel for the pulse first.")

    upstream = tmp_path / "upstream"
    git = ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.edu"]
    subprocess.run([*git, "clone", "-q", str(hub.home / "psoas-release.git"), str(upstream)], check=True)
    edit_first_cell(upstream / NOTEBOOK, "\n\nInstructor's update to this cell.")
    (upstream / "notebooks/UPDATES.md").write_text("New this week: a German lesson.\n")
    subprocess.run([*git, "-C", str(upstream), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(upstream), "commit", "-q", "-m", "Update for this week"], check=True)
    subprocess.run([*git, "-C", str(upstream), "push", "-q", "origin", "HEAD:main"], check=True)

    follow_link(page, hub, log_in=False)
    first_cell = "".join(json.loads((copy / NOTEBOOK).read_text())["cells"][0]["source"])
    assert "My own note: feel for the pulse first." in first_cell
    assert (copy / "notebooks/UPDATES.md").read_text() == "New this week: a German lesson.\n"
    assert owned_by_student(copy / "notebooks/UPDATES.md")
    page.get_by_text("My own note: feel for the pulse first.").wait_for()


def test_a_small_class_at_once_finishes_with_each_students_own_files(hub):
    """The load test (benchmarks/class_load.py) in small: it checks every student's files itself."""
    with ThreadPoolExecutor(1) as thread:  # Playwright's sync API holds this thread's event loop
        result = thread.submit(asyncio.run, round_of(hub, 4, round_number=0)).result()
    assert result["errors"] == {} and result["succeeded"] == 4
    assert len(result["clicks"]) == 4 * 4 and all(0 < c < 60 for c in result["clicks"])
    handed_in = sorted(p.name for p in hub.collection().glob("psoas-release--r0s*.hand-in.json"))
    assert handed_in == [f"psoas-release--r0s{i:03d}.hand-in.json" for i in range(4)]
