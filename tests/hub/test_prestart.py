"""Does prestart start every student's server, never more at once than asked, with a gap between starts,
and carry on past a student whose server fails?"""

import asyncio

import pytest

from psoas_lib.cli import main
from psoas_lib.hub.prestart import prestart


def run(names, fail=(), at_once=2, gap=2.0, seconds=5):
    """Prestart with fake servers and a fake clock that only the gaps advance; return (results, starts), each
    start logged as (event, name, servers starting at that moment, clock)."""
    log, now, running = [], [0.0], [0]

    async def fake_sleep(duration):
        now[0] += duration
        await asyncio.sleep(0)

    async def start(name):
        running[0] += 1
        log.append(("start", name, running[0], now[0]))
        await asyncio.sleep(0.001 * seconds)
        running[0] -= 1
        if name in fail:
            raise RuntimeError("the hub could not start the server")
        return float(seconds)

    results = asyncio.run(prestart(names, start, at_once=at_once, gap_seconds=gap, sleep=fake_sleep))
    return results, log


def test_every_student_on_the_list_gets_a_server_in_order():
    results, log = run([f"s{i}" for i in range(7)])
    assert [r.name for r in results] == [f"s{i}" for i in range(7)] and all(not r.error for r in results)
    assert [event[1] for event in log] == [f"s{i}" for i in range(7)]


@pytest.mark.parametrize("at_once", [1, 2, 3])
def test_never_more_servers_start_together_than_asked(at_once):
    _results, log = run([f"s{i}" for i in range(9)], at_once=at_once)
    assert max(event[2] for event in log) == at_once


def test_each_start_after_the_first_waits_the_gap():
    _results, log = run(["a", "b", "c"], gap=3.5)
    assert [event[3] for event in log] == [0.0, 3.5, 7.0]


def test_a_server_that_fails_is_reported_and_the_rest_still_start():
    results, _log = run(["a", "b", "c"], fail={"b"})
    assert [(r.name, bool(r.error)) for r in results] == [("a", False), ("b", True), ("c", False)]
    assert "could not start" in results[1].error


def test_an_empty_roster_starts_nothing():
    results, log = run([])
    assert results == [] and log == []


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_prestart_refuses_a_number_of_servers_at_once_below_one(value, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["hub-prestart", "--at-once", value, "ana"])
    assert exit_.value.code == 2 and "a whole number of 1 or more" in capsys.readouterr().err


def test_prestart_without_a_token_or_a_roster_says_what_is_missing(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("PSOAS_HUB_API_TOKEN", raising=False)
    assert main(["hub-prestart", "--hub-home", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "class-tools-token" in out
