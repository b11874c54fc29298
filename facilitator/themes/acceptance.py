"""Themes on a board: what a proposal starts from, and accepting it.

:func:`proposal_input` says which notes of a board a proposal places and
which stay where people put them; :func:`acceptance` turns a
:class:`~facilitator.themes.cluster.Proposal` into ONE :class:`Change` (one undo
step): Theme records (label, key words, parent for nesting, その他), a
labelled Frame per theme and the notes arranged inside, row by row, with
その他 last.  Pure: nothing is written until the caller applies the change.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.board.arrange import follows_ends
from facilitator.board.attached import Extent, attached_stamps, carried, in_frame, record_extent
from facilitator.workshop.changes import Change
from facilitator.themes.proposal import OTHER, Proposal, other_label
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.board.palette import OTHER_THEME_COLOUR, THEME_COLOURS, theme_colour
from facilitator.themes.relayout import (  # noqa: F401 (the layout's sizes, for from_groups)
    FRAME_BAR, FRAME_PAD, MAX_COLUMNS, ROW_WIDTH, anchored, centre, connector_record, ink_owner,
    is_peer, pack, shown_height,
)
from facilitator.workshop.model import Frame, Note, Stamp, Theme, new_id

#: Outline colours of themes, in order (told apart with colour blindness too).
THEME_COLORS = THEME_COLOURS
OTHER_COLOR = OTHER_THEME_COLOUR


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

    # Which notes go in which frame: themes by parent group, その他 last.  Notes
    # already in a theme keep the order people saw (rows, then columns); new ones follow.
    boxes = [(theme_recs[j], _in_order(theme_recs[j], [notes[i] for i in tp.notes]),
              (0, tp.parent, j)) for j, tp in enumerate(proposal.themes)]
    if other_rec is not None:
        boxes.append((other_rec, _in_order(other_rec, [notes[i] for i in others]), (1, -1, 0)))
    old_frames = {f.theme_id: f for f in ws.elements_on(session_id, group_id, (Frame,))
                  if f.theme_id}
    # A theme whose notes are the same as before stays where people left it.
    staying = {t.id for t, ms, _ in boxes if t.id in old_frames and {n.id for n in ms}
               == {n.id for n in current.values() if n.theme_id == t.id}}
    boxes = [b for b in boxes if b[0].id not in staying]
    placed = {n.id: (n.theme_id, (n.x, n.y)) for n in notes if n.theme_id in staying}
    # Themes of this board left empty (an earlier proposal's, その他 emptied), with their frames.
    board_theme_ids = {n.theme_id for n in current.values() if n.theme_id}
    given_ids = {n.id for n in notes}
    used = {t.id for t, _, _ in boxes} | staying
    emptied = [old_themes[tid] for tid in board_theme_ids - used
               if tid in old_themes and not old_themes[tid].label_manual and not any(
                   n.theme_id == tid and n.id not in given_ids for n in current.values())]
    on_board = ws.elements_on(session_id, group_id)
    movers = [n for _, ms, _ in boxes for n in ms]
    # Stamps on the notes that move go with them (not in their way).
    decorations = attached_stamps(on_board, [n.id for n in movers], extent)
    # A theme's frame that moves, or goes, takes what it carries (not in its way either).
    moving_frames = [old_frames[t.id] for t, _, _ in boxes if t.id in old_frames]
    vanishing = [old_frames[t.id] for t in emptied if t.id in old_frames]
    placed_frames = {f.id for tid, f in old_frames.items()
                     if tid in board_theme_ids or tid in staying} | {f.id for f in moving_frames}
    along = _carried_along(on_board, moving_frames + vanishing, placed_frames, extent)
    moving = ({n.id for n in movers} | set(decorations) | set(along)
              | {f.id for f in moving_frames + vanishing})
    obstacles = [(r, is_peer(e)) for e in on_board if e.id not in moving and not follows_ends(e)
                 for r in [record_extent(e)] if r[2] > 0 or r[3] > 0]
    # Re-arranged frames go where the old ones were (no hole left, arrows stay short).
    start = moving_frames or vanishing
    origin = ((min(f.x for f in start), min(f.y for f in start)) if start else
              (min((n.x for n in movers), default=0.0), min((n.y for n in movers), default=0.0)))
    moved, frame_rects = pack(boxes, origin, obstacles)
    placed.update(moved)

    by_id = {e.id: e for e in on_board}
    frames_before = dict(old_frames)
    after: dict[str, object] = {}   # element id -> its record after the acceptance
    for tid in staying:  # a label typed in the preview reaches the frame's title
        theme = next(t for t in theme_recs + ([other_rec] if other_rec else []) if t.id == tid)
        frame = old_frames.pop(tid)
        after[frame.id] = frame.replace(title=theme.label)

    # Frames: reuse a theme's frame on this board, else a new one.
    z0 = min((n.z for n in notes), default=0.0) - len(frame_rects) - 1
    rect_of_theme = {t.id: r for t, r in frame_rects}
    rect_of_theme.update({tid: record_extent(frames_before[tid]) for tid in staying})
    for k, (theme, (x, y, w, h)) in enumerate(frame_rects):
        fields = dict(x=x, y=y, w=w, h=h, title=theme.label, color=theme.color, z=z0 + k)
        old = old_frames.pop(theme.id, None)
        if old is not None:
            del fields["color"]  # a frame people recoloured (or the demo's border) keeps it
            after[old.id] = old.replace(**fields)
        else:
            added.append(Frame(id=new_id(), session_id=session_id, group_id=group_id,
                               theme_id=theme.id, **fields))
    for note in notes:
        theme_id, (x, y) = placed[note.id]
        after[note.id] = note.replace(theme_id=theme_id, x=x, y=y)
    shifts = {n.id: (after[n.id].x - n.x, after[n.id].y - n.y) for n in notes}
    for stamp_id, note_id in decorations.items():
        dx, dy = shifts[note_id]
        stamp = by_id[stamp_id]
        after[stamp_id] = stamp.replace(x=stamp.x + dx, y=stamp.y + dy)
    after.update(_follow(by_id, along, frames_before, rect_of_theme, current, after, shifts,
                         extent))
    gone = {f.id for f in vanishing}
    _keep_apart([i for i, f in along.items() if f in gone and isinstance(by_id[i], Stamp)],
                by_id, after)
    for theme in emptied:
        removed.append(theme)
        if theme.id in old_frames:
            removed.append(old_frames.pop(theme.id))
    # Arrows stay on their ends: their stored line is where the board draws them.
    moves = {eid: (e.x - by_id[eid].x, e.y - by_id[eid].y) for eid, e in after.items()
             if (e.x, e.y) != (by_id[eid].x, by_id[eid].y)}
    for e in on_board:   # (an arrow stored off its ends is put right too)
        if follows_ends(e) and (e.source_id in moves or e.target_id in moves
                                or e.source_id in by_id and e.target_id in by_id):
            ends = {i: extent(after.get(i, by_id[i])) for i in (e.source_id, e.target_id)
                    if i in by_id}
            after[e.id] = connector_record(e, ends, moves)
    updated.extend((by_id[eid], new) for eid, new in after.items() if new != by_id[eid])
    # Parent groups of an earlier proposal give way to this one's.
    gone = {r.id for r in removed}
    kept_ids = {t.id for t in theme_recs}
    for old in old_themes.values():
        children = [t for t in old_themes.values() if t.parent_id == old.id]
        if children and not old.label_manual and old.id not in kept_ids and all(
                c.id in gone or c.id in kept_ids for c in children):
            removed.append(old)
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


def _keep_apart(ids: list[str], by_id, after) -> None:
    """Pictograms handed to another frame step aside from one already there
    (two corner stamps never end up one on the other)."""
    stamps = {i: after.get(i, e) for i, e in by_id.items() if isinstance(e, Stamp)}
    for sid in ids:
        s = stamps[sid]
        for _ in range(12):
            other = next((o for i, o in stamps.items() if i != sid and o.x < s.x + s.w
                          and s.x < o.x + o.w and o.y < s.y + s.h and s.y < o.y + o.h), None)
            if other is None:
                break
            s = s.replace(x=s.x - s.w - 4 if s.x <= other.x else other.x + other.w + 4)
        stamps[sid] = after[sid] = s


def _in_order(theme: Theme, members: list[Note]) -> list[Note]:
    """The notes of a frame in layout order: those already in the theme as people
    saw them (row by row), then the newcomers in the proposal's order."""
    def key(n: Note):
        return (0, n.y, n.x) if n.theme_id == theme.id else (1, 0.0, 0.0)
    return sorted(members, key=key)


def _follow(by_id, along, frames_before, rect_of_theme, notes_before, after, shifts, extent):
    """New records of what moving or vanishing theme frames carry (``along``).

    Ink marking a note (a circle round it, a line under it) follows that note;
    what lies in an inner frame goes as that frame goes; the rest keeps its
    place in the frame (:func:`anchored`).  A frame that goes (its theme left
    empty, その他 absorbed) hands what it carried to the frame its nearest
    note went to.
    """
    theme_of_frame = {f.id: tid for tid, f in frames_before.items()}
    inner_frames = [by_id[i] for i in along if isinstance(by_id[i], Frame)]
    memo: dict[str, tuple[float, float] | None] = {}

    def delta(eid):
        if eid in memo:
            return memo[eid] or (0.0, 0.0)   # None: asked again while working it out
        memo[eid] = None
        e, frame = by_id[eid], by_id[along[eid]]
        tid = theme_of_frame[frame.id]
        inner = [f for f in inner_frames if f.id != eid and in_frame(f, e, extent)]
        members = [n for n in notes_before.values() if n.theme_id == tid]
        owner = ink_owner(e, members, extent)
        if inner:
            d = delta(min(inner, key=lambda f: abs(f.w * f.h)).id)
        elif owner is not None and owner.id in shifts:
            d = shifts[owner.id]
        else:
            r = record_extent(e)
            target = rect_of_theme.get(tid)
            if target is None and members:   # the frame goes: to its nearest note's frame
                cx, cy = centre(r)
                near = min(members, key=lambda n: (centre(extent(n))[0] - cx) ** 2
                           + (centre(extent(n))[1] - cy) ** 2)
                target = rect_of_theme.get(after[near.id].theme_id) if near.id in after else None
            if target is None:
                d = (0.0, 0.0)
            else:
                nx, ny = anchored(r, record_extent(frame), target)
                d = (nx - r[0], ny - r[1])
        memo[eid] = d
        return d

    out = {}
    for eid in along:
        dx, dy = delta(eid)
        e = by_id[eid]
        out[eid] = e.replace(x=e.x + dx, y=e.y + dy)
    return out
