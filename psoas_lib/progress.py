"""A student's saved answers: one JSON file per student and lesson, written atomically after each answer.

Progress is for learning, not secure grading: the file is plain JSON the student could edit. A file
that cannot be read is never overwritten: it is renamed aside and the student is told where it went.
"""

from __future__ import annotations

import getpass
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from .i18n import _

FORMAT = "psoas-progress"
VERSION = 1
Clock = Callable[[], datetime]


def default_directory() -> Path:
    """Where progress files live: $PSOAS_PROGRESS_DIR, else ~/.psoas/progress."""
    configured = os.environ.get("PSOAS_PROGRESS_DIR")
    return Path(configured) if configured else Path.home() / ".psoas" / "progress"


def default_collect_directory() -> Path | None:
    """The class's collection folder ($PSOAS_COLLECT_DIR, set on a hub), or None where there is none."""
    configured = os.environ.get("PSOAS_COLLECT_DIR")
    return Path(configured) if configured else None


def write_atomically(path: Path, data: dict) -> None:
    """Write JSON to `path` through a temp file in the same folder, flushed to disk, then renamed over it.

    A reader sees the old file or the new one, never half of one; a crash leaves at most a hidden temp file.
    """
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, ensure_ascii=False)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def default_student() -> str:
    """The JupyterHub user name when there is one, else the login name."""
    return os.environ.get("JUPYTERHUB_USER") or getpass.getuser()


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._") or "student"


@dataclass(frozen=True)
class Answer:
    """The latest answer to one question, and how many tries it took."""

    answer: str
    correct: bool
    attempts: int
    at: str


class CorruptProgress(ValueError):
    """A progress file that is not valid progress JSON."""


def parse_progress(raw: bytes) -> dict:
    """The validated content of a progress file; raises `CorruptProgress` with the reason, in words."""
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CorruptProgress(_("not UTF-8 text")) from None
    except json.JSONDecodeError as error:
        raise CorruptProgress(_("not valid JSON ({detail}, line {line})").format(
            detail=error.msg, line=error.lineno)) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorruptProgress(_("not a psoas progress file"))
    if data.get("version") != VERSION:
        raise CorruptProgress(_("unsupported progress version {version}").format(version=data.get("version")))
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise CorruptProgress(_("its answers are missing"))
    for key, entry in answers.items():
        try:
            Answer(**entry)
        except TypeError:
            raise CorruptProgress(_("the answer to {question} is malformed").format(question=key)) from None
    return data


class Progress:
    """The saved answers of one student for one lesson."""

    def __init__(self, lesson_id: str, student: str | None = None, directory: Path | None = None,
                 clock: Clock | None = None):
        self.lesson_id = lesson_id
        self.student = student or default_student()
        self.directory = Path(directory) if directory is not None else default_directory()
        self.path = self.directory / f"{_safe_name(lesson_id)}--{_safe_name(self.student)}.json"
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.answers: dict[str, Answer] = {}
        self.notice = ""  # set when a damaged file was moved aside at load time
        self._load()

    @staticmethod
    def key(exercise: str, question: str) -> str:
        return f"{exercise}/{question}"

    def _load(self) -> None:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return
        try:
            data = parse_progress(raw)
        except CorruptProgress as error:
            aside = self.path.with_name(f"{self.path.stem}.corrupt-{self._clock():%Y%m%dT%H%M%S}.json")
            os.replace(self.path, aside)
            self.notice = _("Your saved progress could not be read ({reason}). It was kept as {path}; "
                            "starting afresh.").format(reason=error, path=aside)
            return
        self.answers = {key: Answer(**entry) for key, entry in data["answers"].items()}

    def record(self, exercise: str, question: str, answer: str, correct: bool) -> Answer:
        """Record an answer and save at once."""
        key = self.key(exercise, question)
        previous = self.answers.get(key)
        attempts = previous.attempts + 1 if previous else 1
        self.answers[key] = Answer(answer, correct, attempts, self._clock().isoformat(timespec="seconds"))
        self.save()
        return self.answers[key]

    def get(self, exercise: str, question: str) -> Answer | None:
        return self.answers.get(self.key(exercise, question))

    def score(self, exercise: str) -> tuple[int, int]:
        """(correct, answered) among the questions of `exercise`."""
        prefix = f"{exercise}/"
        mine = [a for key, a in self.answers.items() if key.startswith(prefix)]
        return sum(a.correct for a in mine), len(mine)

    def reset(self) -> None:
        """Forget every answer, and save the empty record."""
        self.answers = {}
        self.save()

    def data(self) -> dict:
        """The progress file's content."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "lesson": self.lesson_id,
            "student": self.student,
            "answers": {key: vars(answer) for key, answer in sorted(self.answers.items())},
        }

    def save(self) -> None:
        """Write the progress file atomically."""
        self.directory.mkdir(parents=True, exist_ok=True)
        write_atomically(self.path, self.data())

    def hand_in(self, collection: Path) -> Path:
        """Copy the saved answers into the class's collection folder as this student's one file; return it.

        Handing in again replaces the student's earlier copy. On the hub the folder is a drop box (mode
        1733): students can add and replace their own file, but not list, read or replace anyone else's.
        """
        target = Path(collection) / self.path.name
        write_atomically(target, {**self.data(), "handed_in": self._clock().isoformat(timespec="seconds")})
        return target
