"""Voila time to interactive: from the page request to the first widget of each notebook being usable in
headless Chromium, against a Voila page with one ipywidgets button. Every request starts a new kernel;
each repetition opens the page in a new browser context. Every page is opened once before timing, so
psoas_lib's on-disk cache is filled, as it is for every request after a server's first."""

from __future__ import annotations

import contextlib
import tempfile
import time
from pathlib import Path

from .common import NOTEBOOKS, Result, chromium, voila_server
from .voila_pages import baseline_notebook, open_page


def time_to_interactive(browser, url: str) -> float:
    start = time.perf_counter()
    context, _page = open_page(browser, url)
    elapsed = time.perf_counter() - start
    context.close()
    return elapsed


def run(repeat: int) -> list[Result]:
    notebooks = sorted(NOTEBOOKS.glob("*.ipynb"))
    with tempfile.TemporaryDirectory() as scratch, contextlib.ExitStack() as stack:
        baseline_url = stack.enter_context(voila_server(baseline_notebook(Path(scratch))))
        urls = {path.name: stack.enter_context(voila_server(path)) for path in notebooks}
        browser = stack.enter_context(chromium())
        for url in (baseline_url, *urls.values()):  # a first page warms Voila's, Chromium's and psoas_lib's caches
            time_to_interactive(browser, url)
        results = {name: Result("Voila time to interactive", name, "one-button page", "s", max_ratio=1.3)
                   for name in urls}
        for _ in range(repeat):
            for name, url in urls.items():
                base = time_to_interactive(browser, baseline_url)
                results[name].add(time_to_interactive(browser, url), base)
        return list(results.values())
