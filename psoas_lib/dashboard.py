"""The instructor's class dashboard as plain data, over `report.collect`: who handed in and when (and who on the
roster has not), each student's progress through the three notebooks, each question's share right at the first
try and its most common wrong answers in words, and a text description of every chart.

No widgets and no I/O beyond `collect` and reading the roster file; the view is `widgets/dashboard.py`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from statistics import median

from . import settings
from .exercises.cases import EXERCISE as CASES
from .exercises.landmarks import EXERCISE as LANDMARKS
from .exercises.matching import EXERCISE as MATCHING
from .exercises.matching import question_id
from .exercises.palpation import FAST, SLOW
from .exercises.sequencing import EXERCISE as SEQUENCING
from .exercises.sequencing import QUESTION as ORDER
from .exercises.sequencing import SEPARATOR
from .hub.roster import read_names
from .i18n import _
from .lesson.model import Lesson
from .progress import Answer
from .report import ClassReport, HandIn, collect, printable

# Example hand-ins of a small class (with one forged file, which is skipped), shown when no class is configured.
EXAMPLE_CLASS = Path(__file__).parent / "examples" / "class"
EXAMPLE_HAND_INS = EXAMPLE_CLASS / "hand-ins"
EXAMPLE_ROSTER = EXAMPLE_CLASS / "roster.txt"
PALPATION = "palpation"
# Which exercises each notebook holds (the notebooks' cells say the same).
NOTEBOOK_EXERCISES = {
    "01_anatomy": (CASES,),
    "02_technique": (PALPATION, LANDMARKS),
    "03_progressions": (SEQUENCING, MATCHING),
}
WRONG_ANSWERS_SHOWN = 3


@dataclass(frozen=True)
class StudentStatus:
    """One student of the class: whether and when they handed in, and how far each notebook got."""

    student: str
    counted: bool                # a file of theirs was counted
    handed_in: datetime | None   # their latest hand-in (None: none, or a file that does not say when)
    on_roster: bool
    answered: dict[str, int]  # per notebook, questions answered


@dataclass(frozen=True)
class WrongAnswer:
    text: str
    students: int  # how many students gave it at least once


@dataclass(frozen=True)
class QuestionResult:
    lesson: str
    key: str           # "exercise/question", as saved
    title: str         # the question in words (the key when the lesson does not know it)
    answered: int      # students who answered it
    first_try: int     # of them, right at their first try
    median_attempts: float
    wrong: tuple[WrongAnswer, ...]  # most common first

    @property
    def first_try_share(self) -> float:
        return self.first_try / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class ClassResults:
    students: list[StudentStatus]    # everyone who handed in, then everyone on the roster who did not
    questions: list[QuestionResult]  # hardest first (lowest first-try share)
    notebook_questions: dict[str, int]  # per notebook, the lesson's number of questions
    skipped: list[tuple[str, str]]   # (file, reason), printable

    @property
    def handed_in(self) -> list[StudentStatus]:
        return [s for s in self.students if s.counted]

    @property
    def missing(self) -> list[str]:
        return [s.student for s in self.students if not s.counted]


def class_folder(folder: str | Path | None = None) -> Path:
    """The hand-in folder to read: `folder`, else $PSOAS_CLASS_DIR, else the bundled example class."""
    chosen = settings.CLASS_DIR.given(folder)
    return Path(chosen) if chosen else EXAMPLE_HAND_INS


def read_roster(path: str | Path | None) -> list[str]:
    """The names on a roster file (one per line, `#` comments, as `psoas-lesson roster add --file` reads)."""
    if path is None:
        return []
    return read_names(Path(path).read_text(encoding="utf-8").splitlines())


def question_titles(lesson: Lesson) -> dict[str, str]:
    """Every question of the lesson in words, by its saved key."""
    titles = {f"{CASES}/{case.id}": case.title for case in lesson.indications}
    titles[f"{PALPATION}/placement"] = _("Where to place the fingertips")
    titles[f"{PALPATION}/depth"] = _("How fast to sink in")
    titles |= {f"{PALPATION}/{q.id}": q.prompt for q in lesson.palpation.confirmation}
    titles |= {f"{LANDMARKS}/{q.id}": q.prompt for q in lesson.quizzes.landmarks}
    titles[f"{SEQUENCING}/{ORDER}"] = _("The order of the release")
    for movement in lesson.progression.movements:
        titles[f"{MATCHING}/{question_id(movement.id, 'therapist')}"] = _(
            "{movement}: what the therapist does").format(movement=movement.name)
        titles[f"{MATCHING}/{question_id(movement.id, 'patient')}"] = _(
            "{movement}: what the patient does").format(movement=movement.name)
    return titles


def answer_text(lesson: Lesson, key: str, answer: str) -> str:
    """A saved answer in words: choices are saved as their text already; an order, a speed and a position are
    not."""
    if key == f"{SEQUENCING}/{ORDER}":
        names = {movement.id: movement.name for movement in lesson.progression.movements}
        return " → ".join(names.get(step, step) for step in answer.split(SEPARATOR))
    if key == f"{PALPATION}/depth":
        return {SLOW: _("Sink in slowly"), FAST: _("Sink in quickly")}.get(answer, answer)
    if key == f"{PALPATION}/placement":
        try:
            x_cm, y_cm = (float(part) for part in answer.split(","))
        except ValueError:
            return answer
        return position_text(x_cm, y_cm)
    return answer


def position_text(x_cm: float, y_cm: float) -> str:
    """A placement in words, in the lesson's coordinates: x towards the patient's left, y towards the head."""
    across = (_("on the midline") if x_cm == 0 else
              _("{cm:.1f} cm to the patient's left of the midline").format(cm=x_cm) if x_cm > 0 else
              _("{cm:.1f} cm to the patient's right of the midline").format(cm=-x_cm))
    level = (_("at the umbilicus's level") if y_cm == 0 else
             _("{cm:.1f} cm above the umbilicus's level").format(cm=y_cm) if y_cm > 0 else
             _("{cm:.1f} cm below the umbilicus's level").format(cm=-y_cm))
    return f"{across}, {level}"


def parse_time(text: str) -> datetime | None:
    """A hand-in's time (ISO 8601, in UTC when it names no zone), or None when it is not one."""
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _tries(answer: Answer, key: str, hand_in: HandIn | None) -> tuple[bool, set[str]]:
    """(right at the first try?, the different wrong answers given) of one student's tries at this version of a
    question: from the hand-in's history when it holds them; else (a version-1 file, a store gathered by hand)
    from the latest answer alone: right in one try, or its one wrong answer."""
    history = [a for a in (hand_in.history if hand_in else ())
               if f"{a['exercise']}/{a['question']}" == key and a["fingerprint"] == answer.fingerprint]
    if not history:
        return answer.correct and answer.attempts == 1, set() if answer.correct else {answer.answer}
    first = history[0]  # its tries > 1: an imported version-1 answer, whose earlier (wrong) tries were not kept
    return first["correct"] and first["tries"] == 1, {a["answer"] for a in history if not a["correct"]}


def class_results(folder: Path, lesson: Lesson, roster: list[str] | None = None,
                  account_prefix: str | None = None) -> ClassResults:
    """The dashboard's figures for the hand-ins in `folder` (read by `report.collect`, which skips anything it
    cannot trust), with the questions of `lesson` in words; `roster` names the class, to see who is missing."""
    report = collect(folder, account_prefix)
    return summarise(report, lesson, roster or [])


def summarise(report: ClassReport, lesson: Lesson, roster: list[str]) -> ClassResults:
    """The dashboard's figures from a class report (see `class_results`)."""
    titles = question_titles(lesson)
    hand_ins = {(hand_in.student, hand_in.lesson): hand_in for hand_in in report.handed}
    by_question: dict[tuple[str, str], list[tuple[Answer, bool, set[str]]]] = {}
    for row in report.rows:
        tries = _tries(row.answer, row.question, hand_ins.get((row.student, row.lesson)))
        by_question.setdefault((row.lesson, row.question), []).append((row.answer, *tries))
    questions = sorted((_question(lesson, titles, lesson_id, key, answers)
                        for (lesson_id, key), answers in by_question.items()),
                       key=lambda q: (q.first_try_share, q.lesson, q.key))
    return ClassResults(_students(report, roster), questions,
                        _notebook_questions(titles), _skipped(report))


def _question(lesson: Lesson, titles: dict[str, str], lesson_id: str, key: str,
              answers: list[tuple[Answer, bool, set[str]]]) -> QuestionResult:
    """One question's figures from each student's (latest answer, right at the first try?, wrong answers)."""
    known = lesson_id == lesson.id  # another lesson's questions and answers are shown as saved
    wrong = Counter(text for _latest, _first, given in answers for text in given)
    common = sorted(wrong.items(), key=lambda item: (-item[1], item[0]))[:WRONG_ANSWERS_SHOWN]
    return QuestionResult(
        lesson_id, key, printable(titles.get(key, key) if known else key), len(answers),
        sum(first for _latest, first, _given in answers), median(latest.attempts for latest, _first, _given in answers),
        tuple(WrongAnswer(printable(answer_text(lesson, key, text) if known else text), count)
              for text, count in common))


def _notebook(key: str) -> str | None:
    exercise = key.split("/", 1)[0]
    return next((name for name, exercises in NOTEBOOK_EXERCISES.items() if exercise in exercises), None)


def _notebook_questions(titles: dict[str, str]) -> dict[str, int]:
    counts = Counter(_notebook(key) for key in titles)
    return {name: counts[name] for name in NOTEBOOK_EXERCISES}


def _students(report: ClassReport, roster: list[str]) -> list[StudentStatus]:
    times: dict[str, list[datetime]] = {}
    for hand_in in report.handed:
        moment = parse_time(hand_in.handed_in)
        times.setdefault(hand_in.student, []).extend([moment] if moment else [])
    answered: dict[str, Counter] = {}
    for row in report.rows:
        answered.setdefault(row.student, Counter())[_notebook(row.question)] += 1
    return [StudentStatus(printable(name), name in times, max(times.get(name) or [None], key=_time_order),
                          name in roster, {nb: answered.get(name, Counter())[nb] for nb in NOTEBOOK_EXERCISES})
            for name in [*sorted(times), *sorted(set(roster) - set(times))]]


def _time_order(moment: datetime | None) -> datetime:
    return moment or datetime.min.replace(tzinfo=timezone.utc)


def _skipped(report: ClassReport) -> list[tuple[str, str]]:
    top = report.directory
    return [(printable(path.relative_to(top) if top and path.is_relative_to(top) and path != top else path),
             printable(reason)) for path, reason in report.skipped]


def shown_time(moment: datetime | None) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC") if moment else _("not handed in")


def hand_in_description(results: ClassResults) -> str:
    """The hand-in chart in words: how many handed in, between when and when, and who has not."""
    done = [s for s in results.handed_in if s.handed_in]
    text = _("{handed} of {total} students have handed in.").format(
        handed=len(results.handed_in), total=len(results.students))
    if done:
        first, last = min(s.handed_in for s in done), max(s.handed_in for s in done)
        text += " " + _("The first hand-in came at {first}, the last at {last}.").format(
            first=shown_time(first), last=shown_time(last))
    if results.missing:
        text += " " + _("Not handed in: {names}.").format(names=", ".join(results.missing))
    return text


def first_try_description(results: ClassResults) -> str:
    """The first-try chart in words: each question not every student got right at once, hardest first, with
    its share right at the first try; then how many questions everyone got right at once."""
    if not results.questions:
        return _("No answers have been handed in yet.")
    hard = [q for q in results.questions if q.first_try < q.answered]
    parts = [_("{question}: {right} of {answered} right at the first try ({share:.0%})").format(
        question=q.title, right=q.first_try, answered=q.answered, share=q.first_try_share) for q in hard]
    text = _("Share of students right at their first try, hardest question first.")
    if parts:
        text += " " + "; ".join(parts) + "."
    easy = len(results.questions) - len(hard)
    if easy:
        text += " " + _("Every student who answered was right at the first try in the other {count} question(s)."
                        ).format(count=easy)
    return text
