"""The room clock's own window (full screen on a chosen screen) and the mini timer."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPalette, QScreen, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ui.agenda.clock.face import ClockFace, Reading
from ui.i18n import is_language_change


def other_screen(widget: QWidget) -> QScreen:
    """The screen not showing ``widget`` (the projector) when there are two, else its own."""
    own = widget.screen() or QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not own]
    return others[0] if others else own


class RoomClockWindow(QWidget):
    """The room clock as a top-level window; double-click or F11 toggles full screen."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.face = ClockFace(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.face)
        self.resize(960, 540)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.showNormal)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Room clock"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def show_on(self, screen: QScreen | None, full_screen: bool = True) -> None:
        """Show on ``screen`` (full screen there, or a window in its middle)."""
        if screen is not None:
            self.setScreen(screen)
            geo = screen.availableGeometry()
            self.move(geo.center() - QPoint(self.width() // 2, self.height() // 2))
        if full_screen:
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def mouseDoubleClickEvent(self, event) -> None:  # noqa: N802
        self.toggle_full_screen()


class MiniTimer(QWidget):
    """A small frameless always-on-top timer for the facilitator's laptop screen."""

    pauseResumeRequested = Signal()
    addMinuteRequested = Signal()

    def __init__(self, parent=None) -> None:
        flags = (Qt.WindowType.Tool | Qt.WindowType.FramelessWindowHint
                 | Qt.WindowType.WindowStaysOnTopHint)
        super().__init__(parent, flags)
        self.setAutoFillBackground(True)
        self.time_label = QLabel("--:--", self)
        font = self.time_label.font()
        font.setPixelSize(34)
        font.setBold(True)
        self.time_label.setFont(font)
        self.title_label = QLabel("", self)
        self.pause_button = QToolButton(self)
        self.pause_button.clicked.connect(self.pauseResumeRequested)
        self.add_button = QToolButton(self)
        self.add_button.clicked.connect(self.addMinuteRequested)
        self.close_button = close = QToolButton(self)
        close.setText("×")
        close.clicked.connect(self.hide)
        top = QHBoxLayout()
        top.addWidget(self.time_label, 1)
        top.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.add_button)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 6, 8)
        lay.setSpacing(2)
        lay.addLayout(top)
        lay.addWidget(self.title_label)
        lay.addLayout(buttons)
        self.reading = Reading()
        self._colours: tuple[str, str] | None = None
        self._drag_from: QPoint | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.setWindowTitle(self.tr("Mini timer"))
        self.add_button.setText(self.tr("+1 min"))
        self.close_button.setToolTip(self.tr("Hide the mini timer"))
        self._paint(self.reading)   # Pause / Resume, "Next: …"

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def show_reading(self, reading: Reading) -> bool:
        if reading == self.reading:
            return False
        self.reading = reading
        self._paint(reading)
        return True

    def _paint(self, r: Reading) -> None:
        self.time_label.setText(r.text)
        self.title_label.setText(self.tr("Next: {title}").format(title=r.title)
                                 if r.idle and r.title else r.title)
        self.pause_button.setText(self.tr("Resume") if r.paused else self.tr("Pause"))
        self.pause_button.setEnabled(not r.idle)
        self.add_button.setEnabled(not r.idle)
        if r.colours != self._colours:  # only when the phase changes
            self._colours = bg, fg = r.colours
            pal = self.palette()
            pal.setColor(QPalette.ColorRole.Window, QColor(bg))
            pal.setColor(QPalette.ColorRole.WindowText, QColor(fg))
            self.setPalette(pal)

    def place_in_corner(self) -> None:
        screen = (self.parentWidget() or self).screen() or QGuiApplication.primaryScreen()
        geo = screen.availableGeometry()
        self.adjustSize()
        self.move(geo.right() - self.width() - 24, geo.top() + 24)

    # A frameless window moves by dragging anywhere on it.
    def mousePressEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.globalPosition().toPoint() - self.frameGeometry().topLeft()

    def mouseMoveEvent(self, event) -> None:  # noqa: N802
        if self._drag_from is not None:
            self.move(event.globalPosition().toPoint() - self._drag_from)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        self._drag_from = None
