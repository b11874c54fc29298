"""Label (表札) rules: dictionary nouns and noun phrases, 2–6 words, no general words."""

from __future__ import annotations

import re
import unicodedata

import pytest

from facilitator.themes.cluster import propose_themes
from facilitator.themes.features import GENERIC, WORD_SEP, analyse, tokenizer
from facilitator.themes.labels import Labeller, label_phrase

from tests.themes.test_cluster import BOARD

NOUNISH = ("名詞", "接尾辞", "接頭辞", "形状詞")


def _words(label: str) -> list:
    """The label's words (the な of 対等な is part of its word; a name spelled
    with a hyphen, co-ba, is one word)."""
    return [m for part in label.split("・") for m in tokenizer().tokenize(part)
            if not (m.surface() == "な" and m.part_of_speech()[0] == "助動詞")
            and not (m.surface() in "-&" and re.fullmatch(r"[A-Za-z0-9]+([-&][A-Za-z0-9]+)+", part))]


def _whole_name(surface: str) -> bool:
    """A word the dictionary lacks but the note spelled whole (FactorISM, アンコンシャスバイアス)."""
    return all(c.isascii() or unicodedata.name(c, "").startswith("LATIN") for c in surface) \
        or all("\u30a0" <= c <= "\u30ff" for c in surface)


def _is_dictionary_label(label: str) -> bool:
    morphemes = _words(label)
    return bool(morphemes) and all(
        m.part_of_speech()[0] in NOUNISH and (not m.is_oov() or _whole_name(m.surface()))
        for m in morphemes)


@pytest.mark.parametrize("text, phrase", [
    ("大企業とは対等なパートナーとして関わりたい", "対等な|パートナー"),
    ("まずはスモールスタートで始める", "スモールスタート"),
    ("地域産業コミュニティを育てる", "地域|産業|コミュニティ"),
    ("BtoBの企業こそ発信が必要", "BtoB"),
])
def test_phrases_are_whole_words_in_the_notes_case(text, phrase):
    assert phrase in analyse(text).phrases


@pytest.mark.parametrize("text", ["可能な学びを広げたい", "必要な支援を考える"])
def test_a_general_word_never_leads_a_phrase(text):
    assert not any(p.startswith(("可能な", "必要な")) for p in analyse(text).phrases)


@pytest.mark.parametrize("phrase, kept", [
    ("連携|構築", "連携"), ("取組み", None), ("こと", None), ("感じ", None),
    ("地域|コミュニティ", "地域|コミュニティ"), ("構築|支援|体制", "支援|体制"),
])
def test_general_words_are_trimmed_from_label_phrases(phrase, kept):
    assert label_phrase(phrase) == kept


def test_labels_of_a_board_follow_the_rules():
    p = propose_themes(BOARD + ["取組みの構築が大事だと感じた", "可能な学びの場づくり"])
    for theme in p.themes:
        words = _words(theme.label)
        assert 2 <= len(words) <= 6, theme.label
        assert _is_dictionary_label(theme.label), theme.label
        assert not {m.dictionary_form() for m in words} & {"取組み", "取り組み", "構築", "感じ", "こと", "もの"}
        assert not set(theme.keywords) & GENERIC


def test_label_takes_a_second_phrase_when_the_first_is_one_word():
    notes = [analyse(t) for t in ["予算を見直す", "予算の配分と人員", "予算と人員の計画"]]
    label, _ = Labeller(notes, [1, 1, 1]).label([0, 1, 2])
    assert label.split("・")[0] == "予算" and len(label.split("・")) >= 2
    assert WORD_SEP not in label


def test_notes_without_words_give_no_label_words():
    label, keywords = Labeller([analyse("🎉"), analyse("👍")], [1, 1]).label([0, 1])
    assert label == "" and keywords == ()


def test_labels_of_the_development_sets_follow_the_rules():
    from scripts.cluster_eval import dev_sets
    sets = dev_sets()
    if not sets:
        pytest.skip("the development sets (../shared/data/clustering-dev) are not here")
    for name in sorted(sets)[::3]:   # three of the eight: the rules, not one set's words
        for theme in propose_themes(sets[name][0]).themes:
            assert 2 <= len(_words(theme.label)) <= 6, (name, theme.label)
            assert _is_dictionary_label(theme.label), (name, theme.label)
