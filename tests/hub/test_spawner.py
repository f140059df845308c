"""Does every hub user get exactly one Unix account, and does the memory cap stop a runaway process?"""

import subprocess
import sys

import pytest

from psoas_lib.hub.spawner import account_name


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
