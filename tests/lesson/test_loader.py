"""Does a broken lesson file name the file, the line and the field of every problem?"""

import pytest
from yaml.composer import Composer
from yaml.constructor import BaseConstructor

from psoas_lib.lesson import LessonError, load_lesson

from .helpers import line_of, problems_of


def test_bundled_lesson_loads(lesson):
    assert lesson.id == "psoas-release"
    assert lesson.language == "en"


def test_a_wrong_type_names_line_and_field(lesson_text, write_lesson):
    path = write_lesson(lesson_text.replace("  - movement: oscillations\n        seconds: 60",
                                            "  - movement: oscillations\n        seconds: a minute"))
    [problem] = problems_of(path)
    assert problem.path == str(path)
    assert problem.field == "dose.suggested_split.steps[0].seconds"
    assert problem.line == line_of(lesson_text, "seconds: 60")
    assert "a minute" in problem.message
    assert str(problem).startswith(f"{path}:{problem.line}:{problem.column}: dose.suggested_split")


def test_a_missing_required_field_points_at_its_parent(lesson_text, write_lesson):
    start = lesson_text.index("      patient: >-\n        Stays supine")
    end = lesson_text.index("    - id: heel-slide")
    text = lesson_text[:start] + "      sources: [post]\n" + lesson_text[end:]
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "progression.movements[0].patient"
    assert problem.message == "required field is missing"
    assert problem.line == line_of(text, "- id: oscillations")


def test_an_unknown_key_is_reported_at_the_key(lesson_text, write_lesson):
    text = lesson_text.replace("  hand:\n", "  hands:\n")
    problems = problems_of(write_lesson(text))
    unknown = [p for p in problems if p.field == "technique.hands"]
    assert unknown and unknown[0].line == line_of(text, "  hands:")
    assert "unknown field" in unknown[0].message
    assert any(p.field == "technique.hand" and "missing" in p.message for p in problems)


def test_a_duplicate_id_is_reported_at_the_second_one(lesson_text, write_lesson):
    text = lesson_text.replace("  - id: stenosis\n", "  - id: runner-si\n")
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "indications[1].id"
    assert "duplicate id 'runner-si'" in problem.message
    assert problem.line == line_of(text, "- id: runner-si", 2)


def test_a_progression_step_must_name_a_movement(lesson_text, write_lesson):
    text = lesson_text.replace("order: [oscillations, heel-slide,", "order: [oscillations, heel-slider,")
    problems = problems_of(write_lesson(text))
    fields = {p.field: p for p in problems}
    assert "'heel-slider' names no movement" in fields["progression.order[1]"].message
    assert fields["progression.order[1]"].line == line_of(text, "order: [oscillations")
    assert "'heel-slide' is missing from the order" in fields["progression.order"].message


def test_a_split_step_must_name_a_movement(lesson_text, write_lesson):
    text = lesson_text.replace("  - movement: oscillations\n        seconds: 60",
                               "  - movement: oscilations\n        seconds: 60")
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "dose.suggested_split.steps[0].movement"


def test_a_window_whose_minimum_exceeds_its_maximum(lesson_text, write_lesson):
    text = lesson_text.replace("max_minutes: 7", "max_minutes: 4")
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "dose.window"
    assert "min_minutes (5) is greater than max_minutes (4)" in problem.message
    assert problem.line == line_of(text, "  window:")


def test_an_unknown_source_must_be_added_to_references(lesson_text, write_lesson):
    text = lesson_text.replace("sources: [post, pri2003-capsular]", "sources: [post, cyriax1982]")
    [problem] = problems_of(write_lesson(text))
    assert problem.field == "indications[2].sources[1]"
    assert "unknown source 'cyriax1982'" in problem.message


def test_a_question_needs_exactly_one_right_option(lesson_text, write_lesson):
    text = lesson_text.replace("          correct: false\n", "          correct: true\n", 1)
    [problem] = problems_of(write_lesson(text))
    assert problem.field.startswith("palpation.confirmation[0]")
    assert "exactly one option must be correct, found 2" in problem.message


def test_every_problem_is_reported_in_file_order(lesson_text, write_lesson):
    text = lesson_text.replace("^title: The psoas release", "").replace("max_minutes: 7", "max_minutes: x")
    text = text.replace("language: en\n", "language: en\nlanguge: de\n")
    problems = problems_of(write_lesson(text))
    assert [p.field for p in problems] == ["languge", "dose.window.max_minutes"]
    assert problems == sorted(problems, key=lambda p: (p.line, p.column))


def test_invalid_yaml_gives_the_parser_position(write_lesson):
    path = write_lesson('title: "unclosed\nid: x\n')
    [problem] = problems_of(path)
    assert problem.field == "(file)"
    assert problem.message.startswith("invalid YAML")
    assert problem.line == 3


def test_a_duplicate_key_is_invalid_yaml(lesson_text, write_lesson):
    text = lesson_text.replace("language: en\n", "language: en\nlanguage: de\n")
    [problem] = problems_of(write_lesson(text))
    assert "duplicate key" in problem.message
    assert problem.line == line_of(text, "language: de")


def test_a_file_that_is_not_utf8(lesson_text, write_lesson):
    data = lesson_text.encode("utf-8").replace(b"title: The psoas release", b"title: The psoas rel\xe9ase")
    [problem] = problems_of(write_lesson(data))
    assert problem.line == line_of(lesson_text, "title: The psoas release")
    assert "not UTF-8" in problem.message


@pytest.mark.parametrize("content", ["", "   \n\n", "# only a comment\n"])
def test_an_empty_file(write_lesson, content):
    [problem] = problems_of(write_lesson(content))
    assert problem.message == "the file is empty"


def test_a_missing_file(tmp_path):
    [problem] = problems_of(tmp_path / "nowhere.yaml")
    assert str(problem) == f"{tmp_path / 'nowhere.yaml'}:1:1: (file): no such file"


def test_a_list_instead_of_a_mapping(write_lesson):
    [problem] = problems_of(write_lesson("- one\n- two\n"))
    assert "must be a mapping" in problem.message


def test_tags_cannot_build_python_objects(write_lesson):
    [problem] = problems_of(write_lesson("title: !!python/object/apply:os.system ['echo hacked']\n"))
    assert "tags" in problem.message and problem.line == 1


def test_an_alias_bomb_is_refused_before_anything_is_built(write_lesson, monkeypatch):
    """Aliases are refused while parsing, so the nested references are never expanded."""
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]

    def never_build(*args, **kwargs):
        raise AssertionError("the YAML tree was built")

    monkeypatch.setattr(Composer, "compose_node", never_build)
    monkeypatch.setattr(BaseConstructor, "construct_document", never_build)
    problems = problems_of(write_lesson("\n".join(lines) + "\n"))
    assert all("anchors and aliases" in p.message for p in problems)
    assert problems[0].line == 1


def test_nothing_is_half_loaded(lesson_text, write_lesson):
    """A file with one error raises: no lesson object escapes."""
    path = write_lesson(lesson_text.replace("max_minutes: 7", "max_minutes: -1"))
    with pytest.raises(LessonError):
        load_lesson(path)
