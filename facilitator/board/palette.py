"""The colours new boards use: groups (notes), themes (frames), author names.

Every pair of colours of a palette stays apart for people with protanopia or
deuteranopia too (CIEDE2000 ≥ 10 after the Machado et al. 2009 simulation, see
:mod:`facilitator.board.palette_check`; ``tests/board/test_palette.py`` checks
every pair), and author names keep ≥ 4.5:1 contrast on every note colour.

The theme colours start from Paul Tol's "muted" scheme, the note colours from
the usual sticky-note pastels, both moved until every pair passed. Files keep
the colours they stored; only new groups, imports and themes take these.
"""

from __future__ import annotations

#: Note colours by name, in the order new groups take them (the first two, for the
#: usual two groups, differ the most).  The names are those a CSV import may use.
NOTE_COLOURS = {
    "yellow": "#F9D83E",
    "blue": "#BEE4FF",
    "pink": "#E2A1B6",
    "green": "#C4F9D7",
    "orange": "#DDAF78",
    "purple": "#C5A6FC",
}
GROUP_COLOURS = tuple(NOTE_COLOURS.values())
#: A note with neither a colour nor a group (the board's and the minutes' fallback).
PLAIN_NOTE = "#FFF4A8"
#: Author names on notes (≥ 4.5:1 on every note colour); note text is darker still.
AUTHOR_COLOUR = "#404040"

#: Outline colours of themes (frames), in order; その他 is grey.
THEME_COLOURS = ("#C35376", "#332288", "#DDCC77", "#287732", "#87D1F6", "#7F254A",
                 "#1C938A", "#949500", "#A146AB", "#5499FD", "#D18F77", "#513700")
OTHER_THEME_COLOUR = "#B4B4B4"

#: Every palette whose colours must be told apart, by name (the checks and the bench).
PALETTES = {
    "notes": GROUP_COLOURS + (PLAIN_NOTE,),
    "themes": THEME_COLOURS + (OTHER_THEME_COLOUR,),
}


def group_colour(index: int) -> str:
    """The note colour of the ``index``-th group of a session."""
    return GROUP_COLOURS[index % len(GROUP_COLOURS)]


def theme_colour(index: int) -> str:
    """The outline colour of the ``index``-th theme."""
    return THEME_COLOURS[index % len(THEME_COLOURS)]
