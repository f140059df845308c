"""Fixtures for browser tests: one headless Chromium, one JupyterLab server per session, Voila servers per test."""

import json
import os
import shutil
import sys
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from harness import servers
from harness.servers import CHROMIUM, CHROMIUM_ARGS, free_port, server_env

from .lab import NOTEBOOKS

# JupyterLab settings for tests: no news popup, no autosave, every cell attached to the DOM.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


def _root_args():
    return ["--allow-root"] if os.geteuid() == 0 else []


@pytest.fixture(scope="module")
def chromium():
    """Debian's headless Chromium, shared by a test module; tests get their own context through `page`.

    Not shared by the session: Playwright's sync API keeps an asyncio loop running in this thread while
    it is open, which would break later tests that run their own loop (the timer's).
    """
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser context and page (1280x900) for one test."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def lab_server(tmp_path_factory):
    """One JupyterLab server for the session, serving a copy of notebooks/."""
    tmp = tmp_path_factory.mktemp("lab")
    shutil.copytree(NOTEBOOKS, tmp / "notebooks")
    for name, values in LAB_SETTINGS.items():
        path = tmp / "config/lab/user-settings" / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(values))
    port = free_port()
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
        "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={tmp / 'notebooks'}", *_root_args(),
    ]
    env = server_env(tmp, {"PSOAS_PROGRESS_DIR": str(tmp / "progress")})
    server = servers.start(cmd, tmp, f"http://127.0.0.1:{port}", "/api/status", env)
    yield server
    servers.stop(server)


@pytest.fixture
def jupyterlab(lab_server):
    """The session's JupyterLab server; afterwards its kernels are shut down and its notebooks restored."""
    yield lab_server
    with urllib.request.urlopen(lab_server.url + "/api/sessions") as r:
        sessions = json.load(r)
    for s in sessions:
        req = urllib.request.Request(f"{lab_server.url}/api/sessions/{s['id']}", method="DELETE")
        urllib.request.urlopen(req).close()
    shutil.copytree(NOTEBOOKS, lab_server.root, dirs_exist_ok=True)


@pytest.fixture
def voila(tmp_path_factory):
    """Factory: voila(notebook_name, env=None) -> URL of a Voila server rendering a copy of that notebook.

    `env` adds variables to the server's (and so the kernel's) environment. Servers stop after the test.
    """
    started = []

    def start(notebook, env=None):
        tmp = tmp_path_factory.mktemp("voila")
        shutil.copytree(NOTEBOOKS, tmp / "notebooks")
        port = free_port()
        cmd = [
            sys.executable, "-m", "voila", str(tmp / "notebooks" / notebook), "--no-browser",
            f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", "--show_tracebacks=True",
        ]
        server = servers.start(cmd, tmp, f"http://127.0.0.1:{port}", "/voila/static/voila.js", server_env(tmp, env))
        started.append(server)
        return server.url

    yield start
    for server in started:
        servers.stop(server)
