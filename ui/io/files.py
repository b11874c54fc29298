"""Files in and out from the window: File › Import…, File › Export…, and dropped files.

``FileTransfer(window).install()`` adds the menu entries.  A .csv, .tsv,
.txt or .json file dropped on the board (or anywhere on the window) opens
the import preview aimed at the board under the drop; a dropped
``.furikaeri`` file opens that workshop.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox

from facilitator.paths import EXTENSION
from ui.board.view import BoardView
from ui.i18n import is_language_change

# The dialog and the exporters load on first use: the window opens as fast as before.
if TYPE_CHECKING:
    from ui.io.import_dialog import ImportDialog

#: What an import reads (import_source.KIND_BY_SUFFIX, not imported at start: csv, json).
IMPORTABLE = (".csv", ".tsv", ".txt", ".json")
_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def usable_paths(mime) -> list[Path]:
    """The local files of a drag that the window can take (imports and workshops)."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in IMPORTABLE
            or p.suffix.lower() == EXTENSION]


class FileTransfer(QObject):
    """The import and export commands and the file drops of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.dialog: ImportDialog | None = None
        self._queue: list[tuple[Path, tuple]] = []
        self.import_action = QAction(window)
        self.import_action.triggered.connect(lambda _=False: self.import_dialog())
        self.retranslate()

    def retranslate(self) -> None:
        self.import_action.setText(self.tr("&Import…"))

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event):
            self.retranslate()
        return super().event(event)

    def install(self) -> "FileTransfer":
        """File › Import… before File › Export…; drops on the window and its boards."""
        w = self.window
        menu = w.menuBar().actions()[0].menu()  # the File menu
        menu.insertAction(w.actions_.export, self.import_action)
        w.addAction(self.import_action)
        w.actions_.workshop_actions.append(self.import_action)
        self.import_action.setEnabled(w.ws is not None)
        w.setAcceptDrops(True)
        w.installEventFilter(self)
        w.entry.line.installEventFilter(self)  # a file, not its path typed into a note
        # Boards are made per workshop; each one's viewport is watched once it is polished.
        w.workspace.installEventFilter(self)
        return self

    # -- import ----------------------------------------------------------------------
    def import_dialog(self) -> None:
        """Ask for a file, then preview its import into the board in view."""
        w = self.window
        if w.ws is None:
            return
        from PySide6.QtWidgets import QFileDialog  # here: not needed to show a board
        path, _ = QFileDialog.getOpenFileName(
            w, self.tr("Import notes"), str(Path(w.ws.path).parent), ";;".join([
                self.tr("Notes and workshop records (*.csv *.tsv *.txt *.json)"),
                self.tr("CSV (*.csv)"), self.tr("Tab-separated (*.tsv)"),
                self.tr("Text, one note a line (*.txt)"), self.tr("JSON export (*.json)")]))
        if path:
            self.open_import(path)

    def open_import(self, path: str | Path, target: tuple | None = None) -> ImportDialog | None:
        """Show the preview of importing ``path`` into ``target`` (the board in view)."""
        w = self.window
        if w.ws is None:
            QMessageBox.information(w, self.tr("Import"), self.tr(
                "Open or create a workshop first; then its board can take the notes."))
            return None
        if w.ws.readonly:
            QMessageBox.warning(w, self.tr("Import"), self.tr(
                "This workshop is open read-only; nothing can be imported into it."))
            return None
        if self.dialog is not None:  # one preview at a time; the next waits its turn
            self._queue.append((Path(path), target))
            return None
        from ui.io.import_dialog import ImportDialog
        session_id, group_id = target or (w.session_id, w.group_id)
        dialog = ImportDialog(w.ws, path, session_id, group_id, w)
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _closed(self, dialog: ImportDialog) -> None:
        self.dialog = None
        dialog.deleteLater()
        if dialog.applied is not None:
            self._show_imported(dialog.applied)
        if self._queue:
            self.open_import(*self._queue.pop(0))

    def _show_imported(self, preview) -> None:
        """Bring the board the notes went to into view, with them selected."""
        w = self.window
        w.statusBar().showMessage(preview.result.summary(), 10000)
        ids = preview.note_ids
        if not ids or w.ws is None:
            return
        first = w.ws.find(ids[0])
        on_view = w.session_id == first.session_id and (
            w.all_groups or w.group_id == first.group_id)
        if not on_view:
            w.choose_board(first.session_id, first.group_id, False)
        shown = [i for i in ids if (n := w.ws.find(i)) is not None and
                 (n.session_id, n.group_id) == (first.session_id, first.group_id)]
        # After choose_board's own fit, which it queues on the event loop.
        QTimer.singleShot(0, lambda: w.board_call("show_ids", shown))

    # -- export ------------------------------------------------------------------------
    def export_dialog(self) -> Path | None:
        from ui.io.export import export_dialog
        return export_dialog(self.window)

    # -- drops ------------------------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.ChildPolished and obj is self.window.workspace:
            child = event.child()
            if isinstance(child, BoardView):
                child.viewport().installEventFilter(self)
            return False
        if kind not in _DRAG_EVENTS:
            return False
        paths = usable_paths(event.mimeData())
        if not paths:
            return False  # text dragged into a note editor and the like
        event.acceptProposedAction()
        if kind == QEvent.Type.Drop:
            target = self._board_at(obj, event.position().toPoint())
            # After the drop returns: a dialog run inside it would hold up the drag's source.
            QTimer.singleShot(0, lambda: self.open_dropped(paths, target))
        return True

    def _board_at(self, obj, pos) -> tuple | None:
        board = self.window.board
        if board is None or obj is not board.viewport() or board.board_scene() is None:
            return None
        area = board.board_scene().area_at(board.mapToScene(pos))
        return area.session_id, area.group_id

    def open_dropped(self, paths: list[Path], target: tuple | None = None) -> None:
        """A dropped workshop opens; dropped notes files are previewed one after another."""
        workshops = [p for p in paths if p.suffix.lower() == EXTENSION]
        if workshops:
            self.window.open_path(workshops[0])
            return
        for path in paths:
            self.open_import(path, target)
