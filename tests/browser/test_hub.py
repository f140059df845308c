"""The one-machine class hub in a browser: a student on the roster logs in with their own password through an
nbgitpuller link, gets their own copy, completes the landmark quiz on the Voila page and hands it in; nobody
can log in as them or block their hand-in; a later pull keeps the student's edits; and a small class working
at once (the load test's students, through the kernel API) keeps every file apart."""

import asyncio
import json
import os
import pwd
import stat
import subprocess
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from benchmarks.class_load import round_of
from harness.hub import ACCOUNT_PREFIX, running_hub
from psoas_lib import settings
from psoas_lib.hub.links import hub_link
from psoas_lib.progress import parse_progress, read_store
from psoas_lib.report import collect

from .lab import error_outputs, screenshot, wait_for_voila
from .test_technique import complete_quiz_by_keyboard

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(os.geteuid() != 0, reason="the class hub creates a Unix account per student: run as root"),
]

STUDENT = "student1"
CLASSMATE = "student2"
ACCOUNT = ACCOUNT_PREFIX + STUDENT
PROGRESS_FILE = "psoas-release--student1.hand-in.json"
STORE_FILE = "psoas-progress--student1.sqlite3"  # the student's own progress store
NOTEBOOK = "notebooks/02_technique.ipynb"


@pytest.fixture(scope="module")
def hub():
    with running_hub() as hub:
        hub.passwords = hub.enrol(STUDENT, CLASSMATE)
        yield hub


def notebook_link(hub):
    return hub_link(hub.url, f"file://{hub.home}/psoas-release.git", "02_technique.ipynb")


def sign_in(page, name, password):
    page.get_by_label("Username").fill(name)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def follow_link(page, hub, log_in=True):
    """Open notebook 02's nbgitpuller link as STUDENT; return once the Voila page is usable."""
    page.goto(notebook_link(hub), timeout=120_000)
    if log_in:
        sign_in(page, STUDENT, hub.passwords[STUDENT])
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


def as_account(account, code):
    """Run Python `code` as the Unix account `account`, as that student's own kernel would."""
    return subprocess.run(["runuser", "-u", account, "--", "/usr/bin/python3", "-c", code],
                          capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("name, password", [
    (STUDENT, "the classmate's password"),
    ("student9", "a password of a name not on the roster"),
    (STUDENT, "k7qm-x3vd-9pta"),
], ids=["classmates-password", "not-on-roster", "made-up"])
def test_nobody_logs_in_as_a_student_without_that_students_own_password(page, hub, name, password):
    if password == "the classmate's password":
        password = hub.passwords[CLASSMATE]
    page.goto(notebook_link(hub), timeout=120_000)
    sign_in(page, name, password)
    page.get_by_text("Invalid username or password.").wait_for(timeout=30_000)
    assert "/hub/login" in page.url
    screenshot(page, f"hub-login-refused-{name}")


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

    folder = hub.hand_in_folder(STUDENT)
    handed_in = folder / PROGRESS_FILE
    theirs = parse_progress(handed_in.read_bytes())
    assert owned_by_student(handed_in) and theirs["student"] == STUDENT and theirs["answers"] == mine
    assert len(theirs["history"]) >= len(mine)
    assert owned_by_student(folder) and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(hub.collection().stat().st_mode) == 0o711 and hub.collection().stat().st_uid == 0
    report = collect(hub.collection(), ACCOUNT_PREFIX)  # counted only when the student's own account handed it in
    assert report.students == [STUDENT] and report.skipped == []


def test_a_classmate_can_neither_overwrite_nor_block_a_students_hand_in(hub):
    # The instructor starts the classmate's server before class, so their account exists.
    ahead = subprocess.run([str(hub.home / "venv/bin/psoas-lesson"), "hub-prestart", CLASSMATE, "--hub", hub.url,
                            "--hub-home", str(hub.home)], env={**os.environ, "PSOAS_HUB_API_TOKEN": hub.token},
                           capture_output=True, text=True, timeout=600)
    assert ahead.returncode == 0 and "1 of 1 servers ready" in ahead.stdout, ahead.stdout + ahead.stderr
    mine = hub.hand_in_folder(STUDENT) / PROGRESS_FILE
    before = mine.read_bytes()
    attempts = {
        "overwrite": f"open({str(mine)!r}, 'w').write('{{}}')",
        "list": f"import os; os.listdir({str(hub.collection())!r})",
        "take a name first": f"import os; os.mkdir({str(hub.collection() / 'student3')!r})",
        "plant a file": f"open({str(hub.collection() / PROGRESS_FILE)!r}, 'w')",
    }
    for what, code in attempts.items():
        result = as_account(ACCOUNT_PREFIX + CLASSMATE, code)
        assert result.returncode != 0 and "PermissionError" in result.stderr, f"a classmate could {what}"
    assert mine.read_bytes() == before


def test_the_instructor_sees_the_hand_in_on_the_class_dashboard(page, hub, voila, tmp_path):
    """As deploy/README.md says: on the hub machine, as root (only root reads every student's folder), the
    dashboard's Voila page over the collection, counting a file only if the student's own account wrote it."""
    roster = tmp_path / "class.txt"
    roster.write_text(f"{STUDENT}\n{CLASSMATE}\n")
    url = voila("instructor/class_results.ipynb", {settings.CLASS_DIR.variable: str(hub.collection()),
                                                   settings.CLASS_ROSTER.variable: str(roster), settings.CLASS_ACCOUNTS.variable: ACCOUNT_PREFIX})
    page.goto(url, timeout=120_000)
    wait_for_voila(page, 180_000)
    assert error_outputs(page) == []
    assert page.get_by_text("1 of 2 students have handed in.").first.is_visible()
    assert page.get_by_text(f"Not handed in: {CLASSMATE}.").first.is_visible()
    table = page.get_by_role("table", name="Who has handed in, and how far each got through the notebooks")
    assert table.get_by_role("row", name=STUDENT).filter(has_text=" UTC").is_visible()
    screenshot(page, "hub-instructor-dashboard")


def test_the_login_page_shows_its_show_password_button_in_words(page, hub):
    page.goto(f"{hub.url}/hub/login", timeout=120_000)
    password = page.get_by_label("Password")
    password.fill("k7qm-x3vd-9pta")
    show = page.get_by_role("button", name="Show password", exact=True)
    assert show.is_visible() and show.bounding_box()["height"] >= 24
    screenshot(page, "hub-login-show-password")
    show.click()
    page.get_by_role("button", name="Hide password", exact=True).wait_for(timeout=10_000)
    assert password.get_attribute("type") == "text"
    screenshot(page, "hub-login-password-shown")
    page.get_by_role("button", name="Hide password", exact=True).click()
    show.wait_for(timeout=10_000)
    assert password.get_attribute("type") == "password"


def test_a_students_server_offers_no_terminal(hub):
    """No shell for a student's account: the terminals extension is not loaded (deploy config)."""
    def get(path):
        request = urllib.request.Request(f"{hub.url}/user/{STUDENT}{path}",
                                         headers={"Authorization": f"token {hub.token}"})
        return urllib.request.urlopen(request, timeout=60)

    with get("/api/status") as running:  # the server answers...
        assert running.status == 200
    with pytest.raises(urllib.error.HTTPError) as refused:  # ...but has no terminals
        get("/api/terminals")
    assert refused.value.code == 404


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
    handed_in = sorted(p.relative_to(hub.collection()).as_posix() for p in hub.collection().glob("r0s*/*.json"))
    assert handed_in == [f"r0s{i:03d}/psoas-release--r0s{i:03d}.hand-in.json" for i in range(4)]
