"""File › Reload keeps the door open: the same port and secret, devices carry on; closing
the workshop still closes it."""

from __future__ import annotations

import asyncio
import threading

import pytest

from facilitator.errors import FurikaeriError
from facilitator.lan import room
from facilitator.workshop.model import Note
from test_window_door import door_window, note_body, open_door, refused, request, texts_on_board  # noqa: F401

aiohttp = pytest.importorskip("aiohttp")


class LiveChannel:
    """A device's live channel in a thread of its own: the messages it got, and whether
    the server closed it."""

    def __init__(self, base: str, secret: str) -> None:
        self.url = f"{base.replace('http', 'ws', 1)}api/live?s={secret}&device=phone9"
        self.messages: list[str] = []
        self.closed = False
        self.thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)
        self.thread.start()

    async def _run(self) -> None:
        async with aiohttp.ClientSession() as http:
            async with http.ws_connect(self.url) as sock:
                self.sock, self.loop = sock, asyncio.get_running_loop()
                async for msg in sock:
                    self.messages.append(msg.data)
        self.closed = True

    def stop(self) -> None:
        if hasattr(self, "loop") and not self.closed:
            asyncio.run_coroutine_threadsafe(self.sock.close(), self.loop)
        self.thread.join(5)


def test_reload_keeps_the_door_open_and_devices_connected(door_window, qtbot):
    win = door_window
    base, secret = open_door(win, qtbot)
    server, port = win.lan.server, win.lan.server.port
    assert request(qtbot, base, "/api/notes", secret, note_body(win, "u1", "前から"))[0] == 200
    live = LiveChannel(base, secret)
    qtbot.waitUntil(lambda: bool(live.messages), timeout=5000)  # its hello
    try:
        panel = win.lan.panel
        qtbot.waitUntil(panel.isVisible)
        win.actions_.reload.trigger()

        assert win.lan.is_open and win.lan.server is server and server.port == port
        door = room.door(win.ws)
        assert door.open and door.secret == secret and door.port == port
        assert panel.isVisible() and secret in panel.url_label.text()
        # "Look again" (the note sent before may still announce itself first).
        qtbot.waitUntil(lambda: any('"all": true' in m for m in live.messages), timeout=5000)
        assert not live.closed  # never cut off

        # The reopened workshop is the one served: a note goes onto its board.
        assert request(qtbot, base, "/api/notes", secret, note_body(win, "u2", "再読み込み後"))[0] == 200
        qtbot.waitUntil(lambda: "再読み込み後" in texts_on_board(win), timeout=2000)
        assert {"前から", "再読み込み後"} <= {n.text for n in win.ws.all(Note)}
        # Sent again after the reload (its answer lost): still received once.
        assert request(qtbot, base, "/api/notes", secret, note_body(win, "u1", "前から"))[0] == 200
        assert [n.text for n in win.ws.all(Note)].count("前から") == 1
    finally:
        live.stop()

    win.close_workshop()  # closing on purpose still closes the door
    assert refused(base)


def test_a_file_that_cannot_be_reopened_closes_the_door(door_window, qtbot, monkeypatch):
    win = door_window
    base, secret = open_door(win, qtbot)

    def broken(path, *a, **kw):
        raise FurikaeriError("gone")
    monkeypatch.setattr("ui.main_window.Workshop.open", broken)
    monkeypatch.setattr("ui.main_window.QMessageBox.warning", lambda *a, **kw: None)
    win.reload()
    assert win.ws is None and not win.lan.is_open
    assert refused(base)
