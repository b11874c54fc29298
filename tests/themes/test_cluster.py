"""Theme proposals: grouping, その他, labels, hand-placed notes, bad input, CLI."""

from __future__ import annotations

import json

import pytest

from facilitator.cli import main
from facilitator.themes.cluster import OTHER, propose_themes
from facilitator.errors import FurikaeriError

BUDGET = ["予算が足りず費用を削りたい", "コストが高く予算を見直す必要がある", "費用対効果を考えて予算を配分する",
          "予算の執行が遅れコストが膨らんだ", "来年度の予算と費用の見通しを立てる"]
HIRING = ["若手人材の採用が難しい", "採用活動で若手の応募が少ない", "人材育成と若手の採用を強化したい",
          "新卒採用で人材が集まらない", "若手人材が定着しない採用の課題"]
REGION = ["地域の自治体と行政の連携が弱い", "自治体の行政手続きが地域で煩雑", "行政と地域住民と自治体の協働",
          "地域の自治体職員と行政の役割分担", "自治体をまたぐ地域行政の連携"]
BOARD = BUDGET + HIRING + REGION
GROUPS = [0] * 5 + [1] * 5 + [2] * 5


def _same_partition(assignment, groups) -> bool:
    return all((assignment[i] == assignment[j]) == (groups[i] == groups[j])
               for i in range(len(groups)) for j in range(len(groups)))


def test_same_notes_same_proposal():
    assert propose_themes(BOARD) == propose_themes(BOARD)


@pytest.mark.parametrize("k", [None, 3])
def test_obvious_groups_separate(k):
    p = propose_themes(BOARD, k=k)
    assert OTHER not in p.assignment
    assert _same_partition(p.assignment, GROUPS)


def test_outlier_goes_to_other():
    p = propose_themes(BOARD + ["猫が窓辺で昼寝している"])
    assert p.assignment[-1] == OTHER
    assert p.label_of(len(BOARD)) != p.themes[0].label


def _is_dictionary_phrase(phrase: str) -> bool:
    from facilitator.themes.features import tokenizer
    morphemes = list(tokenizer().tokenize(phrase))
    allowed = ("名詞", "接尾辞", "接頭辞", "形状詞")
    return bool(morphemes) and all(
        m.part_of_speech()[0] in allowed or (m.surface() == "な" and m.part_of_speech()[0] == "助動詞")
        for m in morphemes) and any(m.part_of_speech()[0] == "名詞" for m in morphemes)


def test_labels_are_dictionary_nouns_and_keywords_explain():
    p = propose_themes(BOARD)
    for theme in p.themes:
        phrases = theme.label.split("・")
        assert 1 <= len(phrases) <= 3
        assert all(_is_dictionary_phrase(ph) for ph in phrases), theme.label
        assert 3 <= len(theme.keywords) <= 5
    assert {"予算", "採用", "自治体"} <= {kw for t in p.themes for kw in t.keywords}


def test_hand_placed_notes_keep_their_theme():
    # A person put a budget note and a hiring note together in theme "mine".
    fixed = {0: "mine", 5: "mine"}
    p = propose_themes(BOARD, fixed=fixed)
    theme = p.assignment[0]
    assert p.assignment[5] == theme and p.themes[theme].key == "mine"
    assert sum(t.key == "mine" for t in p.themes) == 1


def test_near_duplicates_flagged():
    p = propose_themes(BOARD + ["予算が足りず費用を削りたい。", BUDGET[0]])
    assert (0, 15) in p.duplicates and (0, 16) in p.duplicates


def test_many_themes_are_nested():
    texts = BOARD + ["駅前の駐車場が足りない", "駐車場の料金が高い", "雨の日のイベント会場", "屋内イベント会場の確保",
                     "広報のチラシが読まれない", "SNSでの広報を増やす", "子育て世代の参加が少ない", "子育て中の参加者に託児"]
    p = propose_themes(texts, k=7)
    assert len(p.themes) == 7 and p.parents
    assert sorted(j for g in p.parents for j in g.themes) == list(range(7))


@pytest.mark.parametrize("texts", [
    ["ひとつだけ"],
    ["ふたつ", "みっつ目の付箋"],
    ["同じ付箋"] * 2000,
    ["😀🎉", "👍", "🙏🙏", "😀🎉", "🔥"],
    ["budget is too small", "we need more engineers", "hire junior staff", "cut the costs"],
    ["あ" * 5000, "予算の話", "採用の話"],
    ["", "  ", "。", "予算の話"],
    ["", ""],
])
def test_odd_boards_give_a_proposal(texts):
    p = propose_themes(texts)
    assert len(p.assignment) == len(texts)
    assert all(t == OTHER or 0 <= t < len(p.themes) for t in p.assignment)
    assert all(theme.label for theme in p.themes)


def test_identical_notes_are_one_theme():
    p = propose_themes(["同じ付箋"] * 2000)
    assert set(p.assignment) == {0} and len(p.duplicates) == 1999


@pytest.mark.parametrize("texts, k, fixed", [([], None, None), (["a", "b"], 3, None),
                                             (["a"], 0, None), (["a"], None, {4: "x"})])
def test_bad_requests_raise_a_clear_error(texts, k, fixed):
    with pytest.raises(FurikaeriError):
        propose_themes(texts, k=k, fixed=fixed)


def test_cli_json_lines(tmp_path, capsys):
    csv = tmp_path / "notes.csv"
    csv.write_text("本文,名前\n" + "\n".join(f"{t},誰か" for t in BOARD) + "\n", encoding="utf-8")
    assert main(["cluster", str(csv), "--json", "--k", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    rows = [json.loads(line) for line in lines]
    assert [r["text"] for r in rows] == BOARD
    assert all(set(r) == {"id", "text", "theme", "label"} and isinstance(r["theme"], int) for r in rows)
    assert [r["id"] for r in rows] == list(range(2, len(BOARD) + 2))  # CSV line numbers
    assert _same_partition([r["theme"] for r in rows], GROUPS)


def test_cli_outline_and_bad_k(tmp_path, capsys):
    csv = tmp_path / "notes.csv"
    csv.write_text("text\n" + "\n".join(BOARD) + "\n", encoding="utf-8")
    assert main(["cluster", str(csv)]) == 0
    out = capsys.readouterr().out
    assert all(t in out for t in BOARD) and "##" in out
    assert main(["cluster", str(csv), "--k", "99"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "15" in err  # one line naming the number of notes


def test_cli_reads_a_workshop_and_keeps_hand_placed_theme(ws, ws_path, capsys):
    from facilitator.workshop.model import Note, Theme, new_id
    session = ws.sessions()[0]
    theme = Theme(id=new_id(), session_id=session.id, label="手で作ったテーマ")
    notes = [Note(id=new_id(), session_id=session.id, text=t, theme_id=theme.id if i == 0 else None,
                  theme_manual=i == 0) for i, t in enumerate(BOARD)]
    ws.add(theme, *notes)
    assert main(["cluster", str(ws_path), "--json", "--session", "1"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert sorted(r["text"] for r in rows) == sorted(BOARD)


def test_prepared_vectors_give_the_same_proposal():
    from facilitator.themes.cluster import prepare
    texts = BOARD + ["準備しておいた付箋"]
    before = propose_themes(texts)
    prepare(texts)
    assert propose_themes(texts) == before
