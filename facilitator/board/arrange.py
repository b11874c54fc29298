"""Board commands as changes: recolour, align, distribute, stacking order, delete.

Each function reads the workshop and returns ONE :class:`Change`, not yet
applied, so a command is one undo step whether it comes from a key, the Edit
menu or the board's context menu.  The window passes ``extent`` (the drawn
rectangle of a note grown by long text, see :mod:`facilitator.board.attached`)
so that alignment lines up what the eye sees.

Rules a user can rely on:

* what a command moves takes along what a drag would (a frame its contents,
  a note the stamps on it), and a note that lands in a theme's frame joins
  that theme, as when dragged there;
* connectors attached to elements are never moved: they follow their ends;
* deleting a theme's frame dissolves its theme (the notes stay, outside any
  theme), or takes the frame's contents along when asked to.
"""

from __future__ import annotations

from dataclasses import fields as dataclass_fields
from typing import Iterable

from facilitator.board.attached import Extent, carried, record_extent
from facilitator.workshop.changes import Change
from facilitator.workshop.model import Connector, Element, Frame, Note, Theme

#: Colours by hue: (fill of a note, ink of lines, text, frames and stamps), so one
#: choice gives every kind of element a shade that stays legible.
HUES: dict[str, tuple[str, str]] = {
    "yellow": ("#FFE066", "#B38600"),
    "red": ("#FFB3C7", "#D32F2F"),
    "blue": ("#A8D8FF", "#1565C0"),
    "green": ("#B8E6A0", "#2E7D32"),
    "orange": ("#FFC98B", "#EF6C00"),
    "purple": ("#D5B8FF", "#6A1B9A"),
    "black": ("#E6E6E6", "#222222"),
}
#: The hue that gives every element its usual colour back (a note its group's).
DEFAULT_HUE = ""

EDGES = ("left", "centre", "right", "top", "middle", "bottom")
AXES = ("horizontal", "vertical")

Board = tuple[str | None, str | None]


def board_of(e: Element) -> Board:
    return e.session_id, e.group_id


def follows_ends(e: Element) -> bool:
    """A connector attached by id: it is drawn between its ends, never moved itself."""
    return isinstance(e, Connector) and bool(e.source_id or e.target_id)


def elements(ws, ids: Iterable[str]) -> list[Element]:
    """The elements of ``ids`` that exist, once each, in the order given."""
    out: dict[str, Element] = {}
    for rid in ids:
        rec = ws.find(rid)
        if isinstance(rec, Element):
            out.setdefault(rid, rec)
    return list(out.values())


def _by_board(recs: Iterable[Element]) -> dict[Board, list[Element]]:
    out: dict[Board, list[Element]] = {}
    for r in recs:
        out.setdefault(board_of(r), []).append(r)
    return out


# -- colour ---------------------------------------------------------------------------
def _usual_colour(rtype: type[Element]) -> str:
    return next(f.default for f in dataclass_fields(rtype) if f.name == "color")


def colour_for(rec: Element, hue: str) -> str:
    """The colour ``rec`` takes for ``hue``: a key of :data:`HUES`, ``""`` for its
    usual colour, or a ``#RRGGBB`` given as it is."""
    if not hue:
        return _usual_colour(type(rec))
    if hue.startswith("#"):
        return hue
    fill, ink = HUES[hue]
    return fill if isinstance(rec, Note) else ink


def recolour(ws, ids: Iterable[str], hue: str) -> Change:
    """Give the elements the colour of ``hue`` (a note's own colour overrides its group's)."""
    updated = []
    for rec in elements(ws, ids):
        colour = colour_for(rec, hue)
        theme = ws.get(Theme, rec.theme_id) if isinstance(rec, Frame) and not hue else None
        if theme is not None:
            colour = theme.color  # a theme's frame wears its theme's colour
        new = rec.replace(color=colour)
        if new != rec:
            updated.append((rec, new))
    return Change(updated=tuple(updated), label="recolour")


# -- moving -----------------------------------------------------------------------------
def _area(e: Element) -> float:
    _, _, w, h = record_extent(e)
    return w * h


def moves(ws, deltas: dict[str, tuple[float, float]], extent: Extent = record_extent,
          label: str = "move") -> Change:
    """Move each element of ``deltas`` by its own (dx, dy), with what it carries.

    An element carried by two moving frames follows the innermost one; one
    that is itself in ``deltas`` keeps its own move.
    """
    recs = elements(ws, deltas)
    on_boards = [e for board in _by_board(recs) for e in ws.elements_on(*board)]
    by_id = {e.id: e for e in on_boards}
    final = {r.id: deltas[r.id] for r in recs}
    for rec in sorted(recs, key=_area):
        for other in carried(on_boards, [rec.id], extent)[1:]:
            final.setdefault(other, deltas[rec.id])
    pairs = []
    for rid, (dx, dy) in final.items():
        rec = by_id.get(rid)
        if rec is None or follows_ends(rec) or (dx == 0 and dy == 0):
            continue
        pairs.append((rec, rec.replace(x=round(rec.x + dx, 2), y=round(rec.y + dy, 2))))
    return Change(updated=tuple(ws.themes_by_place(pairs)), label=label)


def align(ws, ids: Iterable[str], edge: str, extent: Extent = record_extent) -> Change:
    """Line the elements of each board up on ``edge`` (one of :data:`EDGES`) of
    their common rectangle: left, centre or right edges, top, middle or bottom."""
    if edge not in EDGES:
        raise ValueError(f"unknown edge {edge!r}")
    deltas: dict[str, tuple[float, float]] = {}
    placed = [r for r in elements(ws, ids) if not follows_ends(r)]
    for recs in _by_board(placed).values():
        if len(recs) < 2:
            continue
        rects = {r.id: extent(r) for r in recs}
        left = min(x for x, _, _, _ in rects.values())
        right = max(x + w for x, _, w, _ in rects.values())
        top = min(y for _, y, _, _ in rects.values())
        bottom = max(y + h for _, y, _, h in rects.values())
        for rid, (x, y, w, h) in rects.items():
            if edge == "left":
                deltas[rid] = (left - x, 0.0)
            elif edge == "centre":
                deltas[rid] = ((left + right) / 2 - (x + w / 2), 0.0)
            elif edge == "right":
                deltas[rid] = (right - (x + w), 0.0)
            elif edge == "top":
                deltas[rid] = (0.0, top - y)
            elif edge == "middle":
                deltas[rid] = (0.0, (top + bottom) / 2 - (y + h / 2))
            else:
                deltas[rid] = (0.0, bottom - (y + h))
    return moves(ws, deltas, extent, "align")


def distribute(ws, ids: Iterable[str], axis: str, extent: Extent = record_extent) -> Change:
    """Equal gaps between the elements of each board along ``axis`` ("horizontal"
    or "vertical"); the first and the last stay put.  Needs three or more."""
    if axis not in AXES:
        raise ValueError(f"unknown axis {axis!r}")
    i = 0 if axis == "horizontal" else 1
    deltas: dict[str, tuple[float, float]] = {}
    placed = [r for r in elements(ws, ids) if not follows_ends(r)]
    for recs in _by_board(placed).values():
        if len(recs) < 3:
            continue
        spans = sorted(((extent(r)[i], extent(r)[i + 2], r.id) for r in recs),
                       key=lambda s: (s[0], s[2]))
        first = spans[0][0]
        last = max(start + size for start, size, _ in spans)
        gap = (last - first - sum(size for _, size, _ in spans)) / (len(spans) - 1)
        pos = first
        for start, size, rid in spans:
            shift = round(pos - start, 2)
            deltas[rid] = (shift, 0.0) if i == 0 else (0.0, shift)
            pos += size + gap
    return moves(ws, deltas, extent, "distribute")


# -- stacking order -----------------------------------------------------------------------
def _restack(ws, ids: Iterable[str], front: bool) -> Change:
    updated = []
    for board, recs in _by_board(elements(ws, ids)).items():
        recs.sort(key=lambda r: (r.z, r.id))
        chosen = {r.id for r in recs}
        others = [e for e in ws.elements_on(*board) if e.id not in chosen]
        if not others:
            continue
        if front:
            base = max(e.z for e in others) + 1
            if min(r.z for r in recs) >= base:
                continue  # already in front of everything else
        else:
            base = min(e.z for e in others) - len(recs)
            if max(r.z for r in recs) < min(e.z for e in others):
                continue
        for k, r in enumerate(recs):
            if r.z != base + k:
                updated.append((r, r.replace(z=base + k)))
    return Change(updated=tuple(updated), label="z-order")


def bring_to_front(ws, ids: Iterable[str]) -> Change:
    """Put the elements over everything else on their board (keeping their own order)."""
    return _restack(ws, ids, True)


def send_to_back(ws, ids: Iterable[str]) -> Change:
    """Put the elements under everything else on their board (keeping their own order)."""
    return _restack(ws, ids, False)


# -- what goes along, and deleting --------------------------------------------------------
def with_contents(ws, ids: Iterable[str], extent: Extent = record_extent) -> list[str]:
    """``ids`` and what a drag of them would carry (frames' contents, stamps on
    notes), plus the connectors running between two of them."""
    recs = elements(ws, ids)
    on_boards = [e for board in _by_board(recs) for e in ws.elements_on(*board)]
    out = carried(on_boards, [r.id for r in recs], extent)
    inside = set(out)
    for e in on_boards:
        if (isinstance(e, Connector) and e.id not in inside and follows_ends(e)
                and (e.source_id is None or e.source_id in inside)
                and (e.target_id is None or e.target_id in inside)):
            out.append(e.id)
    return out


def frames_holding(ws, ids: Iterable[str], extent: Extent = record_extent) -> list[str]:
    """Frames among ``ids`` that carry something not itself among ``ids``
    (deleting them asks what becomes of their contents)."""
    wanted = set(ids)
    out = []
    for rec in elements(ws, wanted):
        if isinstance(rec, Frame):
            on_board = ws.elements_on(*board_of(rec))
            if any(i not in wanted for i in carried(on_board, [rec.id], extent)[1:]):
                out.append(rec.id)
    return out


def delete(ws, ids: Iterable[str], contents: bool = False,
           extent: Extent = record_extent) -> Change:
    """Remove the elements (and the connectors attached to them) in one step.

    A theme's frame takes its theme along when no other frame shows it: the
    notes stay on the board, outside any theme.  With ``contents`` a frame
    takes what lies in it too.
    """
    ids = [r.id for r in elements(ws, ids)]
    if contents:
        ids = with_contents(ws, ids, extent)
    doomed = set(ids)
    frames = [f for f in elements(ws, ids) if isinstance(f, Frame) and f.theme_id]
    for theme_id in {f.theme_id for f in frames}:
        others = [f for f in ws.all(Frame) if f.theme_id == theme_id and f.id not in doomed]
        if not others and ws.get(Theme, theme_id) is not None:
            ids.append(theme_id)
    change = ws.removal(ids)
    return Change(added=change.added, updated=change.updated, removed=change.removed,
                  label="delete")
