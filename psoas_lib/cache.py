"""A small on-disk cache for what is slow to rebuild and comes out the same every time: the validated lesson
and the figures' PNG images, so that a kernel after the first (a restart, the next notebook, every Voila page)
neither parses the lesson file again nor draws the same figures.

An entry's name is a SHA-256 over everything it is made from: the input (the lesson file's bytes), the source
of the psoas_lib modules that build it, and the versions of the libraries involved. A changed lesson file,
library or code therefore looks for another entry, and a stale one is never served.

The folder is $PSOAS_CACHE_DIR, else $XDG_CACHE_HOME/psoas_lib, else ~/.cache/psoas_lib. It is created private
(0700) and used only while it belongs to the current user and no one else can write to it, so other users
cannot plant entries; whoever can write there can already edit that user's notebooks and lesson files.
Entries are written atomically. The cache trusts nothing it did not write: each entry starts with a line
naming the entry it was written as (the hash of its inputs), and is used only under that name, only if it is
a regular file owned by the user (a link, FIFO or device is not even opened for reading) and not larger than
an entry can be. Readers still check what they read (a lesson entry is validated again by the schema and the
cross-checks). A folder that cannot be used is skipped silently: everything is then built as if there were no
cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from . import settings

VARIABLE = settings.CACHE_DIR.variable
PACKAGE = Path(__file__).parent
MAX_ENTRIES_PER_KIND = 64  # the oldest entries beyond this are removed, so edits to a lesson do not pile up
MAX_ENTRY_BYTES = 20_000_000  # far above a lesson's or a figure's entry


def folder() -> Path | None:
    """The cache folder, created if need be; None when there is none that is safe to use."""
    configured = settings.CACHE_DIR.value()
    try:
        if configured:
            path = Path(configured)
        else:
            path = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "psoas_lib"
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = path.stat()
    except (OSError, RuntimeError):  # RuntimeError: no home folder
        return None
    if status.st_uid != os.getuid() or status.st_mode & 0o022:
        return None
    return path


@functools.cache
def fingerprint(*modules: str, versions: tuple[str, ...] = ()) -> bytes:
    """What the code behind an entry is: the source of these psoas_lib modules (paths relative to the
    package, e.g. "lesson/model.py") and the libraries' `versions` (e.g. "pydantic 2.14.4"; the caller reads
    them from the modules it has imported, which costs nothing, unlike scanning the installed packages)."""
    digest = hashlib.sha256()
    for line in versions:
        digest.update(line.encode() + b"\n")
    for module in modules:
        digest.update(module.encode() + b"\0" + (PACKAGE / module).read_bytes() + b"\0")
    return digest.digest()


def key(kind: str, *parts: bytes | str) -> str:
    """An entry's name: the kind of entry and a SHA-256 over every part (each length-prefixed)."""
    digest = hashlib.sha256()
    for part in (kind, *parts):
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    return f"{kind}-{digest.hexdigest()}"


def _header(name: str) -> bytes:
    return f"psoas_lib cache entry {name}\n".encode()


def get(name: str) -> bytes | None:
    """What `put` stored under `name`, or None: for no entry, and for anything `put` did not write there."""
    where = folder()
    if where is None:
        return None
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(where / name, flags)
    except OSError:
        return None
    try:
        status = os.fstat(handle)
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.getuid():
            return None
        with os.fdopen(handle, "rb", closefd=False) as file:
            data = file.read(MAX_ENTRY_BYTES + 1)
    except OSError:
        return None
    finally:
        os.close(handle)
    header = _header(name)
    if len(data) > MAX_ENTRY_BYTES or not data.startswith(header):
        return None
    return data[len(header):]


def put(name: str, data: bytes) -> None:
    """Store `data` under `name` (atomically: a reader sees the old entry, none, or the whole new one)."""
    where = folder()
    if where is None:
        return
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(dir=where, prefix=".writing-")
        with os.fdopen(handle, "wb") as out:
            out.write(_header(name) + data)
        os.replace(temporary, where / name)
        temporary = None
        _prune(where, name.split("-", 1)[0])
    except OSError:
        pass
    finally:
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)


def _prune(where: Path, kind: str) -> None:
    entries = sorted(where.glob(f"{kind}-*"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in entries[MAX_ENTRIES_PER_KIND:]:
        old.unlink(missing_ok=True)
