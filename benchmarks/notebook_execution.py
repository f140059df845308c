"""Notebook execution: each notebook run top to bottom in a fresh kernel (kernel start included, as in
"Restart and run all"), with psoas_lib's on-disk cache empty (a student's first run) and filled (every
later run), against a notebook of one cell that imports ipywidgets and matplotlib."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from .common import NOTEBOOKS, Result, cold, paired, write_notebook

BASELINE_SOURCE = "import ipywidgets, matplotlib"


def notebooks() -> list[Path]:
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def execute(path: Path) -> tuple[float, float]:
    """Run the notebook at `path` in a new kernel (its folder as working directory); return the seconds
    from kernel start to the end of its last cell, and the kernel's resident memory (MB) at that point."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=300, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel():
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        elapsed = time.perf_counter() - start
        rss = resident_mb(client.km.provisioner.pid)
    return elapsed, rss


def resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def copies(folder: Path) -> tuple[list[Path], Path]:
    """Copies of the notebooks in `folder`, and the baseline notebook written there."""
    for path in notebooks():
        shutil.copy(path, folder / path.name)
    return [folder / path.name for path in notebooks()], write_notebook(folder / "baseline.ipynb", BASELINE_SOURCE)


def run(repeat: int) -> list[Result]:
    with tempfile.TemporaryDirectory() as scratch:
        subjects, baseline = copies(Path(scratch))
        results = []
        for path in subjects:
            results.append(paired(
                repeat, Result("notebook execution, empty cache", path.name, BASELINE_SOURCE, "s", max_ratio=1.5),
                cold(lambda path=path: execute(path)[0]), lambda: execute(baseline)[0]))
            execute(path)  # fills the on-disk cache, if there is one, as a student's first run does
            results.append(paired(
                repeat, Result("notebook execution, cache filled", path.name, BASELINE_SOURCE, "s", max_ratio=1.5),
                lambda path=path: execute(path)[0], lambda: execute(baseline)[0]))
        return results
