"""What a pasted list or a CSV file of people will add, shown before it is added."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit,
    QTableWidget, QTableWidgetItem, QVBoxLayout,
)

from facilitator.errors import FurikaeriError
from facilitator.io.roster import Roster, encoding_label, parse_roster
from facilitator.workshop.model import Participant
from facilitator.workshop.people import PersonRow
from ui.i18n import sentences
from ui.workshop.roles import role_label


class RosterDialog(QDialog):
    """Paste a list (or look at a file's), see the people it holds, add them."""

    def __init__(self, ws, parent=None, roster: Roster | None = None,
                 source: str | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.roster = roster or Roster()
        self.setWindowTitle(self.tr("Import participants") if source
                            else self.tr("Paste a list of participants"))
        self.resize(720, 560)
        lay = QVBoxLayout(self)
        self.text: QPlainTextEdit | None = None
        if source is None:
            intro = QLabel(self.tr("Paste the list below: one person a line, as "
                                   "「名前, 所属」, tab-separated cells copied from Excel, or "
                                   "「名前（所属）」. A third cell may give the role (書記, "
                                   "有識者…) and a fourth the attendance (出席/欠席)."), self)
            intro.setWordWrap(True)
            self.text = QPlainTextEdit(self)
            self.text.setPlaceholderText("山田 太郎, 株式会社ふりかえり\n"
                                         "佐藤 花子\tみなと大学\t有識者\n"
                                         "鈴木 一郎（〇〇県 産業振興課）")
            self.text.textChanged.connect(self._parse)
            lay.addWidget(intro)
            lay.addWidget(self.text, 2)
        else:
            about = QLabel(self.tr("{file} — read as {encoding}").format(
                file=Path(source).name, encoding=encoding_label(self.roster.encoding)), self)
            about.setWordWrap(True)
            lay.addWidget(about)
        self.preview = QTableWidget(0, 4, self)
        self.preview.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Organisation"),
                                                self.tr("Role"), self.tr("Attendance")])
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setVisible(False)
        head = self.preview.horizontalHeader()
        head.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.remarks = QLabel(self)
        self.remarks.setWordWrap(True)
        self.remarks.setStyleSheet("color: #8A4B00;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.preview, 3)
        lay.addWidget(self.summary)
        lay.addWidget(self.remarks)
        lay.addWidget(self.buttons)
        self._show()

    def _parse(self) -> None:
        try:
            self.roster = parse_roster(self.text.toPlainText())
        except FurikaeriError as exc:
            self.roster = Roster()
            self.remarks.setText(exc.text())
            self._show(keep_remarks=True)
            return
        self._show()

    def _new_rows(self) -> list[PersonRow]:
        known = {(" ".join(p.name.split()), " ".join(p.organisation.split()))
                 for p in self.ws.all(Participant)}
        out, seen = [], set()
        for row in self.roster.people:
            key = (" ".join(row.name.split()), " ".join(row.organisation.split()))
            if key not in known and key not in seen:
                seen.add(key)
                out.append(row)
        return out

    def _show(self, keep_remarks: bool = False) -> None:
        people = self.roster.people
        new = self._new_rows()
        self.preview.setRowCount(len(people))
        fresh = {id(r) for r in new}
        for r, row in enumerate(people):
            cells = [row.name, row.organisation, role_label(row.role),
                     self.tr("Present") if row.attended else self.tr("Absent")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if id(row) not in fresh:
                    item.setForeground(self.palette().placeholderText())
                    item.setToolTip(self.tr("Already in the list: not added again"))
                self.preview.setItem(r, c, item)
        skipped = len(people) - len(new)
        text = self.tr("{count} people will be added.").format(count=len(new))
        if skipped:
            text = sentences(text, self.tr(
                "{count} already in the list (greyed) are left out.").format(count=skipped))
        self.summary.setText(text)
        if not keep_remarks:
            self.remarks.setText("\n".join(r.text() for r in self.roster.remarks))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Add {count} people").format(count=len(new)))
        ok.setEnabled(bool(new))

    def rows(self) -> list[PersonRow]:
        """The people to add (those not yet registered)."""
        return self._new_rows()
