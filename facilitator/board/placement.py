"""Where new notes go on a board: the next free places of a tidy grid."""

from __future__ import annotations

import math
from typing import Iterable

from facilitator.workshop.model import NOTE_H, NOTE_W, Element

GAP = 16.0
COLUMNS = 6


def free_spots(existing: Iterable[Element], count: int, columns: int = COLUMNS,
               origin: tuple[float, float] = (0.0, 0.0),
               size: tuple[float, float] = (NOTE_W, NOTE_H)) -> list[tuple[float, float]]:
    """``count`` top-left positions of grid cells that no existing element covers.

    Cells are filled row by row, ``columns`` wide, starting at ``origin``; a
    cell is taken when any element overlaps it, so notes typed in quick
    succession line up and never hide one another.
    """
    w, h = size
    step_x, step_y = w + GAP, h + GAP
    ox, oy = origin
    taken: set[tuple[int, int]] = set()
    for e in existing:
        c0 = math.floor((e.x - ox) / step_x)
        c1 = math.floor((e.x + max(e.w, 1) - ox - 1e-6) / step_x)
        r0 = math.floor((e.y - oy) / step_y)
        r1 = math.floor((e.y + max(e.h, 1) - oy - 1e-6) / step_y)
        if r1 - r0 > 10_000 or c1 - c0 > 10_000:
            continue  # a huge frame or stroke does not block the grid
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                taken.add((r, c))
    spots: list[tuple[float, float]] = []
    cell = 0
    while len(spots) < count:
        r, c = divmod(cell, columns)
        if (r, c) not in taken:
            spots.append((ox + c * step_x, oy + r * step_y))
        cell += 1
    return spots
