"""Saving an answer and reading a class's hand-ins.

Click to saved: a "Check answer" click on a landmark question (grading, feedback and the save, in the kernel)
with the SQLite store, against the same click with the version-1 way of saving (the whole record rewritten
as JSON through a temp file, fsynced and renamed). Both write to the same folder, alternately.

Class report: `collect` and `write_csvs` over 300 hand-ins (each with an attempt history), against reading
the same 300 files with plain `json.loads`, the floor any report must pay.
"""

from __future__ import annotations

import json
import tempfile
import time
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from .common import Result

HAND_INS = 300


class JsonProgress:
    """The version-1 store, as a baseline: every answer rewrites the student's whole record."""

    def __init__(self, path: Path):
        self.path = path
        self.answers: dict[str, dict] = {}

    def get(self, exercise: str, question: str, fingerprint: str = ""):
        return None

    def changed(self, exercise: str, question: str, fingerprint: str):
        return None

    def record(self, exercise: str, question: str, answer: str, correct: bool, fingerprint: str = ""):
        from psoas_lib.progress import write_atomically

        key = f"{exercise}/{question}"
        attempts = self.answers.get(key, {}).get("attempts", 0) + 1
        self.answers[key] = {"answer": answer, "correct": correct, "attempts": attempts,
                             "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        write_atomically(self.path, json.dumps({"format": "psoas-progress", "version": 1, "answers": self.answers}))
        return self.answers[key]


def click_ms(view, option: int) -> float:
    view.options.value = option
    start = time.perf_counter()
    view.check.click()
    return (time.perf_counter() - start) * 1000


def run(repeat: int) -> list[Result]:
    from psoas_lib.exercises import landmarks
    from psoas_lib.lesson import load_lesson
    from psoas_lib.progress import Progress
    from psoas_lib.report import collect, write_csvs
    from psoas_lib.widgets.choice import ChoiceQuestion

    lesson = load_lesson()
    question = lesson.quizzes.landmarks[0]
    save = Result("click to saved", "Check answer, SQLite store", "Check answer, v1 JSON rewrite", "ms")
    report = Result("class report", f"report over {HAND_INS} hand-ins", "json.loads of the same files", "ms")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        store = Progress(lesson.id, student="ana", directory=folder / "progress")
        store.open()
        with_store = ChoiceQuestion(question, landmarks.EXERCISE, store)
        (folder / "progress").mkdir(exist_ok=True)
        with_json = ChoiceQuestion(question, landmarks.EXERCISE, JsonProgress(folder / "progress" / "v1.json"))
        for click in range(max(20, 10 * repeat) + 1):
            option = click % len(question.options)
            base, subject = click_ms(with_json, option), click_ms(with_store, option)
            if click:  # the first pair warms up
                save.add(subject, base)

        collection = folder / "collect"
        collection.mkdir()
        data = store.data()
        for number in range(HAND_INS):
            (collection / f"{lesson.id}--s{number:03d}.hand-in.json").write_text(
                json.dumps({**data, "student": f"s{number:03d}", "handed_in": "2026-12-01T10:00:00+00:00"}))
        files = sorted(collection.iterdir())
        for _ in range(repeat):
            start = time.perf_counter()
            for path in files:
                json.loads(path.read_bytes())
            base = (time.perf_counter() - start) * 1000
            start = time.perf_counter()
            result = collect(collection)
            write_csvs(result, folder)
            subject = (time.perf_counter() - start) * 1000
            assert result.hand_ins == HAND_INS and not result.skipped, asdict(result)["skipped"]
            report.add(subject, base)
    return [save, report]
