"""Does a notebook's first cell pick the right lesson, and show a broken one as one readable message?"""

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from psoas_lib.notebook import chosen_lesson_path

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "02_technique.ipynb"


def test_the_cell_setting_wins_over_the_environment(monkeypatch):
    monkeypatch.setenv("PSOAS_LESSON", "from-env.yaml")
    assert chosen_lesson_path("from-cell.yaml") == Path("from-cell.yaml")
    assert chosen_lesson_path(None) == Path("from-env.yaml")
    monkeypatch.delenv("PSOAS_LESSON")
    assert chosen_lesson_path(None) is None  # the bundled lesson


def test_a_broken_lesson_shows_its_errors_not_a_traceback(lesson_text, write_lesson, tmp_path, monkeypatch):
    broken = write_lesson(lesson_text.replace("max_minutes: 7", "max_minutes: 4").replace("  hand:\n", "  hands:\n"))
    monkeypatch.setenv("PSOAS_LESSON", str(broken))
    monkeypatch.setenv("PSOAS_PROGRESS_DIR", str(tmp_path / "progress"))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    NotebookClient(notebook, timeout=60, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    [error] = [o for o in notebook.cells[1].outputs if o.output_type == "error"]
    shown = "\n".join(error.traceback)
    assert shown.startswith("The lesson file cannot be used. Fix these problems and run this cell again:")
    assert f"{broken}:" in shown and ": technique.hands: unknown field" in shown and ": dose.window: " in shown
    assert "Traceback" not in shown and "File " not in shown and "site-packages" not in shown
