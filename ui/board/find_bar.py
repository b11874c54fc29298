"""Ctrl+F: a find bar over the board that searches every note of every board.

Non-modal: the board stays usable while it is open.  It searches as one types
(committed text only: an input method's conversion in progress is not searched
and its Enter only confirms it); Enter, ↓ or the list go to a hit, Shift+Enter
or ↑ back, Esc closes.  Going to a note shows its board, selects the note and
puts it in the middle of the view (in presentation mode, with the spotlight).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QToolButton,
    QVBoxLayout,
)

from facilitator.board.find import Hit, find_notes
from facilitator.workshop.model import Note
from ui.i18n import is_language_change

_SHOWN_CHARS = 60


class FindBar(QFrame):
    """The find field, the count, previous/next, and the list of hits."""

    #: A hit to show on the board.
    hitChosen = Signal(object)
    #: The bar was closed (the board may take the keyboard back).
    closed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("find-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.ws = None
        self.hits: list[Hit] = []
        self.current = -1
        self._stale = False
        self._preedit = ""
        self.field = QLineEdit(self)
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.search)
        self.field.installEventFilter(self)
        self.count = QLabel(self)
        self.prev_button = self._button(Qt.ArrowType.UpArrow, self.previous)
        self.next_button = self._button(Qt.ArrowType.DownArrow, self.next)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.close_bar)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(150)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
        self.list.itemClicked.connect(lambda item: self.go(self.list.row(item)))
        self.list.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setBuddy(self.field)
        row.addWidget(self.label)
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        row.addWidget(self.prev_button)
        row.addWidget(self.next_button)
        row.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.setSpacing(4)
        lay.addLayout(row)
        lay.addWidget(self.list)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        """Set every text in the current language (also after a live language switch)."""
        self.field.setPlaceholderText(self.tr("Find a note on every board"))
        self.prev_button.setToolTip(self.tr("Previous note (Shift+Enter)"))
        self.next_button.setToolTip(self.tr("Next note (Enter)"))
        self.close_button.setToolTip(self.tr("Close (Esc)"))
        self.label.setText(self.tr("Find:"))
        self._show_count(self.field.text())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _button(self, arrow, slot) -> QToolButton:
        button = QToolButton(self)
        button.setArrowType(arrow)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    # -- the workshop -----------------------------------------------------------------
    def set_workshop(self, ws) -> None:
        if self.ws is not None and self._changed in self.ws.listeners:
            self.ws.listeners.remove(self._changed)
        self.ws = ws
        if ws is not None:
            ws.listeners.append(self._changed)
            self.search()
        else:
            self.close_bar()

    def _changed(self, change) -> None:
        if Note.TABLE in change.tables():
            self._stale = True  # searched again at the next step, not at every keystroke

    # -- searching ----------------------------------------------------------------------
    def open(self) -> None:
        """Show the bar with the keyboard in its field (what was searched stays)."""
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self._stale:
            self.search()

    def close_bar(self) -> None:
        if self.isVisible():
            self.hide()
            self.closed.emit()

    def search(self) -> None:
        """Find the field's (committed) text; nothing is shown on the board yet."""
        keep = self.hits[self.current].note_id if 0 <= self.current < len(self.hits) else None
        self._stale = False
        query = self.field.text()
        self.hits = find_notes(self.ws, query) if self.ws is not None and query.strip() else []
        ids = [h.note_id for h in self.hits]
        self.current = ids.index(keep) if keep in ids else -1
        self.list.clear()
        for hit in self.hits:
            where = hit.session + (f" / {hit.group}" if hit.group else "")
            text = " ".join(hit.text.split())
            if len(text) > _SHOWN_CHARS:
                text = text[:_SHOWN_CHARS] + "…"
            item = QListWidgetItem(f"{text}　— {where}")
            item.setToolTip(hit.text)
            self.list.addItem(item)
        self.list.setVisible(bool(self.hits))
        if self.current >= 0:
            self.list.setCurrentRow(self.current)
        self._show_count(query)

    def _show_count(self, query: str) -> None:
        if not query.strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(self.tr("No note found"))
        elif self.current < 0:
            self.count.setText(self.tr("{count} found").format(count=len(self.hits)))
        else:
            self.count.setText(self.tr("{index} of {count}").format(
                index=self.current + 1, count=len(self.hits)))

    def next(self) -> None:
        self._step(1)

    def previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self._stale:
            self.search()
        if not self.hits:
            return
        if self.current < 0:
            self.go(0 if delta > 0 else len(self.hits) - 1)
        else:
            self.go((self.current + delta) % len(self.hits))

    def go(self, index: int) -> None:
        """Show hit ``index`` on the board."""
        if not 0 <= index < len(self.hits):
            return
        self.current = index
        self.list.setCurrentRow(index)
        self._show_count(self.field.text())
        self.hitChosen.emit(self.hits[index])

    # -- keys of the field ----------------------------------------------------------------
    @property
    def composing(self) -> bool:
        """True while an input method's conversion is open in the field."""
        return bool(self._preedit)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.field:
            kind = event.type()
            if kind == QEvent.Type.InputMethod:
                self._preedit = event.preeditString()
            elif kind == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
                event.accept()  # Esc closes the bar (or a conversion), not presentation mode
                return True
            elif kind == QEvent.Type.KeyPress:
                return self._key(event)
        return super().eventFilter(obj, event)

    def _key(self, event) -> bool:
        key = event.key()
        if self.composing:
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._commit_composition()
                return True
            return False  # the conversion's own keys
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.previous() if shift else self.next()
        elif key == Qt.Key.Key_Down:
            self.next()
        elif key == Qt.Key.Key_Up:
            self.previous()
        elif key == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.matches(QKeySequence.StandardKey.FindNext):
            self.next()
        elif event.matches(QKeySequence.StandardKey.FindPrevious):
            self.previous()
        else:
            return False
        return True

    def _commit_composition(self) -> None:
        # An input method normally takes this Enter itself; when one lets it
        # through, the conversion is committed, not searched past.
        preedit = self._preedit
        QGuiApplication.inputMethod().commit()
        if self._preedit:
            commit = QInputMethodEvent()
            commit.setCommitString(preedit)
            QApplication.sendEvent(self.field, commit)
