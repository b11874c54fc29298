"""ワークショップ情報…: the title, date, times, venue, organiser and purpose the minutes' cover prints."""

from __future__ import annotations

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QMessageBox, QPlainTextEdit, QTimeEdit, QVBoxLayout, QWidget,
)

from facilitator.errors import FurikaeriError
from facilitator.workshop.people import info_change


class DetailsDialog(QDialog):
    """Edit the workshop's details; OK applies them as one undo step."""

    def __init__(self, ws, parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        info = ws.info
        self.setWindowTitle(self.tr("Workshop details"))
        self.setMinimumWidth(560)
        self.title = QLineEdit(info.title, self)
        self.title.setPlaceholderText(self.tr("e.g. LOCAL X STAGE reflection workshop"))
        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.has_date = QCheckBox(self.tr("Date decided"), self)
        day = QDate.fromString(info.date, "yyyy-MM-dd") if info.date else QDate()
        self.has_date.setChecked(day.isValid())
        self.date.setDate(day if day.isValid() else QDate.currentDate())
        self.date.setEnabled(day.isValid())
        self.has_date.toggled.connect(self.date.setEnabled)
        self.start = QTimeEdit(_time(info.start_time, "13:30"), self)
        self.end = QTimeEdit(_time(info.end_time, "17:00"), self)
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.venue = QLineEdit(info.venue, self)
        self.venue.setPlaceholderText(self.tr("e.g. Prefectural office, meeting room 3"))
        self.organiser = QLineEdit(info.organiser, self)
        self.organiser.setPlaceholderText(self.tr("e.g. Industrial Innovation Division"))
        self.purpose = QPlainTextEdit(info.purpose, self)
        self.purpose.setPlaceholderText(self.tr("Why the workshop is held, in a few sentences"))
        self.purpose.setTabChangesFocus(True)
        self.purpose.setMinimumHeight(90)

        when = QWidget(self)
        row = QHBoxLayout(when)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_date)
        row.addWidget(self.date, 1)
        times = QWidget(self)
        trow = QHBoxLayout(times)
        trow.setContentsMargins(0, 0, 0, 0)
        trow.addWidget(self.start)
        trow.addWidget(QLabel("–", times))
        trow.addWidget(self.end)
        trow.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Date"), when)
        form.addRow(self.tr("T&ime"), times)
        form.addRow(self.tr("&Venue"), self.venue)
        form.addRow(self.tr("&Organiser"), self.organiser)
        form.addRow(self.tr("&Purpose"), self.purpose)
        hint = QLabel(self.tr("The minutes' cover prints these. The start time is also "
                              "where the programme's clock times begin."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(hint)
        lay.addWidget(self.buttons)
        if ws.readonly:
            for w in (self.title, self.date, self.has_date, self.start, self.end, self.venue,
                      self.organiser, self.purpose):
                w.setEnabled(False)
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def values(self) -> dict[str, str]:
        """The details as typed (not yet checked)."""
        return {
            "title": self.title.text(),
            "date": self.date.date().toString("yyyy-MM-dd") if self.has_date.isChecked() else "",
            "start_time": self.start.time().toString("HH:mm"),
            "end_time": self.end.time().toString("HH:mm"),
            "venue": self.venue.text(),
            "organiser": self.organiser.text(),
            "purpose": self.purpose.toPlainText(),
        }

    def accept(self) -> None:
        try:
            change = info_change(self.ws, **self.values())
            if change:
                self.ws.apply(change)
        except FurikaeriError as exc:
            QMessageBox.warning(self, self.tr("Furikaeri"), exc.text())
            return  # nothing lost: the dialog stays open with what was typed
        super().accept()


def _time(text: str, default: str) -> QTime:
    for fmt in ("HH:mm", "H:mm"):
        time = QTime.fromString(text or default, fmt)
        if time.isValid():
            return time
    return QTime.fromString(default, "HH:mm")
