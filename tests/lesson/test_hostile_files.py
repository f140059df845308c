"""The validator is the contract: a hostile or broken file gets one-line problems with their positions, never a
traceback or a hang, and what it accepts the notebooks can use (finite numbers in range, distinct choices,
label text drawn as written)."""

import os
import re
import subprocess
import sys

import pytest

from psoas_lib.cli import main
from psoas_lib.lesson import LessonError, load_lesson
from psoas_lib.lesson.source import MAX_BYTES
from psoas_lib.lesson.yamltree import MAX_DEPTH, MAX_NODES


def problems_of(path):
    with pytest.raises(LessonError) as caught:
        load_lesson(path)
    for line in str(caught.value).splitlines():
        assert line.startswith(f"{path}:")
    assert len(str(caught.value).splitlines()) == len(caught.value.problems)
    return caught.value.problems


def line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize("character", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\ufdd0", "\ufffe",
                                       "\uffff", "\U0001fffe", "\U0010ffff"])
def test_a_control_or_non_character_is_named_with_its_position(lesson_text, write_lesson, character):
    text = lesson_text.replace("title: The psoas release", f"title: The psoas{character} release", 1)
    [problem] = problems_of(write_lesson(text))
    assert (problem.line, problem.column) == (line_of(text, "title: The psoas"), len("title: The psoas") + 1)
    assert f"U+{ord(character):04X}" in problem.message and "not allowed" in problem.message


def test_a_binary_file_lists_a_few_characters_not_thousands(write_lesson):
    problems = problems_of(write_lesson(bytes(range(1, 32)) * 300))
    assert 1 <= len(problems) <= 10


@pytest.mark.parametrize("nested", [
    "title: " + "[" * 250 + "]" * 250 + "\n",
    "title:\n" + "".join("  " * level + "- \n" for level in range(250)),
    "title: " + "{a: " * 250 + "x" + "}" * 250 + "\n",
])
def test_nesting_deeper_than_a_lesson_needs_is_refused(write_lesson, nested):
    [problem] = problems_of(write_lesson(nested))
    assert f"more than {MAX_DEPTH} levels deep" in problem.message
    assert problem.line >= 1


@pytest.mark.parametrize("many", ["title:\n" + "- a\n" * 30_000, "a: [" + "[1]," * 30_000 + "]\n"])
def test_more_values_than_a_lesson_needs_are_refused_where_the_limit_is_passed(write_lesson, many):
    [problem] = problems_of(write_lesson(many))
    assert f"more than {MAX_NODES} keys, items and values" in problem.message


def test_a_merge_key_is_refused_at_its_line(lesson_text, write_lesson):
    text = lesson_text.replace("  window:\n", "  window:\n    <<: {min_minutes: 1}\n", 1)
    [problem] = problems_of(write_lesson(text))
    assert "merge keys (<<:)" in problem.message
    assert problem.line == line_of(text, "<<:")


def test_a_merge_key_with_an_alias_is_refused_as_an_alias(write_lesson):
    problems = problems_of(write_lesson("base: &b {a: 1}\nother:\n  <<: *b\n"))
    assert [p.line for p in problems] == [1, 3]
    assert all("anchors and aliases" in p.message for p in problems)


def test_a_duplicate_key_with_block_values_is_one_line(lesson_text, write_lesson):
    text = lesson_text.replace("title: The psoas release\n", "title: |\n  one\n  two\ntitle: |\n  three\n", 1)
    [problem] = problems_of(write_lesson(text))
    assert "duplicate key 'title'" in problem.message and "\n" not in str(problem)
    assert problem.line == line_of(text, "title: |") + 3


def test_a_yaml_error_message_is_folded_to_one_line(write_lesson):
    [problem] = problems_of(write_lesson("title: [one,\n  two\nid: x\n"))
    assert problem.message.startswith("invalid YAML") and len(str(problem).splitlines()) == 1


def test_a_second_document_is_refused(lesson_text, write_lesson):
    text = lesson_text + "---\ntitle: another\n"
    [problem] = problems_of(write_lesson(text))
    assert "one YAML document" in problem.message and problem.line == text.count("\n") - 1


def test_a_key_must_be_a_name(write_lesson):
    [problem] = problems_of(write_lesson("? [a, b]\n: value\n"))
    assert "a key must be a plain name" in problem.message


def test_a_number_with_thousands_of_digits_is_refused_not_crashed(lesson_text, write_lesson):
    text = lesson_text.replace("max_minutes: 7", "max_minutes: " + "9" * 5000, 1)
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "dose.window.max_minutes" and len(problem.message) < 200


def test_a_file_larger_than_any_lesson_is_refused_unparsed(lesson_text, write_lesson):
    text = lesson_text + "".join(f"# padding comment number {n}\n" for n in range(70_000))
    assert len(text.encode()) > MAX_BYTES
    [problem] = problems_of(write_lesson(text))
    assert f"larger than {MAX_BYTES // 1000} KB" in problem.message


def test_a_folder_is_not_a_lesson_file(tmp_path):
    [problem] = problems_of(tmp_path)
    assert problem.message == "is a folder, not a lesson file"


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/null"])
def test_a_device_is_refused_without_reading_it(device):
    [problem] = problems_of(device)
    assert problem.message == "is a device, not a lesson file"


def test_a_fifo_is_refused_without_blocking(tmp_path):
    """In a child process with a time limit, so that a regression fails instead of hanging the suite."""
    fifo = tmp_path / "lesson.yaml"
    os.mkfifo(fifo)
    result = subprocess.run([sys.executable, "-m", "psoas_lib", "validate", str(fifo)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert result.stdout == f"{fifo}:1:1: (file): is a FIFO (named pipe), not a lesson file\n"
    assert result.stderr == ""


@pytest.mark.parametrize(("old", "new", "field", "allowed"), [
    ("max_minutes: 7", "max_minutes: .inf", "dose.window.max_minutes", "more than 0 to 120 minutes"),
    ("max_minutes: 7", "max_minutes: .nan", "dose.window.max_minutes", "more than 0 to 120 minutes"),
    ("max_minutes: 7", "max_minutes: 1e308", "dose.window.max_minutes", "more than 0 to 120 minutes"),
    ("level_tolerance_cm: 2.5", "level_tolerance_cm: -.inf", "palpation.start_zone.level_tolerance_cm",
     "more than 0 to 10 cm"),
    ("half_width_cm: 1.5", "half_width_cm: 1e9", "palpation.arteries[0].half_width_cm", "more than 0 to 10 cm"),
    ("center_cm: [-3.8, 9.6]", "center_cm: [-3.8, .inf]", "figures.transverse.shapes[8].center_cm[1]",
     "from -60 to 60 cm"),
    ("path_cm: [[0.5, 14], [0.5, 0.5]]", "path_cm: [[0.5, 14], [1e308, 0.5]]",
     "palpation.arteries[0].path_cm[1][0]", "from -60 to 60 cm"),
])
def test_non_finite_and_out_of_range_numbers_name_the_allowed_range(lesson_text, write_lesson, old, new, field,
                                                                    allowed):
    assert old in lesson_text
    text = lesson_text.replace(old, new, 1)
    problems = problems_of(write_lesson(text))
    [problem] = [p for p in problems if p.field == field]
    assert allowed in problem.message
    assert problem.line == line_of(text, new)


def test_a_split_step_longer_than_two_hours(lesson_text, write_lesson):
    text = lesson_text.replace("        seconds: 60", "        seconds: 1" + "0" * 30, 1)
    problems = problems_of(write_lesson(text))
    assert any(p.field == "dose.suggested_split.steps[0].seconds" and "more than 0 to 7200 seconds" in p.message
               for p in problems)


def test_two_cases_with_the_same_mechanism_in_brief(lesson_text, write_lesson):
    first = "Post's reasoning, lost hip extension made up at the SI joint and lumbar spine"
    second = "Post's reasoning, lost hip extension made up by lumbar hyperextension"
    text = lesson_text.replace(second, first)
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "indications[1].mechanism_in_brief"
    assert "self-check needs each to differ" in problem.message
    lines = [number for number, line in enumerate(text.splitlines(), 1) if line.strip() == f"mechanism_in_brief: {first}"]
    assert problem.line == lines[1]


def test_two_options_of_a_question_with_the_same_text(lesson, lesson_text, write_lesson):
    question = lesson.quizzes.landmarks[0]
    first, second = question.options[0].text, question.options[1].text
    text = lesson_text.replace(f"text: {second}\n", f"text: {first}\n", 1)
    assert text != lesson_text
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "quizzes.landmarks[0].options[1].text"
    assert "already another option's text" in problem.message


def test_a_muscle_outline_with_no_height_is_refused(lesson_text, write_lesson):
    first_muscle = re.search(r"kind: muscle\n( +)points_cm: \[\[.*?\]\]\n", lesson_text, flags=re.S)
    flat = f"kind: muscle\n{first_muscle[1]}points_cm: [[-3.5, 1], [-6, 1], [-8, 1]]\n"
    text = lesson_text.replace(first_muscle[0], flat, 1)
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "figures.anterior.outlines[0].points_cm"
    assert "drawn as an area" in problem.message


def test_label_text_that_looks_like_mathtext_is_drawn_as_written(lesson_text, write_lesson):
    from psoas_lib.figures.anterior import draw_anterior
    from psoas_lib.figures.transverse import draw_transverse
    from psoas_lib.widgets.figure import png_bytes

    label = r"$\frac{$ umbilicus $x^2$"
    text = lesson_text.replace("umbilicus_label: umbilicus (level varies, about L3/L4-L4)",
                               f"umbilicus_label: '{label}'")
    text = text.replace("        label: aorta, on the vertebral body\n", f"        label: '{label}'\n", 1)
    assert text.count(label) == 2
    lesson = load_lesson(write_lesson(text))
    for draw in (draw_anterior, draw_transverse):
        figure = draw(lesson)
        assert png_bytes(figure).startswith(b"\x89PNG")
        drawn = [t for t in figure.axes[0].texts if t.get_text().replace("\n", " ") == label]
        assert drawn and all(not t._parse_math and not t.get_usetex() for t in drawn)


def test_validate_exits_0_or_1_with_no_traceback_for_a_path_with_a_newline(tmp_path, capsys):
    path = tmp_path / "two\nlines.yaml"
    assert main(["validate", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "two\\x0alines.yaml" in out


def test_a_path_with_a_nul_character_is_refused(capsys):
    assert main(["validate", "lesson\0.yaml"]) == 1
    assert capsys.readouterr().out == "lesson\\x00.yaml:1:1: (file): is not a file name: it holds a NUL character\n"
