"""The quick-entry bar: where a note-taker types, one note per Enter.

The keyboard never leaves the field: Enter adds the note and clears the
field, Tab / Shift+Tab switch to the next / previous group instead of moving
focus.  Japanese input: while the input method holds a pre-edit
(composition), Enter commits the composition and adds nothing.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ui.i18n import is_language_change

# "@佐藤 意見" or, typed with a Japanese IME, "＠佐藤　意見".
_AUTHOR_PREFIX = re.compile(r"^[@＠](\S+)\s+(.*)$", re.DOTALL)


def split_author(text: str) -> tuple[str | None, str]:
    """(author, text) of a line starting with ``@name``; (None, text) otherwise."""
    m = _AUTHOR_PREFIX.match(text.strip())
    if m:
        return m.group(1), m.group(2)
    return None, text


def _is_undo_redo(event: QKeyEvent) -> bool:
    return (event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination() == QKeyCombination(
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
                Qt.Key.Key_Z))


class EntryLine(QLineEdit):
    """A line edit that keeps Tab for group switching and knows its IME state."""

    submitted = Signal(str)
    stepRequested = Signal(int)  # +1 next group, -1 previous

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._preedit = ""
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)

    @property
    def composing(self) -> bool:
        """True while an input method composition (pre-edit) is open."""
        return bool(self._preedit)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802
        self._preedit = event.preeditString()
        super().inputMethodEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002,N802
        return False  # Tab is ours (see event())

    def event(self, event: QEvent) -> bool:
        # With nothing typed, Ctrl+Z / Ctrl+Shift+Z undo the board (the note
        # just added), not the line edit's own clearing of the field.
        if event.type() == QEvent.Type.ShortcutOverride and not self.text() \
                and not self.composing and _is_undo_redo(event):
            event.ignore()
            return False
        # QWidget.event() turns Tab into a focus move before keyPressEvent.
        if event.type() == QEvent.Type.KeyPress and not self.composing:
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier
            if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods:
                backwards = key == Qt.Key.Key_Backtab or bool(
                    event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.stepRequested.emit(-1 if backwards else 1)
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.composing:
                self._commit_composition()
            else:
                self.submitted.emit(self.text())
            event.accept()
            return
        super().keyPressEvent(event)

    def _commit_composition(self) -> None:
        # A platform input method normally eats this Enter itself; when one
        # lets it through, ask it to commit, and commit the pre-edit
        # ourselves if it does not.
        preedit = self._preedit
        QGuiApplication.inputMethod().commit()
        if self._preedit:
            event = QInputMethodEvent()
            event.setCommitString(preedit)
            self.inputMethodEvent(event)


class QuickEntryBar(QWidget):
    """Speaker picker + entry line; emits ``noteEntered(text, author)``."""

    noteEntered = Signal(str, str)
    stepRequested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.target = QLabel(self)
        self.target.setMinimumWidth(120)
        self.speaker = QComboBox(self)
        self.speaker.setEditable(True)
        self.speaker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.speaker.setMinimumWidth(140)
        self.line = EntryLine(self)
        self.default_placeholder = ""
        self.line.submitted.connect(self._submit)
        self.line.stepRequested.connect(self.stepRequested)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 4, 6, 4)
        lay.addWidget(self.target)
        lay.addWidget(self.speaker)
        lay.addWidget(self.line, 1)
        self.setFocusProxy(self.line)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.speaker.lineEdit().setPlaceholderText(self.tr("Speaker"))
        self.speaker.setToolTip(self.tr("Author of the next notes (or type @name before the note)"))
        self.default_placeholder = self.tr(
            "Type a note and press Enter  ·  @name sets the author  ·  Tab switches the group")
        if self.isEnabled():  # a read-only workshop's bar says so instead (MainWindow)
            self.line.setPlaceholderText(self.default_placeholder)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_participants(self, names: list[str]) -> None:
        current = self.speaker.currentText()
        self.speaker.clear()
        self.speaker.addItems(["", *names])
        self.speaker.setCurrentText(current)

    def set_target(self, text: str, color: str = "") -> None:
        """Show where the next note goes (the board's name, in its colour)."""
        self.target.setText(text)
        style = f"background:{color}; color:#222; border-radius:4px; padding:2px 6px;" \
            if color else "padding:2px 6px;"
        self.target.setStyleSheet(style)

    def _submit(self, raw: str) -> None:
        author, text = split_author(raw)
        if author is None:
            author = self.speaker.currentText().strip()
        self.noteEntered.emit(text, author)
