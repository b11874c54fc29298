"""The printed minutes (まとめ / 議事録) of a workshop, as PDF; and the A3 poster.

    from facilitator.minutes import Options, write_minutes
    write_minutes(ws, "minutes.pdf", Options(paper="A4"))

:func:`gather` (in :mod:`facilitator.minutes.content`) reads the workshop
into plain data; :func:`minutes_pdf` lays that data out with reportlab
platypus and returns the PDF's bytes, so a GUI can gather on its own thread
and build in a worker.  Files are written through a temporary ``.part`` file
and renamed: a read-only folder or a full disk gives a
:class:`~facilitator.errors.FurikaeriError` and leaves no half-written file.
No Qt here.
"""

from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from facilitator.i18n import format_date, language, set_language, translate
from facilitator.minutes.content import Minutes, gather
from facilitator.minutes.layout import MinutesDoc, Options, styles

__all__ = ["Options", "Minutes", "gather", "minutes_pdf", "poster_pdf", "write_minutes",
           "write_poster"]

Progress = Callable[[float], None]


def minutes_pdf(minutes: Minutes, options: Options = Options(),
                progress: Progress | None = None) -> bytes:
    """The minutes as PDF bytes; ``progress(fraction)`` is called while building."""
    options.page_size()  # an unknown paper size fails before any work
    with _language(options.lang):
        data = _minutes_pdf(minutes, options, progress)
    if progress:
        progress(1.0)
    return data


@contextmanager
def _language(lang: str | None):
    """Translate in ``lang`` meanwhile (the app's own language is the usual case)."""
    before = language()
    if lang and lang != before:
        set_language(lang)
    try:
        yield
    finally:
        if language() != before:
            set_language(before)


def _minutes_pdf(minutes: Minutes, options: Options, progress: Progress | None) -> bytes:
    from facilitator.minutes.sections import Story
    buf = io.BytesIO()
    info = minutes.info
    title = info.title or translate("Story", "Untitled workshop")
    doc = MinutesDoc(buf, options, title, format_date(info.date), translate("Story", "Minutes"),
                     progress=progress)
    base = 12.0 if options.paper.upper() == "A3" else 10.0
    story = Story(minutes, styles(base), doc.frame_size,
                  doc.wide_frame_size if options.board_pictures else None,
                  charts=options.charts).build()
    doc.build_story(story)
    return buf.getvalue()


def poster_pdf(minutes: Minutes, options: Options = Options(paper="A3", landscape=True)) -> bytes:
    """The one-page poster: the board pictures and the theme list."""
    from facilitator.minutes.poster import build_poster
    with _language(options.lang):
        return build_poster(minutes, options)


def write_minutes(ws, out: str | Path, options: Options = Options(),
                  progress: Progress | None = None) -> Path:
    """Write the minutes of ``ws`` to ``out`` (atomically); returns the path."""
    from facilitator.io.exporters import write_bytes_atomic
    data = minutes_pdf(gather(ws), options, progress)
    write_bytes_atomic(Path(out), data)
    return Path(out)


def write_poster(ws, out: str | Path, options: Options = Options(paper="A3",
                                                                 landscape=True)) -> Path:
    """Write the A3 poster of ``ws`` to ``out`` (atomically); returns the path."""
    from facilitator.io.exporters import write_bytes_atomic
    write_bytes_atomic(Path(out), poster_pdf(gather(ws), options))
    return Path(out)
