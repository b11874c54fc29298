"""F5's two faces of the whole board: the room layout (large cards) and the board as drawn.

F5 opens on the room layout (ui/board/room.py); Tab switches to the true board
and back; a click on a theme or a note, or PageDown/PageUp, walks the themes on
the true board (the view glides to each, its text at 1/40 of the screen), and
past the last one comes back to the room layout.  A hint along the bottom says
so.  Leaving F5 puts the board view back where it was.

While the room layout is shown the board underneath keeps its selection (the
cards show it, PageDown walks on from it) but not its keys: Delete, Ctrl+X/C/V/D,
arrows and typing would act on what nobody sees, so the board gets no key until
Tab (or a click, or PageDown) shows it again.  A note being typed when F5 starts
is committed first.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel

from ui.board.room import RoomLayout

# Board edits (a note typed on a laptop) reach the room layout after this pause.
REFRESH_MS = 200
# Events the board view does not get while the room layout covers it.
# (Key releases still pass: a Space held for a pan must be let go.)
BOARD_KEYS = (QEvent.Type.KeyPress, QEvent.Type.InputMethod)


class RoomMode(QObject):
    """The room layout of a main window's board in presentation mode."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.on = False
        self.room: RoomLayout | None = None
        self.hint: QLabel | None = None
        self._view = None
        self._saved = None
        self._listening = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self.shortcuts = []
        for key, slot in ((Qt.Key.Key_Tab, self.toggle), (Qt.Key.Key_PageDown, self.next),
                          (Qt.Key.Key_PageUp, self.previous)):
            shortcut = QShortcut(QKeySequence(key), window)
            shortcut.activated.connect(slot)
            shortcut.setEnabled(False)
            self.shortcuts.append(shortcut)

    # -- entering and leaving F5 -------------------------------------------------------
    def enter(self) -> None:
        view = self.window.board
        if view is None or self.on:
            return
        self.on = True
        self._saved = (view.transform(), view.mapToScene(view.viewport().rect().center()),
                       view._fitted, view._refit)
        if self._view is not view:
            self._view = view
            self.room = RoomLayout(view)
            self.room.opened.connect(self.open_ids)
            self.hint = QLabel(view)
            self.hint.setStyleSheet("background: rgba(255,255,255,200); color: #444444;"
                                    " padding: 2px 8px;")
            view.installEventFilter(self)
            view.selectionIdsChanged.connect(self._selection)
        ws = self.window.ws
        if ws is not None and self._changed not in ws.listeners:
            ws.listeners.append(self._changed)
            self._listening = ws
        for shortcut in self.shortcuts:
            shortcut.setEnabled(True)
        self.show_room()

    def leave(self) -> None:
        if not self.on:
            return
        self.on = False
        for shortcut in self.shortcuts:
            shortcut.setEnabled(False)
        if self._listening is not None and self._changed in self._listening.listeners:
            self._listening.listeners.remove(self._changed)
        self._listening = None
        if self.room is not None:
            self.room.hide()
            self.hint.hide()
        saved, self._saved = self._saved, None
        view = self._view
        if saved is not None and view is not None:
            # Once the window has its old size again: the same zoom, the same place.
            def restore() -> None:
                if self.on or not shiboken6.isValid(view) or view.board_scene() is None:
                    return
                view.setTransform(saved[0])
                view.centerOn(saved[1])
                view._fitted, view._refit = saved[2], saved[3]
            restore()
            QTimer.singleShot(0, view, restore)
            QTimer.singleShot(100, view, restore)

    # -- the two faces ------------------------------------------------------------------
    def showing_room(self) -> bool:
        return self.on and self.room is not None and self.room.isVisible()

    def show_room(self) -> None:
        if not self.on or self.room is None:
            return
        view = self._view
        self.room.setGeometry(view.rect())
        self.room.hint = self.tr(
            "The room view (the board is unchanged) · Tab: the board as drawn · "
            "click a theme or a note, or PageDown: zoom in · Esc: leave")
        scene = view.board_scene()
        if scene is not None and scene.editor is not None:
            scene.editor.finish(True)  # typed text is kept, not typed into unseen
        self.room.refresh()
        self.room.show()
        self.room.raise_()
        self.hint.hide()
        view.setFocus()

    def show_board(self) -> None:
        if not self.on or self.room is None:
            return
        self.room.hide()
        self.hint.setText(self.tr(
            "Tab: large cards for the room · PageDown / PageUp: next / previous theme · "
            "Esc: leave"))
        font = self.hint.font()
        font.setPixelSize(max(12, round(self.room.hint_h() * 0.62)))
        self.hint.setFont(font)
        self.hint.adjustSize()
        self._place_hint()
        self.hint.show()
        self.hint.raise_()

    def toggle(self) -> None:
        scene = self._view.board_scene() if self._view is not None else None
        if scene is not None and scene.editor is not None:
            return  # typing in a note on the board: Tab is not for us
        if self.showing_room():
            self.show_board()
            if not self._view.selected_ids():
                self._view.fit_all()
        else:
            self.show_room()

    def open_ids(self, ids: list) -> None:
        """Show ``ids`` on the true board (the follower glides to them)."""
        scene = self._view.board_scene() if self._view is not None else None
        if scene is None or not ids:
            return
        self.show_board()
        scene.select_ids(ids)

    def step(self, delta: int) -> None:
        """The next (+1) or previous (-1) theme on the true board; past either end,
        the room layout again."""
        if not self.on or self.room is None:
            return
        tiles = self.room.tiles or []
        if not tiles:
            return
        chosen = set(self._view.selected_ids())
        here = next((i for i, t in enumerate(tiles) if chosen & set(t.select)), None)
        if here is None:
            here = next((i for i, t in enumerate(tiles)
                         if chosen & {n.rid for n in t.notes}), None)
        if here is None:
            goto = 0 if delta > 0 else len(tiles) - 1
        else:
            goto = here + delta
        if not 0 <= goto < len(tiles):
            self._view.board_scene().clearSelection()
            self.show_room()
            return
        self.open_ids(tiles[goto].select)

    def next(self) -> None:
        self.step(1)

    def previous(self) -> None:
        self.step(-1)

    # -- keeping up ---------------------------------------------------------------------
    def _selection(self, ids: list) -> None:
        if ids and self.showing_room():
            self.show_board()  # selected elsewhere: the true board shows it
        elif self.showing_room():
            self.room.update()

    def _changed(self, change) -> None:
        if self.on:
            self._timer.start()

    def _refresh(self) -> None:
        if self.on and self.room is not None:
            self.room.refresh()

    def _place_hint(self) -> None:
        view = self._view
        self.hint.move(QPointF(view.width() - self.hint.width() - 8,
                               view.height() - self.hint.height() - 6).toPoint())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is not self._view or not self.on:
            return False
        kind = event.type()
        if kind == QEvent.Type.Resize:
            self.room.setGeometry(self._view.rect())
            if self.hint.isVisible():
                self._place_hint()
        elif kind in BOARD_KEYS and self.showing_room():
            # The board's keys act on its selection, hidden under the room layout.
            # (Tab, PageDown/Up, Esc, F5 and the window's actions are shortcuts: they
            # come before the key press and still work.)
            event.accept()
            return True
        return False
