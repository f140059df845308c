"""JupyterHub for a small class on one machine: started by `scripts/hub`, which sets the PSOAS_HUB_* variables.

Students log in with their own password from the class roster, get a private Unix account and home, and
see the notebooks as Voila pages (an nbgitpuller link from `psoas-lesson hub-link` gives each student a
copy). Their progress is saved under their home; "Hand in my progress" copies it into the student's own
folder of the collection for `psoas-lesson report`. Idle kernels and servers are stopped so a class does
not fill the machine.
"""

import os
import sys
from pathlib import Path

import nativeauthenticator

from psoas_lib.hub.spawner import USERNAME_PATTERN

c = get_config()  # noqa: F821 (provided by JupyterHub)

home = Path(os.environ["PSOAS_HUB_HOME"])  # the hub's own folder: environment, state, collection
here = Path(__file__).resolve().parent
minutes = 60

# Where the hub listens; the students' servers listen on loopback only.
c.JupyterHub.bind_url = os.environ.get("PSOAS_HUB_URL", "http://127.0.0.1:8000")
c.JupyterHub.hub_bind_url = os.environ.get("PSOAS_HUB_API_URL", "http://127.0.0.1:8081")
c.ConfigurableHTTPProxy.api_url = os.environ.get("PSOAS_HUB_PROXY_API_URL", "http://127.0.0.1:8001")
c.ConfigurableHTTPProxy.command = [str(here / "node_modules/.bin/configurable-http-proxy")]
c.JupyterHub.db_url = f"sqlite:///{home / 'state/jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(home / "state/jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(home / "state/jupyterhub.pid")
c.ConfigurableHTTPProxy.pid_file = str(home / "state/jupyterhub-proxy.pid")

# Log in: each student with their own password, from the class roster (`psoas-lesson roster`), kept by
# NativeAuthenticator in the hub's database. Nobody signs up: only the instructor adds a name, so no one
# can claim a classmate's name first. Repeated wrong passwords lock a name out for a while.
c.JupyterHub.authenticator_class = "psoas_lib.hub.roster.RosterAuthenticator"
# templates/page.html first: NativeAuthenticator's pages with its show-password button in words, not emoji.
c.JupyterHub.template_paths = [str(here / "templates"), str(Path(nativeauthenticator.__file__).parent / "templates")]
c.NativeAuthenticator.enable_signup = False
c.NativeAuthenticator.allowed_failed_logins = 5
c.NativeAuthenticator.seconds_before_next_try = 10 * 60
c.NativeAuthenticator.minimum_password_length = 10  # for passwords students choose at /hub/change-password
c.NativeAuthenticator.check_common_password = True
# Only names on the roster can authenticate at all, so every authenticated name may use the hub.
c.Authenticator.allow_all = True
c.Authenticator.username_pattern = USERNAME_PATTERN
c.Authenticator.admin_users = {name for name in os.environ.get("PSOAS_HUB_ADMINS", "").split(",") if name}
# Or the institution's login instead of the roster: deploy/login/generic_oauth.py (single sign-on) or
# deploy/login/lti13.py (launch from the learning platform), named in PSOAS_HUB_LOGIN.
if os.environ.get("PSOAS_HUB_LOGIN"):
    load_subconfig(os.environ["PSOAS_HUB_LOGIN"])  # noqa: F821 (provided by JupyterHub)

# Each student: a private Unix account, the class environment, Voila as the landing page.
c.JupyterHub.spawner_class = "psoas_lib.hub.spawner.StudentSpawner"
c.StudentSpawner.home_root = os.environ.get("PSOAS_HUB_HOMES", "/home")
c.StudentSpawner.account_prefix = os.environ.get("PSOAS_HUB_ACCOUNT_PREFIX", "psoas-")
c.StudentSpawner.runtime_root = str(home / "run")  # short paths for the kernels' Unix sockets
c.StudentSpawner.collect_root = str(home / "collect")  # each student hands in to a folder of their own
c.StudentSpawner.process_memory_limit = int(os.environ.get("PSOAS_HUB_PROCESS_MEMORY", 4 * 1024**3))
c.Spawner.cmd = [str(Path(sys.executable).with_name("jupyterhub-singleuser"))]
c.Spawner.default_url = "/voila/tree"
# A class logging in at once shares 2 cores: in the load test 80 simultaneous starts took up to 130 s.
c.Spawner.start_timeout = 300
c.Spawner.http_timeout = 300
c.Spawner.environment = {
    "GIT_CONFIG_GLOBAL": str(home / "gitconfig"),  # trusts the hub's copy of the notebooks for nbgitpuller
}
for setting in ("PSOAS_LESSON", "PSOAS_PRESENTATION"):  # a class-wide lesson file or presentation mode
    if os.environ.get(setting):
        c.Spawner.environment[setting] = os.environ[setting]
c.Spawner.args = [
    # Kernels talk to their server over Unix sockets in the student's private runtime folder
    # ($PSOAS_HUB_HOME/run/UID, made by the spawner), not TCP ports:
    # with a class starting kernels at once, a free TCP port picked for one kernel was taken by another's
    # ("Address already in use" in the load test), and loopback ports are open to every account.
    "--KernelManager.transport=ipc",
    # A kernel nobody has used for 20 minutes, with no page open on it, is stopped.
    f"--MappingKernelManager.cull_idle_timeout={20 * minutes}",
    f"--MappingKernelManager.cull_interval={2 * minutes}",
    # Only what a student's pages use: Voila, JupyterLab and nbgitpuller. The language server, terminals
    # and the classic-notebook shim cost each start about 0.7 of its 3.9 CPU-seconds and 5 MiB (measured
    # here); and with no terminals a student's account gets no shell on the class machine.
    "--ServerApp.jpserver_extensions={'jupyter_lsp': False, 'jupyter_server_terminals': False, "
    "'notebook_shim': False}",
    "--ServerApp.terminals_enabled=False",
]

# A server idle for an hour is stopped; its files stay in the student's home.
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler", f"--timeout={60 * minutes}",
                f"--cull-every={5 * minutes}"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]

# Optional: a token for class tools (the load test, scripted account set-up) to manage users and servers.
if os.environ.get("PSOAS_HUB_API_TOKEN"):
    c.JupyterHub.services.append({"name": "class-tools", "api_token": os.environ["PSOAS_HUB_API_TOKEN"]})
    c.JupyterHub.load_roles.append({
        "name": "class-tools",
        "scopes": ["admin:users", "admin:servers", "tokens", "access:servers", "read:users"],
        "services": ["class-tools"],
    })
