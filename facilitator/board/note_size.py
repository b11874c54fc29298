"""How tall a note is drawn, known without Qt.

The board draws a note's text in 13 px IPAexGothic, wrapped to the note's
width (Japanese breaks between characters, other text at spaces), and grows
the note when the text needs more room than its record gives it.  The core
places new notes by that drawn size, so it estimates it here from the font's
own advance widths (:mod:`facilitator.board.font_metrics`) with the same
greedy line filling Qt does.  The estimate is made never to fall short of what
the board draws (``tests/board/test_note_size.py`` holds it against Qt), so
notes placed by it never hide one another; the window, which can lay the text
out exactly, gives new notes their exact height instead (``ui.board.items``).
"""

from __future__ import annotations

import math
from functools import lru_cache

from facilitator.board.font_metrics import japanese_widths
from facilitator.workshop.model import NOTE_H, NOTE_W

#: The board's note type (px) and its line height in IPAexGothic.
FONT_PX = 13.0
LINE_H = 14.0
#: A line with a character the font lacks is drawn in a fallback font, often
#: taller (Noto Sans CJK: 1.45 em): such a line counts as this tall.
FALLBACK_LINE_H = 1.5 * FONT_PX
#: A character the font lacks counts this wide (emoji are about 1.2 em).
FALLBACK_EM = 1.3
#: Inner margin, and the strip kept for the author's tag (10 px type) under the text.
PAD = 8.0
AUTHOR_STRIP = 12.75 + 2.0
# Line breaking: where Qt may break a line, after Unicode's line breaking rules
# (UAX #14) as Qt applies them, reduced to the classes notes use.  Where this is
# unsure it keeps characters together (fewer breaks: more lines, never fewer).
_OPENING = set("([{（［｛〔〈《「『【〘〖｟")
_CLOSING = set("}、。，．〕〉》」』】〙〗｠）］｝")
_CLOSE_PAREN = set(")]")              # ``x)y`` keeps together, ``)あ`` breaks
_EXCLAIM = set("!?！？")
_NO_START = set("ー々ゝゞヽヾ・：；〜～‥…ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ゛゜‐゠〻")
#: White space, which hangs past a line's end and after which a line may break.
_SPACES = {" ": None, "\t": 80.0, "\u3000": 13.0}
_QUOTES = set("\"'“”‘’«»‹›")
_INFIX = set(".,:;")
_PREFIX = set("$\\+¥£€₩")
_POSTFIX = set("%‰℃°′″¢")
_LETTERS = ("AL", "NU")


def _cls(ch: str) -> str:
    """The line breaking class of ``ch`` (UAX #14's names, a few merged)."""
    cp = ord(ch)
    if ch in _SPACES:
        return "SP"
    if ch == "|":
        return "BA"    # a break may follow, not precede
    if ch == "-":
        return "HY"
    if ch == "/":
        return "SY"
    if ch in _INFIX:
        return "IS"
    if ch in _OPENING:
        return "OP" if ch.isascii() else "OW"   # ``a(b`` keeps together, ``a「b`` breaks
    if ch in _CLOSE_PAREN:
        return "CP"
    if ch in _CLOSING or ch in _EXCLAIM:
        return "CL"
    if ch in _NO_START:
        return "NS"    # no break before, unless after a space
    if ch in _QUOTES:
        return "QU"
    if ch in "—―":
        return "B2"    # breaks on both sides, as kanji do, but not inside "——"
    if ch in _PREFIX:
        return "PR"
    if ch in _POSTFIX:
        return "PO"
    if ch.isdigit() and cp < 0x80:
        return "NU"
    if cp == 0x200D:
        return "ZW"    # a zero-width joiner: no break on either side (emoji sequences)
    if 0x0300 <= cp <= 0x036F or 0xFE00 <= cp <= 0xFE0F \
            or 0x1F3FB <= cp <= 0x1F3FF or 0xE0000 <= cp <= 0xE01EF:
        return "CM"    # combining marks, variation selectors, skin tones
    if cp >= 0x2E80:
        return "ID"    # kanji, kana, full-width forms, emoji
    return "AL"


def _joins(a: str, b: str) -> bool:
    """Whether no line break may fall between classes ``a`` and ``b``."""
    if b == "SP" or a == "SP":
        return b == "SP"    # Qt breaks after any white space, whatever follows
    if b in ("CL", "CP", "IS", "SY", "NS", "CM", "ZW", "BA", "HY", "QU") \
            or a in ("OP", "OW", "QU", "ZW"):
        return True
    if a == "B2" or b == "B2":
        return a == b
    if a in _LETTERS:
        return b in _LETTERS or b in ("OP", "PO", "PR")
    if a in ("CP", "PR", "PO"):
        return b in _LETTERS
    if b == "PO":
        return a == "ID"
    if b == "NU":
        return a in ("IS", "SY", "HY")
    if a == "IS":
        return b == "AL"
    return False


_CLASSES = ("SP", "BA", "HY", "SY", "IS", "OP", "OW", "CP", "CL", "NS", "QU", "PR", "PO",
            "NU", "ZW", "CM", "B2", "ID", "AL")
#: For each class, the classes that may not be broken from it.
_JOINED = {a: frozenset(b for b in _CLASSES if _joins(a, b)) for a in _CLASSES}
_CHARS: dict[str, tuple[str, float, bool]] = {}


def _char(ch: str) -> tuple[str, float, bool]:
    """(class, advance in px, drawn by a fallback font) of one character."""
    cls = _cls(ch)
    widths = japanese_widths()
    if cls == "SP":
        space = widths.em(" ") if widths is not None else 1 / 3
        info = cls, _SPACES[ch] or space * FONT_PX, False
    else:
        em = widths.em(ch) if widths is not None else (0.6 if ch.isascii() else 1.0)
        if em is None:  # drawn in a fallback font: count it wide, its line tall
            info = cls, FALLBACK_EM * FONT_PX, cls not in ("CM", "ZW")
        else:
            info = cls, em * FONT_PX, widths is None
    if len(_CHARS) < 65536:
        _CHARS[ch] = info
    return info


def _units(paragraph: str) -> tuple[list[tuple[list[float], float]], bool]:
    """The paragraph cut where lines may break: (advances, trailing white space) each;
    and whether a fallback font draws some of it."""
    units: list[tuple[list[float], float]] = []
    chars: list[float] = []
    space = 0.0
    joined = None   # what may follow without a break (None: the paragraph's start)
    fallback = False
    known = _CHARS
    for ch in paragraph:
        cls, advance, other_font = known.get(ch) or _char(ch)
        if joined is not None and cls not in joined:
            units.append((chars, space))
            chars, space = [], 0.0
        if cls == "SP":
            space += advance
            joined = _JOINED["SP"]
        else:
            chars.append(advance)
            fallback = fallback or other_font
            if cls != "CM" or joined is None:  # a combining mark takes its base's class
                joined = _JOINED[cls]
    units.append((chars, space))
    return units, fallback


def _line_count(units: list[tuple[list[float], float]], width: float) -> int:
    """Lines of a paragraph's ``units`` filled greedily, as Qt fills them."""
    lines, line_w = 1, 0.0
    for chars, space in units:
        unit_w = sum(chars)
        if line_w and line_w + unit_w > width:  # the unit goes down whole
            lines, line_w = lines + 1, 0.0
        if unit_w > width:  # a word longer than a line breaks anywhere
            for advance in chars:
                if line_w and line_w + advance > width:
                    lines, line_w = lines + 1, 0.0
                line_w += advance
        else:
            line_w += unit_w
        line_w += space  # hangs past the line's end, counts before a next word
    return lines


def text_height(text: str, width: float) -> float:
    """How tall ``text`` is drawn wrapped to ``width`` px (never less than the board draws)."""
    height = 0.0
    for paragraph in text.split("\n"):
        units, fallback = _units(paragraph)
        # Qt sizes a line by whole runs of text, so one glyph of a fallback font
        # (an emoji) may make several lines taller: all of its paragraph count so.
        height += _line_count(units, width) * (FALLBACK_LINE_H if fallback else LINE_H)
    return height


@lru_cache(maxsize=4096)  # boards are measured again at every placement
def note_height(text: str, width: float = NOTE_W, least: float = NOTE_H) -> float:
    """The height a note of ``width`` shows ``text`` at: ``least`` or, for longer
    text, as tall as the text needs (whole points, rounded up)."""
    needed = PAD + text_height(text, max(width - 2 * PAD, 8.0)) + PAD + AUTHOR_STRIP
    return max(least, float(math.ceil(needed)))
