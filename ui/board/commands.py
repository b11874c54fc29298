"""Board commands on a set of element ids: each one workshop edit, one undo step."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtGui import QGuiApplication

from facilitator.errors import FurikaeriError
from facilitator.workshop.model import TYPE_BY_TABLE, Connector, Element, Note, new_id
from facilitator.workshop.records import codec_for
from ui.board.placing import place, sized

#: Clipboard format of copied board elements (JSON records).
MIME_ELEMENTS = "application/x-furikaeri-elements"
PASTE_OFFSET = 24.0


class SceneCommands:
    """Mixin of :class:`BoardScene`: recolour, align, z-order, delete, copy/paste."""

    def _records(self, ids) -> list[Element]:
        recs = [self.workshop.find(i) for i in ids]
        return [r for r in recs if isinstance(r, Element)]

    def _placed(self, ids) -> list[Element]:
        """Records that have a position of their own (attached connectors follow)."""
        return [r for r in self._records(ids)
                if not (isinstance(r, Connector) and (r.source_id or r.target_id))]

    def _edit(self, pairs, label: str) -> bool:
        try:
            self.workshop.update_many(pairs, label=label)
        except FurikaeriError as exc:
            self.messageRequested.emit(exc.text())
            return False
        return True

    def recolour(self, ids, color: str) -> None:
        """Give the elements ``color`` (a note's colour overrides its group's)."""
        self._edit([(r, r.replace(color=color)) for r in self._records(ids)], "recolour")

    def bring_to_front(self, ids) -> None:
        recs = sorted(self._records(ids), key=lambda r: r.z)
        if recs:
            top = self.workshop.max_z(recs[0].session_id, recs[0].group_id)
            self._edit([(r, r.replace(z=top + 1 + i)) for i, r in enumerate(recs)], "z-order")

    def send_to_back(self, ids) -> None:
        recs = sorted(self._records(ids), key=lambda r: r.z)
        if recs:
            board = self.workshop.elements_on(recs[0].session_id, recs[0].group_id)
            bottom = min((e.z for e in board), default=0.0)
            self._edit([(r, r.replace(z=bottom - len(recs) + i)) for i, r in enumerate(recs)],
                       "z-order")

    def align_left(self, ids) -> None:
        recs = self._placed(ids)
        if len(recs) > 1:
            left = min(r.x for r in recs)
            self._edit([(r, r.replace(x=left)) for r in recs], "align")

    def align_top(self, ids) -> None:
        recs = self._placed(ids)
        if len(recs) > 1:
            top = min(r.y for r in recs)
            self._edit([(r, r.replace(y=top)) for r in recs], "align")

    def distribute_horizontally(self, ids) -> None:
        """Equal gaps between the elements, the leftmost and rightmost staying put."""
        recs = sorted(self._placed(ids), key=lambda r: r.x)
        if len(recs) < 3:
            return
        span = recs[-1].x + recs[-1].w - recs[0].x
        gap = (span - sum(r.w for r in recs)) / (len(recs) - 1)
        x, pairs = recs[0].x, []
        for r in recs:
            pairs.append((r, r.replace(x=round(x, 2))))
            x += r.w + gap
        self._edit(pairs, "distribute")

    def delete(self, ids) -> None:
        ids = [i for i in ids if i in self.by_id]
        if ids:
            try:
                self.workshop.remove(ids, label="delete")
            except FurikaeriError as exc:
                self.messageRequested.emit(exc.text())

    # -- duplicate, copy, paste ------------------------------------------------------
    def _clones(self, recs: list[Element], dx: float, dy: float, board=None) -> list[Element]:
        """Copies with new ids, shifted; connectors keep only ends copied with them."""
        fresh = {r.id: new_id() for r in recs}
        out = []
        top = self.workshop.max_z(*(board or (recs[0].session_id, recs[0].group_id)))
        for i, r in enumerate(sorted(recs, key=lambda r: (isinstance(r, Connector), r.z))):
            fields = dict(id=fresh[r.id], x=r.x + dx, y=r.y + dy, z=top + 1 + i)
            if board is not None:
                fields.update(session_id=board[0], group_id=board[1])
            if isinstance(r, Connector):
                if r.source_id not in fresh or r.target_id not in fresh:
                    continue
                fields.update(source_id=fresh[r.source_id], target_id=fresh[r.target_id])
            if isinstance(r, Note):
                now = self.workshop.now()
                fields.update(created=now, updated=now, votes=0)
            out.append(r.replace(**fields))
        return out

    def _add_and_select(self, recs: list[Element], label: str) -> None:
        if not recs:
            return
        try:
            self.workshop.add(*recs, label=label)
        except FurikaeriError as exc:
            self.messageRequested.emit(exc.text())
            return
        self.select_ids([r.id for r in recs])

    def duplicate(self, ids) -> None:
        recs = self._records(ids)
        if recs:
            self._add_and_select(self._clones(recs, PASTE_OFFSET, PASTE_OFFSET), "duplicate")

    def copy(self, ids) -> None:
        """Put the elements on the clipboard (as elements, and their texts as plain text)."""
        recs = self._records(ids)
        if not recs:
            return
        data = QMimeData()
        payload = [{"table": r.TABLE, "record": codec_for(type(r)).to_dict(r)} for r in recs]
        data.setData(MIME_ELEMENTS, json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        texts = [getattr(r, "text", "") for r in recs if getattr(r, "text", "")]
        data.setText("\n\n".join(texts))
        QGuiApplication.clipboard().setMimeData(data)

    def paste(self, at: QPointF | None = None) -> None:
        """Paste copied elements, or the clipboard's plain text as a new note; refuse images."""
        data = QGuiApplication.clipboard().mimeData()
        area = self.area_at(at) if at is not None else self.areas[0]
        if data is not None and data.hasFormat(MIME_ELEMENTS):
            try:
                payload = json.loads(bytes(data.data(MIME_ELEMENTS)).decode("utf-8"))
                recs = [codec_for(TYPE_BY_TABLE[p["table"]]).from_dict(p["record"])
                        for p in payload]
            except (ValueError, KeyError, TypeError):
                recs = []
            recs = [r for r in recs if isinstance(r, Element)]
            if recs:
                if at is not None:
                    dx = at.x() - area.dx - min(r.x for r in recs)
                    dy = at.y() - min(r.y for r in recs)
                else:
                    dx = dy = PASTE_OFFSET
                self._add_and_select(self._clones(recs, dx, dy, area.key), "paste")
                return
        if data is not None and data.hasText() and data.text().strip():
            try:
                note = self.workshop.new_note(data.text(), *area.key)
            except FurikaeriError as exc:
                self.messageRequested.emit(exc.text())
                return
            if at is not None:
                note = sized(note).replace(x=at.x() - area.dx, y=at.y())
            else:
                note = place(note, self.workshop.elements_on(*area.key), self)
            self._add_and_select([note], "paste")
        elif data is not None and data.hasImage():
            self.messageRequested.emit(self.tr("Only text can be pasted onto the board."))
