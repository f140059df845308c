"""Smoke tests: every notebook runs cleanly in JupyterLab and renders in Voila."""

import json

import pytest

from .lab import NOTEBOOKS, error_outputs, open_notebook, open_voila, run_all, screenshot

pytestmark = pytest.mark.browser

NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))


def first_heading(name):
    """Text of the first Markdown heading in the notebook."""
    cells = json.loads((NOTEBOOKS / name).read_text())["cells"]
    for cell in cells:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("#"):
                    return line.lstrip("#").strip()
    pytest.fail(f"{name} has no Markdown heading")


@pytest.mark.parametrize("name", NAMES)
def test_runs_in_jupyterlab(page, jupyterlab, name):
    open_notebook(page, jupyterlab.url, name)
    run_all(page)
    errors = error_outputs(page)
    screenshot(page, f"lab-{name.removesuffix('.ipynb')}")
    assert not errors, "\n\n".join(errors)
    assert page.get_by_role("heading", name=first_heading(name)).first.is_visible()


@pytest.mark.parametrize("name", NAMES)
def test_renders_in_voila(page, voila, name):
    open_voila(page, voila(name))
    errors = error_outputs(page)
    screenshot(page, f"voila-{name.removesuffix('.ipynb')}")
    assert not errors, "\n\n".join(errors)
    assert page.get_by_role("heading", name=first_heading(name)).first.is_visible()
