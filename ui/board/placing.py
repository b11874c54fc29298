"""New notes as the board draws them: their height measured by Qt, their place free.

The core estimates a note's height without Qt and never falls short
(:mod:`facilitator.board.note_size`); here the window, which lays the text out
itself, gives a new note its exact drawn height, so the record says what the
board shows, and places it by what the board shows (long notes of older files
are taller on screen than their record).
"""

from __future__ import annotations

import math

from PySide6.QtWidgets import QApplication

from facilitator.board.placement import drawn_extent, free_spots
from facilitator.workshop.model import NOTE_H, Element, Note
from ui.board.items import ElementItem
from ui.board.style import PAD, Look, layout_text

_LOOKS: dict[str, Look] = {}


def _normal_look() -> Look:
    """The board's everyday look (not the projector's) in the application's font."""
    family = QApplication.font().family()
    look = _LOOKS.get(family)
    if look is None:
        look = _LOOKS[family] = Look(False)
    return look


def drawn_height(text: str, width: float) -> float:
    """How tall the board draws a note ``width`` wide holding ``text`` (whole points):
    :data:`NOTE_H`, or taller when its text needs it, the author's strip kept."""
    look = _normal_look()
    text_h = layout_text(text, max(width - 2 * PAD, 8.0), look.note_font)[1]
    return max(NOTE_H, float(math.ceil(PAD + text_h + PAD + look.author_h + 2)))


def sized(note: Note) -> Note:
    """``note`` as tall as the board draws its text."""
    return note.replace(h=drawn_height(note.text, note.w))


def place(note: Note, existing: list[Element], scene=None) -> Note:
    """``note``, sized, at the first free place of its board (:func:`free_spots`),
    measured as ``scene`` draws the board when it shows it."""
    note = sized(note)
    items = scene.by_id if scene is not None else {}

    def extent(rec: Element):
        item = items.get(rec.id)
        if isinstance(item, ElementItem):  # notes, headings, frames, stamps: as drawn
            _, _, w, h = item.rect().getRect()
            return rec.x, rec.y, w, h
        return drawn_extent(rec)

    (x, y), = free_spots(existing, 1, size=(note.w, note.h), extent=extent)
    return note.replace(x=x, y=y)
