"""Shared fixtures: the bundled lesson, and editable copies of its file; psoas_lib's cache in a temporary folder."""

from pathlib import Path

import pytest

from psoas_lib.lesson import bundled_lesson_path, load_lesson


@pytest.fixture(scope="session", autouse=True)
def _cache_in_a_temporary_folder(tmp_path_factory):
    """psoas_lib's on-disk cache (and that of every server and kernel the tests start) goes to a temporary
    folder, never to ~/.cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PSOAS_CACHE_DIR", str(tmp_path_factory.mktemp("psoas-cache")))
        yield


@pytest.fixture(scope="session")
def lesson(_cache_in_a_temporary_folder):
    return load_lesson()


@pytest.fixture
def lesson_text() -> str:
    return bundled_lesson_path().read_text(encoding="utf-8")


@pytest.fixture
def write_lesson(tmp_path):
    """Write lesson text (str or bytes) to a file in tmp_path and return its path."""

    def write(content, name: str = "lesson.yaml") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write


class SetClock:
    """A clock the test sets: `now` (seconds) is what the code under test reads."""

    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


@pytest.fixture
def clock():
    return SetClock()
