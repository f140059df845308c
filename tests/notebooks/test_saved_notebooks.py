"""Does each committed notebook, opened before it is run, say how to start it and show a sentence, not a
Python repr, for every widget, and carry no widget state that nothing uses?"""

from pathlib import Path

import nbformat
import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("*.ipynb"))
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
RUN_ALL = "Run ▸ Run All Cells"


@pytest.fixture(params=NOTEBOOKS, ids=lambda path: path.name)
def notebook(request):
    return nbformat.read(request.param, as_version=4)


def test_there_are_notebooks():
    assert len(NOTEBOOKS) == 4


def test_no_widget_state_is_saved(notebook):
    assert "widgets" not in notebook.metadata


def test_the_top_says_how_to_start(notebook):
    top = notebook.cells[0]
    assert top.cell_type == "markdown"
    assert RUN_ALL in top.source and "Voila runs the notebook by itself" in top.source


def test_every_saved_widget_says_what_it_is_and_how_to_start_it(notebook):
    widget_texts = [output.data["text/plain"] for cell in notebook.cells for output in cell.get("outputs", [])
                    if WIDGET_VIEW in output.get("data", {})]
    assert widget_texts
    for text in widget_texts:
        assert f"({RUN_ALL})" in text and "(" not in text.split(" — ")[0], text
