"""Small things the room saw (issue 14): a selected frame's F5 spotlight stays clear of its
title, and headings far zoomed out are not dark bars."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QTransform

from board_fixtures import board, qapp_font  # noqa: F401 (fixtures)
from ui.board.items import SPOTLIGHT_COLOR


def pixels(view, rect: QRect) -> list[QColor]:
    image = view.viewport().grab().toImage()
    rect = rect.intersected(image.rect())
    return [image.pixelColor(x, y) for y in range(rect.top(), rect.bottom() + 1)
            for x in range(rect.left(), rect.right() + 1)]


def orange(c: QColor) -> bool:
    return abs(c.red() - SPOTLIGHT_COLOR.red()) < 40 and \
        abs(c.green() - SPOTLIGHT_COLOR.green()) < 40 and c.blue() < 80


def box(view, rid: str) -> QRect:
    item = view.board_scene().item_for(rid)
    return view.mapFromScene(item.mapRectToScene(item.rect())).boundingRect()


def test_the_f5_spotlight_of_a_frame_goes_round_it_clear_of_its_title(qtbot, board):
    board.set_presentation(True)
    board.board_scene().select_ids(["f1"])
    qtbot.wait(50)
    frame = box(board, "f1")
    inside = pixels(board, frame.adjusted(3, 3, -3, -3))
    assert not any(orange(c) for c in inside)  # the title bar and the notes untouched
    around = pixels(board, QRect(frame.left() - 10, frame.top() - 10, frame.width() + 20, 8))
    assert sum(orange(c) for c in around) > frame.width()  # but the room sees it selected


@pytest.mark.parametrize("zoom", [0.12, 0.08])
def test_headings_zoomed_far_out_are_no_dark_bars(qtbot, board, zoom):
    board.setTransform(QTransform.fromScale(zoom, zoom))
    board.centerOn(board.board_scene().item_for("h1").sceneBoundingRect().center())
    qtbot.wait(50)
    shown = pixels(board, box(board, "h1").adjusted(0, 1, 0, -1))
    mean = sum(c.lightness() for c in shown) / len(shown)
    assert mean > 140  # the old bar was the heading's colour (#222) throughout
