"""The room layout: in F5, the whole board as large tiles and cards the back row reads.

A view, never an edit: each theme (a frame; side by side, a group; on a board
without frames, a note colour) becomes a tile filling its share of the screen,
its title large, its notes as cards in the largest type that fits (words that
do not fit end in an ellipsis).  The stored positions stay as they are; ink,
arrows, stamps and headings are left out.  Tab goes back to the true board;
a click on a tile or a card opens it there (the view glides to it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtWidgets import QApplication, QWidget

from facilitator.workshop.model import Group
from ui.board.items import SPOTLIGHT_COLOR, FrameItem, NoteItem, paint_dots
from ui.board.room_plan import CARD_PAD, LINE, Plan, Tile, plan_room
from ui.board.style import color_or

# Glyphs the back of a 10 m room reads: 1/40 of the screen height; a CJK glyph's ink is
# ~0.87 of the font's pixel size, hence the em a little larger.
ROOM_TEXT_FRACTION, EM_PER_GLYPH = 1 / 40, 1.15
ELLIPSIS = "…"


def reading_order(item) -> tuple:
    r = item.sceneBoundingRect()
    return (round(r.top() / 80), r.left(), r.top())


def tiles_from_scene(scene) -> list[Tile]:
    """The themes of the board ``scene`` shows, in reading order, with their notes."""
    if scene is None:
        return []
    notes = sorted((it for it in scene.by_id.values() if isinstance(it, NoteItem)),
                   key=reading_order)
    if len(scene.areas) > 1:  # every group side by side: a tile per group
        tiles = []
        for area in scene.areas:
            mine = [it for it in notes if scene.area_of(it.rec) is area]
            tiles.append(Tile(area.label, area.color, mine, [it.rid for it in mine]))
        return tiles
    frames = sorted((it for it in scene.by_id.values() if isinstance(it, FrameItem)),
                    key=reading_order)
    if frames:
        home: dict[str, FrameItem] = {}
        # The smallest frame around a note's centre holds it: larger frames first.
        for frame in sorted(frames, key=lambda f: -f.rect().width() * f.rect().height()):
            rect = frame.sceneBoundingRect()
            for it in scene.items(rect):
                if isinstance(it, NoteItem) and rect.contains(it.sceneBoundingRect().center()):
                    home[it.rid] = frame
        tiles = [Tile(f.rec.title, f.rec.color, [n for n in notes if home.get(n.rid) is f],
                      [f.rid]) for f in frames]
        loose = [n for n in notes if n.rid not in home]
        if loose:
            tiles.append(Tile(QCoreApplication.translate("RoomLayout", "Outside the frames"),
                              "#888888", loose, [n.rid for n in loose]))
        return tiles
    # No frames: the notes by colour (a group's colour carries the group's name).
    names = {}
    ws = scene.workshop
    for session in ws.sessions():
        for group in ws.groups_of(session.id):
            if group.color:
                names.setdefault(group.color.lower(), group.name)
    own = ws.get(Group, scene.group_id) if scene.group_id else None
    by_fill: dict[str, list] = {}
    for it in notes:
        by_fill.setdefault(it.fill.name().lower(), []).append(it)
    if len(by_fill) == 1:
        fill, mine = next(iter(by_fill.items()))
        return [Tile(own.name if own else "", fill, mine, [n.rid for n in mine])]
    return [Tile(names.get(fill, ""), fill, mine, [n.rid for n in mine])
            for fill, mine in by_fill.items()]


class RoomLayout(QWidget):
    """Covers the board view in F5 with the room layout of its board."""

    # Ids to show on the true board (a tile or a card was clicked).
    opened = Signal(list)

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.tiles: list[Tile] = []
        self.plan = Plan()
        self.hint = ""
        self._lines: dict = {}
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.hide()

    # -- sizes -----------------------------------------------------------------------
    def screen_h(self) -> int:
        screen = self.screen()
        return screen.geometry().height() if screen is not None else self.height()

    def least_font(self) -> float:
        """The note type whose glyphs are 1/40 of the screen height."""
        return self.screen_h() * ROOM_TEXT_FRACTION * EM_PER_GLYPH

    def hint_h(self) -> float:
        return max(18.0, self.screen_h() / 40)

    def font(self, px: float, bold: bool = False) -> QFont:  # noqa: D102 (QWidget's name)
        font = QFont(QApplication.font().family())
        font.setPixelSize(max(1, round(px)))
        font.setBold(bold)
        return font

    # -- content ---------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the board again (it changed, or the view shows another one)."""
        self.tiles = tiles_from_scene(self.view.board_scene())
        self.replan()

    def replan(self) -> None:
        self._lines = {}
        self.plan = plan_room(self.tiles, self.width(), self.height() - self.hint_h(),
                              self.least_font())
        self.update()

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.replan()

    def at(self, pos: QPointF) -> list:
        """Ids that a click at ``pos`` opens: a card's note, else its tile's theme."""
        for tp in self.plan.tiles:
            if not tp.rect.contains(pos):
                continue
            for note, rect in tp.cards:
                if rect.contains(pos):
                    return [note.rid]
            return list(tp.tile.select)
        return []

    def mousePressEvent(self, event) -> None:  # noqa: N802
        ids = self.at(event.position())
        if ids and event.button() == Qt.MouseButton.LeftButton:
            self.opened.emit(ids)
        event.accept()

    def contextMenuEvent(self, event) -> None:  # noqa: N802
        event.accept()  # not on to the board below: its menu would act on hidden items

    def wheelEvent(self, event) -> None:  # noqa: N802
        event.accept()  # the board below stays where it is

    # -- painting ----------------------------------------------------------------------
    def card_lines(self, note, rect: QRectF, font: QFont) -> tuple[list[str], bool]:
        """The lines of ``note``'s text that fit ``rect`` (the last one elided), and
        whether all of it is shown."""
        px = font.pixelSize()
        key = (note.rid, note.rec.text, round(rect.width()), round(rect.height()), px)
        got = self._lines.get(key)
        if got is not None:
            return got
        pad = CARD_PAD * px
        width = max(1.0, rect.width() - 2 * pad)
        room = max(1, int((rect.height() - 2 * pad) / (LINE * px)))
        text = " ".join(note.rec.text.split())
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        starts = []
        while len(starts) <= room:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            starts.append((line.textStart(), line.textLength()))
        layout.endLayout()
        whole = len(starts) <= room
        lines = [text[s:s + n].rstrip() for s, n in starts[:room]]
        if not whole and lines:
            rest = text[starts[room - 1][0]:]
            lines[-1] = QFontMetricsF(font).elidedText(rest + ELLIPSIS,
                                                       Qt.TextElideMode.ElideRight, width)
        got = self._lines[key] = (lines, whole)
        return got

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        plan = self.plan
        note_font = self.font(plan.font_px)
        title_font = self.font(plan.title_px, bold=True)
        small = self.font(plan.font_px * 0.9)
        for tp in plan.tiles:
            if tp.rect.intersects(QRectF(event.rect())):
                self._paint_tile(painter, tp, note_font, title_font, small)
        if plan.more_tiles is not None:
            painter.setFont(small)
            painter.setPen(QColor("#222222"))
            painter.drawText(plan.more_tiles, Qt.AlignmentFlag.AlignCenter,
                             self.tr("{count} more themes").format(count=plan.hidden_tiles))
        if not self.tiles:
            painter.setFont(self.font(self.least_font()))
            painter.setPen(QColor("#222222"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             self.tr("No notes on this board yet."))
        self._paint_hint(painter)
        painter.end()

    def _paint_tile(self, painter, tp, note_font, title_font, small) -> None:
        px = note_font.pixelSize()
        color = color_or(tp.tile.color, "#888888")
        tint = QColor(color)
        tint.setAlpha(70)
        selected = any(self._selected(rid) for rid in tp.tile.select) and \
            len(tp.tile.select) == 1
        painter.setPen(QPen(SPOTLIGHT_COLOR if selected else color, max(3.0, px * 0.14)))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(tp.rect, px * 0.3, px * 0.3)
        if tp.tile.title:
            band = tp.title_rect
            painter.fillRect(band.adjusted(2, 2, -2, 0), tint)
            painter.setFont(title_font)
            painter.setPen(QColor("#000000"))
            inner = band.adjusted(CARD_PAD * px, 0, -CARD_PAD * px, 0)
            painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                             self._title_text(tp.tile.title, inner, title_font))
        painter.setFont(note_font)
        metrics = QFontMetricsF(note_font)
        lh = LINE * px
        for note, rect in tp.cards:
            painter.fillRect(rect, QColor(note.fill))
            spot = note.isSelected()
            painter.setPen(QPen(SPOTLIGHT_COLOR if spot else QColor("#333333"),
                                max(2.0, px * (0.16 if spot else 0.06))))
            painter.setBrush(Qt.BrushStyle.NoBrush)  # the vote dots left theirs
            painter.drawRect(rect)
            lines, whole = self.card_lines(note, rect, note_font)
            painter.setPen(QColor("#000000"))
            pad = CARD_PAD * px
            y = rect.top() + pad + (lh - metrics.height()) / 2 + metrics.ascent()
            for line in lines:
                painter.drawText(QPointF(rect.left() + pad, y), line)
                y += lh
            if whole and note.rec.author and \
                    rect.bottom() - pad - (y - metrics.ascent()) >= lh * 0.7:
                painter.setFont(self.font(px * 0.6))
                painter.setPen(QColor("#222222"))
                painter.drawText(rect.adjusted(pad, pad, -pad, -pad),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom,
                                 note.rec.author)
                painter.setFont(note_font)
            if note.rec.votes:
                size = px * 0.45
                paint_dots(painter, rect.right() - pad, rect.top() - size / 2,
                           note.rec.votes, size)
                painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if tp.more is not None:
            painter.setFont(small)
            painter.setPen(QColor("#222222"))
            text = (self.tr("+{count} more").format(count=tp.hidden) if tp.cards else
                    self.tr("{count} notes").format(count=tp.hidden) if tp.hidden else
                    self.tr("(no notes)"))
            painter.drawText(tp.more, Qt.AlignmentFlag.AlignCenter, text)
            painter.setFont(note_font)

    def _title_text(self, title: str, rect: QRectF, font: QFont) -> str:
        """``title`` in at most the lines ``rect`` holds, elided."""
        metrics = QFontMetricsF(font)
        if metrics.horizontalAdvance(title) <= rect.width() or \
                rect.height() < 2 * metrics.lineSpacing():
            return metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        # Two lines: as much as fits on the first, the rest elided on the second.
        cut = len(title)
        while cut > 1 and metrics.horizontalAdvance(title[:cut]) > rect.width():
            cut -= 1
        return title[:cut] + "\n" + metrics.elidedText(title[cut:], Qt.TextElideMode.ElideRight,
                                                       rect.width())

    def _selected(self, rid: str) -> bool:
        scene = self.view.board_scene()
        item = scene.item_for(rid) if scene is not None else None
        return item is not None and item.isSelected()

    def _paint_hint(self, painter) -> None:
        if not self.hint:
            return
        font = self.font(self.hint_h() * 0.62)
        painter.setFont(font)
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(0, self.height() - self.hint_h(), self.width() - 12,
                                self.hint_h()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.hint)
