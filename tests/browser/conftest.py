"""Fixtures for browser tests: one headless Chromium, one JupyterLab server per session, Voila servers per test."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from .lab import NOTEBOOKS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
START_TIMEOUT = 60  # seconds for a server to answer

# JupyterLab settings for tests: no news popup, no autosave, every cell attached to the DOM.
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}


@dataclass
class Server:
    url: str
    root: Path  # the server's copy of notebooks/
    proc: subprocess.Popen
    log: Path


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _server_env(tmp, extra=None):
    """The test process's environment (PSOAS_* included) with Jupyter's config and runtime dirs in tmp."""
    return {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(tmp / "config"),
        "JUPYTER_RUNTIME_DIR": str(tmp / "runtime"),
        **(extra or {}),
    }


def _start(cmd, tmp, url, probe, env):
    """Start a server, wait until GET url+probe answers 200, return a Server."""
    log = tmp / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=tmp, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(url, tmp / "notebooks", proc, log)
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url + probe, timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    _stop(server)
    pytest.fail(f"{cmd[2]} did not start; log {log}:\n{log.read_text()[-3000:]}")


def _stop(server):
    server.proc.terminate()
    try:
        server.proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        server.proc.wait()


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
    port = _free_port()
    cmd = [
        sys.executable, "-m", "jupyterlab", "--no-browser",
        "--ServerApp.ip=127.0.0.1", f"--port={port}", "--ServerApp.port_retries=0",
        "--IdentityProvider.token=", "--ServerApp.password=", "--ServerApp.disable_check_xsrf=True",
        f"--ServerApp.root_dir={tmp / 'notebooks'}", *_root_args(),
    ]
    env = _server_env(tmp, {"PSOAS_PROGRESS_DIR": str(tmp / "progress")})
    server = _start(cmd, tmp, f"http://127.0.0.1:{port}", "/api/status", env)
    yield server
    _stop(server)


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
    servers = []

    def start(notebook, env=None):
        tmp = tmp_path_factory.mktemp("voila")
        shutil.copytree(NOTEBOOKS, tmp / "notebooks")
        port = _free_port()
        cmd = [
            sys.executable, "-m", "voila", str(tmp / "notebooks" / notebook), "--no-browser",
            f"--port={port}", "--Voila.ip=127.0.0.1", "--Voila.port_retries=0", "--show_tracebacks=True",
        ]
        server = _start(cmd, tmp, f"http://127.0.0.1:{port}", "/voila/static/voila.js", _server_env(tmp, env))
        servers.append(server)
        return server.url

    yield start
    for server in servers:
        _stop(server)
