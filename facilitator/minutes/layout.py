"""Paper, styles and page templates of the minutes (reportlab platypus)."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.pagesizes import A3, A4, landscape as to_landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate
from reportlab.platypus import Paragraph as _Paragraph

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.minutes.fonts import FONT, draw_string, register_fonts, string_width

PAPERS = {"A4": A4, "A3": A3}
INK = colors.HexColor("#1A1A1A")
MUTED = colors.HexColor("#5A5A5A")
ACCENT = colors.HexColor("#2F5D9B")
RULE = colors.HexColor("#C9D3E3")
TINT = colors.HexColor("#F2F5FA")


@dataclass(frozen=True)
class Options:
    """How the minutes are printed."""

    paper: str = "A4"
    landscape: bool = False
    lang: str | None = None          # None: the language in force
    charts: bool = True
    board_pictures: bool = True

    def page_size(self) -> tuple[float, float]:
        if self.paper.upper() not in PAPERS:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Unknown paper size {paper} (use A4 or A3)."), paper=self.paper)
        size = PAPERS[self.paper.upper()]
        return to_landscape(size) if self.landscape else size

    def wide_size(self) -> tuple[float, float]:
        """Pages of the graphic record: always landscape (boards are wide)."""
        return to_landscape(PAPERS[self.paper.upper()])

    @property
    def margin(self) -> float:
        return (24 if self.paper.upper() == "A3" else 18) * mm


def styles(base: float = 10.0) -> dict[str, ParagraphStyle]:
    """The paragraph styles (every one breaks lines the Japanese way)."""
    register_fonts()

    def s(name, size, leading=None, **kw):
        kw.setdefault("textColor", INK)
        return ParagraphStyle(name, fontName=FONT, fontSize=size, bulletFontName=FONT,
                              leading=leading or size * 1.6, wordWrap="CJK", **kw)
    return {
        "title": s("title", base * 2.6, base * 3.4, spaceAfter=base * 0.8),
        "subtitle": s("subtitle", base * 1.4, textColor=MUTED, spaceAfter=base * 3),
        # Headings stay on the page of what follows them (MinutesDoc: KeepWithFirst).
        "h1": s("h1", base * 1.6, spaceBefore=base * 0.6, spaceAfter=base * 0.8,
                textColor=ACCENT, keepWithNext=1),
        "h2": s("h2", base * 1.3, spaceBefore=base * 1.4, spaceAfter=base * 0.5,
                keepWithNext=1),
        "h3": s("h3", base * 1.12, spaceBefore=base * 1.0, spaceAfter=base * 0.4,
                textColor=ACCENT, keepWithNext=1),
        "theme": s("theme", base * 1.05, spaceBefore=base * 0.8, spaceAfter=base * 0.2,
                   keepWithNext=1),
        "keywords": s("keywords", base * 0.8, textColor=MUTED, spaceAfter=base * 0.3,
                      keepWithNext=1),
        "body": s("body", base, spaceAfter=base * 0.3),
        "note": s("note", base, base * 1.55, leftIndent=base * 1.4, bulletIndent=base * 0.3,
                  spaceAfter=base * 0.25),
        "small": s("small", base * 0.85, textColor=MUTED),
        "cell": s("cell", base * 0.9, base * 1.35),
        "cellhead": s("cellhead", base * 0.9, base * 1.35, textColor=colors.white),
        "empty": s("empty", base, textColor=MUTED, spaceBefore=base * 0.4,
                   spaceAfter=base * 0.6),
    }


class Paragraph(_Paragraph):
    """reportlab's Paragraph, remembering its line breaking per width.

    The minutes are laid out in two passes (and KeepWithFirst measures a
    heading group before placing it): Japanese line breaking, character by
    character, was most of the build's time, done again for the same text at
    the same width each time.
    """

    def breakLinesCJK(self, maxWidths):  # noqa: N802, N803 (reportlab's names)
        key = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else maxWidths
        cache = self.__dict__.setdefault("_broken", {})
        if key not in cache:
            cache[key] = super().breakLinesCJK(maxWidths)
        return cache[key]


class KeepWithFirst(KeepTogether):
    """Headings (``keepWithNext``) and what follows them: the headings go on the page
    only with the first lines of what follows (a long table or note still starts
    under its heading and runs on over the next pages; KeepTogether would send it
    all to a new page, leaving the rest of this one blank)."""

    def wrap(self, aW, aH):  # noqa: N803 (reportlab's names)
        from reportlab.platypus.flowables import _listWrapOn
        dims: list = []
        w, self._H = _listWrapOn(self._content, aW, self.canv, dims=dims)
        self._H0 = dims[0][1] if dims else 0
        self._dims = dims
        self._wrapInfo = aW, aH
        return w, 0xffffff  # force a split

    def split(self, aW, aH):  # noqa: N803 (reportlab's names)
        *heads, last = self._content
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if self._H <= aH:
            return list(self._content)
        # The headings' height, their spaces merged as the frame merges them.
        head_h, after = 0.0, 0.0
        for i, (f, (_, h)) in enumerate(zip(heads, self._dims)):
            head_h += h + (max(after, f.getSpaceBefore()) if i else 0.0)
            after = f.getSpaceAfter()
        room = aH - head_h - max(after, last.getSpaceBefore()) - 1
        if room > 0:
            last.wrapOn(self.canv, aW, room)
            parts = last.splitOn(self.canv, aW, room)
            if parts and parts[0].wrapOn(self.canv, aW, room)[1] <= room:
                return [*heads, *parts]
        return super().split(aW, aH)  # on the next page, as KeepTogether does


class MinutesDoc(BaseDocTemplate):
    """A document with a cover page, normal pages and landscape board pages.

    It is laid out in passes (``multiBuild``) until the contents page and the
    footers' "page n / N" agree with the pages of the pass before: every page
    is drawn once and final, so links and bookmarks point at the right page.
    """

    def __init__(self, buf, options: Options, title: str, date: str, footer_note: str,
                 progress=None, **kw):
        self.options = options
        page = options.page_size()
        # The canvas's initial font is referenced by every PDF: ours, not Helvetica.
        super().__init__(buf, pagesize=page, title=title, author="Furikaeri",
                         creator="Furikaeri", subject=footer_note, initialFontName=FONT,
                         keepTogetherClass=KeepWithFirst, **kw)
        self.header_title = title
        self.header_date = date
        self.progress = progress
        self._count = 0
        self.total = 1
        self.pages_before: int | None = None  # the page count of the last pass
        self.passes = 0
        _install_draft_drawing()
        m = options.margin
        head = 10 * mm  # room for the running header and the footer
        normal = Frame(m, m + head / 2, page[0] - 2 * m, page[1] - 2 * m - head,
                       id="normal", leftPadding=0, rightPadding=0, topPadding=0,
                       bottomPadding=0)
        cover = Frame(m, m, page[0] - 2 * m, page[1] - 2 * m, id="cover",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        wide = options.wide_size()
        wide_frame = Frame(m, m + head / 2, wide[0] - 2 * m, wide[1] - 2 * m - head,
                           id="wide", leftPadding=0, rightPadding=0, topPadding=0,
                           bottomPadding=0)
        self.addPageTemplates([
            PageTemplate("cover", [cover], pagesize=page),
            PageTemplate("normal", [normal], onPage=self._header, onPageEnd=self._footer,
                         pagesize=page),
            PageTemplate("wide", [wide_frame], onPage=self._header, onPageEnd=self._footer,
                         pagesize=wide),
        ])
        self.frame_size = (normal._width, normal._height)
        self.wide_frame_size = (wide_frame._width, wide_frame._height)

    def _header(self, canv, doc) -> None:
        """The running header: the workshop's title and date, and a rule."""
        w, h = canv._pagesize
        m = self.options.margin
        canv.saveState()
        canv.setFillColor(MUTED)
        size = 8.0
        date_w = string_width(self.header_date, size)
        title = self.header_title
        while title and string_width(title, size) > w - 2 * m - date_w - 20:
            title = title[:-2] + "…"
        draw_string(canv, m, h - m + 2, title, size)
        draw_string(canv, w - m - date_w, h - m + 2, self.header_date, size)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.6)
        canv.line(m, h - m - 2, w - m, h - m - 2)
        canv.restoreState()

    def _footer(self, canv, doc) -> None:
        """"page n / N" (drawn last: the text layer reads header, body, footer)."""
        w, _ = canv._pagesize
        text = f"{canv.getPageNumber()} / {self.pages_before or '?'}"
        canv.saveState()
        canv.setFillColor(MUTED)
        draw_string(canv, (w - string_width(text, 8.0)) / 2, self.options.margin - 4, text, 8.0)
        canv.restoreState()

    def beforeDocument(self) -> None:  # noqa: N802 (reportlab's name)
        self.canv.showOutline()  # a viewer opens with the bookmarks shown
        self.passes += 1
        # The first pass only counts pages (it is never the last: see _allSatisfied)
        # and its canvas is thrown away, so nothing in it is drawn (_draft_drawOn).
        self.canv.furikaeri_draft = self.passes == 1

    def _allSatisfied(self) -> bool:  # noqa: N802 (reportlab's name, read by multiBuild)
        """Another pass unless the page count is the one the footers printed."""
        settled = self.pages_before == self.page
        self.pages_before = self.page
        return super()._allSatisfied() and settled

    def afterFlowable(self, flowable) -> None:  # noqa: N802 (reportlab's name)
        self._count += 1
        if self.progress is not None and self._count % 25 == 0:
            self.progress(min(0.99, self._count / self.total))
        entry = getattr(flowable, "contents_entry", None)
        if entry is not None:
            # The heading's <a name> anchor is its destination: the outline
            # (bookmarks) and the contents page link to the heading itself.
            self.canv.addOutlineEntry(entry.title, entry.key, entry.level)
            if entry.listed:
                self.notify("TOCEntry", (entry.level, entry.markup, self.page, entry.key))

    def build_story(self, story: list) -> None:
        """Lay out ``story``: twice, so the contents page knows every page number."""
        self.total = 2 * max(1, len(story))  # two passes
        self.multiBuild(story)


_DRAW_ON = Flowable.drawOn


def _draft_drawOn(self, canvas, *args, **kw):  # noqa: N802 (reportlab's name)
    """Flowable.drawOn, but nothing on a layout-only pass's canvas."""
    if getattr(canvas, "furikaeri_draft", False):
        return None
    return _DRAW_ON(self, canvas, *args, **kw)


def _install_draft_drawing() -> None:
    """Let MinutesDoc's first pass lay out without drawing (about half the build's time).

    Reads a flag of the canvas it draws on, so other documents (and builds on
    other threads) are unaffected."""
    Flowable.drawOn = _draft_drawOn
