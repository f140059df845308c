"""Lesson formats: files of every past format still load, a file for a newer psoas_lib says so in one line,
and older files are migrated step by step, in memory or rewritten by `psoas-lesson upgrade`, keeping their
positions and comments."""

from pathlib import Path

import pytest
import yaml

from psoas_lib.cli import main
from psoas_lib.lesson import load_lesson, migrations
from psoas_lib.lesson.migrations import migrate, rename_key
from psoas_lib.lesson.model import SCHEMA_VERSION

from .helpers import line_of, problems_of

FORMATS = Path(__file__).parent / "formats"


@pytest.mark.parametrize("frozen", sorted(FORMATS.glob("v*.yaml")), ids=lambda path: path.stem)
def test_a_file_of_every_past_format_still_loads(frozen):
    assert load_lesson(frozen).id == "psoas-release"


def test_every_format_up_to_the_current_one_has_a_frozen_file_and_a_step():
    assert sorted(int(path.stem[1:]) for path in FORMATS.glob("v*.yaml")) == list(range(1, SCHEMA_VERSION + 1))
    assert sorted(migrations.STEPS) == list(range(migrations.FIRST_VERSION, SCHEMA_VERSION))


def test_a_file_for_a_newer_psoas_lib_gets_one_message(lesson_text, write_lesson):
    text = lesson_text.replace(f"schema_version: {SCHEMA_VERSION}", f"schema_version: {SCHEMA_VERSION + 1}")
    text = text.replace("title: The psoas release", "headline: The psoas release")  # a new format's field
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "schema_version" and problem.line == line_of(text, f"schema_version: {SCHEMA_VERSION + 1}")
    assert problem.message == (f"written for a newer psoas_lib (format {SCHEMA_VERSION + 1}, this one reads up "
                               f"to {SCHEMA_VERSION}): update psoas_lib")


@pytest.mark.parametrize("version", ["0", "one", "1.5", "true"])
def test_a_format_that_is_not_a_known_number(lesson_text, write_lesson, version):
    [problem] = problems_of(write_lesson(lesson_text.replace(f"schema_version: {SCHEMA_VERSION}", f"schema_version: {version}")))
    assert problem.field == "schema_version"
    assert problem.message.startswith(f"must be a format number from 1 to {SCHEMA_VERSION}")


def test_migration_runs_every_step_in_order_and_moves_positions(monkeypatch):
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", 3)
    monkeypatch.setitem(migrations.STEPS, 1, lambda tree, positions: rename_key(tree, positions, ("x",), "a", "b"))
    monkeypatch.setitem(migrations.STEPS, 2, lambda tree, positions: rename_key(tree, positions, ("x",), "b", "c"))
    tree = {"schema_version": 1, "x": {"first": 0, "a": {"deep": [1]}, "last": 2}}
    positions = {(): (1, 1), ("x",): (2, 1), ("x", "a"): (4, 3), ("x", "a", "deep"): (5, 5),
                 ("x", "a", "deep", 0): (5, 12)}
    assert migrate(tree, positions)
    assert tree == {"schema_version": 3, "x": {"first": 0, "c": {"deep": [1]}, "last": 2}}
    assert list(tree["x"]) == ["first", "c", "last"]
    assert positions[("x", "c")] == (4, 3) and positions[("x", "c", "deep", 0)] == (5, 12)
    assert not any(loc[:2] == ("x", "a") for loc in positions)


@pytest.fixture
def format_zero(monkeypatch):
    """A past format 0 in which the lesson's title was called `title_text`."""
    monkeypatch.setattr(migrations, "FIRST_VERSION", 0)
    monkeypatch.setitem(migrations.STEPS, 0,
                        lambda tree, positions: rename_key(tree, positions, (), "title_text", "title"))


def old_lesson(lesson_text: str) -> str:
    return (lesson_text.replace(f"schema_version: {SCHEMA_VERSION}", "schema_version: 0")
            .replace("title: The psoas release", "title_text: The psoas release  # the lesson's title"))


def test_an_older_file_is_migrated_in_memory_and_errors_point_at_its_own_lines(format_zero, lesson_text,
                                                                              write_lesson):
    assert load_lesson(write_lesson(old_lesson(lesson_text))).title == "The psoas release"
    text = old_lesson(lesson_text).replace("title_text: The psoas release", "title_text: ''")
    [problem] = problems_of(write_lesson(text, "broken.yaml"))
    assert problem.field == "title" and problem.line == line_of(text, "title_text:")


def test_upgrade_rewrites_an_older_file_keeping_its_comments(format_zero, lesson_text, write_lesson, capsys):
    path = write_lesson(old_lesson(lesson_text))
    assert main(["upgrade", str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: upgraded from format 0 to {SCHEMA_VERSION}\n"
    upgraded = path.read_text(encoding="utf-8")
    expected = old_lesson(lesson_text).replace("schema_version: 0", f"schema_version: {SCHEMA_VERSION}")
    # The same content, the renamed key in its place with its comment, and every comment line kept. (A flow
    # list written over several lines comes back on one: ruamel keeps comments, not those line breaks.)
    assert yaml.safe_load(upgraded) == {**yaml.safe_load(expected.replace("title_text:", "title:"))}
    [title] = [line for line in upgraded.splitlines() if line.startswith("title")]
    assert title.startswith("title: The psoas release ") and title.endswith("# the lesson's title")
    comments = [line.strip() for line in expected.splitlines() if line.strip().startswith("#")]
    assert all(comment in upgraded for comment in comments)
    assert main(["validate", str(path)]) == 0


def test_upgrade_leaves_a_current_file_alone(lesson_text, write_lesson, capsys):
    path = write_lesson(lesson_text)
    assert main(["upgrade", str(path)]) == 0
    assert "already in format" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == lesson_text


def test_upgrade_refuses_a_newer_file(lesson_text, write_lesson, capsys):
    path = write_lesson(lesson_text.replace(f"schema_version: {SCHEMA_VERSION}", "schema_version: 99"))
    assert main(["upgrade", str(path)]) == 1
    assert "written for a newer psoas_lib (format 99" in capsys.readouterr().out


def test_a_format_1_lesson_gets_the_safety_rule_the_warning_sign_and_the_zone_in_cm():
    old, bundled = load_lesson(FORMATS / "v1.yaml"), load_lesson()
    assert (old.palpation.start_zone.lateral_min_cm, old.palpation.start_zone.lateral_max_cm) == (5.0, 7.5)
    assert old.safety.during_release == bundled.safety.during_release
    assert old.technique.landmarks == bundled.technique.landmarks
    assert [q.id for q in old.palpation.confirmation if q.warning_sign] == [
        q.id for q in bundled.palpation.confirmation if q.warning_sign]
    assert old.figures == bundled.figures  # format 1's drawings had vessels no reference placed there


def test_a_format_1_short_lesson_gets_only_its_inches_in_cm(write_lesson):
    text = ("schema_version: 1\nextends: bundled\npalpation:\n  start_zone:\n    lateral_min_in: 2.2\n"
            "    lateral_max_in: 3\n")
    zone = load_lesson(write_lesson(text)).palpation.start_zone
    assert (zone.lateral_min_cm, zone.lateral_max_cm) == (5.5, 7.5)


def test_upgrade_writes_a_format_1_file_in_format_2_that_loads_the_same(write_lesson, capsys):
    path = write_lesson((FORMATS / "v1.yaml").read_text(encoding="utf-8"))
    assert main(["upgrade", str(path)]) == 0
    assert f"upgraded from format 1 to {SCHEMA_VERSION}" in capsys.readouterr().out
    assert load_lesson(path) == load_lesson(FORMATS / "v1.yaml")
