"""Which board notes changed since a device last looked: its cursor, and what is new.

A note-taker's page shows its group's board.  Fetching the whole board after
every note grows with the board (1,800 notes: every device of the group
re-reads them all, on the owner's thread, for each note).  The server keeps
this journal instead: each change to a note's shown fields gets the next
number of a sequence, per board; a device gives back the cursor it was last
answered with and gets only the notes changed since, and the ids of notes that
left its board.  A cursor made by another journal (the app restarted, the file
was reloaded) or older than what the journal still remembers is answered with
the whole board, so nothing is ever missed.

Runs on the workshop's owner thread only (a workshop listener; the API).
"""

from __future__ import annotations

import secrets

from facilitator.workshop.changes import Change
from facilitator.workshop.model import Note

#: The fields a device shows or sorts by; a note only moved on the board is no news.
SHOWN = ("text", "author", "created", "z", "session_id", "group_id")
#: Tombstones and entries kept before the journal forgets (older cursors: a full board).
MAX_ENTRIES = 50_000

Board = tuple[str | None, str | None]


class BoardJournal:
    """The sequence of board-note changes since the journal was made."""

    def __init__(self) -> None:
        self.epoch = secrets.token_hex(4)
        self.seq = 0
        self.floor = 0                       # cursors below this are too old: a full board
        self._changed: dict[Board, dict[str, int]] = {}
        self._removed: dict[Board, dict[str, int]] = {}
        self._entries = 0

    @property
    def cursor(self) -> str:
        """What a device gives back to get what changed after now."""
        return f"{self.epoch}.{self.seq}"

    def record(self, change: Change) -> set[Board]:
        """Note what ``change`` did to board notes; returns the boards whose notes changed."""
        touched: set[Board] = set()
        for rec in change.added:
            if isinstance(rec, Note):
                touched.add(self._mark(rec))
        for rec in change.removed:
            if isinstance(rec, Note):
                touched.add(self._drop(rec))
        for before, after in change.updated:
            if not isinstance(after, Note) or all(
                    getattr(before, f) == getattr(after, f) for f in SHOWN):
                continue
            if (before.session_id, before.group_id) != (after.session_id, after.group_id):
                touched.add(self._drop(before))  # moved to another board: gone from this one
            touched.add(self._mark(after))
        if self._entries > MAX_ENTRIES:
            self._changed.clear()
            self._removed.clear()
            self._entries, self.floor = 0, self.seq
        return touched

    def _mark(self, note: Note) -> Board:
        board = (note.session_id, note.group_id)
        self.seq += 1
        self._removed.get(board, {}).pop(note.id, None)
        changed = self._changed.setdefault(board, {})
        changed.pop(note.id, None)  # re-inserted: each dict stays in the order of seq
        changed[note.id] = self.seq
        self._entries += 1
        return board

    def _drop(self, note: Note) -> Board:
        board = (note.session_id, note.group_id)
        self.seq += 1
        self._changed.get(board, {}).pop(note.id, None)
        removed = self._removed.setdefault(board, {})
        removed.pop(note.id, None)
        removed[note.id] = self.seq
        self._entries += 1
        return board

    def since(self, cursor: str | None, board: Board) -> tuple[list[str], list[str]] | None:
        """(ids changed, ids removed) on ``board`` after ``cursor``; None: send the whole board."""
        if not isinstance(cursor, str) or "." not in cursor:
            return None
        epoch, _, number = cursor.partition(".")
        if epoch != self.epoch or not number.isdigit() or len(number) > 18:
            return None
        seen = int(number)
        if seen < self.floor or seen > self.seq:
            return None
        return _after(self._changed.get(board, {}), seen), _after(self._removed.get(board, {}), seen)


def _after(entries: dict[str, int], seen: int) -> list[str]:
    """The ids marked after ``seen``, oldest first (from the newest end: no full scan)."""
    out = []
    for rid, seq in reversed(entries.items()):
        if seq <= seen:
            break
        out.append(rid)
    return out[::-1]
