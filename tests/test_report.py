"""Does the class report summarise every question, and read any folder without being fooled or stopped?"""

import csv
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_lib.cli import main
from psoas_lib.progress import Progress
from psoas_lib.report import MAX_BYTES, MAX_DEPTH, collect, csv_cell, printable, summary_text

FIXTURES = Path(__file__).parent / "fixtures" / "progress"


def hand_in(folder, student, exercise, question, answer, correct, lesson="psoas-release", homes=None):
    progress = Progress(lesson, student=student, directory=(homes or folder.parent / "homes") / student)
    progress.record(exercise, question, answer, correct)
    return progress.hand_in(folder)


def class_folder(tmp_path):
    folder = tmp_path / "collect"
    folder.mkdir()
    for student, answer, correct in [("ana", "Move more lateral", True), ("ben", "Move more medial", False),
                                     ("cai", "Move more medial", False), ("dee", "Press deeper", False)]:
        hand_in(folder, student, "landmarks", "pulse", answer, correct)
    hand_in(folder, "ana", "cases", "stenosis", "x", True)
    return folder


def test_each_question_counts_answers_right_answers_and_the_commonest_wrong_one(tmp_path):
    report = collect(class_folder(tmp_path))
    by_question = {s.question: s for s in report.summary()}
    pulse = by_question["landmarks/pulse"]
    assert (pulse.answered, pulse.correct) == (4, 1)
    assert (pulse.most_common_wrong, pulse.most_common_wrong_count) == ("Move more medial", 2)
    assert by_question["cases/stenosis"].most_common_wrong == ""
    assert report.students == ["ana", "ben", "cai", "dee"] and report.hand_ins == 4


def test_version_1_and_current_hand_ins_are_read_together(tmp_path):
    folder = class_folder(tmp_path)
    v1 = json.loads((FIXTURES / "v1-progress.json").read_text())
    (folder / "psoas-release--eve.json").write_text(json.dumps({**v1, "student": "eve"}))
    report = collect(folder)
    assert report.students == ["ana", "ben", "cai", "dee", "eve"] and report.skipped == []
    assert {s.question: s.answered for s in report.summary()}["landmarks/pulse"] == 5


def test_damaged_and_foreign_files_are_named_with_their_reason_and_skipped(tmp_path):
    folder = class_folder(tmp_path)
    (folder / "eve.json").write_text("{broken")
    (folder / "notes.txt").write_text("hello")
    (folder / "other.json").write_text('{"format": "something-else"}')
    (folder / ".psoas-release--fay.json.abc.tmp").write_text('{"format": "psoas-pro')
    (folder / "bin.json").write_bytes(b"\xff\x00")
    (folder / "types.json").write_text(json.dumps({
        "format": "psoas-progress", "version": 1, "student": "gus",
        "answers": {"landmarks/pulse": {"answer": "x", "correct": "yes", "attempts": 1, "at": ""}}}))
    (folder / "newer.json").write_text(json.dumps({"format": "psoas-progress", "version": 9, "answers": {}}))
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (folder / "psoas-progress--hal.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 100)
    report = collect(folder)
    skipped = {path.name: reason for path, reason in report.skipped}
    assert set(skipped) == {"eve.json", "notes.txt", "other.json", ".psoas-release--fay.json.abc.tmp", "bin.json",
                            "types.json", "newer.json", "deep.json", "psoas-progress--hal.sqlite3"}
    assert "not valid JSON" in skipped["eve.json"]
    assert "not a psoas progress file" in skipped["other.json"]
    assert "unfinished write" in skipped[".psoas-release--fay.json.abc.tmp"]
    assert "malformed" in skipped["types.json"]
    assert "written by a newer version of psoas_lib" in skipped["newer.json"]
    assert "nested too deeply" in skipped["deep.json"]
    assert "not readable progress: not a readable progress store" in skipped["psoas-progress--hal.sqlite3"]
    assert len(report.rows) == 5
    text = summary_text(report)
    assert "landmarks/pulse: 1 of 4 correct; most common wrong answer (2x): Move more medial" in text
    assert "skipped eve.json: not readable progress" in text and "4 hand-in(s) counted, 9 file(s) skipped." in text


def test_students_stores_gathered_by_hand_are_read_like_hand_ins(tmp_path):
    """A laptop class has no collection folder: the instructor gathers each student's store."""
    folder = class_folder(tmp_path)
    gathered = Progress("psoas-release", student="eve", directory=folder)
    gathered.record("landmarks", "pulse", "Press deeper", False)
    Progress("psoas-release", student="ana", directory=folder).record("landmarks", "pulse", "again", True)
    report = collect(folder)
    assert report.students == ["ana", "ben", "cai", "dee", "eve"]
    assert [(p.name, r) for p, r in report.skipped] == [
        ("psoas-progress--ana.sqlite3", "a second file of ana for psoas-release (counted: psoas-release--ana.hand-in.json)")]
    assert listing_after(folder) == listing_before(folder)


def listing_before(folder):
    return sorted((p.name, p.stat().st_mtime_ns) for p in folder.iterdir())


listing_after = listing_before


def test_a_huge_file_is_skipped_without_being_read(tmp_path):
    folder = class_folder(tmp_path)
    with (folder / "huge.json").open("wb") as huge:
        huge.truncate(MAX_BYTES + 1)
    assert [(p.name, r) for p, r in collect(folder).skipped] == [
        ("huge.json", f"too large ({MAX_BYTES + 1} bytes; the limit is {MAX_BYTES})")]


def test_a_fifo_is_skipped_without_waiting_for_a_writer(tmp_path):
    folder = class_folder(tmp_path)
    os.mkfifo(folder / "psoas-release--zed.json")
    # In a child process with a time limit: a report that opened the FIFO would wait for ever.
    script = textwrap.dedent(f"""
        from psoas_lib.report import collect
        print([(p.name, r) for p, r in collect({str(folder)!r}).skipped])
    """)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=True)
    assert "('psoas-release--zed.json', 'not a regular file (a FIFO, socket or device): not opened')" in out.stdout


def test_symlinks_are_not_followed_out_of_the_folder(tmp_path):
    folder = class_folder(tmp_path)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    hand_in(outside, "mallory", "landmarks", "pulse", "Press deeper", False)
    (folder / "psoas-release--mallory.json").symlink_to(outside / "psoas-release--mallory.hand-in.json")
    (folder / "linked-folder").symlink_to(outside)
    report = collect(folder)
    assert "mallory" not in report.students
    assert sorted((p.name, r) for p, r in report.skipped) == [
        ("linked-folder", "a symbolic link: not followed"),
        ("psoas-release--mallory.json", "a symbolic link: not followed")]


def test_unreadable_files_and_folders_are_named(tmp_path):
    folder = class_folder(tmp_path)
    (folder / "ana").mkdir()
    (folder / "ana" / "psoas-release--ana.json").write_text("{}")
    (folder / "ana").chmod(0o000)
    (folder / "psoas-release--ben.hand-in.json").chmod(0o000)
    script = f"from psoas_lib.report import collect, summary_text; print(summary_text(collect({str(folder)!r})))"
    as_a_user = (["setpriv", "--inh-caps=-dac_override,-dac_read_search",
                  "--bounding-set=-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else [])
    try:
        out = subprocess.run([*as_a_user, sys.executable, "-c", script], capture_output=True, text=True,
                             timeout=60, check=True).stdout
    finally:
        (folder / "ana").chmod(0o755)
        (folder / "psoas-release--ben.hand-in.json").chmod(0o644)
    assert "skipped ana: a folder that could not be read (Permission denied)" in out
    assert "skipped psoas-release--ben.hand-in.json: could not be read (Permission denied)" in out
    assert "3 hand-in(s) counted, 2 file(s) skipped." in out


def test_deep_nesting_stops_at_the_limit_and_says_where(tmp_path):
    folder = class_folder(tmp_path)
    deep = folder.joinpath(*["ana"] * (MAX_DEPTH + 2))
    deep.mkdir(parents=True)
    (deep / "x.json").write_text("{}")
    report = collect(folder)
    assert [(p.relative_to(folder).parts.__len__(), r) for p, r in report.skipped] == [
        (MAX_DEPTH + 1, f"a folder nested deeper than {MAX_DEPTH} levels: not read")]


def test_another_lessons_hand_ins_are_reported_apart(tmp_path):
    folder = class_folder(tmp_path)
    hand_in(folder, "ana", "landmarks", "pulse", "Press deeper", False, lesson="hip-mobilisation")
    report = collect(folder)
    assert report.lessons == ["hip-mobilisation", "psoas-release"]
    pulse = {(s.lesson, s.question): s for s in report.summary()}
    assert pulse[("psoas-release", "landmarks/pulse")].answered == 4
    assert pulse[("hip-mobilisation", "landmarks/pulse")].answered == 1
    text = summary_text(report)
    assert "lesson hip-mobilisation: 1 students, 1 answers." in text and "lesson psoas-release: 4 students" in text


def test_report_command_writes_both_csv_files_and_runs_twice(tmp_path, capsys):
    folder = class_folder(tmp_path)
    assert main(["report", str(folder)]) == 0
    assert main(["report", str(folder)]) == 0  # its own CSV files are not read as students' files
    out = capsys.readouterr().out
    assert "skipped" not in out.replace("0 file(s) skipped", "")
    with (folder / "class-summary.csv").open() as f:
        rows = list(csv.DictReader(f))
    pulse = next(r for r in rows if r["question"] == "landmarks/pulse")
    assert (pulse["lesson"], pulse["answered"], pulse["correct"], pulse["most_common_wrong_answer"]) == (
        "psoas-release", "4", "1", "Move more medial")
    with (folder / "class-results.csv").open() as f:
        assert len(list(csv.DictReader(f))) == 5


def test_formula_cells_are_neutralised_in_the_csv_files(tmp_path):
    folder = tmp_path / "collect"
    folder.mkdir()
    for number, answer in enumerate(["=HYPERLINK(\"http://x\")", "+1", "-3.0,0.0", "@SUM(A1)", "\tx", "\rx", "ok"]):
        hand_in(folder, f"s{number}", "landmarks", "pulse", answer, False)
    hand_in(folder, "=cmd|' /C calc'!A0", "cases", "q", "x", True)
    assert main(["report", str(folder), "--output", str(tmp_path)]) == 0
    with (tmp_path / "class-results.csv").open(newline="") as f:
        rows = list(csv.DictReader(f))
    assert sorted(row["answer"] for row in rows if row["question"] == "landmarks/pulse") == sorted(
        ["'=HYPERLINK(\"http://x\")", "'+1", "'-3.0,0.0", "'@SUM(A1)", "'\tx", "'\rx", "ok"])
    assert "'=cmd|' /C calc'!A0" in [row["student"] for row in rows]
    with (tmp_path / "class-summary.csv").open(newline="") as f:
        pulse = next(row for row in csv.DictReader(f) if row["question"] == "landmarks/pulse")
    assert pulse["most_common_wrong_answer"].startswith("'")


def test_control_characters_and_escape_codes_are_not_printed(tmp_path, capsys):
    folder = tmp_path / "collect"
    folder.mkdir()
    hand_in(folder, "ana", "landmarks", "pulse", "\x1b[2J\x1b]0;pwned\x07Press\rdeeper\u202e", False)
    (folder / "bad\x1b[31mname.json").write_text("{")
    assert main(["report", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "\u202e" not in out and "\x07" not in out
    assert "most common wrong answer (1x): Pressdeeper" in out and "skipped badname.json" in out


def test_the_csv_files_are_written_atomically_never_through_a_symlink(tmp_path):
    folder = class_folder(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    (folder / "class-results.csv").symlink_to(victim)
    assert main(["report", str(folder)]) == 0
    assert victim.read_text() == "precious" and not (folder / "class-results.csv").is_symlink()
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("arguments, said", [
    (["report", "{tmp}/nope"], "nope: no such folder"),
    (["report", "{tmp}", "--output", "{tmp}/missing"], "--output {tmp}/missing: no such folder"),
    (["report"], "the following arguments are required: DIR"),
    (["report", "{tmp}", "--bogus"], "unrecognized arguments: --bogus"),
])
def test_bad_arguments_get_one_line_and_exit_2(tmp_path, capsys, arguments, said):
    try:
        status = main([argument.format(tmp=tmp_path) for argument in arguments])
    except SystemExit as stop:
        status = stop.code
    err = capsys.readouterr().err
    assert status == 2 and err.count("\n") == 1 and said.format(tmp=tmp_path) in err


def test_an_output_folder_that_is_not_writable_gets_one_line_and_exit_2(tmp_path):
    folder = class_folder(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o555)
    as_a_user = (["setpriv", "--inh-caps=-dac_override,-dac_read_search",
                  "--bounding-set=-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else [])
    result = subprocess.run([*as_a_user, sys.executable, "-m", "psoas_lib", "report", str(folder), "--output",
                             str(locked)], capture_output=True, text=True, timeout=60)
    locked.chmod(0o755)
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "not writable" in result.stderr
    assert list(locked.iterdir()) == []


def test_on_a_hub_a_file_counts_only_when_the_students_own_account_handed_it_in(tmp_path):
    folder = class_folder(tmp_path)
    owners = {"psoas-release--ana.hand-in.json": "psoas-ana", "psoas-release--ben.hand-in.json": "psoas-cai"}
    report = collect(folder, "psoas-", owner=lambda path: owners.get(path.name, "psoas-" + path.name.split("--")[1].split(".")[0]))
    assert report.students == ["ana", "cai", "dee"]
    assert [(path.name, reason) for path, reason in report.skipped] == [
        ("psoas-release--ben.hand-in.json", "handed in from the account psoas-cai, not ben's: not counted as ben's")]
    assert collect(folder).students == ["ana", "ben", "cai", "dee"]  # a laptop's folder: no accounts to check


def test_hub_ownership_is_that_of_the_file_itself_never_a_symlinks_target(tmp_path):
    from psoas_lib.report import file_owner

    target = tmp_path / "target"
    target.write_text("x")
    (tmp_path / "link").symlink_to(target)
    os.lchown(tmp_path / "link", 65534, 65534)
    assert file_owner(tmp_path / "link") != file_owner(target) or os.geteuid() != 0


def test_in_per_student_folders_a_file_counts_only_in_the_students_own_folder(tmp_path):
    folder = tmp_path / "collect"
    for student in ("ana", "ben"):
        (folder / student).mkdir(parents=True)
        hand_in(folder / student, student, "landmarks", "pulse", "x", True, homes=tmp_path / "homes")
    (folder / "ben" / "nested").mkdir()
    hand_in(folder / "ben" / "nested", "ana", "landmarks", "pulse", "y", False, homes=tmp_path / "homes")
    report = collect(folder)
    assert report.students == ["ana", "ben"]
    assert [row.answer.answer for row in report.rows if row.student == "ana"] == ["x"]
    assert [(path.relative_to(folder).as_posix(), reason) for path, reason in report.skipped] == [
        ("ben/nested/psoas-release--ana.hand-in.json", "handed in from the folder ben/, not ana's: not counted as ana's")]


def test_csv_cells_and_printed_text_are_made_safe():
    assert [csv_cell(v) for v in ["=1", "+1", "-1", "@a", "\ta", "\ra", "a=1", 3]] == [
        "'=1", "'+1", "'-1", "'@a", "'\ta", "'\ra", "a=1", 3]
    assert printable("a\x1b[1;31mb\x1b]8;;http://x\x1b\\c\x00d\x9be\u2066f") == "abcdef"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["a.json", "psoas-release--b.hand-in.json", "c/d.json", "c/e.txt", "f/g/h.json",
                                           "x.sqlite3", "y.json.tmp"]),
                          st.one_of(st.binary(max_size=300),
                                    st.builds(lambda s: s.encode(), st.text(max_size=300)),
                                    st.sampled_from([(FIXTURES / "v1-progress.json").read_bytes()]))),
                max_size=8))
def test_the_report_reads_any_folder_of_random_files(tmp_path, files):
    import tempfile

    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for name, content in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    report = collect(folder)
    regular = {p for p in folder.rglob("*") if p.is_file()}
    assert report.hand_ins + len(report.skipped) == len(regular)
    assert all(reason for _path, reason in report.skipped)
    text = summary_text(report)
    assert not any(ch in text for ch in "\x1b\x00\r\x07")
