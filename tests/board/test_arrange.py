"""Board commands in the core (no Qt): each is one Change, one undo step."""

from __future__ import annotations

import pytest

from facilitator.board import arrange, copies
from facilitator.board.find import find_notes, fold
from facilitator.workshop.model import Connector, Frame, Group, Heading, Note, Stamp, Stroke, Theme


@pytest.fixture
def board(ws):
    """Notes a..d on a group's board, a theme frame around a and b, a stamp on c,
    a connector a -> b, a stroke; returns (session id, group id)."""
    session = next(s for s in ws.sessions() if ws.groups_of(s.id))
    sid, gid = session.id, ws.groups_of(session.id)[0].id
    theme = Theme(id="t1", session_id=sid, label="参加のきっかけ")
    ws.add(theme,
           Frame(id="f1", session_id=sid, group_id=gid, x=0, y=0, w=400, h=200, z=-1,
                 title="参加のきっかけ", theme_id="t1"),
           *(ws.new_note(text, sid, gid, x=x, y=y, id=rid, z=z, theme_id=tid)
             for rid, text, x, y, z, tid in (
                 ("a", "コスト削減", 20, 40, 1, "t1"), ("b", "若手の学び", 200, 60, 2, "t1"),
                 ("c", "ＩＴ化の遅れ", 40, 400, 3, None), ("d", "事務局の予算", 600, 300, 4, None))),
           Stamp(id="s1", session_id=sid, group_id=gid, x=60, y=420, w=32, h=32, z=5),
           Connector(id="c1", session_id=sid, group_id=gid, source_id="a", target_id="b", z=6),
           Stroke(id="k1", session_id=sid, group_id=gid, x=700, y=0, w=40, h=10, z=7,
                  points=[[0, 0, .5], [40, 10, .5]]))
    ws.history.undo_stack.clear()
    return sid, gid


def one_step(ws, change):
    """Apply ``change``; it must be one undo step that undo takes back whole."""
    before = {t: {r.id: r for r in ws.all(t)} for t in (Note, Frame, Theme, Stamp, Connector)}
    steps = len(ws.history.undo_stack)
    ws.apply(change)
    assert len(ws.history.undo_stack) == steps + 1
    ws.undo()
    assert {t: {r.id: r for r in ws.all(t)} for t in before} == before
    ws.redo()


def test_recolour_gives_notes_a_fill_and_lines_an_ink(ws, board):
    one_step(ws, arrange.recolour(ws, ["a", "k1", "f1"], "red"))
    fill, ink = arrange.HUES["red"]
    assert ws.get(Note, "a").color == fill
    assert ws.get(Stroke, "k1").color == ws.get(Frame, "f1").color == ink
    ws.apply(arrange.recolour(ws, ["a", "k1", "f1"], arrange.DEFAULT_HUE))
    assert ws.get(Note, "a").color == "" and ws.get(Stroke, "k1").color == "#222222"
    assert ws.get(Frame, "f1").color == ws.get(Theme, "t1").color


@pytest.mark.parametrize("edge, check", [
    ("left", lambda r: {n.x for n in r} == {20}),
    ("right", lambda r: {n.x + n.w for n in r} == {760}),
    ("centre", lambda r: {n.x + n.w / 2 for n in r} == {390}),
    ("top", lambda r: {n.y for n in r} == {40}),
    ("bottom", lambda r: {n.y + n.h for n in r} == {500}),
    ("middle", lambda r: {n.y + n.h / 2 for n in r} == {270}),
])
def test_align_on_each_edge(ws, board, edge, check):
    one_step(ws, arrange.align(ws, ["a", "c", "d"], edge))
    assert check([ws.get(Note, i) for i in "acd"])


def test_align_uses_the_drawn_size(ws, board):
    tall = {"d": 300.0}

    def extent(e):
        return e.x, e.y, e.w, tall.get(e.id, e.h)
    ws.apply(arrange.align(ws, ["c", "d"], "bottom", extent))
    assert ws.get(Note, "c").y + 100 == ws.get(Note, "d").y + 300


def test_a_stamp_goes_with_its_note_and_a_frame_with_its_contents(ws, board):
    ws.apply(arrange.align(ws, ["c", "d"], "right"))
    assert ws.get(Stamp, "s1").x == 60 + (760 - 200)
    ws.apply(arrange.align(ws, ["f1", "d"], "top"))  # d at 300 -> f1 stays at 0
    assert ws.get(Note, "d").y == 0 and ws.get(Note, "a").y == 40


def test_a_note_aligned_out_of_its_theme_frame_leaves_the_theme(ws, board):
    ws.apply(arrange.align(ws, ["b", "d"], "right"))
    b = ws.get(Note, "b")
    assert (b.x, b.theme_id, b.theme_manual) == (600, None, True)


def test_distribute_equal_gaps_first_and_last_stay(ws, board):
    one_step(ws, arrange.distribute(ws, ["a", "c", "d", "b"], "vertical"))
    ys = sorted((ws.get(Note, i).y, i) for i in "abcd")
    assert [y for y, _ in ys][0] == 40 and ys[-1] == (400, "c")
    gaps = [b - (a + 100) for (a, _), (b, _) in zip(ys, ys[1:])]
    assert max(gaps) - min(gaps) < 0.01


def test_distribute_needs_three(ws, board):
    assert not arrange.distribute(ws, ["a", "d"], "horizontal")


def test_front_and_back_keep_the_selections_own_order(ws, board):
    one_step(ws, arrange.bring_to_front(ws, ["b", "a"]))
    top = sorted(ws.elements_on(*board), key=lambda e: e.z)
    assert [e.id for e in top[-2:]] == ["a", "b"]
    assert not arrange.bring_to_front(ws, ["a", "b"])  # already there: nothing to undo
    one_step(ws, arrange.send_to_back(ws, ["d"]))
    assert min(ws.elements_on(*board), key=lambda e: e.z).id == "d"


def test_deleting_a_theme_frame_dissolves_its_theme_and_keeps_the_notes(ws, board):
    assert arrange.frames_holding(ws, ["f1"]) == ["f1"]
    one_step(ws, arrange.delete(ws, ["f1"]))
    assert ws.get(Frame, "f1") is None and ws.get(Theme, "t1") is None
    assert {ws.get(Note, i).theme_id for i in "ab"} == {None}


def test_deleting_a_frame_with_its_contents(ws, board):
    one_step(ws, arrange.delete(ws, ["f1"], contents=True))
    assert ws.get(Note, "a") is None and ws.get(Connector, "c1") is None
    assert ws.get(Note, "c") is not None


def test_duplicate_copies_what_a_frame_carries_as_a_new_theme(ws, board):
    change = copies.duplicate(ws, ["f1"])
    one_step(ws, change)
    new = {type(r): r for r in change.added}
    frame, theme = new[Frame], new[Theme]
    assert frame.theme_id == theme.id != "t1" and theme.label == "参加のきっかけ"
    notes = [r for r in change.added if isinstance(r, Note)]
    assert sorted(n.text for n in notes) == ["コスト削減", "若手の学び"]
    assert {n.theme_id for n in notes} == {theme.id} and {n.votes for n in notes} == {0}
    conn = next(r for r in change.added if isinstance(r, Connector))
    assert {conn.source_id, conn.target_id} == {n.id for n in notes}
    assert (frame.x, frame.y) == (24, 24) and frame.z < min(e.z for e in notes)


def test_a_connector_is_copied_only_with_both_ends(ws, board):
    change = copies.duplicate(ws, ["a", "c1"])
    assert not any(isinstance(r, Connector) for r in change.added)


def test_clipboard_roundtrip_and_paste_centred_on_a_point(ws, board):
    data, text = copies.to_clipboard(ws, ["c", "d"])
    assert text.splitlines() == ["事務局の予算", "ＩＴ化の遅れ"]
    recs = copies.from_clipboard(data)
    assert {r.id for r in recs} == {"c", "d", "s1"}  # the stamp on c came along
    sid, _ = board
    change = copies.paste(ws, recs, (sid, None), at=(1000.0, 1000.0))
    one_step(ws, change)
    pasted = [r for r in change.added if isinstance(r, Note)]
    assert {n.session_id for n in pasted} == {sid} and {n.group_id for n in pasted} == {None}
    left = min(n.x for n in pasted)
    right = max(n.x + n.w for n in pasted)
    assert (left + right) / 2 == 1000
    assert not {r.id for r in change.added} & {"c", "d", "s1"}


def test_a_pasted_note_takes_the_new_groups_colour(ws, board):
    sid, gid = board
    other = next(g for g in ws.groups_of(sid) if g.id != gid)
    ws.update("c", color=ws.get(Group, gid).color)
    recs = copies.from_clipboard(copies.to_clipboard(ws, ["c"])[0])
    change = copies.paste(ws, recs, (sid, other.id), at=(0, 0))
    note = next(r for r in change.added if isinstance(r, Note))
    assert note.color == other.color


@pytest.mark.parametrize("garbage", ["", "{", "[1, 2]", '[{"table": "nope"}]',
                                     '[{"table": "notes", "record": 5}]'])
def test_unreadable_clipboard_gives_nothing(garbage):
    assert copies.from_clipboard(garbage) == []


def test_text_makes_one_note_per_line_without_bullets(ws, board):
    sid, gid = board
    change = copies.notes_from_text(ws, "・一つ目\n\n- 二つ目\r\n3. 三つ目\n  四つ目  \n五つ目",
                                    (sid, gid), at=(500, 500))
    one_step(ws, change)
    notes = list(change.added)
    assert [n.text for n in notes] == ["一つ目", "二つ目", "三つ目", "四つ目", "五つ目"]
    assert len({(n.x, n.y) for n in notes}) == 5
    assert {n.color for n in notes} == {ws.get(Group, gid).color}
    rows = sorted({n.y for n in notes})
    assert len(rows) == 2 and rows[1] - rows[0] >= 100


def test_find_forgives_width_case_and_kana(ws, board):
    assert fold("ＩＴ化　コスト") == fold("it化こすと")
    assert [h.note_id for h in find_notes(ws, "it")] == ["c"]
    assert [h.note_id for h in find_notes(ws, "こすと")] == ["a"]
    assert [h.note_id for h in find_notes(ws, "ｺｽﾄ 削減")] == ["a"]
    assert find_notes(ws, "  ") == [] and find_notes(ws, "ない言葉") == []


def test_find_lists_every_board_in_agenda_order(ws, board):
    sid, gid = board
    plenary = ws.sessions()[0]
    ws.add(ws.new_note("最初のコスト", plenary.id, None, id="p1"),
           ws.new_note("グループのコスト", sid, ws.groups_of(sid)[1].id, id="g2"))
    hits = find_notes(ws, "コスト")
    assert [h.note_id for h in hits] == ["p1", "a", "g2"]
    assert hits[0].session == plenary.title and hits[0].group == ""
    assert hits[1].group == ws.get(Group, gid).name


def test_heading_keeps_its_colour_kind(ws, board):
    sid, gid = board
    ws.add(Heading(id="h", session_id=sid, group_id=gid, text="見出し"))
    ws.apply(arrange.recolour(ws, ["h"], "blue"))
    assert ws.get(Heading, "h").color == arrange.HUES["blue"][1]
