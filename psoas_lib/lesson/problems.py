"""Problems in a lesson file, each one line `PATH:LINE:COL: field.path: message`, and how pydantic's errors and
the cross-checks become such problems at the position of the key or item they concern."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..i18n import _

Location = tuple[str | int, ...]
Positions = dict[Location, tuple[int, int]]  # location in the lesson -> (line, column), both 1-based
INPUT_SHOWN = 60  # characters of a refused value repeated in its message

# Control characters (C0 but tab, C1, DEL) shown as escapes, so a problem always prints as one line.
_ESCAPED = {code: f"\\x{code:02x}" for code in [*range(0x20), 0x7F, *range(0x80, 0xA0)]} | {0x2028: "\\u2028",
                                                                                           0x2029: "\\u2029"}


def one_line(text: str) -> str:
    """`text` on one line: runs of white space become one space, other control characters escapes."""
    return re.sub(r"\s+", " ", text).strip().translate(_ESCAPED)


@dataclass(frozen=True)
class Problem:
    """One error in a lesson file, with its position (1-based line and column)."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return (f"{str(self.path).translate(_ESCAPED)}:{self.line}:{self.column}: "
                f"{one_line(self.field)}: {one_line(self.message)}")


class LessonError(Exception):
    """A lesson file that cannot be used; `problems` lists every error found, in file order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.line, p.column))
        super().__init__("\n".join(map(str, self.problems)))


def file_problem(path: Path | str, message: str, line: int = 1, column: int = 1) -> LessonError:
    """The error of a file that cannot be read as a lesson at all."""
    return LessonError([Problem(str(path), line, column, "(file)", message)])


def field_path(loc: Location) -> str:
    path = ""
    for part in loc:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    return path or "(lesson)"


def located(path: Path | str, positions: Positions, loc: Location, message: str) -> Problem:
    """A problem at `loc`, placed at the nearest key or item of the file that holds it."""
    known = loc
    while known not in positions:
        known = known[:-1]
    line, column = positions[known]
    return Problem(str(path), line, column, field_path(loc), message)


def shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= INPUT_SHOWN else text[: INPUT_SHOWN - 3] + "..."


def schema_problem(path: Path | str, positions: Positions, error: dict) -> Problem:
    """A pydantic validation error as a problem of the file."""
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind == "missing":
        message = _("required field is missing")
    elif kind == "extra_forbidden":
        message = _("unknown field (check its spelling and indentation)")
    else:
        message = error["msg"].removeprefix("Value error, ")
        if not isinstance(error.get("input"), (dict, list)):
            message += _(" (got {value})").format(value=shown(error["input"]))
    return located(path, positions, loc, message)
