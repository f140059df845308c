"""Start the one-machine class hub (`scripts/hub`) on free loopback ports, for the hub's browser tests and the
load test."""

from __future__ import annotations

import json
import os
import pwd
import secrets
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from .servers import free_port

REPO = Path(__file__).resolve().parents[1]
ACCOUNT_PREFIX = "psoastest-"


@dataclass
class Hub:
    url: str
    home: Path       # PSOAS_HUB_HOME: environment, state, collection folder
    token: str       # the class-tools API token (admin:users, admin:servers, access:servers)
    log: Path

    def api(self, path: str, method: str = "GET", body: dict | None = None, timeout: float = 60):
        """Call the hub's REST API as the class-tools service; return the decoded JSON (or None)."""
        request = urllib.request.Request(
            f"{self.url}/hub/api{path}", method=method, data=json.dumps(body).encode() if body is not None else None,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
        return json.loads(raw) if raw else None

    def enrol(self, *names: str) -> dict[str, str]:
        """Put students on the roster as the instructor does (`psoas-lesson roster add`); return their passwords."""
        result = subprocess.run([str(self.home / "venv/bin/psoas-lesson"), "roster", "add", *names,
                                 "--hub-home", str(self.home)], capture_output=True, text=True, check=True)
        return dict(line.split("\t") for line in result.stdout.splitlines())

    def account_home(self, student: str) -> Path:
        return Path(pwd.getpwnam(ACCOUNT_PREFIX + student).pw_dir)

    def collection(self) -> Path:
        return self.home / "collect"

    def hand_in_folder(self, student: str) -> Path:
        return self.collection() / student


def _accounts() -> list[str]:
    return [entry.pw_name for entry in pwd.getpwall() if entry.pw_name.startswith(ACCOUNT_PREFIX)]


@contextmanager
def running_hub(start_timeout: float = 600, extra_env: dict | None = None):
    """Run `scripts/hub` in a fresh PSOAS_HUB_HOME; on exit stop it and remove its student accounts."""
    home = Path(tempfile.mkdtemp(prefix="psoas-hub-test-", dir="/tmp"))
    os.chmod(home, 0o711)
    port, api_port, proxy_port = free_port(), free_port(), free_port()
    hub = Hub(f"http://127.0.0.1:{port}", home, secrets.token_hex(32), home / "hub.log")
    env = {
        **os.environ,
        "PSOAS_HUB_HOME": str(home),
        "PSOAS_HUB_HOMES": str(home / "homes"),
        "PSOAS_HUB_ACCOUNT_PREFIX": ACCOUNT_PREFIX,
        "PSOAS_HUB_URL": hub.url,
        "PSOAS_HUB_API_URL": f"http://127.0.0.1:{api_port}",
        "PSOAS_HUB_PROXY_API_URL": f"http://127.0.0.1:{proxy_port}",
        "PSOAS_HUB_API_TOKEN": hub.token,
        **(extra_env or {}),
    }
    (home / "homes").mkdir()
    with open(hub.log, "wb") as out:
        proc = subprocess.Popen(["bash", str(REPO / "scripts/hub")], env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the hub did not start; log {hub.log}:\n{hub.log.read_text()[-4000:]}")
            try:
                hub.api("/")
                break
            except OSError:
                time.sleep(0.5)
        yield hub
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the hub stops the students' servers as it shuts down
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        for account in _accounts():
            subprocess.run(["pkill", "-KILL", "-u", account], check=False)
            subprocess.run(["userdel", "--remove", account], check=False, capture_output=True)
        shutil.rmtree(home, ignore_errors=True)
