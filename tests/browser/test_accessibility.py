"""Does every notebook pass an axe-core scan (no serious or critical WCAG 2 A/AA violations)?

Findings that come from JupyterLab or Voila themselves, not from this project's widgets and figures,
are listed below with their rule id and the element they concern, and only those are let through.
"""

import pytest

from .axe import describe, scan
from .lab import NOTEBOOKS, open_notebook, open_voila, run_all, screenshot

pytestmark = pytest.mark.browser

NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))

# (rule id, a fragment of the offending element's HTML) for findings in upstream code.
KNOWN_UPSTREAM = {
    # JupyterLab 4.6: the CodeMirror 6 cell editors are role="textbox" with no accessible name.
    ("aria-input-field-name", 'class="cm-content"'),
    # JupyterLab 4.6: the notebook's cell list is role="feed" but its cells are not role="article".
    ("aria-required-children", "jp-WindowedPanel-viewport"),
}


def ours(violations):
    """Violations not explained by a known upstream finding."""
    left = []
    for v in violations:
        html = [h for h in v["html"] if not any(rule == v["id"] and frag in h for rule, frag in KNOWN_UPSTREAM)]
        if html:
            left.append({**v, "html": html})
    return left


@pytest.mark.parametrize("name", NAMES)
def test_voila_page_has_no_serious_violations(page, voila, name):
    open_voila(page, voila(name))
    violations = scan(page)
    screenshot(page, f"axe-voila-{name.removesuffix('.ipynb')}")
    assert not ours(violations), describe(ours(violations))


@pytest.mark.parametrize("name", NAMES)
def test_jupyterlab_notebook_area_has_no_serious_violations(page, jupyterlab, name):
    open_notebook(page, jupyterlab.url, name)
    run_all(page)
    violations = scan(page, include=".jp-NotebookPanel-notebook")
    assert not ours(violations), describe(ours(violations))
