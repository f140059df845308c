"""Is the committed class dashboard a saved run over the example class, with no widget state, and does its top
say how to start it and what to set to read one's own class?"""

from pathlib import Path

import nbformat

NOTEBOOK = Path(__file__).resolve().parents[2] / "notebooks" / "instructor" / "class_results.ipynb"


def test_the_dashboard_notebook_says_how_to_start_it_and_what_to_set():
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert "widgets" not in notebook.metadata
    top = notebook.cells[0].source
    assert "Run ▸ Run All Cells" in top and "Voila runs the notebook by itself" in top
    assert all(name in top for name in ("CLASS_FOLDER", "ROSTER", "PSOAS_CLASS_DIR", "PSOAS_CLASS_ROSTER"))
    first_code = next(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert 'CLASS_FOLDER = None' in first_code and "ROSTER = None" in first_code  # saved over the example class
    saved = "".join(output.get("data", {}).get("text/plain", "") for cell in notebook.cells
                    for output in cell.get("outputs", []))
    assert "Not handed in: emil, farah." in saved
