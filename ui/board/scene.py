"""The board scene: items drawn from one board's records, kept in step with the file.

The scene listens to the workshop and, on each :class:`Change`, refreshes only
the records it touched.  It never changes an item's geometry for good on its
own: gestures end in one workshop edit, and the listener redraws from the
records the file now holds, so scene and file cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem

from facilitator.workshop.changes import Change
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import (
    NOTE_W, Connector, Element, Frame, Group, Heading, Note, Stamp, Stroke, new_id,
)
from ui.board.commands import SceneCommands
from ui.board.editor import InlineEditor
from ui.board.ink import ConnectorItem, StrokeItem
from ui.board.items import FrameItem, HeadingItem, NoteItem, StampItem
from ui.board.placing import drawn_height, sized
from ui.board.style import NOTE_FALLBACK_COLOR, PAD, Look, color_or
from ui.board.tools import SceneTools

#: Gap between group areas when all group boards are shown side by side.
AREA_GAP = 160.0
AREA_MIN_W = 1000.0
_ITEM_TYPES = {Note: NoteItem, Heading: HeadingItem, Frame: FrameItem, Stamp: StampItem,
               Stroke: StrokeItem, Connector: ConnectorItem}


@dataclass
class Area:
    """One board shown in the scene, shifted right by ``dx`` points."""

    session_id: str
    group_id: str | None
    dx: float = 0.0
    label: str = ""
    color: str = ""
    left: float = float("-inf")   # where the area starts in the scene

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.session_id, self.group_id)


class BoardScene(SceneTools, SceneCommands, QGraphicsScene):
    """One board (or every group board of a session side by side) of a workshop."""

    #: A sentence to show the user (a refused edit, a refused paste).
    messageRequested = Signal(str)

    def __init__(self, workshop, session_id: str, group_id: str | None = None, *,
                 all_groups: bool = False, presentation: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.workshop = workshop
        self.session_id = session_id
        self.group_id = group_id
        self.all_groups = all_groups
        self.look = Look(presentation)
        self.by_id: dict[str, object] = {}
        self.links: dict[str, set[str]] = {}   # element id -> ids of its connectors
        self.editor: InlineEditor | None = None
        self._bounds = QRectF()
        self._decor: list = []
        self._target_group: str | None = None   # side by side: the area typed notes go to
        self.init_tools()
        self.areas = self._make_areas()
        self._by_key = {a.key: a for a in self.areas}
        self._load()
        workshop.listeners.append(self._on_change)

    # -- building ------------------------------------------------------------------
    def _make_areas(self) -> list[Area]:
        ws = self.workshop
        groups = ws.groups_of(self.session_id) if self.all_groups else []
        if not groups:
            group = ws.get(Group, self.group_id)
            return [Area(self.session_id, self.group_id, 0.0,
                         group.name if group else "", group.color if group else "")]
        areas, left = [], 0.0
        for g in groups:
            elements = ws.elements_on(self.session_id, g.id)
            x0 = min((e.x for e in elements), default=0.0)
            x1 = max((e.x + e.w for e in elements), default=0.0)
            areas.append(Area(self.session_id, g.id, left - x0, g.name, g.color, left))
            left += max(x1 - x0, AREA_MIN_W) + AREA_GAP
        return areas

    def _load(self) -> None:
        for area in self.areas:
            records = self.workshop.elements_on(*area.key)
            for rec in records:
                if not isinstance(rec, Connector):
                    self._create(rec, area)
            for rec in records:
                if isinstance(rec, Connector):
                    self._create(rec, area)
        if self._bounds.isNull():  # an empty board: paper around where notes will go
            self.setSceneRect(QRectF(0, 0, AREA_MIN_W, 600).adjusted(-3000, -3000, 3000, 3000))
        self._decorate()

    def _decorate(self) -> None:
        """Labelled, tinted backgrounds behind each group's area (side-by-side view)."""
        for item in self._decor:
            self.removeItem(item)
        self._decor = []
        if len(self.areas) < 2:
            return
        top = min(self._bounds.top(), 0.0) - 80
        bottom = max(self._bounds.bottom(), 600.0) + 40
        font = QFont(self.look.title_font)
        font.setPixelSize(font.pixelSize() * 2)
        for i, area in enumerate(self.areas):
            right = (self.areas[i + 1].left - AREA_GAP / 2 if i + 1 < len(self.areas)
                     else max(self._bounds.right(), area.left + AREA_MIN_W) + 40)
            left = area.left - (40 if i == 0 else AREA_GAP / 2)
            tint = color_or(area.color, "#DDDDDD")
            tint.setAlpha(40)
            band = QGraphicsRectItem(QRectF(left, top, right - left, bottom - top))
            band.setBrush(QBrush(tint))
            band.setPen(QPen(QColor(0, 0, 0, 0)))
            band.setZValue(-1e12)
            label = QGraphicsSimpleTextItem(area.label, band)
            label.setFont(font)
            label.setPos(area.left, top + 12)
            band.setData(0, area.group_id)
            self.addItem(band)
            self._decor.append(band)
        self._show_target()

    def set_target_group(self, group_id: str | None) -> None:
        """Side by side: outline the area of the group typed notes go to, and say so."""
        self._target_group = group_id
        self._show_target()

    def _show_target(self) -> None:
        for band in self._decor:
            area = self._by_key.get((self.session_id, band.data(0)))
            label = band.childItems()[0]
            if area is not None and area.group_id == self._target_group:
                pen = QPen(color_or(area.color, "#888888").darker(160), 4.0)
                pen.setCosmetic(True)  # as thick at any zoom
                band.setPen(pen)
                label.setText(self.tr("{group} ← typing here").format(group=area.label))
            else:
                band.setPen(QPen(QColor(0, 0, 0, 0)))
                if area is not None:
                    label.setText(area.label)

    def _create(self, rec: Element, area: Area):
        cls = _ITEM_TYPES[type(rec)]
        if cls is NoteItem:
            item = NoteItem(rec, self.look, area.dx, self.note_fill(rec))
        else:
            item = cls(rec, self.look, area.dx)
        self.by_id[rec.id] = item
        if isinstance(rec, Connector):
            for end in (rec.source_id, rec.target_id):
                if end:
                    self.links.setdefault(end, set()).add(rec.id)
            self._aim(item)
        self.addItem(item)
        self._grow(item)
        return item

    def _remove(self, rid: str) -> None:
        item = self.by_id.pop(rid, None)
        if item is None:
            return
        if isinstance(item, ConnectorItem):
            for end in (item.rec.source_id, item.rec.target_id):
                self.links.get(end, set()).discard(rid)
        self.removeItem(item)

    def _aim(self, item: ConnectorItem, moving: dict[str, QPointF] | None = None) -> None:
        rec = item.rec
        item.set_record(rec, self.end_rect(rec.source_id, moving),
                        self.end_rect(rec.target_id, moving))

    def end_rect(self, rid: str | None, moving: dict[str, QPointF] | None = None) -> QRectF | None:
        item = self.by_id.get(rid) if rid else None
        if item is None or isinstance(item, ConnectorItem):
            return None
        rect = item.mapRectToScene(item.rect()) if hasattr(item, "rect") else \
            item.sceneBoundingRect()
        return rect

    def reaim_links(self, ids) -> None:
        """Re-aim the connectors attached to ``ids`` (after they moved)."""
        for rid in ids:
            for cid in self.links.get(rid, ()):
                conn = self.by_id.get(cid)
                if conn is not None:
                    self._aim(conn)

    def _grow(self, item) -> None:
        self._bounds = self._bounds.united(item.sceneBoundingRect())
        # The paper never runs out: there is always room around what is drawn.
        self.setSceneRect(self._bounds.adjusted(-3000, -3000, 3000, 3000))

    def note_fill(self, rec: Note) -> str:
        """A note's colour: its own, else its group's."""
        if rec.color:
            return rec.color
        group = self.workshop.get(Group, rec.group_id)
        return group.color if group else NOTE_FALLBACK_COLOR

    def area_of(self, rec) -> Area | None:
        return self._by_key.get((rec.session_id, rec.group_id))

    def area_at(self, pos: QPointF) -> Area:
        """The area (board) a scene point belongs to: the last one starting left of it."""
        chosen = self.areas[0]
        for area in self.areas:
            if pos.x() >= area.left - AREA_GAP / 2:
                chosen = area
        return chosen

    # -- following the workshop ------------------------------------------------------
    def _on_change(self, change: Change) -> None:
        touched: set[str] = set()
        groups_recoloured = {after.id for _, after in change.updated if isinstance(after, Group)}
        for rec in change.removed:
            if isinstance(rec, Element):
                self._remove(rec.id)
                touched.add(rec.id)
        later: list[tuple[Element, Area]] = []
        for rec in [*change.added, *(after for _, after in change.updated)]:
            if not isinstance(rec, Element):
                continue
            area = self.area_of(rec)
            item = self.by_id.get(rec.id)
            if item is not None and (area is None or item.dx != area.dx):
                self._remove(rec.id)
                item = None
            if area is None:
                continue
            touched.add(rec.id)
            if item is None:
                later.append((rec, area))
            elif isinstance(item, ConnectorItem):
                self._unlink(item)
                item.rec = rec
                self._link(item)
                self._aim(item)
            else:
                item.set_record(rec)
                if isinstance(item, NoteItem):
                    item.set_fill(self.note_fill(rec))
                self._grow(item)
        later.sort(key=lambda pair: isinstance(pair[0], Connector))  # ends first
        for rec, area in later:
            self._create(rec, area)
        if groups_recoloured:
            for item in self.by_id.values():
                if isinstance(item, NoteItem) and item.rec.group_id in groups_recoloured:
                    item.set_fill(self.note_fill(item.rec))
        self.reaim_links(touched)
        if self.editor is not None and self.editor.target_id in \
                {r.id for r in change.removed}:
            self.editor.finish(False)

    def _unlink(self, item: ConnectorItem) -> None:
        for end in (item.rec.source_id, item.rec.target_id):
            self.links.get(end, set()).discard(item.rid)

    def _link(self, item: ConnectorItem) -> None:
        for end in (item.rec.source_id, item.rec.target_id):
            if end:
                self.links.setdefault(end, set()).add(item.rid)

    def detach(self) -> None:
        """Stop following the workshop (finishing any edit in progress)."""
        if self.editor is not None:
            self.editor.finish(True)
        if self._on_change in self.workshop.listeners:
            self.workshop.listeners.remove(self._on_change)
        self.blockSignals(True)  # it is about to go: no selection news while items die

    # -- reading ---------------------------------------------------------------------
    def element_items(self) -> list:
        return list(self.by_id.values())

    def newest_note(self):
        """The note typed last (the latest ``created``), or None on a board without notes."""
        notes = [it for it in self.by_id.values() if isinstance(it, NoteItem)]
        return max(notes, key=lambda it: (it.rec.created, it.rec.z), default=None)

    def area_labels(self) -> list:
        """The group names over the areas (side-by-side view), to keep them in view."""
        return [child for band in self._decor for child in band.childItems()]

    def item_for(self, rid: str):
        return self.by_id.get(rid)

    def selected_ids(self) -> list[str]:
        return [it.rid for it in self.selectedItems() if hasattr(it, "rid")]

    def select_ids(self, ids) -> None:
        self.clearSelection()
        for rid in ids:
            item = self.by_id.get(rid)
            if item is not None:
                item.setSelected(True)

    def set_presentation(self, on: bool) -> None:
        self.look = Look(on)
        for item in self.by_id.values():
            item.set_look(self.look)
            if isinstance(item, ConnectorItem):
                continue
            self._grow(item)
        self.reaim_links(list(self.by_id))
        self.update()

    # -- in-place editing ------------------------------------------------------------------
    def begin_edit(self, item) -> InlineEditor | None:
        """Edit a note's or heading's text in place."""
        if isinstance(item, NoteItem):
            kind, font, fill = "note", self.look.note_font, color_or(item.fill.name(), "#FFF")
            width, pos = item.rec.w - 2 * PAD, item.scenePos() + QPointF(PAD - 4, PAD - 4)
            text = item.rec.text
        elif isinstance(item, HeadingItem):
            kind, fill = item.rec.kind, QColor(255, 255, 255, 230)
            font = self.look.heading_font(item.rec.size, item.rec.kind)
            width, pos, text = item.rect().width(), item.scenePos(), item.rec.text
        elif isinstance(item, FrameItem):
            kind, font, fill = "frame", self.look.title_font, QColor(255, 255, 255, 230)
            width, pos, text = item.rect().width() - 2 * PAD, item.scenePos(), item.rec.title
        else:
            return None
        item.editing = True
        item.setSelected(False)
        item.update()
        area = self.area_of(item.rec)
        return self._open_editor(kind, item.rid, area.key if area else (self.session_id, None),
                                 pos, width, text, font, fill)

    def begin_new(self, kind: str, pos: QPointF) -> InlineEditor:
        """Start typing a new note (or heading/text) at scene point ``pos``."""
        area = self.area_at(pos)
        if kind == "note":
            fill = color_or(self.note_fill(Note(id="", group_id=area.group_id)), "#FFF")
            return self._open_editor("note", None, area.key, pos, NOTE_W - 2 * PAD, "",
                                     self.look.note_font, fill)
        font = self.look.heading_font(28.0 if kind == "heading" else 16.0, kind)
        return self._open_editor(kind, None, area.key, pos, 320.0, "", font,
                                 QColor(255, 255, 255, 230))

    def _open_editor(self, kind, target_id, board, pos, width, text, font, fill) -> InlineEditor:
        if self.editor is not None:
            self.editor.finish(True)
        editor = InlineEditor(kind=kind, target_id=target_id, board=board, pos=pos,
                              width=width, text=text, font=font, fill=fill,
                              on_done=self._editor_done, on_message=self.messageRequested.emit)
        self.addItem(editor)
        self.editor = editor
        self.clearSelection()
        editor.setFocus()
        return editor

    def _editor_done(self, editor: InlineEditor, accepted: bool) -> None:
        if self.editor is editor:
            self.editor = None
        target = self.by_id.get(editor.target_id) if editor.target_id else None
        if target is not None:
            target.editing = False
            target.update()
        editor.clearFocus()
        editor.hide()
        # Removed later: this may run inside the editor's own key handler.
        QTimer.singleShot(0, lambda: editor.scene() is self and self.removeItem(editor))
        if accepted:
            try:
                self._commit_text(editor, target)
            except FurikaeriError as exc:
                if editor.target_id is not None or editor.text().strip():
                    self.messageRequested.emit(exc.text())

    def _edit_note(self, rec: Note, text: str) -> None:
        """New text for note ``rec``, its height with it in the same (undoable) step: the
        minutes and print draw a note at its record's height, so a long edit would be cut
        there while the board shows it whole.  A note made taller by hand than its text
        needed keeps that height; otherwise it gets the height the board draws."""
        from facilitator.workshop.workshop import clean_text
        ws, text = self.workshop, clean_text(text)
        by_hand = rec.h > drawn_height(rec.text, rec.w)
        h = max(rec.h, drawn_height(text, rec.w)) if by_hand else drawn_height(text, rec.w)
        # As Workshop.edit_note_text does, with the height.
        ws.update(rec.id, label="edit", text=text, h=h, updated=ws.now())

    def _commit_text(self, editor: InlineEditor, target) -> None:
        ws, text = self.workshop, editor.text()
        sid, gid = editor.board
        area = self._by_key.get(editor.board) or self.areas[0]
        x, y = editor.pos().x() - area.dx, editor.pos().y()
        if editor.kind == "note":
            if target is not None:
                if text.strip() != target.rec.text:
                    self._edit_note(target.rec, text)
                return
            note = ws.new_note(text, sid, gid, x=x - PAD + 4, y=y - PAD + 4)
            ws.add(sized(note), label="add note")
            return
        from facilitator.workshop.workshop import clean_text
        if editor.kind == "frame":
            title = clean_text(text, allow_empty=True, limit=200)
            if target is not None and title != target.rec.title:
                from facilitator.themes.acceptance import retitle_frame
                retitle_frame(ws, target.rid, title)
            return
        text = clean_text(text)
        if target is not None:
            if text != target.rec.text:
                ws.update(target.rid, label="edit", text=text)
            return
        size = 28.0 if editor.kind == "heading" else 16.0
        ws.add(Heading(id=new_id(), session_id=sid, group_id=gid, x=x, y=y,
                       w=editor.boundingRect().width(), h=0.0, z=ws.max_z(sid, gid) + 1,
                       text=text, size=size, kind=editor.kind), label="add heading")
