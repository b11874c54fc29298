"""参加受付 in the window (issue 16): the door's menu starts and stops the room's server, a
note posted over HTTP is on the board and undoable, participants' notes wait for the reveal,
a new code cuts old devices off, and a door left open (a crash) opens again by itself."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from facilitator.lan import room
from facilitator.workshop.model import Note
from ui.board.items import NoteItem

pytest.importorskip("aiohttp")

_POOL = ThreadPoolExecutor(4, thread_name_prefix="test-device")


def request(qtbot, base: str, path: str, secret: str | None, body: dict | None = None):
    """An HTTP request from another thread, as a device makes it; the GUI thread keeps
    running meanwhile (the server asks it for every answer). Returns (status, json)."""
    def send():
        data = json.dumps(body).encode() if body is not None else None
        req = urllib.request.Request(base.rstrip("/") + path, data=data,
                                     method="POST" if body is not None else "GET")
        req.add_header("Content-Type", "application/json")
        if secret is not None:
            req.add_header("X-Furikaeri-Secret", secret)
        try:
            with urllib.request.urlopen(req, timeout=10) as answer:
                return answer.status, json.loads(answer.read() or b"{}")
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read() or b"{}")
    future = _POOL.submit(send)
    qtbot.waitUntil(future.done, timeout=15000)
    return future.result()


def refused(base: str) -> bool:
    """Nothing listens at ``base`` any more."""
    host, port = base.split("//")[1].rstrip("/").split(":")
    with socket.socket() as s:
        s.settimeout(2)
        return s.connect_ex((host, int(port))) != 0


def texts_on_board(win) -> list[str]:
    scene = win.board.board_scene()
    return [it.rec.text for it in scene.element_items() if isinstance(it, NoteItem)]


@pytest.fixture
def door_window(window_on, ws, monkeypatch, qtbot):
    """The main window on ``ws``, the network picker answering 127.0.0.1."""
    monkeypatch.setattr("ui.lan.controller.pick_address", lambda settings, parent: "127.0.0.1")
    win = window_on(ws)
    yield win
    win.lan.close_door()


def open_door(win, qtbot):
    """参加受付 from the toolbar; the window shows the board devices type into."""
    win.lan.door_action.trigger()
    assert win.lan.is_open
    session = win.lan.session()
    win.choose_board(session.id, win.ws.groups_of(session.id)[0].id, False)
    return win.lan.server.url, room.door(win.ws).secret


def note_body(win, uid: str, text: str, author: str = "山田", device: str = "phone1") -> dict:
    """A note as the page sends it: into the door's session, its first group (the board
    the window shows, which the door's session is in the standard programme)."""
    session = win.lan.session()
    groups = win.ws.groups_of(session.id)
    return {"device": device, "uid": uid, "text": text, "author": author,
            "session_id": session.id, "group_id": groups[0].id if groups else None}


def test_the_door_from_the_menu_starts_and_stops_the_server(door_window, qtbot):
    win = door_window
    base, secret = open_door(win, qtbot)
    assert request(qtbot, base, "/api/state", secret)[0] == 200
    assert room.door(win.ws).open and room.door(win.ws).port == win.lan.server.port
    panel = win.lan.panel
    qtbot.waitUntil(panel.isVisible)
    assert panel.url_label.text() == win.lan.server.join_url  # what the QR code holds
    assert secret in panel.url_label.text() and not panel.qr.pixmap().isNull()
    assert win.lan.label.isVisible() and "0" in win.lan.label.text()

    win.lan.close_action.trigger()
    assert not win.lan.is_open and not room.door(win.ws).open
    assert refused(base)
    assert not win.lan.label.isVisible() and not panel.isVisible()


def test_a_note_from_a_device_is_on_the_board_and_undo_takes_it_back(door_window, qtbot):
    win = door_window
    base, secret = open_door(win, qtbot)
    status, _ = request(qtbot, base, "/api/notes", secret,
                        note_body(win, "u1", "休憩がもっと欲しい"))
    assert status == 200
    qtbot.waitUntil(lambda: "休憩がもっと欲しい" in texts_on_board(win), timeout=2000)
    note = next(n for n in win.ws.all(Note) if n.text == "休憩がもっと欲しい")
    assert note.author == "山田" and note.group_id == win.group_id
    assert "phone1" in win.lan.tips.tip_for(note.id)  # the device, on hover

    # Sent again (the answer was lost): received once.
    assert request(qtbot, base, "/api/notes", secret,
                   note_body(win, "u1", "休憩がもっと欲しい"))[0] == 200
    assert [n.text for n in win.ws.all(Note)].count("休憩がもっと欲しい") == 1

    win.actions_.undo.trigger()
    assert "休憩がもっと欲しい" not in texts_on_board(win)
    assert win.ws.get(Note, note.id) is None


def test_participants_notes_wait_for_the_reveal(door_window, qtbot):
    win = door_window
    base, secret = open_door(win, qtbot)
    win.lan.mode_actions[room.PARTICIPANT].trigger()
    assert room.mode(win.ws, win.lan.session().id) == room.PARTICIPANT
    for i, text in enumerate(["声を出しにくい", "資料が多すぎる"]):
        assert request(qtbot, base, "/api/notes", secret,
                       note_body(win, f"p{i}", text, device="phone2"))[0] == 200
    assert win.lan.hidden_count() == 2
    assert "声を出しにくい" not in texts_on_board(win)
    qtbot.waitUntil(lambda: "2" in win.lan.reveal_action.text())  # counts follow, soon
    assert win.lan.reveal_action.isEnabled()
    assert "2" in win.lan.panel.reveal.text()

    win.lan.reveal_action.trigger()
    qtbot.waitUntil(lambda: {"声を出しにくい", "資料が多すぎる"} <= set(texts_on_board(win)))
    assert win.lan.hidden_count() == 0 and not win.lan.reveal_action.isEnabled()


def test_a_new_code_refuses_the_old_secret(door_window, qtbot):
    win = door_window
    base, old = open_door(win, qtbot)
    win.lan.panel.new_code.click()
    new = room.door(win.ws).secret
    assert new != old and len(new) >= 22  # ≥ 128 bits, URL-safe
    assert request(qtbot, base, "/api/state", old)[0] == 403
    assert request(qtbot, base, "/api/state", new)[0] == 200
    assert new in win.lan.panel.url_label.text()


def test_a_door_left_open_opens_again_on_the_same_port_and_secret(window_on, ws, qtbot):
    with socket.socket() as s:  # a port free now
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    room.open_door(ws, "127.0.0.1", port)  # what a crash leaves in the file
    secret = room.door(ws).secret
    win = window_on(ws)
    assert win.lan.is_open and win.lan.server.port == port
    assert request(qtbot, win.lan.server.url, "/api/state", secret)[0] == 200
    assert "open again" in win.statusBar().currentMessage()
    win.close_workshop()  # closing on purpose closes the door
    assert refused(f"http://127.0.0.1:{port}/")


def test_a_door_whose_port_was_taken_opens_on_another_and_shows_the_code(ws, ws_path,
                                                                         tmp_path, qtbot):
    from PySide6.QtCore import QSettings

    from ui.main_window import MainWindow
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        room.open_door(ws, "127.0.0.1", port)
        ws.close()
        win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.show()
        assert win.open_path(ws_path)
        assert win.lan.is_open and win.lan.server.port != port
        assert room.door(win.ws).port == win.lan.server.port  # the file says where now
        qtbot.waitUntil(lambda: win.lan._panel is not None and win.lan.panel.isVisible())
        assert "new address" in win.statusBar().currentMessage()
        win.close()
