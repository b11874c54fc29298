"""Reading a minutes PDF back for the report tests (pypdf)."""

from __future__ import annotations

import io
import re

import pypdf

from facilitator.i18n import LANGUAGES, format_date
from facilitator.workshop.model import Note, Session, Theme
from facilitator.workshop import Workshop

_SPACE = re.compile(r"\s+")


def flat(text: str) -> str:
    """``text`` without any white space: line wrapping splits lines anywhere."""
    return _SPACE.sub("", text)


def pdf_pages(data: bytes) -> list[str]:
    """The text of every page of a PDF."""
    return [p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages]


def contents_pages(pages: list[str]) -> range:
    """Indices of the contents pages (English headings): from the one after the
    cover to the one before chapter 1's page (chapter 1 is listed on the first)."""
    assert "Contents" in flat(pages[1])
    end = next(i for i in range(2, len(pages)) if "1.Participants" in flat(pages[i]))
    return range(1, end)


_ENTRY = re.compile(r"^\s*(\d+\.\d*\s.*?)[\s.]*\s(\d+)\s*$")


def contents_entries(data: bytes) -> list[tuple[str, int]]:
    """(title, page number) of each line of the contents page(s), as printed."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    out = []
    for i in contents_pages(pdf_pages(data)):
        for line in reader.pages[i].extract_text(extraction_mode="layout").splitlines():
            if m := _ENTRY.match(line):
                out.append((m.group(1).strip(), int(m.group(2))))
    return out


def body_text(pages: list[str], title: str, date: str) -> str:
    """The pages' text flattened, without running headers, page numbers and contents.

    A note that runs over a page break is then one piece of text again.
    """
    total = len(pages)
    out = [flat(pages[0])]
    # The running header prints the date as people read it, in either language.
    headers = [flat(title) + flat(format_date(date, lang)) for lang in LANGUAGES]
    skip = contents_pages(pages)
    for number, page in enumerate(pages[1:], start=2):
        if number - 1 in skip:
            continue
        text = flat(page)
        for header in headers:
            text = text.replace(header, "", 1)
        footer = f"{number}/{total}"
        out.append(text[:-len(footer)] if text.endswith(footer) else text)
    return "".join(out)


def session_text(pages: list[str], title: str = "", date: str = "") -> str:
    """The sessions' part of the minutes (English headings), flattened."""
    text = body_text(pages, title, date)
    start = re.search(r"\d\.Sessions", text).start()
    end = re.search(r"\d\.(Graphicrecord|Decisionsandactionitems)", text[start:]).start()
    return text[start:start + end]


def assert_faithful(ws: Workshop, pages: list[str]) -> None:
    """Every note in full, after its session's heading and under its theme's label."""
    text = session_text(pages, ws.info.title or "Untitled workshop", ws.info.date)
    sessions = ws.sessions()
    chapter = text[0]  # the sessions' chapter number
    heads = [text.index(flat(f"{chapter}.{i} {s.title}"))
             for i, s in enumerate(sessions, start=1)]
    heads.append(len(text))
    index = {s.id: i for i, s in enumerate(sessions)}
    others = {"Other"} | {t.label for t in ws.all(Theme) if t.is_other and t.label}
    for note in ws.all(Note):
        body = flat(note.text)
        i = index[note.session_id]
        theme = ws.get(Theme, note.theme_id)
        # A note without a theme, or in the その他 theme, is under a その他 label.
        labels = {theme.label} if theme and not theme.is_other else others
        # The draft まとめ may quote a note too: one occurrence must be in the listing.
        at, placed = heads[i], False
        while not placed:
            at = text.find(body, at, heads[i + 1])
            assert at >= 0, f"note {note.id} missing under its theme: {note.text[:40]!r}"
            heading = text.rfind("■", heads[i], at)
            placed = heading >= 0 and any(text.startswith(flat(label), heading + 1)
                                          for label in labels)
            at += 1


def session_by_title(ws: Workshop, title: str) -> Session:
    return next(s for s in ws.sessions() if s.title == title)


def assert_tiles_hold_every_note_whole(notes: list[Note], tiles) -> None:
    """Every note drawn whole in exactly one tile (inside its region); no tile empty.

    ``tiles``: the tile pictures (``BoardPicture``) of one board.
    """
    for note in notes:
        holders = [t for t in tiles if note.id in t.members]
        assert len(holders) == 1, f"note {note.id} is in {len(holders)} tiles"
        x, y, w, h = holders[0].region
        assert (x <= note.x and y <= note.y and note.x + note.w <= x + w
                and note.y + note.h <= y + h), f"note {note.id} is cut by its tile's edge"
    for t in tiles:
        assert t.members, "a tile holds nothing of its own"
        assert any(e.id in t.members for e in t.shown()), "a tile draws nothing it holds"
