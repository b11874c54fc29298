"""The one-page poster (A3 landscape by default): every board's picture and the themes.

The boards fill a grid on the left, each scaled to its cell; the right
column lists every board's themes with their notes and votes, shrunk to
fit so the poster is always exactly one page.
"""

from __future__ import annotations

import io
import math

from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph

from facilitator.i18n import translate
from facilitator.report.board import BoardPicture, bounds
from facilitator.report.content import Minutes
from facilitator.report.fonts import FONT, draw_string, markup, register_fonts
from facilitator.report.layout import ACCENT, MUTED, RULE, Options, styles


def _grid(count: int, width: float, height: float, regions) -> tuple[int, int]:
    """Columns and rows that give the boards the largest common scale."""
    best, best_scale = (1, count), 0.0
    for cols in range(1, count + 1):
        rows = math.ceil(count / cols)
        cw, ch = width / cols, height / rows
        scale = min(min(cw / r[2], ch / r[3]) for r in regions)
        if scale > best_scale:
            best, best_scale = (cols, rows), scale
    return best


def build_poster(minutes: Minutes, options: Options) -> bytes:
    """The poster as PDF bytes."""
    register_fonts()
    page = options.page_size()
    buf = io.BytesIO()
    c = rl_canvas.Canvas(buf, pagesize=page, initialFontName=FONT)
    info = minutes.info
    c.setTitle(info.title or translate("Report", "Untitled workshop"))
    c.setAuthor("Furikaeri")
    m = options.margin
    w, h = page
    st = styles(11.0)
    c.setFillColor(ACCENT)
    draw_string(c, m, h - m - 22, info.title or translate("Report", "Untitled workshop"), 24)
    c.setFillColor(MUTED)
    facts = "　".join(x for x in (info.date, f"{info.start_time}–{info.end_time}",
                                  info.venue, info.organiser) if x)
    draw_string(c, m, h - m - 40, facts, 11)
    c.setStrokeColor(RULE)
    c.line(m, h - m - 48, w - m, h - m - 48)

    top = h - m - 58
    side = (w - 2 * m) * 0.28
    area_w, area_h = w - 2 * m - side - 8 * mm, top - m
    boards = [b for b in minutes.boards if b.elements]
    if boards:
        regions = [bounds(b.elements) for b in boards]
        cols, rows = _grid(len(boards), area_w, area_h, regions)
        cw, ch = area_w / cols, area_h / rows
        for i, (b, region) in enumerate(zip(boards, regions)):
            col, row = i % cols, i // cols
            caption = f"{b.group.name}｜{b.session.title}" if b.group else b.session.title
            scale = min((cw - 8) / region[2], (ch - 22) / region[3], 1.0)
            pic = BoardPicture(b.elements, region, scale)  # text even when tiny: its texture
            x = m + col * cw
            y = top - row * ch
            c.setFillColor(MUTED)
            draw_string(c, x, y - 12, caption, 10)
            pic.drawOn(c, x, y - 18 - pic.height)
    else:
        c.setFillColor(MUTED)
        draw_string(c, m, top - 20, translate("Report", "The workshop has no graphic record yet."), 14)

    story = [Paragraph(markup(translate("Report", "Themes")), st["h2"])]
    for b in minutes.boards:
        if not b.themes:
            continue
        name = f"{b.group.name}｜{b.session.title}" if b.group else b.session.title
        story.append(Paragraph(markup(name), st["h3"]))
        stack = [(t, 0) for t in b.themes]
        while stack:
            t, depth = stack.pop(0)
            label = (t.label or translate("Report", "Other")) if t.is_other else t.label
            votes = t.theme_votes + t.note_votes
            facts = translate("Report", "{notes} notes").format(notes=len(t.all_notes()))
            if votes:
                facts += "・" + translate("Report", "{votes} votes").format(votes=votes)
            story.append(Paragraph(
                f"{'　' * depth}■ {markup(label)} <font size=8 color='#5A5A5A'>"
                f"{markup(facts)}</font>", st["body"]))
            stack[:0] = [(ch_, depth + 1) for ch_ in t.children]
    if len(story) == 1:
        story.append(Paragraph(markup(translate("Report", "No notes were captured.")), st["empty"]))
    frame = Frame(w - m - side, m, side, top - m, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    frame.addFromList([KeepInFrame(side, top - m, story, mode="shrink")], c)
    c.showPage()
    c.save()
    return buf.getvalue()
