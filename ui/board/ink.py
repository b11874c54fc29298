"""Lines on the board: freehand ink strokes and connectors between elements."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from ui.board.style import SELECTION_COLOR, Look, color_or

#: Pressure a mouse stroke records (the middle of a pen's range).
MOUSE_PRESSURE = 0.5


def pressure_width(width: float, pressure: float) -> float:
    """Pen width for ``pressure`` (0..1); the mouse's 0.5 gives ``width`` itself."""
    return width * (0.25 + 1.5 * max(0.0, min(1.0, pressure)))


def _selected(item) -> bool:
    # isSelected(), not option.state: reading the state loads QStyle's enums (~8 ms of a start).
    return item.isSelected()


class StrokeItem(QGraphicsPathItem):
    """Freehand ink: a path through the record's points, wider where pressed harder."""

    resizable = False

    def __init__(self, rec, look: Look, dx: float = 0.0) -> None:
        super().__init__()
        self.look = look
        self.dx = dx
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.set_record(rec)

    @property
    def rid(self) -> str:
        return self.rec.id

    def set_look(self, look: Look) -> None:
        self.look = look

    def set_record(self, rec) -> None:
        self.rec = rec
        self.setPos(rec.x + self.dx, rec.y)
        self.setZValue(rec.z)
        pts = [QPointF(p[0], p[1]) for p in rec.points if len(p) >= 2]
        path = QPainterPath()
        if pts:
            path.moveTo(pts[0])
            for p in pts[1:]:
                path.lineTo(p)
            if len(pts) == 1:  # a dot
                path.addEllipse(pts[0], rec.width / 2, rec.width / 2)
        pressures = [p[2] if len(p) > 2 else MOUSE_PRESSURE for p in rec.points]
        self._widths = [pressure_width(rec.width, p) for p in pressures]
        self._uniform = len(set(pressures)) <= 1
        self._points = pts
        # The pen sets the C++ bounding rect and hit shape: the widest part plus slack.
        self.setPen(QPen(QColor(0, 0, 0, 0), max(self._widths, default=rec.width) + 6,
                         Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        self.setPath(path)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        color = color_or(self.rec.color, "#222222")
        if _selected(self):
            halo = QPen(SELECTION_COLOR, max(self._widths, default=2) + 4,
                        Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            painter.strokePath(self.path(), halo)
        if self._uniform or len(self._points) < 2:
            pen = QPen(color, self._widths[0] if self._widths else self.rec.width,
                       Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
            painter.strokePath(self.path(), pen)
            return
        for i in range(1, len(self._points)):
            width = (self._widths[i - 1] + self._widths[i]) / 2
            painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(self._points[i - 1], self._points[i])


def edge_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the line from ``rect``'s centre to ``toward`` leaves ``rect``."""
    c = rect.center()
    dx, dy = toward.x() - c.x(), toward.y() - c.y()
    if dx == 0 and dy == 0:
        return c
    tx = (rect.width() / 2) / abs(dx) if dx else math.inf
    ty = (rect.height() / 2) / abs(dy) if dy else math.inf
    t = min(tx, ty, 1.0)
    return QPointF(c.x() + dx * t, c.y() + dy * t)


class ConnectorItem(QGraphicsPathItem):
    """A line or arrow between two elements' edges; the scene re-aims it when they move."""

    resizable = False

    def __init__(self, rec, look: Look, dx: float = 0.0) -> None:
        super().__init__()
        self.look = look
        self.dx = dx
        self.rec = rec
        self.line = QLineF()
        self._label_rect = QRectF()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)

    @property
    def rid(self) -> str:
        return self.rec.id

    def set_look(self, look: Look) -> None:
        self.look = look
        self.aim(self.line.p1(), self.line.p2())

    def set_record(self, rec, source: QRectF | None = None, target: QRectF | None = None) -> None:
        """Take ``rec`` and aim at the ends' scene rects (free points when None)."""
        self.rec = rec
        self.setPos(0, 0)
        self.setZValue(rec.z)
        a = QPointF(rec.x + self.dx, rec.y)
        b = QPointF(rec.x + self.dx + rec.w, rec.y + rec.h)
        ca = source.center() if source is not None else a
        cb = target.center() if target is not None else b
        start = edge_point(source, cb) if source is not None else a
        end = edge_point(target, ca) if target is not None else b
        self.aim(start, end)

    def aim(self, start: QPointF, end: QPointF) -> None:
        self.line = QLineF(start, end)
        path = QPainterPath(start)
        path.lineTo(end)
        if self.rec.style == "arrow":
            path.addPolygon(self._head())
        width = max(self.rec.width, 1.0)
        self.setPen(QPen(QColor(0, 0, 0, 0), width + 8))
        self.prepareGeometryChange()  # the label is outside the path's bounds
        self._label_rect = self._place_label()
        self.setPath(path)

    def _place_label(self) -> QRectF:
        """A pill for the label, centred above a flat line or beside a steep one."""
        if not self.rec.label:
            return QRectF()
        metrics = QFontMetricsF(self.look.author_font)
        w = metrics.horizontalAdvance(self.rec.label) + 10
        h = metrics.height() + 4
        c = self.line.center()
        if abs(self.line.dx()) >= abs(self.line.dy()):
            return QRectF(c.x() - w / 2, c.y() - h - 3, w, h)
        return QRectF(c.x() + 6, c.y() - h / 2, w, h)

    def boundingRect(self) -> QRectF:  # noqa: N802
        return super().boundingRect().united(self._label_rect)

    def _head(self) -> QPolygonF:
        line = self.line
        if line.length() < 1:
            return QPolygonF()
        size = 8.0 + 2.5 * self.rec.width
        angle = math.atan2(line.dy(), line.dx())
        tip = line.p2()
        left = QPointF(tip.x() - size * math.cos(angle - 0.45),
                       tip.y() - size * math.sin(angle - 0.45))
        right = QPointF(tip.x() - size * math.cos(angle + 0.45),
                        tip.y() - size * math.sin(angle + 0.45))
        return QPolygonF([tip, left, right, tip])

    def paint(self, painter: QPainter, option, widget=None) -> None:
        color = color_or(self.rec.color, "#444444")
        width = self.rec.width * (1.5 if self.look.presentation else 1.0)
        if _selected(self):
            halo = QPen(SELECTION_COLOR, width + 4)
            painter.setPen(halo)
            painter.drawLine(self.line)
        painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(self.line)
        if self.rec.style == "arrow":
            painter.setBrush(color)
            painter.setPen(QPen(color, 1.0))
            painter.drawPolygon(self._head())
        if self.rec.label and not self._label_rect.isNull():
            # On a pill, so it stays readable where it crosses a note or a frame.
            painter.setPen(QPen(color, 1.0))
            painter.setBrush(QColor(255, 255, 255, 230))
            painter.drawRoundedRect(self._label_rect, 6, 6)
            painter.setFont(self.look.author_font)
            painter.setPen(self.look.text_color)
            painter.drawText(self._label_rect, Qt.AlignmentFlag.AlignCenter, self.rec.label)
