"""The one-machine hub's spawner: every student's server runs as their own Unix account, made on first start.

Each account's home is private (mode 0700), so one student's notebooks and progress can be neither read
nor overwritten by another student's session. A per-process address-space limit keeps one runaway kernel
from exhausting the class machine; it is not a per-student total (that needs cgroups, e.g. SystemdSpawner).
Students' servers run at a lower CPU priority than the hub and its proxy, so a class starting at once
cannot starve the two processes every login and every page goes through.
"""

from __future__ import annotations

import asyncio
import os
import pwd
import re
import resource
import stat

from jupyterhub.spawner import LocalProcessSpawner, set_user_setuid
from traitlets import Integer, Unicode

# Hub user names allowed on the one-machine hub: each maps to exactly one Unix account name.
USERNAME_PATTERN = r"^[a-z0-9][a-z0-9_-]{0,23}$"

# useradd locks /etc/passwd and fails at once if another useradd holds it ("cannot lock /etc/passwd"), which
# a class logging in at the same moment does: the hub (one process) creates accounts one at a time.
_ACCOUNT_CREATION = asyncio.Lock()


def account_name(prefix: str, username: str) -> str:
    """The Unix account of a hub user: the prefix and the name, refused unless the name is plain."""
    if not re.fullmatch(USERNAME_PATTERN, username):
        raise ValueError(f"hub user name {username!r} does not match {USERNAME_PATTERN}")
    return prefix + username


def limit_address_space(limit: int) -> None:
    """Cap this process's (and its children's) address space at `limit` bytes; 0 leaves it unlimited."""
    if limit:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def lower_priority(increment: int) -> None:
    """Make this process (and its children) `increment` steps nicer to the rest of the machine."""
    if increment:
        os.nice(increment)


class StudentSpawner(LocalProcessSpawner):
    """A LocalProcessSpawner that creates a private Unix account per hub user before the first start."""

    account_prefix = Unicode("psoas-", config=True, help="Prefix of the students' Unix account names.")
    home_root = Unicode("/home", config=True, help="Folder that holds the students' homes.")
    process_memory_limit = Integer(
        0, config=True,
        help="Address-space limit in bytes for each process of a student's server (0: none).")
    runtime_root = Unicode(
        "/run/psoas-hub", config=True,
        help="Folder of the students' Jupyter runtime folders (one per account, by uid). It must be short: "
             "kernels listen on Unix sockets there, and a socket's path may not exceed 107 bytes.")
    collect_root = Unicode(
        "", config=True,
        help="The class's hand-in folder: each student gets a sub-folder named for them that only their account "
             "(and root) can write, set as their PSOAS_COLLECT_DIR. Empty: no hand-in.")
    niceness = Integer(
        5, config=True,
        help="How much lower than the hub's the CPU priority of students' servers is (nice increment).")

    @property
    def account(self) -> str:
        return account_name(self.account_prefix, self.user.name)

    async def ensure_account(self) -> None:
        """Create the account with a private home if it does not exist yet."""
        async with _ACCOUNT_CREATION:
            try:
                pwd.getpwnam(self.account)
                return
            except KeyError:
                pass
            home = os.path.join(self.home_root, self.account)
            process = await asyncio.create_subprocess_exec(
                "useradd", "--create-home", "--home-dir", home, "--shell", "/usr/sbin/nologin",
                "--user-group", "--comment", f"psoas hub student {self.user.name}", self.account,
                stderr=asyncio.subprocess.PIPE)
            _out, err = await process.communicate()
            if process.returncode != 0:
                raise RuntimeError(f"useradd {self.account} failed: {err.decode(errors='replace').strip()}")
            os.chmod(home, 0o700)

    def runtime_dir(self, entry: pwd.struct_passwd) -> str:
        return os.path.join(self.runtime_root, str(entry.pw_uid))

    def ensure_runtime_dir(self) -> None:
        """The student's private runtime folder (connection files, kernel sockets), owned by them alone."""
        entry = pwd.getpwnam(self.account)
        path = self.runtime_dir(entry)
        os.makedirs(path, mode=0o700, exist_ok=True)
        os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chmod(path, 0o700)

    def collect_dir(self) -> str:
        return os.path.join(self.collect_root, self.user.name)

    def ensure_collect_dir(self) -> None:
        """The student's own hand-in folder, owned by their account alone (mode 0700), made or repaired.

        The collection folder itself belongs to root (mode 0711): no student can create, rename or list
        anything in it, so nobody can take a classmate's folder name first or plant a link in its place.
        """
        entry = pwd.getpwnam(self.account)
        path = self.collect_dir()
        try:
            os.mkdir(path, 0o700)
        except FileExistsError:
            if not stat.S_ISDIR(os.lstat(path).st_mode):
                raise RuntimeError(f"{path} is not a folder: remove it so {self.user.name} can hand in") from None
        os.chown(path, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
        os.chmod(path, 0o700)

    async def start(self):
        await self.ensure_account()
        self.ensure_runtime_dir()
        if self.collect_root:
            self.ensure_collect_dir()
        return await super().start()

    def make_preexec_fn(self, name):
        become_student = set_user_setuid(self.account)
        limit, niceness = self.process_memory_limit, self.niceness

        def preexec():
            limit_address_space(limit)
            lower_priority(niceness)
            become_student()

        return preexec

    def user_env(self, env):
        entry = pwd.getpwnam(self.account)
        env.update(USER=self.account, HOME=entry.pw_dir, SHELL=entry.pw_shell,
                   JUPYTER_RUNTIME_DIR=self.runtime_dir(entry))
        if self.collect_root:
            env["PSOAS_COLLECT_DIR"] = self.collect_dir()
        return env
