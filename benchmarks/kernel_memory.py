"""Kernel memory: the resident memory of a kernel that has run each notebook, against a kernel that has
only imported ipywidgets and matplotlib. The target is an absolute allowance (+40 MB) over the baseline. Measured with psoas_lib's on-disk cache
filled (a first run, whose kernel may import more, is made before)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from .common import Result, paired
from .notebook_execution import copies, execute


def run(repeat: int) -> list[Result]:
    with tempfile.TemporaryDirectory() as scratch:
        subjects, baseline = copies(Path(scratch))
        for path in subjects:
            execute(path)  # fills the on-disk cache, if there is one: what a kernel costs on a usual run
        return [paired(repeat, Result("kernel memory (RSS)", path.name, "import ipywidgets, matplotlib", "MB",
                                      max_extra=40),
                       lambda path=path: execute(path)[1], lambda: execute(baseline)[1])
                for path in subjects]
