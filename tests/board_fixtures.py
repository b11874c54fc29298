"""Fixtures and helpers of the board tests: a demo-like board in a shown BoardView."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QFont, QFontDatabase, QMouseEvent
from PySide6.QtWidgets import QApplication

from facilitator import paths
from facilitator.workshop.model import Connector, Frame, Heading, Stamp, Stroke
from facilitator.workshop import Workshop
from ui.board.view import BoardView

NOTE_TEXTS = [
    "「スモールスタート」で始めるのが大事", "地域の中小企業が主役になれる場",
    "FactorISMのような工場見学は参加しやすい", "大企業は黒子に徹するべき",
    "継続には事務局の予算が必要", "若手社員の学びの場になる",
]


@pytest.fixture(scope="module")
def qapp_font(qapp):
    """IPAexGothic as the application font (the window registers it in the app)."""
    fid = QFontDatabase.addApplicationFont(str(paths.japanese_font_path()))
    family = QFontDatabase.applicationFontFamilies(fid)[0]
    previous = QApplication.font()
    qapp.setFont(QFont(family, 10))
    yield family
    qapp.setFont(previous)


def group_board(ws: Workshop) -> tuple[str, str]:
    session = next(s for s in ws.sessions() if ws.groups_of(s.id))
    return session.id, ws.groups_of(session.id)[0].id


def fill_board(ws: Workshop) -> tuple[str, str]:
    """Notes n0..n5 in a grid (x multiples of 8), a frame around n0/n1, a heading,
    a connector n0 -> n1, a stroke and a stamp, on the first group's board."""
    sid, gid = group_board(ws)
    notes = [ws.new_note(t, sid, gid, author="佐藤", x=40 + (i % 3) * 184,
                         y=80 + (i // 3) * 128, id=f"n{i}", z=i + 1)
             for i, t in enumerate(NOTE_TEXTS)]
    ws.add(*notes,
           Frame(id="f1", session_id=sid, group_id=gid, x=24, y=40, w=384, h=160, z=-1,
                 title="参加のきっかけ"),
           Heading(id="h1", session_id=sid, group_id=gid, x=40, y=-40, text="なぜ参加したのか？"),
           Connector(id="c1", session_id=sid, group_id=gid, source_id="n0", target_id="n1", z=20),
           Stroke(id="s1", session_id=sid, group_id=gid, x=600, y=400, z=21,
                  points=[[0, 0, 0.5], [20, 10, 0.6], [40, 0, 0.7]]),
           Stamp(id="st1", session_id=sid, group_id=gid, x=640, y=80, z=22, pictogram="heart"))
    ws.history.undo_stack.clear()
    return sid, gid


@pytest.fixture
def board(qtbot, qapp_font, ws):
    """A shown BoardView at 100 % on the filled group board."""
    sid, gid = fill_board(ws)
    view = BoardView(ws)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.set_board(sid, gid)
    view.show()
    qtbot.waitExposed(view)
    view.zoom_100()
    view.centerOn(300, 200)
    view.activateWindow()
    view.setFocus()
    yield view
    view.detach()


def reopened(path):
    """A second reader of the file, to check what was really saved."""
    return Workshop.open(path, readonly=True)


def at(view: BoardView, rid: str, dx: float = 0.0, dy: float = 0.0) -> QPoint:
    """The viewport point over item ``rid`` (its centre, shifted)."""
    item = view.board_scene().item_for(rid)
    rect = item.mapRectToScene(item.rect())
    return view.mapFromScene(rect.center() + QPointF(dx, dy))


def _mouse(view, kind, pos: QPoint, button, buttons, mods=Qt.KeyboardModifier.NoModifier):
    vp = view.viewport()
    event = QMouseEvent(kind, QPointF(pos), QPointF(vp.mapToGlobal(pos)), button, buttons, mods)
    QApplication.sendEvent(vp, event)


def drag(view: BoardView, start: QPoint, end: QPoint, steps: int = 6,
         button=Qt.MouseButton.LeftButton, mods=Qt.KeyboardModifier.NoModifier) -> None:
    """Press at ``start``, move in steps, release at ``end`` (real viewport events)."""
    _mouse(view, QEvent.Type.MouseButtonPress, start, button, button, mods)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        _mouse(view, QEvent.Type.MouseMove, p, Qt.MouseButton.NoButton, button, mods)
    _mouse(view, QEvent.Type.MouseButtonRelease, end, button, Qt.MouseButton.NoButton, mods)


def double_click(view: BoardView, pos: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonPress, pos, left, left)
    _mouse(view, QEvent.Type.MouseButtonRelease, pos, left, Qt.MouseButton.NoButton)
    _mouse(view, QEvent.Type.MouseButtonDblClick, pos, left, left)
    _mouse(view, QEvent.Type.MouseButtonRelease, pos, left, Qt.MouseButton.NoButton)
