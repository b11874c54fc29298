"""Runs the network's work on the thread that owns the workshop (the GUI thread).

The room's server (``facilitator.lan.server.RoomServer``) answers devices on
its own thread; a workshop, its SQLite connection and the board scene belong
to the GUI thread.  :class:`OwnerBridge` is the server's ``run_on_owner``: it
queues the function for the GUI thread and waits for its result, so every
note from the network goes through ``Workshop.apply`` where every other change
does: committed at once, undoable, drawn by the board's listener in the same
turn of the event loop.

The queue is worked through in slices of a few milliseconds, each a turn of
the event loop of its own, so forty phones asking at once never hold up a
frame of the board being panned or a key typed in the entry bar.
"""

from __future__ import annotations

import collections
import concurrent.futures
import threading
import time
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

#: How long a device's request waits for the GUI thread (a modal dialog does not
#: block it: Qt's dialogs run their own event loop, which delivers queued calls).
TIMEOUT_S = 10.0
#: Work done for devices in one turn of the event loop (at least one call).
SLICE_S = 0.004


class OwnerBridge(QObject):
    """``run(fn)`` from any thread: ``fn()`` runs on this object's thread; its
    result (or its exception) comes back to the caller."""

    _posted = Signal()

    def __init__(self, parent: QObject | None = None, timeout: float = TIMEOUT_S) -> None:
        super().__init__(parent)
        self.timeout = timeout
        self._owner = threading.get_ident()
        self._queue: collections.deque = collections.deque()
        self._lock = threading.Lock()
        self._scheduled = False
        # Queued: the slot runs in the event loop of the thread this object lives in.
        self._posted.connect(self._drain, Qt.ConnectionType.QueuedConnection)

    def run(self, fn: Callable[[], Any]) -> Any:
        """``fn()`` on the owner thread; raises ``TimeoutError`` if it does not
        run within ``timeout`` seconds (the caller answers the device "try again")."""
        if threading.get_ident() == self._owner:
            return fn()  # already there: a queued call would wait for ourselves
        future: concurrent.futures.Future = concurrent.futures.Future()
        with self._lock:
            self._queue.append((fn, future))
            post, self._scheduled = not self._scheduled, True
        if post:
            self._posted.emit()
        try:
            return future.result(self.timeout)
        except concurrent.futures.TimeoutError:
            # Not run yet: it must not run later, after the device was told it failed.
            if future.cancel():
                raise TimeoutError("the window did not answer in time") from None
            return future.result()  # it is running now: its result is on its way

    __call__ = run

    def pending(self) -> int:
        """Calls waiting for the GUI thread."""
        return len(self._queue)

    @Slot()
    def _drain(self) -> None:
        deadline = time.perf_counter() + SLICE_S
        while True:
            with self._lock:
                if not self._queue:
                    self._scheduled = False
                    return
                if time.perf_counter() > deadline:
                    break
                fn, future = self._queue.popleft()
            if not future.set_running_or_notify_cancel():
                continue  # given up by the caller
            try:
                future.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 — handed to the waiting thread
                future.set_exception(exc)
        self._posted.emit()  # the rest in the next turn, after what else waits (a paint)
