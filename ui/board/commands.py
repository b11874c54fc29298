"""Board commands on a set of element ids: each one workshop edit, one undo step.

The rules live in the core (:mod:`facilitator.board.arrange`,
:mod:`facilitator.board.copies`); here they meet the scene (the drawn size of
notes, the selection) and the system clipboard.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtGui import QGuiApplication

from facilitator.board import arrange, copies
from facilitator.errors import FurikaeriError
from facilitator.workshop.changes import Change
from facilitator.workshop.model import Element

#: Clipboard format of copied board elements (JSON records).
MIME_ELEMENTS = copies.MIME_TYPE


def clipboard_has_paste() -> bool:
    """Whether the clipboard holds something the board can paste (our records or text)."""
    data = QGuiApplication.clipboard().mimeData()
    return data is not None and (data.hasFormat(MIME_ELEMENTS)
                                 or (data.hasText() and bool(data.text().strip())))


class SceneCommands:
    """Mixin of :class:`BoardScene`: recolour, align, z-order, delete, copy/paste."""

    def run_change(self, build, select_added: bool = False) -> Change | None:
        """Apply the change ``build()`` returns (one undo step); a refusal is told."""
        try:
            change = build()
            if change:
                self.workshop.apply(change)
        except FurikaeriError as exc:
            self.messageRequested.emit(exc.text())
            return None
        if change and select_added:
            self.select_ids([r.id for r in change.added if isinstance(r, Element)])
        return change

    def recolour(self, ids, hue: str) -> None:
        """Colour of ``hue`` (see :data:`facilitator.board.arrange.HUES`; "" the usual one)."""
        self.run_change(lambda: arrange.recolour(self.workshop, ids, hue))

    def align(self, ids, edge: str) -> None:
        self.run_change(lambda: arrange.align(self.workshop, ids, edge, self.board_extent))

    def distribute(self, ids, axis: str) -> None:
        self.run_change(lambda: arrange.distribute(self.workshop, ids, axis, self.board_extent))

    def bring_to_front(self, ids) -> None:
        self.run_change(lambda: arrange.bring_to_front(self.workshop, ids))

    def send_to_back(self, ids) -> None:
        self.run_change(lambda: arrange.send_to_back(self.workshop, ids))

    def frames_holding(self, ids) -> list[str]:
        """Selected frames with something in them (deleting them asks first)."""
        return arrange.frames_holding(self.workshop, ids, self.board_extent)

    def delete(self, ids, contents: bool = False) -> None:
        """Delete; a frame's contents go too when ``contents``, else they stay."""
        ids = [i for i in ids if i in self.by_id]
        if ids:
            self.run_change(lambda: arrange.delete(self.workshop, ids, contents,
                                                   self.board_extent))

    # -- duplicate, copy, paste ------------------------------------------------------
    def duplicate(self, ids) -> None:
        self.run_change(lambda: copies.duplicate(self.workshop, ids, self.board_extent),
                        select_added=True)

    def copy(self, ids) -> bool:
        """Put the elements (and what they carry) on the clipboard, with their texts."""
        ids = [i for i in ids if i in self.by_id]
        if not ids:
            return False
        payload, text = copies.to_clipboard(self.workshop, ids, self.board_extent)
        data = QMimeData()
        data.setData(MIME_ELEMENTS, payload.encode("utf-8"))
        data.setText(text)
        QGuiApplication.clipboard().setMimeData(data)
        return True

    def cut(self, ids) -> None:
        """Copy, then delete what was copied (frames with their contents)."""
        if self.copy(ids):
            self.delete(ids, contents=True)

    def paste(self, at: QPointF | None = None) -> None:
        """Paste copied elements, or each line of plain text as a note, centred on scene
        point ``at`` (default: the middle of the board's notes); refuse images."""
        data = QGuiApplication.clipboard().mimeData()
        area = self.area_at(at) if at is not None else self.areas[0]
        point = (at.x() - area.dx, at.y()) if at is not None else self._middle(area)
        if data is not None and data.hasFormat(MIME_ELEMENTS):
            recs = copies.from_clipboard(bytes(data.data(MIME_ELEMENTS)).decode("utf-8"))
            if recs:
                self.run_change(lambda: copies.paste(self.workshop, recs, area.key, point),
                                select_added=True)
                return
        if data is not None and data.hasText() and data.text().strip():
            self.run_change(lambda: copies.notes_from_text(
                self.workshop, data.text(), area.key, point, self.drawn_height),
                select_added=True)
        elif data is not None and data.hasImage():
            self.messageRequested.emit(self.tr("Only text can be pasted onto the board."))

    def _middle(self, area) -> tuple[float, float]:
        rect = self.itemsBoundingRect()
        return (rect.center().x() - area.dx, rect.center().y()) if not rect.isNull() else (0, 0)

    def drawn_height(self, note) -> float:
        """How tall ``note`` is drawn (long text makes it taller than its record)."""
        from ui.board.items import NoteItem
        return NoteItem(note, self.look).rect().height()
