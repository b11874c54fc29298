"""Where the room clock is shown (a mixin of
:class:`~ui.agenda.clock.controller.ClockController`): the room clock window on a
screen, the mini timer, and the clock on the board in presentation mode.

The faces load when first shown.  Texts keep the "ClockController" translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from ui.agenda.clock.face import ClockFace
    from ui.agenda.clock.windows import MiniTimer, RoomClockWindow

#: The large clock on the board in presentation mode: this share of the board's height.
LARGE_OVERLAY_HEIGHT = 0.5


class ClockViews:
    """Mixin of :class:`~ui.agenda.clock.controller.ClockController` (its ``window``,
    ``reading``, ``_overlay``, ``_room``, ``_mini``, ``large_overlay``, ``screens_menu``
    and actions): makes the clock's views on first use and places the board's clock."""

    @property
    def overlay(self) -> ClockFace:
        """The compact clock in the board's corner in presentation mode."""
        if self._overlay is None:
            from ui.agenda.clock.face import ClockFace
            self._overlay = ClockFace(self.window.workspace, compact=True)
            self._overlay.setCursor(Qt.CursorShape.PointingHandCursor)
            self._overlay.setToolTip(QCoreApplication.translate(
                "ClockController", "Click (or Shift+F9) to make the clock large or small"))
            self._overlay.clicked.connect(lambda: self.set_large_overlay(not self.large_overlay))
            self._overlay.hide()
            self._overlay.show_reading(self.reading)
        return self._overlay

    def room_window(self) -> RoomClockWindow:
        if self._room is None:
            from ui.agenda.clock.windows import RoomClockWindow
            self._room = RoomClockWindow(self.window)
            self._room.face.show_reading(self.reading)
        return self._room

    def show_room_clock(self, screen=None) -> RoomClockWindow:
        """The room clock full screen on ``screen`` (default: the other screen if there is
        one, else this one; Esc closes it)."""
        from ui.agenda.clock.windows import other_screen
        room = self.room_window()
        room.show_on(screen or other_screen(self.window), full_screen=True)
        return room

    def _fill_screens(self) -> None:
        self.screens_menu.clear()
        for i, screen in enumerate(QGuiApplication.screens(), start=1):
            geo = screen.geometry()
            self.screens_menu.addAction(
                f"{i}. {screen.name()} ({geo.width()}×{geo.height()})",
                lambda s=screen: self.show_room_clock(s))

    def mini_timer(self) -> MiniTimer:
        if self._mini is None:
            from ui.agenda.clock.windows import MiniTimer
            self._mini = MiniTimer(self.window)
            self._mini.pauseResumeRequested.connect(self.pause_resume)
            self._mini.addMinuteRequested.connect(lambda: self._do(self.rc.adjust, 1))
            self._mini.show_reading(self.reading)
        return self._mini

    def set_mini_shown(self, shown: bool) -> None:
        mini = self.mini_timer()
        if shown:
            mini.place_in_corner()
            mini.show()
        else:
            mini.hide()
        self.a_mini.setChecked(shown)

    def _place_overlay(self) -> None:
        """In presentation mode the clock sits in the board's top-right corner."""
        shown = bool(self.window.presenting and not self.reading.idle)
        if not shown and self._overlay is None:
            return
        if shown:
            area = self.window.workspace.rect()
            if self.large_overlay:  # for the room: digits over a fifth of the screen's height
                h = int(area.height() * LARGE_OVERLAY_HEIGHT)
                w = min(area.width() - 32, int(h * 2.3))
            else:
                w = max(240, int(area.width() * 0.26))
                h = int(w * 0.42)
            self.overlay.title_share = 0.16 if self.large_overlay else 0.24
            self.overlay.setGeometry(area.right() - w - 16, area.top() + 16, w, h)
            self.overlay.update()
            self.overlay.raise_()
        self.overlay.setVisible(shown)

    def set_large_overlay(self, large: bool) -> None:
        """The clock on the board in presentation mode large (for the room) or small."""
        self.large_overlay = bool(large)
        self.a_large.setChecked(self.large_overlay)
        self._place_overlay()

    def _on_presentation(self, _on: bool) -> None:
        # The action toggles before the window has switched (a click toggles, then
        # triggers): look once the window has done it.
        QTimer.singleShot(0, self._presentation_changed)

    def _presentation_changed(self) -> None:
        self._place_overlay()
        self.check_drift()
