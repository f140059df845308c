"""Helpers for browser tests: drive a notebook in JupyterLab or a Voila page with Playwright's sync API."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

OUTPUT = ".jp-OutputArea-output"
# Error outputs and stderr streams both render with this MIME type, in JupyterLab and in Voila.
STDERR_MIME = "application/vnd.jupyter.stderr"
STDERR = f'{OUTPUT}[data-mime-type="{STDERR_MIME}"]'
# What the widget managers show when a widget fails to render.
WIDGET_FAILURE = re.compile(r"Error displaying widget|Failed to load model class")


def open_notebook(page, lab_url, name, timeout=60_000):
    """Open notebooks/NAME in JupyterLab (fresh workspace) and wait until its kernel is idle."""
    page.goto(f"{lab_url}/lab/tree/{name}?reset", timeout=timeout)
    page.locator(".jp-Notebook .jp-Cell").first.wait_for(timeout=timeout)
    wait_for_idle(page, timeout)


def wait_for_idle(page, timeout=120_000):
    """Wait until the notebook's kernel reports idle and no cell is queued or running ([*])."""
    page.wait_for_function(
        """() => document.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]')
                 && ![...document.querySelectorAll('.jp-Notebook .jp-InputPrompt')]
                       .some(p => p.textContent.includes('*'))""",
        timeout=timeout,
    )


def _menu(page, menu, command):
    page.locator(f'.lm-MenuBar-itemLabel:text-is("{menu}")').click()
    page.locator(f'.lm-Menu-item[data-command="{command}"]').click()


# The code cells' prompts ("[ ]:", "[*]:", "[3]:") and whether a cell's stderr shows.
PROMPTS = """(stderr) => {
    const cells = [...document.querySelectorAll('.jp-Notebook .jp-CodeCell')]
        .filter(c => c.querySelector('.jp-InputArea-editor').textContent.trim());
    return {prompts: cells.map(c => c.querySelector('.jp-InputPrompt').textContent.trim()),
            stderr: !!document.querySelector(stderr)};
}"""


def run_all(page, timeout=120_000):
    """Clear all outputs, run all cells from the Run menu, and wait until every code cell has run.

    Returns early (idle) if a cell fails, since JupyterLab then skips the remaining cells. A menu command that
    shows no effect within 30 s (a click lost on a loaded machine) is chosen once more.
    """
    cleared = f"(stderr) => ({PROMPTS})(stderr).prompts.every(p => !/\\[(\\*|\\d+)\\]/.test(p))"
    started = f"(stderr) => !({cleared})(stderr)"
    for menu, command, reached in (("Edit", "editmenu:clear-all", cleared), ("Run", "runmenu:run-all", started)):
        _menu(page, menu, command)
        try:
            page.wait_for_function(reached, arg=STDERR, timeout=30_000)
        except PlaywrightTimeout:
            _menu(page, menu, command)
    done = f"""(stderr) => {{
        const {{prompts, stderr: failed}} = ({PROMPTS})(stderr);
        return prompts.every(p => /\\[\\d+\\]/.test(p)) || (prompts.every(p => !p.includes('*')) && failed);
    }}"""
    try:
        page.wait_for_function(done, arg=STDERR, timeout=timeout)
    except PlaywrightTimeout:
        pytest.fail(f"Run All did not finish in {timeout / 1000:.0f} s; the cells' prompts: "
                    f"{page.evaluate(PROMPTS, STDERR)['prompts']}")
    wait_for_idle(page, timeout)


def open_voila(page, url, timeout=120_000):
    """Open a Voila page and wait until the notebook has run and its widgets have rendered."""
    page.goto(url, timeout=timeout)
    wait_for_voila(page, timeout)


def wait_for_voila(page, timeout=120_000):
    """Wait until the Voila page the browser is on has run its notebook and rendered its widgets."""
    page.wait_for_function(
        "() => document.querySelector('#main.jp-LabShell') && !document.querySelector('#loading')",
        timeout=timeout,
    )
    page.wait_for_load_state("networkidle", timeout=timeout)


def error_outputs(page):
    """Texts of stderr/error outputs and of widgets that failed to render, in page order."""
    texts = [(el.get_attribute("data-mime-type"), el.inner_text()) for el in page.locator(OUTPUT).all()]
    return [text for mime, text in texts if mime == STDERR_MIME or WIDGET_FAILURE.search(text)]


def screenshot(target, name):
    """Save a screenshot of a page or locator to test-artifacts/screenshots/NAME.png; return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / (re.sub(r"[^\w.-]+", "_", name) + ".png")
    target.screenshot(path=path)
    return path
