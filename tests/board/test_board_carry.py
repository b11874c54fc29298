"""On the real board: a dragged frame takes its contents, a dragged note its stamps,
accepted themes their stamps; connectors follow; each one undo step, checked in the file."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF

from board_fixtures import at, board, drag, group_board, qapp_font, reopened  # noqa: F401
from facilitator.themes.cluster import OTHER, Proposal, ThemeProposal
from facilitator.workshop.model import Frame, Heading, Note, Stamp, Stroke
from facilitator.themes.acceptance import accept_proposal, proposal_input


def _decorate(ws):
    """Frame f1 (24..408 x 40..200) holds n0 and n1 (see fill_board); add a star touching
    n0's left edge, its centre outside the frame, ink and a caption inside the frame, and a
    tiny frame inside it."""
    sid, gid = group_board(ws)
    ws.add(Stamp(id="star", session_id=sid, group_id=gid, x=0, y=100, w=40, h=40, z=30,
                 pictogram="star"),
           Stroke(id="ink", session_id=sid, group_id=gid, x=40, y=184, w=200, h=10, z=31,
                  points=[[0, 0, 0.5], [200, 10, 0.5]]),
           Heading(id="cap", session_id=sid, group_id=gid, x=250, y=182, w=100, h=16, size=12,
                   kind="text", text="メモ"),
           Frame(id="tiny", session_id=sid, group_id=gid, x=32, y=72, w=40, h=40, z=0))
    ws.history.undo_stack.clear()


CARRIED = ("f1", "n0", "n1", "star", "ink", "cap", "tiny")


def test_dragging_a_frame_takes_everything_in_it_in_one_step(board, ws, ws_path):
    _decorate(ws)
    before = {rid: (ws.find(rid).x, ws.find(rid).y) for rid in CARRIED + ("n2", "n4", "st1")}
    scene = board.board_scene()
    title_bar = board.mapFromScene(scene.scene_rect_of(scene.item_for("f1")).topLeft()
                                   + QPointF(200, 10))
    drag(board, title_bar, title_bar + QPoint(0, 400))
    with reopened(ws_path) as saved:
        moved = {rid: (saved.find(rid).x - x, saved.find(rid).y - y)
                 for rid, (x, y) in before.items()}
    assert {rid: moved[rid] for rid in CARRIED} == {rid: (0, 400) for rid in CARRIED}
    assert moved["n2"] == moved["n4"] == moved["st1"] == (0, 0)
    # What the scene shows is what the file holds.
    assert scene.item_for("star").pos() == QPointF(0, 500)
    assert len(ws.history.undo_stack) == 1
    ws.undo()
    with reopened(ws_path) as saved:
        assert {rid: (saved.find(rid).x, saved.find(rid).y) for rid in before} == before


def test_dragging_a_note_takes_the_stamp_on_it(board, ws, ws_path):
    sid, gid = group_board(ws)
    # n4 is at (224, 208); a heart on its top-right corner, half off the note.
    ws.add(Stamp(id="heart", session_id=sid, group_id=gid, x=368, y=192, w=32, h=32, z=30,
                 pictogram="heart"))
    ws.history.undo_stack.clear()
    drag(board, at(board, "n4"), at(board, "n4", 80, 40))
    with reopened(ws_path) as saved:
        assert (saved.get(Note, "n4").x, saved.get(Note, "n4").y) == (304, 248)
        assert (saved.get(Stamp, "heart").x, saved.get(Stamp, "heart").y) == (448, 232)
        assert (saved.get(Stamp, "st1").x, saved.get(Stamp, "st1").y) == (640, 80)
    assert len(ws.history.undo_stack) == 1


def test_accepted_themes_take_stamps_along_and_connectors_follow_on_screen(board, ws):
    sid, gid = group_board(ws)
    ws.add(Stamp(id="heart", session_id=sid, group_id=gid, x=530, y=300, w=32, h=32, z=30,
                 pictogram="heart"))   # on n5's lower right corner
    given = proposal_input(ws, sid, gid)
    index = {n.id: i for i, n in enumerate(given.notes)}
    first = tuple(index[n] for n in ("n5", "n0"))
    proposal = Proposal(
        assignment=tuple(0 if i in first else OTHER for i in range(len(given.notes))),
        themes=(ThemeProposal(notes=first, label="始め方", keywords=("始め方",)),))
    n5 = ws.get(Note, "n5")
    scene = board.board_scene()
    accept_proposal(ws, sid, gid, given, proposal, extent=scene.board_extent)
    moved = ws.get(Note, "n5")
    assert (moved.x, moved.y) != (n5.x, n5.y)
    heart = ws.get(Stamp, "heart")
    assert (heart.x - moved.x, heart.y - moved.y) == (530 - n5.x, 300 - n5.y)
    assert scene.item_for("heart").pos() == QPointF(heart.x, heart.y)
    # The connector n0 -> n1 is drawn between the notes where they now are.
    line = scene.item_for("c1").line
    ends = [scene.scene_rect_of(scene.item_for(n)).adjusted(-2, -2, 2, 2) for n in ("n0", "n1")]
    assert ends[0].contains(line.p1()) and ends[1].contains(line.p2())
