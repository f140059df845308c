"""What the Voila benchmarks share: the one-button baseline page, opening a page, and when a widget is usable."""

from __future__ import annotations

from pathlib import Path

from .common import write_notebook

# The baseline page: one ipywidgets button whose click updates a label.
BASELINE_SOURCE = """\
import ipywidgets as w

label = w.Label("Not clicked yet.")
button = w.Button(description="Check answer")
clicks = 0


def clicked(_button):
    global clicks
    clicks += 1
    label.value = f"Clicked {clicks} times."


button.on_click(clicked)
w.VBox([button, label])"""

# A widget is usable once Voila has finished running the page (its spinner is gone) and the widget
# manager has drawn a control from the kernel's model: a visible, enabled button or input.
FIRST_WIDGET_USABLE = """() => !document.querySelector('#loading')
    && [...document.querySelectorAll('.jp-OutputArea-output button.jupyter-widgets, .jp-OutputArea-output input')]
       .some(el => el.offsetParent !== null && !el.disabled)"""


def baseline_notebook(folder: Path) -> Path:
    return write_notebook(folder / "one_button.ipynb", BASELINE_SOURCE)


def open_page(browser, url: str, timeout_ms: int = 180_000):
    """A new context and page on `url`, returned once its first widget is usable (the context too, to close)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(url, wait_until="commit", timeout=timeout_ms)
    page.wait_for_function(FIRST_WIDGET_USABLE, polling="raf", timeout=timeout_ms)
    return context, page
