"""Class results: read the hand-ins in any folder and summarise each question, lesson by lesson.

The folder is not trusted. Every file that is not a readable hand-in (damaged, foreign, too large, a symlink,
a FIFO, unreadable, nested too deep) is named with its reason and skipped; nothing in it can stop the report,
make it wait, or lead it outside the folder. Hand-ins of another lesson are reported apart, never merged.
What the report prints has control characters removed; what it writes is safe to open in a spreadsheet.
"""

from __future__ import annotations

import csv
import io
import os
import pwd
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .progress import Answer, CorruptProgress, parse_progress, read_store_lessons, write_atomically

RESULTS_CSV = "class-results.csv"
SUMMARY_CSV = "class-summary.csv"
OWN_OUTPUTS = {RESULTS_CSV, SUMMARY_CSV}
MAX_BYTES = 5_000_000  # a hand-in of a whole lesson with a long history is well under 1 MB
MAX_DEPTH = 8          # folders below the one given; deeper ones are named and skipped

# Terminal escape sequences (CSI, OSC, other ESC pairs), then every control and bidirectional-override character.
_UNPRINTABLE = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b.?"
                          r"|[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def printable(text: object) -> str:
    """`text` with terminal escape codes and control characters removed, safe to print."""
    return _UNPRINTABLE.sub("", str(text))


def csv_cell(value: object) -> object:
    """A CSV cell a spreadsheet will not run as a formula (OWASP: a leading ' on =, +, -, @, tab or CR)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


@dataclass(frozen=True)
class Row:
    """One student's latest answer to one question."""

    student: str
    lesson: str
    question: str  # "exercise/question"
    answer: Answer


@dataclass(frozen=True)
class HandIn:
    """One student's counted file for one lesson: when it was handed in and every attempt it holds."""

    student: str
    lesson: str
    path: Path
    handed_in: str            # as the file says it ("" for a store gathered by hand, or when not text)
    history: tuple[dict, ...]  # attempts, oldest first (empty for a version-1 file or a gathered store)


@dataclass(frozen=True)
class QuestionSummary:
    lesson: str
    question: str
    answered: int
    correct: int
    most_common_wrong: str
    most_common_wrong_count: int


@dataclass
class ClassReport:
    rows: list[Row] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    hand_ins: int = 0
    handed: list[HandIn] = field(default_factory=list)
    directory: Path | None = None  # the folder read; skipped files are named relative to it

    @property
    def students(self) -> list[str]:
        return sorted({row.student for row in self.rows})

    @property
    def lessons(self) -> list[str]:
        return sorted({row.lesson for row in self.rows})

    def summary(self) -> list[QuestionSummary]:
        """Per lesson and question: how many answered, how many right, and the most common wrong answer."""
        by_question: dict[tuple[str, str], list[Answer]] = {}
        for row in self.rows:
            by_question.setdefault((row.lesson, row.question), []).append(row.answer)
        out = []
        for (lesson, question), answers in sorted(by_question.items()):
            wrong = Counter(a.answer for a in answers if not a.correct).most_common(1)
            common, count = wrong[0] if wrong else ("", 0)
            out.append(QuestionSummary(lesson, question, len(answers), sum(a.correct for a in answers), common, count))
        return out


def file_owner(path: Path) -> str:
    """The name of the Unix account that owns `path` itself, never a symlink's target (its uid if the account
    is gone)."""
    uid = path.lstat().st_uid
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def _entries(directory: Path, report: ClassReport, depth: int = 0) -> Iterator[tuple[Path, os.stat_result]]:
    """Every regular file under `directory` with its lstat, symlinks never followed; the rest named in `report`."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        report.skipped.append((directory, f"a folder that could not be read ({error.strerror or error})"))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            info = os.lstat(path)
        except OSError as error:
            report.skipped.append((path, f"could not be read ({error.strerror or error})"))
            continue
        if stat.S_ISLNK(info.st_mode):
            report.skipped.append((path, "a symbolic link: not followed"))
        elif stat.S_ISDIR(info.st_mode):
            if depth >= MAX_DEPTH:
                report.skipped.append((path, f"a folder nested deeper than {MAX_DEPTH} levels: not read"))
            else:
                yield from _entries(path, report, depth + 1)
        elif not stat.S_ISREG(info.st_mode):
            report.skipped.append((path, "not a regular file (a FIFO, socket or device): not opened"))
        elif not (depth == 0 and entry.name in OWN_OUTPUTS):
            yield path, info


def _name_reason(path: Path) -> str:
    name = path.name
    if name.endswith(".tmp"):
        return "an unfinished write (a temp file left by an interrupted save)"
    if ".corrupt-" in name or ".damaged-" in name:
        return "a damaged progress file a student's notebook kept aside"
    if name.endswith(".imported-v1"):
        return "a version-1 progress file already imported into a student's store"
    if name.endswith("-journal"):
        return "a journal of a progress store (SQLite's own)"
    if path.suffix not in (".json", ".sqlite3"):
        return "not a hand-in or progress store (not .json or .sqlite3)"
    return ""


def _read(path: Path) -> bytes:
    """The file's bytes, opened without following a symlink and without waiting on a FIFO put in its place."""
    handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW)
    with os.fdopen(handle, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise CorruptProgress("not a regular file")
        raw = file.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise CorruptProgress(f"larger than the limit of {MAX_BYTES} bytes")
    return raw


def collect(directory: Path, account_prefix: str | None = None,
            owner: Callable[[Path], str] = file_owner) -> ClassReport:
    """Read every hand-in (and every student's progress store gathered by hand) inside `directory` and its
    sub-folders.

    A file counts as a student's only where it can have come from that student:
    - in a sub-folder, the top sub-folder must be the student's own (on the one-machine hub and on Kubernetes
      each student hands in to a sub-folder of their own, which nobody else can write);
    - with `account_prefix` (the one-machine hub, where each student writes from their own Unix account), the
      account `account_prefix + student` must own the file.
    So one student cannot hand in answers in another's name. A second hand-in of one student for one lesson is
    skipped, not counted twice.
    """
    directory = Path(directory)
    report = ClassReport(directory=directory)
    seen: dict[tuple[str, str], Path] = {}
    # Hand-ins first: where a student handed in and their store was gathered too, the hand-in counts.
    for path, info in sorted(_entries(directory, report), key=lambda item: (item[0].suffix == ".sqlite3", item[0])):
        reason = _name_reason(path)
        if not reason and info.st_size > MAX_BYTES:
            reason = f"too large ({info.st_size} bytes; the limit is {MAX_BYTES})"
        if reason:
            report.skipped.append((path, reason))
            continue
        try:
            student, lessons, handed_in, history = _read_student(path)
        except CorruptProgress as error:
            report.skipped.append((path, f"not readable progress: {error}"))
            continue
        except OSError as error:
            report.skipped.append((path, f"could not be read ({error.strerror or error})"))
            continue
        source = _wrong_source(path, directory, student, account_prefix, owner)
        if source:
            report.skipped.append((path, f"handed in from {source}, not {student}'s: not counted as {student}'s"))
            continue
        twice = [lesson for lesson in lessons if (student, lesson) in seen]
        if twice:
            first = seen[(student, twice[0])].relative_to(directory)
            report.skipped.append((path, f"a second file of {student} for {twice[0]} (counted: {first})"))
            continue
        report.hand_ins += 1
        for lesson, answers in lessons.items():
            seen[(student, lesson)] = path
            report.handed.append(HandIn(student, lesson, path, handed_in, history))
            for question, answer in sorted(answers.items()):
                report.rows.append(Row(student, lesson, question, answer))
    return report


def _read_student(path: Path) -> tuple[str, dict[str, dict[str, Answer]], str, tuple[dict, ...]]:
    """(student, {lesson: answers}, handed-in time, attempt history) of a hand-in, or of a student's store gathered
    by hand (a laptop class)."""
    if path.suffix == ".sqlite3":
        _read(path)  # the same checks as a hand-in: a regular file, opened without waiting, within the limit
        return path.stem.removeprefix("psoas-progress--"), read_store_lessons(path), "", ()
    data = parse_progress(_read(path))
    handed_in = data.get("handed_in")
    return (data.get("student") or path.stem, {data.get("lesson", ""): data["answers"]},
            handed_in if isinstance(handed_in, str) else "", tuple(data["history"]))


def _wrong_source(path: Path, directory: Path, student: str, account_prefix: str | None,
                  owner: Callable[[Path], str]) -> str:
    """Where the file came from, when that is not the named student; else ''."""
    parts = path.relative_to(directory).parts
    if len(parts) > 1 and parts[0] != student:
        return f"the folder {parts[0]}/"
    if account_prefix is not None and (account := owner(path)) != account_prefix + student:
        return f"the account {account}"
    return ""


def _csv_text(header: list[str], rows: list[list[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows([[csv_cell(value) for value in row] for row in rows])
    return out.getvalue()


def write_csvs(report: ClassReport, directory: Path) -> tuple[Path, Path]:
    """Write the per-answer and the per-question CSV files into `directory`, each atomically (a symlink in their
    place is replaced, never written through)."""
    results, summary = Path(directory) / RESULTS_CSV, Path(directory) / SUMMARY_CSV
    write_atomically(results, _csv_text(
        ["student", "lesson", "question", "answer", "correct", "attempts", "answered_at"],
        [[row.student, row.lesson, row.question, row.answer.answer, row.answer.correct, row.answer.attempts,
          row.answer.at] for row in report.rows]))
    write_atomically(summary, _csv_text(
        ["lesson", "question", "answered", "correct", "most_common_wrong_answer", "times_given"],
        [[item.lesson, item.question, item.answered, item.correct, item.most_common_wrong,
          item.most_common_wrong_count] for item in report.summary()]))
    return results, summary


def summary_text(report: ClassReport) -> str:
    """A short plain-text summary for the instructor, lesson by lesson, worst-answered questions first; every
    skipped file with its reason. Control characters and escape codes are removed."""
    lines = []
    summaries = report.summary()
    for lesson in report.lessons:
        students = {row.student for row in report.rows if row.lesson == lesson}
        answers = sum(row.lesson == lesson for row in report.rows)
        lines.append(f"lesson {lesson}: {len(students)} students, {answers} answers.")
        ranked = sorted((s for s in summaries if s.lesson == lesson), key=lambda s: (s.correct / s.answered, s.question))
        for item in ranked:
            line = f"{item.question}: {item.correct} of {item.answered} correct"
            if item.most_common_wrong:
                line += f"; most common wrong answer ({item.most_common_wrong_count}x): {item.most_common_wrong}"
            lines.append(line)
    if not report.lessons:
        lines.append("no hand-ins found.")
    lines.append(f"{report.hand_ins} hand-in(s) counted, {len(report.skipped)} file(s) skipped.")
    for path, reason in report.skipped:
        top = report.directory
        shown = path.relative_to(top) if top and path.is_relative_to(top) and path != top else path
        lines.append(f"skipped {shown}: {reason}")
    return "\n".join(printable(line) for line in lines)
