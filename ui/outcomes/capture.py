"""The capture bar: a decision or an action item typed over the board, in any session.

One shortcut opens it (決定事項 Ctrl+Shift+D, 宿題 Ctrl+Shift+A) at the foot of
the board, prefilled with the session in view; Enter saves it and the bar
goes, Esc cancels, and the keyboard returns to where it was.  The board stays
in sight all the while.  Japanese input: while the input method holds a
pre-edit, Enter commits the composition and saves nothing, and Esc is left to
the input method (it cancels the composition, never the bar).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox, QFrame, QGraphicsDropShadowEffect, QHBoxLayout, QLabel, QPushButton,
    QToolButton, QVBoxLayout, QWidget,
)

from facilitator.errors import FurikaeriError
from facilitator.outcomes.items import (
    add_action_item, add_decision, capture_sessions, owner_names,
)
from ui.i18n import is_language_change
from ui.ime import ComposingLineEdit

DECISION = "decision"
ACTION = "action"
_COLOURS = {DECISION: "#2F6DB5", ACTION: "#C2571A"}


class ImeLineEdit(ComposingLineEdit):
    """A line edit whose Enter and Esc respect an open input-method composition."""

    submitted = Signal()
    cancelled = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.composing:
                self.commit_composition()
            else:
                self.submitted.emit()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and not self.composing:
            self.cancelled.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        # Leaving the field keeps what was being composed (it is committed, not dropped).
        if self.composing:
            self.commit_composition()
        super().focusOutEvent(event)


class CaptureBar(QFrame):
    """The bar itself; ``saved(kind, record id)`` after a save."""

    saved = Signal(str, str)
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("capture-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(18)
        shadow.setOffset(0, 3)
        self.setGraphicsEffect(shadow)
        self.ws = None
        self.kind = DECISION
        self._return_focus: QWidget | None = None

        self.badge = QLabel(self)
        self.session = QComboBox(self)
        self.session.setMinimumWidth(150)
        self.session.setMaximumWidth(260)
        self.text = ImeLineEdit(self)
        self.owner = QComboBox(self)
        self.owner.setEditable(True)
        self.owner.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.owner_line = ImeLineEdit(self.owner)
        self.owner.setLineEdit(self.owner_line)
        self.owner.setMinimumWidth(160)
        self.due = ImeLineEdit(self)
        self.due.setMinimumWidth(150)
        self.due.setMaximumWidth(180)
        self.save_button = QPushButton(self)
        self.save_button.setDefault(False)
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.clicked.connect(self.cancel)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #B00020;")
        self.message.hide()

        self.keys = QLabel(self)
        self.keys.setStyleSheet("color: palette(mid);")
        # The words get the whole first line; where, who and by when go below them.
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.badge)
        row.addWidget(self.text, 1)
        row.addWidget(self.save_button)
        row.addWidget(self.close_button)
        details = QHBoxLayout()
        details.setContentsMargins(0, 0, 0, 0)
        details.addWidget(self.session)
        details.addWidget(self.owner)
        details.addWidget(self.due)
        details.addStretch(1)
        details.addWidget(self.keys)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 8, 8, 8)
        lay.setSpacing(6)
        lay.addLayout(row)
        lay.addLayout(details)
        lay.addWidget(self.message)
        for line in (self.text, self.owner_line, self.due):
            line.submitted.connect(self.save)
            line.cancelled.connect(self.cancel)
        self.session.installEventFilter(self)
        self.hide()
        parent.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.session.setToolTip(self.tr("The session this belongs to"))
        self.owner_line.setPlaceholderText(self.tr("Owner"))
        self.owner.setToolTip(self.tr("Who does it: choose a participant or type a name"))
        self.due.setPlaceholderText(self.tr("Due (e.g. 12/15)"))
        self.due.setToolTip(self.tr("A date such as 12/15 or 2026-12-15, or words such as "
                                    "「年内」"))
        self.save_button.setText(self.tr("Save"))
        self.close_button.setToolTip(self.tr("Cancel (Esc)"))
        self.keys.setText(self.tr("Enter saves · Esc cancels"))
        self._kind_texts()
        if self.session.count():   # the last entry: the workshop as a whole
            self.session.setItemText(self.session.count() - 1,
                                     self.tr("(the workshop as a whole)"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _kind_texts(self) -> None:
        decision = self.kind == DECISION
        self.badge.setText(self.tr("Decision") if decision else self.tr("Action item"))
        self.text.setPlaceholderText(self.tr("What was decided") if decision
                                     else self.tr("What is to be done"))

    # -- opening and closing ------------------------------------------------------------
    def open(self, ws, kind: str, session_id: str | None) -> None:
        """Show the bar for a new ``kind`` (decision / action) of ``session_id``."""
        self.ws = ws
        self.kind = kind
        focus = QGuiApplication.focusObject()
        if self.isHidden():
            self._return_focus = focus if isinstance(focus, QWidget) and \
                not self.isAncestorOf(focus) else None
        self._kind_texts()
        self.badge.setStyleSheet(f"background:{_COLOURS[kind]}; color:white; "
                                 "border-radius:4px; padding:3px 8px; font-weight:bold;")
        self.session.clear()
        for s in capture_sessions(ws):
            self.session.addItem(s.title, s.id)
        self.session.addItem(self.tr("(the workshop as a whole)"), None)
        index = self.session.findData(session_id)
        self.session.setCurrentIndex(index if index >= 0 else self.session.count() - 1)
        is_action = kind == ACTION
        self.owner.setVisible(is_action)
        self.due.setVisible(is_action)
        if is_action:
            typed = self.owner_line.text()
            self.owner.clear()
            self.owner.addItems(owner_names(ws))
            self.owner_line.setText(typed)
        self.message.hide()
        self.place()
        self.show()
        self.raise_()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def cancel(self) -> None:
        """Close without saving anything."""
        self._clear()
        self._close()

    def _clear(self) -> None:
        self.text.clear()
        self.owner_line.clear()
        self.due.clear()

    def _close(self) -> None:
        self.hide()
        self.message.hide()
        target, self._return_focus = self._return_focus, None
        if target is not None:
            try:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
            except RuntimeError:  # deleted meanwhile (the board was rebuilt)
                pass
        self.closed.emit()

    # -- saving ------------------------------------------------------------------------
    def save(self) -> bool:
        """Add the decision or action item (one undo step); False if refused."""
        if self.ws is None:
            return False
        session_id = self.session.currentData()
        try:
            if self.kind == DECISION:
                change = add_decision(self.ws, self.text.text(), session_id)
            else:
                change = add_action_item(self.ws, self.text.text(), session_id,
                                         self.owner_line.text(), self.due.text())
            self.ws.apply(change)
        except FurikaeriError as exc:
            self.message.setText(exc.text())
            self.message.show()
            self.place()
            return False
        self._clear()
        self.saved.emit(self.kind, change.added[0].id)
        self._close()
        return True

    # -- placement -------------------------------------------------------------------------
    def place(self) -> None:
        """At the foot of the parent (over the board, above the entry bar), centred."""
        parent = self.parentWidget()
        width = min(max(parent.width() - 40, 300), 980)
        self.setFixedWidth(width)
        self.adjustSize()
        bottom = parent.height() - 12
        anchor = getattr(parent.window(), "entry", None)
        if anchor is not None and anchor.isVisible() and parent.isAncestorOf(anchor):
            # Clear of the board's scroll bar, which sits just above the entry bar.
            bottom = anchor.mapTo(parent, anchor.rect().topLeft()).y() - 24
        self.move((parent.width() - width) // 2, max(0, bottom - self.height()))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        elif obj is self.session and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.save()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
        return False
