"""The board's commands in a main window: the Edit menu, Ctrl+F and the pen options.

Installed by one call from the main window; reads the window's ``ws``,
``board``, ``settings``, ``actions_`` and ``toolbar`` and calls its
``choose_board`` (duck-typed: the board room sits below the window).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence

from ui.board.edit_actions import BoardCommandActions
from ui.board.pen import PenController
from ui.i18n import is_language_change


class BoardCommandsController(QObject):
    """編集 menu commands on the board in view, the find bar, the pen's colour and width."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.find_action.setText(self.tr("&Find a note…"))

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event) and hasattr(self, "find_action"):
            self.retranslate()
        return super().event(event)

    def install(self) -> "BoardCommandsController":
        w = self.window
        self.actions = BoardCommandActions(lambda: w.board, w)
        menu = w.actions_.edit_menu
        self.actions.fill_edit_menu(menu, before=w.actions_.focus_entry)
        self.find_action = QAction(w)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.find_action.triggered.connect(lambda _=False: self.open_find())
        w.addAction(self.find_action)  # works while menus are hidden (F5)
        menu.insertAction(w.actions_.focus_entry, self.find_action)
        menu.insertSeparator(w.actions_.focus_entry)
        w.actions_.workshop_actions.append(self.find_action)
        self.find_action.setEnabled(w.ws is not None)

        self._find_bar = None  # made on first Ctrl+F: not needed to show a board
        self.pen = PenController(w).install()
        self.retranslate()
        return self

    # -- Ctrl+F ------------------------------------------------------------------------
    @property
    def find_bar(self):
        """The find bar over the board (made when first asked for)."""
        if self._find_bar is None:
            from ui.board.find_bar import FindBar
            w = self.window
            self._find_bar = FindBar(w.workspace)
            w.workspace.layout().insertWidget(0, self._find_bar)
            self._find_bar.hitChosen.connect(self.go)
            self._find_bar.closed.connect(self._find_closed)
        return self._find_bar

    def open_find(self) -> None:
        w = self.window
        if w.ws is None:
            return
        if self.find_bar.ws is not w.ws:
            self.find_bar.set_workshop(w.ws)
        self.find_bar.open()

    def go(self, hit) -> None:
        """Show the note of ``hit``: its board (unless in view already), selected, centred."""
        w = self.window
        if w.ws is None or self.find_bar.ws is not w.ws:
            self.find_bar.set_workshop(w.ws)
            return
        scene = w.board.board_scene() if w.board is not None else None
        if scene is None or scene.item_for(hit.note_id) is None:
            w.choose_board(hit.session_id, hit.group_id, False)
        # After the new board's own first fit (queued by choose_board).
        QTimer.singleShot(0, lambda: self._centre(hit.note_id))

    def _centre(self, note_id: str) -> None:
        board = self.window.board
        if board is not None:
            board.centre_on_ids([note_id])

    def _find_closed(self) -> None:
        if self.window.board is not None:
            self.window.board.setFocus(Qt.FocusReason.OtherFocusReason)
