"""From groups to the plenary: the groups' results brought onto a plenary board.

After a group session the plenary wants every group's themes in front of the
whole room.  :func:`bring_groups_into` returns ONE :class:`Change` (one undo
step) that copies, for each group of a group session, its themes as labelled
frames with their notes onto a plenary session's board:

* one frame per theme, titled 「グループA：表札」 and drawn in a deep shade of the
  group's colour; the group's その他 and its notes of no theme go into one frame
  「その他（グループA）」; the notes keep their text, author and times and wear
  the group's colour (a colour chosen by hand stays);
* each group's frames on rows of their own under a heading 「グループA より（…）」,
  below whatever the plenary board already holds (acceptance's frame geometry:
  :data:`~facilitator.themes.acceptance.FRAME_BAR`, ``FRAME_PAD``, ``ROW_WIDTH``,
  ``shown_height``).

Copies, not moves: the group boards stay the record of the group work (the
minutes print each group's themes and graphic record as the group left them,
and a note-taker's board is never emptied under them).  The plenary may then
move, merge and vote on the copies freely; votes start at zero there.

What was brought in is kept in one :class:`Setting` per plenary and group
(``groups_in:<plenary id>:<group id>``): which themes and notes are copies of
which.  Bringing a group in again is skipped, or with ``refresh`` replaces the
earlier copies; the minutes read it to say 「グループA より」 and to count a
copied note once.
"""

from __future__ import annotations

import colorsys
import math
from dataclasses import dataclass

from facilitator.board.placement import GAP
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.themes.acceptance import (
    FRAME_BAR, FRAME_PAD, MAX_COLUMNS, ROW_WIDTH, shown_height,
)
from facilitator.workshop.changes import Change
from facilitator.workshop.model import (
    KIND_GROUPS, Element, Frame, Group, Heading, Note, Session, Setting, Theme, new_id,
)

SETTING_PREFIX = "groups_in:"
#: The heading over each group's frames.
HEADING_SIZE = 28.0
_HEADING_H = HEADING_SIZE * 1.6
#: A frame is at least as wide as its title (bold 14 px as the board draws it), up to this.
_TITLE_MAX_W = 520.0


@dataclass(frozen=True)
class GroupResult:
    """What one group of a group session has to bring in."""

    group: Group
    notes: int
    themes: int
    brought: bool        # already on the plenary board (see :func:`brought_in`)


@dataclass(frozen=True)
class Copies:
    """Every copy of group work on plenary boards (for the minutes)."""

    theme_group: dict[str, str]   # copied theme id -> the name of the group it came from
    note_ids: frozenset[str]      # ids of copied notes


def setting_id(plenary_id: str, group_id: str) -> str:
    return f"{SETTING_PREFIX}{plenary_id}:{group_id}"


def brought_in(ws, plenary_id: str) -> dict[str, Setting]:
    """Group id -> the Setting recording its copies on the plenary ``plenary_id``."""
    prefix = f"{SETTING_PREFIX}{plenary_id}:"
    return {s.id[len(prefix):]: s for s in ws.all(Setting) if s.id.startswith(prefix)}


def groups_brought_anywhere(ws) -> set[str]:
    """Ids of the groups whose results are on some plenary board."""
    return {s.value.get("group") for s in ws.all(Setting)
            if s.id.startswith(SETTING_PREFIX) and isinstance(s.value, dict)}


def group_sessions(ws) -> list[Session]:
    """Sessions with groups whose boards hold notes, in agenda order."""
    return [s for s in ws.sessions() if any(
        ws.elements_on(s.id, g.id, [Note]) for g in ws.groups_of(s.id))]


def default_source(ws, plenary_id: str) -> Session | None:
    """The group session a plenary takes results from: the last one before it
    with notes, else the first with notes anywhere in the agenda."""
    plenary = ws.get(Session, plenary_id)
    found = group_sessions(ws)
    before = [s for s in found if plenary is not None and s.order < plenary.order]
    if before:
        return before[-1]
    return found[0] if found else None


def group_results(ws, plenary_id: str, from_session_id: str) -> list[GroupResult]:
    """The groups of ``from_session_id``: their notes and themes, and which were brought in."""
    done = brought_in(ws, plenary_id)
    out = []
    for g in ws.groups_of(from_session_id):
        notes = ws.elements_on(from_session_id, g.id, [Note])
        themes = {n.theme_id for n in notes
                  if (t := ws.get(Theme, n.theme_id)) is not None and not t.is_other}
        out.append(GroupResult(g, len(notes), len(themes), g.id in done))
    return out


def copies(ws) -> Copies:
    """The copies of group work on every plenary board, read from the Settings."""
    names = {g.id: g.name for g in ws.all(Group)}
    theme_group: dict[str, str] = {}
    note_ids: set[str] = set()
    for s in ws.all(Setting):
        if not s.id.startswith(SETTING_PREFIX) or not isinstance(s.value, dict):
            continue
        name = names.get(s.value.get("group"), s.value.get("group_name", ""))
        for tid in s.value.get("themes", {}):
            theme_group[tid] = name
        note_ids.update(s.value.get("notes", {}))
    return Copies(theme_group, frozenset(note_ids))


def bring_groups_into(ws, plenary_session_id: str, from_session_id: str,
                      group_ids: list[str] | None = None, *, refresh: bool = False) -> Change:
    """The change that copies the groups' results of ``from_session_id`` onto the
    plenary board of ``plenary_session_id`` (see the module's docstring).

    ``group_ids``: which groups (default: every group with notes).  A group
    already brought in is skipped, unless ``refresh``: then its earlier copies
    (and what hangs on them) give way to new ones, in the same step.  Nothing to
    bring gives an empty change.  Pure: nothing is written until it is applied.
    """
    plenary = ws.get(Session, plenary_session_id)
    source = ws.get(Session, from_session_id)
    if plenary is None or source is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "That session does not exist any more; nothing was brought in."))
    if plenary.id == source.id or plenary.kind == KIND_GROUPS and ws.groups_of(plenary.id):
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The groups' results go onto a plenary session's board."))
    groups = ws.groups_of(source.id)
    wanted = [g for g in groups if group_ids is None or g.id in group_ids]
    done = brought_in(ws, plenary.id)
    change = Change(label="bring groups in")
    # Earlier copies of the groups brought again go first (they free their place).
    places: dict[str, tuple[float, float]] = {}
    for g in wanted:
        old = done.get(g.id)
        if old is None or not refresh:
            continue
        value = old.value if isinstance(old.value, dict) else {}
        ids = [*value.get("themes", {}), *value.get("notes", {}), *value.get("drawn", [])]
        present = [i for i in ids if ws.find(i) is not None]
        heading = ws.find((value.get("drawn") or [""])[0])
        if isinstance(heading, Heading):
            places[g.id] = (heading.x, heading.y)
        change = change.then(ws.removal(present))
    gone = {r.id for r in change.removed}
    staying = [e for e in ws.elements_on(plenary.id, None) if e.id not in gone]
    z = max((e.z for e in staying), default=0.0) + 1
    order = max((t.order + 1 for t in ws.all(Theme) if t.session_id == plenary.id), default=0)
    below = _bottom(staying)
    left = min((e.x for e in staying), default=0.0)
    added: list = []
    updated: list = []
    removed: list = []
    for g in wanted:
        if g.id in done and not refresh:
            continue
        notes = ws.elements_on(source.id, g.id, [Note])
        if not notes:
            if g.id in done:  # refreshed to nothing: its earlier copies went above
                removed.append(done[g.id])
            continue
        block = _group_block(ws, plenary, source, g, notes, order, z)
        origin = places.get(g.id)
        if origin is None or _hits(block.rect(origin), staying):
            origin = (left, below)
        records = block.placed(origin)
        added += records
        staying += [r for r in records if isinstance(r, Element)]
        below = max(below, _bottom(staying))
        z += block.count + 1
        order += len(block.themes)
        value = {"plenary": plenary.id, "session": source.id, "group": g.id,
                 "group_name": g.name, "at": ws.now(),
                 "themes": {t.id: src for t, src in block.themes},
                 "notes": {n.id: src for n, src in block.notes},
                 "drawn": [block.heading.id, *(f.id for f in block.frames)]}
        new = Setting(id=setting_id(plenary.id, g.id), value=value)
        if g.id in done:
            updated.append((done[g.id], new))
        else:
            added.append(new)
    return change.then(Change(added=tuple(added), updated=tuple(updated),
                              removed=tuple(removed), label=change.label))


# -- layout --------------------------------------------------------------------------------
@dataclass
class _Block:
    """One group's copies laid out from (0, 0): a heading, then frames in rows."""

    heading: Heading
    frames: list[Frame]
    themes: list[tuple[Theme, str]]     # (copy, source theme id or "")
    notes: list[tuple[Note, str]]       # (copy, source note id)
    width: float
    height: float

    @property
    def count(self) -> int:
        return 1 + len(self.frames) + len(self.notes)

    def rect(self, origin) -> tuple[float, float, float, float]:
        return (origin[0], origin[1], self.width, self.height)

    def placed(self, origin) -> list:
        dx, dy = origin
        out: list = [t for t, _ in self.themes]
        for rec in [self.heading, *self.frames, *(n for n, _ in self.notes)]:
            out.append(rec.replace(x=rec.x + dx, y=rec.y + dy))
        return out


def _group_block(ws, plenary: Session, source: Session, group: Group, notes: list[Note],
                 order: int, z: float) -> _Block:
    """Copies of ``group``'s themes and notes, laid out from (0, 0)."""
    by_id = {t.id: t for t in ws.all(Theme) if t.session_id == source.id}
    members: dict[str | None, list[Note]] = {}
    for n in sorted(notes, key=lambda n: (round(n.y / 20), n.x, n.id)):  # as read on the board
        theme = by_id.get(n.theme_id)
        members.setdefault(None if theme is None or theme.is_other else theme.id, []).append(n)
    shown = sorted((t for t in by_id.values() if t.id in members),
                   key=lambda t: (_parent_order(by_id, t), t.order, t.id))
    deep = deep_color(group.color)
    where = dict(session_id=plenary.id, group_id=None)
    themes: list[tuple[Theme, str]] = []
    parents: dict[str, Theme] = {}
    for t in shown:  # a theme's parent group comes along (no frame: the minutes nest it)
        parent = by_id.get(t.parent_id)
        if parent is not None and parent.id not in parents:
            parents[parent.id] = Theme(
                id=new_id(), session_id=plenary.id, label=titled(group.name, _name(parent)),
                color=parent.color, order=order + len(themes), keywords=list(parent.keywords),
                label_manual=True)
            themes.append((parents[parent.id], parent.id))
    boxes: list[tuple[Theme, list[Note]]] = []
    for t in shown:
        copy = Theme(id=new_id(), session_id=plenary.id, label=titled(group.name, _name(t)),
                     color=t.color, order=order + len(themes), keywords=list(t.keywords),
                     parent_id=parents[t.parent_id].id if t.parent_id in parents else None,
                     label_manual=True)
        themes.append((copy, t.id))
        boxes.append((copy, members[t.id]))
    if None in members:
        # The group's その他 is its result too, not the plenary's leftovers: a theme of its own.
        other = Theme(id=new_id(), session_id=plenary.id, label=other_titled(group.name),
                      color="#9E9E9E", order=order + len(themes), label_manual=True)
        themes.append((other, next((t.id for t in by_id.values() if t.is_other
                                    and t.id in {n.theme_id for n in members[None]}), "")))
        boxes.append((other, members[None]))
    heading = Heading(id=new_id(), **where, x=0.0, y=0.0, w=0.0, h=0.0, z=z, color=deep,
                      text=translate("GroupsIn", "From {group} ({session})").format(
                          group=group.name, session=source.title), size=HEADING_SIZE)
    frames: list[Frame] = []
    copied: list[tuple[Note, str]] = []
    top = _HEADING_H + GAP
    x, y, row_h, width = 0.0, top, 0.0, 0.0
    note_z = z + 1 + len(boxes)
    for k, (theme, ms) in enumerate(boxes):
        cols, w, h, heights = _frame_size(ms, theme.label)
        if x > 0 and x + w > ROW_WIDTH:
            x, y, row_h = 0.0, y + row_h + 2 * GAP, 0.0
        frames.append(Frame(id=new_id(), **where, x=x, y=y, w=w, h=h, z=z + 1 + k,
                            color=deep, title=theme.label, theme_id=theme.id))
        cw = max(n.w for n in ms)
        ny = y + FRAME_BAR + FRAME_PAD
        for r, rh in enumerate(heights):
            for c, n in enumerate(ms[r * cols:(r + 1) * cols]):
                copied.append((_copy(n, group, theme, x + FRAME_PAD + c * (cw + GAP), ny,
                                     note_z + len(copied), where), n.id))
            ny += rh + GAP
        width = max(width, x + w)
        x += w + 2 * GAP
        row_h = max(row_h, h)
    return _Block(heading, frames, themes, copied, max(width, 400.0), y + row_h)


def _copy(n: Note, group: Group, theme: Theme, x: float, y: float, z: float, where) -> Note:
    color = n.color if n.color and n.color != group.color else group.color
    return Note(id=new_id(), **where, x=x, y=y, w=n.w, h=n.h, z=z, color=color, text=n.text,
                author=n.author, created=n.created, updated=n.updated, theme_id=theme.id)


def _frame_size(notes: list[Note], title: str) -> tuple[int, float, float, list[float]]:
    """Columns, width, height and row heights of a frame holding ``notes``, never
    narrower than its title (so the group's name and the 表札 can be read)."""
    n = len(notes)
    cols = min(MAX_COLUMNS, max(1, math.ceil(math.sqrt(n))))
    cw = max(nt.w for nt in notes)
    heights = [max(shown_height(nt) for nt in notes[r:r + cols]) for r in range(0, n, cols)]
    w = max(2 * FRAME_PAD + cols * cw + (cols - 1) * GAP, min(_title_width(title), _TITLE_MAX_W))
    h = FRAME_BAR + 2 * FRAME_PAD + sum(heights) + (len(heights) - 1) * GAP
    return cols, w, h, heights


def _title_width(title: str) -> float:
    """About how wide the board draws ``title`` (bold 14 px; CJK a full em), with padding."""
    return sum(15.0 if ord(c) > 0x2E7F else 9.0 for c in title) + 2 * FRAME_PAD + 8


def _name(t: Theme) -> str:
    """A theme's label; for one nobody named, its key words (as the minutes print it)."""
    return t.label.strip() or "・".join([w for w in t.keywords if w.strip()][:3]) or "…"


def _parent_order(by_id: dict[str, Theme], t: Theme) -> int:
    parent = by_id.get(t.parent_id)
    return parent.order if parent is not None else t.order


def _extent(e: Element) -> tuple[float, float, float, float]:
    """An element's rectangle; a heading sized by its text has no size of its own."""
    w, h = e.w, e.h
    if isinstance(e, Heading):
        w = w or len(e.text) * e.size
        h = h or e.size * 1.6 * (e.text.count("\n") + 1)
    return e.x, e.y, max(w, 1.0), max(h, 1.0)


def _bottom(elements: list[Element]) -> float:
    """Where the next block starts: under everything on the board (0 on an empty board)."""
    if not elements:
        return 0.0
    return max(y + h for _, y, _, h in map(_extent, elements)) + 4 * GAP


def _hits(rect, elements: list[Element]) -> bool:
    x, y, w, h = rect
    return any(ex < x + w and x < ex + ew and ey < y + h and y < ey + eh
               for ex, ey, ew, eh in map(_extent, elements))


def titled(group: str, label: str) -> str:
    """A copied theme's title: 「グループA：表札」."""
    return translate("GroupsIn", "{group}: {label}").format(group=group, label=label)


def other_titled(group: str) -> str:
    """The frame of a group's その他 and its notes of no theme: 「その他（グループA）」."""
    return translate("GroupsIn", "Other ({group})").format(group=group)


def deep_color(color: str) -> str:
    """A deep shade of a (pastel) group colour: it reads as a frame's outline and a title."""
    try:
        r, g, b = (int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    except (ValueError, IndexError):
        return "#555555"
    h, light, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, min(light, 0.36), max(s, 0.45) if s > 0.05 else s)
    return "#{:02X}{:02X}{:02X}".format(*(round(v * 255) for v in (r, g, b)))
