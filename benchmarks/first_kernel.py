"""A student's very first kernel (issue 16's target): notebook 01 run top to bottom in a fresh kernel with
nothing left by an earlier run, neither psoas_lib's cache nor matplotlib's (its font list is built again),
against the baseline notebook of `notebook_execution` in a fresh kernel with an empty matplotlib folder too."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from .common import Result, cold, paired
from .notebook_execution import BASELINE_SOURCE, copies, execute

NOTEBOOK = "01_anatomy.ipynb"


def without_matplotlib_cache(fn: Callable[[], float]) -> Callable[[], float]:
    """`fn`, run with MPLCONFIGDIR a new, empty folder (as in a new home folder)."""
    def run() -> float:
        saved = os.environ["MPLCONFIGDIR"]
        with tempfile.TemporaryDirectory(prefix="psoas-mpl-") as folder:
            os.environ["MPLCONFIGDIR"] = folder
            try:
                return fn()
            finally:
                os.environ["MPLCONFIGDIR"] = saved
    return run


def run(repeat: int) -> list[Result]:
    with tempfile.TemporaryDirectory() as scratch:
        subjects, baseline = copies(Path(scratch))
        notebook = next(path for path in subjects if path.name == NOTEBOOK)
        return [paired(repeat, Result("first kernel: empty caches, matplotlib's too", NOTEBOOK, BASELINE_SOURCE,
                                      "s", max_ratio=1.5),
                       without_matplotlib_cache(cold(lambda: execute(notebook)[0])),
                       without_matplotlib_cache(lambda: execute(baseline)[0]))]
