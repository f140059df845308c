"""Does every hub user get exactly one Unix account, made one at a time, and does the memory cap stop a runaway
process?"""

import asyncio
import os
import pwd
import stat
import subprocess
import sys
from types import SimpleNamespace

import pytest

from psoas_lib.hub import spawner
from psoas_lib.hub.spawner import StudentSpawner, account_name


def test_a_plain_user_name_maps_to_one_account():
    assert account_name("psoas-", "student1") == "psoas-student1"


@pytest.mark.parametrize("name", ["root/../x", "Ana", "a b", "-x", "ana.b", "x" * 25, ""])
def test_a_name_that_could_collide_or_escape_is_refused(name):
    with pytest.raises(ValueError, match="does not match"):
        account_name("psoas-", name)


def test_the_address_space_cap_turns_a_runaway_allocation_into_a_memory_error():
    code = ("from psoas_lib.hub.spawner import limit_address_space\n"
            "limit_address_space(1024**3)\n"
            "try:\n    block = bytearray(2 * 1024**3)\nexcept MemoryError:\n    print('refused')\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "refused", result.stderr


def test_a_students_server_runs_nicer_than_the_hub():
    code = "import os\nfrom psoas_lib.hub.spawner import lower_priority\nlower_priority(5)\nprint(os.nice(0))"
    before = os.nice(0)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert int(result.stdout) == min(before + 5, 19), result.stderr


def test_a_class_logging_in_at_once_creates_its_accounts_one_at_a_time(monkeypatch, tmp_path):
    """useradd fails outright while another useradd holds /etc/passwd: calls must never overlap."""
    running, overlaps, created = [0], [], []

    class FakeUseradd:
        returncode = 0

        async def communicate(self):
            running[0] += 1
            overlaps.append(running[0] > 1)
            await asyncio.sleep(0.01)
            running[0] -= 1
            return b"", b""

    async def fake_exec(*args, **_kwargs):
        created.append(args[-1])
        (tmp_path / args[-1]).mkdir()
        return FakeUseradd()

    def no_such_account(name):
        raise KeyError(name)

    monkeypatch.setattr(spawner.asyncio, "create_subprocess_exec", fake_exec)
    monkeypatch.setattr(spawner.pwd, "getpwnam", no_such_account)

    async def class_logs_in():
        students = [StudentSpawner(user=SimpleNamespace(name=f"s{i}"), home_root=str(tmp_path)) for i in range(8)]
        await asyncio.gather(*(student.ensure_account() for student in students))

    asyncio.run(class_logs_in())
    assert sorted(created) == [f"psoas-s{i}" for i in range(8)] and not any(overlaps)


def _hand_in_spawner(monkeypatch, tmp_path, name="ana"):
    """A spawner for `name` whose account is this test's own user (chown to oneself needs no root)."""
    me = pwd.getpwuid(os.getuid())
    monkeypatch.setattr(spawner.pwd, "getpwnam", lambda _account: me)
    collect = tmp_path / "collect"
    collect.mkdir(mode=0o711)
    return StudentSpawner(user=SimpleNamespace(name=name), collect_root=str(collect)), collect


def test_each_student_hands_in_to_a_private_folder_of_their_own(monkeypatch, tmp_path):
    student, collect = _hand_in_spawner(monkeypatch, tmp_path)
    student.ensure_collect_dir()
    folder = collect / "ana"
    assert folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert folder.stat().st_uid == os.getuid()
    assert student.user_env({})["PSOAS_COLLECT_DIR"] == str(folder)


def test_a_hand_in_folder_left_open_is_made_private_again(monkeypatch, tmp_path):
    student, collect = _hand_in_spawner(monkeypatch, tmp_path)
    (collect / "ana").mkdir(mode=0o777)
    os.chmod(collect / "ana", 0o777)
    student.ensure_collect_dir()
    assert stat.S_IMODE((collect / "ana").stat().st_mode) == 0o700


def test_a_link_planted_in_place_of_a_hand_in_folder_is_refused_not_followed(monkeypatch, tmp_path):
    student, collect = _hand_in_spawner(monkeypatch, tmp_path)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o755)
    (collect / "ana").symlink_to(elsewhere)
    with pytest.raises(RuntimeError, match="is not a folder"):
        student.ensure_collect_dir()
    assert stat.S_IMODE(elsewhere.stat().st_mode) == 0o755


def test_without_a_collection_there_is_no_hand_in_folder(monkeypatch):
    monkeypatch.setattr(spawner.pwd, "getpwnam", lambda _account: pwd.getpwuid(os.getuid()))
    assert "PSOAS_COLLECT_DIR" not in StudentSpawner(user=SimpleNamespace(name="ana")).user_env({})
