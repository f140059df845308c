"""Does the class report summarise every question and survive damaged or foreign files?"""

import csv

from psoas_lib.cli import main
from psoas_lib.progress import Progress
from psoas_lib.report import collect, summary_text


def class_folder(tmp_path):
    for student, answer, correct in [("ana", "Move more lateral", True), ("ben", "Move more medial", False),
                                     ("cai", "Move more medial", False), ("dee", "Press deeper", False)]:
        progress = Progress("psoas-release", student=student, directory=tmp_path)
        progress.record("landmarks", "pulse", answer, correct)
    Progress("psoas-release", student="ana", directory=tmp_path).record("cases", "stenosis", "x", True)
    return tmp_path


def test_each_question_counts_answers_right_answers_and_the_commonest_wrong_one(tmp_path):
    report = collect(class_folder(tmp_path))
    by_question = {s.question: s for s in report.summary()}
    pulse = by_question["landmarks/pulse"]
    assert (pulse.answered, pulse.correct) == (4, 1)
    assert (pulse.most_common_wrong, pulse.most_common_wrong_count) == ("Move more medial", 2)
    assert by_question["cases/stenosis"].most_common_wrong == ""
    assert report.students == ["ana", "ben", "cai", "dee"]


def test_damaged_and_foreign_files_are_reported_and_skipped(tmp_path):
    folder = class_folder(tmp_path)
    (folder / "eve.json").write_text("{broken")
    (folder / "notes.txt").write_text("hello")
    (folder / "other.json").write_text('{"format": "something-else"}')
    (folder / ".psoas-release--fay.json.abc.tmp").write_text('{"format": "psoas-pro')
    (folder / "bin.json").write_bytes(b"\xff\x00")
    report = collect(folder)
    skipped = {path.name: reason for path, reason in report.skipped}
    assert set(skipped) == {"eve.json", "notes.txt", "other.json", ".psoas-release--fay.json.abc.tmp", "bin.json"}
    assert "not valid JSON" in skipped["eve.json"]
    assert "not a psoas progress file" in skipped["other.json"]
    assert "unfinished write" in skipped[".psoas-release--fay.json.abc.tmp"]
    assert len(report.rows) == 5
    text = summary_text(report)
    assert "landmarks/pulse: 1 of 4 correct; most common wrong answer (2x): Move more medial" in text
    assert "skipped eve.json" in text


def test_report_command_writes_both_csv_files_and_runs_twice(tmp_path, capsys):
    folder = class_folder(tmp_path)
    assert main(["report", str(folder)]) == 0
    assert main(["report", str(folder)]) == 0  # its own CSV files are not read as students' files
    out = capsys.readouterr().out
    assert "skipped" not in out
    with (folder / "class-summary.csv").open() as f:
        rows = list(csv.DictReader(f))
    pulse = next(r for r in rows if r["question"] == "landmarks/pulse")
    assert (pulse["answered"], pulse["correct"], pulse["most_common_wrong_answer"]) == ("4", "1", "Move more medial")
    with (folder / "class-results.csv").open() as f:
        assert len(list(csv.DictReader(f))) == 5


def test_report_on_a_missing_folder_says_so(tmp_path, capsys):
    assert main(["report", str(tmp_path / "nope")]) == 1
    assert "no such folder" in capsys.readouterr().out


def test_on_a_hub_a_file_counts_only_when_the_students_own_account_handed_it_in(tmp_path):
    class_folder(tmp_path)
    owners = {"psoas-release--ana.json": "psoas-ana", "psoas-release--ben.json": "psoas-cai"}
    report = collect(tmp_path, "psoas-", owner=lambda path: owners.get(path.name, "psoas-" + path.stem.split("--")[1]))
    assert report.students == ["ana", "cai", "dee"]
    assert [(path.name, reason) for path, reason in report.skipped] == [
        ("psoas-release--ben.json", "handed in from the account psoas-cai, not ben's: not counted as ben's")]
    assert collect(tmp_path).students == ["ana", "ben", "cai", "dee"]  # a laptop's folder: no accounts to check


def test_in_per_student_folders_a_file_counts_only_in_the_students_own_folder(tmp_path):
    for student in ("ana", "ben"):
        Progress("psoas-release", student=student, directory=tmp_path / student).record("landmarks", "pulse", "x", True)
    Progress("psoas-release", student="ana", directory=tmp_path / "ben").record("landmarks", "pulse", "y", False)
    report = collect(tmp_path)
    assert report.students == ["ana", "ben"]
    assert [row.answer.answer for row in report.rows if row.student == "ana"] == ["x"]
    assert [(path.relative_to(tmp_path).as_posix(), reason) for path, reason in report.skipped] == [
        ("ben/psoas-release--ana.json", "handed in from the folder ben/, not ana's: not counted as ana's")]
