"""Turn a lesson file into a `Lesson`, or into errors an instructor can act on.

Every problem is reported as one line `PATH:LINE:COL: field.path: message`. The way there, each step in its
own module: `source` reads the bytes (regular files of a lesson's size only) and decodes them, `yamltree`
parses the YAML into plain data with the position of every key and item (refusing anchors, aliases, tags and
merge keys), `migrations` checks the format and brings an older one up to date, the schema (`model`) and
the cross-checks (`checks`) validate, and `problems` places each error at its line.

A valid lesson is kept, in memory (by path, modification time, size and content hash) and in psoas_lib's
on-disk cache (by content hash and the loader's code, see `psoas_lib.cache`), so loading the same file again,
in this process or in the next kernel, skips the YAML parser; an entry read from disk is validated again.
Files with problems are never cached: their errors always come from a full parse.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pydantic
import pydantic_core
import yaml
from pydantic import ValidationError

from ..i18n import _
from .. import cache
from .checks import check_lesson
from .extends import EXTENDS, extend
from .migrations import check_version, migrate
from .model import Lesson
from .problems import LessonError, Positions, Problem, file_problem, located, schema_problem
from .source import decode, read_bytes
from .yamltree import parse

BUNDLED_LESSON = "psoas_release.yaml"
# What a cached lesson depends on besides the file: the code that validates it, and pydantic's and the
# YAML parser's versions.
CACHE_KIND = "lesson"
CACHE_CODE = tuple(f"lesson/{name}.py" for name in
                   ("model", "checks", "extends", "loader", "migrations", "problems", "source", "yamltree"))
CACHE_VERSIONS = (f"pydantic {pydantic.VERSION}", f"pydantic-core {pydantic_core.__version__}",
                  f"PyYAML {yaml.__version__}", f"libyaml {getattr(yaml, '__with_libyaml__', False)}")

# Lessons loaded in this process: resolved path -> ((mtime_ns, size, sha256), lesson). Lessons are frozen.
_loaded: dict[Path, tuple[tuple[int, int, str], Lesson]] = {}
# Short lessons being built in this process (each extends the next); a chain this long is refused.
_extending: list[Path] = []
MAX_EXTENDS = 8

__all__ = ["LessonError", "Problem", "bundled_lesson_path", "load_lesson"]


def bundled_lesson_path() -> Path:
    return Path(__file__).parent.parent / "lessons" / BUNDLED_LESSON


def load_lesson(path: str | Path | None = None) -> Lesson:
    """The bundled lesson, or the lesson file at `path`; raises `LessonError` listing every problem."""
    path = Path(path) if path is not None else bundled_lesson_path()
    data, status = read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    fingerprint = (status.st_mtime_ns, status.st_size, digest)
    where = _resolved(path)
    known = _loaded.get(where)
    if known is not None and known[0] == fingerprint:
        return known[1]
    entry = cache.key(CACHE_KIND, data, cache.fingerprint(*CACHE_CODE, versions=CACHE_VERSIONS))
    lesson = _from_cache(entry)
    if lesson is None:
        tree, positions = _parse(path, decode(path, data))
        if EXTENDS in tree:  # depends on the lesson it extends too: built each time, never cached
            return _validate(path, *_extended(path, tree, positions))
        lesson = _validate(path, tree, positions)
        cache.put(entry, lesson.model_dump_json().encode("utf-8"))
    _loaded[where] = (fingerprint, lesson)
    return lesson


def _extended(path: Path, tree: dict, positions: Positions) -> tuple[dict, Positions]:
    """The lesson a short file extends, with the short file's changes (see `extends`)."""
    name = tree[EXTENDS]
    if not isinstance(name, str) or not name.strip():
        raise LessonError([located(path, positions, (EXTENDS,), _("name the lesson this one extends: bundled, "
                                                                  "or the path of a lesson file"))])
    base = bundled_lesson_path() if name == "bundled" else path.parent / name
    if _resolved(base) in _extending or len(_extending) >= MAX_EXTENDS:
        raise LessonError([located(path, positions, (EXTENDS,),
                                   _("'{name}' extends this lesson in turn, or the chain is longer than {limit}")
                                   .format(name=name, limit=MAX_EXTENDS))])
    _extending.append(_resolved(path))
    try:
        base_tree = load_lesson(base).model_dump(mode="json")
    finally:
        _extending.pop()
    merged, merged_positions, problems = extend(str(path), base_tree, tree, positions)
    if problems:
        raise LessonError(problems)
    return merged, merged_positions


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except OSError:
        return path.absolute()


def _from_cache(entry: str) -> Lesson | None:
    """The lesson stored under `entry`, validated again; None if there is none or it does not validate."""
    stored = cache.get(entry)
    if stored is None:
        return None
    try:
        lesson = Lesson.model_validate_json(stored)
    except ValidationError:
        return None
    return None if check_lesson(lesson) else lesson


def _parse(path: Path, text: str) -> tuple[dict, Positions]:
    tree, positions = parse(str(path), text)
    if tree is None:
        raise file_problem(path, _("the file is empty"))
    if not isinstance(tree, dict):
        raise file_problem(path, _("a lesson file must be a mapping of keys (title:, references:, ...)"))
    problem = check_version(path, tree, positions)
    if problem is not None:
        raise LessonError([problem])
    migrate(tree, positions)
    return tree, positions


def _validate(path: Path, tree: dict, positions: Positions) -> Lesson:
    try:
        lesson = Lesson.model_validate(tree)
    except ValidationError as error:
        raise LessonError([schema_problem(path, positions, e) for e in error.errors()]) from None
    problems = check_lesson(lesson)
    if problems:
        raise LessonError([located(path, positions, loc, message) for loc, message in problems])
    return lesson


def positions(path: str | Path) -> Positions:
    """The 1-based (line, column) of every key and list item of a lesson file, keyed by its location, for tools
    that point into the file (`psoas-lesson facts`); a short lesson's are those of the lesson it makes. Raises
    `LessonError` if the file cannot be read."""
    path = Path(path)
    tree, where = _parse(path, decode(path, read_bytes(path)[0]))
    return _extended(path, tree, where)[1] if EXTENDS in tree else where
