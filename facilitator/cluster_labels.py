"""Labels (表札) and key words for proposed themes.

A label is 1–3 noun phrases of the theme's notes joined with 「・」, at most
six words: phrases are whole dictionary morphemes joined (地域産業コミュニティ,
対等なパートナー), never cut inside a word.  Words are ranked by how many of
the theme's notes use them against how common they are on the whole board
(a class-based TF-IDF), so a word every note shares is not a reason.
"""

from __future__ import annotations

import math
from collections import Counter

from facilitator.cluster_features import Analysed

MAX_PHRASES = 3
MAX_KEYWORDS = 5


class Labeller:
    """Names groups of a board's notes; board-wide counts are made once."""

    def __init__(self, analysed: list[Analysed], weights: list[int]) -> None:
        self.weights = weights
        self.words = [set(a.words) for a in analysed]
        self.phrases = [set(a.phrases) for a in analysed]
        self.total = sum(weights)
        self.df_words = self._df(self.words)
        self.df_phrases = self._df(self.phrases)

    def _df(self, items: list[set[str]]) -> Counter:
        df: Counter = Counter()
        for its, w in zip(items, self.weights):
            for t in its:
                df[t] += w
        return df

    def _ranked(self, items, df, members: list[int]) -> list[str]:
        inside: Counter = Counter()
        size = sum(self.weights[i] for i in members) or 1
        for i in members:
            for t in items[i]:
                inside[t] += self.weights[i]
        scores = {t: round((c / size) * math.log(1 + self.total / df[t])
                           * (1.1 if c > 1 else 1.0), 9) for t, c in inside.items()}
        # Ties broken by length then text: the same notes give the same label.
        return sorted(scores, key=lambda t: (-scores[t], -len(t), t))

    def label(self, members: list[int]) -> tuple[str, tuple[str, ...]]:
        """``(label, keywords)`` of the group of notes ``members`` (indices).

        The label is ``""`` when the notes have no content words (only emoji).
        """
        keywords = tuple(self._ranked(self.words, self.df_words, members)[:MAX_KEYWORDS])
        chosen: list[str] = []
        for p in self._ranked(self.phrases, self.df_phrases, members):
            if any(p in c or c in p for c in chosen):
                continue  # 地域 adds nothing next to 地域産業コミュニティ
            chosen.append(p)
            if len(chosen) == MAX_PHRASES or (len(chosen) == 2 and len(p) > 8):
                break
        return "・".join(chosen), keywords
