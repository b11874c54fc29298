"""テーマを提案 twice through the real panel: the board stays tidy, the panel says what next."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from facilitator.agenda.templates import read_template, records_from_template
from facilitator.board.attached import in_frame
from facilitator.themes.proposal import Proposal, ThemeProposal
from facilitator.workshop import Workshop
from facilitator.workshop.model import Connector, Frame, Note, Stamp, Stroke

BUDGET = ["予算が足りず費用を削りたい", "コストが高く予算を見直す必要がある", "費用対効果を考えて予算を配分する",
          "予算の執行が遅れコストが膨らんだ"]
HIRING = ["若手人材の採用が難しい", "採用活動で若手の応募が少ない", "人材育成と若手の採用を強化したい",
          "新卒採用で人材が集まらない"]
WAIT_MS = 60_000   # the first proposal of a process loads the models


@pytest.fixture
def win(window_on, ws_path):
    ws = Workshop.create(ws_path, records_from_template(read_template("standard")))
    sid = ws.sessions()[0].id
    ws.add(*[ws.new_note(t, sid, x=(i % 4) * 176.0, y=(i // 4) * 116.0, z=float(i + 1),
                         author="山田") for i, t in enumerate(BUDGET + HIRING)])
    window = window_on(ws)
    window.choose_board(sid, None, False)
    return window


def _propose_and_accept(qtbot, win) -> None:
    win.themes.propose_action.trigger()
    qtbot.waitUntil(lambda: not win.themes.busy(), timeout=WAIT_MS)
    assert win.themes.proposal is not None
    qtbot.mouseClick(win.themes.panel.accept_button, Qt.MouseButton.LeftButton)


def _frame_of(ws, note):
    return next(f for f in ws.all(Frame) if f.theme_id == note.theme_id)


def test_reproposal_through_the_panel_keeps_the_board_tidy(qtbot, win):
    ws, panel = win.ws, win.themes.panel
    _propose_and_accept(qtbot, win)
    # After 採用 the panel says what comes next instead of an empty list.
    assert panel.next_step.isVisible() and not panel.tree.isVisible()
    assert not panel.accept_button.isVisible() and panel.status.text()
    # The facilitator decorates the board, then two more notes are typed.
    a, b = ws.get(Note, ws.all(Note)[0].id), next(
        n for n in ws.all(Note) if n.theme_id != ws.all(Note)[0].theme_id)
    fa, fb = _frame_of(ws, a), _frame_of(ws, b)
    sid = win.session_id
    ws.add(Stamp(id="corner", session_id=sid, x=fa.x + fa.w - 40, y=fa.y + 4, w=32, h=32),
           Stamp(id="on-note", session_id=sid, x=b.x + b.w - 16, y=b.y - 16, w=32, h=32),
           Stroke(id="circle", session_id=sid, x=a.x - 8, y=a.y - 8, w=a.w + 16, h=a.h + 16,
                  points=[[0, 0, 1], [a.w + 16, a.h + 16, 1]]),
           Connector(id="arrow", session_id=sid, source_id=a.id, target_id=b.id, label="原因"))
    win.add_note("来年度の予算とコストの計画", "佐藤")
    win.add_note("若手の採用面接を増やす", "佐藤")
    before = {e.id: e for e in ws.elements_on(sid)}

    win.themes.propose_action.trigger()
    assert panel.kept.isVisible() and "8" in panel.kept.text()   # the 8 placed notes stay
    assert panel.tree.isVisible() and not panel.next_step.isVisible()
    qtbot.waitUntil(lambda: not win.themes.busy(), timeout=WAIT_MS)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert panel.next_step.isVisible()

    a, b = ws.get(Note, a.id), ws.get(Note, b.id)
    assert in_frame(_frame_of(ws, a), ws.find("corner"))
    stamp = ws.find("on-note")
    assert (stamp.x - b.x, stamp.y - b.y) == (b.w - 16, -16)
    circle = ws.find("circle")
    assert (circle.x - a.x, circle.y - a.y) == (-8, -8)
    frames = ws.all(Frame)
    for n in ws.all(Note):
        assert in_frame(_frame_of(ws, n), n), n.text
    # The arrow, as stored and as drawn, runs between its notes.
    arrow = ws.find("arrow")
    assert (arrow.x, arrow.y) == (a.x + a.w / 2, a.y + a.h / 2)
    scene = win.board.board_scene()
    line = scene.item_for("arrow").line
    for end, note in ((line.p1(), a), (line.p2(), b)):
        rect = scene.item_for(note.id).sceneBoundingRect().adjusted(-2, -2, 2, 2)
        assert rect.contains(end), (note.text, end)
    assert not any(f.x < g.x + g.w and g.x < f.x + f.w and f.y < g.y + g.h and g.y < f.y + f.h
                   for f in frames for g in frames if f.id < g.id)

    win.undo()                                      # one step puts everything back
    assert {e.id: e for e in ws.elements_on(sid)} == before

    qtbot.mouseClick(panel.voting_button, Qt.MouseButton.LeftButton)
    assert win.themes.voting_action.isChecked() and not win.themes.dock.isVisible()
    assert win.themes.votes_dock.isVisible()


def test_key_words_show_under_each_label_quieter_but_readable(qtbot, win):
    from PySide6.QtGui import QPalette
    from facilitator.board.palette_check import contrast
    from ui.themes.preview import muted
    panel = win.themes.panel
    win.themes.dock.show()
    panel.show_proposal(Proposal((0, 0, 1), (ThemeProposal((0, 1), "予算", ("予算", "コスト")),
                                             ThemeProposal((2,), "人", ()))), ["一", "二", "三"])
    with_words, without = panel.theme_item(0), panel.theme_item(1)
    assert with_words.text(1) == "予算、コスト" and panel.tree.isColumnHidden(1)
    # Two lines (the 表札, then its key words) where there are key words.
    assert panel.tree.visualItemRect(with_words).height() > \
        panel.tree.visualItemRect(without).height()
    palette = panel.tree.palette()
    grey = muted(palette)
    for ground in (QPalette.ColorRole.Base, QPalette.ColorRole.AlternateBase):
        assert contrast(grey.name(), palette.color(ground).name()) >= 4.5
    assert grey != palette.color(QPalette.ColorRole.Text)
