"""psoas_lib's caches: a lesson loaded again comes from memory or disk, but a changed file is parsed again,
a broken one still reports its lines, and the cache folder is used only when it is private."""

import os

import pytest

from psoas_lib import cache
from psoas_lib.lesson import LessonError, load_lesson, loader
from psoas_lib.lesson.model import Lesson
from psoas_lib.widgets import figure

from lesson.helpers import line_of, problems_of


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """An empty cache folder and nothing loaded yet in this process; returns the folder."""
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.VARIABLE, str(folder))
    monkeypatch.setattr(loader, "_loaded", {})
    return folder


@pytest.fixture
def parses(monkeypatch):
    """Counts the full parses of lesson files (the YAML parser, then schema and checks)."""
    calls = []
    parse = loader._parse

    def counting(path, text):
        calls.append(path)
        return parse(path, text)

    monkeypatch.setattr(loader, "_parse", counting)
    return calls


def entries(folder, kind):
    return sorted(folder.glob(f"{kind}-*"))


def test_a_lesson_loaded_again_is_not_parsed_again(fresh, parses, lesson_text, write_lesson):
    path = write_lesson(lesson_text)
    first = load_lesson(path)
    assert load_lesson(path) is first
    assert len(parses) == 1


def test_the_next_process_gets_the_lesson_from_disk_validated_and_equal(fresh, parses, lesson_text,
                                                                         write_lesson, monkeypatch):
    path = write_lesson(lesson_text)
    first = load_lesson(path)
    [entry] = entries(fresh, "lesson")
    monkeypatch.setattr(loader, "_loaded", {})  # as in a new kernel
    assert load_lesson(path) == first
    assert len(parses) == 1
    assert oct(fresh.stat().st_mode & 0o777) == "0o700"
    assert Lesson.model_validate_json(cache.get(entry.name)) == first


def test_a_changed_file_is_reloaded_even_with_the_same_size_and_time(fresh, parses, lesson_text, write_lesson):
    path = write_lesson(lesson_text)
    status = path.stat()
    assert load_lesson(path).title == "The psoas release"
    write_lesson(lesson_text.replace("title: The psoas release", "title: The psoas RELEASE", 1))
    os.utime(path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert path.stat().st_size == status.st_size and path.stat().st_mtime_ns == status.st_mtime_ns
    assert load_lesson(path).title == "The psoas RELEASE"
    assert len(parses) == 2


def test_a_file_broken_after_loading_still_reports_file_line_and_field(fresh, lesson_text, write_lesson):
    path = write_lesson(lesson_text)
    load_lesson(path)
    broken = lesson_text.replace("        seconds: 60", "        seconds: a minute")
    write_lesson(broken)
    [problem] = problems_of(path)
    assert (problem.path, problem.line) == (str(path), line_of(lesson_text, "seconds: 60"))
    assert problem.field == "dose.suggested_split.steps[0].seconds"
    with pytest.raises(LessonError):  # and again: errors are never cached as lessons
        load_lesson(path)
    assert len(entries(fresh, "lesson")) == 1  # only the valid version's


def test_an_alias_is_still_refused_with_its_line(fresh, lesson_text, write_lesson):
    path = write_lesson(lesson_text.replace("title: The psoas release", "title: &t The psoas release", 1))
    [problem] = problems_of(path)
    assert problem.line == line_of(lesson_text, "title: The psoas release")
    assert "anchors and aliases" in problem.message


@pytest.mark.parametrize("damage", [b"not json", b'{"id": "psoas-release"}', "header and not json",
                                    "header and an edited lesson"])
def test_a_damaged_or_edited_entry_is_not_served(fresh, parses, lesson_text, write_lesson, monkeypatch, damage):
    path = write_lesson(lesson_text)
    first = load_lesson(path)
    [entry] = entries(fresh, "lesson")
    header = entry.read_bytes().split(b"\n", 1)[0] + b"\n"
    if damage == "header and not json":
        damage = header + b"not json"
    elif damage == "header and an edited lesson":
        damage = header + first.model_copy(update={"references": []}).model_dump_json().encode()
    entry.write_bytes(damage)
    monkeypatch.setattr(loader, "_loaded", {})
    assert load_lesson(path) == first
    assert len(parses) == 2  # parsed again, and the entry rewritten
    assert Lesson.model_validate_json(cache.get(entry.name)) == first


def test_a_different_validating_code_uses_another_entry():
    code = cache.fingerprint("lesson/model.py", versions=("pydantic 2",))
    assert cache.key("lesson", b"text", code) != cache.key("lesson", b"text", code + b"changed")
    assert cache.key("lesson", b"text", code) != cache.key("lesson", b"text!", code)


def test_a_folder_others_can_write_to_is_not_used(fresh, parses, lesson_text, write_lesson):
    fresh.mkdir()
    fresh.chmod(0o777)
    assert cache.folder() is None
    load_lesson(write_lesson(lesson_text))
    assert entries(fresh, "lesson") == []


def test_a_figure_is_drawn_once_and_its_png_is_the_drawing(fresh, lesson, monkeypatch):
    from psoas_lib.figures.anterior import draw_anterior

    assert figure.lesson_png(lesson, "anterior") == figure.png_bytes(draw_anterior(lesson))
    def no_drawing(_lesson):
        raise AssertionError("drawn again")

    monkeypatch.setattr(figure, "DRAWINGS", dict.fromkeys(figure.DRAWINGS, no_drawing))
    view = figure.lesson_figure(lesson, "anterior")
    assert view.title == lesson.figures.anterior.title and "data:image/png;base64," in view.value


def test_a_figure_in_another_language_is_drawn_again(fresh, lesson, monkeypatch):
    monkeypatch.setattr(figure, "prebuilt", lambda _entry: None)  # no shipped image, as for any other lesson
    figure.lesson_png(lesson, "transverse")
    monkeypatch.setattr(figure, "current_language", lambda: "de")
    figure.lesson_png(lesson, "transverse")
    assert len(entries(fresh, "figure")) == 2


def planted(fresh, lesson_text, write_lesson):
    """The entry a lesson would be served from, with the lesson it was written for."""
    path = write_lesson(lesson_text)
    lesson = load_lesson(path)
    [entry] = entries(fresh, "lesson")
    return path, lesson, entry


def test_an_entry_is_used_only_under_the_name_it_was_written_as(fresh, parses, lesson_text, write_lesson,
                                                                monkeypatch):
    """Another lesson's entry copied under this lesson's name is not served: an entry is bound to its inputs."""
    _path, _lesson, other_entry = planted(fresh, lesson_text.replace("title: The psoas release",
                                                                        "title: Another lesson", 1), write_lesson)
    path = write_lesson(lesson_text, "mine.yaml")
    mine = load_lesson(path)
    mine_entry = next(e for e in entries(fresh, "lesson") if e != other_entry)
    mine_entry.write_bytes(other_entry.read_bytes())
    monkeypatch.setattr(loader, "_loaded", {})
    assert load_lesson(path) == mine and load_lesson(path).title == "The psoas release"
    assert len(parses) == 3


@pytest.mark.parametrize("kind", ["symlink", "fifo"])
def test_an_entry_that_is_not_a_regular_file_is_ignored_unread(fresh, parses, lesson_text, write_lesson,
                                                              monkeypatch, kind):
    path, lesson, entry = planted(fresh, lesson_text, write_lesson)
    kept = fresh / "kept"
    entry.rename(kept)
    if kind == "symlink":
        entry.symlink_to(kept)
    else:
        os.mkfifo(entry)
    assert cache.get(entry.name) is None  # a FIFO would block a reader that opened it for reading
    monkeypatch.setattr(loader, "_loaded", {})
    assert load_lesson(path) == lesson
    assert len(parses) == 2


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_an_entry_owned_by_another_user_is_ignored(fresh, parses, lesson_text, write_lesson, monkeypatch):
    path, lesson, entry = planted(fresh, lesson_text, write_lesson)
    os.chown(entry, os.getuid() + 4242, -1)
    assert cache.get(entry.name) is None
