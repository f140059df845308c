"""Class results: read every student's progress file in a folder and summarise each question.

Files that are not readable progress (damaged, foreign, half-written) are listed with the reason and
skipped; one bad file never stops the report.
"""

from __future__ import annotations

import csv
import pwd
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .progress import Answer, CorruptProgress, parse_progress

RESULTS_CSV = "class-results.csv"
SUMMARY_CSV = "class-summary.csv"
OWN_OUTPUTS = {RESULTS_CSV, SUMMARY_CSV}


@dataclass(frozen=True)
class Row:
    """One student's latest answer to one question."""

    student: str
    lesson: str
    question: str  # "exercise/question"
    answer: Answer


@dataclass(frozen=True)
class QuestionSummary:
    question: str
    answered: int
    correct: int
    most_common_wrong: str
    most_common_wrong_count: int


@dataclass
class ClassReport:
    rows: list[Row] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def students(self) -> list[str]:
        return sorted({row.student for row in self.rows})

    def summary(self) -> list[QuestionSummary]:
        """Per question: how many answered, how many right, and the most common wrong answer."""
        by_question: dict[str, list[Answer]] = {}
        for row in self.rows:
            by_question.setdefault(row.question, []).append(row.answer)
        out = []
        for question, answers in sorted(by_question.items()):
            wrong = Counter(a.answer for a in answers if not a.correct).most_common(1)
            common, count = wrong[0] if wrong else ("", 0)
            out.append(QuestionSummary(question, len(answers), sum(a.correct for a in answers), common, count))
        return out


def file_owner(path: Path) -> str:
    """The name of the Unix account that owns `path` (its uid as text if the account is gone)."""
    uid = path.stat().st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def collect(directory: Path, account_prefix: str | None = None,
            owner: Callable[[Path], str] = file_owner) -> ClassReport:
    """Read every progress file inside `directory` and inside its sub-folders (one level).

    A file counts as a student's only where it can have come from that student:
    - in a sub-folder, the folder must be the student's own (on Kubernetes each student's server mounts only
      its own sub-folder of the collection volume);
    - with `account_prefix` (the one-machine hub's drop box, where each student writes from their own Unix
      account), the account `account_prefix + student` must own the file.
    So one student cannot hand in answers in another's name.
    """
    report = ClassReport()
    folders = [directory, *sorted(p for p in directory.iterdir() if p.is_dir())]
    files = [p for folder in folders for p in sorted(folder.iterdir())
             if p.is_file() and p.name not in OWN_OUTPUTS]
    for path in files:
        reason = _skip_reason(path)
        if reason:
            report.skipped.append((path, reason))
            continue
        try:
            data = parse_progress(path.read_bytes())
        except CorruptProgress as error:
            report.skipped.append((path, f"not readable progress: {error}"))
            continue
        student, lesson = str(data.get("student", path.stem)), str(data.get("lesson", ""))
        source = _wrong_source(path, directory, student, account_prefix, owner)
        if source:
            report.skipped.append((path, f"handed in from {source}, not {student}'s: not counted as {student}'s"))
            continue
        for question, entry in sorted(data["answers"].items()):
            report.rows.append(Row(student, lesson, question, Answer(**entry)))
    return report


def _wrong_source(path: Path, directory: Path, student: str, account_prefix: str | None,
                  owner: Callable[[Path], str]) -> str:
    """Where the file came from, when that is not the named student; else ''."""
    if path.parent != directory and path.parent.name != student:
        return f"the folder {path.parent.name}/"
    if account_prefix is not None and (account := owner(path)) != account_prefix + student:
        return f"the account {account}"
    return ""


def _skip_reason(path: Path) -> str:
    if path.name.endswith(".tmp"):
        return "an unfinished write (a temp file left by an interrupted save)"
    if ".corrupt-" in path.name:
        return "a damaged progress file a student's notebook kept aside"
    if path.suffix != ".json":
        return "not a progress file (not .json)"
    return ""


def write_csvs(report: ClassReport, directory: Path) -> tuple[Path, Path]:
    """Write the per-answer and the per-question CSV files into `directory`."""
    results, summary = directory / RESULTS_CSV, directory / SUMMARY_CSV
    with results.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["student", "lesson", "question", "answer", "correct", "attempts", "answered_at"])
        for row in report.rows:
            a = row.answer
            writer.writerow([row.student, row.lesson, row.question, a.answer, a.correct, a.attempts, a.at])
    with summary.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["question", "answered", "correct", "most_common_wrong_answer", "times_given"])
        for item in report.summary():
            writer.writerow([item.question, item.answered, item.correct, item.most_common_wrong,
                             item.most_common_wrong_count])
    return results, summary


def summary_text(report: ClassReport) -> str:
    """A short plain-text summary for the instructor, worst-answered questions first."""
    lines = [f"{len(report.students)} students, {len(report.rows)} answers."]
    ranked = sorted(report.summary(), key=lambda s: (s.correct / s.answered, s.question))
    for item in ranked:
        line = f"{item.question}: {item.correct} of {item.answered} correct"
        if item.most_common_wrong:
            line += f"; most common wrong answer ({item.most_common_wrong_count}x): {item.most_common_wrong}"
        lines.append(line)
    for path, reason in report.skipped:
        lines.append(f"skipped {path.name}: {reason}")
    return "\n".join(lines)
