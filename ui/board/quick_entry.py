"""The quick-entry bar: where a note-taker types, one note per Enter.

The keyboard never leaves the field: Enter adds the note and clears the
field, Tab / Shift+Tab switch to the next / previous group instead of moving
focus.  Japanese input: while the input method holds a pre-edit
(composition), Enter commits the composition and adds nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from facilitator.board.authors import split_author
from ui.i18n import is_language_change
from ui.ime import ComposingLineEdit

__all__ = ["EntryLine", "QuickEntryBar", "split_author"]


def _is_undo_redo(event: QKeyEvent) -> bool:
    return (event.matches(QKeySequence.StandardKey.Undo)
            or event.matches(QKeySequence.StandardKey.Redo)
            or event.keyCombination() == QKeyCombination(
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
                Qt.Key.Key_Z))


class EntryLine(ComposingLineEdit):
    """A line edit that keeps Tab for group switching and knows its IME state."""

    submitted = Signal(str)
    stepRequested = Signal(int)  # +1 next group, -1 previous

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
                self.commit_composition()
            else:
                self.submitted.emit(self.text())
            event.accept()
            return
        super().keyPressEvent(event)


class QuickEntryBar(QWidget):
    """Speaker picker + entry line; emits ``noteEntered(text, author)``."""

    noteEntered = Signal(str, str)
    stepRequested = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.target = QLabel(self)
        self.target.setMinimumWidth(120)
        self.board_name = ""   # the board typed notes go to, as the label names it
        self.speaker = QComboBox(self)
        self.speaker.setEditable(True)
        self.speaker.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.speaker.setMinimumWidth(140)
        self.names: list[str] = []      # the registered participants @name is matched to
        self._chosen: str | None = None  # the speaker picked, while an @name is shown instead
        self._showing = False
        self.speaker.currentTextChanged.connect(self._speaker_edited)
        self.line = EntryLine(self)
        self.default_placeholder = ""
        self.line.submitted.connect(self._submit)
        self.line.textChanged.connect(self._show_author)
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
        target = getattr(self, "_target", None)
        if target is not None:
            name, color, side_by_side, plenary = target
            self.set_target(name, color, side_by_side=side_by_side, plenary=plenary)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_participants(self, names: list[str]) -> None:
        self.names = list(names)
        current = self.chosen_speaker()
        self._showing = True
        self.speaker.clear()
        self.speaker.addItems(["", *names])
        self.speaker.setCurrentText(current)
        self._showing = False
        self._chosen = None
        self._show_author(self.line.text())

    def chosen_speaker(self) -> str:
        """The speaker picked in the box (not an @name it shows meanwhile)."""
        return self._chosen if self._chosen is not None else self.speaker.currentText()

    def _show_author(self, text: str) -> None:
        """While the line starts with @name, the speaker box shows whom it credits."""
        author = split_author(text, self.names)[0] if text.lstrip()[:1] in ("@", "＠") else None
        if author:
            if self._chosen is None:
                self._chosen = self.speaker.currentText()
            self._set_speaker(author, shown=True)
        elif self._chosen is not None:
            chosen, self._chosen = self._chosen, None
            self._set_speaker(chosen, shown=False)

    def _set_speaker(self, name: str, shown: bool) -> None:
        self._showing = True
        try:
            self.speaker.setCurrentText(name)
        finally:
            self._showing = False
        font = self.speaker.font()
        font.setItalic(shown)   # italic: from the @name, for this note only
        self.speaker.lineEdit().setFont(font)

    def _speaker_edited(self, _text: str) -> None:
        if not self._showing and self._chosen is not None:
            self._chosen = None   # picked by hand meanwhile: that is the speaker now
            font = self.speaker.font()
            font.setItalic(False)
            self.speaker.lineEdit().setFont(font)

    def set_target(self, name: str, color: str = "", *, side_by_side: bool = False,
                   plenary: bool = False) -> None:
        """Show where the next note goes: the board's name (a group's in its colour).

        ``side_by_side``: several groups are in view, so say that Tab switches;
        ``plenary``: the session's own board (no group's).
        """
        self.board_name = name
        self._target = (name, color, side_by_side, plenary)  # said again after a language switch
        if not name:
            text = ""
        elif side_by_side:
            text = self.tr("Typing into {board} (Tab: next group)").format(board=name)
        elif plenary:
            text = self.tr("Typing into {board} (plenary board)").format(board=name)
        else:
            text = self.tr("Typing into {board}").format(board=name)
        self.target.setText(text)
        self.target.setToolTip(text)
        style = f"background:{color}; color:#222; border-radius:4px; padding:2px 6px;" \
            if color else "border:1px solid #888; border-radius:4px; padding:2px 6px;"
        self.target.setStyleSheet(style)

    def _submit(self, raw: str) -> None:
        author, text = split_author(raw, self.names)
        if author is None:
            author = self.chosen_speaker().strip()
        self.noteEntered.emit(text, author)
