"""Themes on a board: what a proposal starts from, and accepting it.

:func:`proposal_input` says which notes of a board a proposal places and
which stay where people put them; :func:`acceptance` turns a
:class:`~facilitator.themes.cluster.Proposal` into ONE :class:`Change` (one undo
step): Theme records (label, key words, parent for nesting, その他), a
labelled Frame per theme and the notes arranged inside, row by row, with
その他 last.  Pure: nothing is written until the caller applies the change.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from facilitator.board.attached import Extent, attached_stamps, carried, record_extent
from facilitator.workshop.changes import Change
from facilitator.themes.proposal import OTHER, Proposal, other_label
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.board.palette import OTHER_THEME_COLOUR, THEME_COLOURS, theme_colour
from facilitator.board.placement import GAP
from facilitator.workshop.model import Frame, Note, Stamp, Theme, new_id

#: Outline colours of themes, in order (told apart with colour blindness too).
THEME_COLORS = THEME_COLOURS
OTHER_COLOR = OTHER_THEME_COLOUR
#: Height of a frame's title bar (as the board draws it) plus its padding.
FRAME_BAR = 28.0
FRAME_PAD = 16.0
#: Widest row of frames before the next row starts (board points).
ROW_WIDTH = 2400.0
MAX_COLUMNS = 8
#: A note's type as the board draws it (px): long notes grow taller than
#: their record, so the layout makes room by this (generous) estimate.
_CHAR_W, _LINE_H, _NOTE_CHROME = 13.0, 18.0, 40.0


def theme_color(index: int) -> str:
    """The outline colour of the ``index``-th theme."""
    return theme_colour(index)


@dataclass(frozen=True)
class ProposalInput:
    """The notes of a board a proposal sees: ``fixed[i]`` is the theme id of
    ``notes[i]`` when it stays in that theme (placed by hand, or accepted)."""

    notes: tuple[Note, ...]
    fixed: dict[int, str]

    @property
    def texts(self) -> list[str]:
        return [n.text for n in self.notes]

    @property
    def remaining(self) -> int:
        """How many notes the proposal places."""
        return len(self.notes) - len(self.fixed)


def board_notes(ws, session_id: str | None, group_id: str | None = None) -> list[Note]:
    """The notes of one board, in stacking order."""
    return ws.elements_on(session_id, group_id, (Note,))  # type: ignore[return-value]


def proposal_input(ws, session_id: str | None, group_id: str | None = None) -> ProposalInput:
    """Notes of a board and which of them keep their theme.

    A note keeps its theme when a person placed it there (``theme_manual``),
    when people named the theme (``label_manual``) or when the theme came from
    an accepted proposal: re-proposing places only the remaining notes (those
    in no theme, or in その他).
    """
    notes = board_notes(ws, session_id, group_id)
    fixed = {}
    for i, note in enumerate(notes):
        theme = ws.get(Theme, note.theme_id)
        if theme is not None and (note.theme_manual or not theme.is_other):
            fixed[i] = theme.id
    return ProposalInput(tuple(notes), fixed)


def acceptance(ws, session_id: str | None, group_id: str | None, given: ProposalInput,
               proposal: Proposal, labels: dict[int, str] | None = None,
               extent: Extent = record_extent) -> Change:
    """The change that accepts ``proposal`` (made from ``given``) on a board.

    ``labels`` maps theme index -> a label a person typed in the preview
    (stored with ``label_manual``).  Existing themes (``ThemeProposal.key``)
    keep their id, and their label when people named them.  Stamps sitting on
    a note move with it, and a theme's frame that moves takes along what it
    carries (headings, ink, other stamps, frames drawn in it; see
    :mod:`facilitator.board.attached`; ``extent`` gives the drawn size of notes).
    Raises :class:`FurikaeriError` when the board's notes changed since the
    proposal.
    """
    labels = labels or {}
    current = {n.id: n for n in board_notes(ws, session_id, group_id)}
    if len(proposal.assignment) != len(given.notes) or any(
            n.id not in current for n in given.notes):
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The notes changed while themes were proposed; propose again."))
    notes = [current[n.id] for n in given.notes]
    old_themes = {t.id: t for t in ws.all(Theme) if t.session_id == session_id}
    added: list = []
    updated: list = []
    removed: list = []

    # Parent groups first (so children can point at them).
    parent_ids = []
    for j, parent in enumerate(proposal.parents):
        rec = Theme(id=new_id(), session_id=session_id, label=parent.label,
                    color=theme_color(j), order=j)
        parent_ids.append(rec.id)
        added.append(rec)
    theme_recs: list[Theme] = []
    base_order = len(parent_ids)
    for j, tp in enumerate(proposal.themes):
        typed = labels.get(j, "").strip()
        old = old_themes.get(tp.key) if tp.key else None
        fields = dict(keywords=list(tp.keywords), order=base_order + j,
                      parent_id=parent_ids[tp.parent] if tp.parent >= 0 else None)
        if typed:
            fields.update(label=typed, label_manual=True)
        elif old is None:  # a theme people already accepted keeps its label
            fields.update(label=tp.label)
        if old is not None:
            new = old.replace(**fields)
            if new != old:
                updated.append((old, new))
            theme_recs.append(new)
        else:
            rec = Theme(id=new_id(), session_id=session_id, color=theme_color(j), **fields)
            added.append(rec)
            theme_recs.append(rec)
    others = [i for i, t in enumerate(proposal.assignment) if t == OTHER]
    other_rec = None
    if others:
        # This board's その他 (another group's board of the session has its own).
        other_rec = next((old_themes[n.theme_id] for n in current.values()
                          if n.theme_id in old_themes and old_themes[n.theme_id].is_other), None)
        if other_rec is None:
            other_rec = Theme(id=new_id(), session_id=session_id, label=other_label(),
                              color=OTHER_COLOR, is_other=True,
                              order=base_order + len(theme_recs))
            added.append(other_rec)
        else:
            new = other_rec.replace(order=base_order + len(theme_recs))
            if new != other_rec:
                updated.append((other_rec, new))
            other_rec = new

    # Which notes go in which frame: themes by parent group, その他 last.
    boxes = [(theme_recs[j], [notes[i] for i in tp.notes], (0, tp.parent, j))
             for j, tp in enumerate(proposal.themes)]
    if other_rec is not None:
        boxes.append((other_rec, [notes[i] for i in others], (1, -1, 0)))
    old_frames = {f.theme_id: f for f in ws.elements_on(session_id, group_id, (Frame,))
                  if f.theme_id}
    # A theme whose notes are the same as before stays where people left it.
    staying = {t.id for t, ms, _ in boxes if t.id in old_frames and {n.id for n in ms}
               == {n.id for n in current.values() if n.theme_id == t.id}}
    boxes = [b for b in boxes if b[0].id not in staying]
    placed = {n.id: (n.theme_id, (n.x, n.y)) for n in notes if n.theme_id in staying}
    # What else is drawn on the board (headings, ink, hand-drawn frames, themes
    # that stay) stays put: new frames go below whatever they would cover.
    on_board = ws.elements_on(session_id, group_id)
    movers = [n for _, ms, _ in boxes for n in ms]
    # Stamps on the notes that move go with them (not in their way).
    decorations = attached_stamps(on_board, [n.id for n in movers], extent)
    # A theme's frame that moves takes what it carries (not in its way either).
    board_theme_ids = {n.theme_id for n in current.values() if n.theme_id}
    moving_frames = [old_frames[t.id] for t, _, _ in boxes if t.id in old_frames]
    placed_frames = {f.id for tid, f in old_frames.items()
                     if tid in board_theme_ids or tid in staying} | {f.id for f in moving_frames}
    along = _carried_along(on_board, moving_frames, placed_frames, extent)
    moving = ({n.id for n in movers} | set(decorations) | set(along)
              | {f.id for f in moving_frames})
    obstacles = [e for e in on_board if e.id not in moving and e.w > 0 and e.h > 0]
    origin = (min((n.x for n in movers), default=0.0), min((n.y for n in movers), default=0.0))
    frame_rects: list = []
    for _ in range(len(obstacles) + 1):
        moved, frame_rects = _layout(boxes, origin)
        hit = [e for e in obstacles if any(_overlaps(e, r) for _, r in frame_rects)]
        if not hit:
            break
        origin = (origin[0], max(e.y + e.h for e in hit) + 2 * GAP)
    placed.update(moved)
    for tid in staying:  # a label typed in the preview reaches the frame's title
        theme = next(t for t in theme_recs + ([other_rec] if other_rec else []) if t.id == tid)
        frame = old_frames.pop(tid)
        if frame.title != theme.label:
            updated.append((frame, frame.replace(title=theme.label)))

    # Frames: reuse a theme's frame on this board, else a new one.
    z0 = min((n.z for n in notes), default=0.0) - len(frame_rects) - 1
    shifts = {}
    for k, (theme, (x, y, w, h)) in enumerate(frame_rects):
        fields = dict(x=x, y=y, w=w, h=h, title=theme.label, color=theme.color, z=z0 + k)
        old = old_frames.pop(theme.id, None)
        if old is not None:
            del fields["color"]  # a frame people recoloured (or the demo's border) keeps it
            new = old.replace(**fields)
            shifts[old.id] = (x - old.x, y - old.y)
            if new != old:
                updated.append((old, new))
        else:
            added.append(Frame(id=new_id(), session_id=session_id, group_id=group_id,
                               theme_id=theme.id, **fields))
    by_id = {e.id: e for e in on_board}
    for eid, frame_id in along.items():
        dx, dy = shifts[frame_id]
        if dx or dy:
            e = by_id[eid]
            updated.append((e, e.replace(x=e.x + dx, y=e.y + dy)))
    used = {t.id for t, _ in frame_rects} | staying
    # Themes of this board left empty (an earlier proposal's), with their frames.
    for tid in board_theme_ids - used:
        theme = old_themes.get(tid)
        if theme is not None and not theme.label_manual and not any(
                n.theme_id == tid and n.id not in placed for n in current.values()):
            removed.append(theme)
            if tid in old_frames:
                removed.append(old_frames.pop(tid))
    # Parent groups of an earlier proposal give way to this one's.
    gone = {r.id for r in removed}
    kept_ids = {t.id for t in theme_recs}
    for old in old_themes.values():
        children = [t for t in old_themes.values() if t.parent_id == old.id]
        if children and not old.label_manual and old.id not in kept_ids and all(
                c.id in gone or c.id in kept_ids for c in children):
            removed.append(old)
    for note in notes:
        theme_id, (x, y) = placed[note.id]
        new = note.replace(theme_id=theme_id, x=x, y=y)
        if new != note:
            updated.append((note, new))
    for stamp_id, note_id in decorations.items():
        stamp, note = ws.get(Stamp, stamp_id), current[note_id]
        _, (x, y) = placed[note_id]
        if (x, y) != (note.x, note.y):
            updated.append((stamp, stamp.replace(x=stamp.x + x - note.x, y=stamp.y + y - note.y)))
    return Change(added=tuple(added), updated=tuple(updated), removed=tuple(removed),
                  label="themes")


def with_board_labels(ws, proposal: Proposal) -> Proposal:
    """``proposal`` with the labels existing themes already have (they keep them)."""
    from dataclasses import replace
    themes = tuple(replace(t, label=ws.get(Theme, t.key).label)
                   if t.key and ws.get(Theme, t.key) is not None else t for t in proposal.themes)
    return replace(proposal, themes=themes)


def accept_proposal(ws, session_id, group_id, given: ProposalInput, proposal: Proposal,
                    labels: dict[int, str] | None = None,
                    extent: Extent = record_extent) -> Change:
    """Apply :func:`acceptance` to ``ws`` (one undo step)."""
    return ws.apply(acceptance(ws, session_id, group_id, given, proposal, labels, extent))


def add_theme_frame(ws, frame: Frame) -> Change:
    """A frame drawn by hand is a theme of its own (named by its title), in one step.

    Notes dropped into it join the theme, so the minutes list them as the board shows.
    """
    themes = [t for t in ws.all(Theme) if t.session_id == frame.session_id]
    theme = Theme(id=new_id(), session_id=frame.session_id, label=frame.title,
                  color=theme_color(len(themes)), order=len(themes), label_manual=True)
    return ws.apply(Change(added=(theme, frame.replace(theme_id=theme.id)), label="frame"))


def retitle_frame(ws, frame_id: str, title: str) -> Change:
    """Rename a frame and, when it holds a theme, the theme's label (named by a person)."""
    frame = ws.get(Frame, frame_id)
    if frame is None:
        return Change()
    updated = [(frame, frame.replace(title=title))] if frame.title != title else []
    theme = ws.get(Theme, frame.theme_id)
    if theme is not None and (theme.label != title or not theme.label_manual):
        updated.append((theme, theme.replace(label=title, label_manual=True)))
    return ws.apply(Change(updated=tuple(updated), label="edit"))


def _carried_along(on_board, frames, placed_frames, extent) -> dict[str, str]:
    """Element id -> id of the moving theme frame (of ``frames``) that carries it.

    Not the notes (laid out anew), nor the stamps on notes (they follow their
    note), nor the frames whose place the acceptance decides (``placed_frames``).
    """
    note_ids = [e.id for e in on_board if isinstance(e, Note)]
    skip = set(note_ids) | set(attached_stamps(on_board, note_ids, extent)) | placed_frames
    free = [e for e in on_board if e.id not in skip]
    out: dict[str, str] = {}
    for frame in frames:
        for eid in carried(free + [frame], [frame.id], extent)[1:]:
            out.setdefault(eid, frame.id)
    return out


def _overlaps(e, rect) -> bool:
    x, y, w, h = rect
    return e.x < x + w and x < e.x + e.w and e.y < y + h and y < e.y + e.h


def _frame_size(notes: list[Note]) -> tuple[int, float, float]:
    """Columns, width and height of a frame holding ``notes`` in a grid."""
    n = max(len(notes), 1)
    cols = min(MAX_COLUMNS, max(1, math.ceil(math.sqrt(n))))
    cw = max((nt.w for nt in notes), default=160.0)
    rows = math.ceil(n / cols)
    heights = _row_heights(notes, cols) or [100.0]
    w = 2 * FRAME_PAD + cols * cw + (cols - 1) * GAP
    h = FRAME_BAR + 2 * FRAME_PAD + sum(heights) + (rows - 1) * GAP
    return cols, w, h


def shown_height(note: Note) -> float:
    """The height a note will take on the board: its own, or more for long text."""
    per_line = max(1, int((note.w - 16) // _CHAR_W))
    lines = sum(max(1, math.ceil(len(part) / per_line)) for part in note.text.split("\n"))
    return max(note.h, lines * _LINE_H + _NOTE_CHROME)


def _row_heights(notes: list[Note], cols: int) -> list[float]:
    return [max(shown_height(nt) for nt in notes[r:r + cols])
            for r in range(0, len(notes), cols)]


def _layout(boxes, origin):
    """Positions of notes and frames: frames in rows (shelf packing), a parent
    group's themes on rows of their own, その他 last (``boxes`` carry their
    sort key ``(is_other, parent, index)``)."""
    ox, oy = origin
    placed: dict[str, tuple[str, tuple[float, float]]] = {}
    frames: list[tuple[Theme, tuple[float, float, float, float]]] = []
    x, y, row_h = ox, oy, 0.0
    last_group = None
    for theme, notes, key in sorted(boxes, key=lambda b: b[2]):
        group = key[:2]
        cols, w, h = _frame_size(notes)
        new_group = group != last_group and x > ox
        if new_group or (x > ox and x + w - ox > ROW_WIDTH):
            x, y, row_h = ox, y + row_h + 2 * GAP, 0.0
        last_group = group
        frames.append((theme, (x, y, w, h)))
        cw = max((nt.w for nt in notes), default=160.0)
        ny = y + FRAME_BAR + FRAME_PAD
        for r, rh in enumerate(_row_heights(notes, cols)):
            for c, note in enumerate(notes[r * cols:(r + 1) * cols]):
                placed[note.id] = (theme.id, (x + FRAME_PAD + c * (cw + GAP), ny))
            ny += rh + GAP
        x += w + 2 * GAP
        row_h = max(row_h, h)
    return placed, frames
