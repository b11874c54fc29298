"""A board as the minutes see it: its themes (nested, その他 last) with their notes.

Plain data shared by :mod:`facilitator.minutes.content`, which gathers it, and
:mod:`facilitator.minutes.draft`, which drafts a まとめ from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitator.i18n import translate
from facilitator.workshop.model import Element, Group, Note, Session, Theme


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

    def ranking(self) -> list[ThemeBlock]:
        """Every theme of the board (nested ones too) that got votes, best first."""
        flat, stack = [], list(self.themes)
        while stack:
            t = stack.pop(0)
            flat.append(t)
            stack[:0] = t.children
        voted = [t for t in flat if t.theme_votes or t.note_votes]
        return sorted(voted, key=lambda t: (-t.theme_votes, -t.note_votes))
