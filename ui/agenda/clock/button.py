"""The facilitator's clock button: time left and session, in the menu bar's right corner.

In the menu bar's corner it is never pushed behind the toolbar's » menu on a narrow
(1024 px) screen; a native macOS menu bar has no corner, so there it ends the toolbar.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QMainWindow, QToolButton


class ClockButton(QToolButton):
    """As wide as its widest time ("+8:88:88"): the same size from one second to the next."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.colours: tuple[str, str] | None = None
        self._width = 0
        self._extra: tuple | None = None  # (text, font, extra width) last measured
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar = window.menuBar()
        if bar.isNativeMenuBar():
            window.toolbar.addSeparator()
            window.toolbar.addWidget(self)
        else:
            bar.setCornerWidget(self, Qt.Corner.TopRightCorner)

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        text, font = self.text(), self.font()
        # Layouts ask dozens of times while the window is first shown: measured once
        # per text and font.
        if self._extra is None or self._extra[:2] != (text, font):
            widest = re.sub(r"\d", "8", text if text[:1] == "+" else "+" + text)
            metrics = self.fontMetrics()
            extra = metrics.horizontalAdvance(widest) - metrics.horizontalAdvance(text)
            self._extra = (text, font, max(0, extra))
        return QSize(hint.width() + self._extra[2], hint.height())

    def show_text(self, text: str, colours: tuple[str, str]) -> None:
        """Show ``text`` on the face's (background, text) ``colours``."""
        self.setText(text)
        if colours != self.colours:
            # A style sheet re-polishes the widget: only when the phase changes, not every second.
            self.colours = background, foreground = colours
            self.setStyleSheet(
                f"QToolButton {{ background: {background}; color: {foreground};"
                " border-radius: 4px; padding: 2px 10px; font-weight: bold; }")
        width = self.sizeHint().width()
        if width != self._width:  # a new title or form, not a new second
            self._width = width
            bar = self.window.menuBar()
            if bar.cornerWidget(Qt.Corner.TopRightCorner) is self:
                # The menu bar lays its corner out on a resize only.
                QCoreApplication.sendEvent(bar, QResizeEvent(bar.size(), bar.size()))
