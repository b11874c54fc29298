"""Writing a workshop out as CSV (for Excel), JSON (lossless) or a Markdown outline.

Every export is written to a temporary file in the target folder and moved
into place when complete, so a failed export (read-only folder, full disk)
never leaves a half-written file behind.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Callable

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.io.importers import JSON_FORMAT
from facilitator.workshop.model import RECORD_TYPES, Group, Note, Session, Theme
from facilitator.workshop.records import codec_for
from facilitator.workshop.schema import SCHEMA_VERSION
from facilitator.workshop.workshop import Workshop

#: Columns of the CSV export; Japanese because organisers open it in Excel,
#: and all of them are understood again by the CSV import.
CSV_COLUMNS = ("セッション", "グループ", "テーマ", "本文", "記入者", "票", "色", "作成日時", "id")

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
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{out.name}.", suffix=".part")
    except OSError as exc:
        raise _write_error(out, folder, exc) from None
    tmp = Path(tmp_name)
    try:
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
    if exc.errno == errno.ENOSPC:
        return FurikaeriError(QT_TRANSLATE_NOOP(
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
    """The notes as CSV text (CRLF line ends; write it with a BOM for Excel)."""
    sessions = {s.id: s.title for s in ws.sessions()}
    groups = {g.id: g.name for g in ws.all(Group)}
    themes = {t.id: t.label for t in ws.all(Theme)}
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for n in notes_in_order(ws):
        writer.writerow((sessions.get(n.session_id, ""), groups.get(n.group_id, ""),
                         themes.get(n.theme_id, ""), n.text, n.author, n.votes or "",
                         n.color, n.created, n.id))
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

def _bullet(text: str) -> str:
    """A list item; the lines of a multi-line text are indented under it."""
    first, *rest = text.split("\n")
    return "\n".join([f"- {first}", *(f"  {line}" for line in rest)])


def _votes(count: int) -> str:
    return translate("Export", "[{votes} votes]").format(votes=count)


def _note_line(n: Note) -> str:
    text = n.text
    if n.author:
        text += f"（{n.author}）" if "\n" not in text else f"\n（{n.author}）"
    if n.votes:
        text += " " + _votes(n.votes)
    return _bullet(text)


def markdown_text(ws: Workshop) -> str:
    """The minutes as a Markdown outline: every note in full, themes and groups as headings."""
    info = ws.info
    out: list[str] = ["# " + (info.title or translate("Export", "Workshop")), ""]
    facts = []
    if info.date:
        when = info.date
        if info.start_time or info.end_time:
            when += f" {info.start_time}–{info.end_time}"
        facts.append(translate("Export", "Date: {date}").format(date=when))
    for label, value in ((translate("Export", "Venue: {value}"), info.venue),
                         (translate("Export", "Organiser: {value}"), info.organiser),
                         (translate("Export", "Purpose: {value}"), info.purpose)):
        if value:
            facts.append(label.format(value=value))
    out += [f"- {f}" for f in facts]
    if facts:
        out.append("")
    people = ws.participants()
    if people:
        out += ["## " + translate("Export", "Participants"), ""]
        absent = translate("Export", "absent")
        out += [_bullet(p.name + (f"（{p.organisation}）" if p.organisation else "")
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
        out += ["## " + translate("Export", "Key findings"), "", info.findings.strip(), ""]
    if info.next_steps.strip():
        out += ["## " + translate("Export", "Next steps"), "", info.next_steps.strip(), ""]
    decisions = ws.decisions()
    if decisions:
        out += ["## " + translate("Export", "Decisions"), ""]
        out += [_bullet(d.text) for d in decisions] + [""]
    items = ws.action_items()
    if items:
        out += ["## " + translate("Export", "Action items"), ""]
        for a in items:
            text = ("[x] " if a.done else "[ ] ") + a.what
            if a.owner:
                text += f"（{a.owner}）"
            if a.due:
                text += " " + translate("Export", "due {date}").format(date=a.due)
            out.append(_bullet(text))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _session_markdown(ws: Workshop, session: Session, notes: list[Note],
                      themes: list[Theme]) -> list[str]:
    heading = session.title
    if session.planned_minutes:
        heading = translate("Export", "{title} ({minutes} min)").format(
            title=session.title, minutes=session.planned_minutes)
    out = [f"## {heading}", ""]
    if session.actual_start or session.actual_end:
        out += [translate("Export", "Actual time: {start} – {end}").format(
            start=session.actual_start or "?", end=session.actual_end or "?"), ""]
    if session.prompts:
        out += [f"> - {p}" for p in session.prompts] + [""]
    if session.summary.strip():
        out += [session.summary.strip(), ""]
    by_board: dict[str | None, list[Note]] = {}
    for n in notes:
        by_board.setdefault(n.group_id, []).append(n)
    if None in by_board:  # the session's plenary board
        out += _themes_markdown(by_board.pop(None), themes)
    for group in ws.groups_of(session.id):
        if group.id in by_board:
            out += [f"### {group.name}", ""] + _themes_markdown(by_board.pop(group.id), themes)
    for gid, rest in by_board.items():  # a group id that no longer exists
        out += [f"### {gid}", ""] + _themes_markdown(rest, themes)
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
        label = theme.label or other_label
        if theme.votes:
            label += " " + _votes(theme.votes)
        out += [f"#### {label}", ""] + [_note_line(n) for n in members] + [""]
    if other is None:
        rest = [n for n in notes if n.theme_id not in known]
        if rest:
            out += [f"#### {other_label}", ""] + [_note_line(n) for n in rest] + [""]
    return out
