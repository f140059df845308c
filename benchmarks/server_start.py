"""A student's server start on the class hub: CPU-seconds and memory of a Jupyter server with the server
extensions the hub loads (deploy/one-machine/jupyterhub_config.py) against one with every installed extension.

Each server runs in a fresh process with its own config, runtime and home folders; it counts as started when
its API answers, and is measured one second later (CPU-seconds of the process and its children; resident
memory of the process).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from traitlets.config import PyFileConfigLoader

from harness.servers import free_port

from .common import PYTHON, ROOT, Result

HUB_CONFIG = ROOT / "deploy/one-machine/jupyterhub_config.py"
SETTLE_SECONDS = 1.0


def hub_server_args() -> list[str]:
    """The ServerApp settings the hub passes to every student's server."""
    os.environ.setdefault("PSOAS_HUB_HOME", tempfile.gettempdir())
    config = PyFileConfigLoader(HUB_CONFIG.name, str(HUB_CONFIG.parent)).load_config()
    return [arg for arg in config.Spawner.args if arg.startswith("--ServerApp.")]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")  # own and children's


def _resident_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def start_cost(extra_args: list[str]) -> tuple[float, float]:
    """(CPU-seconds, resident MiB) of one server started with `extra_args`."""
    scratch = Path(tempfile.mkdtemp(prefix="psoas-server-start-"))
    port = free_port()
    env = {**os.environ, "HOME": str(scratch), "JUPYTER_CONFIG_DIR": str(scratch / "config"),
           "JUPYTER_RUNTIME_DIR": str(scratch / "runtime")}
    root_args = ["--allow-root"] if os.geteuid() == 0 else []
    proc = subprocess.Popen([PYTHON, "-m", "jupyter_server", "--no-browser", f"--port={port}",
                             "--ServerApp.ip=127.0.0.1", "--IdentityProvider.token=", f"--ServerApp.root_dir={scratch}",
                             *root_args, *extra_args], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=2).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
                time.sleep(0.05)
        time.sleep(SETTLE_SECONDS)
        return _cpu_seconds(proc.pid), _resident_mib(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def run(repeat: int) -> list[Result]:
    subject_args = hub_server_args()
    cpu = Result("student server start", "hub's extensions", "all installed extensions", "CPU-s")
    memory = Result("student server start", "hub's extensions", "all installed extensions", "MiB")
    for _ in range(repeat):
        base_cpu, base_memory = start_cost([])
        cpu_s, memory_mib = start_cost(subject_args)
        cpu.add(cpu_s, base_cpu)
        memory.add(memory_mib, base_memory)
    return [cpu, memory]
