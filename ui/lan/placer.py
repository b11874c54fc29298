"""Where a note from a device goes: the board's next free place, measured as the board draws.

The same rule as a note typed in the window (:func:`ui.board.placing.place`),
but the size of each element already on the board is remembered between
notes: records are immutable, so an element whose record is the very same
object has not moved or changed, and its size need not be asked of the scene
again.  Forty phones filling a board of two thousand notes would otherwise
measure every note on it for every new one.
"""

from __future__ import annotations

from facilitator.board.attached import Rect
from facilitator.board.placement import drawn_extent, free_spots
from facilitator.workshop.model import Element, Note
from ui.board.items import ElementItem
from ui.board.placing import sized


class BoardPlacer:
    """``placer(note, existing)`` for ``facilitator.lan.room``; ``board()`` gives the
    board view the window shows (or None)."""

    def __init__(self, board) -> None:
        self.board = board
        self._sizes: dict[str, tuple[Element, Rect]] = {}

    def forget(self) -> None:
        self._sizes.clear()

    def _scene_items(self, note: Note) -> dict:
        view = self.board()
        scene = view.board_scene() if view is not None else None
        if scene is None or scene.session_id != note.session_id:
            return {}
        return scene.by_id

    def __call__(self, note: Note, existing: list[Element]) -> Note:
        note = sized(note)
        items = self._scene_items(note)
        sizes = self._sizes

        def extent(rec: Element) -> Rect:
            known = sizes.get(rec.id)
            if known is not None and known[0] is rec:
                return known[1]
            item = items.get(rec.id)
            if isinstance(item, ElementItem):  # notes, headings, frames, stamps: as drawn
                _, _, w, h = item.rect().getRect()
                size = (rec.x, rec.y, w, h)
            else:
                size = drawn_extent(rec)
            sizes[rec.id] = (rec, size)
            return size

        (x, y), = free_spots(existing, 1, size=(note.w, note.h), extent=extent)
        return note.replace(x=x, y=y)
