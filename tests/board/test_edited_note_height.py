"""A note whose text is edited longer keeps a record as tall as the board draws it: the
minutes and print draw a note at its record's height (``h``), and cut what does not fit
(the minutes' leading is a little larger than the screen's, so a long note's last line
may still be cut there: its full text is printed under its theme)."""

from __future__ import annotations

import io

from PySide6.QtCore import Qt
from pypdf import PdfReader
from reportlab.pdfgen.canvas import Canvas

from board_fixtures import at, board, double_click, qapp_font  # noqa: F401 (fixtures)
from facilitator.minutes.board import MARGIN, BoardPicture, bounds
from facilitator.workshop.model import NOTE_H, Note

LONG = ("継続には事務局の予算が必要だが、自治体の補助金だけに頼らず、参加企業が少しずつ"
        "負担する仕組みを考えたい。年に二回の報告会で成果を見せれば、翌年の予算も通りやすい。"
        "最後まで読める")


def picture_text(note: Note) -> str:
    """The text a minutes' board picture of ``note`` alone prints (scale 1)."""
    picture = BoardPicture([note], bounds([note]), 1.0)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(picture.width + 40, picture.height + 40))
    picture.drawOn(canvas, 20, 20)
    canvas.save()
    return "".join(PdfReader(io.BytesIO(out.getvalue())).pages[0].extract_text().split())


def edit(qtbot, board, rid: str, text: str) -> None:
    double_click(board, at(board, rid))
    board.board_scene().editor.setPlainText(text)
    qtbot.keyClick(board.viewport(), Qt.Key.Key_Return)


def test_a_note_edited_longer_is_stored_as_tall_as_drawn_and_prints_whole(qtbot, board, ws):
    before = ws.get(Note, "n4")
    # Before, the record kept the old height: the minutes drew the edited note as small as
    # it was and printed its first three lines.
    assert "年に二回の報告会" not in picture_text(before.replace(text=LONG))
    edit(qtbot, board, "n4", LONG)
    note = ws.get(Note, "n4")
    item = board.board_scene().item_for("n4")
    assert note.text == LONG.strip() and note.h > NOTE_H
    assert note.h == item.rect().height()  # the record says what the board shows
    assert BoardPicture([note], bounds([note]), 1.0).height == note.h + 2 * MARGIN
    assert "年に二回の報告会" in picture_text(note)
    # One step: one undo puts back the text and the height together.
    qtbot.keyClick(board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert ws.get(Note, "n4") == before
    qtbot.keyClick(board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    assert (ws.get(Note, "n4").text, ws.get(Note, "n4").h) == (note.text, note.h)


def test_edited_shorter_the_note_shrinks_back_unless_made_taller_by_hand(qtbot, board, ws):
    edit(qtbot, board, "n4", LONG)
    edit(qtbot, board, "n4", "短く")
    assert ws.get(Note, "n4").h == NOTE_H
    ws.update("n5", h=300.0)  # resized by hand: the note keeps its size
    edit(qtbot, board, "n5", "短く")
    assert ws.get(Note, "n5").h == 300.0
