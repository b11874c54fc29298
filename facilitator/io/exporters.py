"""Writing a workshop out as CSV (for Excel), JSON (lossless) or a Markdown outline.

Every export is written to a temporary file in the target folder and moved
into place when complete, so a failed export (read-only folder, full disk)
never leaves a half-written file behind.  A new file gets the permissions any
program's new document gets (0666 less the umask), not a temporary file's 0600;
a file written over keeps its own.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from pathlib import Path
from typing import Callable

from facilitator.io.csv_input import EXPORT_COLUMNS, defuse_cell
from facilitator.errors import DiskFull, FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, format_date, translate
from facilitator.io.importers import JSON_FORMAT
from facilitator.workshop.model import RECORD_TYPES, Group, Note, Session, Theme
from facilitator.workshop.records import codec_for
from facilitator.workshop.schema import SCHEMA_VERSION
from facilitator.workshop.workshop import Workshop

#: Columns of the CSV export; Japanese because organisers open it in Excel,
#: and all of them are understood again by the CSV import.
CSV_COLUMNS = EXPORT_COLUMNS

FORMATS = ("csv", "json", "md")


def export_file(ws: Workshop, fmt: str, out: Path) -> None:
    """Write ``ws`` to ``out`` as ``fmt`` ("csv", "json" or "md"), atomically."""
    if fmt == "csv":
        write_atomic(out, csv_text(ws), encoding="utf-8-sig")
    elif fmt == "json":
        write_atomic(out, json_text(ws))
    elif fmt == "md":
        write_atomic(out, markdown_text(ws))
    else:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Unknown export format {format} (use csv, json or md)."), format=fmt)


def write_atomic(out: Path, text: str, encoding: str = "utf-8",
                 write: Callable[[object, str], None] | None = None) -> None:
    """Write ``text`` to ``out`` through a temporary file and ``os.replace``.

    ``write(fh, text)`` does the writing (``fh.write`` by default).  On any
    error the temporary file is removed and :class:`FurikaeriError` says why.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is a folder; choose a file name to export to."), path=out)
    if not folder.is_dir():
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The folder {folder} does not exist."), folder=folder)
    try:
        fd, tmp = create_beside(out, ".part")
    except OSError as exc:
        raise _write_error(out, folder, exc) from None
    try:
        keep_mode(fd, out)
        with open(fd, "w", encoding=encoding, newline="") as fh:
            (write or _plain_write)(fh, text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise _write_error(out, folder, exc) from None
    except BaseException:
        _unlink_quietly(tmp)
        raise


def create_beside(out: Path, suffix: str) -> tuple[int, Path]:
    """A new, empty, hidden file beside ``out``: ``(fd, path)``, for writing ``out`` atomically.

    Like ``tempfile.mkstemp`` but made with mode 0666, so the kernel applies the
    umask and the finished export is as private as the user's other documents
    (mkstemp's 0600 would survive the rename).
    """
    flags = (os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
             | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOINHERIT", 0))
    folder = out.parent if str(out.parent) else Path(".")
    for _ in range(100):
        path = folder / f".{out.name}.{os.urandom(4).hex()}{suffix}"
        try:
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "No usable temporary file name", str(folder))


def keep_mode(fd: int, out: Path) -> None:
    """Give the file open as ``fd`` the permissions of the file ``out`` it will replace, if any."""
    try:
        mode = os.stat(out).st_mode
    except OSError:
        return  # a new file: the umask decided
    if hasattr(os, "fchmod"):
        os.fchmod(fd, mode & 0o7777)


def write_bytes_atomic(out: Path, data: bytes) -> None:
    """Write ``data`` (a PDF...) to ``out`` like :func:`write_atomic` writes text."""
    write_atomic(out, data, write=_binary_write)


def _binary_write(fh, data: bytes) -> None:
    fh.buffer.write(data)


def _plain_write(fh, text: str) -> None:
    fh.write(text)


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def _write_error(out: Path, folder: Path, exc: OSError) -> FurikaeriError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return DiskFull(QT_TRANSLATE_NOOP(
            "Errors", "The disk is full; {path} was not written."), path=out)
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EROFS):
        return FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot write in the folder {folder}; {path} was not written."),
            folder=folder, path=out)
    return FurikaeriError(QT_TRANSLATE_NOOP(
        "Errors", "Could not write {path}: {reason}"), path=out,
        reason=exc.strerror or exc)


# -- CSV --------------------------------------------------------------------------------
def notes_in_order(ws: Workshop) -> list[Note]:
    """Every note, by session order, group order (plenary board first), theme order, z."""
    sessions = {s.id: i for i, s in enumerate(ws.sessions())}
    groups = {g.id: g.order for g in ws.all(Group)}
    themes = {t.id: (t.is_other, t.order) for t in ws.all(Theme)}
    unthemed = (True, float("inf"))

    def key(n: Note):
        return (sessions.get(n.session_id, len(sessions)),
                -1 if n.group_id is None else groups.get(n.group_id, 0),
                themes.get(n.theme_id, unthemed) if n.theme_id else unthemed,
                n.z, n.id)
    return sorted(ws.all(Note), key=key)


def csv_text(ws: Workshop) -> str:
    """The notes as CSV text (CRLF line ends; write it with a BOM for Excel).

    Cells a spreadsheet would run as formulas are quoted (:func:`defuse_cell`);
    the CSV import takes the quotes off again.
    """
    sessions = {s.id: s.title for s in ws.sessions()}
    groups = {g.id: g.name for g in ws.all(Group)}
    themes = {t.id: t.label for t in ws.all(Theme)}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for n in notes_in_order(ws):
        writer.writerow([defuse_cell(cell) if isinstance(cell, str) else cell for cell in (
            sessions.get(n.session_id, ""), groups.get(n.group_id, ""),
            themes.get(n.theme_id, ""), n.text, n.author, n.votes or "",
            n.color, n.created, n.id)])
    return buf.getvalue()


# -- JSON -------------------------------------------------------------------------------
def json_document(ws: Workshop) -> dict:
    """The whole workshop as one JSON-ready dict (read back by the JSON import)."""
    records = {}
    for rtype in RECORD_TYPES:
        codec = codec_for(rtype)
        records[rtype.TABLE] = [codec.to_dict(r) for r in
                                sorted(ws.all(rtype), key=lambda r: r.id)]
    return {"format": JSON_FORMAT, "version": SCHEMA_VERSION, "records": records}


def json_text(ws: Workshop) -> str:
    """:func:`json_document` as text (UTF-8, not escaped, one field per line)."""
    return json.dumps(json_document(ws), ensure_ascii=False, indent=1) + "\n"


# -- Markdown ---------------------------------------------------------------------------
# Headings and labels are spelt out as translate("Export", "...") literals so
# that pyside6-lupdate finds them.

# What people typed must stay text when the outline is rendered (a wiki, a
# static site): no raw HTML, no [link](javascript:...) or ![image](...), no
# code span hiding the rest.  Other Markdown ("-5%の予算") is left as typed.
_MD_INERT = str.maketrans({"\\": "\\\\", "`": "\\`", "[": "\\[", "]": "\\]",
                           "&": "&amp;", "<": "&lt;", ">": "&gt;"})


def md(text: str) -> str:
    """User text for the Markdown export: HTML escaped, link and code syntax neutralised."""
    return text.translate(_MD_INERT)

def _bullet(text: str) -> str:
    """A list item; the lines of a multi-line text are indented under it."""
    first, *rest = text.split("\n")
    return "\n".join([f"- {first}", *(f"  {line}" for line in rest)])


def _votes(count: int) -> str:
    return translate("Export", "[{votes} votes]").format(votes=count)


def _note_line(n: Note) -> str:
    text = md(n.text)
    if n.author:
        text += f"（{md(n.author)}）" if "\n" not in text else f"\n（{md(n.author)}）"
    if n.votes:
        text += " " + _votes(n.votes)
    return _bullet(text)


def markdown_text(ws: Workshop) -> str:
    """The minutes as a Markdown outline: every note in full, themes and groups as headings."""
    info = ws.info
    out: list[str] = ["# " + (md(info.title) or translate("Export", "Workshop")), ""]
    facts = []
    if info.date:
        when = format_date(info.date)
        if info.start_time or info.end_time:
            when += f" {info.start_time}–{info.end_time}"
        facts.append(translate("Export", "Date: {date}").format(date=md(when)))
    for label, value in ((translate("Export", "Venue: {value}"), info.venue),
                         (translate("Export", "Organiser: {value}"), info.organiser),
                         (translate("Export", "Purpose: {value}"), info.purpose)):
        if value:
            facts.append(label.format(value=md(value)))
    out += [f"- {f}" for f in facts]
    if facts:
        out.append("")
    people = ws.participants()
    if people:
        out += ["## " + translate("Export", "Participants"), ""]
        absent = translate("Export", "absent")
        out += [_bullet(md(p.name) + (f"（{md(p.organisation)}）" if p.organisation else "")
                        + ("" if p.attended else f"［{absent}］")) for p in people]
        out.append("")
    themes = ws.all(Theme)
    notes = notes_in_order(ws)
    session_ids = {s.id for s in ws.sessions()}
    for session in ws.sessions():
        out += _session_markdown(ws, session, [n for n in notes if n.session_id == session.id],
                                 [t for t in themes if t.session_id == session.id])
    orphans = [n for n in notes if n.session_id not in session_ids]
    if orphans:
        out += ["## " + translate("Export", "Other notes"), ""]
        out += [_note_line(n) for n in orphans] + [""]
    if info.findings.strip():
        out += ["## " + translate("Export", "Key findings"), "", md(info.findings.strip()), ""]
    if info.next_steps.strip():
        out += ["## " + translate("Export", "Next steps"), "", md(info.next_steps.strip()), ""]
    decisions = ws.decisions()
    if decisions:
        out += ["## " + translate("Export", "Decisions"), ""]
        out += [_bullet(md(d.text)) for d in decisions] + [""]
    items = ws.action_items()
    if items:
        out += ["## " + translate("Export", "Action items"), ""]
        for a in items:
            text = ("[x] " if a.done else "[ ] ") + md(a.what)
            if a.owner:
                text += f"（{md(a.owner)}）"
            if a.due:
                text += " " + translate("Export", "due {date}").format(date=md(format_date(a.due)))
            out.append(_bullet(text))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _session_markdown(ws: Workshop, session: Session, notes: list[Note],
                      themes: list[Theme]) -> list[str]:
    heading = md(session.title)
    if session.planned_minutes:
        heading = translate("Export", "{title} ({minutes} min)").format(
            title=heading, minutes=session.planned_minutes)
    out = [f"## {heading}", ""]
    if session.actual_start or session.actual_end:
        out += [translate("Export", "Actual time: {start} – {end}").format(
            start=md(session.actual_start or "?"), end=md(session.actual_end or "?")), ""]
    if session.prompts:
        out += [f"> - {md(p)}" for p in session.prompts] + [""]
    if session.summary.strip():
        out += [md(session.summary.strip()), ""]
    by_board: dict[str | None, list[Note]] = {}
    for n in notes:
        by_board.setdefault(n.group_id, []).append(n)
    if None in by_board:  # the session's plenary board
        out += _themes_markdown(by_board.pop(None), themes)
    for group in ws.groups_of(session.id):
        if group.id in by_board:
            out += [f"### {md(group.name)}", ""] + _themes_markdown(
                by_board.pop(group.id), themes)
    for gid, rest in by_board.items():  # a group id that no longer exists
        out += [f"### {md(str(gid))}", ""] + _themes_markdown(rest, themes)
    return out


def _themes_markdown(notes: list[Note], themes: list[Theme]) -> list[str]:
    """Notes of one board under their themes' labels; unthemed ones under その他, last."""
    known = {t.id for t in themes}
    other = next((t for t in themes if t.is_other), None)
    other_label = translate("Export", "Other")
    out: list[str] = []
    for theme in sorted(themes, key=lambda t: (t.is_other, t.order, t.id)):
        members = [n for n in notes if n.theme_id == theme.id]
        if theme is other:
            members += [n for n in notes if n.theme_id not in known]
        if not members:
            continue
        label = md(theme.label) or other_label
        if theme.votes:
            label += " " + _votes(theme.votes)
        out += [f"#### {label}", ""] + [_note_line(n) for n in members] + [""]
    if other is None:
        rest = [n for n in notes if n.theme_id not in known]
        if rest:
            out += [f"#### {other_label}", ""] + [_note_line(n) for n in rest] + [""]
    return out
