"""What the minutes say, gathered from a workshop as plain data (no layout).

:func:`gather` reads a :class:`~facilitator.workshop.Workshop` once and
returns a :class:`Minutes`: the event, the people by organisation, the
programme with planned and actual times (予実), every session's boards with
their themes (nested under their parent, その他 last) and every note, the
graphic record's elements per board, decisions and action items.  The PDF,
the poster and the GUI's summary editor all read this, and it can be built
in a worker thread because it holds only immutable records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from facilitator.agenda.day import Day, read_day
from facilitator.workshop.model import (
    ELEMENT_TYPES, ActionItem, Decision, Element, Group, Note, Participant, Session,
    Theme, TimerEvent, WorkshopInfo,
)
from facilitator.minutes.boards import Board, ThemeBlock
from facilitator.minutes.draft import draft_summary
from facilitator.themes.from_groups import copies
from facilitator.workshop.workshop import Workshop

#: Roles listed as the workshop's staff rather than as participants.
STAFF_ROLES = ("organiser", "facilitator", "note_taker", "recorder")


@dataclass
class SessionPart:
    session: Session
    planned_start: datetime | None
    planned_end: datetime | None
    boards: list[Board]
    summary: str               # the organiser's まとめ, else the draft
    summary_is_draft: bool
    pauses: list[tuple[str, str, float]]   # (start HH:MM, end HH:MM, minutes)
    added_minutes: float       # time added (or removed) on the room clock
    original_minutes: int | None = None   # planned when the day started (None: as now)

    @property
    def replanned_minutes(self) -> int | None:
        """The minutes a replan during the day gave the session (None if not replanned)."""
        s = self.session
        if self.original_minutes is None or self.original_minutes == s.planned_minutes:
            return None
        return s.planned_minutes

    @property
    def planned_minutes(self) -> int:
        """The minutes of the plan the day started with."""
        return (self.session.planned_minutes if self.original_minutes is None
                else self.original_minutes)

    @property
    def actual_minutes(self) -> float | None:
        s = self.session
        if not (s.actual_start and s.actual_end):
            return None
        return (_dt(s.actual_end) - _dt(s.actual_start)).total_seconds() / 60

    @property
    def overrun_minutes(self) -> float | None:
        """Actual minutes against the latest plan of the session (replanned, else planned)."""
        actual = self.actual_minutes
        return None if actual is None else actual - self.session.planned_minutes

    @property
    def pause_minutes(self) -> float:
        return sum(p[2] for p in self.pauses)


@dataclass
class Minutes:
    """Everything the printed minutes hold."""

    info: WorkshopInfo
    organisations: list[tuple[str, list[Participant]]]
    staff: list[Participant]
    note_takers: list[tuple[Group, str]]       # (group, note-taker's name)
    sessions: list[SessionPart]
    loose_notes: list[Note]                    # notes of no known session
    decisions: list[Decision]
    actions: list[ActionItem]
    session_titles: dict[str, str]
    absent: list[Participant] = field(default_factory=list)   # registered, marked 欠席
    day: Day | None = None                     # the plan's anchor, replans, actual start/end
    copied_notes: frozenset[str] = frozenset()  # groups' notes brought onto a plenary board

    @property
    def boards(self) -> list[Board]:
        return [b for s in self.sessions for b in s.boards]

    @property
    def note_count(self) -> int:
        """Notes captured: a group's note brought onto the plenary counts once."""
        return sum(len([n for n in b.notes if n.id not in self.copied_notes])
                   for b in self.boards) + len(self.loose_notes)


def _dt(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def hhmm(iso: str | None) -> str:
    """``"13:52"`` of an ISO datetime ("" for None)."""
    return _dt(iso).strftime("%H:%M") if iso else ""


def gather(ws: Workshop) -> Minutes:
    """The content of the minutes of ``ws``."""
    info = ws.info
    everyone = ws.participants()
    people = [p for p in everyone if p.attended]   # the absent are listed apart
    staff = [p for p in people if p.role in STAFF_ROLES]
    orgs: dict[str, list[Participant]] = {}
    for p in people:
        if p.role not in STAFF_ROLES:
            orgs.setdefault(p.organisation, []).append(p)
    sessions = ws.sessions()
    # The plan the day started with, at its times (moved to the actual start if it was).
    day = read_day(ws)
    slots = day.slots
    themes = ws.all(Theme)
    notes = ws.all(Note)
    elements: dict[tuple[str | None, str | None], list[Element]] = {}
    for rtype in ELEMENT_TYPES:
        for e in ws.all(rtype):
            elements.setdefault((e.session_id, e.group_id), []).append(e)
    for lst in elements.values():
        lst.sort(key=lambda e: (e.z, e.id))
    log = ws.all(TimerEvent)
    groups = ws.all(Group)
    brought = copies(ws)
    parts = []
    for s in sessions:
        boards = []
        for g in [None, *[g for g in groups if g.session_id == s.id]]:
            els = elements.pop((s.id, g.id if g else None), [])
            board_notes = [e for e in els if isinstance(e, Note)]
            if not els:
                continue  # an empty board says nothing
            blocks = theme_blocks(board_notes, themes, els)
            _mark_sources(blocks, brought.theme_group)
            boards.append(Board(s, g, blocks, els))
        slot = slots.get(s.id)
        draft = not s.summary.strip()
        parts.append(SessionPart(
            s, slot.start if slot else None, slot.end if slot else None, boards,
            draft_summary(boards) if draft else s.summary.strip(), draft,
            _pauses(log, s.id), sum(e.minutes for e in log
                                     if e.session_id == s.id and e.event == "adjust"),
            day.original.get(s.id)))
    known = {s.id for s in sessions}
    loose = [n for n in notes if n.session_id not in known]
    loose.sort(key=lambda n: (n.y, n.x, n.id))
    return Minutes(info, list(orgs.items()), staff,
                   [(g, g.note_taker) for g in groups if g.note_taker],
                   parts, loose, ws.decisions(), ws.action_items(),
                   {s.id: s.title for s in sessions},
                   [p for p in everyone if not p.attended], day, brought.note_ids)


def _mark_sources(blocks: list[ThemeBlock], groups: dict[str, str]) -> None:
    """Say which group each theme brought onto a plenary board came from."""
    for b in blocks:
        if b.theme is not None:
            b.source = groups.get(b.theme.id, "")
        _mark_sources(b.children, groups)


def _reading_order(n: Note):
    return (round(n.y / 20), n.x, n.id)


def theme_blocks(notes: list[Note], themes: list[Theme],
                 elements: list[Element] = ()) -> list[ThemeBlock]:
    """The board's themes as a tree, in theme order, その他 last.

    A theme is on the board when one of its notes or its frame is; notes of
    no (known) theme go into the board's その他 theme, or a block of their own.
    """
    by_id = {t.id: t for t in themes}
    used = {n.theme_id for n in notes if n.theme_id in by_id}
    used |= {getattr(e, "theme_id", None) for e in elements
             if not isinstance(e, Note) and getattr(e, "theme_id", None) in by_id}
    # Parents of used themes are shown too, so nesting is never lost.
    for tid in list(used):
        parent = by_id[tid].parent_id
        while parent in by_id and parent not in used:
            used.add(parent)
            parent = by_id[parent].parent_id
    members: dict[str | None, list[Note]] = {}
    for n in sorted(notes, key=_reading_order):
        members.setdefault(n.theme_id if n.theme_id in by_id else None, []).append(n)
    blocks = {tid: ThemeBlock(by_id[tid], members.get(tid, [])) for tid in used}
    order = sorted(used, key=lambda tid: (by_id[tid].is_other, by_id[tid].order, tid))
    top = []
    for tid in order:
        parent = by_id[tid].parent_id
        if parent in blocks and parent != tid and not _cycle(by_id, tid):
            blocks[parent].children.append(blocks[tid])
        else:
            top.append(blocks[tid])
    loose = members.get(None, [])
    if loose:
        other = next((b for b in top if b.is_other), None)
        if other is None:
            top.append(ThemeBlock(None, loose))
        else:
            other.notes = sorted(other.notes + loose, key=_reading_order)
    top.sort(key=lambda b: b.is_other)  # その他 last (stable: theme order otherwise)
    top = _pruned(top)
    _name_unlabelled(top)
    board = Board(None, None, top, [])  # type: ignore[arg-type]
    for rank, block in enumerate(board.ranking(), start=1):
        block.rank = rank
    return top


def _pruned(blocks: list[ThemeBlock]) -> list[ThemeBlock]:
    """``blocks`` without the themes that hold nothing: no note, no nested theme with
    notes and no vote (a frame drawn and left empty is a theme with nothing in it)."""
    out = []
    for b in blocks:
        b.children = _pruned(b.children)
        if b.all_notes() or b.theme_votes:
            out.append(b)
    return out


#: How many key words name a theme nobody labelled.
LABEL_WORDS = 3


def _name_unlabelled(blocks: list[ThemeBlock]) -> None:
    """Give every theme without a label a name to print: its key words, else "Theme n"
    (n: its place among the board's themes, nested ones counted in order; translated
    when printed, in the minutes' language)."""
    flat, stack = [], list(blocks)
    while stack:
        b = stack.pop(0)
        flat.append(b)
        stack[:0] = b.children
    for n, b in enumerate(flat, start=1):
        if b.theme is not None and not b.theme.label.strip():
            b.fallback = "・".join([w for w in b.theme.keywords if w.strip()][:LABEL_WORDS])
            b.number = n


def _cycle(by_id: dict[str, Theme], tid: str) -> bool:
    """Whether following ``tid``'s parents comes back to it (bad data: print flat)."""
    seen, cur = set(), by_id[tid].parent_id
    while cur in by_id:
        if cur == tid or cur in seen:
            return True
        seen.add(cur)
        cur = by_id[cur].parent_id
    return False


def _pauses(log: list[TimerEvent], session_id: str) -> list[tuple[str, str, float]]:
    """Pauses of a session from the room clock's log: (from, to, minutes)."""
    out, since = [], None
    for e in log:
        if e.session_id != session_id:
            continue
        if e.event == "pause" and since is None:
            since = e.at
        elif e.event in ("resume", "end", "start") and since is not None:
            out.append((hhmm(since), hhmm(e.at),
                        (_dt(e.at) - _dt(since)).total_seconds() / 60))
            since = None
    if since is not None:
        out.append((hhmm(since), "", 0.0))
    return out
