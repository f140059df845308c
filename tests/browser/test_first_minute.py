"""The first minute in JupyterLab: does a notebook opened before it is run show plain sentences (no Python
repr, no HTML source) and say how to start, and does the main command open the first notebook with the
project's settings, without a news popup and without warnings in its terminal?"""

import json
import re

import pytest

from harness.servers import free_port, server_env, start, stop

from .lab import NOTEBOOKS, OUTPUT, ROOT, error_outputs, open_notebook, run_all, screenshot

pytestmark = pytest.mark.browser

NAMES = sorted(p.name for p in NOTEBOOKS.glob("*.ipynb"))
# A Python repr: `SafetyScreen(children=(...`, `PresentationSwitch(on=False)`, `<IPython.core.display.HTML object>`.
PYTHON_REPR = re.compile(r"\b[A-Za-z_]\w*\(\w+=|<[\w.]+ object(?: at 0x[0-9a-fA-F]+)?>")
HTML_SOURCE = re.compile(r"</?[a-zA-Z][\w-]*(?:\s[^<>]*)?/?>|&(?:[a-z]+|#\d+);")
RUN_ALL = "Run ▸ Run All Cells"
# Lines of a server's terminal that are not information: warnings, errors, tracebacks.
WARNING_LINE = re.compile(r"^\[[WE] |WARNING|Warning|Traceback|without encryption", re.MULTILINE)
NEWS_POPUP = "official Jupyter news"


def test_the_patterns_find_what_the_issue_saw():
    assert PYTHON_REPR.search("PresentationSwitch(on=False)")
    assert PYTHON_REPR.search("Gate(children=(HTML(value='<div role=\"status\"")
    assert PYTHON_REPR.search("<IPython.core.display.HTML object>")
    assert HTML_SOURCE.search("HTML(value='<p>Ask every question") and HTML_SOURCE.search("&lt;b&gt;")
    assert not PYTHON_REPR.search("Safety screen — run the notebook (Run ▸ Run All Cells) to answer it.")
    assert not HTML_SOURCE.search("Safety screen — run the notebook (Run ▸ Run All Cells) to answer it.")
    assert WARNING_LINE.search("[IPKernelApp] WARNING | Kernel is running over TCP without encryption.")
    assert WARNING_LINE.search("[W 2026-12-01 14:16:33.780 ServerApp] something")
    assert not WARNING_LINE.search("[I 2026-12-01 14:16:33.780 ServerApp] Kernel started")


@pytest.mark.parametrize("name", NAMES)
def test_a_notebook_opened_before_it_is_run_shows_sentences_not_code(page, jupyterlab, name):
    saved = [output for cell in json.loads((NOTEBOOKS / name).read_text())["cells"]
             for output in cell.get("outputs", [])]
    open_notebook(page, jupyterlab.url, name)  # opened and its kernel idle; no cell is run
    page.wait_for_function("([selector, count]) => document.querySelectorAll(selector).length >= count",
                           arg=[OUTPUT, len(saved)])
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for()
    texts = [output.inner_text() for output in page.locator(OUTPUT).all()]
    cells_height = page.evaluate("""() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')]
                                          .reduce((sum, cell) => sum + cell.getBoundingClientRect().height, 0)""")
    page.set_viewport_size({"width": 1280, "height": min(int(cells_height) + 400, 8000)})  # the whole notebook
    page.locator(".jp-MarkdownCell .jp-RenderedMarkdown h1").wait_for()
    screenshot(page, f"lab-unrun-{name.removesuffix('.ipynb')}")
    assert len(texts) == len(saved)
    shown_code = [text for text in texts if PYTHON_REPR.search(text) or HTML_SOURCE.search(text)]
    assert not shown_code, "\n\n".join(shown_code)
    widget_sentences = [text for text in texts if RUN_ALL in text]
    saved_widgets = [output for output in saved if "application/vnd.jupyter.widget-view+json" in output["data"]]
    assert len(widget_sentences) == len(saved_widgets) > 0
    assert page.locator(".jp-MarkdownCell .jp-RenderedMarkdown").first.get_by_text(RUN_ALL).is_visible()


@pytest.fixture
def main_command(tmp_path):
    """scripts/lab itself, on a free port, with autosave off (the notebooks it serves are the checkout's own)
    and JupyterLab's settings otherwise untouched; its terminal output goes to a log."""
    settings = tmp_path / "config" / "lab" / "user-settings"
    for name, values in {"@jupyterlab/docmanager-extension/plugin": {"autosave": False},
                         "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"}}.items():
        path = settings / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    port = free_port()
    saved = {path: path.read_bytes() for path in NOTEBOOKS.glob("*.ipynb")}
    env = server_env(tmp_path, {"PORT": str(port), "PSOAS_PROGRESS_DIR": str(tmp_path / "progress")})
    env.pop("PSOAS_LESSON", None)
    cmd = ["bash", str(ROOT / "scripts" / "lab")]
    server = start(cmd, tmp_path, f"http://127.0.0.1:{port}", "/login", env)
    yield server
    stop(server)
    for path, data in saved.items():
        assert path.read_bytes() == data, f"{path.name} was changed by the test"


def test_the_main_command_opens_the_first_notebook_and_runs_it_quietly(page, main_command):
    [address] = re.findall(r"^\s*(http://127\.0\.0\.1:\d+/lab/tree/01_anatomy\.ipynb\?token=\w+)$",
                           main_command.log.read_text(), re.MULTILINE)  # the address it tells the user
    page.goto(address, timeout=60_000)
    page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)
    run_all(page)
    errors = error_outputs(page)
    screenshot(page, "lab-main-command-01_anatomy")
    assert not errors, "\n\n".join(errors)
    assert page.get_by_text(NEWS_POPUP).count() == 0
    stop(main_command)
    log = main_command.log.read_text()
    (ROOT / "test-artifacts").mkdir(exist_ok=True)
    (ROOT / "test-artifacts" / "lab-terminal.txt").write_text(log)
    assert "Kernel started" in log and "/lab/tree/01_anatomy.ipynb" in log
    assert not WARNING_LINE.findall(log), log
