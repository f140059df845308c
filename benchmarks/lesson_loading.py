"""Lesson load and validation: `load_lesson()` on the bundled lesson in a fresh process (the imports
each needs included, nothing in memory yet) against PyYAML's `yaml.safe_load` of the same file, also in a fresh
process, once with psoas_lib's on-disk cache empty (a student's first load) and once with it filled by an
earlier load (issue 15's target for a first load: no slower than PyYAML's pure-Python parser). Two rows for
information: a second load in the same process, and how fast an alias bomb is refused.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from .common import Result, cold, paired, timed_in_fresh_process

PLAIN = "import yaml; yaml.safe_load(path.read_text(encoding='utf-8'))"
LOAD = "from psoas_lib.lesson import load_lesson; load_lesson()"


def alias_bomb(folder: Path) -> Path:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run(repeat: int) -> list[Result]:
    import yaml

    from psoas_lib.lesson import LessonError, bundled_lesson_path, load_lesson

    where = f"from pathlib import Path; path = Path({str(bundled_lesson_path())!r})"
    first = paired(repeat, Result("lesson load, cold process, empty cache", "load_lesson()", "yaml.safe_load",
                                  "ms", max_ratio=1.0),
                   cold(lambda: 1000 * timed_in_fresh_process(where, LOAD)),
                   lambda: 1000 * timed_in_fresh_process(where, PLAIN))
    timed_in_fresh_process(where, LOAD)  # fills the on-disk cache, if there is one
    again = paired(repeat, Result("lesson load, cold process, cache filled", "load_lesson()", "yaml.safe_load",
                                  "ms", max_ratio=3.0),
                   lambda: 1000 * timed_in_fresh_process(where, LOAD),
                   lambda: 1000 * timed_in_fresh_process(where, PLAIN))

    text = bundled_lesson_path().read_text(encoding="utf-8")
    load_lesson()  # warm: imports done, and whatever the loader keeps in memory is filled
    warm = paired(repeat, Result("lesson load, same process again", "load_lesson()", "yaml.safe_load", "ms"),
                  lambda: 1000 * seconds(load_lesson), lambda: 1000 * seconds(lambda: yaml.safe_load(text)))

    def refuse(path):
        try:
            load_lesson(path)
        except LessonError:
            return
        raise AssertionError("the alias bomb was not refused")

    with tempfile.TemporaryDirectory() as scratch:
        bomb = alias_bomb(Path(scratch))
        refused = paired(repeat, Result("refusing a 10-level alias bomb", "load_lesson(bomb)",
                                        "yaml.safe_load (lesson)", "ms"),
                         lambda: 1000 * seconds(lambda: refuse(bomb)),
                         lambda: 1000 * seconds(lambda: yaml.safe_load(text)))
    return [first, again, warm, refused]
