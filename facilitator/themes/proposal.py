"""What a theme proposal is: plain data the UI and the core share.

Kept apart from :mod:`facilitator.themes.cluster` (numpy, the analyser, the
encoder) so that showing or applying a proposal never loads the engine.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.i18n import translate

#: The theme index of a note that fits no theme (その他).
OTHER = -1


@dataclass(frozen=True)
class ThemeProposal:
    """One proposed theme: its notes (indices into the input), label, key words.

    ``key`` is the caller's theme key when the theme holds notes placed by
    hand (see ``fixed``); ``parent`` indexes :attr:`Proposal.parents` or -1.
    """

    notes: tuple[int, ...]
    label: str
    keywords: tuple[str, ...]
    key: str | None = None
    parent: int = -1


@dataclass(frozen=True)
class ParentGroup:
    """A group of themes (when there are more than six)."""

    themes: tuple[int, ...]
    label: str


@dataclass(frozen=True)
class Proposal:
    """``assignment[i]`` is note i's theme index in ``themes``, or -1 (その他)."""

    assignment: tuple[int, ...]
    themes: tuple[ThemeProposal, ...]
    parents: tuple[ParentGroup, ...] = ()
    duplicates: tuple[tuple[int, int], ...] = ()
    # The encoders whose vectors the grouping used: ``("use",)`` is the fast
    # path, ``("use", "e5")`` the refined one (see facilitator.themes.encoders).
    vectors_used: tuple[str, ...] = ("use",)

    def label_of(self, note: int) -> str:
        """The label of note ``note``'s theme (その他 for the rest)."""
        theme = self.assignment[note]
        return other_label() if theme == OTHER else self.themes[theme].label


def other_label() -> str:
    """The name of the group of notes that fit no theme (その他)."""
    return translate("Cluster", "Other")
