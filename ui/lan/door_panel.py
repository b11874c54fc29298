"""The door's panel, made for the projector: a large QR code, the short URL, devices joined.

Under them, the facilitator's controls: the session's mode (記録係 types
straight onto the group's board; 参加者 notes stay private until revealed),
「参加者のメモを公開」 with the number of hidden notes, 「新しいコード」 (every
device is cut off and must scan again) and 「受付を終了」 (the server stops).
Closing the panel (Esc) leaves the door open; the status bar still says so.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup, QComboBox, QHBoxLayout, QLabel, QPushButton, QRadioButton, QVBoxLayout,
    QWidget,
)

from ui.i18n import is_language_change
from ui.lan.qr import qr_pixmap
from ui.window_fit import full_screen_elsewhere

NOTE_TAKER = "note_taker"
PARTICIPANT = "participant"
#: The QR code takes at least this share of the screen's height.
QR_SHARE = 1 / 3
#: The URL's type: this share of the screen's height, shrunk to fit, never below the floor.
URL_SHARE, URL_FLOOR = 1 / 22, 1 / 40


class DoorPanel(QWidget):
    """The door's window; the controller fills it and listens to its signals."""

    newCodeRequested = Signal()
    closeDoorRequested = Signal()
    modeChosen = Signal(str, str)       # session id, NOTE_TAKER or PARTICIPANT
    revealRequested = Signal(str)       # session id
    sessionChosen = Signal(str)         # session id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("door-panel")
        self.url = ""
        self.devices = 0
        self.hidden = 0
        self.heading = QLabel(self)
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr = QLabel(self)
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url_label = QLabel(self)
        self.url_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url_label.setTextFormat(Qt.TextFormat.PlainText)
        self.devices_label = QLabel(self)
        self.devices_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.session_label = QLabel(self)
        self.sessions = QComboBox(self)
        self.sessions.currentIndexChanged.connect(self._session_changed)
        self.note_taker = QRadioButton(self)
        self.participant = QRadioButton(self)
        self.modes = QButtonGroup(self)
        self.modes.addButton(self.note_taker)
        self.modes.addButton(self.participant)
        self.modes.buttonClicked.connect(self._mode_clicked)
        self.reveal = QPushButton(self)
        self.reveal.clicked.connect(self._reveal_clicked)
        self.new_code = QPushButton(self)
        self.new_code.clicked.connect(self.newCodeRequested)
        self.close_door = QPushButton(self)
        self.close_door.clicked.connect(self.closeDoorRequested)

        controls = QHBoxLayout()
        for widget in (self.session_label, self.sessions, self.note_taker, self.participant,
                       self.reveal):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(self.new_code)
        controls.addWidget(self.close_door)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.qr, 1)
        lay.addWidget(self.url_label)
        lay.addWidget(self.devices_label)
        lay.addLayout(controls)
        self.setStyleSheet("#door-panel { background: white; } "
                           "#door-panel QLabel { color: #111; }")
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self.retranslate()

    # -- what it shows ------------------------------------------------------------------
    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.setWindowTitle(self.tr("Join the workshop"))
        self.heading.setText(self.tr("Scan to join — or type the address"))
        self.session_label.setText(self.tr("Session:"))
        self.note_taker.setText(self.tr("Note-takers"))
        self.note_taker.setToolTip(self.tr(
            "Devices type straight onto their group's board and see its notes live"))
        self.participant.setText(self.tr("Participants"))
        self.participant.setToolTip(self.tr(
            "Devices' notes stay private until you reveal them; phones can vote on themes"))
        self.new_code.setText(self.tr("New code"))
        self.new_code.setToolTip(self.tr("Every device is cut off and must scan the new code"))
        self.close_door.setText(self.tr("Close the door"))
        self.close_door.setToolTip(self.tr("Stop receiving: the server stops"))
        self._show_counts()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def set_url(self, url: str) -> None:
        self.url = url
        self.url_label.setText(url)
        self._fit()

    def set_devices(self, count: int) -> None:
        self.devices = count
        self._show_counts()

    def set_sessions(self, sessions: list[tuple[str, str]], current: str | None) -> None:
        """``sessions``: (id, title) in agenda order; ``current`` selected."""
        self.sessions.blockSignals(True)
        self.sessions.clear()
        for sid, title in sessions:
            self.sessions.addItem(title, sid)
        index = self.sessions.findData(current)
        self.sessions.setCurrentIndex(max(0, index))
        self.sessions.blockSignals(False)

    def session_id(self) -> str | None:
        return self.sessions.currentData()

    def set_session_state(self, mode: str, hidden: int) -> None:
        """The chosen session's mode and how many of its notes are still private."""
        (self.participant if mode == PARTICIPANT else self.note_taker).setChecked(True)
        self.hidden = hidden
        self._show_counts()

    def _show_counts(self) -> None:
        self.devices_label.setText(self.tr("Devices connected: {n}").format(n=self.devices))
        self.reveal.setText(self.tr("Reveal participants' notes ({n})").format(n=self.hidden))
        self.reveal.setEnabled(self.hidden > 0)

    # -- signals ------------------------------------------------------------------------
    def _session_changed(self, _index: int) -> None:
        if self.session_id():
            self.sessionChosen.emit(self.session_id())

    def _mode_clicked(self, button) -> None:
        if self.session_id():
            self.modeChosen.emit(self.session_id(),
                                 PARTICIPANT if button is self.participant else NOTE_TAKER)

    def _reveal_clicked(self) -> None:
        if self.session_id():
            self.revealRequested.emit(self.session_id())

    # -- sizes for the back of the room ----------------------------------------------------
    def screen_height(self) -> int:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.geometry().height() if screen else 768

    def _fit(self) -> None:
        """QR ≥ 1/3 of the screen's height (more when the panel has room); the URL's type
        as large as fits the width, never under 1/40 of the screen's height."""
        screen_h = self.screen_height()
        room = self.height() - self._others_height()
        side = max(int(screen_h * QR_SHARE), min(room, self.width() - 40))
        if self.url:
            self.qr.setPixmap(qr_pixmap(self.url, side, minimum=int(screen_h * QR_SHARE)))
        self.qr.setMinimumHeight(int(screen_h * QR_SHARE))
        font = QFont(self.url_label.font())
        px = int(screen_h * URL_SHARE)
        floor = max(1, int(screen_h * URL_FLOOR) + 1)
        while px > floor:
            font.setPixelSize(px)
            if QFontMetrics(font).horizontalAdvance(self.url or "x") <= self.width() - 40:
                break
            px -= 1
        font.setPixelSize(max(px, floor))
        font.setBold(True)
        self.url_label.setFont(font)
        big = QFont(self.heading.font())
        big.setPixelSize(max(floor, int(screen_h / 30)))
        self.heading.setFont(big)
        self.devices_label.setFont(big)

    def _others_height(self) -> int:
        """What the QR code leaves to the rest: heading, URL, count, controls, margins."""
        screen_h = self.screen_height()
        return int(screen_h / 30) * 3 + int(screen_h * URL_SHARE) * 2 + 90

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def show_on_best_screen(self) -> None:
        """Full screen on a second screen (the projector) when there is one, else large
        on the window's own screen (a laptop mirrored to the projector)."""
        if not full_screen_elsewhere(self):
            owner = self.parentWidget()
            screen = (owner.screen() if owner is not None else None) or QGuiApplication.primaryScreen()
            area = screen.availableGeometry()
            self.setGeometry(area.adjusted(area.width() // 20, area.height() // 20,
                                           -area.width() // 20, -area.height() // 20))
            self.showNormal()
        self.raise_()
        self.activateWindow()
