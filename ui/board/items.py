"""Board items drawn from records: notes, headings, frames and stamps.

Items are views of records: :meth:`set_record` takes the record as the file
holds it and never the other way round; the scene turns user gestures into
workshop edits and the listener brings the new records back here.

Every item is a ``QGraphicsRectItem`` so that bounding rects and the scene
index stay in C++ (5,000 Python ``boundingRect`` calls per repaint would
cost more than a frame); only ``paint`` is Python, and it draws just a
coloured rectangle when zoomed far out.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QStaticText,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsRectItem

from facilitator.workshop.model import Element
from facilitator.paths import STAMPS_DIR
from ui.board.style import (
    FRAME_BAR, LOD_FIRST_WORDS, LOD_SHAPES_ONLY, MIN_GIST_PX, MIN_TITLE_PX, PAD,
    SELECTION_COLOR, Look, color_or, elide_line, font_at_least, layout_text, needs_layout,
)

HANDLE = 12.0
#: Below this on-screen size a heading's text is a light band (its glyphs would be specks).
HEADING_INK_PX = 4.0
#: In F5 a selected frame's spotlight goes round its outside, clear of its title.
FRAME_SPOT_OUT = 7.0
# A transparent pen widens the C++ bounding rect so the shadow repaints.
_MARGIN_PEN = QPen(QColor(0, 0, 0, 0), 8.0)
_SHADOW_OFFSET, _SHADOW = QPointF(2.0, 3.0), QColor(0, 0, 0, 34)


_DOT, _DOT_COLOR, _DOT_RIM = 12.0, QColor("#D7263D"), QColor(255, 255, 255)
#: More votes than this show as one dot and a count ("●×12"): a row stays countable.
MAX_DOTS = 5
_COUNTS: dict[tuple[int, float], QStaticText] = {}
_COUNT_FONTS: dict[float, QFont] = {}


def dots_width(count: int, size: float = _DOT) -> float:
    """How wide :func:`paint_dots` draws ``count`` votes (room to keep free for them)."""
    if count <= 0:
        return 0.0
    if count <= MAX_DOTS:
        return count * (size + 2)
    return size + 2 + size * (0.6 * len(f"×{count}") + 0.6)


def _count_text(count: int, size: float) -> tuple[QStaticText, QFont]:
    """The laid-out "×12" of a pill, made once per count and size (paint stays cheap)."""
    font = _COUNT_FONTS.get(size)
    if font is None:
        font = _COUNT_FONTS[size] = QFont(QApplication.font().family())
        font.setPixelSize(max(6, round(size * 0.95)))
        font.setBold(True)
    text = _COUNTS.get((count, size))
    if text is None:
        text = _COUNTS[(count, size)] = QStaticText(f"×{count}")
        text.prepare(font=font)
    return text, font


def paint_dots(painter: QPainter, right: float, top: float, count: int,
               size: float = _DOT) -> None:
    """Voting dots in a row ending at ``right``; beyond :data:`MAX_DOTS`, one dot
    and the count on a white pill, so the number reads on any note colour."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if count > MAX_DOTS:
        width = dots_width(count, size)
        pill = QRectF(right - width, top - 1, width, size + 2)
        painter.setPen(QPen(_DOT_COLOR, 1.0))
        painter.setBrush(_DOT_RIM)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        text, font = _count_text(count, size)
        painter.setFont(font)
        painter.drawStaticText(QPointF(pill.left() + size + 3,
                                       pill.center().y() - text.size().height() / 2), text)
        shown, right = 1, pill.left() + size + 2
    else:
        shown = count
    painter.setPen(QPen(_DOT_RIM, 1.5))
    painter.setBrush(_DOT_COLOR)
    for i in range(shown):
        painter.drawEllipse(QRectF(right - (i + 1) * (size + 2) + 1, top, size, size))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)


def _lod(painter: QPainter, option) -> float:
    return option.levelOfDetailFromTransform(painter.worldTransform())


SPOTLIGHT_COLOR = QColor("#FF7A00")


def _selection_pen() -> QPen:
    pen = QPen(SELECTION_COLOR, 2.0)
    pen.setCosmetic(True)
    return pen


class ElementItem(QGraphicsRectItem):
    """Common part: the record, its area offset, selection and the resize handle."""

    resizable = True
    editing = False

    def __init__(self, rec: Element, look: Look, dx: float = 0.0) -> None:
        super().__init__()
        self.rec = rec
        self.look = look
        self.dx = dx
        self.setPen(_MARGIN_PEN)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.set_record(rec)

    @property
    def rid(self) -> str:
        return self.rec.id

    def set_record(self, rec: Element) -> None:
        self.rec = rec
        self.setPos(rec.x + self.dx, rec.y)
        self.setZValue(rec.z)
        self.prepareGeometryChange()
        self.setRect(QRectF(0, 0, self.display_width(rec), self.display_height(rec)))
        self.update()

    def set_look(self, look: Look) -> None:
        self.look = look
        self.set_record(self.rec)

    def display_width(self, rec: Element) -> float:
        return max(rec.w, 4.0)

    def display_height(self, rec: Element) -> float:
        return max(rec.h, 4.0)

    def preview_size(self, w: float, h: float) -> None:
        """Show a size during a resize drag (the record changes on release)."""
        self.prepareGeometryChange()
        self.setRect(QRectF(0, 0, w, max(h, self.display_height(self.rec.replace(w=w, h=h)))))

    def handle_rect(self) -> QRectF:
        r = self.rect()
        return QRectF(r.right() - HANDLE, r.bottom() - HANDLE, HANDLE, HANDLE)

    def selected(self, option) -> bool:
        # isSelected(), not option.state: reading the state loads QStyle's enums (~8 ms of a start).
        return self.isSelected()

    def paint_selection(self, painter: QPainter, option) -> None:
        if not self.selected(option):
            return
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.look.presentation:
            # A spotlight the back row can see; no handles to distract the room.
            # Drawn inside the item, so it never leaves traces outside its bounds.
            painter.setPen(QPen(SPOTLIGHT_COLOR, 6.0))
            painter.drawRect(self.rect().adjusted(3, 3, -3, -3))
            return
        painter.setPen(_selection_pen())
        painter.drawRect(self.rect())
        if self.resizable:
            painter.fillRect(self.handle_rect(), SELECTION_COLOR)


class NoteItem(ElementItem):
    """A sticky note: wrapped text, author tag, soft shadow; grows to fit its text."""

    def __init__(self, rec, look: Look, dx: float = 0.0, fill: str = "") -> None:
        self.fill = color_or(fill, "#FFF4A8")
        self.editing = False
        self._layout = None
        self.font = look.note_font
        super().__init__(rec, look, dx)

    def set_fill(self, fill: str) -> None:
        self.fill = color_or(fill, "#FFF4A8")
        self.update()

    def set_record(self, rec) -> None:
        # Vote dots sit on the top edge, half outside the note, clear of its text;
        # a wider transparent pen keeps them inside the (C++) bounding rect.
        self.dot = _DOT * (1.5 if self.look.presentation else 1.0)
        self.setPen(QPen(QColor(0, 0, 0, 0), 2 * self.dot - 8) if rec.votes else _MARGIN_PEN)
        super().set_record(rec)

    def display_height(self, rec) -> float:
        self._layout = None
        self._tag = None
        width = max(rec.w - 2 * PAD, 8.0)
        bottom = PAD + self.look.author_h + 2
        room = rec.h - PAD - bottom
        fonts = self.look.note_fonts

        def fits(font) -> bool:
            self.font, self._layout = font, None
            if not needs_layout(rec.text, width, room, font):
                return True
            self._layout = layout_text(rec.text, width, font)
            return self._layout[1] <= room

        # Shrink to fit: the largest type that fits this note (a binary search over
        # the sizes, largest first: a few layouts per note, even with 5,000 notes).
        if fits(fonts[0]):
            return max(rec.h, 8.0)
        if len(fonts) > 1:
            lo, hi = 1, len(fonts) - 1   # fonts[lo - 1] does not fit; the first that does
            while lo < hi:
                mid = (lo + hi) // 2
                if fits(fonts[mid]):
                    hi = mid
                else:
                    lo = mid + 1
            if fits(fonts[lo]):
                return max(rec.h, 8.0)
        # Not even the normal size fits: the note grows (as it does off the projector).
        return max(rec.h, PAD + self._layout[1] + bottom)

    def text_layout(self):
        if self._layout is None:
            self._layout = layout_text(self.rec.text, max(self.rect().width() - 2 * PAD, 8.0),
                                       self.font)
        return self._layout

    def first_words(self, lod: float) -> tuple[QStaticText, QFont]:
        """The start of the text in a type ≥ MIN_GIST_PX on screen, wrapped to the note
        (made once per note and font step, so zooming out stays cheap)."""
        r = self.rect()
        font = font_at_least(self.font, MIN_GIST_PX, lod)
        # At most as large as two lines of the note's height allow.
        if font.pixelSize() * 1.3 > r.height() - PAD:
            font = QFont(font)
            font.setPixelSize(max(6, int((r.height() - PAD) / 1.3)))
        key = (font.pixelSize(), r.width(), self.rec.text)
        cached = getattr(self, "_gist", None)
        if cached is None or cached[0] != key:
            text = QStaticText(" ".join(self.rec.text.split())[:40])
            text.setTextWidth(max(r.width() - PAD, 1.0))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(font=font)
            cached = self._gist = (key, text, font)
        return cached[1], cached[2]

    def paint_first_words(self, painter: QPainter, lod: float) -> None:
        """Zoomed far out: the first words, large enough to read, clipped to the note."""
        text, font = self.first_words(lod)
        painter.save()
        painter.setClipRect(self.rect())
        painter.setFont(font)
        painter.setPen(self.look.text_color)
        painter.drawStaticText(QPointF(PAD / 2, PAD / 2), text)
        painter.restore()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self.rect()
        # Axis-aligned fills need no antialiasing; with it they cost several times more.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        lod = _lod(painter, option)
        if lod < LOD_SHAPES_ONLY:
            painter.fillRect(r, self.fill)
            if lod >= LOD_FIRST_WORDS and not self.editing:
                self.paint_first_words(painter, lod)
            if self.selected(option):
                painter.setPen(_selection_pen())
                painter.drawRect(r)
            return
        painter.fillRect(r.translated(_SHADOW_OFFSET), _SHADOW)  # soft shadow, no effect
        painter.fillRect(r, self.fill)
        if self.look.border_width:
            painter.setPen(QPen(QColor("#000000"), self.look.border_width))
            painter.drawRect(r)
        if not self.editing:
            painter.setPen(self.look.text_color)
            self.text_layout()[0].draw(painter, QPointF(PAD, PAD))
        if self.rec.author:
            painter.setFont(self.look.author_font)
            painter.setPen(self.look.author_color)
            tag = QRectF(PAD, r.bottom() - PAD - self.look.author_h,
                         r.width() - 2 * PAD, self.look.author_h)
            if self._tag is None:
                self._tag = elide_line(self.rec.author, tag.width(), self.look.author_font)
            painter.drawText(tag, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self._tag)
        if self.rec.votes:
            # Their lower edge 6 points into the note: above the first line (PAD = 8).
            paint_dots(painter, r.right() - PAD, r.top() + 6 - self.dot, self.rec.votes, self.dot)
        self.paint_selection(painter, option)


class HeadingItem(ElementItem):
    """A heading or free text; as wide as its record (or its text), tall enough for it."""

    def __init__(self, rec, look: Look, dx: float = 0.0) -> None:
        self.editing = False
        self._layout = None
        super().__init__(rec, look, dx)

    def display_width(self, rec) -> float:
        font = self.look.heading_font(rec.size, rec.kind)
        if rec.w <= 0:  # no width of its own: as wide as its longest line
            width = max((QFontMetricsF(font).horizontalAdvance(line)
                         for line in rec.text.splitlines() or [""]), default=40.0)
            return min(width + 4, 1200.0)
        return rec.w * (font.pixelSize() / max(rec.size, 1.0) if self.look.presentation else 1)

    def display_height(self, rec) -> float:
        self._layout = layout_text(rec.text, self.display_width(rec),
                                   self.look.heading_font(rec.size, rec.kind))
        return max(rec.h, self._layout[1] + 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        lod = _lod(painter, option)
        font_px = self.look.heading_font(self.rec.size, self.rec.kind).pixelSize()
        if lod < LOD_SHAPES_ONLY / 2 and lod * font_px < HEADING_INK_PX:
            # Too small for any glyph: a light band where the words are (a dark bar
            # read as a redaction); headings are few, so above that their text is drawn.
            tint = color_or(self.rec.color, "#222222")
            tint.setAlpha(70)
            painter.fillRect(self.rect().adjusted(0, 4, 0, -4), tint)
            return
        if not self.editing and self._layout is not None:
            painter.setPen(color_or(self.rec.color, "#222222"))
            self._layout[0].draw(painter, QPointF(0, 2))
        self.paint_selection(painter, option)


class FrameItem(ElementItem):
    """A frame with a title bar; only its bar and border catch the mouse."""

    votes = 0   # dots on the frame's theme (set by the themes controller)

    def set_record(self, rec) -> None:
        # A wider transparent pen in F5 keeps the outer spotlight inside the C++ bounding rect.
        self.setPen(QPen(QColor(0, 0, 0, 0), 2 * (FRAME_SPOT_OUT + 6))
                    if self.look.presentation else _MARGIN_PEN)
        super().set_record(rec)

    def paint_selection(self, painter: QPainter, option) -> None:
        if self.look.presentation and self.selected(option):
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(SPOTLIGHT_COLOR, 6.0, Qt.PenStyle.SolidLine,
                                Qt.PenCapStyle.SquareCap, Qt.PenJoinStyle.MiterJoin))
            out = FRAME_SPOT_OUT
            painter.drawRect(self.rect().adjusted(-out, -out, out, out))
            return
        super().paint_selection(painter, option)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self.rect()
        color = color_or(self.rec.color, "#888888")
        pen = QPen(color, 3.0 if self.look.presentation else 2.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(r)
        bar = QRectF(r.left(), r.top(), r.width(), min(FRAME_BAR, r.height()))
        tint = QColor(color)
        tint.setAlpha(60)
        painter.fillRect(bar, tint)
        lod = _lod(painter, option)
        # Zoomed out in a view, the view draws the title larger, over the notes
        # (BoardView.drawForeground); an export keeps it in the bar as before.
        own_size = lod * self.look.title_font.pixelSize() >= MIN_TITLE_PX
        if self.rec.title and not self.editing and (
                own_size or (widget is None and lod >= LOD_SHAPES_ONLY)):
            painter.setPen(self.look.text_color)
            painter.setFont(self.look.title_font)
            text_rect = bar.adjusted(PAD, 0, -PAD - self._dots_room(), 0)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter,
                             elide_line(self.rec.title, text_rect.width(), self.look.title_font))
        if self.votes:
            paint_dots(painter, r.right() - PAD, r.top() + (min(FRAME_BAR, r.height()) - _DOT) / 2,
                       self.votes)
        self.paint_selection(painter, option)

    def _dots_room(self) -> float:
        return dots_width(self.votes) + PAD if self.votes else 0.0  # the title stops short

    def title_too_small(self, lod: float) -> bool:
        """Whether the title in its bar would be under MIN_TITLE_PX on screen at ``lod``."""
        return bool(self.rec.title) and lod * self.look.title_font.pixelSize() < MIN_TITLE_PX

    def paint_title_over(self, painter: QPainter, lod: float) -> None:
        """The title at MIN_TITLE_PX on screen at least, on a light band across the frame's
        top, in scene coordinates (drawn over the notes by the view when zoomed out: a
        theme's name is what the room looks for)."""
        if self.editing or not self.title_too_small(lod):
            return
        r = self.mapRectToScene(self.rect())
        font = font_at_least(self.look.title_font, MIN_TITLE_PX, lod)
        band = QRectF(r.left(), r.top(), r.width(), min(font.pixelSize() * 1.35, r.height()))
        tint = color_or(self.rec.color, "#888888")
        tint.setAlpha(60)
        painter.fillRect(band, QColor(255, 255, 255, 215))
        painter.fillRect(band, tint)
        painter.setPen(self.look.text_color)
        painter.setFont(font)
        inner = band.adjusted(PAD, 0, -PAD - self._dots_room(), 0)
        painter.drawText(inner, Qt.AlignmentFlag.AlignVCenter,
                         elide_line(self.rec.title, inner.width(), font))

    def shape(self) -> QPainterPath:
        r = self.rect()
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        path.addRect(r.adjusted(-4, -4, 4, 4))
        inner = r.adjusted(6, min(FRAME_BAR, r.height() / 2), -6, -6)
        if inner.isValid():
            path.addRect(inner)
        return path


_RENDERERS: dict[str, QSvgRenderer | None] = {}


def stamp_renderer(pictogram: str) -> QSvgRenderer | None:
    """The SVG of ``pictogram`` from assets/stamps, or None when missing or unreadable."""
    if pictogram not in _RENDERERS:
        path = STAMPS_DIR / f"{pictogram}.svg"
        renderer = None
        if pictogram.replace("_", "").isalnum() and path.is_file():
            try:
                candidate = QSvgRenderer(str(path))
                renderer = candidate if candidate.isValid() else None
            except Exception:  # noqa: BLE001 - an unreadable file draws a placeholder
                renderer = None
        _RENDERERS[pictogram] = renderer
    return _RENDERERS[pictogram]


def forget_stamp_renderers() -> None:
    """Re-read stamp files on next paint (after they changed on disk)."""
    _RENDERERS.clear()


class StampItem(ElementItem):
    """A pictogram from assets/stamps; a dashed placeholder when its SVG is unusable."""

    def is_placeholder(self) -> bool:
        return stamp_renderer(self.rec.pictogram) is None

    def paint(self, painter: QPainter, option, widget=None) -> None:
        r = self.rect()
        renderer = stamp_renderer(self.rec.pictogram)
        if renderer is not None and _lod(painter, option) >= LOD_SHAPES_ONLY / 3:
            renderer.render(painter, r)
        else:
            pen = QPen(QColor("#888888"), 1.5, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QBrush(QColor(240, 240, 240)))
            painter.drawRoundedRect(r.adjusted(2, 2, -2, -2), 6, 6)
            painter.setFont(self.look.title_font)
            painter.drawText(r, Qt.AlignmentFlag.AlignCenter, "?")
        self.paint_selection(painter, option)
