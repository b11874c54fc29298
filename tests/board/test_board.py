"""The board canvas: what it shows, dragging, tools, undo/redo, all checked in the file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication

from board_fixtures import (  # noqa: F401 (fixtures)
    at, board, drag, fill_board, group_board, qapp_font, reopened,
)
from facilitator.workshop.model import Connector, Element, Frame, Heading, Note, Stamp, Stroke
from ui.board.ink import ConnectorItem, StrokeItem
from ui.board.items import FrameItem, HeadingItem, NoteItem, StampItem
from ui.board.view import BoardView


def test_scene_shows_every_element_of_the_board(board, ws):
    scene = board.board_scene()
    sid, gid = group_board(ws)
    expected = {e.id: type(e) for e in ws.elements_on(sid, gid)}
    kinds = {Note: NoteItem, Frame: FrameItem, Heading: HeadingItem, Stamp: StampItem,
             Stroke: StrokeItem, Connector: ConnectorItem}
    assert {rid: type(scene.item_for(rid)) for rid in expected} == \
        {rid: kinds[t] for rid, t in expected.items()}


def test_plenary_board_shows_only_its_own_elements(qtbot, qapp_font, ws):
    sid, gid = fill_board(ws)
    view = BoardView(ws)
    qtbot.addWidget(view)
    view.set_board(sid, None)
    assert view.board_scene().element_items() == []
    view.detach()


def test_all_groups_side_by_side_in_separate_areas(qtbot, qapp_font, ws):
    sid, gid = fill_board(ws)
    other = ws.groups_of(sid)[1].id
    ws.add(ws.new_note("Bグループの意見", sid, other, x=40, y=80, id="b1"))
    view = BoardView(ws)
    qtbot.addWidget(view)
    view.set_board(sid, None, all_groups=True)
    scene = view.board_scene()
    a_right = max(scene.scene_rect_of(scene.item_for(f"n{i}")).right() for i in range(6))
    assert scene.scene_rect_of(scene.item_for("b1")).left() > a_right
    assert scene.item_for("b1").rec.x == 40  # the record is not shifted, only drawn so
    view.detach()


def test_dragging_a_note_onto_another_groups_area_moves_it_to_that_group(
        qtbot, qapp_font, ws, ws_path):
    sid, gid = fill_board(ws)
    group_b = ws.groups_of(sid)[1]
    ws.add(ws.new_note("Bグループの意見", sid, group_b.id, x=40, y=80, id="b1"))
    view = BoardView(ws)
    qtbot.addWidget(view)
    view.resize(1400, 700)
    view.set_board(sid, None, all_groups=True)
    view.show()
    qtbot.waitExposed(view)
    view.fit_all()
    scene = view.board_scene()
    target = view.mapFromScene(scene.scene_rect_of(scene.item_for("b1")).center()
                               + QPointF(0, 200))
    drag(view, at(view, "n4"), target, steps=10)
    with reopened(ws_path) as saved:
        note = saved.get(Note, "n4")
    assert note.group_id == group_b.id
    assert abs(note.x - 40) < 48
    assert scene.note_fill(note) == group_b.color  # it now wears B's colour
    assert len(ws.history.undo_stack) == 2  # the added note, then the drag
    assert scene.item_for("n4").dx == scene.item_for("b1").dx  # drawn in B's area
    ws.undo()
    with reopened(ws_path) as saved:
        assert saved.get(Note, "n4").group_id == gid
    view.detach()


def test_dragging_a_note_saves_its_new_position(board, ws_path):
    drag(board, at(board, "n4"), at(board, "n4", 80, 40))
    with reopened(ws_path) as saved:
        note = saved.get(Note, "n4")
    assert (note.x, note.y) == (40 + 184 + 80, 80 + 128 + 40)


def test_drag_snaps_to_the_grid(board, ws_path):
    drag(board, at(board, "n4"), at(board, "n4", 43, 21))
    with reopened(ws_path) as saved:
        note = saved.get(Note, "n4")
    assert note.x % 8 == 0 and note.y % 8 == 0


def test_multi_select_drag_is_one_undo_step(board, ws, ws_path):
    board.board_scene().select_ids(["n4", "n5"])
    drag(board, at(board, "n4"), at(board, "n4", 0, 64))
    with reopened(ws_path) as saved:
        assert [saved.get(Note, n).y for n in ("n4", "n5")] == [272, 272]
    assert len(ws.history.undo_stack) == 1
    ws.undo()
    with reopened(ws_path) as saved:
        assert [saved.get(Note, n).y for n in ("n4", "n5")] == [208, 208]


def test_dragging_a_frame_carries_what_is_inside(board, ws_path):
    scene = board.board_scene()
    frame = scene.item_for("f1")
    title_bar = board.mapFromScene(scene.scene_rect_of(frame).topLeft() + QPointF(200, 10))
    drag(board, title_bar, title_bar + QPoint(0, 400))
    with reopened(ws_path) as saved:
        ys = {rid: saved.find(rid).y for rid in ("f1", "n0", "n1", "n2", "n3")}
    assert ys == {"f1": 440, "n0": 480, "n1": 480, "n2": 80, "n3": 208}


def test_connector_follows_a_moved_note(board):
    scene = board.board_scene()
    before = scene.item_for("c1").line.p2()
    drag(board, at(board, "n1"), at(board, "n1", 0, 200))
    after = scene.item_for("c1").line.p2()
    assert after.y() - before.y() > 100


def test_ink_tool_draws_one_stroke(board, ws, ws_path):
    board.set_tool("ink")
    start = board.mapFromScene(QPointF(100, 500))
    drag(board, start, start + QPoint(120, 40), steps=8)
    with reopened(ws_path) as saved:
        strokes = [s for s in saved.all(Stroke) if s.id != "s1"]
    assert len(strokes) == 1
    stroke = strokes[0]
    assert len(stroke.points) == 9
    assert min(p[0] for p in stroke.points) == 0 and min(p[1] for p in stroke.points) == 0
    assert (round(stroke.x), round(stroke.y)) == (100, 500)
    assert board.board_scene().item_for(stroke.id) is not None


def test_tablet_pressure_is_recorded(board, ws):
    board.set_tool("ink")
    board.board_scene().pressure = 0.9  # what the view takes from a QTabletEvent
    start = board.mapFromScene(QPointF(100, 500))
    drag(board, start, start + QPoint(60, 0))
    stroke = next(s for s in ws.all(Stroke) if s.id != "s1")
    assert {p[2] for p in stroke.points} == {0.9}


def test_arrow_tool_connects_two_notes(board, ws_path):
    board.set_tool("arrow")
    drag(board, at(board, "n3"), at(board, "n5"))
    with reopened(ws_path) as saved:
        conns = [c for c in saved.all(Connector) if c.id != "c1"]
    assert [(c.source_id, c.target_id) for c in conns] == [("n3", "n5")]


def test_arrow_to_empty_board_creates_nothing(board, ws):
    board.set_tool("arrow")
    drag(board, at(board, "n3"), board.mapFromScene(QPointF(900, 900)))
    assert ws.count(Connector) == 1


def test_frame_tool_adds_a_frame(board, ws):
    board.set_tool("frame")
    drag(board, board.mapFromScene(QPointF(800, 400)), board.mapFromScene(QPointF(1000, 560)))
    frames = [f for f in ws.all(Frame) if f.id != "f1"]
    assert [(f.x, f.y, f.w, f.h) for f in frames] == [(800, 400, 200, 160)]


def test_stamp_tool_places_a_stamp(board, ws):
    board.set_tool("stamp:lightbulb")
    pos = board.mapFromScene(QPointF(800, 400))
    drag(board, pos, pos, steps=1)
    stamps = [s for s in ws.all(Stamp) if s.id != "st1"]
    assert [(s.pictogram, s.x + 32, s.y + 32) for s in stamps] == [("lightbulb", 800, 400)]


def test_undo_and_redo_keys_follow_the_file(qtbot, board, ws_path):
    drag(board, at(board, "n4"), at(board, "n4", 96, 0))

    def saved_x():
        with reopened(ws_path) as saved:
            return saved.get(Note, "n4").x

    assert saved_x() == 320
    qtbot.keyClick(board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert saved_x() == 224
    assert board.board_scene().item_for("n4").pos().x() == 224
    qtbot.keyClick(board, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert saved_x() == 320
    qtbot.keyClick(board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(board, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert saved_x() == 320
    assert board.board_scene().item_for("n4").pos().x() == 320


def test_delete_key_removes_the_note_and_its_connector(qtbot, board, ws_path):
    board.board_scene().select_ids(["n1"])
    qtbot.keyClick(board, Qt.Key.Key_Delete)
    with reopened(ws_path) as saved:
        assert saved.get(Note, "n1") is None and saved.get(Connector, "c1") is None
    assert board.board_scene().item_for("c1") is None


def test_duplicate_copies_notes_and_the_connector_between_them(qtbot, board, ws):
    board.board_scene().select_ids(["n0", "n1", "c1"])
    qtbot.keyClick(board, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert ws.count(Note) == 8 and ws.count(Connector) == 2
    new = set(board.selected_ids())
    conn = next(c for c in ws.all(Connector) if c.id in new)
    assert {conn.source_id, conn.target_id} <= new


def test_copy_and_paste(qtbot, board, ws):
    board.board_scene().select_ids(["n2"])
    qtbot.keyClick(board, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    board.board_scene().paste()
    texts = [n.text for n in ws.all(Note)]
    assert texts.count(ws.get(Note, "n2").text) == 2


def test_pasting_plain_text_makes_a_note(qapp, board, ws):
    qapp.clipboard().setText("  コピーした意見  ")
    board.board_scene().paste()
    assert "コピーした意見" in [n.text for n in ws.all(Note)]


@pytest.mark.parametrize("edge, check", [
    ("left", lambda rs: len({r.x for r in rs}) == 1),
    ("top", lambda rs: len({r.y for r in rs}) == 1),
])
def test_align(board, ws, edge, check):
    board.board_scene().align(["n0", "n4", "n2"], edge)
    assert check([ws.get(Note, i) for i in ("n0", "n4", "n2")])


def test_distribute_horizontally_equalises_gaps(board, ws):
    ws.move(["n1"], 50, 0)
    board.board_scene().distribute(["n0", "n1", "n2"], "horizontal")
    a, b, c = (ws.get(Note, i) for i in ("n0", "n1", "n2"))
    assert b.x - (a.x + a.w) == pytest.approx(c.x - (b.x + b.w))
    assert (a.x, c.x) == (40, 408)


def test_recolour_and_z_order_are_saved(board, ws_path):
    scene = board.board_scene()
    scene.recolour(["n0", "n1"], "#FF8888")
    scene.bring_to_front(["n0"])
    with reopened(ws_path) as saved:
        assert {saved.get(Note, i).color for i in ("n0", "n1")} == {"#FF8888"}
        assert saved.get(Note, "n0").z == max(e.z for e in saved.all(Note)) \
            >= max(saved.find(i).z for i in ("c1", "s1", "st1"))
    assert scene.item_for("n0").fill.name().upper() == "#FF8888"


def test_resize_by_the_handle_is_saved(board, ws):
    scene = board.board_scene()
    scene.select_ids(["n5"])
    item = scene.item_for("n5")
    corner = board.mapFromScene(item.mapToScene(item.handle_rect().center()))
    drag(board, corner, corner + QPoint(80, 44))
    assert (ws.get(Note, "n5").w, ws.get(Note, "n5").h) == (240, 144)


def test_scene_follows_changes_made_elsewhere(board, ws):
    scene = board.board_scene()
    sid, gid = group_board(ws)
    ws.add(ws.new_note("書記が入力した意見", sid, gid, id="q1"))
    assert isinstance(scene.item_for("q1"), NoteItem)
    ws.update("n0", x=500.0)
    assert scene.item_for("n0").pos().x() == 500
    ws.remove(["q1"])
    assert scene.item_for("q1") is None


def test_moving_a_note_to_another_group_takes_it_off_this_board(board, ws):
    sid, gid = group_board(ws)
    other = ws.groups_of(sid)[1].id
    ws.update("n3", group_id=other)
    assert board.board_scene().item_for("n3") is None


def test_detach_stops_listening(qtbot, qapp_font, ws):
    sid, gid = fill_board(ws)
    view = BoardView(ws)
    qtbot.addWidget(view)
    view.set_board(sid, gid)
    view.set_board(sid, None)  # the old scene stops listening
    assert len(ws.listeners) == 1
    view.detach()
    assert ws.listeners == []


def test_every_element_stays_where_the_file_says(board, ws, ws_path):
    """After a run of gestures, every item sits exactly where its record says."""
    drag(board, at(board, "n0"), at(board, "n0", 40, 40))
    board.board_scene().select_ids(["n2", "n3"])
    drag(board, at(board, "n3"), at(board, "n3", -40, 80))
    ws.undo()
    with reopened(ws_path) as saved:
        for item in board.board_scene().element_items():
            rec = saved.find(item.rid)
            if isinstance(rec, Element) and not isinstance(item, ConnectorItem):
                assert (item.pos().x(), item.pos().y()) == (rec.x, rec.y)


def test_middle_drag_pans_without_touching_the_file(board, ws):
    before = (board.horizontalScrollBar().value(), board.verticalScrollBar().value())
    start = board.mapFromScene(QPointF(800, 500))
    drag(board, start, start + QPoint(-120, -60), button=Qt.MouseButton.MiddleButton)
    after = (board.horizontalScrollBar().value(), board.verticalScrollBar().value())
    assert (after[0] - before[0], after[1] - before[1]) == (120, 60)
    assert ws.history.undo_stack == []


def test_space_drag_pans_even_over_a_note(qtbot, board, ws):
    before = board.horizontalScrollBar().value()
    qtbot.keyPress(board, Qt.Key.Key_Space)
    drag(board, at(board, "n4"), at(board, "n4", -100, 0))
    qtbot.keyRelease(board, Qt.Key.Key_Space)
    assert board.horizontalScrollBar().value() - before == 100
    assert ws.get(Note, "n4").x == 224


def test_ctrl_wheel_zooms_keeping_the_point_under_the_mouse(board):
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication
    pos = at(board, "n4")
    under = board.mapToScene(pos)
    event = QWheelEvent(QPointF(pos), QPointF(board.viewport().mapToGlobal(pos)), QPoint(),
                        QPoint(0, 240), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(board.viewport(), event)
    assert board.zoom() > 1.3
    moved = board.mapToScene(pos) - under
    assert abs(moved.x()) < 2 and abs(moved.y()) < 2


def test_pinch_on_a_touchpad_zooms_around_the_fingers(board):
    from PySide6.QtGui import QNativeGestureEvent, QPointingDevice
    pos = at(board, "n4")
    under = board.mapToScene(pos)
    before = board.zoom()
    for _ in range(5):  # a pinch arrives as a run of small zoom steps
        event = QNativeGestureEvent(
            Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(),
            2, QPointF(pos), QPointF(pos), QPointF(board.viewport().mapToGlobal(pos)),
            0.1, QPointF())
        QApplication.sendEvent(board.viewport(), event)
    assert board.zoom() == pytest.approx(before * 1.1 ** 5, rel=0.01)
    moved = board.mapToScene(pos) - under
    assert abs(moved.x()) < 2 and abs(moved.y()) < 2


def test_fit_selection_and_zoom_100(board):
    board.board_scene().select_ids(["st1"])
    board.fit_selection()
    assert board.zoom() == 2.0  # a small stamp is not blown up to fill the screen
    board.zoom_100()
    assert board.zoom() == 1.0
    board.fit_all()
    visible = board.mapToScene(board.viewport().rect()).boundingRect()
    assert all(visible.contains(item.sceneBoundingRect())
               for item in board.board_scene().element_items())
