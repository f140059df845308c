"""Does the dashboard view show every section with its chart's description and table, read the folder again on a
click, say a missing roster in one line, and show students' text as text?"""

import re
from datetime import datetime, timezone

from psoas_lib import settings
from psoas_lib.progress import Progress
from psoas_lib.widgets.dashboard import ClassDashboard

NOON = datetime(2026, 12, 1, 12, 0, 5, tzinfo=timezone.utc)


def hand_in(folder, student, answer, correct):
    progress = Progress("psoas-release", student=student, directory=folder.parent / "homes" / student)
    progress.record("landmarks", "pulse", answer, correct)
    (folder / student).mkdir(parents=True, exist_ok=True)
    progress.hand_in(folder / student)


def dashboard(tmp_path, roster=("ana", "ben"), **options):
    from psoas_lib import load_lesson

    folder = tmp_path / "collect"
    folder.mkdir(exist_ok=True)
    (tmp_path / "class.txt").write_text("\n".join(roster))
    return folder, ClassDashboard(load_lesson(), folder, tmp_path / "class.txt", clock=lambda: NOON, **options)


def test_each_section_shows_its_chart_with_alt_text_and_description_and_a_table(tmp_path):
    folder, view = dashboard(tmp_path)
    hand_in(folder, "ana", "Move more medial", False)
    view.refresh()
    assert re.search(r'<img src="data:image/png;base64,[^"]+" alt="Hand-ins over time"', view.hand_ins.value)
    assert "1 of 2 students have handed in." in view.hand_ins.value and "<caption" in view.hand_ins.value
    assert re.search(r'alt="Right at the first try, per question"', view.first_try.value)
    assert "0 of 1 right at the first try (0%)" in view.first_try.value
    assert "<td" in view.wrong_answers.value and "Move more medial" in view.wrong_answers.value
    assert view.skipped.text == "Every file in the folder was counted."


def test_the_saved_text_form_of_each_section_is_its_content(tmp_path):
    folder, view = dashboard(tmp_path)
    hand_in(folder, "ana", "Move more medial", False)
    view.refresh()
    text = view.hand_ins._repr_mimebundle_()["text/plain"]
    assert text.splitlines()[0] == ("Class results — run the notebook (Run ▸ Run All Cells) to read the hand-ins; "
                                    "below, what they showed when last read.")
    assert text.splitlines()[1].startswith("1 of 2 students have handed in. The first hand-in came at ")
    assert "ben | not handed in" in text
    assert view.header._repr_mimebundle_()["text/plain"].endswith("1 hand-in(s) counted, 0 file(s) not counted.")


def test_read_again_shows_new_hand_ins_and_says_when(tmp_path):
    folder, view = dashboard(tmp_path)
    assert "0 of 2 students have handed in." in view.hand_ins.text and view.header.news.value.count("Read again") == 0
    hand_in(folder, "ben", "Move more lateral", True)
    view.refresh_button.click()
    assert "1 of 2 students have handed in." in view.hand_ins.text
    assert "Read again at 12:00:05 UTC." in view.header.news.value and 'aria-live="polite"' in view.header.news.value


def test_a_roster_that_cannot_be_read_is_said_in_one_line_and_everyone_who_handed_in_is_shown(tmp_path):
    folder, view = dashboard(tmp_path)
    hand_in(folder, "ana", "Move more lateral", True)
    (tmp_path / "class.txt").unlink()
    view.refresh()
    assert re.search(r"The roster \S+class.txt could not be read \(No such file or directory\); everyone who "
                     r"handed in is shown.", view.header.text)
    assert "1 of 1 students have handed in." in view.hand_ins.text


def test_students_text_is_shown_escaped_never_as_html(tmp_path):
    folder, view = dashboard(tmp_path, roster=["ana"])
    hand_in(folder, "ana", "<img src=x onerror=alert(1)>", False)
    view.refresh()
    assert "<img src=x" not in view.wrong_answers.value
    assert "&lt;img src=x onerror=alert(1)&gt;" in view.wrong_answers.value


def test_a_name_not_on_the_roster_is_marked(tmp_path):
    folder, view = dashboard(tmp_path, roster=["ana"])
    hand_in(folder, "zed", "Move more lateral", True)
    view.refresh()
    assert "zed (not on the roster)" in view.hand_ins.text


def test_without_settings_it_reads_the_example_class_and_says_so(monkeypatch):
    from psoas_lib import load_lesson

    for variable in (settings.CLASS_DIR.variable, settings.CLASS_ROSTER.variable, settings.CLASS_ACCOUNTS.variable):
        monkeypatch.delenv(variable, raising=False)
    view = ClassDashboard(load_lesson())
    assert view.header.text.startswith("Reading the example class bundled with psoas_lib (set CLASS_FOLDER")
    assert "Not handed in: emil, farah." in view.hand_ins.text
    assert "carla/psoas-release--ben.hand-in.json" in view.skipped.text


def test_the_environment_points_it_at_a_class(tmp_path, monkeypatch):
    from psoas_lib import load_lesson

    folder = tmp_path / "collect"
    hand_in(folder, "ana", "Move more lateral", True)
    (tmp_path / "class.txt").write_text("ana\nben\n")
    monkeypatch.setenv(settings.CLASS_DIR.variable, str(folder))
    monkeypatch.setenv(settings.CLASS_ROSTER.variable, str(tmp_path / "class.txt"))
    monkeypatch.setenv(settings.CLASS_ACCOUNTS.variable, "psoas-")
    view = ClassDashboard(load_lesson())
    # With the hub's account check, ana's file (written by this test's account, not psoas-ana) is not counted.
    assert view.header.text.startswith(f"Reading {folder}: 0 hand-in(s) counted, 1 file(s) not counted.")
    assert "Not handed in: ana, ben." in view.hand_ins.text
