"""Labels (表札) and key words for proposed themes.

A label is 1–3 noun phrases of the theme's notes joined with 「・」, two to
six words in all (one only when the notes offer no second noun): phrases
are whole dictionary morphemes joined (地域産業コミュニティ, 対等なパートナー),
never cut inside a word, and general words (取組み, 構築, こと, 感じ...) are
left out of labels and key words.  Words are ranked by how many of
the theme's notes use them against how common they are on the whole board
(a class-based TF-IDF), so a word every note shares is not a reason.
"""

from __future__ import annotations

import math
from collections import Counter

from facilitator.themes.features import GENERIC, WORD_SEP, Analysed

MAX_PHRASES = 3
MAX_KEYWORDS = 5
MIN_WORDS, MAX_WORDS = 2, 6


def label_phrase(phrase: str) -> str | None:
    """A phrase fit for a label: general words trimmed from its ends (連携の構築 ->
    連携), None when nothing specific is left."""
    words = phrase.split(WORD_SEP)
    while words and _generic(words[0]):
        words.pop(0)
    while words and _generic(words[-1]):
        words.pop()
    return WORD_SEP.join(words) if words else None


def _generic(word: str) -> bool:
    return word.lower() in GENERIC or word.removesuffix("な") in GENERIC


def word_count(phrase: str) -> int:
    return phrase.count(WORD_SEP) + 1


class Labeller:
    """Names groups of a board's notes; board-wide counts are made once."""

    def __init__(self, analysed: list[Analysed], weights: list[int]) -> None:
        self.weights = weights
        self.words = [{w for w in a.words if w not in GENERIC} for a in analysed]
        self.phrases = [{q for q in map(label_phrase, a.phrases) if q} for a in analysed]
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
        words = 0
        for p in self._ranked(self.phrases, self.df_phrases, members):
            flat = p.replace(WORD_SEP, "")
            if any(flat in c or c in flat for c in map(lambda q: q.replace(WORD_SEP, ""), chosen)):
                continue  # 地域 adds nothing next to 地域産業コミュニティ
            n = word_count(p)
            if words + n > MAX_WORDS:
                continue
            chosen.append(p)
            words += n
            if len(chosen) == MAX_PHRASES or (words >= MIN_WORDS and len(flat) > 8):
                break
        return "・".join(c.replace(WORD_SEP, "") for c in chosen), keywords
