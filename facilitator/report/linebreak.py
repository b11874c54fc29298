"""Japanese line breaking: no opening bracket at a line's end (行末禁則).

reportlab's CJK wrapping (``wordWrap="CJK"``) keeps closing marks (。、」…)
off a line's start by hanging them in the margin, but has no rule for a
line's end, so 「 or （ could end a line, apart from what it opens.
:func:`install` wraps reportlab's two CJK splitters (one for a paragraph of
one font run, one for several): when a line would end with an opening
bracket, that line is split again a hair narrower, so reportlab itself
sends the bracket down to the next line; every other line stays as it was.
"""

from __future__ import annotations

import functools

#: Characters that never end a line (besides what reportlab already knows).
OPENING = "「『（【〈《〔［｛“‘([{｟〘〖"


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


def _keeping_openers(split, lines_of, max_widths) -> object:
    """``split(widths)``, narrowed line by line until no line ends with an opener."""
    real = list(max_widths) if isinstance(max_widths, (list, tuple)) else [max_widths]
    widths = list(real)
    tried = set()
    while True:
        result = split(widths)
        lines = lines_of(result)
        bad = next((k for k, line in enumerate(lines[:-1])
                    if not getattr(line, "lineBreak", False)  # a <br/> is the author's
                    and len(_text(line).rstrip()) > 1
                    and _text(line).rstrip()[-1] in OPENING), None)
        if bad is None or (bad, _text(lines[bad])) in tried:
            break
        tried.add((bad, _text(lines[bad])))
        # Later lines keep their own width when line ``bad`` is narrowed.
        widths += [widths[-1]] * (bad + 2 - len(widths))
        widths[bad] = widths[bad] - _extra(lines[bad]) - 0.01  # the bracket no longer fits
    for k, line in enumerate(lines):
        width = real[min(k, len(real) - 1)]
        narrowed = widths[min(k, len(widths) - 1)]
        if narrowed != width:
            _widen(line, width - narrowed, width)
    return result


@functools.lru_cache(maxsize=None)
def install() -> None:
    """Make every reportlab CJK paragraph keep opening brackets off a line's end."""
    from reportlab.platypus import paragraph
    word_split, frag_split = paragraph.wordSplit, paragraph.cjkFragSplit

    def one_run(word, max_widths, font_name, font_size, encoding="utf8"):
        return _keeping_openers(lambda w: word_split(word, w, font_name, font_size, encoding),
                                lambda lines: lines, max_widths)

    def several_runs(frags, max_widths, calc_bounds, encoding="utf8"):
        return _keeping_openers(lambda w: frag_split(frags, w, calc_bounds, encoding),
                                lambda result: result.lines, max_widths)

    paragraph.wordSplit, paragraph.cjkFragSplit = one_run, several_runs
