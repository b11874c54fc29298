"""Where a note from a device goes: the board's next free place, measured as the board draws.

The same rule as a note typed in the window (:func:`ui.board.placing.place`),
but the board's free places are kept between notes
(:class:`~facilitator.board.placement.FreeColumns`): records are immutable,
so when every element on the board is the very same record object as at the
last note (plus the notes placed here since), nothing moved, and the next note
takes the next free place without the board being measured again.  Forty
phones filling a board of two thousand notes would otherwise measure every
note on it for every new one.  Anything else changed on that board (a note
dragged, deleted, an undo): it is measured afresh.
"""

from __future__ import annotations

from facilitator.board.attached import Rect
from facilitator.board.placement import FreeColumns, drawn_extent
from facilitator.workshop.model import Element, Note
from ui.board.items import ElementItem
from ui.board.placing import sized


class _Board:
    """One board's free places and the records they were measured from."""

    def __init__(self, free: FreeColumns, width: float, existing: list[Element]) -> None:
        self.free, self.width = free, width
        self.known = {e.id: e for e in existing}

    def still(self, existing: list[Element], width: float) -> bool:
        """Whether ``existing`` is exactly what was measured (and placed) here."""
        known = self.known
        if width != self.width or len(existing) != len(known):
            return False
        return all(known.get(e.id) is e for e in existing)


class BoardPlacer:
    """``placer(note, existing)`` for ``facilitator.lan.room``; ``board()`` gives the
    board view the window shows (or None)."""

    def __init__(self, board) -> None:
        self.board = board
        self._boards: dict[tuple, _Board] = {}

    def forget(self) -> None:
        self._boards.clear()

    def _extent(self, note: Note):
        """How big an element is drawn: its item on the board in view, else its record."""
        view = self.board()
        scene = view.board_scene() if view is not None else None
        items = scene.by_id if scene is not None and scene.session_id == note.session_id else {}

        def extent(rec: Element) -> Rect:
            item = items.get(rec.id)
            if isinstance(item, ElementItem):  # notes, headings, frames, stamps: as drawn
                _, _, w, h = item.rect().getRect()
                return rec.x, rec.y, w, h
            return drawn_extent(rec)
        return extent

    def __call__(self, note: Note, existing: list[Element]) -> Note:
        note = sized(note)
        key = (note.session_id, note.group_id)
        board = self._boards.get(key)
        if board is None or not board.still(existing, note.w):
            board = self._boards[key] = _Board(
                FreeColumns(existing, width=note.w, extent=self._extent(note)), note.w,
                existing)
        x, y = board.free.take(note.h)
        note = note.replace(x=x, y=y)
        board.known[note.id] = note  # the record the room applies and lists next time
        return note
