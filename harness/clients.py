"""Clients of a running class hub, as a class of students uses it: the hub's REST API (users, servers,
nbgitpuller) through one service token, and a kernel's websocket channels spoken as JupyterLab or Voila
speak them. Used by the load test (benchmarks/class_load.py) and the hub's browser tests."""

from __future__ import annotations

import asyncio
import json
import time
import uuid

from tornado.httpclient import HTTPRequest
from tornado.websocket import websocket_connect

from psoas_lib.hub.prestart import HubAPI

from .hub import Hub

STEP_TIMEOUT = 600  # seconds for any one request or wait of one student


class Kernel:
    """A kernel's websocket channels, spoken as JupyterLab or Voila speaks them (legacy JSON protocol)."""

    def __init__(self, connection, session: str):
        self.connection, self.session = connection, session
        self.updates: dict[str, asyncio.Event] = {}

    def _message(self, channel: str, msg_type: str, content: dict) -> tuple[str, str]:
        """A message's id and its JSON text."""
        header = {"msg_id": uuid.uuid4().hex, "session": self.session, "username": "load-test",
                  "msg_type": msg_type, "version": "5.3", "date": ""}
        return header["msg_id"], json.dumps({"header": header, "parent_header": {}, "metadata": {},
                                             "content": content, "channel": channel, "buffers": []})

    async def execute(self, code: str) -> str:
        """Run code; return what it printed; raise on an error."""
        msg_id, message = self._message("shell", "execute_request", {
            "code": code, "silent": False, "store_history": False, "user_expressions": {}, "allow_stdin": False})
        await self.connection.write_message(message)
        printed = []
        while True:
            reply = json.loads(await self._read())
            if reply["parent_header"].get("msg_id") != msg_id:
                continue
            kind = reply["header"]["msg_type"]
            if kind == "stream":
                printed.append(reply["content"]["text"])
            elif kind == "error":
                raise RuntimeError(f"{reply['content']['ename']}: {reply['content']['evalue']}")
            elif kind == "status" and reply["content"]["execution_state"] == "idle":
                return "".join(printed)

    async def _read(self) -> str:
        message = await self.connection.read_message()
        if message is None:
            raise RuntimeError("the kernel's websocket closed")
        return message

    async def send_to_widget(self, model_id: str, data: dict, wait_for: str | None = None) -> float:
        """Send a widget message (a click or a value) as a browser does; return seconds until `wait_for`'s
        model reports a new value (or until the kernel is idle again when there is nothing to wait for)."""
        msg_id, message = self._message("shell", "comm_msg", {"comm_id": model_id, "data": data})
        start = time.perf_counter()
        await self.connection.write_message(message)
        while True:
            reply = json.loads(await self._read())
            content, kind = reply["content"], reply["header"]["msg_type"]
            if wait_for and kind == "comm_msg" and content.get("comm_id") == wait_for \
                    and "value" in content["data"].get("state", {}):
                return time.perf_counter() - start
            if not wait_for and kind == "status" and content["execution_state"] == "idle" \
                    and reply["parent_header"].get("msg_id") == msg_id:
                return time.perf_counter() - start

    async def click(self, model_id: str, feedback: str | None = None) -> float:
        return await self.send_to_widget(model_id, {"method": "custom", "content": {"event": "click"}}, feedback)

    async def choose(self, model_id: str, index: int) -> float:
        return await self.send_to_widget(model_id, {"method": "update", "state": {"index": index},
                                                    "buffer_paths": []})


class HubClient(HubAPI):
    """The hub's API and the students' servers, through the proxy, with the hub's class-tools token."""

    def __init__(self, hub: Hub):
        super().__init__(hub.url, hub.token, request_timeout=STEP_TIMEOUT)
        self.hub = hub

    async def start_server(self, name: str) -> float:
        return await super().start_server(name, timeout=STEP_TIMEOUT)

    async def pull(self, name: str, folder: str) -> None:
        """What the nbgitpuller link's page does: stream the pull's progress until it says it is done."""
        repo = f"file://{self.hub.home}/psoas-release.git"
        response = await self.http.fetch(HTTPRequest(
            f"{self.hub.url}/user/{name}/git-pull/api?repo={repo}&targetpath={folder}&branch=main",
            headers={"Authorization": f"token {self.hub.token}"}))
        events = [json.loads(line[6:]) for line in response.body.decode().splitlines() if line.startswith("data: ")]
        if not events or events[-1].get("phase") != "finished":
            raise RuntimeError(f"nbgitpuller did not finish: {events[-1:] or response.body[:300]}")

    async def open_notebook(self, name: str, path: str) -> Kernel:
        """A kernel session on the notebook at `path` in `name`'s server, as Voila opens one."""
        session = await self.fetch(f"/user/{name}/api/sessions", "POST", {
            "path": path, "type": "notebook", "name": path.rsplit("/", 1)[-1], "kernel": {"name": "python3"}})
        url = f"{self.hub.url.replace('http', 'ws', 1)}/user/{name}/api/kernels/{session['kernel']['id']}/channels"
        request = HTTPRequest(url, headers={"Authorization": f"token {self.hub.token}"},
                              connect_timeout=STEP_TIMEOUT, request_timeout=STEP_TIMEOUT)
        connection = await websocket_connect(request, max_message_size=64 * 1024**2)
        return Kernel(connection, uuid.uuid4().hex)
