"""Opening a workshop file: File › Open, New from a template, the demo, the recent list.

`WorkshopOpener` makes the `Workshop` (telling a problem in a message box) and hands it
to the window's ``set_workshop``; the window keeps thin methods of the same names.
Its texts keep the "MainWindow" translation context they had when they lived there.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QMessageBox

from facilitator.diagnostics import log
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.paths import EXTENSION
from facilitator.workshop import Workshop
from ui.workshop.recent import recent_files

_NAME_FILTER = QT_TRANSLATE_NOOP("MainWindow", "Workshops (*.furikaeri)")


def _tr(text: str) -> str:
    """A text marked elsewhere (``_NAME_FILTER``) in the "MainWindow" context."""
    return QCoreApplication.translate("MainWindow", text)


class WorkshopOpener:
    """Opens workshops for one main window (``window``: its ``ws``, ``settings``,
    ``start`` screen, ``set_workshop`` and ``close_workshop``)."""

    def __init__(self, window) -> None:
        self.window = window

    def open_path(self, path: str | Path, raise_errors: bool = False) -> bool:
        """Open the workshop at ``path``; a problem is told in a message box."""
        return self._load(lambda: Workshop.open(path), raise_errors)

    def open_demo(self, raise_errors: bool = False, fresh: bool = False) -> bool:
        """Open the user's demo workshop (the same file each time; ``fresh``: a new one)."""
        window = self.window

        def make() -> Workshop:
            try:
                from facilitator.demo import USER_DEMO_NAME, open_user_demo
            except ImportError:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "The demo workshop is not available in this build.")) from None
            folder = demo_folder()
            if window.ws is not None and Path(window.ws.path) == folder / USER_DEMO_NAME:
                if not fresh:
                    return None  # already shown
                window.close_workshop()  # our own hold on the file would refuse a new copy
            return open_user_demo(folder, fresh=fresh)
        return self._load(make, raise_errors)

    def restart_demo(self) -> bool:
        """File › Start the demo again: the shipped demo replaces the user's copy."""
        answer = QMessageBox.question(
            self.window, QCoreApplication.translate("MainWindow", "Start the demo again"),
            QCoreApplication.translate(
                "MainWindow", "Replace the demo workshop with a new copy? What was done in "
                "the demo (notes, themes, times) is lost."))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return self.open_demo(fresh=True)

    def create_from_template(self, path: str | Path, template: str) -> bool:
        from facilitator.agenda.templates import read_template, records_from_template
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(EXTENSION)
        return self._load(lambda: Workshop.create(
            path, records_from_template(read_template(template))), False)

    def _load(self, opener, raise_errors: bool) -> bool:
        try:
            ws = opener()
        except FurikaeriError as exc:
            log.warning("Could not open: %s", exc)
            if raise_errors:
                raise
            QMessageBox.warning(self.window, QCoreApplication.translate(
                "MainWindow", "Furikaeri"), exc.text())
            return False
        if ws is not None:  # None: it is open here already
            self.window.set_workshop(ws)
        return True

    # -- dialogs -----------------------------------------------------------------
    def open_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # here: its first use loads its enums
        path, _ = QFileDialog.getOpenFileName(
            self.window, QCoreApplication.translate("MainWindow", "Open a workshop"),
            self._dialog_folder(), _tr(_NAME_FILTER))
        if path:
            self.open_path(path)

    def new_workshop_dialog(self, template: str | None = None) -> None:
        window = self.window
        if template is None and window.ws is not None:  # the start screen's list is hidden
            template = window.start.ask_template(window)
            if template is None:
                return
        template = template or window.start.templates.currentData() or "standard"
        from PySide6.QtWidgets import QFileDialog
        path, _ = QFileDialog.getSaveFileName(
            window, QCoreApplication.translate("MainWindow", "New workshop"),
            self._dialog_folder(), _tr(_NAME_FILTER))
        if path:
            self.create_from_template(path, template)

    def _dialog_folder(self) -> str:
        recent = recent_files(self.window.settings)
        return str(Path(recent[0]).parent) if recent else str(Path.home())

    def fill_recent_menu(self, menu) -> None:
        """File › Recent: the files last opened, newest first."""
        menu.clear()
        for path in recent_files(self.window.settings):
            menu.addAction(path, lambda p=path: self.open_path(p))
        menu.setEnabled(True)


def demo_folder() -> Path:
    """Where the user's one demo workshop lives (the per-user data folder)."""
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation))
