"""Start the class's servers before the class arrives, a few at a time, so logging in finds them ready.

A class logging in at once starts every server in the same minute on a machine with two cores; started
ahead, one after another, the same work is spread over the minutes before class and the machine stays
responsive. The hub's idle culler stops a server nobody uses for an hour: prestart shortly before class.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest

READY_TIMEOUT = 300  # seconds one server may take to start (the hub's own start_timeout)


@dataclass(frozen=True)
class Started:
    """How one student's prestart went: seconds to ready, or the reason it failed."""

    name: str
    seconds: float = 0.0
    error: str = ""


async def prestart(names: Iterable[str], start: Callable[[str], Awaitable[float]], at_once: int = 2,
                   gap_seconds: float = 2.0, sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                   report: Callable[[Started], None] = lambda _started: None) -> list[Started]:
    """Start each student's server with `start(name)` (returns seconds to ready), at most `at_once` starting
    together and each start at least `gap_seconds` after the one before. One failure stops nobody else."""
    slots = asyncio.Semaphore(at_once)

    async def one(name: str) -> Started:
        try:
            started = Started(name, seconds=await start(name))
        except Exception as error:  # noqa: BLE001 - every student's failure is reported, none stops the rest
            started = Started(name, error=f"{type(error).__name__}: {error}")
        finally:
            slots.release()
        report(started)
        return started

    tasks = []
    for index, name in enumerate(names):
        if index:
            await sleep(gap_seconds)
        await slots.acquire()
        tasks.append(asyncio.create_task(one(name)))
        await asyncio.sleep(0)  # let this start send its request now, not after the next gap
    return list(await asyncio.gather(*tasks))


class HubAPI:
    """The hub's REST API with an admin token: create users and start their servers."""

    def __init__(self, url: str, token: str, request_timeout: float = 60):
        self.url, self.token = url.rstrip("/"), token
        self.http = AsyncHTTPClient(force_instance=True, max_clients=1000, defaults={
            "connect_timeout": request_timeout, "request_timeout": request_timeout})

    async def fetch(self, path: str, method: str = "GET", body: dict | None = None) -> dict | None:
        """A request to any path of the hub (a student's server too, `/user/NAME/...`); its JSON, or None."""
        request = HTTPRequest(f"{self.url}{path}", method=method,
                              body=json.dumps(body) if body is not None else ("{}" if method == "POST" else None),
                              headers={"Authorization": f"token {self.token}"}, follow_redirects=False,
                              allow_nonstandard_methods=True)
        response = await self.http.fetch(request)
        return json.loads(response.body) if response.body and response.body[:1] in (b"{", b"[") else None

    async def call(self, path: str, method: str = "GET", body: dict | None = None) -> dict | None:
        """A request to the hub's REST API (`/hub/api` + path)."""
        return await self.fetch(f"/hub/api{path}", method, body)

    async def start_server(self, name: str, timeout: float = READY_TIMEOUT,
                           clock: Callable[[], float] = time.perf_counter) -> float:
        """Create the hub user `name` if needed and start their server; return the seconds until it was ready."""
        try:
            await self.call(f"/users/{name}", "POST")
        except HTTPClientError as error:
            if error.code != 409:  # 409: the user exists already
                raise
        start = clock()
        try:
            await self.call(f"/users/{name}/server", "POST")
        except HTTPClientError as error:
            if error.code != 400:  # 400: the server is running already
                raise
        while True:
            server = (await self.call(f"/users/{name}"))["servers"].get("")
            if server is None:
                raise RuntimeError("the hub could not start the server (its log says why)")
            if server.get("ready"):
                return clock() - start
            if clock() - start > timeout:
                raise TimeoutError(f"not ready after {timeout:.0f} s")
            await asyncio.sleep(1)
