"""Ink for printed text: colours that keep WCAG contrast >= 4.5 with what they are printed on.

Notes, groups and frames come in any colour (the group palettes, imported
boards, a colour someone picked), so the minutes choose each text's colour
for the paper colour under it: the preferred ink when it reads well enough,
else that ink darkened (or, on a dark note, lightened) just until it does.
Black or white always reaches 4.58:1 against any colour, so there is always one.
Pure arithmetic, no reportlab: the tests use it to check the PDF.
"""

from __future__ import annotations

Rgb = tuple[float, float, float]   # 0..1 each

#: WCAG 2 contrast for normal-size text.
MIN_CONTRAST = 4.5


def rgb(value: str) -> Rgb:
    """``#RRGGBB`` (or ``RRGGBB``) as three 0..1 floats."""
    h = value.strip().lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    if len(h) != 6:
        raise ValueError(f"not a colour: {value!r}")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def hex_of(c: Rgb) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02X}" for v in c)


def luminance(c: Rgb) -> float:
    """WCAG relative luminance."""
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(v) for v in c)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Rgb, b: Rgb) -> float:
    """WCAG contrast ratio of two colours (1..21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(top: Rgb, alpha: float, under: Rgb) -> Rgb:
    """``top`` at opacity ``alpha`` over ``under``."""
    return tuple(alpha * t + (1 - alpha) * u for t, u in zip(top, under))  # type: ignore[return-value]


def ink_on(fill: Rgb, preferred: Rgb, minimum: float = MIN_CONTRAST) -> Rgb:
    """``preferred`` if it has ``minimum`` contrast on ``fill``; else the nearest mix of it
    towards black (or white, on a dark fill) that has."""
    if contrast(preferred, fill) >= minimum:
        return preferred
    towards: Rgb = (0.0, 0.0, 0.0) if contrast((0, 0, 0), fill) >= contrast((1, 1, 1), fill) \
        else (1.0, 1.0, 1.0)
    lo, hi = 0.0, 1.0   # how far towards black/white: bisect for the least that reads
    for _ in range(20):
        mid = (lo + hi) / 2
        if contrast(blend(towards, mid, preferred), fill) >= minimum:
            hi = mid
        else:
            lo = mid
    # A hair beyond, so the colour as printed (rounded to 8 bits) still reaches it.
    return blend(towards, min(1.0, hi + 0.02), preferred)
