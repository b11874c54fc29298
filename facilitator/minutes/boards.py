"""A board as the minutes see it: its themes (nested, その他 last) with their notes.

Plain data shared by :mod:`facilitator.minutes.content`, which gathers it, and
:mod:`facilitator.minutes.draft`, which drafts a まとめ from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.i18n import translate
from facilitator.workshop.model import Element, Group, Note, Session, Theme


# How many ranks of voted notes the minutes list when votes went to notes in no theme.
NOTE_RANKING = 10


@dataclass
class ThemeBlock:
    """One theme on one board, with its notes and nested themes."""

    theme: Theme | None            # None: notes without a theme (printed as その他)
    notes: list[Note]
    children: list["ThemeBlock"] = field(default_factory=list)
    rank: int | None = None        # 1 = most votes, among themes with votes
    fallback: str = ""             # printed when the theme has no label: its key words,
    number: int = 0                # else "Theme n" (translated when printed)
    source: str = ""               # the group a plenary's copied theme came from

    @property
    def is_other(self) -> bool:
        return self.theme is None or self.theme.is_other

    @property
    def label(self) -> str:
        """The theme's label; for a theme nobody named, its key words or "Theme n"."""
        if self.theme is None:
            return ""
        if self.theme.label.strip() or self.fallback:
            return self.theme.label.strip() or self.fallback
        return translate("Report", "Theme {n}").format(n=self.number) if self.number else ""

    def all_notes(self) -> list[Note]:
        """Its notes and those of its nested themes."""
        return self.notes + [n for c in self.children for n in c.all_notes()]

    @property
    def theme_votes(self) -> int:
        return self.theme.votes if self.theme else 0

    @property
    def note_votes(self) -> int:
        return sum(n.votes for n in self.all_notes())


@dataclass
class Board:
    """A session's plenary board or one group's board."""

    session: Session
    group: Group | None
    themes: list[ThemeBlock]
    elements: list[Element]

    @property
    def notes(self) -> list[Note]:
        return [n for t in self.themes for n in t.all_notes()]

    def _flat(self) -> list[ThemeBlock]:
        flat, stack = [], list(self.themes)
        while stack:
            t = stack.pop(0)
            flat.append(t)
            stack[:0] = t.children
        return flat

    def ranking(self) -> list[ThemeBlock]:
        """Every theme of the board (nested ones too) that got votes, best first.

        その他 is no theme: its votes are on notes nobody grouped, which
        :meth:`note_ranking` ranks one by one.
        """
        voted = [t for t in self._flat() if not t.is_other and (t.theme_votes or t.note_votes)]
        return sorted(voted, key=lambda t: (-t.theme_votes, -t.note_votes))

    def note_ranking(self, limit: int = NOTE_RANKING) -> list[tuple[int, Note]]:
        """The voted notes outside any theme (loose or in その他), most votes first:
        (rank, note), the top ``limit`` ranks (notes with as many votes share a rank,
        so a tie at the end is never cut in two)."""
        voted = [n for t in self._flat() if t.is_other for n in t.notes if n.votes > 0]
        voted.sort(key=lambda n: -n.votes)   # stable: reading order among equals
        out: list[tuple[int, Note]] = []
        for i, note in enumerate(voted):
            rank = out[-1][0] if out and out[-1][1].votes == note.votes else i + 1
            if rank > limit:
                break
            out.append((rank, note))
        return out
