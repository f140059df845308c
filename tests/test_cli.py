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
    assert [line.split(":")[0] for line in lines] == ["01_anatomy.ipynb", "02_technique.ipynb", "03_progressions.ipynb"]
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
