"""Changes, undo and redo: memory and file always agree, one gesture is one step."""

from __future__ import annotations

import pytest

from facilitator.workshop.changes import Change, History
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import (
    RECORD_TYPES, Connector, Frame, Group, Heading, Note, Session, Theme,
)
from facilitator.workshop import Workshop


def state(ws: Workshop) -> dict:
    """Every record of ``ws``, comparable between two opens."""
    return {rt.TABLE: sorted(ws.all(rt), key=lambda r: r.id) for rt in RECORD_TYPES}


def on_disk(path) -> dict:
    """What a fresh open of the file reads."""
    with Workshop.open(path, readonly=True) as again:
        return state(again)


@pytest.fixture
def board(ws):
    """The first group's board of the group discussion: (session id, group id)."""
    session = next(s for s in ws.sessions() if s.kind == "groups")
    return session.id, ws.groups_of(session.id)[0].id


def put_notes(ws, board, count):
    notes = [ws.new_note(f"意見{i}", *board, x=i * 200.0, y=0.0) for i in range(count)]
    ws.add(*notes)
    return notes


# -- undo and redo -----------------------------------------------------------------
def test_add_update_remove_undo_redo(ws, ws_path, board):
    states = [state(ws)]
    note = ws.new_note("最初の意見", *board)
    ws.add(note)
    states.append(state(ws))
    ws.update(note.id, text="直した意見", x=40.0)
    states.append(state(ws))
    ws.remove([note.id])
    states.append(state(ws))
    assert on_disk(ws_path) == states[-1]

    for expected in reversed(states[:-1]):
        ws.undo()
        assert state(ws) == expected
        assert on_disk(ws_path) == expected
    assert ws.undo() is None
    for expected in states[1:]:
        ws.redo()
        assert state(ws) == expected
        assert on_disk(ws_path) == expected
    assert ws.redo() is None


def test_new_edit_clears_redo(ws, board):
    note = ws.new_note("一", *board)
    ws.add(note)
    ws.undo()
    ws.add(ws.new_note("二", *board))
    assert ws.redo() is None
    assert ws.get(Note, note.id) is None


def test_drag_of_several_notes_is_one_undo_step(ws, ws_path, board):
    ws.add(ws.new_note("ドラッグしない", *board))
    notes = put_notes(ws, board, 3)
    before = state(ws)
    ids = [n.id for n in notes]
    for _ in range(50):
        ws.move(ids, 2.0, -1.0, label="move", merge_key=("drag", 1))
    moved = state(ws)
    assert [ws.get(Note, i).x for i in ids] == [n.x + 100.0 for n in notes]
    assert [ws.get(Note, i).y for i in ids] == [n.y - 50.0 for n in notes]

    ws.undo()
    assert state(ws) == before == on_disk(ws_path)
    ws.redo()
    assert state(ws) == moved == on_disk(ws_path)


def test_moving_to_another_group_board_recolours_only_group_coloured_notes(ws, ws_path, board):
    sid, gid = board
    a, b = ws.groups_of(sid)[:2]
    plain = ws.new_note("グループ色", sid, gid, color=a.color)
    chosen = ws.new_note("手で選んだ色", sid, gid, color="#ff00ff")
    ws.add(plain, chosen)
    ws.move_to_board([plain.id, chosen.id], sid, b.id, 500.0, 16.0, label="move")
    saved = on_disk(ws_path)["notes"]
    moved = {n.id: n for n in saved}
    assert {moved[plain.id].group_id, moved[chosen.id].group_id} == {b.id}
    assert (moved[plain.id].color, moved[chosen.id].color) == (b.color, "#ff00ff")
    assert (moved[plain.id].x, moved[plain.id].y) == (plain.x + 500, plain.y + 16)
    ws.undo()
    assert {n.id: n.group_id for n in on_disk(ws_path)["notes"]}[plain.id] == a.id


def test_moving_to_a_board_of_another_session_is_refused(ws, board):
    sid, gid = board
    note, = put_notes(ws, board, 1)
    other = next(s for s in ws.sessions() if s.id != sid)
    with pytest.raises(FurikaeriError):
        ws.move_to_board([note.id], other.id, gid, 0, 0)
    assert ws.get(type(note), note.id).group_id == gid


@pytest.fixture
def two_themes(ws, board):
    """Themes A and B with a frame each; note n in A's frame."""
    sid, gid = board
    a = Theme(id="ta", session_id=sid, label="A")
    b = Theme(id="tb", session_id=sid, label="B")
    ws.add(a, b,
           Frame(id="fa", session_id=sid, group_id=gid, x=0, y=0, w=400, h=300, theme_id="ta"),
           Frame(id="fb", session_id=sid, group_id=gid, x=500, y=0, w=400, h=300, theme_id="tb"),
           ws.new_note("付箋", sid, gid, x=40, y=40, id="n", theme_id="ta"))
    ws.history.undo_stack.clear()


def test_a_note_dropped_in_another_themes_frame_joins_that_theme(ws, ws_path, two_themes):
    ws.move(["n"], 520, 0, label="move")
    saved = {n.id: n for n in on_disk(ws_path)["notes"]}["n"]
    assert (saved.theme_id, saved.theme_manual) == ("tb", True)
    ws.undo()  # the move and the new theme are one step
    saved = {n.id: n for n in on_disk(ws_path)["notes"]}["n"]
    assert (saved.theme_id, saved.theme_manual, saved.x) == ("ta", False, 40)


def test_a_note_dragged_out_of_its_frame_leaves_the_theme(ws, two_themes):
    ws.move(["n"], 0, 600)
    assert ws.get(Note, "n").theme_id is None and ws.get(Note, "n").theme_manual


def test_moving_a_frame_with_its_notes_keeps_their_theme(ws, two_themes):
    ws.move(["fa", "n"], 0, 400)
    assert ws.get(Note, "n").theme_id == "ta" and not ws.get(Note, "n").theme_manual


def test_typing_into_a_note_is_one_step_and_a_new_key_starts_another(ws, board):
    note, = put_notes(ws, board, 1)
    for text in ("ス", "スモ", "スモール"):
        ws.edit_note_text(note.id, text, merge_key=("typing", note.id))
    ws.move([note.id], 10, 10, merge_key=("drag", 2))
    ws.undo()
    assert ws.get(Note, note.id).text == "スモール"
    ws.undo()
    assert ws.get(Note, note.id).text == note.text


def test_same_key_after_undo_starts_a_new_step(ws, board):
    note, = put_notes(ws, board, 1)
    ws.move([note.id], 5, 0, merge_key="k")
    ws.undo()
    ws.move([note.id], 7, 0, merge_key="k")
    ws.move([note.id], 7, 0, merge_key="k")
    ws.undo()
    assert ws.get(Note, note.id).x == note.x
    assert ws.history.undo_stack[-1] == Change(added=(note,))


# -- Change.then -------------------------------------------------------------------
A = Note(id="a", text="一")
A2 = A.replace(text="二")
A3 = A.replace(text="三")
B = Note(id="b", text="別")


@pytest.mark.parametrize("first, later, expected", [
    (Change(added=(A,)), Change(updated=((A, A2),)), Change(added=(A2,))),
    (Change(added=(A,)), Change(removed=(A,)), Change()),
    (Change(updated=((A, A2),)), Change(updated=((A2, A3),)), Change(updated=((A, A3),))),
    (Change(updated=((A, A2),)), Change(updated=((A2, A),)), Change()),
    (Change(updated=((A, A2),)), Change(removed=(A2,)), Change(removed=(A,))),
    (Change(removed=(A,)), Change(added=(A,)), Change()),
    (Change(removed=(A,)), Change(added=(A2,)), Change(updated=((A, A2),))),
    (Change(added=(B,)), Change(updated=((A, A2),)),
     Change(added=(B,), updated=((A, A2),))),
], ids=["add+update", "add+remove", "update+update", "update+back", "update+remove",
        "remove+add-same", "remove+add-other", "independent"])
def test_then_merges_two_changes(first, later, expected):
    merged = first.then(later)
    assert merged == expected
    assert bool(merged) == bool(expected)


def test_history_merges_only_with_the_same_key():
    history = History()
    history.push(Change(added=(A,)), merge_key="k")
    history.push(Change(updated=((A, A2),)), merge_key="k")
    history.push(Change(added=(B,)), merge_key="other")
    assert history.undo_stack == [Change(added=(A2,)), Change(added=(B,))]


def test_a_merged_step_that_does_nothing_leaves_no_undo_step():
    history = History()
    history.push(Change(added=(A,)), merge_key="k")
    history.push(Change(removed=(A,)), merge_key="k")
    assert not history.can_undo()


# -- removal cascades ----------------------------------------------------------------
def test_removing_a_note_removes_its_connectors(ws, ws_path, board):
    a, b, c = put_notes(ws, board, 3)
    ab = Connector(id="ab", session_id=board[0], group_id=board[1], source_id=a.id,
                   target_id=b.id)
    bc = Connector(id="bc", session_id=board[0], group_id=board[1], source_id=b.id,
                   target_id=c.id)
    ws.add(ab, bc)
    before = state(ws)
    change = ws.remove([b.id])
    assert {r.id for r in change.removed} == {b.id, "ab", "bc"}
    assert ws.get(Connector, "ab") is None and ws.get(Note, a.id) == a
    assert on_disk(ws_path) == state(ws)
    ws.undo()
    assert state(ws) == before == on_disk(ws_path)


def test_removing_a_theme_keeps_its_notes_outside_any_theme(ws, ws_path, board):
    theme = Theme(id="t", session_id=board[0], label="継続の仕組み")
    sub = Theme(id="t2", session_id=board[0], label="資金", parent_id="t")
    frame = Frame(id="f", session_id=board[0], group_id=board[1], theme_id="t")
    ws.add(theme, sub, frame)
    notes = [ws.new_note(f"意見{i}", *board, theme_id="t") for i in range(3)]
    ws.add(*notes)
    before = state(ws)
    ws.remove(["t"])
    assert ws.get(Theme, "t") is None
    assert [ws.get(Note, n.id).theme_id for n in notes] == [None] * 3
    assert ws.get(Theme, "t2").parent_id is None
    assert ws.get(Frame, "f").theme_id is None
    assert on_disk(ws_path) == state(ws)
    ws.undo()
    assert state(ws) == before == on_disk(ws_path)


def test_removing_a_session_removes_its_groups_and_boards(ws, ws_path, board):
    session_id, group_id = board
    put_notes(ws, board, 4)
    ws.add(ws.new_note("全体の板", session_id),
           Heading(id="h", session_id=session_id, text="見出し"),
           Theme(id="t", session_id=session_id, label="テーマ"))
    other = ws.new_note("別のセッション", ws.sessions()[0].id)
    ws.add(other)
    before = state(ws)
    ws.remove([session_id])
    assert ws.get(Session, session_id) is None
    assert ws.groups_of(session_id) == [] and ws.get(Group, group_id) is None
    assert ws.elements_on(session_id) == [] and ws.elements_on(session_id, group_id) == []
    assert ws.get(Theme, "t") is None
    assert ws.all(Note) == [other]
    assert on_disk(ws_path) == state(ws)
    ws.undo()
    assert state(ws) == before == on_disk(ws_path)


# -- listeners -------------------------------------------------------------------------
def test_listeners_hear_exactly_what_changed(ws, board):
    heard = []
    ws.listeners.append(heard.append)
    note = ws.new_note("聞こえる", *board)
    ws.add(note)
    ws.update(note.id, votes=2)
    ws.undo()
    assert heard == [
        Change(added=(note,)),
        Change(updated=((note, note.replace(votes=2)),)),
        Change(updated=((note.replace(votes=2), note),)),
    ]


def test_listeners_hear_the_cascade(ws, board):
    a, b = put_notes(ws, board, 2)
    ws.add(Connector(id="ab", session_id=board[0], group_id=board[1],
                     source_id=a.id, target_id=b.id))
    heard = []
    ws.listeners.append(heard.append)
    ws.remove([a.id])
    assert len(heard) == 1 and heard[0].touched_ids() == {a.id, "ab"}


# -- failed edits change nothing ----------------------------------------------------------
@pytest.mark.parametrize("bad", ["existing-id", "twice-in-one-change", "dangling-session",
                                 "gone-record"])
def test_failed_edit_changes_nothing(ws, ws_path, board, bad):
    kept, = put_notes(ws, board, 1)
    fresh = ws.new_note("新しい", *board)
    change = {
        "existing-id": Change(added=(fresh, Note(id=kept.id, text="重複"))),
        "twice-in-one-change": Change(added=(fresh, fresh.replace(text="二重"))),
        "dangling-session": Change(added=(fresh, Note(id="x", text="迷子", session_id="nope"))),
        "gone-record": Change(added=(fresh,), updated=((Note(id="ghost"),
                                                        Note(id="ghost", text="幽霊")),)),
    }[bad]
    heard = []
    ws.listeners.append(heard.append)
    before, undo_steps = state(ws), len(ws.history.undo_stack)
    with pytest.raises(FurikaeriError):
        ws.apply(change)
    assert state(ws) == before == on_disk(ws_path)
    assert heard == [] and len(ws.history.undo_stack) == undo_steps
    ws.undo()  # the history still works
    assert ws.get(Note, kept.id) is None
