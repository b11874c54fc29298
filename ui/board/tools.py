"""Mouse gestures of the board: select/drag/resize, ink, arrow, frame, text, stamp.

During a gesture only the items move (feedback); when the mouse is released
the gesture becomes ONE workshop edit (one undo step) and the listener redraws
from the records the file holds.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QGraphicsLineItem, QGraphicsPathItem, \
    QGraphicsRectItem, QGraphicsScene

from facilitator.board.attached import carried, record_extent
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Connector, Frame, Stamp, Stroke, new_id
from ui.board.ink import MOUSE_PRESSURE, ConnectorItem, pressure_width
from ui.board.items import FrameItem, HeadingItem, NoteItem
from ui.board.style import GRID, snap

TOOLS = ("select", "ink", "arrow", "frame", "heading", "text")
_LEFT = Qt.MouseButton.LeftButton


def _feedback_pen(width: float = 1.5, dashed: bool = False) -> QPen:
    pen = QPen(QColor("#1E6FD9"), width, Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
    pen.setCosmetic(dashed)
    return pen


class SceneTools:
    """Mixin of :class:`BoardScene` handling the pointer according to ``tool``."""

    def init_tools(self) -> None:
        self.tool = "select"
        self.pressure = MOUSE_PRESSURE     # set by the view from QTabletEvent
        self.ink_color = "#222222"
        self.ink_width = 3.0
        self._gesture: dict | None = None

    def set_tool(self, name: str) -> None:
        if name not in TOOLS and not name.startswith("stamp:"):
            raise ValueError(f"unknown tool {name!r}")
        self._cancel_gesture()
        self.tool = name

    # -- helpers -------------------------------------------------------------------
    def element_at(self, pos: QPointF, *, skip=()):
        """The topmost board element under ``pos`` (connectors last, editor never)."""
        fallback = None
        for item in self.items(pos):
            if getattr(item, "rid", None) in self.by_id and item not in skip:
                if isinstance(item, ConnectorItem):
                    fallback = fallback or item
                    continue
                return item
        return fallback

    @staticmethod
    def scene_rect_of(item) -> QRectF:
        return item.mapRectToScene(item.rect()) if hasattr(item, "rect") else \
            item.sceneBoundingRect()

    def _report(self, exc: FurikaeriError) -> None:
        self.messageRequested.emit(exc.text())

    def _top_z(self, area) -> float:
        return self.workshop.max_z(*area.key) + 1

    def _cancel_gesture(self) -> None:
        g, self._gesture = self._gesture, None
        if not g:
            return
        if g.get("temp") is not None:
            self.removeItem(g["temp"])
        for item, pos in g.get("orig", {}).items():
            item.setPos(pos)
        if g["kind"] == "resize":
            g["item"].set_record(g["item"].rec)
        if g["kind"] in ("move", "resize"):
            self.reaim_links(list(self.by_id))

    # -- events ----------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        pos = event.scenePos()
        if event.button() != _LEFT or self._gesture is not None:
            QGraphicsScene.mousePressEvent(self, event)
            return
        if self.editor is not None and self.editor.isUnderMouse():
            QGraphicsScene.mousePressEvent(self, event)
            return
        if self.editor is not None:
            self.editor.finish(True)
        if self.tool == "select":
            self._press_select(event, pos)
            return
        event.accept()
        area = self.area_at(pos)
        if self.tool == "ink":
            temp = QGraphicsPathItem()
            temp.setPen(QPen(QColor(self.ink_color), self.ink_width, Qt.PenStyle.SolidLine,
                             Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
            temp.setZValue(1e11)
            self.addItem(temp)
            self._gesture = {"kind": "ink", "area": area, "temp": temp,
                             "points": [(pos.x(), pos.y(), self.pressure)]}
            self._redraw_ink()
        elif self.tool == "arrow":
            source = self.element_at(pos)
            if source is None or isinstance(source, ConnectorItem):
                return
            temp = QGraphicsLineItem(QLineF(pos, pos))
            temp.setPen(_feedback_pen(2.0))
            temp.setZValue(1e11)
            self.addItem(temp)
            self._gesture = {"kind": "arrow", "source": source, "temp": temp}
        elif self.tool == "frame":
            temp = QGraphicsRectItem(QRectF(pos, pos))
            temp.setPen(_feedback_pen(1.0, dashed=True))
            temp.setZValue(1e11)
            self.addItem(temp)
            self._gesture = {"kind": "frame", "area": area, "start": pos, "temp": temp}
        elif self.tool in ("heading", "text"):
            self.begin_new(self.tool, pos)
        elif self.tool.startswith("stamp:"):
            pictogram = self.tool.split(":", 1)[1]
            stamp = Stamp(id=new_id(), session_id=area.session_id, group_id=area.group_id,
                          x=pos.x() - area.dx - 32, y=pos.y() - 32, z=self._top_z(area),
                          pictogram=pictogram)
            self._safely(lambda: self.workshop.add(stamp, label="stamp"))

    def _press_select(self, event, pos: QPointF) -> None:
        item = self.element_at(pos)
        if (item is not None and item.isSelected() and getattr(item, "resizable", False)
                and item.handle_rect().contains(item.mapFromScene(pos))):
            event.accept()
            self._gesture = {"kind": "resize", "item": item, "start": pos,
                             "size": (item.rect().width(), item.rect().height())}
            return
        QGraphicsScene.mousePressEvent(self, event)
        item = self.element_at(pos)
        if item is None or not item.isSelected() or not event.isAccepted():
            return
        self._gesture = {"kind": "move", "anchor": item, "start": pos,
                         "moved": False, "delta": QPointF()}

    def _begin_move(self, g: dict) -> None:
        """Collect what a drag carries: the selection, what lies in selected frames and
        the stamps on moved notes (the core decides, so the file gets what is shown)."""
        items = [it for it in self.selectedItems() if getattr(it, "rid", None) in self.by_id]
        boards = {(it.rec.session_id, it.rec.group_id) for it in items}
        elements = [e for key in boards for e in self.workshop.elements_on(*key)]
        ids = carried(elements, [it.rid for it in items], self.board_extent)
        movable = [self.by_id[i] for i in ids if i in self.by_id]
        # Connectors attached by id follow their ends; only free ones move themselves.
        movable = [it for it in movable if not isinstance(it, ConnectorItem)
                   or not (it.rec.source_id or it.rec.target_id)]
        g["items"] = movable
        g["orig"] = {it: it.pos() for it in movable}
        g["moved"] = True

    def board_extent(self, rec) -> tuple[float, float, float, float]:
        """A record's rectangle as drawn (a long note is taller than its record)."""
        item = self.by_id.get(rec.id)
        if item is None or isinstance(item, ConnectorItem) or not hasattr(item, "rect"):
            return record_extent(rec)
        r = item.rect()
        return rec.x, rec.y, r.width(), r.height()

    def mouseMoveEvent(self, event) -> None:
        g = self._gesture
        if g is None:
            QGraphicsScene.mouseMoveEvent(self, event)
            return
        pos = event.scenePos()
        event.accept()
        if g["kind"] == "move":
            if not g["moved"]:
                travel = event.screenPos() - event.buttonDownScreenPos(_LEFT)
                if travel.manhattanLength() < QApplication.startDragDistance():
                    return
                self._begin_move(g)
            anchor = g["orig"].get(g["anchor"], g["anchor"].pos())
            raw = pos - g["start"]
            target = QPointF(snap(anchor.x() + raw.x()), snap(anchor.y() + raw.y()))
            g["delta"] = target - anchor
            for item, orig in g["orig"].items():
                item.setPos(orig + g["delta"])
            self.reaim_links([it.rid for it in g["items"]])
        elif g["kind"] == "resize":
            w0, h0 = g["size"]
            raw = pos - g["start"]
            g["item"].preview_size(max(GRID * 3, snap(w0 + raw.x())),
                                   max(GRID * 3, snap(h0 + raw.y())))
            self.reaim_links([g["item"].rid])
        elif g["kind"] == "ink":
            last = g["points"][-1]
            if abs(pos.x() - last[0]) + abs(pos.y() - last[1]) >= 1.0:
                g["points"].append((pos.x(), pos.y(), self.pressure))
                self._redraw_ink()
        elif g["kind"] == "arrow":
            g["temp"].setLine(QLineF(g["temp"].line().p1(), pos))
        elif g["kind"] == "frame":
            g["temp"].setRect(QRectF(g["start"], pos).normalized())

    def _redraw_ink(self) -> None:
        g = self._gesture
        path = QPainterPath(QPointF(*g["points"][0][:2]))
        for x, y, _p in g["points"][1:]:
            path.lineTo(x, y)
        pen = g["temp"].pen()
        pen.setWidthF(pressure_width(self.ink_width, g["points"][-1][2]))
        g["temp"].setPen(pen)
        g["temp"].setPath(path)

    def mouseReleaseEvent(self, event) -> None:
        g = self._gesture
        if g is None or event.button() != _LEFT:
            QGraphicsScene.mouseReleaseEvent(self, event)
            return
        self._gesture = None
        pos = event.scenePos()
        if g.get("temp") is not None:
            self.removeItem(g["temp"])
            g["temp"] = None
        kind = g["kind"]
        if kind == "move":
            QGraphicsScene.mouseReleaseEvent(self, event)
            self._finish_move(g)
        elif kind == "resize":
            item = g["item"]
            rect = item.rect()
            g["orig"] = {}
            if not self._safely(lambda: self.workshop.update(
                    item.rid, label="resize", w=rect.width(), h=rect.height())):
                item.set_record(item.rec)
        elif kind == "ink":
            self._finish_ink(g)
        elif kind == "arrow":
            self._finish_arrow(g, pos)
        elif kind == "frame":
            self._finish_frame(g, QRectF(g["start"], pos).normalized())

    def _finish_move(self, g: dict) -> None:
        delta = g["delta"]
        if not g["moved"] or (delta.x() == 0 and delta.y() == 0):
            for item, orig in g.get("orig", {}).items():
                item.setPos(orig)
            return
        ids = [it.rid for it in g["items"]]
        source = self.area_of(g["anchor"].rec)
        target = self.area_at(self.scene_rect_of(g["anchor"]).center())
        if source is not None and target is not source and all(
                self.area_of(it.rec) is source for it in g["items"]):
            # Dropped on another group's board (side-by-side view): it joins that group.
            shift = delta.x() + source.dx - target.dx
            action = lambda: self.workshop.move_to_board(  # noqa: E731
                ids, target.session_id, target.group_id, shift, delta.y(), label="move")
        else:
            action = lambda: self.workshop.move(  # noqa: E731
                ids, delta.x(), delta.y(), label="move")
        if not self._safely(action):
            for item, orig in g["orig"].items():
                item.setPos(orig)
            self.reaim_links(ids)

    def _finish_ink(self, g: dict) -> None:
        pts, area = g["points"], g["area"]
        x0 = min(p[0] for p in pts)
        y0 = min(p[1] for p in pts)
        x1 = max(p[0] for p in pts)
        y1 = max(p[1] for p in pts)
        stroke = Stroke(id=new_id(), session_id=area.session_id, group_id=area.group_id,
                        x=x0 - area.dx, y=y0, w=x1 - x0, h=y1 - y0, z=self._top_z(area),
                        color=self.ink_color, width=self.ink_width,
                        points=[[round(x - x0, 2), round(y - y0, 2), round(p, 3)]
                                for x, y, p in pts])
        self._safely(lambda: self.workshop.add(stroke, label="ink"))

    def _finish_arrow(self, g: dict, pos: QPointF) -> None:
        source = g["source"]
        target = self.element_at(pos, skip=(source,))
        if target is None or isinstance(target, ConnectorItem):
            return
        a, b = self.scene_rect_of(source).center(), self.scene_rect_of(target).center()
        area = self.area_of(source.rec) or self.areas[0]
        conn = Connector(id=new_id(), session_id=area.session_id, group_id=area.group_id,
                         x=a.x() - area.dx, y=a.y(), w=b.x() - a.x(), h=b.y() - a.y(),
                         z=self._top_z(area), source_id=source.rid, target_id=target.rid)
        self._safely(lambda: self.workshop.add(conn, label="connect"))

    def _finish_frame(self, g: dict, rect: QRectF) -> None:
        if rect.width() < GRID * 3 or rect.height() < GRID * 3:
            return
        area = g["area"]
        zs = [it.rec.z for it in self.by_id.values() if it.dx == area.dx]
        frame = Frame(id=new_id(), session_id=area.session_id, group_id=area.group_id,
                      x=snap(rect.x() - area.dx), y=snap(rect.y()), w=snap(rect.width()),
                      h=snap(rect.height()), z=min(zs, default=0.0) - 1)
        from facilitator.themes.acceptance import add_theme_frame
        if self._safely(lambda: add_theme_frame(self.workshop, frame)):
            item = self.by_id.get(frame.id)
            if item is not None:
                self.begin_edit(item)

    def _safely(self, action) -> bool:
        try:
            action()
        except FurikaeriError as exc:
            self._report(exc)
            return False
        return True

    def mouseDoubleClickEvent(self, event) -> None:
        pos = event.scenePos()
        if event.button() != _LEFT:
            QGraphicsScene.mouseDoubleClickEvent(self, event)
            return
        if self.editor is not None and self.editor.isUnderMouse():
            QGraphicsScene.mouseDoubleClickEvent(self, event)
            return
        event.accept()
        item = self.element_at(pos)
        if isinstance(item, (NoteItem, HeadingItem, FrameItem)):
            self.begin_edit(item)
        elif item is None and self.tool == "select":
            self.begin_new("note", pos)
