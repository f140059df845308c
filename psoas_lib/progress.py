"""A student's saved answers: one SQLite store per student in the progress folder, shared by every kernel.

Each answer is appended to the store's `attempts` table in one short transaction; the latest answer, the attempt
count and the score are derived from that table, so two notebooks (or JupyterLab and Voila) answering at once lose
nothing. The store keeps SQLite's default rollback journal: WAL needs shared memory, which NFS homes lack.

Nothing here raises into a notebook cell: a failure is kept in `problem` in words and told to listeners once, and
`record` returns None for an answer it could not save. A store that cannot be read is renamed aside, never
overwritten; one written by a newer psoas_lib is left alone. Progress is for learning, not secure grading: the
student can edit their own store.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import random
import re
import sqlite3
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path

from . import settings
from .i18n import _

FORMAT = "psoas-progress"
# 1: a JSON file per student and lesson (read for import and in hand-ins); 2: the SQLite store and its hand-in.
VERSION = 2
APPLICATION_ID = 0x50534F41  # "PSOA": marks a SQLite file as a psoas progress store
BUSY_SECONDS = 5.0
Clock = Callable[[], datetime]

SCHEMA = """
CREATE TABLE attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    lesson TEXT NOT NULL,
    exercise TEXT NOT NULL,
    question TEXT NOT NULL,
    fingerprint TEXT NOT NULL,           -- the question as asked ('' when not known, as in version 1)
    answer TEXT NOT NULL,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    at TEXT NOT NULL,
    tries INTEGER NOT NULL DEFAULT 1     -- >1 only for an imported version-1 answer, whose earlier tries were not kept
);
CREATE INDEX attempts_by_question ON attempts (lesson, exercise, question, id);
-- "Reset my progress" forgets the attempts up to `after_attempt`: they stay in the table, which is append-only.
CREATE TABLE resets (id INTEGER PRIMARY KEY AUTOINCREMENT, lesson TEXT NOT NULL, after_attempt INTEGER NOT NULL,
                     at TEXT NOT NULL);
CREATE TABLE imports (source TEXT PRIMARY KEY, at TEXT NOT NULL);
"""

# The attempts since the lesson's last reset; for each question its latest, with the tries at that version.
LATEST = """
WITH live AS (
    SELECT * FROM attempts WHERE lesson = :lesson
    AND id > (SELECT COALESCE(MAX(after_attempt), 0) FROM resets WHERE lesson = :lesson))
SELECT a.exercise, a.question, a.answer, a.correct, a.at, a.fingerprint,
       (SELECT SUM(b.tries) FROM live b WHERE b.exercise = a.exercise AND b.question = a.question
        AND b.fingerprint = a.fingerprint) AS attempts
FROM live a WHERE a.id = (SELECT MAX(c.id) FROM live c WHERE c.exercise = a.exercise AND c.question = a.question)
"""
HISTORY = """
SELECT exercise, question, fingerprint, answer, correct, at, tries FROM attempts WHERE lesson = :lesson
AND id > (SELECT COALESCE(MAX(after_attempt), 0) FROM resets WHERE lesson = :lesson) ORDER BY id
"""


def default_directory() -> Path:
    """Where progress stores live: $PSOAS_PROGRESS_DIR, else ~/.psoas/progress."""
    return settings.PROGRESS_DIR.path() or Path.home() / ".psoas" / "progress"


def default_collect_directory() -> Path | None:
    """The class's collection folder ($PSOAS_COLLECT_DIR, set on a hub), or None where there is none."""
    return settings.COLLECT_DIR.path()


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a new temp file in the same folder, flushed to disk, then renamed over it.

    A reader sees the old file or the new one, never half of one. The rename replaces a symlink at `path`
    itself, so nothing is ever written through one; a crash leaves at most a hidden `.tmp` file.
    """
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def default_student() -> str:
    """The JupyterHub user name when there is one, else the login name."""
    return os.environ.get("JUPYTERHUB_USER") or getpass.getuser()


def safe_name(text: str) -> str:
    """`text` as a file name part: letters, digits, `_.-` only, never empty, never a path."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("._") or "student"


@dataclass(frozen=True)
class Answer:
    """The latest answer to one question, how many tries it took, and the version of the question it answered."""

    answer: str
    correct: bool
    attempts: int
    at: str
    fingerprint: str = ""


class CorruptProgress(ValueError):
    """A progress or hand-in file that is not valid progress JSON."""


class NewerProgress(CorruptProgress):
    """A progress file or store in a format newer than this psoas_lib reads."""


class ProgressError(Exception):
    """Progress that could not be read or saved; the message says why, in words, for the student."""


def newer_message(version: object) -> str:
    return _("written by a newer version of psoas_lib (format {version}; this one reads up to {known}): "
             "update psoas_lib").format(version=version, known=VERSION)


def _check_answer(key: str, entry: object, version: int) -> Answer:
    fields = {"answer": str, "correct": bool, "attempts": int, "at": str}
    if version >= 2:
        fields["fingerprint"] = str
    if (not isinstance(entry, dict) or set(entry) != set(fields) or not re.fullmatch(r"[^/]+/.+", key)
            or any(type(entry[name]) is not kind for name, kind in fields.items()) or entry["attempts"] < 1):
        raise CorruptProgress(_("the answer to {question} is malformed").format(question=key))
    return Answer(**entry)


def parse_progress(raw: bytes) -> dict:
    """The validated content of a progress file or hand-in (version 1 or 2), upgraded to version 2.

    Raises `NewerProgress` for a newer format and `CorruptProgress` with the reason, in words, for anything
    else that is not progress. Answers come back as `Answer` objects.
    """
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise CorruptProgress(_("not UTF-8 text")) from None
    except json.JSONDecodeError as error:
        raise CorruptProgress(_("not valid JSON ({detail}, line {line})").format(
            detail=error.msg, line=error.lineno)) from None
    except RecursionError:
        raise CorruptProgress(_("nested too deeply")) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise CorruptProgress(_("not a psoas progress file"))
    version = data.get("version")
    if type(version) is int and version > VERSION:
        raise NewerProgress(newer_message(version))
    if version not in (1, 2) or type(version) is not int:
        raise CorruptProgress(_("unsupported progress version {version}").format(version=version))
    for name in ("lesson", "student"):
        if name in data and not isinstance(data[name], str):
            raise CorruptProgress(_("its {field} is not text").format(field=name))
    answers = data.get("answers")
    if not isinstance(answers, dict):
        raise CorruptProgress(_("its answers are missing"))
    checked = {key: _check_answer(key, entry, version) for key, entry in answers.items()}
    history = data.get("history", []) if version >= 2 else []  # version 1 kept no history
    if not (isinstance(history, list) and all(_is_attempt(item) for item in history)):
        raise CorruptProgress(_("its attempt history is malformed"))
    return {**data, "version": VERSION, "answers": checked, "history": history}


def _is_attempt(item: object) -> bool:
    fields = {"exercise": str, "question": str, "fingerprint": str, "answer": str, "correct": bool, "at": str,
              "tries": int}
    return (isinstance(item, dict) and set(item) == set(fields)
            and all(type(item[name]) is kind for name, kind in fields.items()))


def _explain(error: Exception, store: Path, busy_seconds: float = BUSY_SECONDS) -> str:
    """What went wrong, in words for the student."""
    name = getattr(error, "sqlite_errorname", "")
    code = getattr(error, "errno", None)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return _("Your progress store {path} was in use by another program for more than {seconds:g} "
                 "seconds.").format(path=store, seconds=busy_seconds)
    if name == "SQLITE_FULL" or code in (errno.ENOSPC, errno.EDQUOT):
        return _("The disk of {folder} is full.").format(folder=store.parent)
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")) or code in (
            errno.EACCES, errno.EPERM, errno.EROFS):
        return _("The progress folder {folder} is not writable.").format(folder=store.parent)
    reason = getattr(error, "strerror", None) or str(error)
    return _("Your progress could not be saved in {path} ({reason}).").format(path=store, reason=reason)


def _damaged(error: Exception) -> bool:
    # A damaged schema can make SQLite's own error message undecodable: that is damage too.
    return isinstance(error, (_Foreign, UnicodeDecodeError)) or getattr(error, "sqlite_errorname", "").startswith(
        ("SQLITE_NOTADB", "SQLITE_CORRUPT"))


class _Foreign(Exception):
    """A SQLite file that is not a psoas progress store (kept aside like a damaged one)."""


class Progress:
    """The saved answers of one student for one lesson, in the student's store shared by all their kernels.

    Creating one touches no file: `open()` (which the progress panel calls, and the first use otherwise does)
    creates the folder and store, imports a version-1 file once and keeps a damaged store aside.
    """

    busy_seconds = BUSY_SECONDS

    def __init__(self, lesson_id: str, student: str | None = None, directory: Path | None = None,
                 clock: Clock | None = None):
        self.lesson_id = lesson_id
        self.student = student or default_student()
        self.directory = Path(directory) if directory is not None else default_directory()
        self.path = self.directory / f"psoas-progress--{safe_name(self.student)}.sqlite3"
        self.v1_path = self.directory / f"{safe_name(lesson_id)}--{safe_name(self.student)}.json"
        self._clock = clock or (lambda: datetime.now(timezone.utc))
        self.notice = ""   # news from opening: a damaged store or file kept aside
        self.problem = ""  # the current failure to read or save, in words ("" while all is well)
        self._listeners: list[Callable[[str], None]] = []
        self._opened = False

    @staticmethod
    def key(exercise: str, question: str) -> str:
        return f"{exercise}/{question}"

    # -- telling the student --------------------------------------------------------------------------------

    def on_problem(self, listener: Callable[[str], None]) -> None:
        """Call `listener(problem)` whenever the problem changes (with "" when saving works again) or there is
        news in `notice`."""
        self._listeners.append(listener)

    def _say(self, problem: str) -> None:
        if problem != self.problem:
            self.problem = problem
            for listener in self._listeners:
                listener(problem)

    def _now(self) -> str:
        return self._clock().isoformat(timespec="seconds")

    # -- opening --------------------------------------------------------------------------------------------

    def open(self) -> bool:
        """Make the store ready: folder, schema, the one-time import of a version-1 file. True when usable."""
        if self._opened:
            return True
        try:
            self._prepare_folder()
            try:
                self._clear_stale_journal()
            except (_Foreign, sqlite3.DatabaseError, UnicodeDecodeError) as error:
                if not _damaged(error):
                    raise
                self._keep_aside(_("it is not a readable progress store"))
                self._clear_stale_journal()
            self._import_v1()
        except (ProgressError, OSError, sqlite3.Error) as error:
            self._say(str(error) if isinstance(error, ProgressError) else _explain(error, self.path, self.busy_seconds))
            return False
        self._opened = True
        self._say("")
        return True

    def _clear_stale_journal(self) -> None:
        """Check the store's format. A process killed mid-save can leave a journal that SQLite has already rolled
        back but deletes only at the next write: rewriting the version is that write."""
        with self._transaction() as db:
            if os.path.lexists(f"{self.path}-journal"):
                db.execute(f"PRAGMA user_version = {VERSION}")

    def _prepare_folder(self) -> None:
        folder = self.directory
        if folder.exists() and not folder.is_dir():
            raise ProgressError(_("The progress folder {folder} is not a folder.").format(folder=folder))
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise ProgressError(_("The progress folder {folder} could not be created ({reason}).").format(
                folder=folder, reason=error.strerror or error)) from None
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ProgressError(_("The progress folder {folder} is not writable.").format(folder=folder))

    def _check_store_path(self) -> None:
        """Refuse a symlink, a folder or a special file where the store should be (never follow it)."""
        try:
            mode = os.lstat(self.path).st_mode
        except FileNotFoundError:
            return
        if stat.S_ISLNK(mode):
            raise ProgressError(_("{path} is a symbolic link: it is not followed, so nothing is read or saved "
                                  "there. Remove it to save your progress.").format(path=self.path))
        if not stat.S_ISREG(mode):
            raise ProgressError(_("{path} is not a file (a folder or a special file is in its place): nothing is "
                                  "saved there.").format(path=self.path))

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """A connection in one short write transaction on a checked store (a new store gets its schema)."""
        self._check_store_path()
        db = sqlite3.connect(self.path, timeout=self.busy_seconds, isolation_level=None)
        db.text_factory = _text
        try:
            self._begin(db)
            self._check_format(db)
            yield db
            db.execute("COMMIT")
        finally:
            try:
                if db.in_transaction:
                    db.execute("ROLLBACK")
            finally:
                db.close()

    def _begin(self, db: sqlite3.Connection) -> None:
        """Take the write lock, trying again every few milliseconds for up to `busy_seconds`.

        SQLite's own busy handler waits longer and longer between tries (up to 100 ms), so a kernel answering
        quickly can keep another one waiting for good; short, random pauses share the store fairly.
        """
        deadline = time.monotonic() + self.busy_seconds
        db.execute("PRAGMA busy_timeout = 0")
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as error:
                if not getattr(error, "sqlite_errorname", "").startswith("SQLITE_BUSY") or time.monotonic() > deadline:
                    raise
                time.sleep(random.uniform(0.001, 0.004))
        db.execute(f"PRAGMA busy_timeout = {int(self.busy_seconds * 1000)}")

    def _check_format(self, db: sqlite3.Connection) -> None:
        application_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        empty = db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()[0] == 0
        if application_id == 0 and version == 0 and empty:
            # One statement at a time: executescript would commit the transaction that guards the creation.
            for statement in [*SCHEMA.split(";"), f"PRAGMA application_id = {APPLICATION_ID}",
                              f"PRAGMA user_version = {VERSION}"]:
                if statement.strip():
                    db.execute(statement)
        elif application_id != APPLICATION_ID:
            raise _Foreign()
        elif version > VERSION:
            raise ProgressError(_("Your progress store {path} was {newer}. Nothing was changed in it.").format(
                path=self.path, newer=newer_message(version)))

    def _keep_aside(self, reason: str) -> None:
        """Rename the store (and its journal, which belongs to it) aside, and say where it went."""
        stamp = f"{self._clock():%Y%m%dT%H%M%S}"
        aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}{self.path.suffix}")
        number = 1
        while aside.exists():
            number += 1
            aside = self.path.with_name(f"{self.path.stem}.damaged-{stamp}-{number}{self.path.suffix}")
        os.rename(self.path, aside)
        journal = Path(f"{self.path}-journal")
        if journal.exists():
            os.rename(journal, f"{aside}-journal")
        self._tell(_("Your saved progress could not be read ({reason}). It was kept as {path}; starting "
                     "afresh.").format(reason=reason, path=aside))

    def _tell(self, news: str) -> None:
        self.notice = f"{self.notice} {news}".strip()
        for listener in self._listeners:
            listener(self.problem)

    def _import_v1(self) -> None:
        """Take a version-1 JSON file of this lesson into the store once; the file is renamed, never deleted."""
        source = self.v1_path
        try:
            mode = os.lstat(source).st_mode
        except FileNotFoundError:
            return
        if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
            self._tell(_("{path} is not a regular file (a symbolic link?): it was not imported.").format(path=source))
            return
        try:
            data = parse_progress(source.read_bytes())
        except CorruptProgress as error:
            aside = source.with_name(f"{source.stem}.corrupt-{self._clock():%Y%m%dT%H%M%S}.json")
            self._rename(source, aside)
            self._tell(_("Your saved progress could not be read ({reason}). It was kept as {path}; starting "
                         "afresh.").format(reason=error, path=aside))
            return
        with self._transaction() as db:
            if db.execute("SELECT 1 FROM imports WHERE source = ?", (source.name,)).fetchone() is None:
                for key, answer in data["answers"].items():
                    exercise, question = key.split("/", 1)
                    db.execute("INSERT INTO attempts (lesson, exercise, question, fingerprint, answer, correct, at,"
                               " tries) VALUES (?, ?, ?, '', ?, ?, ?, ?)", (self.lesson_id, exercise, question,
                               answer.answer, answer.correct, answer.at, answer.attempts))
                db.execute("INSERT INTO imports VALUES (?, ?)", (source.name, self._now()))
        self._rename(source, source.with_name(source.name + ".imported-v1"))

    def _rename(self, source: Path, target: Path) -> None:
        """Rename an old file out of the way; if that fails it stays (the store knows it was imported)."""
        try:
            os.replace(source, target)
        except OSError as error:
            self._tell(_("{path} could not be renamed ({reason}); it is left as it is.").format(
                path=source, reason=error.strerror or error))

    # -- reading and saving ---------------------------------------------------------------------------------

    def _run(self, work: Callable[[sqlite3.Connection], object]) -> tuple[bool, object]:
        """(True, result of `work` in one transaction), or (False, None) with the problem said."""
        for first_try in (True, False):
            if not self.open():
                return False, None
            try:
                with self._transaction() as db:
                    result = work(db)
            except ProgressError as error:
                self._say(str(error))
                return False, None
            except (_Foreign, sqlite3.DatabaseError, UnicodeDecodeError) as error:
                if first_try and _damaged(error):
                    self._opened = False  # replaced or damaged since it was opened: opening again keeps it aside
                    continue
                self._say(_explain(error, self.path, self.busy_seconds))
                return False, None
            except (OSError, sqlite3.Error) as error:
                self._say(_explain(error, self.path, self.busy_seconds))
                return False, None
            self._say("")
            return True, result
        return False, None

    def record(self, exercise: str, question: str, answer: str, correct: bool, fingerprint: str = "") -> Answer | None:
        """Save an answer at once; the saved answer, or None when it could not be saved (see `problem`)."""
        at = self._now()

        def append(db: sqlite3.Connection) -> Answer | None:
            db.execute("INSERT INTO attempts (lesson, exercise, question, fingerprint, answer, correct, at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (self.lesson_id, exercise, question, fingerprint, answer, bool(correct), at))

            return self._read_latest(db).get(self.key(exercise, question))

        saved, latest = self._run(append)
        return latest if saved else None

    def _read_latest(self, db: sqlite3.Connection) -> dict[str, Answer]:
        return _latest_answers(db, self.lesson_id)

    def _latest(self) -> dict[str, Answer]:
        ok, answers = self._run(self._read_latest)
        return answers if ok else {}

    @property
    def answers(self) -> dict[str, Answer]:
        """The latest answer to every question answered since the last reset (empty when unreadable)."""
        return dict(sorted(self._latest().items()))

    def get(self, exercise: str, question: str, fingerprint: str = "") -> Answer | None:
        """The latest answer to this version of the question (see `exercises.fingerprint`), if any."""
        saved = self.answers.get(self.key(exercise, question))
        return None if saved is None or _changed(saved, fingerprint) else saved

    def changed(self, exercise: str, question: str, fingerprint: str) -> Answer | None:
        """The latest answer when it was given to an earlier version of the question (kept in the history)."""
        saved = self.answers.get(self.key(exercise, question))
        return saved if saved is not None and _changed(saved, fingerprint) else None

    def score(self, exercise: str) -> tuple[int, int]:
        """(correct, answered) among the questions of `exercise`."""
        prefix = f"{exercise}/"
        mine = [a for key, a in self.answers.items() if key.startswith(prefix)]
        return sum(a.correct for a in mine), len(mine)

    def history(self) -> list[dict]:
        """Every attempt since the last reset, oldest first."""
        def read(db: sqlite3.Connection) -> list[dict]:
            names = ("exercise", "question", "fingerprint", "answer", "correct", "at", "tries")
            return [dict(zip(names, (*row[:4], bool(row[4]), *row[5:])))
                    for row in db.execute(HISTORY, {"lesson": self.lesson_id})]

        ok, attempts = self._run(read)
        return attempts if ok else []

    def reset(self) -> bool:
        """Forget every answer of this lesson (the attempts stay in the history table, marked as reset)."""
        def mark(db: sqlite3.Connection) -> None:
            db.execute("INSERT INTO resets (lesson, after_attempt, at) "
                       "SELECT ?, COALESCE(MAX(id), 0), ? FROM attempts", (self.lesson_id, self._now()))

        return self._run(mark)[0]

    def data(self) -> dict:
        """The hand-in's content: latest answers and the attempt history, with the format and version."""
        return {
            "format": FORMAT,
            "version": VERSION,
            "lesson": self.lesson_id,
            "student": self.student,
            "answers": {key: asdict(answer) for key, answer in self.answers.items()},
            "history": self.history(),
        }

    def hand_in(self, collection: Path) -> Path:
        """Export the saved answers and their history into the class's collection folder as this student's one
        file, atomically; return it. Raises `ProgressError` when the answers cannot be read, OSError when the
        file cannot be written.

        Handing in again replaces the student's earlier copy. On the hub the folder is the student's own
        (deploy/README.md): nobody else can write there, so nobody can block or forge the hand-in.
        """
        if not self.open():
            raise ProgressError(self.problem)
        content = self.data()
        if self.problem:
            raise ProgressError(self.problem)
        target = Path(collection) / f"{safe_name(self.lesson_id)}--{safe_name(self.student)}.hand-in.json"
        write_atomically(target, json.dumps({**content, "handed_in": self._now()}, indent=1, ensure_ascii=False))
        return target


def _text(raw: bytes) -> str:
    """Text from the store; bytes that are not UTF-8 (a damaged page) are shown as \ufffd, never a crash."""
    return raw.decode("utf-8", "replace")


def _latest_answers(db: sqlite3.Connection, lesson_id: str) -> dict[str, Answer]:
    rows = db.execute(LATEST, {"lesson": lesson_id})
    return {Progress.key(exercise, question): Answer(answer, bool(correct), attempts, at, fingerprint)
            for exercise, question, answer, correct, at, fingerprint, attempts in rows}


def read_store(path: Path, lesson_id: str) -> dict[str, Answer]:
    """The latest answers of one lesson in a store (see `read_store_lessons`)."""
    return read_store_lessons(path).get(lesson_id, {})


def read_store_lessons(path: Path) -> dict[str, dict[str, Answer]]:
    """The latest answers of every lesson in a store, opened read-only and never through a symlink (for the
    class report and for checks run by someone other than the student). Raises `CorruptProgress`
    (`NewerProgress`) with the reason."""
    if os.path.islink(path) or not os.path.isfile(path):
        raise CorruptProgress(_("not a regular file"))
    try:
        db = sqlite3.connect(f"{Path(path).absolute().as_uri()}?mode=ro", uri=True)
        db.text_factory = _text
        try:
            db.execute("PRAGMA trusted_schema = OFF")
            if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
                raise CorruptProgress(_("not a psoas progress store"))
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > VERSION:
                raise NewerProgress(newer_message(version))
            lessons = [row[0] for row in db.execute("SELECT DISTINCT lesson FROM attempts ORDER BY lesson")]
            return {lesson: _latest_answers(db, lesson) for lesson in lessons}
        finally:
            db.close()
    except (sqlite3.Error, UnicodeDecodeError) as error:
        raise CorruptProgress(_("not a readable progress store ({reason})").format(reason=error)) from None


def _changed(saved: Answer, fingerprint: str) -> bool:
    return bool(saved.fingerprint and fingerprint and saved.fingerprint != fingerprint)
