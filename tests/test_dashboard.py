"""Does the class dashboard tell the instructor who handed in and when, which questions were hard at the first
try and which wrong answers were common, in words, for any folder of hand-ins?"""

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from psoas_lib.settings import CLASS_DIR
from psoas_lib.dashboard import (EXAMPLE_HAND_INS, EXAMPLE_ROSTER, answer_text, class_folder, class_results,
                                first_try_description, hand_in_description, parse_time, question_titles,
                                read_roster)
from psoas_lib.exercises.sequencing import SEPARATOR
from psoas_lib.progress import Progress
from psoas_lib.report import collect

START = datetime(2026, 12, 1, 9, 0, tzinfo=timezone.utc)
FIXTURES = Path(__file__).parent / "fixtures" / "progress"


def ticking(start=START):
    moments = iter(start + timedelta(seconds=n) for n in range(10_000))
    return lambda: next(moments)


def hand_in(folder, student, answers, handed_in=START, lesson="psoas-release"):
    """Hand in `answers` [(exercise/question, answer, correct), ...] in the student's own sub-folder."""
    progress = Progress(lesson, student=student, directory=folder.parent / "homes" / student, clock=ticking())
    for key, answer, correct in answers:
        exercise, question = key.split("/", 1)
        progress.record(exercise, question, answer, correct)
    progress._clock = lambda: handed_in
    own = folder / student
    own.mkdir(parents=True, exist_ok=True)
    return progress.hand_in(own)


@pytest.fixture
def folder(tmp_path):
    folder = tmp_path / "collect"
    hand_in(folder, "ana", [("landmarks/pulse", "Move more lateral", True)], START + timedelta(minutes=5))
    hand_in(folder, "ben", [("landmarks/pulse", "Move more medial", False), ("landmarks/pulse", "Press deeper", False),
                            ("landmarks/pulse", "Move more lateral", True)], START + timedelta(minutes=9))
    hand_in(folder, "cai", [("landmarks/pulse", "Move more medial", False)], START + timedelta(minutes=7))
    return folder


def test_who_handed_in_when_and_who_on_the_roster_has_not(folder, lesson):
    results = class_results(folder, lesson, ["ana", "ben", "cai", "dee", "eve"])
    assert [(s.student, s.handed_in) for s in results.handed_in] == [
        ("ana", START + timedelta(minutes=5)), ("ben", START + timedelta(minutes=9)),
        ("cai", START + timedelta(minutes=7))]
    assert results.missing == ["dee", "eve"]
    text = hand_in_description(results)
    assert text.startswith("3 of 5 students have handed in.")
    assert "first hand-in came at 2026-12-01 09:05 UTC, the last at 2026-12-01 09:09 UTC" in text
    assert text.endswith("Not handed in: dee, eve.")


def test_first_try_share_comes_from_each_students_first_attempt_not_their_latest(folder, lesson):
    (pulse,) = class_results(folder, lesson).questions
    # ana right at once; ben right at his third try; cai still wrong.
    assert (pulse.answered, pulse.first_try, pulse.median_attempts) == (3, 1, 1)
    assert pulse.first_try_share == pytest.approx(1 / 3)


def test_common_wrong_answers_count_students_who_gave_them_even_when_they_later_got_it_right(folder, lesson):
    (pulse,) = class_results(folder, lesson).questions
    assert [(w.text, w.students) for w in pulse.wrong] == [("Move more medial", 2), ("Press deeper", 1)]


def test_a_student_giving_the_same_wrong_answer_twice_counts_once(tmp_path, lesson):
    folder = tmp_path / "collect"
    hand_in(folder, "ana", [("landmarks/pulse", "Move more medial", False)] * 3)
    (pulse,) = class_results(folder, lesson).questions
    assert [(w.text, w.students) for w in pulse.wrong] == [("Move more medial", 1)]
    assert pulse.median_attempts == 3


def test_questions_are_named_in_words_and_ordered_hardest_first(tmp_path, lesson):
    folder = tmp_path / "collect"
    case = lesson.indications[0]
    hand_in(folder, "ana", [("palpation/depth", "fast", False), ("palpation/depth", "slow", True),
                            (f"cases/{case.id}", "x", True)])
    results = class_results(folder, lesson)
    assert [q.title for q in results.questions] == ["How fast to sink in", case.title]
    assert [w.text for w in results.questions[0].wrong] == ["Sink in quickly"]
    assert first_try_description(results) == (
        "Share of students right at their first try, hardest question first. How fast to sink in: 0 of 1 right at "
        "the first try (0%). Every student who answered was right at the first try in the other 1 question(s).")


def test_every_question_of_the_lesson_has_a_title_in_words(lesson):
    titles = question_titles(lesson)
    assert len(titles) == (len(lesson.indications) + 2 + len(lesson.palpation.confirmation)
                           + len(lesson.quizzes.landmarks) + 1 + 2 * len(lesson.progression.movements))
    assert all(title.strip() for title in titles.values())


def test_orders_speeds_and_positions_are_shown_in_words(lesson):
    first, second = lesson.progression.movements[:2]
    assert answer_text(lesson, "sequencing/order", SEPARATOR.join([second.id, first.id])) == (
        f"{second.name} → {first.name}")
    assert answer_text(lesson, "palpation/depth", "slow") == "Sink in slowly"
    assert answer_text(lesson, "palpation/placement", "1.0,-0.5") == (
        "1.0 cm to the patient's left of the midline, 0.5 cm below the umbilicus's level")
    assert answer_text(lesson, "palpation/placement", "-6.0,0.0") == (
        "6.0 cm to the patient's right of the midline, at the umbilicus's level")
    assert answer_text(lesson, "palpation/placement", "0,2") == "on the midline, 2.0 cm above the umbilicus's level"
    assert answer_text(lesson, "palpation/placement", "here") == "here"
    assert answer_text(lesson, "landmarks/pulse", "Move more lateral") == "Move more lateral"


def test_another_lessons_questions_keep_their_keys(tmp_path, lesson):
    folder = tmp_path / "collect"
    hand_in(folder, "ana", [("palpation/depth", "fast", False)], lesson="my-lesson")
    (question,) = class_results(folder, lesson).questions
    assert (question.lesson, question.title, question.wrong[0].text) == ("my-lesson", "palpation/depth", "fast")


def test_a_version_1_hand_in_counts_right_first_time_only_with_a_single_try(tmp_path, lesson):
    folder = tmp_path / "collect"
    folder.mkdir()
    v1 = json.loads((FIXTURES / "v1-progress.json").read_text())
    (folder / "psoas-release--eve.json").write_text(json.dumps({**v1, "student": "eve", "history": "junk"}))
    report = collect(folder)
    assert report.skipped == [] and report.handed[0].history == ()
    results = class_results(folder, lesson)
    expected = {key: a["correct"] and a["attempts"] == 1 for key, a in v1["answers"].items()}
    assert {q.key: q.first_try == 1 for q in results.questions} == expected
    assert results.handed_in[0].handed_in is None


def test_a_forged_hand_in_is_listed_as_skipped_and_its_student_is_not_counted(folder, lesson):
    ana = json.loads((folder / "ana/psoas-release--ana.hand-in.json").read_text())
    (folder / "ben" / "psoas-release--dee.hand-in.json").write_text(json.dumps({**ana, "student": "dee"}))
    results = class_results(folder, lesson, ["ana", "ben", "cai", "dee"])
    assert results.missing == ["dee"]
    assert results.skipped == [("ben/psoas-release--dee.hand-in.json",
                                "handed in from the folder ben/, not dee's: not counted as dee's")]


def test_a_folder_that_does_not_exist_is_said_not_raised(tmp_path, lesson):
    results = class_results(tmp_path / "nowhere", lesson, ["ana"])
    assert results.missing == ["ana"] and results.questions == []
    assert "could not be read" in results.skipped[0][1]
    assert first_try_description(results) == "No answers have been handed in yet."


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-12-01T09:05:00+00:00", START + timedelta(minutes=5)),
    ("2026-12-01T10:05:00+01:00", START + timedelta(minutes=5)),
    ("2026-12-01T09:05:00", START + timedelta(minutes=5)),
    ("yesterday", None), ("", None)])
def test_hand_in_times_are_read_in_utc_or_not_at_all(text, expected):
    assert parse_time(text) == expected


def test_the_folder_is_the_one_given_else_the_variable_else_the_example_class(monkeypatch, tmp_path):
    monkeypatch.delenv(CLASS_DIR.variable, raising=False)
    assert class_folder() == EXAMPLE_HAND_INS
    monkeypatch.setenv(CLASS_DIR.variable, str(tmp_path))
    assert class_folder() == tmp_path
    assert class_folder(tmp_path / "x") == tmp_path / "x"


def test_a_roster_file_is_read_as_the_hub_roster_command_reads_it(tmp_path):
    roster = tmp_path / "class.txt"
    roster.write_text("# group A\nana\n\n ben  # late\n")
    assert read_roster(roster) == ["ana", "ben"]
    assert read_roster(None) == []


def test_the_example_class_shows_hand_ins_missing_students_and_a_forged_file(lesson):
    results = class_results(EXAMPLE_HAND_INS, lesson, read_roster(EXAMPLE_ROSTER))
    assert [s.student for s in results.handed_in] == ["ana", "ben", "carla", "dev"]
    assert results.missing == ["emil", "farah"]
    assert [reason for _file, reason in results.skipped] == [
        "handed in from the folder carla/, not ben's: not counted as ben's"]
    assert results.questions[0].first_try_share < results.questions[-1].first_try_share
    assert set(question_titles(lesson)) >= {q.key for q in results.questions}
    dev = next(s for s in results.students if s.student == "dev")
    assert dev.answered["03_progressions"] == 0 and dev.answered["02_technique"] > 0


# -- any folder ---------------------------------------------------------------------------------------------------

KEYS = ["landmarks/pulse", "palpation/placement", "palpation/depth", "sequencing/order", "cases/x", "zz/\x1b[31mq"]
TEXT = st.text(max_size=40)
ATTEMPT = st.fixed_dictionaries({
    "exercise": st.sampled_from(["landmarks", "palpation", "sequencing", "zz"]),
    "question": st.sampled_from(["pulse", "placement", "depth", "order", "x"]),
    "fingerprint": st.sampled_from(["", "f1"]), "answer": TEXT, "correct": st.booleans(), "at": TEXT,
    "tries": st.integers(-3, 5)})
ANSWER = st.fixed_dictionaries({"answer": TEXT, "correct": st.booleans(), "attempts": st.integers(1, 5), "at": TEXT,
                                "fingerprint": st.sampled_from(["", "f1"])})
HAND_IN = st.fixed_dictionaries({
    "format": st.just("psoas-progress"), "version": st.just(2),
    "lesson": st.sampled_from(["psoas-release", "other", "\x1b]0;x\x07"]),
    "student": st.sampled_from(["ana", "ben", "", "\u202eevil"]),
    "answers": st.dictionaries(st.sampled_from(KEYS), ANSWER, max_size=4),
    "history": st.lists(ATTEMPT, max_size=6),
    "handed_in": st.one_of(TEXT, st.integers(), st.none(), st.lists(st.integers(), max_size=2),
                           st.datetimes(timezones=st.just(timezone.utc)).map(datetime.isoformat))})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["ana", "ben", "x"]), HAND_IN), max_size=5),
       st.lists(st.sampled_from(["ana", "ben", "cai"]), max_size=3))
def test_any_folder_of_well_formed_but_strange_hand_ins_gives_a_consistent_dashboard(tmp_path, lesson, files, roster):
    import tempfile

    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    for number, (sub, data) in enumerate(files):
        (folder / sub).mkdir(exist_ok=True)
        (folder / sub / f"h{number}.json").write_text(json.dumps(data))
    results = class_results(folder, lesson, roster)
    assert len(results.handed_in) + len(results.missing) == len(results.students)
    assert set(roster) <= {s.student for s in results.students}
    for question in results.questions:
        assert 0 <= question.first_try <= question.answered
        assert all(0 < wrong.students <= question.answered for wrong in question.wrong)
    words = hand_in_description(results) + first_try_description(results) + str(results.skipped)
    words += "".join(q.title + "".join(w.text for w in q.wrong) for q in results.questions)
    assert not any(ch in words for ch in "\x1b\x00\x07\u202e")
