"""The bridge the room's server uses: work from its thread runs on the GUI thread."""

from __future__ import annotations

import threading

import pytest

from ui.lan.bridge import OwnerBridge


def test_a_call_from_another_thread_runs_on_the_gui_thread(qtbot):
    bridge = OwnerBridge()
    gui = threading.get_ident()
    got = {}

    def from_server():
        got["result"] = bridge.run(lambda: threading.get_ident())

    worker = threading.Thread(target=from_server)
    worker.start()
    qtbot.waitUntil(lambda: "result" in got)
    worker.join()
    assert got["result"] == gui


def test_an_error_reaches_the_caller(qtbot):
    bridge = OwnerBridge()
    got = {}

    def fail():
        raise ValueError("bad note")

    def from_server():
        try:
            bridge.run(fail)
        except ValueError as exc:
            got["error"] = str(exc)

    worker = threading.Thread(target=from_server)
    worker.start()
    qtbot.waitUntil(lambda: "error" in got)
    worker.join()
    assert got["error"] == "bad note"


def test_on_the_gui_thread_it_runs_at_once():
    assert OwnerBridge().run(lambda: 42) == 42


def test_work_not_run_in_time_never_runs_later(qtbot):
    bridge = OwnerBridge(timeout=0.05)
    ran = []
    outcome = {}

    def from_server():
        try:
            bridge.run(lambda: ran.append(1))
        except TimeoutError:
            outcome["timeout"] = True

    worker = threading.Thread(target=from_server)
    worker.start()
    worker.join()  # the GUI thread is blocked here: the call cannot run in time
    assert outcome == {"timeout": True}
    qtbot.wait(50)  # the queued call is delivered now, and skipped
    assert ran == []
