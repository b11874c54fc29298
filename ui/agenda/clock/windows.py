"""The room clock's own window (full screen on a chosen screen) and the mini timer."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPropertyAnimation, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QPalette, QScreen, QShortcut
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget,
)

from ui.agenda.clock.face import ClockFace, Reading
from ui.agenda.clock.reading import HINT_BACKGROUND, HINT_TEXT
from ui.i18n import is_language_change


def other_screen(widget: QWidget) -> QScreen:
    """The screen not showing ``widget`` (the projector) when there are two, else its own."""
    own = widget.screen() or QGuiApplication.primaryScreen()
    others = [s for s in QGuiApplication.screens() if s is not own]
    return others[0] if others else own


#: How long the way back (「閉じる（Esc）」) stays before it fades; a mouse move brings it back.
HINT_MS = 4000
HINT_FADE_MS = 800


class RoomClockWindow(QWidget):
    """The room clock as a top-level window, full screen on the screen it is shown on.

    Esc or the 「閉じる（Esc）」 button (shown at first and when the mouse moves, then
    fading) closes it; a double-click or F11 toggles full screen and a window."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.face = ClockFace(self)
        self.face.setMouseTracking(True)
        self.face.installEventFilter(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.face)
        self.resize(960, 540)
        self.close_button = QToolButton(self)
        self.close_button.setText(self.tr("Close (Esc)"))
        self.close_button.setToolTip(
            self.tr("Double-click the clock to switch between full screen and a window."))
        self.close_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.close_button.setStyleSheet(
            f"QToolButton {{ background: {HINT_BACKGROUND}; color: {HINT_TEXT};"
            " border: none; border-radius: 6px; padding: 6px 14px; }")
        self.close_button.clicked.connect(self.close)
        self._opacity = QGraphicsOpacityEffect(self.close_button)
        self.close_button.setGraphicsEffect(self._opacity)
        self._fade = QPropertyAnimation(self._opacity, b"opacity", self)
        self._fade.setDuration(HINT_FADE_MS)
        self._fade.setEndValue(0.0)
        self._fade.finished.connect(self._faded)
        self._hint_timer = QTimer(self)
        self._hint_timer.setSingleShot(True)
        self._hint_timer.setInterval(HINT_MS)
        self._hint_timer.timeout.connect(self._fade.start)
        QShortcut(QKeySequence(Qt.Key.Key_F11), self, self.toggle_full_screen)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
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
            self._fit_window(screen)
        if full_screen:
            self.showFullScreen()
        else:
            self.showNormal()
        self.raise_()
        self.activateWindow()
        self.show_hint()

    def _fit_window(self, screen: QScreen) -> None:
        """The windowed size: two thirds of the screen, in its middle."""
        geo = screen.availableGeometry()
        self.resize(max(480, geo.width() * 2 // 3), max(270, geo.height() * 2 // 3))
        self.move(geo.center() - QPoint(self.width() // 2, self.height() // 2))

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.show_hint()

    def show_hint(self) -> None:
        """Show the way back for a few seconds."""
        self._fade.stop()
        self._opacity.setOpacity(1.0)
        font = self.close_button.font()
        font.setPixelSize(max(14, self.height() // 40))  # seen, not shouting: 27 px at 1080p
        self.close_button.setFont(font)
        self.close_button.adjustSize()
        self._place_hint()
        self.close_button.show()
        self.close_button.raise_()
        self._hint_timer.start()

    def hint_visible(self) -> bool:
        return self.close_button.isVisible() and self._opacity.opacity() > 0.5

    def _faded(self) -> None:
        if self._opacity.opacity() == 0.0:
            self.close_button.hide()

    def _place_hint(self) -> None:
        margin = max(12, self.height() // 60)
        self.close_button.move(self.width() - self.close_button.width() - margin, margin)

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self.close_button.isVisible():
            self.show_hint()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.MouseMove and not self.hint_visible():
            self.show_hint()
        return False

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
