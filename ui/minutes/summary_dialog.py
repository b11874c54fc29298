"""まとめを編集…: each session's summary, prefilled with a draft from its themes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QMessageBox, QPlainTextEdit,
    QPushButton, QVBoxLayout,
)

from facilitator.workshop.changes import Change
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Session


class SummaryDialog(QDialog):
    """Edit each session's まとめ, prefilled with the draft from its themes."""

    def __init__(self, ws, parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        from facilitator.minutes import gather
        from facilitator.minutes.draft import draft_summary
        self.setWindowTitle(self.tr("Summaries of the sessions"))
        self.resize(820, 520)
        minutes = gather(ws)
        self.parts = [p for p in minutes.sessions if p.boards or p.session.summary]
        self.drafts = {p.session.id: draft_summary(p.boards) for p in self.parts}
        self.texts = {p.session.id: p.summary for p in self.parts}
        self.sessions = QListWidget(self)
        self.sessions.addItems([p.session.title for p in self.parts])
        self.editor = QPlainTextEdit(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.redraft = QPushButton(self.tr("Use the draft from the themes"), self)
        self.redraft.clicked.connect(self.use_draft)
        right = QVBoxLayout()
        right.addWidget(self.hint)
        right.addWidget(self.editor, 1)
        right.addWidget(self.redraft, 0, Qt.AlignmentFlag.AlignLeft)
        row = QHBoxLayout()
        row.addWidget(self.sessions, 1)
        row.addLayout(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        if not self.parts:
            lay.addWidget(QLabel(self.tr("No session has notes to summarise yet."), self))
        lay.addLayout(row, 1)
        lay.addWidget(buttons)
        self._current: str | None = None
        self.sessions.currentRowChanged.connect(self._show)
        if self.parts:
            self.sessions.setCurrentRow(0)

    def _keep(self) -> None:
        if self._current is not None:
            self.texts[self._current] = self.editor.toPlainText()

    def _show(self, row: int) -> None:
        self._keep()
        if row < 0:
            return
        part = self.parts[row]
        self._current = part.session.id
        self.editor.setPlainText(self.texts[part.session.id])
        self.hint.setText(self.tr("A draft made from the themes' notes: edit it freely.")
                          if not part.session.summary.strip() else
                          self.tr("The summary printed in the minutes."))

    def use_draft(self) -> None:
        self.editor.setPlainText(self.drafts.get(self._current or "", ""))

    def changes(self) -> Change:
        """The edit of every session whose まとめ changed (one undo step)."""
        self._keep()
        pairs = []
        for part in self.parts:
            session = self.ws.get(Session, part.session.id)
            text = self.texts[part.session.id].strip()
            if session is None:
                continue
            untouched_draft = not session.summary.strip() and text == part.summary.strip()
            if text != session.summary.strip() and not untouched_draft:
                pairs.append((session, session.replace(summary=text)))
        return Change(updated=tuple(pairs), label="summaries")

    def accept(self) -> None:
        change = self.changes()
        if change.updated and not self.ws.readonly:
            try:
                self.ws.apply(change)
            except FurikaeriError as exc:
                QMessageBox.warning(self, self.tr("Furikaeri"), exc.text())
                return
        super().accept()
