"""Does `psoas-lesson validate` say ok for a good file and list every error of a bad one?"""

import subprocess
import sys

from psoas_lib.cli import main
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
