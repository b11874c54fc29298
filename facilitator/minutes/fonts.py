"""Fonts of the minutes: IPAexGothic for everything, fallbacks for what it lacks.

IPAexGothic (shipped by matplotlib-fontja) sets every text of the PDF and
the charts.  It has no emoji and lacks a few rare kanji (𠮷, U+20BB7), so a
character it lacks is set in the first fallback that has it: Noto Emoji
(monochrome), Noto Sans Symbols, Noto Sans (OFL, in ``assets/fonts``).  A character no shipped font has (for example 𠮷) is set in
IPAexGothic, which prints its "missing glyph" box; the character itself is
kept in the PDF's text layer, so copying or searching the PDF finds it.

reportlab (5.1) writes characters beyond U+FFFF into a font's ToUnicode map
as five hex digits, which PDF readers reject, so emoji and rare kanji came
out of text extraction garbled or dropped; :func:`register_fonts` installs a
ToUnicode writer that spells them as UTF-16 surrogate pairs, as the PDF
specification asks.
"""

from __future__ import annotations

import functools
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont

from facilitator.paths import FONTS_DIR, japanese_font_path

#: The name the main font is registered under.
FONT = "IPAexGothic"
#: Fallback fonts, in order: (registered name, file in ``assets/fonts``).
FALLBACKS = (("NotoEmoji", "NotoEmoji.ttf"),
             ("NotoSansSymbols", "NotoSansSymbols.ttf"),
             ("NotoSans", "NotoSans.ttf"))


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode CMap, with UTF-16 (surrogate pairs) destinations."""
    def utf16(code: int) -> str:
        return chr(code).encode("utf-16-be", "surrogatepass").hex().upper()
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo", f"<< /Registry ({fontname})", f"/Ordering ({fontname})",
        "/Supplement 0", ">> def", f"/CMapName /{fontname} def", "/CMapType 2 def",
        "1 begincodespacerange", "<00> <%02X>" % (len(subset) - 1), "endcodespacerange",
        "%d beginbfchar" % len(subset),
        *("<%02X> <%s>" % (i, utf16(v)) for i, v in enumerate(subset)),
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"])


@functools.lru_cache(maxsize=None)
def register_fonts() -> str:
    """Register IPAexGothic with reportlab (once); returns its font name."""
    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    # Registered through svglib's font map, which registers it with reportlab once: the
    # charts' SVG names the family IPAexGothic, and an unmapped family makes svglib ask
    # fontconfig's fc-match, absent on Windows, macOS and in the installer's clean
    # environment, and set the labels in Helvetica, as boxes.
    from svglib.fonts import register_font as register_svg_font
    registered, _ = register_svg_font(FONT, str(japanese_font_path()), rlgFontName=FONT)
    if registered is None:
        raise FileNotFoundError(f"cannot read the Japanese font {japanese_font_path()}")
    # Drawings (charts, stamps) and table cells (whose font is set even when
    # they hold paragraphs) start from this font: no Helvetica in the PDF.
    from reportlab.graphics import shapes
    from reportlab.platypus import tables
    shapes.STATE_DEFAULTS["fontName"] = FONT
    tables.CellStyle.fontname = FONT
    from facilitator.minutes import linebreak
    linebreak.install()  # 行末禁則: no opening bracket at a line's end
    return FONT


def _fallback_dir() -> Path | None:
    return FONTS_DIR if FONTS_DIR.is_dir() else None


@functools.lru_cache(maxsize=None)
def _fallback(index: int) -> tuple[str, frozenset[int]] | None:
    """The ``index``-th fallback font, registered on first use, with its characters."""
    folder = _fallback_dir()
    if folder is None or index >= len(FALLBACKS):
        return None
    name, file = FALLBACKS[index]
    path = folder / file
    if not path.exists():
        return None
    font = TTFont(name, str(path))
    pdfmetrics.registerFont(font)
    return name, frozenset(font.face.charToGlyph)


@functools.lru_cache(maxsize=None)
def _main_chars() -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


@functools.lru_cache(maxsize=65536)
def font_for(char: str) -> str:
    """The registered font that sets ``char``: the main font unless it lacks it."""
    code = ord(char)
    if code in _main_chars() or code < 0x20:
        return FONT
    for i in range(len(FALLBACKS)):
        found = _fallback(i)
        if found and code in found[1]:
            return found[0]
    # No shipped font has it: draw the main font's missing-glyph box, but as a
    # character of its own, so the text layer keeps it (reportlab would
    # otherwise send every missing character to code 0, extracted as NUL).
    pdfmetrics.getFont(FONT).face.charToGlyph.setdefault(code, 0)
    return FONT


def runs(text: str) -> list[tuple[str, str]]:
    """``text`` cut into ``(font name, text)`` runs of one font each."""
    out: list[tuple[str, str]] = []
    main = _main_chars()
    for ch in text:
        font = FONT if ord(ch) in main else font_for(ch)
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + ch)
        else:
            out.append((font, ch))
    return out


def markup(text: str) -> str:
    """``text`` as Paragraph markup: escaped, line breaks kept, fallback fonts marked."""
    parts = []
    for font, run in runs(text):
        run = escape(run).replace("\n", "<br/>")
        parts.append(run if font == FONT else f'<font name="{font}">{run}</font>')
    return "".join(parts)


def missing_chars(text: str) -> set[str]:
    """Characters of ``text`` that no shipped font has (they print as a box)."""
    main = _main_chars()
    return {ch for ch in text if ord(ch) not in main and ord(ch) >= 0x20
            and font_for(ch) == FONT}


def string_width(text: str, size: float) -> float:
    """Width of ``text`` at ``size`` points, each run in its own font."""
    return sum(pdfmetrics.stringWidth(run, font, size) for font, run in runs(text))


def draw_string(canv, x: float, y: float, text: str, size: float) -> None:
    """Draw one line of ``text`` at ``(x, y)`` on a reportlab canvas, with fallbacks."""
    for font, run in runs(text):
        canv.setFont(font, size)
        canv.drawString(x, y, run)
        x += pdfmetrics.stringWidth(run, font, size)
