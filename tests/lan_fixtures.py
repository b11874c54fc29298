"""The room (issue 16): a workshop with one group session (groups A and B) and two
participants, its server on 127.0.0.1 and a plain HTTP client as a device."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from facilitator.lan import room
from facilitator.lan.server import RoomServer
from facilitator.workshop.model import KIND_GROUPS, KIND_PLENARY, Group, Participant, Session
from facilitator.workshop.workshop import Workshop


def room_records():
    return [
        Session(id="s1", title="グループ討議", kind=KIND_GROUPS, order=1, planned_minutes=30),
        Session(id="s2", title="全体共有", kind=KIND_PLENARY, order=2, planned_minutes=20),
        Group(id="gA", session_id="s1", name="A", color="#FFE066", order=1),
        Group(id="gB", session_id="s1", name="B", color="#B5E3FF", order=2),
        Participant(id="p1", name="山田 花子", order=1),
        Participant(id="p2", name="佐藤 一郎", order=2),
    ]


@pytest.fixture
def room_ws(tmp_path):
    ws = Workshop.create(tmp_path / "room.furikaeri", room_records())
    yield ws
    ws.close()


@pytest.fixture
def served(room_ws):
    """The workshop's door open and a server on 127.0.0.1 (owned by the test thread's
    workshop, called in the server's loop: nothing else touches it meanwhile)."""
    room.open_door(room_ws)
    server = RoomServer(room_ws, secret=room.door(room_ws).secret)
    server.start()
    yield server
    server.stop()


class Client:
    """Plain HTTP calls as a device makes them (urllib: no browser, no aiohttp)."""

    def __init__(self, server: RoomServer, secret: str | None = None, device: str = "dev1"):
        self.base = server.url.rstrip("/")
        self.secret = server.secret if secret is None else secret
        self.device = device

    def call(self, path: str, body=None, raw: bytes | None = None, headers=None):
        data = raw if raw is not None else (
            json.dumps(body, ensure_ascii=False).encode() if body is not None else None)
        h = {"Content-Type": "application/json", "X-Furikaeri-Device": self.device}
        if self.secret:
            h["X-Furikaeri-Secret"] = self.secret
        h.update(headers or {})
        req = urllib.request.Request(self.base + path, data=data, headers=h,
                                     method="POST" if data is not None else "GET")
        try:
            with urllib.request.urlopen(req, timeout=10) as res:
                return res.status, _body(res.read())
        except urllib.error.HTTPError as err:
            return err.code, _body(err.read())

    def note(self, uid: str, text: str, group: str | None = "gA", author: str = "山田 花子",
             session: str = "s1"):
        return self.call("/api/notes", {"device": self.device, "uid": uid, "text": text,
                                        "author": author, "session_id": session,
                                        "group_id": group})


def _body(raw: bytes):
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")


@pytest.fixture
def client(served):
    return Client(served)
