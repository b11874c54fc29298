"""``furikaeri serve``: prints the join URL, takes notes, closes the door on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import urllib.parse
import urllib.request

from lan_fixtures import room_records
from facilitator.lan import room
from facilitator.workshop.model import Note
from facilitator.workshop.workshop import Workshop


def _serve(path, *extra):
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "facilitator", "serve", str(path), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def _post(url: str, body: dict):
    parts = urllib.parse.urlsplit(url)
    secret = urllib.parse.parse_qs(parts.query)["s"][0]
    req = urllib.request.Request(
        f"{parts.scheme}://{parts.netloc}/api/notes", json.dumps(body).encode(),
        {"Content-Type": "application/json", "X-Furikaeri-Secret": secret})
    with urllib.request.urlopen(req, timeout=10) as res:
        return res.status


def test_serve_takes_a_note_and_closes_cleanly_on_sigterm(tmp_path):
    path = tmp_path / "cli.furikaeri"
    Workshop.create(path, room_records()).close()
    proc = _serve(path, "--host", "127.0.0.1", "--port", "0")
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and "?s=" in url
        assert _post(url, {"device": "cli1", "uid": "n1", "author": "山田 花子",
                           "session_id": "s1", "group_id": "gA", "text": "端末から"}) == 200
    finally:
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    assert proc.returncode == 0, err
    assert err == ""
    with Workshop.open(path) as ws:
        note, = ws.all(Note)
        assert (note.text, note.author, note.group_id) == ("端末から", "山田 花子", "gA")
        door = room.door(ws)
        assert not door.open and door.secret in url and str(door.port) in url
    # Started again: the same address and secret, so devices reconnect by themselves.
    again = _serve(path)
    try:
        assert again.stdout.readline().strip() == url
    finally:
        again.send_signal(signal.SIGTERM)
        again.communicate(timeout=20)


def test_bad_input_is_one_line_on_stderr_and_exit_2(tmp_path):
    for args in ([str(tmp_path / "missing.furikaeri")],
                 [str(tmp_path / "x.furikaeri"), "--port", "70000"]):
        if args[0].endswith("x.furikaeri"):
            Workshop.create(args[0], room_records()).close()
        res = subprocess.run([sys.executable, "-m", "facilitator", "serve", *args],
                             capture_output=True, text=True, timeout=60)
        assert res.returncode == 2 and res.stdout == ""
        assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr


def test_a_busy_port_is_one_line_on_stderr_and_a_busy_last_port_falls_back(tmp_path):
    import socket
    path = tmp_path / "busy.furikaeri"
    Workshop.create(path, room_records()).close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        res = subprocess.run([sys.executable, "-m", "facilitator", "serve", str(path),
                              "--port", str(port)], capture_output=True, text=True, timeout=60)
        assert res.returncode == 2 and len(res.stderr.strip().splitlines()) == 1
        with Workshop.open(path) as ws:  # the door was last open on the port now taken
            room.open_door(ws, "127.0.0.1", port)
            room.close_door(ws)
        proc = _serve(path)
        try:
            url = proc.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:") and f":{port}/" not in url
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.communicate(timeout=20)
