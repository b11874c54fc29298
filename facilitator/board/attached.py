"""What moves along: a frame carries what lies in it, a note the stamps on it.

Pure functions over records (no Qt).  The board's drag and the acceptance of
a theme proposal both ask here, so a decoration goes where its note or frame
goes, in the same step:

* a **frame** carries the notes, stamps and headings whose centre lies in it,
  and the ink, free lines and frames lying wholly in it (and what those
  frames carry in turn);
* a **note** carries the stamps sitting on it or touching it (a stamp over
  two notes belongs to the one it covers most; a stamp larger than the note
  is not a decoration of it, so a big pictogram behind a cluster stays put);
* connectors attached to an element by id are never moved: they follow
  their ends as drawn.

``extent(element)`` gives an element's rectangle as the board shows it; the
board passes the drawn size of notes whose long text made them taller (and of
headings sized by their text).  It may differ from the record only in width
and height, never in position.
"""

from __future__ import annotations

from typing import Callable, Iterable

from facilitator.workshop.model import Connector, Element, Frame, Heading, Note, Stamp

Rect = tuple[float, float, float, float]
Extent = Callable[[Element], Rect]

#: Elements that belong to a frame when their centre lies in it; the others
#: (strokes, frames, free connectors) only when wholly inside.
_BY_CENTRE = (Note, Stamp, Heading)


def record_extent(e: Element) -> Rect:
    """An element's rectangle as its record says (a connector's may run backwards)."""
    x, y, w, h = e.x, e.y, e.w, e.h
    if w < 0:
        x, w = x + w, -w
    if h < 0:
        y, h = y + h, -h
    return x, y, w, h


def _follows_ends(e: Element) -> bool:
    return isinstance(e, Connector) and bool(e.source_id or e.target_id)


def _board(e: Element) -> tuple:
    return e.session_id, e.group_id


def in_frame(frame: Frame, e: Element, extent: Extent = record_extent) -> bool:
    """Whether ``frame`` carries ``e`` (same board; centre or wholly inside, see above)."""
    if e.id == frame.id or _board(e) != _board(frame) or _follows_ends(e):
        return False
    fx, fy, fw, fh = record_extent(frame)
    if isinstance(e, _BY_CENTRE):
        if isinstance(e, Note) and not fx <= e.x + e.w / 2 <= fx + fw:
            return False  # cheap: notes grow only downwards, so x decides most of them
        x, y, w, h = extent(e)
        return fx <= x + w / 2 <= fx + fw and fy <= y + h / 2 <= fy + fh
    x, y, w, h = record_extent(e)
    return fx <= x and fy <= y and x + w <= fx + fw and y + h <= fy + fh


def _overlap(a: Rect, b: Rect) -> float | None:
    """Area two rectangles share; 0 when they only touch, None when apart."""
    ox = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    oy = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return ox * oy if ox >= 0 and oy >= 0 else None


def stamp_owner(stamp: Stamp, notes: Iterable[Note], extent: Extent = record_extent) -> Note | None:
    """The note ``stamp`` decorates: of the notes it overlaps or touches, on its
    board and at least as large as it, the one it covers most (then the top one)."""
    sx, sy, sw, sh = s = record_extent(stamp)
    best, best_key = None, None
    for note in notes:
        if (_board(note) != _board(stamp) or note.x > sx + sw or note.x + note.w < sx
                or note.y > sy + sh):
            continue  # cheap rejections first: a note only grows downwards
        rect = extent(note)
        area = _overlap(s, rect)
        if area is None or rect[2] * rect[3] < sw * sh:
            continue
        key = (area, note.z, note.id)
        if best_key is None or key > best_key:
            best, best_key = note, key
    return best


def attached_stamps(elements: Iterable[Element], note_ids: Iterable[str],
                    extent: Extent = record_extent) -> dict[str, str]:
    """Stamp id -> note id for the stamps among ``elements`` that decorate one of
    ``note_ids`` (see :func:`stamp_owner`; ``elements`` holds the other notes too)."""
    elements = list(elements)
    wanted = set(note_ids)
    notes = [e for e in elements if isinstance(e, Note)]
    moving = [n for n in notes if n.id in wanted]
    if not moving:
        return {}
    out = {}
    for stamp in (e for e in elements if isinstance(e, Stamp)):
        s = record_extent(stamp)
        # Only a stamp touching a moving note can be its decoration.
        if not any(_overlap(s, extent(n)) is not None for n in moving
                   if _board(n) == _board(stamp) and n.x <= s[0] + s[2]
                   and s[0] <= n.x + n.w and n.y <= s[1] + s[3]):
            continue
        owner = stamp_owner(stamp, notes, extent)
        if owner is not None and owner.id in wanted:
            out[stamp.id] = owner.id
    return out


def carried(elements: Iterable[Element], ids: Iterable[str],
            extent: Extent = record_extent) -> list[str]:
    """``ids`` and everything moving them takes along, in one list (``ids`` first).

    ``elements`` are the records of the boards involved (what a frame may
    carry and what a stamp may sit on).
    """
    elements = list(elements)
    by_id = {e.id: e for e in elements}
    out = list(dict.fromkeys(ids))
    seen = set(out)
    frames = [by_id[i] for i in out if isinstance(by_id.get(i), Frame)]
    while frames:
        frame = frames.pop()
        for e in elements:
            if e.id not in seen and in_frame(frame, e, extent):
                seen.add(e.id)
                out.append(e.id)
                if isinstance(e, Frame):
                    frames.append(e)
    notes = [i for i in out if isinstance(by_id.get(i), Note)]
    for stamp_id in attached_stamps(elements, notes, extent):
        if stamp_id not in seen:
            seen.add(stamp_id)
            out.append(stamp_id)
    return out
