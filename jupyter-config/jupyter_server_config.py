"""The project's JupyterLab settings, read only when scripts/lab starts JupyterLab (it puts this folder on
JUPYTER_CONFIG_PATH). The user's own Jupyter and JupyterLab settings still take precedence over these."""

import logging
from pathlib import Path

# Open the collection on its first notebook rather than on a bare file list.
c.LabApp.default_url = "/lab/tree/01_anatomy.ipynb"

# JupyterLab's defaults for this project (lab-settings/overrides.json): no "official Jupyter news?" popup.
c.LabApp.app_settings_dir = str(Path(__file__).parent / "lab-settings")

# Kernels talk to the server over CurveZMQ-encrypted sockets, which the kernelspec offers, rather than plain
# TCP, which every kernel warned about in the terminal.
c.KernelManager.transport_encryption = "auto"

# notebook_shim only loads classic-Notebook server extensions (this project has none); looking through the
# server's settings, it set off a deprecation warning about ServerApp.token.
c.ServerApp.jpserver_extensions.update({"notebook_shim": False})

# Jupyter Server's websocket pong timeout (3 pings by default) is longer than its ping interval, which Tornado
# warns about on the first connection: give it the interval, as Tornado does anyway.
c.ServerApp.tornado_settings.update({"ws_ping_timeout": 30_000})


class _NotTrustedNotice(logging.Filter):
    """Drops "Notebook X is not trusted": every notebook of a fresh copy is, until it is run, and that is what
    shows each exercise's "run the notebook" sentence instead of an empty widget."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.msg != "Notebook %s is not trusted"


logging.getLogger("ServerApp").addFilter(_NotTrustedNotice())
