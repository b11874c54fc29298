"""Charts of the minutes, drawn as reportlab vector graphics (bars, axes, labels).

Plain horizontal bar charts need no plotting library: drawn directly they
cost milliseconds (matplotlib, then SVG, then svglib took about a second a
workshop), print sharp at any size and set their text in the minutes' own
fonts (IPAexGothic, with the fallbacks of :mod:`facilitator.minutes.fonts`
for emoji and rare kanji).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from reportlab.graphics.shapes import Drawing, Group, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from facilitator.i18n import translate
from facilitator.minutes.boards import Board
from facilitator.minutes.content import SessionPart
from facilitator.minutes.fonts import register_fonts, runs

PLANNED = colors.HexColor("#B8C7DD")
ACTUAL = colors.HexColor("#2F5D9B")
PAUSE = colors.HexColor("#E39B3C")
VOTES = colors.HexColor("#C0476B")
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A5A5A")
GRID = colors.HexColor("#DDDDDD")

TICK = 7.5      # tick labels, theme and session names
TITLE = 9.5     # a panel's title
ROW = 15.0      # one bar's row
PAIR = 24.0     # one session's row (planned and actual bars)


def _width(text: str, size: float) -> float:
    return sum(stringWidth(run, font, size) for font, run in runs(text))


def _text(g: Group, x: float, y: float, text: str, size: float, color=INK,
          anchor: str = "start") -> None:
    """``text`` at ``(x, y)`` in runs of one font each (emoji in their fallback font)."""
    w = _width(text, size)
    x -= {"start": 0.0, "middle": w / 2, "end": w}[anchor]
    for font, run in runs(text):
        g.add(String(x, y, run, fontName=font, fontSize=size, fillColor=color))
        x += stringWidth(run, font, size)


def _short(text: str, width: float, size: float = TICK) -> str:
    """``text`` on one line, shortened with … to ``width``."""
    text = " ".join(text.split())
    if _width(text, size) <= width:
        return text
    while text and _width(text + "…", size) > width:
        text = text[:-1]
    return text + "…"


def _step(top: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) for an axis from 0 to ``top``."""
    if top <= 0:
        return 1.0
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _legend(g: Group, right: float, y: float, items: list[tuple[str, colors.Color]]) -> None:
    """Colour keys and their names, right-aligned at ``right``."""
    x = right
    for name, color in reversed(items):
        x -= _width(name, TICK)
        _text(g, x, y, name, TICK, MUTED)
        x -= 11
        g.add(Rect(x, y - 0.5, 8, 7, fillColor=color, strokeColor=None))
        x -= 8


def _bars(g: Group, x0: float, y_top: float, width: float, rows: int, row_h: float,
          title: str, top: float, fmt=str) -> tuple[float, float]:
    """A panel's title, value grid and axis; returns (x of 0, points per unit)."""
    height = rows * row_h
    _text(g, x0, y_top + 6, title, TITLE)
    top = max(top, 1e-9)
    step = _step(top)
    end = math.ceil(top / step) * step
    unit = width / end
    y0 = y_top - height
    value = 0.0
    while value <= end + 1e-9:
        x = x0 + value * unit
        g.add(Line(x, y0, x, y_top, strokeColor=GRID, strokeWidth=0.5))
        _text(g, x, y0 - TICK - 2, fmt(value), TICK, MUTED, "middle")
        value += step
    g.add(Line(x0, y0, x0, y_top, strokeColor=MUTED, strokeWidth=0.6))
    g.add(Line(x0, y0, x0 + width, y0, strokeColor=MUTED, strokeWidth=0.6))
    return x0, unit


def _finish(g: Group, width: float, height: float, width_pt: float,
            max_height: float | None) -> Drawing:
    """The drawing ``width_pt`` wide, scaled down as a whole if taller than allowed."""
    scale = min(1.0, max_height / height) if max_height else 1.0
    d = Drawing(width * scale, height * scale)
    g.scale(scale, scale)
    d.add(g)
    return d


def _number(v: float) -> str:
    return f"{v:g}"


def theme_chart(board: Board, width_pt: float, max_height: float | None = None):
    """Notes per theme and votes per theme of one board (two panels, one row a theme)."""
    register_fonts()
    flat, stack = [], list(board.themes)
    while stack:
        t = stack.pop(0)
        flat.append(t)
        stack[:0] = t.children
    other = translate("Report", "Other")
    labels = [(t.label or other) if t.is_other else t.label for t in flat]
    notes = [len(t.notes) for t in flat]
    votes = [t.theme_votes + sum(n.votes for n in t.notes) for t in flat]
    label_w = width_pt * 0.27
    gap = 14.0
    panel = (width_pt - label_w - gap - 8) / 2
    height = len(flat) * ROW + 20 + TICK + 8
    g = Group()
    y_top = height - 20
    for x0, values, title, color in (
            (label_w, notes, translate("Report", "Notes per theme"), ACTUAL),
            (label_w + panel + gap, votes, translate("Report", "Votes per theme"), VOTES)):
        x0, unit = _bars(g, x0, y_top, panel, len(flat), ROW, title, max(values), _number)
        for i, v in enumerate(values):
            y = y_top - (i + 1) * ROW + ROW * 0.2
            if v:
                g.add(Rect(x0, y, v * unit, ROW * 0.6, fillColor=color, strokeColor=None))
    for i, label in enumerate(labels):
        y = y_top - (i + 1) * ROW + ROW * 0.5 - TICK * 0.35
        _text(g, label_w - 4, y, _short(label, label_w - 8), TICK, INK, "end")
    return _finish(g, width_pt, height, width_pt, max_height)


def _clock(p: SessionPart) -> tuple[tuple[datetime, datetime] | None,
                                     tuple[datetime, datetime] | None]:
    """(planned, actual) start and end of a session on one naive wall-clock axis."""
    planned = actual = None
    if p.planned_start and p.planned_end:
        planned = tuple(t.replace(tzinfo=None) for t in (p.planned_start, p.planned_end))
    s = p.session
    if s.actual_start and s.actual_end:
        a, b = (datetime.fromisoformat(t).replace(tzinfo=None)
                for t in (s.actual_start, s.actual_end))
        if p.planned_start and abs(a - p.planned_start.replace(tzinfo=None)
                                   ) > timedelta(hours=12):
            # Held on another day than planned: on the plan's day, to share the axis.
            day = p.planned_start.date()
            a, b = (datetime.combine(day, a.time()), datetime.combine(day, a.time()) + (b - a))
        actual = (a, b)
    return planned, actual


def programme_chart(parts: list[SessionPart], width_pt: float, max_height: float | None = None):
    """Timeline (planned and actual bars on the clock) and minutes per session."""
    register_fonts()
    n = len(parts)
    label_w = width_pt * 0.27
    plot_w = width_pt - label_w - 8
    panel_h = n * PAIR
    block = 20 + panel_h + TICK + 14    # title, bars, tick labels, space
    height = 2 * block + 6
    g = Group()
    names = [_short(p.session.title, label_w - 8) for p in parts]
    planned_word, actual_word = translate("Report", "Planned"), translate("Report", "Actual")

    # The timeline: wall-clock times, ticks every half hour (hour on long days).
    clocks = [_clock(p) for p in parts]
    times = [t for pa in clocks for span in pa if span for t in span]
    y_top = height - 20
    _text(g, label_w, y_top + 6, translate("Report", "Timeline"), TITLE)
    _legend(g, width_pt, y_top + 6, [(planned_word, PLANNED), (actual_word, ACTUAL)])
    if times:
        first, last = min(times), max(times)
        step = timedelta(minutes=30 if last - first <= timedelta(hours=6) else 60)
        origin = datetime.combine(first.date(), datetime.min.time())
        start = origin + step * math.floor((first - origin) / step)
        end = origin + step * math.ceil((last - origin) / step)
        end = max(end, start + step)
        unit = plot_w / (end - start).total_seconds()
        y0 = y_top - panel_h
        t = start
        while t <= end:
            x = label_w + (t - start).total_seconds() * unit
            g.add(Line(x, y0, x, y_top, strokeColor=GRID, strokeWidth=0.5))
            _text(g, x, y0 - TICK - 2, f"{t:%H:%M}", TICK, MUTED, "middle")
            t += step
        for i, (planned, actual) in enumerate(clocks):
            row = y_top - (i + 1) * PAIR
            for span, color, dy in ((planned, PLANNED, 0.52), (actual, ACTUAL, 0.14)):
                if span:
                    x = label_w + (span[0] - start).total_seconds() * unit
                    w = max((span[1] - span[0]).total_seconds() * unit, 0.5)
                    g.add(Rect(x, row + PAIR * dy, w, PAIR * 0.34, fillColor=color,
                               strokeColor=None))
        g.add(Line(label_w, y0, label_w + plot_w, y0, strokeColor=MUTED, strokeWidth=0.6))
    g.add(Line(label_w, y_top - panel_h, label_w, y_top, strokeColor=MUTED, strokeWidth=0.6))
    for i, name in enumerate(names):
        _text(g, label_w - 4, y_top - (i + 0.5) * PAIR - TICK * 0.35, name, TICK, INK, "end")

    # Minutes per session: planned, actual (the paused part of it in its own colour).
    planned = [p.planned_minutes for p in parts]   # the plan the day started with
    actual = [p.actual_minutes or 0 for p in parts]
    pauses = [min(p.pause_minutes, a) for p, a in zip(parts, actual)]
    replanned = [p.replanned_minutes for p in parts]
    y_top = height - block - 20
    keys = [(planned_word, PLANNED), (actual_word, ACTUAL)]
    if any(pauses):
        keys.append((translate("Report", "Paused"), PAUSE))
    if any(r is not None for r in replanned):
        keys.append((translate("Report", "Replanned"), INK))
    _legend(g, width_pt, y_top + 6, keys)
    x0, unit = _bars(g, label_w, y_top, plot_w, n, PAIR, translate("Report", "Time per session"),
                     max(planned + actual + [r for r in replanned if r is not None] + [1]),
                     _number)
    for i, (pl, ac, pa) in enumerate(zip(planned, actual, pauses)):
        row = y_top - (i + 1) * PAIR
        if pl:
            g.add(Rect(x0, row + PAIR * 0.52, pl * unit, PAIR * 0.34, fillColor=PLANNED,
                       strokeColor=None))
        if ac:
            g.add(Rect(x0, row + PAIR * 0.14, (ac - pa) * unit, PAIR * 0.34, fillColor=ACTUAL,
                       strokeColor=None))
        if pa:
            g.add(Rect(x0 + (ac - pa) * unit, row + PAIR * 0.14, pa * unit, PAIR * 0.34,
                       fillColor=PAUSE, strokeColor=None))
        if replanned[i] is not None:  # where a replan during the day moved the timebox
            x = x0 + replanned[i] * unit
            g.add(Line(x, row + PAIR * 0.46, x, row + PAIR * 0.92, strokeColor=INK,
                       strokeWidth=2))
    _text(g, label_w + plot_w, y_top - panel_h - 2 * TICK - 5, translate("Report", "minutes"),
          TICK, MUTED, "end")
    for i, name in enumerate(names):
        _text(g, label_w - 4, y_top - (i + 0.5) * PAIR - TICK * 0.35, name, TICK, INK, "end")
    return _finish(g, width_pt, height, width_pt, max_height)
