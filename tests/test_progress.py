"""Is a student's progress kept whatever happens: several kernels at once, crashes, old files, failing disks?"""

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_lib.progress import (
    Answer, CorruptProgress, NewerProgress, Progress, ProgressError, default_collect_directory, parse_progress,
    read_store,
)

FIXTURES = Path(__file__).parent / "fixtures" / "progress"


def fixed_clock():
    return datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


def open_progress(folder, **kwargs):
    return Progress("psoas-release", student="ana", directory=folder, clock=fixed_clock, **kwargs)


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_answers_are_saved_after_every_answer_and_reloaded(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "pulse", "Move more medial", False)
    progress.record("landmarks", "pulse", "Move more lateral", True)
    reopened = open_progress(tmp_path)
    answer = reopened.get("landmarks", "pulse")
    assert (answer.answer, answer.correct, answer.attempts) == ("Move more lateral", True, 2)
    assert answer.at == "2026-11-25T09:30:00+00:00"
    assert reopened.score("landmarks") == (1, 1)
    assert [a["answer"] for a in reopened.history()] == ["Move more medial", "Move more lateral"]


def test_creating_a_progress_object_touches_no_file(tmp_path):
    Progress("psoas-release", student="ana", directory=tmp_path / "progress")
    assert not (tmp_path / "progress").exists()


def test_score_counts_only_that_exercise(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "a", "x", True)
    progress.record("landmarks", "b", "y", False)
    progress.record("sequencing", "order", "z", True)
    assert progress.score("landmarks") == (1, 2)
    assert progress.score("sequencing") == (1, 1)


def test_reset_forgets_the_answers_of_that_lesson_only(tmp_path):
    progress = open_progress(tmp_path)
    other = Progress("another-lesson", student="ana", directory=tmp_path)
    progress.record("landmarks", "a", "x", True)
    other.record("landmarks", "a", "kept", True)
    assert progress.reset()
    assert open_progress(tmp_path).answers == {} and progress.history() == []
    assert other.get("landmarks", "a").answer == "kept"
    progress.record("landmarks", "a", "again", False)
    assert progress.get("landmarks", "a").attempts == 1


def test_students_do_not_share_a_store(tmp_path):
    open_progress(tmp_path).record("landmarks", "a", "x", True)
    other = Progress("psoas-release", student="ben/../../etc", directory=tmp_path, clock=fixed_clock)
    assert other.answers == {}
    assert other.path.parent == tmp_path


def test_two_progress_objects_interleaved_lose_nothing(tmp_path):
    """Two notebooks of one student (two kernels, or JupyterLab and Voila) answering in turn."""
    lab, voila = open_progress(tmp_path), open_progress(tmp_path)
    for turn in range(10):
        lab.record("landmarks", "pulse", f"lab {turn}", False)
        voila.record("landmarks", "pulse", f"voila {turn}", True)
        voila.record("cases", f"case{turn}", "x", True)
    for progress in (lab, voila):
        pulse = progress.get("landmarks", "pulse")
        assert (pulse.answer, pulse.attempts) == ("voila 9", 20)
        assert len(progress.answers) == 11 and len(progress.history()) == 30


RECORDER = textwrap.dedent("""
    import sys
    from psoas_lib.progress import Progress
    folder, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    progress = Progress("psoas-release", student="ana", directory=folder)
    print("ready", flush=True)
    for number in range(count):
        if progress.record("race", f"{name}{number % 7}", f"{name} {number}", number % 2 == 0) is None:
            sys.exit(progress.problem)
""")


def test_two_processes_recording_200_answers_each_keep_all_400(tmp_path):
    children = [subprocess.Popen([sys.executable, "-c", RECORDER, str(tmp_path), name, "200"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for name in "ab"]
    for child in children:
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err
    progress = open_progress(tmp_path)
    assert len(progress.history()) == 400
    assert sum(answer.attempts for answer in progress.answers.values()) == 400
    assert progress.get("race", "a0").answer == "a 196" and progress.get("race", "b6").attempts == 28


def test_killing_a_recording_process_50_times_never_damages_the_store(tmp_path):
    rng = random.Random(14)
    kept = 0
    for _kill in range(50):
        child = subprocess.Popen([sys.executable, "-c", RECORDER, str(tmp_path), "k", "100000"],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        progress = open_progress(tmp_path)
        history = progress.history()
        assert progress.problem == "" and progress.notice == ""
        assert len(history) >= kept  # nothing saved before is ever lost
        kept = len(history)
    assert kept > 0
    assert listing(tmp_path) == ["psoas-progress--ana.sqlite3"]  # no journal, no temp file left behind


# -- version 1 files, newer and damaged stores ---------------------------------------------------------------

V1 = {"format": "psoas-progress", "version": 1, "lesson": "psoas-release", "student": "ana",
      "answers": {"landmarks/pulse": {"answer": "Move more lateral", "correct": True, "attempts": 3,
                                      "at": "2026-11-20T10:00:00+00:00"}}}


def test_a_version_1_file_is_imported_once_and_kept_renamed(tmp_path):
    v1 = tmp_path / "psoas-release--ana.json"
    v1.write_text(json.dumps(V1))
    progress = open_progress(tmp_path)
    assert listing(tmp_path) == ["psoas-release--ana.json"]  # nothing happens before opening
    assert progress.open()
    pulse = progress.get("landmarks", "pulse")
    assert (pulse.answer, pulse.correct, pulse.attempts) == ("Move more lateral", True, 3)
    assert listing(tmp_path) == ["psoas-progress--ana.sqlite3", "psoas-release--ana.json.imported-v1"]
    assert json.loads((tmp_path / "psoas-release--ana.json.imported-v1").read_text()) == V1
    progress.record("landmarks", "pulse", "Move more medial", False)
    assert open_progress(tmp_path).get("landmarks", "pulse").attempts == 4


def test_the_frozen_version_1_fixture_still_imports(tmp_path):
    (tmp_path / "psoas-release--ana.json").write_bytes((FIXTURES / "v1-progress.json").read_bytes())
    answers = open_progress(tmp_path).answers
    assert set(answers) == {"palpation/placement", "palpation/depth", "landmarks/pulse"}
    assert answers["palpation/placement"].attempts == 2


def test_a_version_1_file_that_is_a_symlink_is_not_imported(tmp_path):
    other = tmp_path / "ben.json"
    other.write_text(json.dumps({**V1, "student": "ben"}))
    home = tmp_path / "ana"
    home.mkdir()
    (home / "psoas-release--ana.json").symlink_to(other)
    progress = open_progress(home)
    assert progress.answers == {}
    assert "not imported" in progress.notice and (home / "psoas-release--ana.json").is_symlink()


@pytest.mark.parametrize("damage", [b"{not json", b'{"format": "other"}', b"\xff\xfe",
                                    b'{"format": "psoas-progress", "version": 1, "answers": {"a/b": {"x": 1}}}',
                                    json.dumps({**V1, "answers": {"a/b": {**V1["answers"]["landmarks/pulse"],
                                                                          "correct": "yes"}}}).encode()])
def test_a_damaged_version_1_file_is_kept_aside_with_a_message(tmp_path, damage):
    (tmp_path / "psoas-release--ana.json").write_bytes(damage)
    progress = open_progress(tmp_path)
    assert progress.answers == {}
    kept = list(tmp_path.glob("*.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == damage
    assert str(kept[0]) in progress.notice and "could not be read" in progress.notice


@pytest.mark.parametrize("damage", [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\x00" * 200])
def test_a_damaged_store_is_kept_aside_never_overwritten(tmp_path, damage):
    progress = open_progress(tmp_path)
    progress.path.write_bytes(damage)
    reopened = open_progress(tmp_path)
    assert reopened.record("landmarks", "a", "x", True) is not None
    kept = list(tmp_path.glob("psoas-progress--ana.damaged-*.sqlite3"))
    assert len(kept) == 1 and kept[0].read_bytes() == damage
    assert str(kept[0]) in reopened.notice and "could not be read" in reopened.notice


def test_another_programs_database_is_kept_aside(tmp_path):
    progress = open_progress(tmp_path)
    with sqlite3.connect(progress.path) as db:
        db.execute("CREATE TABLE notes (text)")
    db.close()
    assert progress.record("landmarks", "a", "x", True) is not None
    assert len(list(tmp_path.glob("*.damaged-*.sqlite3"))) == 1


def test_a_store_from_a_newer_version_is_named_as_such_and_left_alone(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "a", "x", True)
    db = sqlite3.connect(progress.path)
    db.execute("PRAGMA user_version = 3")
    db.close()
    before = progress.path.read_bytes()
    newer = open_progress(tmp_path)
    assert newer.record("landmarks", "a", "y", False) is None
    assert "written by a newer version of psoas_lib" in newer.problem and "update psoas_lib" in newer.problem
    assert "damaged" not in newer.problem and newer.notice == ""
    assert progress.path.read_bytes() == before and listing(tmp_path) == ["psoas-progress--ana.sqlite3"]


def test_the_store_can_be_read_without_writing_to_it(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "a", "x", True, "f")
    progress.path.chmod(0o444)
    assert read_store(progress.path, "psoas-release") == progress.answers
    assert listing(tmp_path) == ["psoas-progress--ana.sqlite3"]
    (tmp_path / "link.sqlite3").symlink_to(progress.path)
    with pytest.raises(CorruptProgress, match="not a regular file"):
        read_store(tmp_path / "link.sqlite3", "psoas-release")
    db = sqlite3.connect(progress.path)
    db.execute("PRAGMA user_version = 7")
    db.close()
    with pytest.raises(NewerProgress, match="update psoas_lib"):
        read_store(progress.path, "psoas-release")


def test_a_hand_in_from_a_newer_version_is_named_as_such():
    with pytest.raises(NewerProgress, match="newer version of psoas_lib"):
        parse_progress(json.dumps({**V1, "version": 3}).encode())


# -- changed questions -------------------------------------------------------------------------------------

def test_an_answer_to_a_changed_question_is_kept_in_the_history_but_not_shown_as_the_answer(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "pulse", "Move more lateral", True, fingerprint="asked-first")
    assert progress.get("landmarks", "pulse", "asked-first").answer == "Move more lateral"
    assert progress.get("landmarks", "pulse", "asked-now") is None
    assert progress.changed("landmarks", "pulse", "asked-now").answer == "Move more lateral"
    progress.record("landmarks", "pulse", "Press deeper", False, fingerprint="asked-now")
    now = progress.get("landmarks", "pulse", "asked-now")
    assert (now.answer, now.attempts) == ("Press deeper", 1)  # attempts count the question as now asked
    assert progress.changed("landmarks", "pulse", "asked-now") is None
    assert [a["fingerprint"] for a in progress.history()] == ["asked-first", "asked-now"]


# -- every failure said once, in words ---------------------------------------------------------------------

def failing(progress):
    """Record twice; the problem is said once to a listener, and neither answer claims to be saved."""
    heard = []
    progress.on_problem(heard.append)
    results = [progress.record("landmarks", "a", "x", True), progress.record("landmarks", "b", "y", True)]
    assert results == [None, None] and len(heard) == 1 and heard[0] == progress.problem
    return progress.problem


def test_a_progress_folder_that_is_a_file_is_said(tmp_path):
    (tmp_path / "progress").write_text("not a folder")
    assert "is not a folder" in failing(open_progress(tmp_path / "progress"))


def test_a_progress_folder_that_cannot_be_created_is_said(tmp_path):
    (tmp_path / "file").write_text("x")
    assert "could not be created" in failing(open_progress(tmp_path / "file" / "progress"))


def test_a_symlink_where_the_store_should_be_is_refused_not_followed(tmp_path):
    elsewhere = tmp_path / "ben.sqlite3"
    open_progress(tmp_path / "ben").record("landmarks", "a", "ben's", True)
    os.replace(tmp_path / "ben" / "psoas-progress--ana.sqlite3", elsewhere)
    before = elsewhere.read_bytes()
    (tmp_path / "psoas-progress--ana.sqlite3").symlink_to(elsewhere)
    progress = open_progress(tmp_path)
    assert "is a symbolic link: it is not followed" in failing(progress)
    assert progress.answers == {} and elsewhere.read_bytes() == before


def test_a_folder_where_the_store_should_be_is_said(tmp_path):
    (tmp_path / "psoas-progress--ana.sqlite3").mkdir()
    assert "is not a file" in failing(open_progress(tmp_path))


def test_a_full_disk_is_said_and_saving_resumes_when_there_is_room(tmp_path, monkeypatch):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "first", "x", True)
    connect = sqlite3.connect

    def no_room(*args, **kwargs):  # the store may not grow: what a full disk does to SQLite
        db = connect(*args, **kwargs)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
        return db

    monkeypatch.setattr(sqlite3, "connect", no_room)
    for number in range(200):  # fill the last page
        if progress.record("landmarks", f"q{number}", "x" * 100, True) is None:
            break
    assert "is full" in progress.problem
    monkeypatch.setattr(sqlite3, "connect", connect)
    assert progress.record("landmarks", "later", "x", True) is not None and progress.problem == ""
    assert progress.get("landmarks", "first") is not None


def test_a_store_locked_for_longer_than_the_busy_timeout_is_said(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "a", "x", True)
    progress.busy_seconds = 0.2
    holder = sqlite3.connect(progress.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        problem = failing(progress)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "in use by another program for more than 0.2 seconds" in problem
    assert progress.record("landmarks", "c", "z", True) is not None


# Root may write anywhere: as root, the child runs without the capabilities that override file permissions.
AS_AN_ORDINARY_USER = (["setpriv", "--inh-caps=-dac_override,-dac_read_search",
                        "--bounding-set=-dac_override,-dac_read_search", "--"] if os.geteuid() == 0 else [])


def test_a_progress_folder_that_is_not_writable_is_said(tmp_path):
    folder = tmp_path / "progress"
    folder.mkdir(mode=0o555)
    script = textwrap.dedent(f"""
        from psoas_lib.progress import Progress
        progress = Progress("psoas-release", student="ana", directory={str(folder)!r})
        print(progress.record("landmarks", "a", "x", True), progress.problem)
    """)
    try:
        out = subprocess.run([*AS_AN_ORDINARY_USER, sys.executable, "-c", script], capture_output=True, text=True,
                             check=True).stdout
    finally:
        folder.chmod(0o755)
    assert out.startswith("None ") and "is not writable" in out
    assert listing(folder) == []


# -- hand-in -----------------------------------------------------------------------------------------------

def test_handing_in_exports_the_answers_and_their_history_as_the_students_one_file(tmp_path):
    collection = tmp_path / "collect"
    collection.mkdir()
    progress = Progress("psoas-release", student="ana", directory=tmp_path / "home", clock=fixed_clock)
    progress.record("palpation", "depth", "fast", False)
    progress.record("palpation", "depth", "slow", True)
    first = progress.hand_in(collection)
    progress.record("palpation", "placement", "6.0,0.0", True)
    assert progress.hand_in(collection) == first == collection / "psoas-release--ana.hand-in.json"
    handed_in = parse_progress(first.read_bytes())
    assert handed_in["version"] == 2 and handed_in["student"] == "ana"
    assert handed_in["answers"]["palpation/depth"] == Answer("slow", True, 2, "2026-11-25T09:30:00+00:00")
    assert [(a["question"], a["answer"]) for a in handed_in["history"]] == [
        ("depth", "fast"), ("depth", "slow"), ("placement", "6.0,0.0")]
    assert handed_in["handed_in"] == fixed_clock().isoformat(timespec="seconds")
    assert listing(collection) == ["psoas-release--ana.hand-in.json"]


def test_a_hand_in_never_writes_through_a_symlink(tmp_path):
    victim = tmp_path / "instructor-notes.txt"
    victim.write_text("mine")
    collection = tmp_path / "collect"
    collection.mkdir()
    (collection / "psoas-release--ana.hand-in.json").symlink_to(victim)
    progress = Progress("psoas-release", student="ana", directory=tmp_path / "home")
    progress.record("palpation", "depth", "slow", True)
    target = progress.hand_in(collection)
    assert victim.read_text() == "mine" and not target.is_symlink()
    assert parse_progress(target.read_bytes())["student"] == "ana"


def test_a_hand_in_of_unreadable_progress_says_why(tmp_path):
    (tmp_path / "home").write_text("a file, not a folder")
    with pytest.raises(ProgressError, match="is not a folder"):
        Progress("psoas-release", student="ana", directory=tmp_path / "home").hand_in(tmp_path)


def test_two_students_hand_in_side_by_side(tmp_path):
    for student in ("ana", "ben"):
        progress = Progress("psoas-release", student=student, directory=tmp_path / student)
        progress.record("palpation", "depth", student, True)
        progress.hand_in(tmp_path)
    for student in ("ana", "ben"):
        data = parse_progress((tmp_path / f"psoas-release--{student}.hand-in.json").read_bytes())
        assert data["student"] == student and data["answers"]["palpation/depth"].answer == student


def test_the_collection_folder_comes_from_the_hub(monkeypatch, tmp_path):
    monkeypatch.delenv("PSOAS_COLLECT_DIR", raising=False)
    assert default_collect_directory() is None
    monkeypatch.setenv("PSOAS_COLLECT_DIR", str(tmp_path))
    assert default_collect_directory() == tmp_path


def test_parse_progress_names_the_reason_and_upgrades_version_1():
    with pytest.raises(CorruptProgress, match="not valid JSON"):
        parse_progress(b"{")
    with pytest.raises(CorruptProgress, match="malformed"):
        parse_progress(json.dumps({**V1, "answers": {"a/b": {**V1["answers"]["landmarks/pulse"],
                                                              "attempts": "3"}}}).encode())
    upgraded = parse_progress(json.dumps(V1).encode())
    assert upgraded["version"] == 2 and upgraded["history"] == []
    assert upgraded["answers"]["landmarks/pulse"].fingerprint == ""


# -- property tests: no bytes make the readers fail with anything but a message ------------------------------

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                           lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                        max_size=4), max_leaves=20)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.binary(max_size=200), json_values.map(lambda v: json.dumps(v).encode()),
                 st.dictionaries(st.sampled_from(["answers", "history", "version", "lesson", "student"]), json_values)
                 .map(lambda extra: json.dumps({**V1, "version": 2, **extra}).encode())))
def test_parse_progress_either_reads_or_says_why(raw):
    try:
        data = parse_progress(raw)
    except CorruptProgress as error:
        assert str(error)
    else:
        assert all(isinstance(answer, Answer) for answer in data["answers"].values())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=2048), st.integers(0, 4096))
def test_any_bytes_in_the_store_are_read_or_kept_aside(tmp_path, noise, offset):
    """Random bytes, or a real store with bytes overwritten: the store opens (or is kept aside); never a crash."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    progress = open_progress(folder)
    progress.record("landmarks", "a", "x", True)
    store = bytearray(progress.path.read_bytes())
    store[offset:offset + len(noise)] = noise
    progress.path.write_bytes(bytes(store) if offset else noise)
    try:
        assert isinstance(read_store(progress.path, "psoas-release"), dict)
    except CorruptProgress as error:
        assert str(error)
    reopened = open_progress(folder)
    answers = reopened.answers
    saved = reopened.record("landmarks", "b", "y", False)
    assert saved is not None or reopened.problem
    assert isinstance(answers, dict)


def test_a_version_1_file_that_cannot_be_renamed_is_imported_once_and_left(tmp_path, monkeypatch):
    (tmp_path / "psoas-release--ana.json").write_text(json.dumps(V1))

    def refuse(source, target):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    for _twice in range(2):
        progress = open_progress(tmp_path)
        assert progress.get("landmarks", "pulse").attempts == 3 and progress.problem == ""
        assert "could not be renamed (Permission denied)" in progress.notice


def test_the_frozen_version_2_store_and_hand_in_still_read(tmp_path):
    """Files written by this version, kept as they were: a change of format must still read them."""
    (tmp_path / "psoas-progress--ana.sqlite3").write_bytes((FIXTURES / "v2-store.sqlite3").read_bytes())
    progress = open_progress(tmp_path)
    placement = progress.get("palpation", "placement", "a1b2c3d4e5f60718")
    assert (placement.answer, placement.correct, placement.attempts) == ("6.0,0.0", True, 2)
    assert len(progress.history()) == 4 and progress.problem == "" and progress.notice == ""
    handed_in = parse_progress((FIXTURES / "v2-hand-in.json").read_bytes())
    assert handed_in["answers"] == read_store(FIXTURES / "v2-store.sqlite3", "psoas-release")
    assert len(handed_in["history"]) == 4
