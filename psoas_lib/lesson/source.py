"""Reading a lesson file's bytes and decoding them to text, refusing what is no lesson file before the YAML
parser sees it: anything but a regular file (a folder, a FIFO, a device: never opened in a way that could
block), a file larger than any lesson, text that is not UTF-8, and control characters or non-characters."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from ..i18n import N_, _, marked
from .problems import LessonError, Problem, file_problem

MAX_BYTES = 1_000_000  # the bundled lesson is about 40 KB; a lesson is a few hundred KB at most
MAX_CHARACTER_PROBLEMS = 10  # a binary file would otherwise give one problem per byte

# What YAML cannot hold, or a lesson should not: C0 controls but tab, line feed and carriage return, DEL, the
# C1 controls (NEL included), and the Unicode non-characters (U+FDD0..U+FDEF and the last two of every plane).
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17))
    + "]"
)
_KINDS = {stat.S_ISDIR: N_("a folder"), stat.S_ISFIFO: N_("a FIFO (named pipe)"), stat.S_ISCHR: N_("a device"),
          stat.S_ISBLK: N_("a device"), stat.S_ISSOCK: N_("a socket")}


def read_bytes(path: Path) -> tuple[bytes, os.stat_result]:
    """The file's bytes and its status; raises `LessonError` for anything that is not a regular file of a
    lesson's size. The file is opened non-blocking and checked again once open, so a FIFO or device put in
    its place meanwhile is refused too, never read."""
    try:
        _require_regular(path, os.stat(path))
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise file_problem(path, _("no such file")) from None
    except OSError as error:
        raise file_problem(path, _("cannot be read ({reason})").format(reason=error.strerror)) from None
    except ValueError:  # a NUL character in the path
        raise file_problem(path, _("is not a file name: it holds a NUL character")) from None
    try:
        status = os.fstat(handle)
        _require_regular(path, status)
        with os.fdopen(handle, "rb", closefd=False) as file:
            data = file.read(MAX_BYTES + 1)
    except OSError as error:
        raise file_problem(path, _("cannot be read ({reason})").format(reason=error.strerror)) from None
    finally:
        os.close(handle)
    if len(data) > MAX_BYTES:
        raise file_problem(path, _("is larger than {limit} KB, which no lesson file needs (the bundled lesson is "
                                   "about 40 KB): is this the right file?").format(limit=MAX_BYTES // 1000))
    return data, status


def _require_regular(path: Path, status: os.stat_result) -> None:
    if stat.S_ISREG(status.st_mode):
        return
    kind = next((name for test, name in _KINDS.items() if test(status.st_mode)), N_("not a regular file"))
    raise file_problem(path, _("is {kind}, not a lesson file").format(kind=marked(kind)))


def decode(path: Path, data: bytes) -> str:
    """The file's text; raises `LessonError` if it is not UTF-8, holds forbidden characters or is empty."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        before = data[: error.start]
        line = before.count(b"\n") + 1
        column = error.start - (before.rfind(b"\n") + 1) + 1
        raise file_problem(
            path, _("is not UTF-8 text (byte 0x{byte:02x}): save it as UTF-8").format(byte=data[error.start]),
            line, column
        ) from None
    problems = [_character_problem(path, text, match.start())
                for match, _count in zip(_FORBIDDEN.finditer(text), range(MAX_CHARACTER_PROBLEMS))]
    if problems:
        raise LessonError(problems)
    if not text.strip():
        raise file_problem(path, _("the file is empty"))
    return text


def _character_problem(path: Path, text: str, index: int) -> Problem:
    character = text[index]
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    kind = _("a non-character") if character in "\ufffe\uffff" or ord(character) >= 0xFDD0 else _("a control character")
    return Problem(str(path), line, column, "(file)", _("character U+{code:04X} ({kind}) is not allowed in a lesson "
                                                        "file: delete it").format(code=ord(character), kind=kind))
