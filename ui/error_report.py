"""Uncaught exceptions in the windows: logged, and told in a dialog instead of lost.

Python prints an exception raised in a Qt slot or event handler and goes on;
a user would see nothing.  Here it goes to the log file with its traceback
and a dialog says so (once per place in the code, so an error repeated on
every paint cannot bury the window in dialogs).  Every edit is already saved
when it is made, so the dialog can say nothing typed was lost.
"""

from __future__ import annotations

import sys
import threading
import traceback

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QMessageBox

from facilitator.diagnostics import log_file, log_uncaught


class ErrorReporter(QObject):
    """``sys.excepthook`` and ``threading.excepthook`` while the windows run."""

    # From any thread; the dialog is shown by the GUI thread (queued).
    raised = Signal(str, str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.seen: set[tuple] = set()
        self.shown: list[str] = []  # what the dialogs were about
        self.box: QMessageBox | None = None  # the last one
        self._previous = None
        self._previous_threading = None
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def install(self) -> "ErrorReporter":
        self._previous, sys.excepthook = sys.excepthook, self.excepthook
        self._previous_threading, threading.excepthook = threading.excepthook, self._thread_hook
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_threading

    def excepthook(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            (self._previous or sys.__excepthook__)(exc_type, exc, tb)
            return
        log_uncaught(exc_type, exc, tb, threading.current_thread().name)
        frames = traceback.extract_tb(tb)
        where = (exc_type.__name__, *((frames[-1].filename, frames[-1].lineno) if frames else ()))
        if where in self.seen:
            return
        self.seen.add(where)
        detail = "".join(traceback.format_exception(exc_type, exc, tb))
        self.raised.emit(f"{exc_type.__name__}: {exc}", detail)

    def _thread_hook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self.excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str, detail: str) -> None:
        path = log_file()
        text = self.tr("Something went wrong in Furikaeri. Everything typed so far is "
                       "saved; you can go on working or start the app again.")
        if path is not None:
            text += "\n\n" + self.tr("The details are in the log file (Help › Open the log "
                                     "folder):\n{path}").format(path=path)
        self.shown.append(summary)
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Furikaeri: unexpected error"),
                          text, QMessageBox.StandardButton.Ok, QApplication.activeWindow())
        box.setDetailedText(detail)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.box = box
