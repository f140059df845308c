"""What every benchmark shares: paired repetitions and their ratios, an isolated environment, the machine's
description, and Voila/Chromium started the way the browser tests start them.

Every measure pairs each repetition of a subject with a repetition of its baseline taken right before it,
so the two see the same load on a shared, noisy machine; a result is the median of the per-pair ratios
with their min-max spread, never an absolute time compared across runs.
"""

from __future__ import annotations

import contextlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PYTHON = sys.executable


@dataclass
class Result:
    """Paired samples of one subject and its baseline, and the target the subject should meet.

    `max_ratio` is a target on subject/baseline; `max_extra` a target on subject - baseline (same unit).
    """

    measure: str
    subject: str
    baseline: str
    unit: str
    subject_samples: list[float] = field(default_factory=list)
    baseline_samples: list[float] = field(default_factory=list)
    max_ratio: float | None = None
    max_extra: float | None = None

    def add(self, subject: float, baseline: float) -> None:
        self.subject_samples.append(subject)
        self.baseline_samples.append(baseline)

    @property
    def ratios(self) -> list[float]:
        return [s / b for s, b in zip(self.subject_samples, self.baseline_samples)]

    @property
    def extras(self) -> list[float]:
        return [s - b for s, b in zip(self.subject_samples, self.baseline_samples)]

    @property
    def met(self) -> bool | None:
        if self.max_extra is not None:
            return statistics.median(self.extras) <= self.max_extra
        if self.max_ratio is not None:
            return statistics.median(self.ratios) <= self.max_ratio
        return None

    def target(self) -> str:
        if self.max_extra is not None:
            return f"≤ +{self.max_extra:g} {self.unit}"
        return f"≤ {self.max_ratio:g}×" if self.max_ratio is not None else "(information)"

    def row(self) -> list[str]:
        value = spread(self.ratios, "×", 2)
        if self.max_extra is not None:
            value += f"; {spread(self.extras, ' ' + self.unit, 0, sign=True)}"
        verdict = {True: "met", False: "**missed**", None: ""}[self.met]
        return [self.measure, self.subject, self.baseline, value,
                f"{statistics.median(self.subject_samples):.{decimals(self.unit)}f} / "
                f"{statistics.median(self.baseline_samples):.{decimals(self.unit)}f} {self.unit}",
                self.target(), verdict]


def decimals(unit: str) -> int:
    return 0 if unit == "MB" else (1 if unit == "ms" else 2)


def spread(values: list[float], suffix: str, digits: int, sign: bool = False) -> str:
    """`median (min–max)`, e.g. `1.23× (1.10–1.40)`."""
    fmt = f"{{:{'+' if sign else ''}.{digits}f}}"
    med, low, high = (fmt.format(v) for v in (statistics.median(values), min(values), max(values)))
    return f"{med}{suffix} ({low}–{high})"


HEADER = ["measure", "subject", "baseline", "ratio: median (min–max)", "medians: subject / baseline",
          "target", "target met"]


def markdown_table(results: list[Result]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    lines += ["| " + " | ".join(result.row()) + " |" for result in results]
    return "\n".join(lines)


def paired(repeat: int, result: Result, subject: Callable[[], float], baseline: Callable[[], float]) -> Result:
    """Run baseline then subject `repeat` times, recording each pair in `result`."""
    for _ in range(repeat):
        base = baseline()
        result.add(subject(), base)
    return result


def timed_in_fresh_process(setup: str, statement: str) -> float:
    """Seconds `statement` takes in a new Python process, after `setup` (both Python source), timed inside
    that process so that the interpreter's own start-up is not counted."""
    code = (f"import time as _time\n{setup}\n_start = _time.perf_counter()\n{statement}\n"
            "print(_time.perf_counter() - _start)")
    out = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise RuntimeError(f"timing {statement!r} failed:\n{out.stderr}")
    return float(out.stdout.strip().splitlines()[-1])


@contextlib.contextmanager
def isolated_environment() -> Iterator[Path]:
    """Point HOME, Jupyter's, IPython's, matplotlib's and the students' progress folders at a temporary
    folder (for this process and every process it starts), use the bundled lesson; yield the folder."""
    scratch = Path(tempfile.mkdtemp(prefix="psoas-bench-"))
    values = {name: str(scratch / folder) for name, folder in (
        ("HOME", "home"), ("MPLCONFIGDIR", "matplotlib"), ("IPYTHONDIR", "ipython"),
        ("JUPYTER_CONFIG_DIR", "jupyter-config"), ("JUPYTER_RUNTIME_DIR", "jupyter-runtime"),
        ("JUPYTER_DATA_DIR", "jupyter-data"), ("PSOAS_PROGRESS_DIR", "progress"))}
    for path in values.values():
        Path(path).mkdir()
    saved = {name: os.environ.get(name) for name in (*values, "PSOAS_LESSON", "PSOAS_PRESENTATION",
                                                     "PSOAS_CACHE_DIR")}
    os.environ.update(values)
    os.environ.pop("PSOAS_LESSON", None)
    os.environ.pop("PSOAS_PRESENTATION", None)
    os.environ.pop("PSOAS_CACHE_DIR", None)  # psoas_lib's cache goes under the temporary HOME
    # Matplotlib builds its font list on first use in a new config folder: do it once, outside any timing.
    subprocess.run([PYTHON, "-c", "import matplotlib.font_manager"], check=True)
    try:
        yield scratch
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        shutil.rmtree(scratch, ignore_errors=True)


@contextlib.contextmanager
def empty_cache() -> Iterator[None]:
    """psoas_lib's on-disk cache ($PSOAS_CACHE_DIR) in a new, empty folder while the block runs, as for a
    student's very first load; otherwise the cache of the isolated environment is used (filled by earlier runs)."""
    saved = os.environ.get("PSOAS_CACHE_DIR")
    with tempfile.TemporaryDirectory(prefix="psoas-cache-") as folder:
        os.environ["PSOAS_CACHE_DIR"] = folder
        try:
            yield
        finally:
            if saved is None:
                os.environ.pop("PSOAS_CACHE_DIR")
            else:
                os.environ["PSOAS_CACHE_DIR"] = saved


def cold(fn: Callable[[], float]) -> Callable[[], float]:
    """`fn`, run with an empty psoas_lib cache."""
    def run() -> float:
        with empty_cache():
            return fn()
    return run


def write_notebook(path: Path, *sources: str) -> Path:
    """A notebook of code cells with these sources (the benchmarks' baselines), written to `path`."""
    import nbformat

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in sources])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, path)
    return path


def machine() -> list[str]:
    """The machine and software a run was made on, as Markdown list items."""
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    os_name = next((line.split("=", 1)[1].strip('"') for line in Path("/etc/os-release").read_text().splitlines()
                    if line.startswith("PRETTY_NAME=")), platform.platform())
    try:
        chromium = subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True,
                                  timeout=30).stdout.strip().splitlines()[-1]
    except (OSError, subprocess.SubprocessError, IndexError):
        chromium = "not found"
    from importlib.metadata import version

    packages = ", ".join(f"{name} {version(name)}" for name in
                         ("ipykernel", "ipywidgets", "matplotlib", "pydantic", "voila", "jupyterlab", "playwright"))
    return [
        f"date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
        f"CPU: {cpu}, {os.cpu_count()} cores; RAM: {mem_kb / 1024 / 1024:.1f} GiB",
        f"OS: {os_name} ({platform.release()}); Python {platform.python_version()}",
        f"packages: {packages}; {chromium}",
    ]


# Voila and Chromium, started as the browser tests start them (harness/servers.py).

@contextlib.contextmanager
def voila_server(notebook: Path) -> Iterator[str]:
    """A Voila server rendering `notebook` (each page request runs it in a new kernel); yields its page URL."""
    from harness.servers import free_port, server_env, start, stop

    scratch = Path(tempfile.mkdtemp(prefix="psoas-voila-"))
    port = free_port()
    cmd = [PYTHON, "-m", "voila", str(notebook), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
           "--Voila.port_retries=0"]
    server = start(cmd, scratch, f"http://127.0.0.1:{port}", "/voila/static/voila.js", server_env(scratch))
    try:
        yield server.url + "/"
    finally:
        stop(server)
        shutil.rmtree(scratch, ignore_errors=True)


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Debian's headless Chromium with the flags of STACK.md (and the browser tests)."""
    from playwright.sync_api import sync_playwright

    from harness.servers import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
