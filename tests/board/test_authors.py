"""``@名前`` before a typed note, matched to the registered participants (no Qt)."""

from __future__ import annotations

import pytest

from facilitator.board.authors import split_author

ROSTER = ["佐藤 美穂", "鈴木 一郎", "鈴木 花子", "高橋 誠一", "加藤", "Anna Schmidt"]


@pytest.mark.parametrize("typed, author, text", [
    # The full name, typed with its space, a full-width space or none.
    ("@佐藤 美穂 意見", "佐藤 美穂", "意見"),
    ("@佐藤美穂 意見", "佐藤 美穂", "意見"),
    ("@佐藤　美穂 意見", "佐藤 美穂", "意見"),
    ("＠佐藤　美穂　全角だけで打った", "佐藤 美穂", "全角だけで打った"),
    # The family name alone stands for the one participant who has it …
    ("@佐藤 意見", "佐藤 美穂", "意見"),
    ("@高橋　意見", "高橋 誠一", "意見"),
    # … but not for two (鈴木 一郎, 鈴木 花子): then as typed.
    ("@鈴木 意見", "鈴木", "意見"),
    ("@鈴木 花子 意見", "鈴木 花子", "意見"),
    ("@鈴木一郎 意見", "鈴木 一郎", "意見"),
    # A one-word name, and Latin names in any case.
    ("@加藤 意見", "加藤", "意見"),
    ("@anna schmidt good idea", "Anna Schmidt", "good idea"),
    ("@Anna note", "Anna Schmidt", "note"),
    # Not registered: the first word, as before.
    ("@田中 優子 意見", "田中", "優子 意見"),
    ("@佐藤美 意見", "佐藤美", "意見"),
    # The note's own text keeps its spaces and lines.
    ("@佐藤 美穂 一行目\n二行目", "佐藤 美穂", "一行目\n二行目"),
    # No @ at the start: no author.
    ("メールは a@b.jp まで", None, "メールは a@b.jp まで"),
    ("@", None, "@"),
])
def test_the_longest_registered_name_after_the_at_is_the_author(typed, author, text):
    assert split_author(typed, ROSTER) == (author, text)


def test_a_registered_name_alone_is_the_author_of_an_empty_note():
    # What the bar shows while the note is still being typed.
    assert split_author("@佐藤", ROSTER) == ("佐藤 美穂", "")
    assert split_author("@佐藤 美穂 ", ROSTER) == ("佐藤 美穂", "")
    assert split_author("@田中", ROSTER) == (None, "@田中")


def test_without_participants_the_first_word_is_the_author():
    assert split_author("@佐藤 美穂 意見") == ("佐藤", "美穂 意見")
    assert split_author("＠鈴木　全角の区切り") == ("鈴木", "全角の区切り")


def test_a_one_word_name_wins_over_a_family_name_it_equals():
    assert split_author("@佐藤 意見", ["佐藤", "佐藤 美穂"]) == ("佐藤", "意見")


def test_the_name_is_given_back_as_registered():
    assert split_author("@佐藤美穂 意見", ["佐藤　美穂"]) == ("佐藤　美穂", "意見")
