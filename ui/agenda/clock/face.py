"""The room clock's face: remaining time very large, the session's title and prompts.

The face paints only what it is given (:meth:`ClockFace.show_reading`); the
controller calls it when the shown second, the phase or the session changes,
so a repaint happens at most once a second.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPixmap
from PySide6.QtWidgets import QWidget

from facilitator.agenda.timer import PHASE_OVER
from ui.i18n import is_language_change
from ui.agenda.clock.reading import IDLE_COLOURS, PHASE_COLOURS, Reading, clock_text  # noqa: F401 (re-exported)

class ClockFace(QWidget):
    """Paints a :class:`Reading`; ``compact`` leaves the prompts out (the board overlay)."""

    clicked = Signal()

    def __init__(self, parent=None, compact: bool = False) -> None:
        super().__init__(parent)
        self.compact = compact
        #: Share of the height for the title (the large board clock gives the digits more).
        self.title_share = 0.24 if compact else 0.16
        self.reading = Reading()
        self.retranslate()
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(160, 90)
        self._time_rect: QRectF | None = None
        # Large glyphs are drawn as paths (slow): each character of the time is
        # rendered once per size and colour and then blitted.
        self._glyphs: dict[tuple, QPixmap] = {}

    def retranslate(self) -> None:
        """Words in the language chosen (again after 表示 › 言語)."""
        self.paused_text = self.tr("Paused")
        self.idle_title = self.tr("The clock is not running")
        self.over_text = self.tr("Over time")
        self.update()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def show_reading(self, reading: Reading) -> bool:
        """Show ``reading``; returns whether anything changed (and was repainted)."""
        if reading == self.reading:
            return False
        only_time = reading == replace(self.reading, text=reading.text)
        self.reading = reading
        if only_time and self._time_rect is not None:
            self.update(self._time_rect.toAlignedRect())  # the next second: digits only
        else:
            self.update()
        return True

    def background(self) -> QColor:
        return QColor(self.reading.colours[0])

    def paintEvent(self, event) -> None:  # noqa: N802
        r = self.reading
        bg, fg = (QColor(c) for c in r.colours)
        p = QPainter(self)
        p.fillRect(self.rect(), bg)
        p.setPen(fg)
        w, h = float(self.width()), float(self.height())
        pad = min(w, h) * 0.05
        title_h = h * self.title_share
        prompts = () if self.compact else r.prompts
        prompt_h = h * 0.30 if prompts else 0.0
        time_rect = QRectF(pad, pad + title_h, w - 2 * pad, h - 2 * pad - title_h - prompt_h)
        title = r.title
        if r.idle:
            title = self.tr("Next: {title}").format(title=r.title) if r.title else self.idle_title
        if r.paused:
            title = f"{title} — {self.paused_text}"
        elif r.phase == PHASE_OVER and not r.idle:
            title = f"{title} — {self.over_text}"
        self._draw_fitted(p, QRectF(pad, pad, w - 2 * pad, title_h), title, bold=True)
        self._time_rect = time_rect
        self._draw_time(p, time_rect, r.text, fg)
        if prompts:
            lines = prompts[:4]
            line_h = prompt_h / max(3, len(lines))
            for i, line in enumerate(lines):
                rect = QRectF(pad, h - pad - prompt_h + i * line_h, w - 2 * pad, line_h)
                self._draw_fitted(p, rect, f"・{line}", align=Qt.AlignmentFlag.AlignLeft)
        p.end()

    def _time_font(self, rect: QRectF) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setFeature(QFont.Tag("tnum"), 1)  # equal-width digits: no jitter
        # Sized for the widest text of this form ("+88:88"), so it does not jump.
        sample = "+8:88:88" if len(self.reading.text) > 6 else "+88:88"
        size = rect.height() * 0.78
        font.setPixelSize(max(6, int(size)))
        width = QFontMetricsF(font).horizontalAdvance(sample)
        if width > rect.width():
            font.setPixelSize(max(6, int(size * rect.width() / width)))
        return font

    def _draw_time(self, p: QPainter, rect: QRectF, text: str, colour: QColor) -> None:
        font = self._time_font(rect)
        metrics = QFontMetricsF(font)
        dpr = self.devicePixelRatioF()
        pixmaps = []
        for ch in text:
            key = (ch, font.pixelSize(), colour.rgba(), dpr, font.family())
            pix = self._glyphs.get(key)
            if pix is None:
                if len(self._glyphs) > 200:
                    self._glyphs.clear()
                w, h = metrics.horizontalAdvance(ch), metrics.height()
                pix = QPixmap(max(1, int(w * dpr + 1)), max(1, int(h * dpr + 1)))
                pix.setDevicePixelRatio(dpr)
                pix.fill(Qt.GlobalColor.transparent)
                gp = QPainter(pix)
                gp.setRenderHint(QPainter.RenderHint.Antialiasing)
                gp.setRenderHint(QPainter.RenderHint.TextAntialiasing)
                gp.setFont(font)
                gp.setPen(colour)
                gp.drawText(QRectF(0, 0, w, h), Qt.AlignmentFlag.AlignCenter, ch)
                gp.end()
                self._glyphs[key] = pix
            pixmaps.append(pix)
        total = sum(pm.width() / dpr for pm in pixmaps)
        x = rect.center().x() - total / 2
        y = rect.center().y() - metrics.height() / 2
        for pm in pixmaps:
            p.drawPixmap(int(round(x)), int(round(y)), pm)
            x += pm.width() / dpr

    def _draw_fitted(self, p: QPainter, rect: QRectF, text: str, bold: bool = False,
                     align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignHCenter) -> None:
        """Draw ``text`` as large as fits ``rect`` (one line)."""
        if not text or rect.height() < 4:
            return
        font = QFont(self.font())
        font.setBold(bold)
        size = rect.height() * 0.78
        font.setPixelSize(max(6, int(size)))
        width = QFontMetricsF(font).horizontalAdvance(text)
        if width > rect.width():
            font.setPixelSize(max(6, int(size * rect.width() / width)))
        p.setFont(font)
        p.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter, text)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)
