"""The one in-place text editor of a board (new note, note text, heading).

A ``QGraphicsTextItem`` so that Japanese input methods work: the pre-edit
string is shown while composing, and an Enter that arrives while composing
commits the composition instead of ending the edit.  Plain Enter finishes,
Shift+Enter is a line break, Esc cancels.  Pasting inserts plain text only.
Clicking elsewhere finishes the edit with the text being composed kept.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QInputMethodEvent, QKeySequence, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsTextItem, QMenu

from ui.ime import commit_event

#: The object replacement character an image leaves in a text document.
_OBJECT = "\ufffc"


class InlineEditor(QGraphicsTextItem):
    """Edits one text in place; calls ``on_done(editor, accepted)`` exactly once."""

    def __init__(self, *, kind: str, target_id: str | None, board: tuple, pos: QPointF,
                 width: float, text: str, font: QFont, fill: QColor | None,
                 on_done: Callable[["InlineEditor", bool], None],
                 on_message: Callable[[str], None] = lambda _m: None) -> None:
        super().__init__()
        self.kind = kind              # "note", "heading" or "text"
        self.target_id = target_id    # the record edited, None for a new one
        self.board = board            # (session_id, group_id) it belongs to
        self.fill = fill
        self.preedit = ""
        self.finished = False
        self._on_done = on_done
        self._on_message = on_message
        self.setFont(font)
        self.setDefaultTextColor(QColor("#1A1A1A"))
        self.setTextWidth(max(width, 40.0))
        self.setPlainText(text)
        self.setPos(pos)
        self.setZValue(1e12)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        cursor = self.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.setTextCursor(cursor)

    def text(self) -> str:
        return self.toPlainText().replace(_OBJECT, "")

    # -- finishing -------------------------------------------------------------
    def finish(self, accepted: bool) -> None:
        if self.finished:
            return
        if accepted:
            self.keep_composition()
        self.finished = True
        self._on_done(self, accepted)

    def commit_preedit(self) -> None:
        """Turn the text being composed into committed text (the IME's Enter)."""
        QGuiApplication.inputMethod().commit()  # a real IME answers with a commit event
        if self.preedit:
            self.inputMethodEvent(commit_event(self.preedit))

    def keep_composition(self) -> None:
        """The focus leaves while composing: the composition becomes text of the edit.

        The scene has asked the input method to commit already; one that did not
        (or not yet) is told to forget it, so it does not reach the next item too.
        """
        if self.preedit:
            self.inputMethodEvent(commit_event(self.preedit))
            QGuiApplication.inputMethod().reset()

    # -- events ------------------------------------------------------------------
    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        super().inputMethodEvent(event)
        self.preedit = event.preeditString()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.preedit:
                self.commit_preedit()
            elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self.textCursor().insertText("\n")
            else:
                self.finish(True)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            event.accept()
            self.finish(False)
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            event.accept()
            self.paste_plain()
            return
        super().keyPressEvent(event)

    def paste_plain(self) -> None:
        """Insert the clipboard's text without formatting; refuse images."""
        data = QGuiApplication.clipboard().mimeData()
        if data is not None and data.hasText() and data.text():
            self.textCursor().insertText(data.text().replace(_OBJECT, ""))
        elif data is not None and data.hasImage():
            self._on_message(self.tr("Only text can be pasted into a note."))

    def dropEvent(self, event) -> None:
        data = event.mimeData()
        if data.hasText():
            cursor = self.textCursor()
            cursor.insertText(data.text().replace(_OBJECT, ""))
        event.accept()

    def contextMenuEvent(self, event) -> None:
        menu = QMenu()
        menu.addAction(self.tr("Paste as plain text"), self.paste_plain)
        menu.addAction(self.tr("Done"), lambda: self.finish(True))
        menu.addAction(self.tr("Cancel"), lambda: self.finish(False))
        menu.exec(event.screenPos())
        event.accept()

    def focusOutEvent(self, event) -> None:
        popup = event.reason() == Qt.FocusReason.PopupFocusReason
        if not popup:
            self.keep_composition()
        super().focusOutEvent(event)
        if not popup:
            self.finish(True)  # clicking elsewhere keeps what was typed (and composed)

    def paint(self, painter, option, widget=None) -> None:
        rect = self.boundingRect()
        if self.fill is not None:
            painter.fillRect(rect, self.fill)
        pen = QPen(QColor("#1E6FD9"), 2.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawRect(rect)
        super().paint(painter, option, widget)
