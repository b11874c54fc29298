"""The one-page poster (A3 landscape by default): every board's picture and the themes.

The boards fill a grid on the left, each scaled to its cell; the right
column lists every board's themes with their notes and votes, shrunk to
fit so the poster is always exactly one page.

The boards are small here, so the pictures keep a type of their own
(:data:`POSTER_TYPE`: titles and headings at least 7 pt, author names 6 pt);
a board too small for its notes' text at that size shows its notes as
blocks (the notes are in the minutes, in full).  The poster prints the
smallest size it used under the pictures: 「この図の文字は最小 N pt」.
"""

from __future__ import annotations

import io
import math
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Frame, KeepInFrame, Paragraph

from facilitator.i18n import format_date, translate
from facilitator.minutes.board import NOTE_FONT, STRETCH, BoardPicture, Type, bounds
from facilitator.minutes.content import Minutes
from facilitator.minutes.fonts import FONT, draw_string, markup, register_fonts
from facilitator.minutes.layout import ACCENT, MUTED, RULE, Options, styles


CAPTION = 22.0   # room for a board's caption above it
# The smallest type of the poster's pictures (points on paper).
POSTER_TYPE = Type(text=7.0, author=6.0)


def _grid(regions, width: float, height: float) -> tuple[int, float]:
    """Columns, and the one scale for every board, that make the boards largest.

    Rows are as tall as their tallest board, so short boards leave no gaps.
    """
    best = (1, 0.0)
    for cols in range(1, len(regions) + 1):
        rows = [regions[i:i + cols] for i in range(0, len(regions), cols)]
        fit_w = min((width / cols - 8) / r[2] for r in regions)
        fit_h = (height - CAPTION * len(rows)) / sum(max(r[3] for r in row) for row in rows)
        scale = min(fit_w, fit_h, 1.0)
        if scale > best[1]:
            best = (cols, scale)
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
    facts = "　".join(x for x in (format_date(info.date), f"{info.start_time}–{info.end_time}",
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
        cols, scale = _grid(regions, area_w, area_h)
        cw = area_w / cols
        # A note's text when the board's own size is not far below the poster's minimum.
        note_text = scale * NOTE_FONT * STRETCH >= POSTER_TYPE.text
        smallest = float("inf")
        y = top
        for start in range(0, len(boards), cols):
            row = list(zip(boards, regions))[start:start + cols]
            for col, (b, region) in enumerate(row):
                caption = f"{b.group.name}｜{b.session.title}" if b.group else b.session.title
                pic = BoardPicture(b.elements, region, scale, note_text=note_text,
                                   type=POSTER_TYPE)
                x = m + col * cw
                c.setFillColor(MUTED)
                draw_string(c, x, y - 12, caption, 10)
                pic.drawOn(c, x, y - 18 - pic.height)
                smallest = min(smallest, pic.smallest)
            y -= CAPTION + max(r[3] for _, r in row) * scale
        if smallest < float("inf"):
            c.setFillColor(MUTED)
            pt = f"{math.floor(smallest * 10) / 10:g}"
            draw_string(c, m, m / 2, translate("Report", "Text in these pictures is at least "
                                                         "{pt} pt").format(pt=pt), 9)
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
