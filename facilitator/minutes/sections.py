"""The minutes' story: the platypus flowables of every section, in order.

Cover; contents (目次: every chapter and session with its page, linked; the
same headings are the PDF's bookmarks); participants by organisation and
the staff; the programme with planned and actual times (予実), pauses and
charts; key findings and next steps; every session (prompts, まとめ, per
board: ranking, chart, themes with every note in full); the graphic record
on landscape pages; decisions and action items.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    CondPageBreak, NextPageTemplate, PageBreak, Spacer, Table, TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from facilitator.i18n import format_date, translate
from facilitator.workshop.model import KIND_BREAK
from facilitator.minutes.board import board_pictures
from facilitator.minutes.boards import Board, ThemeBlock
from facilitator.minutes.content import Minutes, SessionPart, hhmm
from facilitator.minutes.fonts import FONT, markup
from facilitator.minutes.layout import ACCENT, RULE, TINT, Paragraph
from facilitator.minutes import people_outcomes


@dataclass(frozen=True)
class Entry:
    """A heading's entry in the PDF outline and (if ``listed``) on the contents page."""

    level: int          # 0: chapter, 1: session
    title: str
    key: str            # the heading's anchor (<a name>), the links' destination
    listed: bool = True

    @property
    def markup(self) -> str:
        return markup(self.title)


class Story:
    """Builds the flowables; ``tr`` translates (context "Story", as lupdate sees it)."""

    def __init__(self, minutes: Minutes, st: dict, frame: tuple[float, float],
                 wide: tuple[float, float] | None, charts: bool = True) -> None:
        self.m = minutes
        self.st = st
        self.frame = frame
        self.wide = wide
        self.charts = charts
        self.out: list = []
        self.chapter = 0
        self.entries: list[Entry] = []

    def numbered(self, title: str) -> Paragraph:
        """A chapter heading, numbered in order (chapters with nothing are left out)."""
        self.chapter += 1
        return self.heading(f"{self.chapter}. {title}", "h1", 0)

    def heading(self, text: str, style: str, level: int, listed: bool = True) -> Paragraph:
        """A heading with an anchor, in the outline and (if ``listed``) the contents."""
        entry = Entry(level, text, f"h{len(self.entries)}", listed)
        self.entries.append(entry)
        para = Paragraph(f'<a name="{entry.key}"/>{entry.markup}', self.st[style])
        para.contents_entry = entry  # read by MinutesDoc.afterFlowable
        return para

    def tr(self, text: str) -> str:
        return translate("Story", text)

    def p(self, text: str, style: str = "body", **kw) -> Paragraph:
        return Paragraph(markup(text), self.st[style], **kw)

    def build(self) -> list:
        self.cover()
        self.out += [NextPageTemplate("normal"), PageBreak()]
        toc = self.contents()
        self.participants()
        self.programme()
        self.findings()
        self.sessions()
        self.graphic_record()
        self.decisions()
        _keep_headings(self.out)
        # Every title known with a dummy page: the first pass already gives the
        # contents its final length, so two passes settle every page number.
        toc.addEntries([(e.level, e.markup, 0, e.key) for e in self.entries if e.listed])
        return self.out

    # -- contents ----------------------------------------------------------------------
    def contents(self) -> TableOfContents:
        """The contents page: every chapter and session, its page, a link to it."""
        body = self.st["body"]
        size = body.fontSize
        level0 = ParagraphStyle("toc0", parent=body, fontSize=size * 1.1, leading=size * 1.9,
                                rightIndent=size * 3, spaceBefore=size * 0.5,
                                textColor=ACCENT)
        level1 = ParagraphStyle("toc1", parent=body, leading=size * 1.6, rightIndent=size * 3,
                                leftIndent=size * 2, firstLineIndent=0)
        toc = TableOfContents(levelStyles=[level0, level1], dotsMinLevel=0)
        self.out += [self.heading(self.tr("Contents"), "h1", 0, listed=False), toc,
                     PageBreak()]
        return toc

    # -- cover -----------------------------------------------------------------------
    def cover(self) -> None:
        info = self.m.info
        self.out += [Spacer(1, self.frame[1] * 0.18),
                     self.p(info.title or self.tr("Untitled workshop"), "title"),
                     self.p(self.tr("Minutes"), "subtitle")]
        when = format_date(info.date)
        time = "–".join(t for t in (info.start_time, info.end_time) if t)
        rows = [(self.tr("Date"), when), (self.tr("Time"), time), (self.tr("Venue"), info.venue),
                (self.tr("Organiser"), info.organiser), (self.tr("Purpose"), info.purpose)]
        rows = [(k, v) for k, v in rows if v]
        if rows:
            self.out.append(self.table([(self.p(k, "small"), self.p(v)) for k, v in rows],
                                       [0.2, 0.8], header=False, lines=False))
        self.out.append(Spacer(1, 24))
        counts = self.tr("{sessions} sessions, {people} participants, {notes} notes").format(
            sessions=len(self.m.sessions),
            people=sum(len(p) for _, p in self.m.organisations) + len(self.m.staff),
            notes=self.m.note_count)
        self.out.append(self.p(counts, "small"))

    # -- people ----------------------------------------------------------------------
    def participants(self) -> None:
        people_outcomes.participants(self)

    # -- programme ---------------------------------------------------------------------
    def programme(self) -> None:
        self.out.append(self.numbered(self.tr("Programme: planned and actual")))
        parts = self.m.sessions
        if not parts:
            self.out.append(self.p(self.tr("The workshop has no agenda."), "empty"))
            return
        head = [self.tr("Session"), self.tr("Planned"), self.tr("Replanned"), self.tr("Actual"),
                self.tr("Difference"), self.tr("Pauses")]
        rows = [tuple(self.p(h, "cellhead") for h in head)]
        for p in parts:
            rows.append(tuple(self.p(c, "cell") for c in self._programme_row(p)))
        self.out.append(self.table(rows, [0.28, 0.15, 0.09, 0.15, 0.14, 0.19]))
        lines = self._day_lines()
        if lines:
            self.out += [Spacer(1, 4), *(self.p(line, "small") for line in lines)]
        if self.charts and any(p.session.actual_start for p in parts):  # something ran
            from facilitator.minutes.charts import programme_chart
            self.out += [Spacer(1, 10), programme_chart(parts, *self._chart_box())]

    def _day_lines(self) -> list[str]:
        """Under the 予実 table: where the plan sat, every replan, and how the day ended."""
        from facilitator.agenda.day import replan_line, shift_line
        day = self.m.day
        if day is None:
            return []
        out = [line for line in [shift_line(day)] if line]
        out += [replan_line(r.at, [(t, o, n) for _, t, o, n in r.changes])
                for r in day.replans]
        diff = day.final_difference_minutes()
        if day.started and day.ended and diff is not None:
            out.append(self.tr("The day ran {start}–{end}, {difference} against the plan "
                               "({planned_end}).").format(
                start=f"{day.started:%H:%M}", end=f"{day.ended:%H:%M}",
                difference=self._difference(round(diff)),
                planned_end=f"{day.planned_end:%H:%M}"))
        return out

    def _difference(self, over: int) -> str:
        return (self.tr("+{minutes} min over").format(minutes=over) if over > 0 else
                self.tr("{minutes} min early").format(minutes=-over) if over < 0 else
                self.tr("on time"))

    def _programme_row(self, p: SessionPart) -> list[str]:
        """Session, planned (the plan the day started with), replanned, actual, difference
        (against the latest plan of the session), pauses."""
        s = p.session
        planned = self.tr("{minutes} min").format(minutes=p.planned_minutes)
        if p.planned_start and p.planned_end:
            planned = f"{p.planned_start:%H:%M}–{p.planned_end:%H:%M}\n{planned}"
        replanned = p.replanned_minutes
        replanned_text = "" if replanned is None else self.tr("{minutes} min").format(
            minutes=replanned)
        actual = p.actual_minutes
        if actual is None:
            done = hhmm(s.actual_start) + ("–" if s.actual_start else "")
            actual_text = done or self.tr("not held")
            diff = ""
        else:
            actual_text = f"{hhmm(s.actual_start)}–{hhmm(s.actual_end)}\n" + self.tr(
                "{minutes} min").format(minutes=round(actual))
            diff = self._difference(round(p.overrun_minutes or 0))
        if p.added_minutes:
            diff += "\n" + self.tr("clock {minutes:+.0f} min").format(minutes=p.added_minutes)
        pauses = "\n".join(f"{a}–{b}" + (self.tr(" ({minutes} min)").format(
            minutes=round(m)) if b else "") for a, b, m in p.pauses)
        return [s.title, planned, replanned_text, actual_text, diff.strip(), pauses]

    def findings(self) -> None:
        info = self.m.info
        if not (info.findings.strip() or info.next_steps.strip()):
            return
        self.out.append(self.numbered(self.tr("Key findings and next steps")))
        for title, text in ((self.tr("Key findings"), info.findings),
                            (self.tr("Next steps"), info.next_steps)):
            if text.strip():
                self.out += [self.p(title, "h3"), self.p(text.strip())]

    # -- sessions ----------------------------------------------------------------------
    def sessions(self) -> None:
        self.out += [CondPageBreak(self.frame[1] * 0.3),
                     self.numbered(self.tr("Sessions"))]
        if not self.m.sessions and not self.m.loose_notes:
            self.out.append(self.p(self.tr("No notes were captured."), "empty"))
        if self.m.sessions and not self.m.note_count:
            self.out.append(self.p(self.tr("No notes were captured."), "empty"))
        for i, part in enumerate(self.m.sessions, start=1):
            self.session(f"{self.chapter}.{i}", part)
        if self.m.loose_notes:
            self.out.append(self.heading(self.tr("Notes of no session"), "h2", 1))
            for n in self.m.loose_notes:
                self.out.append(self.note(n))

    def session(self, number: str, part: SessionPart) -> None:
        s = part.session
        self.out += [CondPageBreak(120), self.heading(f"{number} {s.title}", "h2", 1)]
        row = self._programme_row(part)
        facts = self.tr("Planned {planned}; actual {actual}").format(
            planned=row[1].replace("\n", " "), actual=row[3].replace("\n", " "))
        if row[2]:
            facts += self.tr(" (replanned to {minutes})").format(minutes=row[2])
        self.out.append(self.p(facts + (f" ({row[4]})" if row[4] else ""), "small"))
        if s.prompts:
            self.out.append(self.p(self.tr("Prompts"), "h3"))
            self.out += [self.p(q, "note", bulletText=f"{'①②③④⑤⑥⑦⑧⑨⑩'[i % 10]}")
                         for i, q in enumerate(s.prompts)]
        if part.summary:
            title = (self.tr("Summary (a draft from the themes)") if part.summary_is_draft
                     else self.tr("Summary"))
            box = [[self.p(title, "theme")], *[[self.p(line)]
                                                for line in part.summary.split("\n") if line]]
            t = Table(box, colWidths=[self.frame[0]])
            t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), TINT),
                                   ("NOSPLIT", (0, 0), (-1, min(1, len(box) - 1))),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 8),
                                   ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                                   ("LINEBEFORE", (0, 0), (0, -1), 2, ACCENT)]))
            self.out += [Spacer(1, 6), t]
        for board in part.boards:
            self.board(board, len(part.boards) > 1)
        if not part.boards and s.kind != KIND_BREAK:
            self.out.append(self.p(self.tr("Nothing was recorded in this session."), "empty"))

    def board(self, board: Board, titled: bool) -> None:
        if titled:
            title = board.group.name if board.group else self.tr("Plenary")
            if board.group and board.group.note_taker:
                title += self.tr(" (note-taker: {name})").format(name=board.group.note_taker)
            self.out.append(self.p(title, "h3"))
        if not board.notes:
            self.out.append(self.p(self.tr("No notes on this board."), "empty"))
            return
        ranking = board.ranking()
        if ranking:
            head = [self.tr("Rank"), self.tr("Theme"), self.tr("Theme votes"),
                    self.tr("Note votes"), self.tr("Notes")]
            rows = [tuple(self.p(h, "cellhead") for h in head)]
            rows += [tuple(self.p(c, "cell") for c in (
                str(t.rank), self._label(t), str(t.theme_votes), str(t.note_votes),
                str(len(t.all_notes())))) for t in ranking]
            self.out += [self.p(self.tr("Ranking by votes"), "theme"),
                         self.table(rows, [0.08, 0.5, 0.14, 0.14, 0.14])]
        voted_notes = board.note_ranking()
        if voted_notes:  # votes on notes in no theme: the notes themselves are ranked
            head = [self.tr("Rank"), self.tr("Note"), self.tr("Speaker"), self.tr("Votes")]
            rows = [tuple(self.p(h, "cellhead") for h in head)]
            rows += [tuple(self.p(c, "cell") for c in (str(rank), n.text, n.author,
                                                         str(n.votes)))
                     for rank, n in voted_notes]
            title = (self.tr("Notes outside the themes, by votes") if ranking
                     else self.tr("Ranking by votes"))
            self.out += [self.p(title, "theme"), self.table(rows, [0.08, 0.6, 0.2, 0.12])]
        if self.charts and ranking and len(board.themes) >= 2:  # no votes: no chart
            from facilitator.minutes.charts import theme_chart
            self.out += [Spacer(1, 6), theme_chart(board, *self._chart_box())]
        for block in board.themes:
            self.theme(block, 0)

    def _label(self, t: ThemeBlock) -> str:
        return (t.label or self.tr("Other")) if t.is_other else (t.label or self.tr("(no label)"))

    def theme(self, t: ThemeBlock, depth: int) -> None:
        notes = t.all_notes()
        facts = self.tr("{notes} notes").format(notes=len(notes))
        votes = t.theme_votes + t.note_votes
        if votes:
            facts += "・" + self.tr("{votes} votes").format(votes=votes)
        if t.rank:
            facts += "・" + self.tr("rank {rank}").format(rank=t.rank)
        if t.source:
            facts += "・" + self.tr("from {group}").format(group=t.source)
        indent = depth * 14
        head = Paragraph(f"■ {markup(self._label(t))}　<font size=8 color='#5A5A5A'>"
                         f"{markup(facts)}</font>", _indented(self.st["theme"], indent))
        parts = [head]
        if t.theme and t.theme.keywords:
            parts.append(Paragraph(markup(self.tr("Key words: {words}").format(
                words="、".join(t.theme.keywords))), _indented(self.st["keywords"], indent)))
        # The label and key words keep with the first note (styles: keepWithNext).
        self.out += parts + [self.note(n, indent) for n in t.notes]
        for child in t.children:
            self.theme(child, depth + 1)

    def note(self, n, indent: float = 0) -> Paragraph:
        extra = []
        if n.author:
            extra.append(f"— {markup(n.author)}")
        if n.votes:
            extra.append(markup(self.tr("{votes} votes").format(votes=n.votes)))
        # No brackets: reportlab would let an opening one end a line.  <nobr>: a
        # name and its votes go down to the next line whole (linebreak.py).
        tail = (f" <nobr><font size=8 color='#5A5A5A'>{'・'.join(extra)}</font></nobr>"
                if extra else "")
        return Paragraph(markup(n.text) + tail, _indented(self.st["note"], indent),
                         bulletText="・")

    # -- graphic record ----------------------------------------------------------------
    def graphic_record(self) -> None:
        boards = [b for b in self.m.boards if b.elements]
        if not boards or self.wide is None:
            return
        self.out += [NextPageTemplate("wide"), PageBreak(),
                     self.numbered(self.tr("Graphic record"))]
        w, h = self.wide
        for i, b in enumerate(boards):
            name = f"{b.group.name}｜{b.session.title}" if b.group else b.session.title
            caption_h = 30
            pics = board_pictures(b.elements, w, h - caption_h - (40 if i == 0 else 0))
            for j, (pic, where) in enumerate(pics):
                text = name
                if where == "overview":
                    text += self.tr(" (whole board)")
                elif where:
                    n, count = where.split("/")
                    text += self.tr(" part {n} of {count}").format(n=n, count=count)
                if i and not j:  # every board starts a page; its parts follow on
                    self.out.append(PageBreak())
                self.out.append(self.p(text, "h3"))
                self.out.append(pic)
                if pic.continues:  # room for the tab below it ("part n ↓")
                    self.out.append(Spacer(1, 16))
            h = self.wide[1]
        self.out += [NextPageTemplate("normal"), PageBreak()]

    # -- decisions and action items ----------------------------------------------------
    def decisions(self) -> None:
        people_outcomes.decisions(self)

    # -- helpers -----------------------------------------------------------------------
    def _chart_box(self) -> tuple[float, float]:
        """Width and greatest height of a chart (never wider than 17 cm on A4)."""
        return min(self.frame[0], 482.0 * self.st["body"].fontSize / 10), self.frame[1] * 0.85

    def table(self, rows, fractions, header: bool = True, lines: bool = True) -> Table:
        t = Table(rows, colWidths=[f * self.frame[0] for f in fractions],
                  repeatRows=1 if header else 0, hAlign="LEFT")
        style = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), FONT),
                 ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]
        if lines:
            style.append(("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE))
        if header:
            style += [("BACKGROUND", (0, 0), (-1, 0), ACCENT)]
            style += [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, TINT])]
        t.setStyle(TableStyle(style))
        return t


def _keep_headings(out: list) -> None:
    """Keep every heading with what follows it (reportlab's keepWithNext, see
    layout.KeepWithFirst): the facts line under a session's heading counts as
    part of it, and a conditional page break right after a heading goes before
    it (the chain of headings would stop there)."""
    i = 0
    while i < len(out) - 1:
        f, nxt = out[i], out[i + 1]
        if _is_heading(f) and isinstance(nxt, CondPageBreak):
            out[i], out[i + 1] = nxt, f
            i = max(i - 1, 0)
            continue
        if (getattr(getattr(f, "style", None), "name", "") == "h2"
                and getattr(getattr(nxt, "style", None), "name", "") == "small"):
            nxt.keepWithNext = 1
        i += 1


def _is_heading(f) -> bool:
    return isinstance(f, Paragraph) and bool(f.getKeepWithNext())


_INDENTED: dict = {}


def _indented(style, indent: float):
    """``style`` moved right by ``indent`` points (nested themes)."""
    from reportlab.lib.styles import ParagraphStyle
    if not indent:
        return style
    key = (style.name, style.fontSize, indent)
    if key not in _INDENTED:
        _INDENTED[key] = ParagraphStyle(f"{style.name}-{indent}", parent=style,
            leftIndent=style.leftIndent + indent, bulletIndent=style.bulletIndent + indent)
    return _INDENTED[key]
