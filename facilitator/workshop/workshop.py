"""The open workshop: its records in memory, the one path that changes them.

Every edit goes through :meth:`Workshop.apply`: the change is committed to the
file first (so memory never holds what the file does not), then applied in
memory, recorded for undo and announced to listeners, who refresh only the
records the change touched.
"""

from __future__ import annotations

import os
from datetime import datetime
from typing import Callable, Iterable, TypeVar

from facilitator.workshop.changes import Change, History
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.model import (
    MAX_NOTE_CHARS, RECORD_TYPES, WORKSHOP_ID, ActionItem, Connector, Decision, Element,
    Frame, Group, Note, Participant, Record, Session, Theme, TimerEvent, WorkshopInfo,
    new_id,
)
from facilitator.workshop.records import codec_for
from facilitator.workshop.store import Store

R = TypeVar("R", bound=Record)
Listener = Callable[[Change], None]
FailureListener = Callable[[FurikaeriError], None]

# Characters a note may not hold: NUL and the C0/C1 controls but tab and newline.
_CONTROL = {c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                              0x7F, *range(0x80, 0xA0))}


def now_iso() -> str:
    """The wall-clock time as recorded in the file (local, with offset)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def clean_text(text: str, *, allow_empty: bool = False, limit: int = MAX_NOTE_CHARS) -> str:
    """Text as a note stores it: controls removed, line ends unified, trimmed.

    Raises :class:`FurikaeriError` for empty text (unless allowed) and for
    text over ``limit`` characters: a note is never truncated silently.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL).strip()
    if not text and not allow_empty:
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "A note cannot be empty."))
    if len(text) > limit:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "A note may hold at most {limit} characters; this one has {count}."),
            limit=f"{limit:,}", count=f"{len(text):,}")
    return text


class Workshop:
    """A workshop file opened for work (see :meth:`open` and :meth:`create`)."""

    def __init__(self, store: Store, now: Callable[[], str] = now_iso) -> None:
        self.store = store
        self.now = now
        self.history = History()
        self.listeners: list[Listener] = []
        # Told when a change could not be saved (a full disk...), before it is raised.
        self.failure_listeners: list[FailureListener] = []
        self._tables: dict[type[Record], dict[str, Record]] = {
            rtype: {r.id: r for r in recs} for rtype, recs in store.load().items()
        }

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, path: str | os.PathLike, readonly: bool = False, **kw) -> "Workshop":
        """Open an existing workshop file."""
        return cls._loaded(Store.open(path, readonly=readonly), **kw)

    @classmethod
    def create(cls, path: str | os.PathLike, records: Iterable[Record] = (), **kw) -> "Workshop":
        """Create a workshop file holding ``records`` (a WorkshopInfo is added if missing)."""
        records = list(records)
        if not any(isinstance(r, WorkshopInfo) for r in records):
            records.insert(0, WorkshopInfo(id=WORKSHOP_ID))
        return cls._loaded(Store.create(path, records), **kw)

    @classmethod
    def _loaded(cls, store: Store, **kw) -> "Workshop":
        try:
            return cls(store, **kw)
        except BaseException:  # a file that cannot be read whole is let go at once
            store.close()
            raise

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Workshop":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def path(self):
        return self.store.path

    @property
    def readonly(self) -> bool:
        return self.store.readonly

    # -- reading -----------------------------------------------------------------
    def get(self, rtype: type[R], rid: str | None) -> R | None:
        """The record of ``rtype`` with id ``rid``, or None."""
        return self._tables[rtype].get(rid) if rid is not None else None  # type: ignore

    def find(self, rid: str) -> Record | None:
        """The record with id ``rid`` of any type."""
        for table in self._tables.values():
            if rid in table:
                return table[rid]
        return None

    def all(self, rtype: type[R]) -> list[R]:
        """Every record of ``rtype``, in their natural order (order, z)."""
        recs = list(self._tables[rtype].values())
        if recs and hasattr(recs[0], "order"):
            recs.sort(key=lambda r: (r.order, r.id))  # type: ignore[attr-defined]
        elif recs and isinstance(recs[0], Element):
            recs.sort(key=lambda r: (r.z, r.id))  # type: ignore[attr-defined]
        elif recs and isinstance(recs[0], TimerEvent):
            recs.sort(key=lambda r: r.seq)  # type: ignore[attr-defined]
        return recs  # type: ignore[return-value]

    def count(self, rtype: type[Record]) -> int:
        return len(self._tables[rtype])

    @property
    def info(self) -> WorkshopInfo:
        return self._tables[WorkshopInfo].get(WORKSHOP_ID) or WorkshopInfo(id=WORKSHOP_ID)

    def sessions(self) -> list[Session]:
        return self.all(Session)

    def groups_of(self, session_id: str) -> list[Group]:
        return [g for g in self.all(Group) if g.session_id == session_id]

    def elements_on(self, session_id: str | None, group_id: str | None = None,
                    rtypes: Iterable[type[Element]] | None = None) -> list[Element]:
        """Elements on one board (a session's plenary board or one group's)."""
        from facilitator.workshop.model import ELEMENT_TYPES
        out: list[Element] = []
        for rtype in rtypes or ELEMENT_TYPES:
            out.extend(e for e in self._tables[rtype].values()
                       if e.session_id == session_id and e.group_id == group_id)
        out.sort(key=lambda e: (e.z, e.id))
        return out

    def max_z(self, session_id: str | None, group_id: str | None = None) -> float:
        from facilitator.workshop.model import ELEMENT_TYPES
        zs = [e.z for t in ELEMENT_TYPES for e in self._tables[t].values()
              if e.session_id == session_id and e.group_id == group_id]
        return max(zs, default=0.0)

    # -- the one path that changes a workshop ------------------------------------
    def apply(self, change: Change, merge_key: object = None, record: bool = True) -> Change:
        """Persist ``change``, apply it in memory, record it for undo, announce it."""
        if not change:
            return change
        self._check(change)
        try:
            self.store.write(change)
        except FurikaeriError as exc:
            for failed in list(self.failure_listeners):
                failed(exc)
            raise
        self._apply_in_memory(change)
        if record:
            self.history.push(change, merge_key)
        for listener in list(self.listeners):
            listener(change)
        return change

    def undo(self) -> Change | None:
        """Undo the last step; returns what changed (None if nothing to undo)."""
        change = self.history.take_undo()
        if change is None:
            return None
        try:
            return self.apply(change, record=False)
        except FurikaeriError:
            self.history.take_redo()  # put it back where it was
            raise

    def redo(self) -> Change | None:
        """Redo the last undone step."""
        change = self.history.take_redo()
        if change is None:
            return None
        try:
            return self.apply(change, record=False)
        except FurikaeriError:
            self.history.take_undo()
            raise

    def _check(self, change: Change) -> None:
        for rec in change.added:
            if rec.id in self._tables[type(rec)]:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "A record with id {id} already exists."), id=rec.id)
        for before, after in change.updated:
            current = self._tables[type(after)].get(after.id)
            if current is None or before.id != after.id:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "The record {id} no longer exists."), id=after.id)
        for rec in change.removed:
            if rec.id not in self._tables[type(rec)]:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "The record {id} no longer exists."), id=rec.id)

    def _apply_in_memory(self, change: Change) -> None:
        for rec in change.removed:
            del self._tables[type(rec)][rec.id]
        for _, after in change.updated:
            self._tables[type(after)][after.id] = after
        for rec in change.added:
            self._tables[type(rec)][rec.id] = rec

    # -- edits (each returns the applied Change) ---------------------------------
    def add(self, *records: Record, label: str = "", merge_key: object = None) -> Change:
        """Add records in one step."""
        return self.apply(Change(added=tuple(records), label=label), merge_key)

    def update(self, rec: Record | str, label: str = "", merge_key: object = None,
               **fields) -> Change:
        """Change fields of one record."""
        current = self._current(rec)
        new = codec_for(type(current)).replace(current, fields)
        if new == current:
            return Change()
        return self.apply(Change(updated=((current, new),), label=label), merge_key)

    def update_many(self, pairs: Iterable[tuple[Record, Record]], label: str = "",
                    merge_key: object = None) -> Change:
        """Replace several records in one step; ``pairs`` are (current, new)."""
        updated = []
        for before, after in pairs:
            current = self._current(before)
            if current != after:
                updated.append((current, after))
        return self.apply(Change(updated=tuple(updated), label=label), merge_key)

    def move(self, ids: Iterable[str], dx: float, dy: float, label: str = "",
             merge_key: object = None) -> Change:
        """Move elements by (dx, dy) in one step (a drag of a selection)."""
        pairs = []
        for rid in ids:
            rec = self.find(rid)
            if isinstance(rec, Element):
                pairs.append((rec, rec.replace(x=rec.x + dx, y=rec.y + dy)))
        return self.update_many(self._themes_follow_frames(pairs), label, merge_key)

    def move_to_board(self, ids: Iterable[str], session_id: str, group_id: str | None,
                      dx: float, dy: float, label: str = "") -> Change:
        """Move elements by (dx, dy) onto another board (a drag between groups), in one step.

        Notes that wore their old group's colour take the new group's; a colour
        chosen by hand stays.
        """
        target = self.get(Group, group_id)
        if group_id is not None and (target is None or target.session_id != session_id):
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "That board does not exist any more; nothing was moved."))
        pairs = []
        for rid in ids:
            rec = self.find(rid)
            if not isinstance(rec, Element):
                continue
            fields = {"x": rec.x + dx, "y": rec.y + dy,
                      "session_id": session_id, "group_id": group_id}
            old = self.get(Group, rec.group_id)
            if isinstance(rec, Note) and old is not None and rec.color == old.color:
                fields["color"] = target.color if target is not None else ""
            pairs.append((rec, rec.replace(**fields)))
        return self.update_many(self._themes_follow_frames(pairs), label)

    def themes_by_place(self, pairs: list[tuple[Element, Element]]) -> list:
        """``pairs`` (before, after) of elements moved about, with each moved note in
        the theme whose frame it now lies in (see :meth:`move`)."""
        return self._themes_follow_frames(pairs)

    def _themes_follow_frames(self, pairs: list[tuple[Element, Element]]) -> list:
        """A note dropped inside a theme's frame joins that theme (placed by hand);
        one dragged out of its theme's frame leaves the theme."""
        moved = {after.id: after for _, after in pairs}
        frames_on: dict[tuple, list[Frame]] = {}  # themed frames of each board, once per drag
        out = []
        for before, after in pairs:
            if isinstance(after, Note):
                board = (after.session_id, after.group_id)
                if board not in frames_on:
                    frames_on[board] = [moved.get(f.id, f) for f in self.elements_on(
                        *board, [Frame]) if f.theme_id]
                after = self._theme_by_place(before, after, frames_on[board])
            out.append((before, after))
        return out

    @staticmethod
    def _theme_by_place(before: Note, note: Note, frames: list[Frame]) -> Note:
        cx, cy = note.x + note.w / 2, note.y + note.h / 2
        inside = [f for f in frames if f.x <= cx <= f.x + f.w and f.y <= cy <= f.y + f.h]
        if inside:
            frame = max(inside, key=lambda f: f.z)  # the top one, as the eye sees it
            if frame.theme_id != note.theme_id:
                return note.replace(theme_id=frame.theme_id, theme_manual=True)
            return note
        left = any(f.theme_id == note.theme_id for f in frames)
        if before.group_id != note.group_id:
            left = note.theme_id is not None  # another board: its old theme's frame is not here
        return note.replace(theme_id=None, theme_manual=True) if left else note

    def remove(self, ids: Iterable[str], label: str = "") -> Change:
        """Remove records and what depends on them, in one step."""
        return self.apply(self.removal(ids, label))

    def removal(self, ids: Iterable[str], label: str = "") -> Change:
        """The change that removes ``ids`` with everything that depends on them.

        Connectors attached to a removed element go too; notes of a removed
        theme stay, outside any theme; a removed session takes its groups and
        boards with it, but its decisions and action items stay (of no session):
        what was agreed is never lost with an agenda edit.
        """
        doomed: dict[str, Record] = {}
        todo = [r for r in (self.find(i) for i in ids) if r is not None]
        while todo:
            rec = todo.pop()
            if rec.id in doomed or isinstance(rec, WorkshopInfo):
                continue
            doomed[rec.id] = rec
            todo.extend(self._dependants(rec))
        updated = []
        for rtype, field_name in ((Note, "theme_id"), (Frame, "theme_id"),
                                  (Theme, "parent_id"), (Decision, "session_id"),
                                  (ActionItem, "session_id")):
            for other in self._tables[rtype].values():
                ref = getattr(other, field_name)
                if ref in doomed and other.id not in doomed:
                    updated.append((other, other.replace(**{field_name: None})))
        return Change(removed=tuple(doomed.values()), updated=tuple(updated), label=label)

    def _dependants(self, rec: Record) -> list[Record]:
        from facilitator.workshop.model import ELEMENT_TYPES
        out: list[Record] = []
        if isinstance(rec, Element):
            out += [c for c in self._tables[Connector].values()
                    if rec.id in (c.source_id, c.target_id)]
        if isinstance(rec, Session):
            out += [g for g in self._tables[Group].values() if g.session_id == rec.id]
            out += [t for t in self._tables[Theme].values() if t.session_id == rec.id]
            out += [e for e in self._tables[TimerEvent].values() if e.session_id == rec.id]
            for rtype in ELEMENT_TYPES:
                out += [e for e in self._tables[rtype].values() if e.session_id == rec.id]
        if isinstance(rec, Group):
            for rtype in ELEMENT_TYPES:
                out += [e for e in self._tables[rtype].values() if e.group_id == rec.id]
        return out

    def _current(self, rec: Record | str) -> Record:
        rid = rec if isinstance(rec, str) else rec.id
        found = self.find(rid) if isinstance(rec, str) else self._tables[type(rec)].get(rid)
        if found is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "The record {id} no longer exists."), id=rid)
        return found

    # -- conveniences for the common records ---------------------------------------
    def new_note(self, text: str, session_id: str | None = None, group_id: str | None = None,
                 author: str = "", x: float = 0.0, y: float = 0.0, **fields) -> Note:
        """A new note record (not yet added), text cleaned and checked."""
        stamp = self.now()
        return Note(id=fields.pop("id", None) or new_id(), text=clean_text(text),
                    session_id=session_id, group_id=group_id, author=author.strip(),
                    x=x, y=y, created=stamp, updated=stamp,
                    z=fields.pop("z", self.max_z(session_id, group_id) + 1), **fields)

    def edit_note_text(self, note_id: str, text: str, merge_key: object = None) -> Change:
        """Set a note's text (cleaned; empty and over-long text refused)."""
        return self.update(note_id, label="edit", merge_key=merge_key,
                           text=clean_text(text), updated=self.now())

    def participants(self) -> list[Participant]:
        return self.all(Participant)

    def decisions(self) -> list[Decision]:
        return self.all(Decision)

    def action_items(self) -> list[ActionItem]:
        return self.all(ActionItem)

    def summary_counts(self) -> dict[str, int]:
        """How many records of each kind the workshop holds (``furikaeri info``)."""
        return {rtype.TABLE: len(self._tables[rtype]) for rtype in RECORD_TYPES
                if rtype is not WorkshopInfo}
