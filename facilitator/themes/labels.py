"""Labels (表札) and key words for proposed themes.

A label is one or two noun phrases of the theme's notes joined with 「・」
(two to six words in all; one word only when the notes offer nothing else).
Phrases are whole dictionary morphemes joined (地域産業コミュニティ,
対等なパートナー), never cut inside a word, and never a fragment: no phrase
starts with a suffix, prefix, adverb or verb (たち, ごと, 〜的 left over when a
general word is trimmed), none is one or two kana, none is a general word
(結果, 目的, 取組み, こと...), and none is cut out of a longer name (co and ba
of co-ba, オブ of a title).  A phrase names one theme only: candidates are
ranked by how many of the theme's notes use them minus how many of the
nearest other theme's notes do (then by rarity on the board), and a phrase
already used by another theme of the proposal is skipped.  Key words are
kept apart (ThemeProposal.keywords) for display beside the label.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from facilitator.themes.features import GENERIC, WORD_SEP, Analysed

MAX_PHRASES = 2
MAX_KEYWORDS = 5
MIN_WORDS, MAX_WORDS = 2, 6

#: Nouns too general to stand alone as a label phrase (地域 alone says nothing
#: on a board about regions; 地域コミュニティ does).
LABEL_GENERIC = frozenset("""
結果 目的 目標 成果 効果 影響 機会 場面 情報 関係 全体 一部 以上 以下 最初 最後 現在 今 将来 現状
仕組み 仕組 あり方 在り方 考え方 やり方 ポイント テーマ ケース 事例 きっかけ 要素 手段 観点 視点
背景 経緯 概要 中心 部 面 側 型 版 系 類 編 号 vol 年度 各地 企業 地域 社会 人材 事業
""".split())

#: Parts of speech a label phrase may not start with.
_BAD_START = ("接尾辞", "接頭辞", "副詞", "動詞", "形容詞", "助詞", "助動詞", "連体詞", "補助記号")

_KANA = re.compile(r"^[\u3041-\u309f]{1,2}$")
_POS_CACHE_MAX = 20_000
_pos_cache: dict[str, dict[str, tuple[str, str]]] = {}
#: Keys of a note's map naming the words that follow a prefix (新|結合) or
#: precede a suffix (積極|的): a phrase there is cut out of a longer word.
AFTER_PREFIX, BEFORE_SUFFIX = "\0after-prefix", "\0before-suffix"


def _pos_of(text: str) -> dict:
    """Surface (lower case) -> (POS, sub-POS) of the morphemes of ``text``, in
    context, plus the sets :data:`AFTER_PREFIX` and :data:`BEFORE_SUFFIX`."""
    found = _pos_cache.get(text)
    if found is None:
        from facilitator.themes.features import tokenizer
        from facilitator.themes.textnorm import for_features
        found = {AFTER_PREFIX: set(), BEFORE_SUFFIX: set()}
        clean = for_features(text)
        ms = list(tokenizer().tokenize(clean)) if clean else []
        for i, m in enumerate(ms):
            pos = m.part_of_speech()
            surface = m.surface().lower()
            found.setdefault(surface, (pos[0], pos[1]))
            if i and (ms[i - 1].part_of_speech()[0] == "接頭辞" or ms[i - 1].part_of_speech()[1] == "数詞"):
                found[AFTER_PREFIX].add(surface)  # 新|結合, 2|倍以上増加
            if i + 1 < len(ms) and _cuts(ms[i + 1]):
                found[BEFORE_SUFFIX].add(surface)
        if len(_pos_cache) > _POS_CACHE_MAX:
            _pos_cache.clear()
        _pos_cache[text] = found
    return found


#: Suffixes after a phrase that leave it whole (地域再生計画等 names 地域再生計画).
LOOSE_SUFFIXES = frozenset({"等", "など", "ら", "たち", "達"})


def _cuts(m) -> bool:
    """A suffix the phrase before it needs (案件|化, 積極|的): without it the phrase
    is cut out of a word.  名詞的 suffixes other than general ones join phrases."""
    from facilitator.themes.features import STOPWORDS
    pos = m.part_of_speech()
    return pos[0] == "接尾辞" and m.surface() not in LOOSE_SUFFIXES and \
        (pos[1] != "名詞的" or m.surface() in STOPWORDS)


def label_phrase(phrase: str, pos: dict[str, tuple[str, str]] | None = None) -> str | None:
    """A phrase fit for a label: general words trimmed from its ends (連携の構築 ->
    連携), then a suffix or prefix left at an end; None when nothing fit is left.

    ``pos`` maps the note's words to their parts of speech (see :func:`_pos_of`).
    """
    pos = pos or {}
    words = phrase.split(WORD_SEP)
    while words and (_generic(words[0]) or pos.get(words[0].lower(), ("",))[0] in _BAD_START):
        words.pop(0)
    while words and (_generic(words[-1]) or pos.get(words[-1].lower(), ("",))[0] in ("接頭辞",)):
        words.pop()
    if not words:
        return None
    if words[0].lower() in pos.get(AFTER_PREFIX, ()) or words[-1].lower() in pos.get(BEFORE_SUFFIX, ()):
        return None  # 結合 of 新結合, 積極 of 積極的
    if len(words) == 1 and words[0].endswith("な") and \
            pos.get(words[0][:-1].lower(), ("",))[0] == "形状詞":
        return None  # 希少な without its noun
    flat = "".join(words)
    # One letter names nothing (円, 街); 1–2 kana are grammar left over (ごと, たち).
    if len(flat) < 2 or _KANA.match(flat) or _generic(flat) or flat.lower() in LABEL_GENERIC:
        return None
    return WORD_SEP.join(words)


def _generic(word: str) -> bool:
    low = word.lower()
    return low in GENERIC or word.removesuffix("な") in GENERIC


_LETTER = r"[A-Za-z0-9]"
_HYPHENED = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]*(?:[-&][A-Za-z0-9]+)+(?![A-Za-z0-9])")
_KATA = r"[\u30a1-\u30ff]"


def cut_from_a_name(flat: str, text: str) -> bool:
    """True when ``flat`` occurs in ``text`` only as part of a longer name:
    letters or katakana run on across a hyphen, dot or 「・」 (ba of co-ba,
    ba渋谷 of co-ba渋谷, オブ of ロード・オブ・ザ・リング)."""
    def run_on(char: str, side: str) -> str | None:
        if re.fullmatch(_LETTER, char):
            return _LETTER + "[-&.'_/]?" if side == "before" else "[-&.'_/]?" + _LETTER
        if re.fullmatch(_KATA, char):
            return _KATA + "[・=＝]?" if side == "before" else "[・=＝]?" + _KATA
        return None
    if not flat:
        return False
    before, after = run_on(flat[0], "before"), run_on(flat[-1], "after")
    if before is None and after is None:
        return False
    for m in re.finditer(re.escape(flat), text, re.IGNORECASE):
        head = text[max(0, m.start() - 2):m.start()]
        tail = text[m.end():m.end() + 2]
        if not (before and re.search(before + "$", head)) and not (after and re.match(after, tail)):
            return False
    return True


def word_count(phrase: str) -> int:
    return phrase.count(WORD_SEP) + 1


class Labeller:
    """Names groups of a board's notes; board-wide counts are made once."""

    def __init__(self, analysed: list[Analysed], weights: list[int],
                 texts: list[str] | None = None) -> None:
        self.weights = weights
        self.texts = list(texts) if texts else [""] * len(analysed)
        self.words = [{w for w in a.words if w not in GENERIC and w not in LABEL_GENERIC}
                      for a in analysed]
        self.phrases = []
        for i, a in enumerate(analysed):
            text = texts[i] if texts else None
            pos = _pos_of(text) if text else None
            found = set()
            for q in a.phrases:
                q = label_phrase(q, pos)
                if q and not (text and cut_from_a_name(q.replace(WORD_SEP, ""), text)):
                    found.add(q)
            if text:  # names the analyser splits at a hyphen: co-ba, e-sports
                found.update(m for m in _HYPHENED.findall(text) if m.lower() not in GENERIC)
            self.phrases.append(found)
        self.total = sum(weights)
        self.df_words = self._df(self.words)
        self.df_phrases = self._df(self.phrases)

    def _df(self, items: list[set[str]]) -> Counter:
        df: Counter = Counter()
        for its, w in zip(items, self.weights):
            for t in its:
                df[t] += w
        return df

    def _inside(self, items, members: list[int]) -> tuple[Counter, int]:
        inside: Counter = Counter()
        for i in members:
            for t in items[i]:
                inside[t] += self.weights[i]
        return inside, sum(self.weights[i] for i in members) or 1

    def _ranked(self, items, df, members: list[int], others=()) -> list[str]:
        """Candidates by own share minus the largest share in another group,
        times rarity on the board (a word every note shares is no reason).

        ``others`` holds the other groups' ``(counts, size)`` (see :meth:`_inside`).
        """
        inside, size = self._inside(items, members)
        scores = {}
        for t, c in inside.items():
            rival = max((r[0][t] / r[1] for r in others if t in r[0]), default=0.0)
            share = c / size - rival
            scores[t] = round(share * math.log(1 + self.total / df[t]) * (1.1 if c > 1 else 1.0), 9)
        # Ties broken by length then text: the same notes give the same label.
        return sorted(scores, key=lambda t: (-scores[t], -len(t), t))

    def label(self, members: list[int], others: list[list[int]] = (),
              taken: set[str] = frozenset(), _counts=None) -> tuple[str, tuple[str, ...]]:
        """``(label, keywords)`` of the group of notes ``members`` (indices).

        ``others`` are the other groups of the proposal (for contrast) and
        ``taken`` the phrases other groups' labels already use (never reused).
        The label is ``""`` when the notes have no content words (only emoji).
        """
        if _counts is None:
            _counts = ([self._inside(self.words, o) for o in others],
                       [self._inside(self.phrases, o) for o in others])
        keywords = tuple(self._ranked(self.words, self.df_words, members, _counts[0])[:MAX_KEYWORDS])
        chosen: list[str] = []
        words = 0
        for p in self._ranked(self.phrases, self.df_phrases, members, _counts[1]):
            flat = p.replace(WORD_SEP, "")
            if flat in taken:
                continue
            if any(flat in c or c in flat for c in map(lambda q: q.replace(WORD_SEP, ""), chosen)) \
                    or any(set(p.split(WORD_SEP)) & set(c.split(WORD_SEP)) for c in chosen):
                continue  # 地域 adds nothing next to 地域産業コミュニティ, nor 広域連携 to 広域リージョン連携
            n = word_count(p)
            if words + n > MAX_WORDS:
                continue
            chosen.append(p)
            words += n
            if len(chosen) == MAX_PHRASES or (words >= MIN_WORDS and len(flat) > 8):
                break
        return "・".join(c.replace(WORD_SEP, "") for c in chosen), keywords

    def label_groups(self, groups: list[list[int]], taken: set[str] = frozenset()
                     ) -> list[tuple[str, tuple[str, ...]]]:
        """Labels of all ``groups`` of a proposal, no phrase in two labels.

        Larger groups choose first (their words are the surer); ``taken``
        holds phrases no label here may use (e.g. the themes' own, for parents).
        """
        used = set(taken)
        out: list[tuple[str, tuple[str, ...]]] = [("", ())] * len(groups)
        words = [self._inside(self.words, g) for g in groups]
        phrases = [self._inside(self.phrases, g) for g in groups]
        # Larger first; between equals, by their notes' text (not their order on
        # the board: a shuffled board gets the same labels).
        order = sorted(range(len(groups)), key=lambda g: (
            -sum(self.weights[i] for i in groups[g]), min((self.texts[i] for i in groups[g]), default=""), g))
        for g in order:
            counts = ([w for o, w in enumerate(words) if o != g],
                      [p for o, p in enumerate(phrases) if o != g])
            label, keywords = self.label(groups[g], taken=used, _counts=counts)
            out[g] = (label, keywords)
            used.update(label.split("・") if label else ())
        return out
