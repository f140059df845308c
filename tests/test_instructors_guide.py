"""Do the commands of docs/instructors.md work as the guide says, from a fresh folder?"""

import re
import shlex
import subprocess
import sys
from pathlib import Path

from psoas_lib.lesson.model import SCHEMA_VERSION
from psoas_lib.progress import Progress

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "instructors.md"


def guide_commands() -> list[str]:
    blocks = re.findall(r"```bash\n(.*?)```", GUIDE.read_text(encoding="utf-8"), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("psoas-lesson ")]


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    args = shlex.split(command)[1:]
    return subprocess.run([sys.executable, "-m", "psoas_lib", *args], cwd=cwd, capture_output=True, text=True)


def test_the_guide_names_new_show_validate_upgrade_facts_and_report():
    assert [c.split()[1] for c in guide_commands()] == ["new", "show", "validate", "upgrade", "facts", "report"]


def test_every_guide_command_runs_in_order(tmp_path):
    for student, correct in [("ana", True), ("ben", False)]:
        Progress("psoas-release", student=student, directory=tmp_path / "class-progress").record(
            "landmarks", "pulse", "Move more lateral" if correct else "Move more medial", correct)
    outputs = []
    for command in guide_commands():
        result = run(command, tmp_path)
        assert result.returncode == 0, (command, result.stdout, result.stderr)
        outputs.append(result.stdout)
    assert "title: The psoas release" in outputs[1]
    assert "my-lesson/psoas_release.yaml: ok" in outputs[2]
    assert f"my-lesson/psoas_release.yaml: already in format {SCHEMA_VERSION}" in outputs[3]
    assert "my-lesson/psoas_release.yaml:" in outputs[4] and "statements, each with its sources" in outputs[4]
    assert "landmarks/pulse: 1 of 2 correct" in outputs[5]
    assert (tmp_path / "my-lesson" / "psoas_release.yaml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=lesson.schema.json\n")
    assert (tmp_path / "my-lesson" / "lesson.schema.json").exists()
    assert (tmp_path / "class-progress" / "class-summary.csv").exists()


def test_the_guides_example_error_is_what_validate_prints(tmp_path):
    example = re.search(r"`(my-lesson/psoas_release\.yaml:\d+:\d+: [^`]+)`", GUIDE.read_text(encoding="utf-8"))
    documented = " ".join(example.group(1).split())
    run("psoas-lesson new my-lesson", tmp_path)
    lesson = tmp_path / "my-lesson" / "psoas_release.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8") + "dose:\n  window:\n    min_minutes: 8\n", encoding="utf-8")
    result = run("psoas-lesson validate my-lesson/psoas_release.yaml", tmp_path)
    assert result.returncode == 1
    position = re.compile(r":\d+:\d+: ")  # line numbers move as the bundled lesson grows
    assert position.sub(":LINE:COL: ", result.stdout.strip()) == position.sub(":LINE:COL: ", documented)
