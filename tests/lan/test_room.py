"""The door and the notes from devices, as changes of the workshop (no server)."""

from __future__ import annotations

import pytest

from facilitator.errors import FurikaeriError
from facilitator.lan import room
from facilitator.workshop.model import DeviceNote, Note, Setting
from facilitator.workshop.workshop import Workshop
from lan_fixtures import room_ws  # noqa: F401 (fixture)


def test_the_door_is_kept_in_the_file_with_a_long_secret_and_out_of_undo(room_ws):
    assert room.door(room_ws) == room.Door()
    room.open_door(room_ws, "0.0.0.0", 8765)
    first = room.door(room_ws)
    assert first.open and first.port == 8765 and len(first.secret) >= 22  # 16 bytes (128 bits), base64
    assert not room_ws.history.can_undo()  # Ctrl+Z never closes the door
    room.close_door(room_ws)
    room.open_door(room_ws, "0.0.0.0", 8765)
    assert room.door(room_ws).secret == first.secret  # devices come back after a restart
    room.new_secret(room_ws)
    assert room.door(room_ws).secret != first.secret
    path = room_ws.path
    room_ws.close()
    with Workshop.open(path) as again:
        assert room.door(again).open and room.door(again).port == 8765


def test_a_note_takers_note_goes_onto_the_group_board_once_with_author_and_device(room_ws):
    change = room.receive_note(room_ws, "dev1", "u1", "山田 花子", "s1", "gB", "  朝の会議が長い ")
    note, = [r for r in change.added if isinstance(r, Note)]
    assert (note.session_id, note.group_id, note.text, note.author) == (
        "s1", "gB", "朝の会議が長い", "山田 花子")
    assert note.color == "#B5E3FF"  # the group's colour, as typed in the app
    assert room.device_of(room_ws, note.id).device == "dev1"
    assert room.receive_note(room_ws, "dev1", "u1", "山田 花子", "s1", "gB", "朝の会議が長い") is None
    assert room_ws.count(Note) == 1
    room_ws.undo()  # one step
    assert room_ws.count(Note) == 0 and room_ws.count(DeviceNote) == 0


def test_notes_in_a_row_do_not_overlap(room_ws):
    for i in range(8):
        room.receive_note(room_ws, "dev1", f"u{i}", "", "s1", "gA", f"メモ{i}" * (i + 1))
    notes = room_ws.all(Note)
    for a in notes:
        for b in notes:
            if a.id < b.id:
                assert (a.x + a.w <= b.x or b.x + b.w <= a.x
                        or a.y + a.h <= b.y or b.y + b.h <= a.y)


def test_a_participants_note_is_private_until_the_session_is_revealed(room_ws):
    room.set_mode(room_ws, "s1", room.PARTICIPANT)
    room.receive_note(room_ws, "dev1", "u1", "山田 花子", "s1", "gA", "本音はこうです")
    room.receive_note(room_ws, "dev2", "u1", "佐藤 一郎", "s1", None, "全体へ")
    assert room_ws.count(Note) == 0
    assert [d.text for d in room.private_notes(room_ws, "s1", "dev1")] == ["本音はこうです"]
    change = room.reveal(room_ws, "s1")
    boards = sorted((n.group_id or "", n.text, n.author) for n in change.added
                    if isinstance(n, Note))
    assert boards == [("", "全体へ", "佐藤 一郎"), ("gA", "本音はこうです", "山田 花子")]
    assert room.private_notes(room_ws, "s1") == [] and room.revealed(room_ws, "s1")
    # Revealed: later notes go onto the board at once.
    room.receive_note(room_ws, "dev1", "u2", "山田 花子", "s1", "gA", "追加")
    assert room_ws.count(Note) == 3
    room_ws.undo()
    room_ws.undo()  # the reveal, in one step
    assert room_ws.count(Note) == 0 and not room.revealed(room_ws, "s1")
    assert len(room.private_notes(room_ws, "s1")) == 2


def test_a_note_for_a_deleted_group_lands_on_the_plenary_board(room_ws):
    room_ws.remove(["gA"])
    room.receive_note(room_ws, "dev1", "u1", "", "s1", "gA", "グループが消えても残る")
    note, = room_ws.all(Note)
    assert (note.session_id, note.group_id) == ("s1", None)


@pytest.mark.parametrize("text", ["", "   ", "あ" * (room.MAX_DEVICE_NOTE_CHARS + 1)])
def test_empty_or_too_long_notes_are_refused(room_ws, text):
    with pytest.raises(FurikaeriError):
        room.receive_note(room_ws, "dev1", "u1", "", "s1", "gA", text)
    assert room_ws.count(DeviceNote) == 0


def test_made_up_ids_are_refused(room_ws):
    with pytest.raises(ValueError):
        room.receive_note(room_ws, "../etc", "u1", "", "s1", "gA", "x")


def test_the_session_follows_the_door_then_the_first_group_session(room_ws):
    assert room.session_of(room_ws).id == "s1"
    room.set_door_session(room_ws, "s2")
    assert room.session_of(room_ws).id == "s2"
    assert isinstance(room_ws.get(Setting, room.DOOR_SETTING), Setting)
