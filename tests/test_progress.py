"""Does a student's progress survive restarts, crashes mid-write and damaged files?"""

import json
import os
import signal
import subprocess
import sys
import textwrap
from datetime import datetime, timezone

import pytest

from psoas_lib.progress import CorruptProgress, Progress, default_collect_directory, parse_progress


def fixed_clock():
    return datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc)


def open_progress(tmp_path, **kwargs):
    return Progress("psoas-release", student="ana", directory=tmp_path, clock=fixed_clock, **kwargs)


def test_answers_are_saved_after_every_answer_and_reloaded(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "pulse", "Move more medial", False)
    progress.record("landmarks", "pulse", "Move more lateral", True)
    reopened = open_progress(tmp_path)
    answer = reopened.get("landmarks", "pulse")
    assert (answer.answer, answer.correct, answer.attempts) == ("Move more lateral", True, 2)
    assert answer.at == "2026-11-25T09:30:00+00:00"
    assert reopened.score("landmarks") == (1, 1)


def test_score_counts_only_that_exercise(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "a", "x", True)
    progress.record("landmarks", "b", "y", False)
    progress.record("sequencing", "order", "z", True)
    assert progress.score("landmarks") == (1, 2)
    assert progress.score("sequencing") == (1, 1)


def test_reset_clears_the_saved_file_too(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "a", "x", True)
    progress.reset()
    assert open_progress(tmp_path).answers == {}


def test_students_do_not_share_a_file(tmp_path):
    open_progress(tmp_path).record("landmarks", "a", "x", True)
    other = Progress("psoas-release", student="ben/../../etc", directory=tmp_path, clock=fixed_clock)
    assert other.answers == {}
    assert other.path.parent == tmp_path


@pytest.mark.parametrize("damage", [b"{not json", b'{"format": "other"}', b"\xff\xfe",
                                    b'{"format": "psoas-progress", "version": 1, "answers": {"a/b": {"x": 1}}}'])
def test_a_corrupted_file_is_kept_aside_with_a_message(tmp_path, damage):
    progress = open_progress(tmp_path)
    progress.path.write_bytes(damage)
    reopened = open_progress(tmp_path)
    assert reopened.answers == {}
    kept = list(tmp_path.glob("*.corrupt-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == damage
    assert str(kept[0]) in reopened.notice and "could not be read" in reopened.notice
    reopened.record("landmarks", "a", "x", True)
    assert kept[0].read_bytes() == damage


def test_a_failed_write_leaves_the_old_file_intact(tmp_path, monkeypatch):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "a", "first", True)
    before = progress.path.read_text()

    def broken_fsync(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError):
        progress.record("landmarks", "b", "second", True)
    assert progress.path.read_text() == before
    assert [p.name for p in tmp_path.iterdir()] == [progress.path.name]


def test_a_process_killed_mid_write_loses_nothing_saved(tmp_path):
    progress = open_progress(tmp_path)
    progress.record("landmarks", "a", "first", True)
    before = progress.path.read_text()
    script = textwrap.dedent(f"""
        import os, sys, time
        from psoas_lib.progress import Progress
        def stall(fd):
            print("writing", flush=True)
            time.sleep(60)
        os.fsync = stall
        progress = Progress("psoas-release", student="ana", directory={str(tmp_path)!r})
        progress.record("landmarks", "b", "second", True)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert progress.path.read_text() == before
    reopened = open_progress(tmp_path)
    assert reopened.notice == ""
    assert set(reopened.answers) == {"landmarks/a"}


def test_parse_progress_names_the_reason():
    with pytest.raises(CorruptProgress, match="not valid JSON"):
        parse_progress(b"{")
    good = {"format": "psoas-progress", "version": 1, "answers": {}}
    assert parse_progress(json.dumps(good).encode()) == good


def test_handing_in_copies_the_answers_into_the_collection_as_the_students_one_file(tmp_path):
    collection = tmp_path / "collect"
    collection.mkdir()
    progress = Progress("psoas-release", student="ana", directory=tmp_path / "home", clock=fixed_clock)
    progress.record("palpation", "depth", "slow", True)
    first = progress.hand_in(collection)
    progress.record("palpation", "placement", "6.0,0.0", True)
    assert progress.hand_in(collection) == first == collection / "psoas-release--ana.json"
    handed_in = parse_progress(first.read_bytes())
    assert handed_in["student"] == "ana" and set(handed_in["answers"]) == {"palpation/depth", "palpation/placement"}
    assert handed_in["handed_in"] == fixed_clock().isoformat(timespec="seconds")
    assert [p.name for p in collection.iterdir()] == ["psoas-release--ana.json"]


def test_two_students_hand_in_side_by_side(tmp_path):
    for student in ("ana", "ben"):
        progress = Progress("psoas-release", student=student, directory=tmp_path / student)
        progress.record("palpation", "depth", student, True)
        progress.hand_in(tmp_path)
    for student in ("ana", "ben"):
        data = parse_progress((tmp_path / f"psoas-release--{student}.json").read_bytes())
        assert data["student"] == student and data["answers"]["palpation/depth"]["answer"] == student


def test_the_collection_folder_comes_from_the_hub(monkeypatch, tmp_path):
    monkeypatch.delenv("PSOAS_COLLECT_DIR", raising=False)
    assert default_collect_directory() is None
    monkeypatch.setenv("PSOAS_COLLECT_DIR", str(tmp_path))
    assert default_collect_directory() == tmp_path
