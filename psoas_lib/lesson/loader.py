"""Turn a lesson file into a `Lesson`, or into errors an instructor can act on.

Every problem is reported as `PATH:LINE:COL: field.path: message`. The YAML is read with ruamel.yaml's
round-trip parser only to learn where each key and item sits; anchors, aliases and tags are refused
before anything is built, so a lesson file can neither build objects nor blow up through aliases.

A valid lesson is kept, in memory (by path, modification time, size and content hash) and in psoas_lib's
on-disk cache (by content hash and the loader's code, see `psoas_lib.cache`), so loading the same file again,
in this process or in the next kernel, skips the YAML parser; an entry read from disk is validated again.
Files with problems are never cached: their errors always come from a full parse.
"""

from __future__ import annotations

import functools
import hashlib
import io
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from .. import cache
from .checks import Location, check_lesson
from .model import Lesson

BUNDLED_LESSON = "psoas_release.yaml"
# What a cached lesson depends on besides the file: the code that validates it, and pydantic's and the
# YAML parser's versions.
CACHE_KIND = "lesson"
CACHE_CODE = ("lesson/model.py", "lesson/checks.py", "lesson/loader.py")
CACHE_PACKAGES = ("pydantic", "pydantic-core", "ruamel.yaml")

# Lessons loaded in this process: resolved path -> ((mtime_ns, size, sha256), lesson). Lessons are frozen.
_loaded: dict[Path, tuple[tuple[int, int, str], Lesson]] = {}


@dataclass(frozen=True)
class Problem:
    """One error in a lesson file, with its position (1-based line and column)."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"


class LessonError(Exception):
    """A lesson file that cannot be used; `problems` lists every error found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))
        super().__init__("\n".join(map(str, self.problems)))


def bundled_lesson_path() -> Path:
    return Path(str(resources.files("psoas_lib") / "lessons" / BUNDLED_LESSON))


def load_lesson(path: str | Path | None = None) -> Lesson:
    """The bundled lesson, or the lesson file at `path`; raises `LessonError` listing every problem."""
    path = Path(path) if path is not None else bundled_lesson_path()
    data, status = _read_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    fingerprint = (status.st_mtime_ns, status.st_size, digest)
    where = _resolved(path)
    known = _loaded.get(where)
    if known is not None and known[0] == fingerprint:
        return known[1]
    entry = cache.key(CACHE_KIND, data, cache.fingerprint(*CACHE_CODE, packages=CACHE_PACKAGES))
    lesson = _from_cache(entry)
    if lesson is None:
        lesson = _validate(path, _decode(path, data))
        cache.put(entry, lesson.model_dump_json().encode("utf-8"))
    _loaded[where] = (fingerprint, lesson)
    return lesson


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


def _validate(path: Path, text: str) -> Lesson:
    tree, positions = _parse(path, text)
    try:
        lesson = Lesson.model_validate(tree)
    except ValidationError as error:
        raise LessonError([_schema_problem(path, positions, e) for e in error.errors()]) from None
    problems = check_lesson(lesson)
    if problems:
        raise LessonError([_problem(path, positions, loc, message) for loc, message in problems])
    return lesson


def _file_problem(path: Path, message: str, line: int = 1, column: int = 1) -> LessonError:
    return LessonError([Problem(str(path), line, column, "(file)", message)])


def _read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    try:
        with path.open("rb") as file:
            return file.read(), os.fstat(file.fileno())
    except FileNotFoundError:
        raise _file_problem(path, "no such file") from None
    except IsADirectoryError:
        raise _file_problem(path, "is a folder, not a lesson file") from None
    except OSError as error:
        raise _file_problem(path, f"cannot be read ({error.strerror})") from None


def _decode(path: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise _file_problem(
            path, f"is not UTF-8 text (byte 0x{data[error.start]:02x}): save it as UTF-8", line, column
        ) from None
    if not text.strip():
        raise _file_problem(path, "the file is empty")
    return text


def _parse(path: Path, text: str) -> tuple[object, dict[Location, tuple[int, int]]]:
    from ruamel.yaml.comments import CommentedMap
    from ruamel.yaml.error import MarkedYAMLError

    try:
        tree = _load_once(text)
    except (MarkedYAMLError, _Refused):
        tree = _load_checked(path, text)  # the two-pass path, which reports every problem
    if tree is None:
        raise _file_problem(path, "the file is empty")
    if not isinstance(tree, CommentedMap):
        raise _file_problem(path, "a lesson file must be a mapping of keys (title:, references:, ...)")
    positions: dict[Location, tuple[int, int]] = {(): (1, 1)}
    return _plain(tree, (), positions), positions


class _Refused(Exception):
    """Raised while composing, at the first anchor, alias or tag: nothing is built from such a file."""


def _load_once(text: str) -> object:
    """The round-trip tree in one pass over the text, for a file without anchors, aliases or tags (the usual
    case); raises `_Refused` or a YAML error otherwise, and the caller then goes the two-pass way."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.Composer = _refusing_composer()
    node = yaml.compose(io.StringIO(text))  # stops at the first anchor, alias or tag: nothing is built
    return None if node is None else yaml.constructor.construct_document(node)


@functools.cache
def _refusing_composer() -> type:
    from ruamel.yaml.composer import Composer

    class RefusingComposer(Composer):
        def compose_node(self, parent: object, index: object) -> object:
            if _is_refused(self.parser.peek_event()):
                raise _Refused
            return super().compose_node(parent, index)

    return RefusingComposer


def _load_checked(path: Path, text: str) -> object:
    """Every anchor, alias and tag in the file refused in one error, else the round-trip tree; YAML errors
    as `LessonError`s with their position."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    yaml = YAML(typ="rt")
    try:
        refused = [
            _refused_event(path, event) for event in yaml.parse(io.StringIO(text)) if _is_refused(event)
        ]
        if refused:
            raise LessonError(refused)
        return yaml.load(io.StringIO(text))
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(filter(None, [error.context, error.problem]))
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise _file_problem(path, f"invalid YAML: {message}", line, column) from None


def _is_refused(event: object) -> bool:
    from ruamel.yaml.events import AliasEvent, NodeEvent

    return isinstance(event, AliasEvent) or (
        isinstance(event, NodeEvent) and (event.anchor is not None or getattr(event, "tag", None) is not None)
    )


def _refused_event(path: Path, event) -> Problem:
    from ruamel.yaml.events import AliasEvent

    mark = event.start_mark
    if isinstance(event, AliasEvent) or event.anchor is not None:
        message = "YAML anchors and aliases (&name, *name) are not allowed in a lesson file: write the text out"
    else:
        message = f"YAML tags ({event.tag}) are not allowed in a lesson file"
    return Problem(str(path), mark.line + 1, mark.column + 1, "(yaml)", message)


def _plain(node: object, loc: Location, positions: dict[Location, tuple[int, int]]) -> object:
    """Plain dicts, lists and scalars, recording the 1-based position of every key and item."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap):
        out = {}
        for key, value in node.items():
            line, column = node.lc.key(key)
            positions[(*loc, str(key))] = (line + 1, column + 1)
            out[str(key)] = _plain(value, (*loc, str(key)), positions)
        return out
    if isinstance(node, CommentedSeq):
        out_list = []
        for index, value in enumerate(node):
            line, column = node.lc.item(index)
            positions[(*loc, index)] = (line + 1, column + 1)
            out_list.append(_plain(value, (*loc, index), positions))
        return out_list
    for plain_type in (bool, int, float, str):
        if isinstance(node, plain_type):
            return plain_type(node)
    return node


def _field_path(loc: Location) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(lesson)"


def _problem(path: Path, positions: dict[Location, tuple[int, int]], loc: Location, message: str) -> Problem:
    known = loc
    while known not in positions:
        known = known[:-1]
    line, column = positions[known]
    return Problem(str(path), line, column, _field_path(loc), message)


def _schema_problem(path: Path, positions: dict[Location, tuple[int, int]], error: dict) -> Problem:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        message = "required field is missing"
    elif kind == "extra_forbidden":
        message = "unknown field (check its spelling and indentation)"
    else:
        message = error["msg"].removeprefix("Value error, ")
        if not isinstance(error.get("input"), (dict, list)):
            message += f" (got {error['input']!r})"
    return _problem(path, positions, loc, message)


def positions(path: str | Path) -> dict[Location, tuple[int, int]]:
    """The 1-based (line, column) of every key and list item of a lesson file, keyed by its location, for
    tools that point into the file (`psoas-lesson facts`). Raises `LessonError` if it cannot be read."""
    path = Path(path)
    return _parse(path, _decode(path, _read_bytes(path)[0]))[1]


field_path = _field_path  # a location as the error messages write it: anatomy.neighbours[0].text
