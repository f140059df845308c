"""Does `psoas-lesson validate` say ok for a good file and list every error of a bad one?"""

import json
import subprocess
import sys

import jsonschema
import yaml

from psoas_lib.cli import main, schema_json
from psoas_lib.lesson import bundled_lesson_path


def test_validate_says_ok_for_the_bundled_lesson(capsys):
    path = str(bundled_lesson_path())
    assert main(["validate", path]) == 0
    assert capsys.readouterr().out == f"{path}: ok\n"


def test_validate_prints_each_error_and_exits_1(lesson_text, write_lesson, capsys):
    path = write_lesson(lesson_text.replace("max_minutes: 7", "max_minutes: 4").replace("  hand:\n", "  hands:\n"))
    assert main(["validate", str(path)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    assert all(line.startswith(f"{path}:") for line in lines)
    assert any(": technique.hands: unknown field" in line for line in lines)
    assert any(": dose.window: " in line for line in lines)


def test_python_dash_m_runs_the_same_command(tmp_path):
    missing = tmp_path / "missing.yaml"
    result = subprocess.run([sys.executable, "-m", "psoas_lib", "validate", str(missing)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.strip() == f"{missing}:1:1: (file): no such file"
    assert "Traceback" not in result.stderr


def test_new_full_writes_an_editable_copy_that_validates(tmp_path, capsys):
    assert main(["new", "--full", str(tmp_path / "my-lesson")]) == 0
    copy = tmp_path / "my-lesson" / "psoas_release.yaml"
    first, rest = copy.read_text(encoding="utf-8").split("\n", 1)
    assert first == "# yaml-language-server: $schema=lesson.schema.json"
    assert rest == bundled_lesson_path().read_text(encoding="utf-8")
    assert json.loads((tmp_path / "my-lesson" / "lesson.schema.json").read_text(encoding="utf-8")) == json.loads(
        schema_json())
    assert "# " in copy.read_text(encoding="utf-8")  # the explanatory comments come along
    assert main(["validate", str(copy)]) == 0


def test_new_never_overwrites_an_instructors_file(tmp_path, capsys):
    copy = tmp_path / "psoas_release.yaml"
    copy.write_text("title: mine\n")
    assert main(["new", str(tmp_path)]) == 1
    assert copy.read_text() == "title: mine\n"
    assert "already exists" in capsys.readouterr().out


def test_hub_link_prints_one_link_per_notebook(capsys):
    assert main(["hub-link", "--hub", "https://hub.example.edu", "--repo", "https://github.com/acme/psoas-release"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(":")[0] for line in lines] == ["01_anatomy.ipynb", "02_technique.ipynb", "03_progressions.ipynb",
                                                         "04_review.ipynb"]
    assert all("https://hub.example.edu/hub/user-redirect/git-pull?repo=" in line for line in lines)


def test_hub_link_names_a_bad_hub_address(capsys):
    assert main(["hub-link", "--hub", "hub.example.edu", "--repo", "x", "--notebook", "02_technique.ipynb"]) == 1
    assert "must start with https://" in capsys.readouterr().out


def test_schema_is_the_lesson_format_as_editors_check_it(capsys, lesson_text):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    tree = yaml.safe_load(lesson_text)
    jsonschema.validate(tree, schema)  # the bundled lesson passes
    tree["dose"]["window"]["max_minutes"] = 500
    del tree["title"]
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(tree), key=lambda e: e.message)
    assert ["'title' is a required property", "500 is greater than the maximum of 120"] == [e.message for e in errors]


def facts_headers(out: str, path) -> list[tuple[int, str, str]]:
    """(line, field path, sources) of every statement header that `facts` printed."""
    import re

    found = []
    for line in out.splitlines():
        match = re.fullmatch(rf"{re.escape(str(path))}:(\d+):\d+: (\S+) \[(.+)\]", line)
        if match:
            found.append((int(match[1]), match[2], match[3]))
    return found


def test_facts_lists_every_sourced_statement_with_its_place_in_the_file(lesson, capsys):
    from psoas_lib.lesson.facts import statements

    path = bundled_lesson_path()
    assert main(["facts"]) == 0
    out = capsys.readouterr().out
    headers = facts_headers(out, path)
    assert len(headers) == len(statements(lesson)) > 100
    assert out.rstrip().endswith(f"{len(headers)} statements, each with its sources")
    file_lines = path.read_text(encoding="utf-8").splitlines()
    by_field = {field: (line, sources) for line, field, sources in headers}
    for item in lesson.safety.screening:  # each header points at its own item, with the item's sources
        line, sources = by_field[f"safety.screening[{lesson.safety.screening.index(item)}]"]
        assert f"id: {item.id}" in file_lines[line - 1] and sources == "; ".join(item.sources)
    assert "    action: " + " ".join(lesson.safety.screening[0].action.split()) in out
    assert by_field["safety.during_release"][1] == "; ".join(lesson.safety.during_release.sources)


def test_facts_lists_a_questions_options_under_the_question(lesson, capsys):
    assert main(["facts", str(bundled_lesson_path())]) == 0
    out = capsys.readouterr().out
    warning = next(q for q in lesson.palpation.confirmation if q.warning_sign)
    assert f"    options[0].text: {warning.options[0].text}" in out


def test_facts_of_a_broken_lesson_prints_its_errors_and_exits_1(lesson_text, write_lesson, capsys):
    path = write_lesson(lesson_text.replace("  hand:\n", "  hands:\n"))
    assert main(["facts", str(path)]) == 1
    assert ": technique.hands: unknown field" in capsys.readouterr().out


def test_facts_works_for_a_translated_lesson(capsys):
    from pathlib import Path

    german = Path(__file__).resolve().parents[1] / "docs" / "examples" / "psoas_release.de.yaml"
    assert main(["facts", str(german)]) == 0
    assert "Führen Sie das Release nicht durch" in capsys.readouterr().out


def test_validate_in_german_keeps_one_line_per_problem_at_its_place(lesson_text, write_lesson, capsys):
    """Validator messages go through the catalogues: German words, the same PATH:LINE:COL: field.path form."""
    from psoas_lib.i18n import use_language

    broken = lesson_text.replace("schema_version: 2", "schema_version: 2\nunknown_key: 1", 1)
    broken = broken.replace("max_minutes: 7", "max_minutes: .inf", 1)
    assert broken.count("unknown_key") == 1 and ".inf" in broken
    path = write_lesson(broken + "\ttab: \x01\n")
    try:
        assert main(["validate", "--language", "de", str(path)]) == 1
        german = capsys.readouterr().out
        use_language("")
        assert main(["validate", str(path)]) == 1
        english = capsys.readouterr().out
    finally:
        use_language("")
    assert "das Zeichen U+0001 (ein Steuerzeichen) ist in einer Lektionsdatei nicht erlaubt" in german
    assert "character U+0001 (a control character) is not allowed" in english
    assert [line.split(": ", 2)[:2] for line in german.splitlines()] == \
        [line.split(": ", 2)[:2] for line in english.splitlines()]
    clean = write_lesson(broken, "clean.yaml")
    try:
        assert main(["validate", "--language", "de", str(clean)]) == 1
    finally:
        use_language("")
    lines = capsys.readouterr().out.splitlines()
    assert any(line.endswith("unknown_key: unbekanntes Feld (prüfen Sie Schreibweise und Einrückung)") for line in lines)
    assert any("max_minutes: muss eine Zahl über 0 bis 120 Minuten sein (erhalten: inf)" in line for line in lines)
    assert all(line.startswith(f"{clean}:") and line.count("\n") == 0 for line in lines)
