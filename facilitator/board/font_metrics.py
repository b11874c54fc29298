"""Advance widths of the shipped Japanese font, read from the font file without Qt.

The board draws notes in IPAexGothic (``ui.fonts``); the core needs to know how
wide each character is to tell how tall a note's text will be drawn.  A
TrueType file keeps this in two small tables: ``cmap`` (character -> glyph)
and ``hmtx`` (glyph -> advance width).  Reading just those takes a few
milliseconds, once per process.
"""

from __future__ import annotations

import struct
from functools import lru_cache
from pathlib import Path


class FontWidths:
    """Advance widths in em of the characters a font has (``None``: it has not)."""

    def __init__(self, advances: dict[int, float]) -> None:
        self._advances = advances

    def em(self, char: str) -> float | None:
        """The advance of ``char`` in em, or None when the font lacks it."""
        return self._advances.get(ord(char))

    def __len__(self) -> int:
        return len(self._advances)


def _tables(path: Path, tags: tuple[bytes, ...]) -> dict[bytes, bytes]:
    """The bytes of the tables ``tags`` (only those are read: the file is 4 MB)."""
    with open(path, "rb") as f:
        head = f.read(12)
        count, = struct.unpack_from(">H", head, 4)
        directory = f.read(16 * count)
        out = {}
        for i in range(count):
            tag, _check, offset, length = struct.unpack_from(">4sIII", directory, 16 * i)
            if tag in tags:
                f.seek(offset)
                out[tag] = f.read(length)
    return out


def _cmap(data: bytes, offset: int = 0) -> dict[int, int]:
    """Character -> glyph from the best Unicode subtable (format 12, else 4)."""
    _version, count = struct.unpack_from(">HH", data, offset)
    subtables = {}
    for i in range(count):
        platform, encoding, sub = struct.unpack_from(">HHI", data, offset + 4 + 8 * i)
        subtables[(platform, encoding)] = offset + sub
    for key in ((3, 10), (0, 4), (0, 6)):
        if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 12:
            return _format12(data, subtables[key])
    for key in ((3, 1), (0, 3), (0, 1), (0, 0)):
        if key in subtables and struct.unpack_from(">H", data, subtables[key])[0] == 4:
            return _format4(data, subtables[key])
    return {}


def _format12(data: bytes, at: int) -> dict[int, int]:
    groups, = struct.unpack_from(">I", data, at + 12)
    out = {}
    for i in range(groups):
        first, last, glyph = struct.unpack_from(">III", data, at + 16 + 12 * i)
        for cp in range(first, last + 1):
            out[cp] = glyph + cp - first
    return out


def _format4(data: bytes, at: int) -> dict[int, int]:
    seg2, = struct.unpack_from(">H", data, at + 6)
    n = seg2 // 2
    ends = struct.unpack_from(f">{n}H", data, at + 14)
    starts = struct.unpack_from(f">{n}H", data, at + 16 + seg2)
    deltas = struct.unpack_from(f">{n}h", data, at + 16 + 2 * seg2)
    range_at = at + 16 + 3 * seg2
    ranges = struct.unpack_from(f">{n}H", data, range_at)
    out = {}
    for i in range(n):
        first, last, delta, rng = starts[i], ends[i], deltas[i], ranges[i]
        for cp in range(first, min(last, 0xFFFE) + 1):
            if rng == 0:
                glyph = (cp + delta) & 0xFFFF
            else:
                pos = range_at + 2 * i + rng + 2 * (cp - first)
                glyph, = struct.unpack_from(">H", data, pos)
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            if glyph:
                out[cp] = glyph
    return out


def read_widths(path: Path) -> FontWidths:
    """The advance widths (in em) of every character the TrueType font at ``path`` maps."""
    tables = _tables(Path(path), (b"head", b"hhea", b"hmtx", b"cmap"))
    units, = struct.unpack_from(">H", tables[b"head"], 18)
    metrics, = struct.unpack_from(">H", tables[b"hhea"], 34)
    advances = struct.unpack_from(f">{2 * metrics}H", tables[b"hmtx"])[0::2]
    last = advances[-1]
    glyphs = _cmap(tables[b"cmap"])
    return FontWidths({cp: (advances[g] if g < metrics else last) / units
                       for cp, g in glyphs.items()})


@lru_cache(maxsize=1)
def japanese_widths() -> FontWidths | None:
    """Widths of the shipped IPAexGothic, or None in a build without the font."""
    from facilitator.paths import japanese_font_path
    try:
        return read_widths(japanese_font_path())
    except (ImportError, OSError, KeyError, struct.error):
        return None
