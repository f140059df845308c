"""The class roster of the one-machine hub: who may log in, each with a password of their own.

The roster lives where the hub's authenticator (NativeAuthenticator) keeps its users, in the hub's own
database, so there is one list and no copy to drift. Sign-up is off: only the instructor adds a student,
with a password the command makes up and prints once; the student can change it at /hub/change-password.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterable
from pathlib import Path

import bcrypt
from nativeauthenticator import NativeAuthenticator
from nativeauthenticator.orm import UserInfo
from sqlalchemy import create_engine, inspect
from sqlalchemy.orm import Session

from .spawner import USERNAME_PATTERN

# No 0/O, 1/l/I: a password read out or copied from paper is typed right the first time.
ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


class RosterError(ValueError):
    """A roster change that cannot be made, said in one line."""


def make_password(groups: int = 3, size: int = 4) -> str:
    """A random password such as `k7qm-x3vd-9pta` (about 59 bits)."""
    return "-".join("".join(secrets.choice(ALPHABET) for _ in range(size)) for _ in range(groups))


def hub_database(hub_home: Path) -> Path:
    """The hub's database file under its home folder (as deploy/one-machine/jupyterhub_config.py sets it)."""
    return Path(hub_home) / "state" / "jupyterhub.sqlite"


def open_roster(database: Path) -> Session:
    """A session on the hub's database; refused when the hub has not made its roster table yet."""
    if not Path(database).is_file():
        raise RosterError(f"{database}: no hub database yet: start the hub once (sudo scripts/hub)")
    engine = create_engine(f"sqlite:///{database}", connect_args={"timeout": 30})
    if UserInfo.__tablename__ not in inspect(engine).get_table_names():
        raise RosterError(f"{database}: the hub has no roster table: start it once with the class "
                          "configuration (sudo scripts/hub)")
    return Session(engine)


def read_names(lines: Iterable[str]) -> list[str]:
    """User names from a roster file: one per line; blank lines and `#` comments are skipped."""
    return [name for line in lines if (name := line.split("#", 1)[0].strip())]


def _checked(names: Iterable[str]) -> list[str]:
    names = list(dict.fromkeys(names))
    bad = [name for name in names if not re.fullmatch(USERNAME_PATTERN, name)]
    if bad:
        raise RosterError(f"not a hub user name: {', '.join(map(repr, bad))} (lowercase letters, digits, "
                          "- and _, up to 24 characters, starting with a letter or digit)")
    return names


def _hash(password: str) -> bytes:
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt())


def roster(session: Session) -> list[str]:
    """Everyone on the roster, by name."""
    return sorted(info.username for info in session.query(UserInfo))


def add(session: Session, names: Iterable[str], password: Callable[[], str] = make_password) -> dict[str, str]:
    """Put students on the roster; return each one's new password. Nobody already on it is changed."""
    names = _checked(names)
    present = sorted(set(names) & set(roster(session)))
    if present:
        raise RosterError(f"already on the roster: {', '.join(present)} (a new password: roster reset NAME)")
    issued = {name: password() for name in names}
    session.add_all(UserInfo(username=name, password=_hash(secret), is_authorized=True)
                    for name, secret in issued.items())
    session.commit()
    return issued


def reset(session: Session, names: Iterable[str], password: Callable[[], str] = make_password) -> dict[str, str]:
    """Give students on the roster a new password (the old one stops working); return the new ones."""
    infos = _infos(session, _checked(names))
    issued = {}
    for info in infos:
        issued[info.username] = password()
        info.password = _hash(issued[info.username])
    session.commit()
    return issued


def remove(session: Session, names: Iterable[str]) -> list[str]:
    """Take students off the roster: they can no longer log in. Their homes and hand-ins stay."""
    infos = _infos(session, _checked(names))
    for info in infos:
        session.delete(info)
    session.commit()
    return [info.username for info in infos]


def _infos(session: Session, names: list[str]) -> list[UserInfo]:
    found = {info.username: info for info in session.query(UserInfo).filter(UserInfo.username.in_(names))}
    missing = [name for name in names if name not in found]
    if missing:
        raise RosterError(f"not on the roster: {', '.join(missing)}")
    return [found[name] for name in names]


class RosterAuthenticator(NativeAuthenticator):
    """NativeAuthenticator reading each login's roster entry afresh from the database.

    The roster command changes entries from another process while the hub runs; without a fresh read the
    hub's session would keep answering with a password it loaded before a reset.
    """

    def get_user(self, username):
        name = self.normalize_username(username)
        return self.db.query(UserInfo).populate_existing().filter(UserInfo.username == name).first()
