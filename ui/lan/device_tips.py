"""Which device sent a note: a tooltip over the board's notes that came over the network.

The board draws a note's author on the note itself; the device it came from
(and when) is for the facilitator who wonders, so it is told on hover.  The
tooltip is answered here, by an event filter on the board's viewport, so the
board's items need not know about devices.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QToolTip

from facilitator.lan import room
from ui.board.items import NoteItem


class DeviceTips(QObject):
    """Tooltips "from a device" on the notes of one board view."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.view = None
        self.ws = None

    def watch(self, view, ws) -> None:
        """Follow ``view`` (None: stop)."""
        if self.view is not None:
            try:
                self.view.viewport().removeEventFilter(self)
            except RuntimeError:  # the view is already gone
                pass
        self.view, self.ws = view, ws
        if view is not None:
            view.viewport().installEventFilter(self)

    def tip_for(self, note_id: str) -> str:
        """The tooltip of a board note ("" for a note typed in the app)."""
        dn = room.device_of(self.ws, note_id) if self.ws is not None else None
        if dn is None:
            return ""
        when = dn.received[11:16] if len(dn.received) >= 16 else dn.received
        author = dn.author or self.tr("(no name)")
        return self.tr("{author}, sent from device {device} at {time}").format(
            author=author, device=dn.device[:8], time=when)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() != QEvent.Type.ToolTip or self.view is None:
            return False
        item = self.view.itemAt(event.pos())
        while item is not None and not isinstance(item, NoteItem):
            item = item.parentItem()
        text = self.tip_for(item.rec.id) if item is not None else ""
        if not text:
            return False
        QToolTip.showText(event.globalPos(), text, self.view.viewport())
        return True
