"""Colour checks without any dependency: contrast, colour-blind simulation, CIEDE2000.

* :func:`contrast` is the WCAG 2 contrast ratio (1 to 21) of two sRGB colours.
* :func:`simulate` shows a colour as a person with protanopia or deuteranopia sees it:
  the matrices of Machado, Oliveira and Fernandes (2009) at severity 1.0, applied to
  linear RGB.
* :func:`delta_e` is the CIEDE2000 colour difference of two colours (CIE Lab, D65).
* :func:`min_delta_e` is the smallest difference between any two colours of a palette,
  for normal vision or under a simulation: ``≥ 10`` tells the colours apart at a glance.

Colours are ``"#RRGGBB"`` strings or ``(r, g, b)`` tuples of 0-255 integers.
"""

from __future__ import annotations

import math
from itertools import combinations
from typing import Iterable, Sequence, Union

Colour = Union[str, Sequence[int]]
NORMAL, PROTANOPIA, DEUTERANOPIA = "normal", "protanopia", "deuteranopia"
#: The simulations palettes are checked under.
SIMULATIONS = (PROTANOPIA, DEUTERANOPIA)

# Machado et al. 2009, severity 1.0 (rows: output R, G, B from linear input R, G, B).
_MACHADO = {
    PROTANOPIA: ((0.152286, 1.052583, -0.204868),
                 (0.114503, 0.786281, 0.099216),
                 (-0.003882, -0.048116, 1.051998)),
    DEUTERANOPIA: ((0.367322, 0.860646, -0.227968),
                   (0.280085, 0.672501, 0.047413),
                   (-0.011820, 0.042940, 0.968881)),
}
# Linear sRGB to CIE XYZ (D65), and the D65 white.
_TO_XYZ = ((0.4124564, 0.3575761, 0.1804375),
           (0.2126729, 0.7151522, 0.0721750),
           (0.0193339, 0.1191920, 0.9503041))
_WHITE = (0.95047, 1.0, 1.08883)


def rgb(colour: Colour) -> tuple[int, int, int]:
    """``(r, g, b)`` 0-255 of ``"#RRGGBB"`` (or of a tuple, unchanged)."""
    if isinstance(colour, str):
        text = colour.strip().lstrip("#")
        if len(text) != 6:
            raise ValueError(f"not a #RRGGBB colour: {colour!r}")
        return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
    r, g, b = colour
    return int(r), int(g), int(b)


def hex_of(colour: Colour) -> str:
    return "#{:02X}{:02X}{:02X}".format(*rgb(colour))


def _linear(c8: float) -> float:
    c = c8 / 255.0
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _encode(c: float) -> int:
    c = min(1.0, max(0.0, c))
    c = c * 12.92 if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
    return int(round(c * 255))


def luminance(colour: Colour) -> float:
    """WCAG relative luminance (0 black to 1 white)."""
    r, g, b = (_linear(c) for c in rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    """WCAG contrast ratio of ``a`` and ``b``: 4.5 for text, 3 for large text."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def blend(colour: Colour, over: Colour, alpha: float) -> tuple[int, int, int]:
    """``colour`` at opacity ``alpha`` (0-1) painted over ``over`` (as Qt composes, in sRGB)."""
    return tuple(int(round(c * alpha + o * (1 - alpha)))
                 for c, o in zip(rgb(colour), rgb(over)))  # type: ignore[return-value]


def simulate(colour: Colour, kind: str) -> tuple[int, int, int]:
    """``colour`` as seen with ``kind`` (:data:`PROTANOPIA`, :data:`DEUTERANOPIA`, or normal)."""
    if kind == NORMAL:
        return rgb(colour)
    m = _MACHADO[kind]
    lin = [_linear(c) for c in rgb(colour)]
    return tuple(_encode(sum(m[i][j] * lin[j] for j in range(3)))
                 for i in range(3))  # type: ignore[return-value]


def lab(colour: Colour) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""
    lin = [_linear(c) for c in rgb(colour)]
    xyz = [sum(_TO_XYZ[i][j] * lin[j] for j in range(3)) / _WHITE[i] for i in range(3)]

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(t) for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1: Sequence[float], lab2: Sequence[float]) -> float:
    """CIEDE2000 difference of two Lab colours (kL = kC = kH = 1), after Sharma et al. 2005."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_bar = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_bar ** 7 / (c_bar ** 7 + 25 ** 7)))
    a1p, a2p = a1 * (1 + g), a2 * (1 + g)
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dlp, dcp = l2 - l1, c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    else:
        dhp = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dHp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))
    lp_bar, cp_bar = (l1 + l2) / 2, (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_bar = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_bar = (h1p + h2p) / 2
    else:
        hp_bar = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    t = (1 - 0.17 * math.cos(math.radians(hp_bar - 30)) + 0.24 * math.cos(math.radians(2 * hp_bar))
         + 0.32 * math.cos(math.radians(3 * hp_bar + 6))
         - 0.20 * math.cos(math.radians(4 * hp_bar - 63)))
    d_theta = 30 * math.exp(-(((hp_bar - 275) / 25) ** 2))
    rc = 2 * math.sqrt(cp_bar ** 7 / (cp_bar ** 7 + 25 ** 7))
    sl = 1 + 0.015 * (lp_bar - 50) ** 2 / math.sqrt(20 + (lp_bar - 50) ** 2)
    sc = 1 + 0.045 * cp_bar
    sh = 1 + 0.015 * cp_bar * t
    rt = -math.sin(math.radians(2 * d_theta)) * rc
    return math.sqrt((dlp / sl) ** 2 + (dcp / sc) ** 2 + (dHp / sh) ** 2
                     + rt * (dcp / sc) * (dHp / sh))


def delta_e(a: Colour, b: Colour, kind: str = NORMAL) -> float:
    """CIEDE2000 difference of ``a`` and ``b`` as seen with ``kind``."""
    return ciede2000(lab(simulate(a, kind)), lab(simulate(b, kind)))


def closest_pair(palette: Iterable[Colour], kind: str = NORMAL) -> tuple[float, str, str]:
    """``(ΔE, a, b)`` of the two colours of ``palette`` most alike under ``kind``."""
    colours = [hex_of(c) for c in palette]
    return min(((delta_e(a, b, kind), a, b) for a, b in combinations(colours, 2)),
               default=(math.inf, "", ""))


def min_delta_e(palette: Iterable[Colour], kinds: Iterable[str] = SIMULATIONS) -> float:
    """The smallest ΔE2000 between two colours of ``palette`` under any of ``kinds``."""
    colours = list(palette)
    return min((closest_pair(colours, k)[0] for k in kinds), default=math.inf)
