"""What a PDF page prints, text by text: size on paper, ink, the colour under it, render mode.

A small interpreter of the page's content stream (pypdf parses it): the
graphics state (q/Q, cm, colours, /ca alpha), filled paths (the colour under
later text: the last fill drawn before the text whose box holds the text's
start) and text (Tf size x text matrix x CTM, as a ruler on the paper would
measure it; decoded through the font's ToUnicode map).  Enough for what
reportlab writes; used to check the minutes' board pictures as printed.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field

import pypdf
from pypdf.generic import ContentStream

from facilitator.minutes.ink import blend, contrast

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)
WHITE = (1.0, 1.0, 1.0)


def mul(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's row-vector convention: m x n)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = n  # noqa: N806
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D,
            e * A + f * C + E, e * B + f * D + F)


def apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


@dataclass
class Run:
    """One text-showing operator's text as printed."""

    text: str
    size: float                 # points on paper
    ink: tuple                  # fill colour (0..1 RGB)
    under: tuple                # the colour it is printed on
    mode: int                   # text render mode (0: fill only)
    x: float
    y: float
    block: int = 0              # which BT..ET text object it is in

    @property
    def contrast(self) -> float:
        return contrast(self.ink, self.under)


@dataclass
class _State:
    ctm: Matrix = IDENTITY
    fill: tuple = (0.0, 0.0, 0.0)
    alpha: float = 1.0
    mode: int = 0
    font: str = ""
    size: float = 0.0
    leading: float = 0.0
    extra: dict = field(default_factory=dict)

    def copy(self) -> "_State":
        return _State(self.ctm, self.fill, self.alpha, self.mode, self.font, self.size,
                      self.leading)


_BFCHAR = re.compile(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")


def _to_unicode(font) -> dict[int, str] | None:
    font = font.get_object()
    if "/ToUnicode" not in font:
        return None
    cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in _BFCHAR.findall(block):
            out[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be", "replace")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
            start = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(start + i)
    return out


def _colour(operands, kind: str) -> tuple:
    v = [float(x) for x in operands]
    if kind == "g":
        return (v[0],) * 3
    if kind == "k":
        c, m, y, k = v
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return tuple(v[:3])


def page_runs(page) -> list[Run]:
    """Every text-showing operation of ``page`` (form XObjects are not entered)."""
    res = page.get("/Resources", {})
    res = res.get_object() if res else {}
    fonts = {name: _to_unicode(f) for name, f in (res.get("/Font") or {}).items()}
    states = {name: g.get_object() for name, g in (res.get("/ExtGState") or {}).items()}
    ops = ContentStream(page.get_contents(), page.pdf).operations
    st, stack = _State(), []
    fills: list[tuple[tuple[float, float, float, float], tuple]] = []
    path: list[tuple[float, float]] = []
    tm = lm = IDENTITY
    runs: list[Run] = []
    block = 0

    def under(x: float, y: float) -> tuple:
        for (x0, y0, x1, y1), colour in reversed(fills):
            if x0 - 0.01 <= x <= x1 + 0.01 and y0 - 0.01 <= y <= y1 + 0.01:
                return colour
        return WHITE

    def show(raw) -> None:
        raw = raw.original_bytes if hasattr(raw, "original_bytes") else bytes(raw)
        cmap = fonts.get(st.font)
        text = "".join(cmap.get(b, "?") for b in raw) if cmap else raw.decode("latin-1")
        m = mul(mul((st.size, 0, 0, st.size, 0, 0), tm), st.ctm)
        size = math.sqrt(abs(m[0] * m[3] - m[1] * m[2]))
        x, y = apply(st.ctm, *apply(tm, 0, 0))
        mx, my = apply(st.ctm, *apply(tm, 0, st.size * 0.35))  # mid-height of the glyphs
        runs.append(Run(text, size, st.fill, under(mx, my), st.mode, x, y, block))

    for operands, op in ops:
        op = op.decode() if isinstance(op, bytes) else op
        if op == "q":
            stack.append(st.copy())
        elif op == "Q":
            st = stack.pop()
        elif op == "cm":
            st.ctm = mul(tuple(float(v) for v in operands), st.ctm)
        elif op in ("rg", "g", "k"):
            st.fill = _colour(operands, op[0])
        elif op in ("sc", "scn") and len(operands) in (1, 3, 4):
            st.fill = _colour(operands, {1: "g", 3: "rg", 4: "k"}[len(operands)])
        elif op == "gs":
            st.alpha = float(states.get(operands[0], {}).get("/ca", st.alpha))
        elif op == "re":
            x, y, w, h = (float(v) for v in operands)
            path += [apply(st.ctm, x, y), apply(st.ctm, x + w, y + h),
                     apply(st.ctm, x, y + h), apply(st.ctm, x + w, y)]
        elif op in ("m", "l"):
            path.append(apply(st.ctm, float(operands[0]), float(operands[1])))
        elif op in ("c", "v", "y"):
            path.append(apply(st.ctm, float(operands[-2]), float(operands[-1])))
        elif op in ("f", "F", "f*", "B", "B*", "b", "b*"):
            if path:
                xs, ys = [p[0] for p in path], [p[1] for p in path]
                box = (min(xs), min(ys), max(xs), max(ys))
                below = under((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)
                fills.append((box, blend(st.fill, st.alpha, below)))
            path = []
        elif op in ("S", "s", "n"):
            path = []
        elif op == "BT":
            tm = lm = IDENTITY
            block += 1
        elif op == "Tf":
            st.font, st.size = operands[0], float(operands[1])
        elif op == "Tr":
            st.mode = int(operands[0])
        elif op == "TL":
            st.leading = float(operands[0])
        elif op == "Tm":
            tm = lm = tuple(float(v) for v in operands)
        elif op in ("Td", "TD"):
            tx, ty = float(operands[0]), float(operands[1])
            if op == "TD":
                st.leading = -ty
            tm = lm = mul((1, 0, 0, 1, tx, ty), lm)
        elif op == "T*":
            tm = lm = mul((1, 0, 0, 1, 0, -st.leading), lm)
        elif op == "Tj":
            show(operands[0])
        elif op == "TJ":
            for part in operands[0]:
                if not isinstance(part, (int, float)):
                    show(part)
        elif op in ("'", '"'):
            tm = lm = mul((1, 0, 0, 1, 0, -st.leading), lm)
            show(operands[-1])
    return runs


def texts(runs: list[Run]) -> list[Run]:
    """``runs`` joined per text object (one drawn string or paragraph: reportlab splits
    a string wherever its characters are in another subset of the font): the text
    joined, its smallest size and its least contrast."""
    out: list[Run] = []
    for r in runs:
        if out and out[-1].block == r.block:
            last = out[-1]
            worst = min((last, r), key=lambda q: q.contrast)
            out[-1] = Run(last.text + r.text, min(last.size, r.size), worst.ink, worst.under,
                          max(last.mode, r.mode), last.x, last.y, last.block)
        else:
            out.append(r)
    return [r for r in out if r.text.strip()]


def render_modes(page) -> set[int]:
    """Every text render mode (Tr) ``page``'s content stream sets."""
    ops = ContentStream(page.get_contents(), page.pdf).operations
    return {int(operands[0]) for operands, op in ops if op in (b"Tr", "Tr")}


def board_pages(data: bytes) -> tuple[pypdf.PdfReader, range]:
    """The reader, and the pages of the graphic record chapter (by the PDF's outline)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    flat: list[tuple[int, str, int]] = []

    def walk(items, level):
        for it in items:
            if isinstance(it, list):
                walk(it, level + 1)
            else:
                flat.append((level, it.title, reader.get_destination_page_number(it)))
    walk(reader.outline, 0)
    for i, (level, title, page) in enumerate(flat):
        if title.split(" ", 1)[-1] in ("Graphic record", "グラフィックレコード"):
            end = next((p for lv, _, p in flat[i + 1:] if lv <= level), len(reader.pages))
            return reader, range(page, end)
    return reader, range(0)


def picture_runs(data: bytes, margin: float) -> list[Run]:
    """The text of the graphic record's pages, without the running header and footer
    (drawn in the page's margin, above and below the frame the pictures are in)."""
    reader, pages = board_pages(data)
    out = []
    for i in pages:
        height = float(reader.pages[i].mediabox.height)
        out += [r for r in texts(page_runs(reader.pages[i])) if margin < r.y < height - margin]
    return out
