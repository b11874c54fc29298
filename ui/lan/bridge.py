"""Runs the network's work on the thread that owns the workshop (the GUI thread).

The room's server (``facilitator.lan.server.RoomServer``) answers devices on
its own thread; a workshop, its SQLite connection and the board scene belong
to the GUI thread.  :class:`OwnerBridge` is the server's ``run_on_owner``: it
posts the function to the GUI thread as a queued call and waits for its
result, so every note from the network goes through ``Workshop.apply`` where
every other change does: committed at once, undoable, drawn by the board's
listener in the same turn of the event loop.
"""

from __future__ import annotations

import concurrent.futures
import threading
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

#: How long a device's request waits for the GUI thread (a modal dialog does not
#: block it: Qt's dialogs run their own event loop, which delivers queued calls).
TIMEOUT_S = 10.0


class OwnerBridge(QObject):
    """``run(fn)`` from any thread: ``fn()`` runs on this object's thread; its
    result (or its exception) comes back to the caller."""

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None, timeout: float = TIMEOUT_S) -> None:
        super().__init__(parent)
        self.timeout = timeout
        self._owner = threading.get_ident()
        # Queued: the slot runs in the event loop of the thread this object lives in.
        self._posted.connect(self._run_posted, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[], Any]) -> Any:
        """``fn()`` on the owner thread; raises ``TimeoutError`` if it does not
        run within ``timeout`` seconds (the caller answers the device "try again")."""
        if threading.get_ident() == self._owner:
            return fn()  # already there: a queued call would wait for ourselves
        future: concurrent.futures.Future = concurrent.futures.Future()
        self._posted.emit((fn, future))
        try:
            return future.result(self.timeout)
        except concurrent.futures.TimeoutError:
            # Not run yet: it must not run later, after the device was told it failed.
            if future.cancel():
                raise TimeoutError("the window did not answer in time") from None
            return future.result()  # it is running now: its result is on its way

    __call__ = run

    @Slot(object)
    def _run_posted(self, posted) -> None:
        fn, future = posted
        if not future.set_running_or_notify_cancel():
            return  # given up by the caller
        try:
            future.set_result(fn())
        except BaseException as exc:  # noqa: BLE001 — handed to the waiting thread
            future.set_exception(exc)
