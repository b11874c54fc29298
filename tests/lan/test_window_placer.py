"""Notes from devices go where a note typed in the window would: the free places kept
between notes give the same places as measuring the board each time."""

from __future__ import annotations

from facilitator.lan import room
from facilitator.workshop.model import Note
from ui.board.placing import place
from ui.lan.placer import BoardPlacer


def test_kept_free_places_are_the_places_measured_afresh(window_on, ws, qtbot):
    win = window_on(ws)
    session = room.session_of(win.ws)
    group = win.ws.groups_of(session.id)[0]
    win.choose_board(session.id, group.id, False)
    placer = BoardPlacer(lambda: win.board)
    built = []
    texts = ["短い", "少し長めのメモで二行になるくらいの長さの文章です" * 2, "中くらいのメモです"]
    for i in range(30):
        if i == 12:  # someone drags a note meanwhile: measured again
            first = win.ws.elements_on(session.id, group.id, [Note])[0]
            win.ws.update(first.id, x=first.x + 400, y=first.y + 40)
        existing = win.ws.elements_on(session.id, group.id)
        note = win.ws.new_note(texts[i % 3], session.id, group.id, author="山田")
        expected = place(note, list(existing), win.board.board_scene())
        got = placer(note, existing)
        assert (got.x, got.y, got.h) == (expected.x, expected.y, expected.h), i
        win.ws.add(got)
        board = placer._boards[(session.id, group.id)]
        if not built or built[-1] is not board:
            built.append(board)
    assert len(built) == 2  # measured at the first note and after the drag, not 30 times
