"""Japanese line breaking (禁則): no opening bracket at a line's end, no
closing mark at a line's start, and no break inside a ``<nobr>`` run.

reportlab's CJK wrapping (``wordWrap="CJK"``) keeps one closing mark (。、」…)
off a line's start by hanging it in the margin, but not two in a row (。」),
and has no rule for a line's end, so 「 or （ could end a line, apart from what
it opens.  :func:`install` wraps reportlab's two CJK splitters (one for a
paragraph of one font run, one for several): when a line breaks badly, the
line before the break is split again a little narrower, so reportlab itself
sends the bracket, or the character before the closing marks, down to the
next line; every line before it stays as it was.

reportlab's own ``<nobr>`` tag marks its text with ``nobr``, which the CJK
splitter ignores; here a ``<nobr>`` run (a note's "— 山本 健太・2票") that a
line break would cut goes down whole to the next line, unless it already
starts its line (a run wider than a line breaks where it must).
"""

from __future__ import annotations

import functools

from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.pdfbase.pdfmetrics import stringWidth

#: Characters that never end a line.
OPENING = "「『（【〈《〔［｛“‘([{｟〘〖"
#: Characters that never start a line (reportlab's list: 。、」）ー っ …).
CLOSING = ALL_CANNOT_START


def _text(line) -> str:
    if isinstance(line, list):  # wordSplit: [extra space, text]
        return line[1]
    return "".join(getattr(w, "text", "") or "" for w in line.words)


def _extra(line) -> float:
    return line[0] if isinstance(line, list) else line.extraSpace


def _widen(line, by: float, width: float) -> None:
    """Give back to ``line`` the width it was narrowed by (alignment reads it)."""
    if isinstance(line, list):
        line[0] += by
    else:
        line.extraSpace += by
        line.maxWidth = width


def _words(line) -> list:
    """The fragments of a line that hold text (none for a one-font line)."""
    return [] if isinstance(line, list) else [w for w in line.words if getattr(w, "text", "")]


def _kept_width(line, after) -> float:
    """Width of the ``<nobr>`` run that ``line`` ends and ``after`` goes on with.

    0 when the line ends otherwise, or when the run starts the line: moving it
    down would gain nothing.
    """
    words, following = _words(line), _words(after)
    if not words or not following or not getattr(following[0], "nobr", False):
        return 0.0
    kept = []
    for w in reversed(words):
        if not getattr(w, "nobr", False):
            return sum(stringWidth(w.text, w.fontName, w.fontSize) for w in kept)
        kept.append(w)
    return 0.0


def _bad_break(lines, last_width) -> tuple[int, float] | None:
    """The first line that breaks badly, and by how much to narrow it.

    Narrowing by 0 moves down an opening bracket that reportlab already
    finds too wide; by ``last_width`` also the character before the closing
    marks; by a ``<nobr>`` run's width the whole run.
    """
    for k in range(len(lines) - 1):
        if getattr(lines[k], "lineBreak", False):  # a <br/> is the author's
            continue
        kept = _kept_width(lines[k], lines[k + 1])
        if kept:
            # A hair less than the run: what precedes it stays, a space included.
            return k, kept - 0.02
        text, after = _text(lines[k]).rstrip(), _text(lines[k + 1])
        if len(text) > 1 and text[-1] in OPENING:
            return k, 0.0
        if len(text) > 2 and after[:1] in CLOSING:
            return k, last_width(lines[k])
    return None


def _kinsoku(split, lines_of, last_width, max_widths) -> object:
    """``split(widths)``, with lines narrowed one by one until none breaks badly."""
    real = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
    widths = list(real)
    tried = set()
    while True:
        result = split(widths)
        lines = lines_of(result)
        bad = _bad_break(lines, last_width)
        if bad is None or (bad[0], _text(lines[bad[0]])) in tried:
            break  # right, or beyond help (a line of nothing but brackets)
        k, narrower = bad
        tried.add((k, _text(lines[k])))
        # Later lines keep their own width when line k is narrowed.
        widths += [widths[-1]] * (k + 2 - len(widths))
        # Just too narrow for what must go: reportlab moves it down (a bracket,
        # the character before marks that may not start a line, a <nobr> run).
        content = widths[k] - _extra(lines[k])
        widths[k] = content - narrower - 0.01
    for k, line in enumerate(lines):
        width = real[min(k, len(real) - 1)]
        narrowed = widths[min(k, len(widths) - 1)]
        if narrowed != width:
            _widen(line, width - narrowed, width)
    return result


@functools.lru_cache(maxsize=None)
def install() -> None:
    """Make every reportlab CJK paragraph break lines by these rules."""
    from reportlab.platypus import paragraph
    word_split, frag_split = paragraph.wordSplit, paragraph.cjkFragSplit

    def one_run(word, max_widths, font_name, font_size, encoding="utf8"):
        return _kinsoku(lambda w: word_split(word, w, font_name, font_size, encoding),
                        lambda lines: lines,
                        lambda line: stringWidth(line[1][-1], font_name, font_size),
                        max_widths)

    def several_runs(frags, max_widths, calc_bounds, encoding="utf8"):
        def last_width(line):
            frag = next(f for f in reversed(line.words) if getattr(f, "text", ""))
            return stringWidth(frag.text[-1], frag.fontName, frag.fontSize)
        return _kinsoku(lambda w: frag_split(frags, w, calc_bounds, encoding),
                        lambda result: result.lines, last_width, max_widths)

    paragraph.wordSplit, paragraph.cjkFragSplit = one_run, several_runs
