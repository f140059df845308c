"""Short lessons: a file that `extends:` another says only what differs; the merged lesson is what the
notebooks get, problems point at the short file's own lines, and an id that does not exist is named."""

import yaml

from psoas_lib.cli import main
from psoas_lib.lesson import load_lesson

from .helpers import line_of, problems_of

HEAD = "schema_version: 1\nextends: bundled\n"


def test_a_short_file_with_no_changes_is_the_bundled_lesson(lesson, write_lesson):
    assert load_lesson(write_lesson(HEAD)) == lesson


def test_replaced_values_and_texts_by_id(lesson, write_lesson):
    short = load_lesson(write_lesson(HEAD + "language: de\ndose:\n  window:\n    max_minutes: 6\n"
                                            "indications:\n  - id: stenosis\n    title: Stenosis, older patient\n"))
    assert short.language == "de"
    assert (short.dose.window.min_minutes, short.dose.window.max_minutes) == (5, 6)
    assert short.dose.text == lesson.dose.text
    stenosis = next(case for case in short.indications if case.id == "stenosis")
    assert stenosis.title == "Stenosis, older patient"
    assert stenosis.mechanism == next(c for c in lesson.indications if c.id == "stenosis").mechanism
    assert [c.id for c in short.indications] == [c.id for c in lesson.indications]


def test_added_removed_and_reordered_items(lesson, write_lesson):
    text = HEAD + """\
indications:
  - id: spondylolisthesis
    remove: true
quizzes:
  landmarks:
    - id: position
      new: true
      prompt: Where does the patient lie?
      sources: [post]
      options:
        - {text: Supine, correct: true, explanation: Right.}
        - {text: Prone, correct: false, explanation: No.}
reorder:
  quizzes.landmarks: [position, pulse]
"""
    short = load_lesson(write_lesson(text))
    assert "spondylolisthesis" not in [c.id for c in short.indications]
    assert len(short.indications) == len(lesson.indications) - 1
    others = [q.id for q in lesson.quizzes.landmarks if q.id != "pulse"]
    assert [q.id for q in short.quizzes.landmarks] == ["position", "pulse", *others]


def test_an_id_that_does_not_exist_is_named_at_its_line(write_lesson):
    text = HEAD + "indications:\n  - id: stenosis\n    title: ok\n  - id: stenossis\n    title: Typo\n"
    [problem] = problems_of(write_lesson(text))
    assert problem.line == line_of(text, "id: stenossis") and problem.field == "indications[1].id"
    assert "no item with id 'stenossis' in the lesson this one extends" in problem.message


def test_a_reorder_naming_an_unknown_id_or_list(write_lesson):
    text = HEAD + "reorder:\n  quizzes.landmarks: [pulse, nope]\n  quizzes.nothing: [a]\n"
    problems = problems_of(write_lesson(text))
    assert [(p.line, p.message) for p in problems] == [
        (4, "no item with id 'nope' in quizzes.landmarks"),
        (5, "'quizzes.nothing' is not a list of items with ids in this lesson")]


def test_errors_in_a_short_file_point_at_its_own_lines(write_lesson):
    text = HEAD + "title: Mine\ndose:\n  window:\n    max_minutes: 500\nquizzes:\n  landmarks:\n" \
                  "    - id: pulse\n      prompt: ''\n"
    problems = problems_of(write_lesson(text))
    assert [(p.field, p.line) for p in problems] == [
        ("dose.window.max_minutes", line_of(text, "max_minutes")),
        ("quizzes.landmarks[1].prompt", line_of(text, "prompt:"))]
    assert all(p.path.endswith("lesson.yaml") for p in problems)


def test_an_added_item_that_is_incomplete_points_at_the_short_file(write_lesson):
    text = HEAD + "overview:\n  - id: extra\n    new: true\n    text: A fact with no sources.\n"
    [problem] = problems_of(write_lesson(text))
    assert problem.field.startswith("overview[") and problem.line == line_of(text, "- id: extra")
    assert problem.message == "required field is missing"


def test_a_short_file_can_extend_another_file_and_follows_its_changes(write_lesson, lesson_text):
    base = write_lesson(lesson_text, "base.yaml")
    short = write_lesson("schema_version: 1\nextends: base.yaml\nlanguage: de\n", "short.yaml")
    assert load_lesson(short).title == "The psoas release"
    write_lesson(lesson_text.replace("title: The psoas release", "title: Corrected title", 1), "base.yaml")
    assert load_lesson(short).title == "Corrected title"  # a correction to the base reaches the short lesson
    write_lesson(lesson_text.replace("max_minutes: 7", "max_minutes: x"), "base.yaml")
    [problem] = problems_of(short)
    assert problem.path == str(base)  # the base's own problem, at its own line


def test_a_lesson_cannot_extend_itself(write_lesson):
    [problem] = problems_of(write_lesson("schema_version: 1\nextends: lesson.yaml\n"))
    assert problem.field == "extends" and "extends this lesson in turn" in problem.message


def test_show_prints_the_merged_lesson(write_lesson, capsys, lesson):
    path = write_lesson(HEAD + "title: Mine\n")
    assert main(["show", str(path)]) == 0
    shown = yaml.safe_load(capsys.readouterr().out)
    assert shown["title"] == "Mine" and shown["notice"] == lesson.notice and "extends" not in shown


def test_new_writes_a_short_commented_file_whose_examples_all_work(tmp_path, capsys, lesson):
    assert main(["new", str(tmp_path)]) == 0
    written = (tmp_path / "psoas_release.yaml").read_text(encoding="utf-8")
    assert "extends: bundled" in written and written.count("\n") < 60
    assert load_lesson(tmp_path / "psoas_release.yaml") == lesson
    lines = written.splitlines()
    start = lines.index("extends: bundled") + 1
    examples = [*lines[:start], *(line.removeprefix("#").removeprefix(" ") for line in lines[start:])]
    (tmp_path / "all.yaml").write_text("\n".join(examples) + "\n", encoding="utf-8")
    changed = load_lesson(tmp_path / "all.yaml")
    assert changed.language == "de" and changed.dose.window.max_minutes == 6
    assert [q.id for q in changed.quizzes.landmarks][:2] == ["pulse", "start-point"]
    assert changed.quizzes.landmarks[-1].id == "my-question"
    assert "spondylolisthesis" not in [case.id for case in changed.indications]
