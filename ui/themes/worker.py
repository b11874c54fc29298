"""Theme proposals off the UI thread, and sentence vectors prepared ahead.

The engine is numpy and Rust (SudachiPy) work; it runs in a :class:`QThread`
so the board stays responsive, and reports back through a queued signal.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from facilitator.errors import FurikaeriError


class ProposalWorker(QThread):
    """Runs ``propose_themes(texts, fixed=fixed)`` once; emits ``done`` with
    the proposal or ``failed`` with a message for the user."""

    done = Signal(object)
    failed = Signal(str)

    def __init__(self, texts: list[str], fixed: dict[int, str], parent=None,
                 vectors: dict | None = None) -> None:
        super().__init__(parent)
        self.texts = texts
        self.fixed = fixed
        self.vectors = vectors or {}   # made earlier (kept in the file), by encoder

    def run(self) -> None:
        from facilitator.themes.cluster import propose_themes
        try:
            proposal = propose_themes(self.texts, fixed=self.fixed, vectors=self.vectors)
        except FurikaeriError as exc:
            self.failed.emit(exc.text())
        except Exception as exc:  # noqa: BLE001 — a bug must not kill the window silently
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.done.emit(proposal)


class Preparer:
    """Computes the features of notes in one background thread, newest texts first.

    Called as notes are written, so that a proposal later only clusters.
    Results are bitwise those a proposal would compute itself.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pending: list[str] | None = None
        self._thread: threading.Thread | None = None
        self._running = False   # set and cleared under the lock: no submission is lost
        self._started = False

    def submit(self, texts: list[str]) -> None:
        with self._lock:
            self._pending = list(texts)
            if self._running:
                return
            self._running = True
            self._thread = threading.Thread(target=self._run, name="cluster-prepare",
                                            daemon=True)
            self._thread.start()

    def _run(self) -> None:
        from facilitator.themes import cluster
        if not self._started:
            self._started = True
            cluster.warm_up().join()
        while True:
            with self._lock:
                texts, self._pending = self._pending, None
                if texts is None:
                    self._running = False
                    return
            try:
                cluster.prepare(texts)
            except Exception:  # noqa: BLE001 — ahead-of-time only; the proposal retries
                pass

    def wait(self, timeout: float | None = None) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
