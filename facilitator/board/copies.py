"""Copies on the board: duplicate, the clipboard's records, text pasted as notes.

Each function returns ONE :class:`Change`, not yet applied (one undo step).
A copy is a new record with a new id, no votes, stacked on top of its board
(a frame under the rest, as frames are); a copied theme frame is a new theme
of its own, and a copied note joins the theme whose frame it lands in, as a
note dragged there does.  A connector is copied only with both its ends.

The clipboard holds our records as JSON (:data:`MIME_TYPE`) beside their texts
as plain text, so a paste into another program gets the words; plain text
from another program becomes notes, one per line.
"""

from __future__ import annotations

import json
import re
from typing import Callable, Iterable

from facilitator.board.arrange import Board, board_of, elements, follows_ends, with_contents
from facilitator.board.attached import Extent, record_extent
from facilitator.workshop.changes import Change
from facilitator.workshop.model import (
    NOTE_H, NOTE_W, TYPE_BY_TABLE, Connector, Element, Frame, Group, Note, Theme, new_id,
)
from facilitator.workshop.records import codec_for

#: Clipboard format of copied board elements (a JSON list of records).
MIME_TYPE = "application/x-furikaeri-elements"
#: How far a duplicate sits from its original (points, right and down).
OFFSET = 24.0
GAP = 16.0
#: Notes per row when pasted text makes several.
TEXT_COLUMNS = 4
_DEFAULT_THEME_COLOR = "#D0E4FF"
# A list's bullet or number at the start of a pasted line: "・", "- ", "1. ", "(2)".
_BULLET = re.compile(r"^(?:[・•●○◦▪■□◆◇※\-\*＊–—]+|\(?\d{1,3}[.)．、）])\s*")


# -- copies of records ---------------------------------------------------------------------
def _theme_at(note: Note, frames: list[Frame], copied: list[Frame]) -> str | None:
    """The theme of the frame ``note`` lands in: a frame copied with it first, else
    the top one of the board."""
    cx, cy = note.x + note.w / 2, note.y + note.h / 2
    for candidates in (copied, frames):
        inside = [f for f in candidates if f.theme_id
                  and f.x <= cx <= f.x + f.w and f.y <= cy <= f.y + f.h]
        if inside:
            return max(inside, key=lambda f: f.z).theme_id
    return None


def clones(ws, recs: Iterable[Element], dx: float, dy: float, board: Board | None = None,
           label: str = "duplicate") -> Change:
    """Copies of ``recs`` shifted by (dx, dy), on ``board`` (default: their own)."""
    recs = sorted(recs, key=lambda r: (isinstance(r, Connector), r.z, r.id))
    fresh = {r.id: new_id() for r in recs}
    now = ws.now()
    made: list[Element] = []
    themes: list[Theme] = []
    for r in recs:
        sid, gid = board if board is not None else board_of(r)
        fields = dict(id=fresh[r.id], x=round(r.x + dx, 2), y=round(r.y + dy, 2),
                      session_id=sid, group_id=gid)
        if isinstance(r, Connector) and follows_ends(r):
            ends = (r.source_id, r.target_id)
            if any(end is not None and end not in fresh for end in ends):
                continue  # an end left behind: a connector needs both
            fields.update(source_id=fresh.get(r.source_id), target_id=fresh.get(r.target_id))
        if isinstance(r, Note):
            fields.update(created=now, updated=now, votes=0, theme_id=None, theme_manual=False,
                          color=_note_colour(ws, r, gid))
        if isinstance(r, Frame):
            fields["theme_id"] = None
            if r.theme_id:
                theme = _theme_for_copy(ws, r, sid, len(themes))
                themes.append(theme)
                fields["theme_id"] = theme.id
        made.append(r.replace(**fields))
    made = _stacked(ws, made)
    frames_by_board: dict[Board, list[Frame]] = {}
    copied = [f for f in made if isinstance(f, Frame)]
    for i, rec in enumerate(made):
        if isinstance(rec, Note):
            key = board_of(rec)
            if key not in frames_by_board:
                frames_by_board[key] = ws.elements_on(*key, (Frame,))
            theme_id = _theme_at(rec, frames_by_board[key],
                                 [f for f in copied if board_of(f) == key])
            if theme_id:
                made[i] = rec.replace(theme_id=theme_id, theme_manual=True)
    return Change(added=(*themes, *made), label=label)


def _note_colour(ws, note: Note, group_id: str | None) -> str:
    """A note that wore its group's colour takes its new group's (as when dragged there)."""
    old = ws.get(Group, note.group_id)
    if old is None or note.color != old.color or note.group_id == group_id:
        return note.color
    new = ws.get(Group, group_id)
    return new.color if new is not None else ""


def _theme_for_copy(ws, frame: Frame, session_id: str | None, made: int) -> Theme:
    old = ws.get(Theme, frame.theme_id)
    order = sum(1 for t in ws.all(Theme) if t.session_id == session_id) + made
    return Theme(id=new_id(), session_id=session_id, label=frame.title,
                 color=old.color if old is not None else _DEFAULT_THEME_COLOR,
                 order=order, label_manual=True)


def _stacked(ws, made: list[Element]) -> list[Element]:
    """Copies on top of their board, frames under everything (keeping their order)."""
    out = []
    counters: dict[tuple, float] = {}
    for rec in made:
        key = board_of(rec)
        if key not in counters:
            on = ws.elements_on(*key)
            counters[key] = max((e.z for e in on), default=0.0)
            n_frames = sum(1 for r in made if isinstance(r, Frame) and board_of(r) == key)
            counters[(key, "frames")] = min((e.z for e in on), default=0.0) - n_frames - 1
        slot = (key, "frames") if isinstance(rec, Frame) else key
        counters[slot] += 1
        out.append(rec.replace(z=counters[slot]))
    return out


def duplicate(ws, ids: Iterable[str], extent: Extent = record_extent,
              offset: float = OFFSET) -> Change:
    """Copies of the elements and what they carry, a little right of and below them."""
    recs = elements(ws, with_contents(ws, ids, extent))
    return clones(ws, recs, offset, offset, label="duplicate")


# -- the clipboard ----------------------------------------------------------------------------
def to_clipboard(ws, ids: Iterable[str], extent: Extent = record_extent) -> tuple[str, str]:
    """``(json, text)`` of the elements and what they carry: our records for a paste
    on a board, their texts (one per line) for any other program."""
    recs = elements(ws, with_contents(ws, ids, extent))
    payload = [{"table": r.TABLE, "record": codec_for(type(r)).to_dict(r)} for r in recs]
    texts = []
    for r in sorted(recs, key=lambda r: (r.y, r.x)):
        text = getattr(r, "text", "") or getattr(r, "title", "")
        if text:
            texts.append(text)
    return json.dumps(payload, ensure_ascii=False), "\n".join(texts)


def from_clipboard(data: str | bytes) -> list[Element]:
    """The elements of a clipboard JSON (what cannot be read is left out)."""
    try:
        payload = json.loads(data)
    except (ValueError, TypeError):
        return []
    out = []
    for item in payload if isinstance(payload, list) else []:
        try:
            rtype = TYPE_BY_TABLE[item["table"]]
            rec = codec_for(rtype).from_dict(item["record"])
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        if isinstance(rec, Element):
            out.append(rec)
    return out


def paste(ws, recs: list[Element], board: Board, at: tuple[float, float] | None = None) -> Change:
    """Copies of ``recs`` on ``board``, centred on ``at`` (board points), else
    :data:`OFFSET` from where they were."""
    placed = [r for r in recs if not follows_ends(r)]
    if not placed:
        return Change()
    if at is None:
        dx = dy = OFFSET
    else:
        rects = [record_extent(r) for r in placed]
        cx = (min(x for x, _, _, _ in rects) + max(x + w for x, _, w, _ in rects)) / 2
        cy = (min(y for _, y, _, _ in rects) + max(y + h for _, y, _, h in rects)) / 2
        dx, dy = round(at[0] - cx), round(at[1] - cy)
    return clones(ws, recs, dx, dy, board, label="paste")


def text_lines(text: str) -> list[str]:
    """The notes a pasted text makes: one per non-empty line, list bullets removed."""
    lines = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _BULLET.sub("", line.strip()).strip()
        if line:
            lines.append(line)
    return lines


def notes_from_text(ws, text: str, board: Board, at: tuple[float, float] = (0.0, 0.0),
                    height: Callable[[Note], float] = lambda n: n.h) -> Change:
    """Notes of ``text`` (see :func:`text_lines`) in rows of :data:`TEXT_COLUMNS`,
    centred on ``at``; ``height`` gives a note's drawn height so rows do not overlap.

    Raises :class:`~facilitator.errors.FurikaeriError` for a line too long to be
    a note (nothing is added)."""
    lines = text_lines(text)
    if not lines:
        return Change()
    sid, gid = board
    group = ws.get(Group, gid)
    colour = group.color if group is not None else ""
    top = ws.max_z(sid, gid)
    notes = [ws.new_note(line, sid, gid, z=top + 1 + i, color=colour)
             for i, line in enumerate(lines)]
    cols = min(TEXT_COLUMNS, len(notes))
    rows = [notes[i:i + cols] for i in range(0, len(notes), cols)]
    heights = [max(max(height(n), NOTE_H) for n in row) for row in rows]
    width = cols * NOTE_W + (cols - 1) * GAP
    total = sum(heights) + GAP * (len(rows) - 1)
    x0, y = round(at[0] - width / 2), round(at[1] - total / 2)
    out = []
    for row, row_h in zip(rows, heights):
        for c, note in enumerate(row):
            out.append(note.replace(x=x0 + c * (NOTE_W + GAP), y=y))
        y += row_h + GAP
    return Change(added=tuple(out), label="paste")
