"""Vote dots on notes and frames: visible, countable, and never over the text."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from board_fixtures import group_board, qapp_font  # noqa: F401
from facilitator.workshop.model import Frame
from ui.board.scene import BoardScene
from ui.board.style import PAD

LONG = "地域の中小企業が主役になれる場をつくるには、大企業は黒子に徹するべきだという意見が多かった"
DOT_RED = QColor("#D7263D")


def render(scene: BoardScene, source: QRectF) -> QImage:
    image = QImage(int(source.width()), int(source.height()), QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    return image


def reds(image: QImage, rect: QRectF) -> int:
    """Pixels of the dots' red inside ``rect`` (image coordinates)."""
    count = 0
    for y in range(max(0, int(rect.top())), min(image.height(), int(rect.bottom()))):
        for x in range(max(0, int(rect.left())), min(image.width(), int(rect.right()))):
            c = image.pixelColor(x, y)
            if abs(c.red() - DOT_RED.red()) + abs(c.green() - DOT_RED.green()) \
                    + abs(c.blue() - DOT_RED.blue()) < 60:
                count += 1
    return count


@pytest.fixture(params=[False, True], ids=["board", "presentation"])
def board(request, qapp_font, ws):  # noqa: F811
    """A group board with a long note with no votes, and the same text voted 1, 3 and 12 times."""
    sid, gid = group_board(ws)
    ws.add(*[ws.new_note(LONG, sid, gid, id=f"v{votes}", x=40 + i * 200, y=80, votes=votes)
             for i, votes in enumerate((0, 1, 3, 12))])
    scene = BoardScene(ws, sid, gid, presentation=request.param)
    yield scene
    scene.detach()


@pytest.mark.parametrize("votes", [1, 3, 12])
def test_dots_leave_the_text_as_it_is_without_votes(board, votes):
    """The text area of a voted note is drawn exactly as the same note with no votes."""
    plain, voted = board.item_for("v0"), board.item_for(f"v{votes}")
    assert voted.rect() == plain.rect()   # votes never change a note's size
    layout, height = plain.text_layout()
    text = QRectF(PAD, PAD, plain.rect().width() - 2 * PAD, height)
    a = render(board, plain.mapRectToScene(text))
    b = render(board, voted.mapRectToScene(text))
    assert a == b


@pytest.mark.parametrize("votes", [1, 3, 12])
def test_dots_show_on_the_top_edge_inside_what_the_item_repaints(board, votes):
    item = board.item_for(f"v{votes}")
    top = item.mapRectToScene(QRectF(0, -20, item.rect().width(), PAD + 20))
    image = render(board, top)
    assert reds(image, QRectF(0, 0, image.width(), image.height())) > 40
    # Everything red lies within the item's bounding rect, so moving it leaves no trace.
    bounds_top = item.mapRectToScene(item.boundingRect()).top() - top.top()
    assert bounds_top > 0   # the strip starts above the bounds
    assert reds(image, QRectF(0, 0, image.width(), bounds_top)) == 0


def test_many_votes_show_one_dot_and_the_count(board):
    """Beyond a few dots the row would not be countable at a glance: one dot and ×12."""
    few, many = board.item_for("v3"), board.item_for("v12")
    strip = lambda it: it.mapRectToScene(QRectF(0, -20, it.rect().width(), 28))  # noqa: E731
    red_few = reds(render(board, strip(few)), QRectF(0, 0, 400, 40))
    red_many = reds(render(board, strip(many)), QRectF(0, 0, 400, 40))
    # Three dots against one dot plus the thin red digits and rim of the count.
    assert 0 < red_many < red_few * 1.5


def test_a_frames_title_stops_short_of_its_dots(qapp_font, ws):  # noqa: F811
    sid, gid = group_board(ws)
    title = "参加のきっかけとなった出来事と人のつながりについて話したこと"
    ws.add(Frame(id="f", session_id=sid, group_id=gid, x=0, y=0, w=300, h=120, title=title))
    scene = BoardScene(ws, sid, gid)
    try:
        frame = scene.item_for("f")
        bare = render(scene, QRectF(0, 0, 300, 28))
        frame.votes = 5
        frame.update()
        voted = render(scene, QRectF(0, 0, 300, 28))
        # Where the dots are, the title's dark glyphs are gone (elided earlier), not under them.
        dark = lambda img: sum(  # noqa: E731
            img.pixelColor(x, y).lightness() < 80 for x in range(224, 292) for y in range(4, 24))
        assert dark(bare) > 20 and dark(voted) == 0
        assert reds(voted, QRectF(224, 0, 68, 28)) > 100
    finally:
        scene.detach()
