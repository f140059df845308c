"""Can only the students on the roster log in, each with their own password, and does the instructor's roster
command change who can while the hub runs?"""

import asyncio

import pytest
from jupyterhub import orm
from nativeauthenticator.orm import UserInfo  # registers the roster table with the hub's schema

from psoas_lib.cli import main
from psoas_lib.hub import roster
from psoas_lib.hub.roster import RosterAuthenticator, RosterError


@pytest.fixture
def database(tmp_path):
    """A hub database as JupyterHub makes it, with NativeAuthenticator's table."""
    path = tmp_path / "state" / "jupyterhub.sqlite"
    path.parent.mkdir()
    orm.new_session_factory(f"sqlite:///{path}")().close()
    return path


@pytest.fixture
def hub_db(database):
    """The hub's own database session, as the running hub holds it."""
    session = orm.new_session_factory(f"sqlite:///{database}")()
    yield session
    session.close()


def log_in(hub_db, name, password):
    authenticator = RosterAuthenticator(db=hub_db, allowed_failed_logins=3, seconds_before_next_try=600)
    return asyncio.run(authenticator.authenticate(None, {"username": name, "password": password}))


def test_a_student_on_the_roster_logs_in_with_their_own_password_only(database, hub_db):
    with roster.open_roster(database) as session:
        issued = roster.add(session, ["ana", "ben"])
    assert log_in(hub_db, "ana", issued["ana"]) == "ana"
    assert log_in(hub_db, "ana", issued["ben"]) is None, "a classmate's password let a student in as ana"
    assert log_in(hub_db, "carla", issued["ana"]) is None, "a name not on the roster logged in"


def test_passwords_are_stored_hashed_and_differ_between_students(database):
    with roster.open_roster(database) as session:
        issued = roster.add(session, ["ana", "ben"])
        stored = {info.username: info.password for info in session.query(UserInfo)}
    assert issued["ana"] != issued["ben"] and len(issued["ana"]) == 14
    assert all(password.encode() not in stored[name] for name, password in issued.items())


def test_a_reset_takes_effect_in_a_running_hub_that_had_already_read_the_old_password(database, hub_db):
    with roster.open_roster(database) as session:
        old = roster.add(session, ["ana"])["ana"]
    assert log_in(hub_db, "ana", old) == "ana"  # the hub's session now holds ana's entry
    with roster.open_roster(database) as session:
        new = roster.reset(session, ["ana"])["ana"]
    assert log_in(hub_db, "ana", old) is None
    assert log_in(hub_db, "ana", new) == "ana"


def test_a_removed_student_can_no_longer_log_in(database, hub_db):
    with roster.open_roster(database) as session:
        password = roster.add(session, ["ana", "ben"])["ana"]
        assert roster.remove(session, ["ana"]) == ["ana"]
        assert roster.roster(session) == ["ben"]
    assert log_in(hub_db, "ana", password) is None


def test_repeated_wrong_passwords_lock_the_name_out_even_for_the_right_one(database, hub_db):
    with roster.open_roster(database) as session:
        password = roster.add(session, ["ana"])["ana"]
    authenticator = RosterAuthenticator(db=hub_db, allowed_failed_logins=3, seconds_before_next_try=600)
    for _ in range(3):
        assert asyncio.run(authenticator.authenticate(None, {"username": "ana", "password": "guess-guess"})) is None
    assert asyncio.run(authenticator.authenticate(None, {"username": "ana", "password": password})) is None


@pytest.mark.parametrize("names, message", [
    (["Ana"], "not a hub user name: 'Ana'"),
    (["../root"], "not a hub user name"),
    (["ana", "ana b"], "not a hub user name: 'ana b'"),
])
def test_a_name_that_is_no_hub_user_name_is_refused_and_nothing_is_added(database, names, message):
    with roster.open_roster(database) as session:
        with pytest.raises(RosterError, match=message):
            roster.add(session, names)
        assert roster.roster(session) == []


def test_adding_a_name_twice_keeps_the_first_password(database, hub_db):
    with roster.open_roster(database) as session:
        password = roster.add(session, ["ana"])["ana"]
        with pytest.raises(RosterError, match="already on the roster: ana"):
            roster.add(session, ["ben", "ana"])
        assert roster.roster(session) == ["ana"]
    assert log_in(hub_db, "ana", password) == "ana"


def test_resetting_or_removing_a_name_not_on_the_roster_says_so(database):
    with roster.open_roster(database) as session:
        roster.add(session, ["ana"])
        for change in (roster.reset, roster.remove):
            with pytest.raises(RosterError, match="not on the roster: zoe"):
                change(session, ["ana", "zoe"])


def test_a_hub_that_never_started_gets_a_one_line_answer(tmp_path, capsys):
    assert main(["roster", "list", "--hub-home", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "start the hub once" in out


def test_the_command_prints_one_password_per_name_from_arguments_and_a_file(database, tmp_path, capsys):
    names = tmp_path / "class.txt"
    names.write_text("# week 1\ncarla\n\nben  # late joiner\n", encoding="utf-8")
    hub_home = str(database.parent.parent)
    assert main(["roster", "add", "ana", "--hub-home", hub_home, "--file", str(names)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["ana", "carla", "ben"]
    assert main(["roster", "list", "--hub-home", hub_home]) == 0
    assert capsys.readouterr().out.split() == ["ana", "ben", "carla"]


def test_a_roster_change_with_no_name_is_refused(database, capsys):
    assert main(["roster", "add", "--hub-home", str(database.parent.parent)]) == 1
    assert "name at least one student" in capsys.readouterr().out


def test_passwords_use_no_characters_that_are_easy_to_misread():
    for _ in range(200):
        assert not set(roster.make_password()) & set("01oOlIL")
