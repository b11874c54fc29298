"""A first draft of a session's まとめ, made from its themes (extractive).

For every theme, in theme order (その他 left out), the draft quotes its most
representative notes: those sharing the most character bigrams with the
theme's other notes, votes breaking ties upward.  Nothing is invented: every
sentence is a note's own words (long ones shortened with "…", the full text
is printed under its theme).  The organiser edits the draft in the app; the
edited text is stored in ``Session.summary`` and printed instead.
"""

from __future__ import annotations

from facilitator.i18n import translate
from facilitator.minutes.boards import Board, ThemeBlock
from facilitator.workshop.model import Note

#: Longest quote in a draft; longer notes are shortened there (never in the listing).
QUOTE_CHARS = 70
#: Notes compared per theme when choosing (keeps a 2,000-note theme fast).
SAMPLE = 60


def _bigrams(text: str) -> set[str]:
    t = "".join(text.split())
    return {t[i:i + 2] for i in range(len(t) - 1)} or {t}


def representative(notes: list[Note], count: int = 1) -> list[Note]:
    """The ``count`` notes most like the others (more votes first among equals)."""
    sample = notes[:SAMPLE]
    grams = [_bigrams(n.text) for n in sample]

    def score(i: int) -> float:
        return sum(len(grams[i] & g) / len(grams[i] | g)
                   for j, g in enumerate(grams) if j != i)
    ranked = sorted(range(len(sample)),
                    key=lambda i: (-sample[i].votes, -score(i), i))
    chosen = sorted(ranked[:count])  # in board order
    return [sample[i] for i in chosen]


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


def _theme_line(block: ThemeBlock) -> str | None:
    notes = block.all_notes()
    if block.is_other or not notes:
        return None
    picks = representative(notes, 2 if len(notes) >= 4 else 1)
    quotes = "".join(f"「{_quote(n.text)}」" for n in picks)
    return f"【{block.label}】{quotes}"


def draft_summary(boards: list[Board]) -> str:
    """The draft まとめ of a session with ``boards`` ("" when it has no themed notes)."""
    lines: list[str] = []
    for board in boards:
        theme_lines = [line for b in board.themes if (line := _theme_line(b))]
        if not theme_lines:
            continue
        notes = len(board.notes)
        head = translate("Report", "{notes} notes in {themes} themes.").format(
            notes=notes, themes=len(theme_lines))
        if board.group is not None:
            head = f"{board.group.name}: {head}"
        lines += [head, *theme_lines]
    return "\n".join(lines)
