"""投票によるランキング: themes ranked by their votes, voted notes in no theme ranked
one by one, and その他 never ranked as if it were a theme."""

from __future__ import annotations

from facilitator.minutes import Options, gather, minutes_pdf
from facilitator.workshop.model import Note, Theme
from report_helpers import flat, pdf_pages

JA = Options(lang="ja", board_pictures=False)

# (text, author, votes) on the plenary board, as voted without themes.
VOTED = [
    ("次回は分科会を分ける", "加藤 翔", 7),
    ("継続には事務局への報酬が必要", "伊藤 直樹", 4),
    ("大企業は社員の時間を出す", "山本 健太", 3),
    ("途中経過を共有する場がほしい", "小林 美咲", 0),
]


def plenary(ws):
    return next(s for s in ws.sessions() if s.title == "全体ディスカッション")


def add_notes(ws, session, rows, theme_id=None, y=0.0) -> list[Note]:
    notes = [ws.new_note(text, session.id, author=author, x=200.0 * i, y=y, votes=votes,
                         theme_id=theme_id) for i, (text, author, votes) in enumerate(rows)]
    for n in notes:
        ws.add(n)
    return notes


def board_of(ws, session):
    part = next(p for p in gather(ws).sessions if p.session.id == session.id)
    (board,) = part.boards
    return board


def ranking_text(ws) -> str:
    text = flat("".join(pdf_pages(minutes_pdf(gather(ws), JA))))
    start = text.index("全体ディスカッション", text.index("セッションの記録", text.index("プログラム（予実）")))
    return text[start:]


def test_votes_on_notes_without_themes_rank_the_notes(ws):
    session = plenary(ws)
    add_notes(ws, session, VOTED)
    board = board_of(ws, session)
    assert board.ranking() == []                       # no theme to rank, その他 is none
    assert [(rank, n.text, n.votes) for rank, n in board.note_ranking()] == [
        (1, "次回は分科会を分ける", 7), (2, "継続には事務局への報酬が必要", 4),
        (3, "大企業は社員の時間を出す", 3)]             # the note without votes is not ranked
    text = ranking_text(ws)
    table = text[text.index("投票によるランキング"):text.index("■")]
    assert table.startswith("投票によるランキング順位付箋発言者票")
    assert flat("1次回は分科会を分ける加藤 翔7 2継続には事務局への報酬が必要伊藤 直樹4") in table
    assert "その他" not in table and "位" not in text[text.index("■"):]  # nor a heading


def test_notes_with_as_many_votes_share_a_rank_and_the_list_stops_at_ten(ws):
    session = plenary(ws)
    rows = [(f"意見{i:02d}", "", votes) for i, votes in
            enumerate([5, 5, 4, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1])]
    add_notes(ws, session, rows)
    ranked = [(rank, n.votes) for rank, n in board_of(ws, session).note_ranking()]
    assert ranked == [(1, 5), (1, 5), (3, 4), (4, 3), (4, 3), (4, 3),
                      (7, 2), (7, 2), (7, 2), (7, 2)]   # rank 11 (1 vote) is past ten


def test_themes_are_ranked_and_loose_voted_notes_listed_after_them(ws):
    session = plenary(ws)
    theme = Theme(id="t1", session_id=session.id, label="継続の仕組み", order=0)
    other = Theme(id="t2", session_id=session.id, label="その他", order=1, is_other=True)
    for t in (theme, other):
        ws.add(t)
    add_notes(ws, session, [("三年計画を立てる", "田中 優子", 2),
                            ("報酬を出す", "伊藤 直樹", 3)], theme_id="t1")
    add_notes(ws, session, [("分科会を分ける", "加藤 翔", 6)], theme_id="t2", y=300.0)
    add_notes(ws, session, [("会場を持ち回る", "中村 大輔", 1)], y=600.0)
    board = board_of(ws, session)
    assert [t.label for t in board.ranking()] == ["継続の仕組み"]
    assert [n.text for _, n in board.note_ranking()] == ["分科会を分ける", "会場を持ち回る"]
    text = ranking_text(ws)
    themes = text[text.index("投票によるランキング"):text.index("テーマ外の付箋（得票順）")]
    assert "継続の仕組み" in themes and "その他" not in themes
    notes = text[text.index("テーマ外の付箋（得票順）"):text.index("■")]
    assert flat("1分科会を分ける加藤 翔6 2会場を持ち回る中村 大輔1") in notes
    # The その他 heading says its votes but no rank; the theme keeps rank 1.
    assert "■その他付箋2枚・7票・分科会を分ける" in text
    assert "■継続の仕組み付箋2枚・5票・1位" in text
