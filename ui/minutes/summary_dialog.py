"""まとめを編集…: each session's summary, the key findings and the next steps.

Every session but the breaks is listed, with or without notes (an
orientation or a closing has a まとめ too); a session with themed notes is
prefilled with a draft from its themes.  主な気づき and 次のステップ (the
workshop's findings and next steps) follow the sessions.  OK saves whatever
changed as one undo step.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMessageBox,
    QPlainTextEdit, QPushButton, QVBoxLayout,
)

from facilitator.errors import FurikaeriError
from facilitator.workshop.changes import Change
from facilitator.workshop.model import KIND_BREAK, Session
from facilitator.workshop.people import info_change

FINDINGS = "findings"
NEXT_STEPS = "next_steps"


@dataclass
class _Entry:
    key: str                 # a session id, or FINDINGS / NEXT_STEPS
    title: str
    stored: str              # what the file holds
    shown: str               # what the editor starts with (the stored text or the draft)
    draft: str = ""
    has_notes: bool = False


class SummaryDialog(QDialog):
    """Edit every session's まとめ, the key findings and the next steps."""

    def __init__(self, ws, parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        from facilitator.minutes import gather
        from facilitator.minutes.draft import draft_summary
        self.setWindowTitle(self.tr("Summaries of the sessions"))
        self.resize(860, 560)
        minutes = gather(ws)
        self.parts = [p for p in minutes.sessions if p.session.kind != KIND_BREAK]
        self.entries: list[_Entry] = []
        for p in self.parts:
            draft = draft_summary(p.boards)
            self.entries.append(_Entry(p.session.id, p.session.title, p.session.summary,
                                       p.summary, draft, any(b.notes for b in p.boards)))
        info = ws.info
        self.entries += [
            _Entry(FINDINGS, self.tr("Key findings"), info.findings, info.findings),
            _Entry(NEXT_STEPS, self.tr("Next steps"), info.next_steps, info.next_steps),
        ]
        self.drafts = {e.key: e.draft for e in self.entries}
        self.texts = {e.key: e.shown for e in self.entries}
        self.sessions = QListWidget(self)
        self.sessions.setStyleSheet("QListWidget::item { padding: 5px 4px; }")
        for i, e in enumerate(self.entries):
            if e.key == FINDINGS:   # a gap between the sessions and the workshop's own
                gap = QListWidgetItem("", self.sessions)
                gap.setFlags(Qt.ItemFlag.NoItemFlags)
                gap.setSizeHint(QSize(0, 10))
            item = QListWidgetItem(e.title, self.sessions)
            item.setData(Qt.ItemDataRole.UserRole, i)
            if e.key in (FINDINGS, NEXT_STEPS):
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
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
        lay.addLayout(row, 1)
        lay.addWidget(buttons)
        if ws.readonly:
            self.editor.setReadOnly(True)
            buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        self._current: str | None = None
        self.sessions.currentRowChanged.connect(self._show)
        self.sessions.setCurrentRow(0)

    def _items(self) -> list[QListWidgetItem]:
        items = [self.sessions.item(i) for i in range(self.sessions.count())]
        return [it for it in items if it.data(Qt.ItemDataRole.UserRole) is not None]

    def titles(self) -> list[str]:
        """The list's entries, as shown."""
        return [it.text() for it in self._items()]

    def choose(self, title: str) -> None:
        """Show the entry titled ``title`` in the editor."""
        self.sessions.setCurrentItem(self._items()[self.titles().index(title)])

    def _keep(self) -> None:
        if self._current is not None:
            self.texts[self._current] = self.editor.toPlainText()

    def _show(self, row: int) -> None:
        item = self.sessions.item(row) if row >= 0 else None
        index = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if index is None:
            return
        self._keep()
        entry = self.entries[index]
        self._current = entry.key
        self.editor.setPlainText(self.texts[entry.key])
        self.redraft.setVisible(bool(entry.draft))
        if entry.key == FINDINGS:
            hint = self.tr("The key findings of the day, in a few sentences: printed before "
                           "the sessions.")
        elif entry.key == NEXT_STEPS:
            hint = self.tr("What happens next (the next meeting, who follows up): printed "
                           "with the key findings.")
        elif entry.stored.strip():
            hint = self.tr("The summary printed in the minutes.")
        elif entry.draft:
            hint = self.tr("A draft made from the themes' notes: edit it freely.")
        elif entry.has_notes:
            hint = self.tr("This session's notes have no themes yet: write its summary here.")
        else:
            hint = self.tr("This session has no notes: write what was said or done here.")
        self.hint.setText(hint)
        self.editor.setPlaceholderText(self.tr("Write the summary here."))

    def use_draft(self) -> None:
        self.editor.setPlainText(self.drafts.get(self._current or "", ""))

    def changes(self) -> Change:
        """The edit of every summary, finding and next step that changed (one undo step)."""
        self._keep()
        pairs = []
        details: dict[str, str] = {}
        for e in self.entries:
            text = self.texts[e.key].strip()
            if e.key in (FINDINGS, NEXT_STEPS):
                if text != e.stored.strip():
                    details[e.key] = text
                continue
            session = self.ws.get(Session, e.key)
            if session is None:
                continue
            untouched_draft = not session.summary.strip() and text == e.shown.strip()
            if text != session.summary.strip() and not untouched_draft:
                pairs.append((session, session.replace(summary=text)))
        change = Change(updated=tuple(pairs), label="summaries")
        if details:
            change = change.then(info_change(self.ws, **details))
        return Change(change.added, change.updated, change.removed, "summaries")

    def accept(self) -> None:
        try:
            change = self.changes()
            if change and not self.ws.readonly:
                self.ws.apply(change)
        except FurikaeriError as exc:
            QMessageBox.warning(self, self.tr("Furikaeri"), exc.text())
            return
        super().accept()
