"""A note-taker's page fetches only what changed on its board since its cursor."""

from __future__ import annotations

import dataclasses

from facilitator.lan.journal import BoardJournal
from facilitator.workshop.changes import Change
from facilitator.workshop.model import Note
from lan_fixtures import Client, client, room_ws, served  # noqa: F401 (fixtures)

BOARD_A = "/api/notes?session=s1&group=gA&device=dev2"


def _texts(answer):
    return [n["text"] for n in answer["board"]]


def _apply(served, change):
    served.call(lambda ws: ws.apply(change))


def test_after_the_first_look_only_new_notes_come_then_removals(client, served):
    reader = Client(served, device="dev2")
    for i in range(3):
        client.note(f"n{i}", f"メモ{i}")
    _, first = reader.call(BOARD_A)
    assert first["full"] and _texts(first) == ["メモ0", "メモ1", "メモ2"]

    client.note("n3", "新しいメモ")
    client.note("b1", "Bのメモ", group="gB")  # another board: not in A's answer
    _, delta = reader.call(BOARD_A + f"&since={first['cursor']}")
    assert not delta["full"] and _texts(delta) == ["新しいメモ"] and delta["removed"] == []
    assert "mine" not in delta  # the page shows the board; its own list comes whole, later

    _, nothing = reader.call(BOARD_A + f"&since={delta['cursor']}")
    assert not nothing["full"] and nothing["board"] == [] and nothing["removed"] == []

    gone = next(n for n in served.ws.all(Note) if n.text == "メモ1")
    _apply(served, Change(removed=(gone,)))
    _, after = reader.call(BOARD_A + f"&since={nothing['cursor']}")
    assert not after["full"] and after["removed"] == [gone.id] and after["board"] == []


def test_a_note_edited_or_moved_to_another_group_is_told_a_note_dragged_is_not(client, served):
    reader = Client(served, device="dev2")
    client.note("n1", "会議が長い")
    client.note("n2", "資料が多い")
    _, first = reader.call(BOARD_A)
    one, two = sorted((n for n in served.ws.all(Note)), key=lambda n: n.text == "資料が多い")

    _apply(served, Change(updated=((one, dataclasses.replace(one, x=one.x + 300)),)))
    _, dragged = reader.call(BOARD_A + f"&since={first['cursor']}")
    assert dragged["board"] == [] and dragged["removed"] == []

    edited = dataclasses.replace(one, text="会議が長すぎる")
    _apply(served, Change(updated=((one, edited), (two, dataclasses.replace(two, group_id="gB")))))
    _, changed = reader.call(BOARD_A + f"&since={dragged['cursor']}")
    assert _texts(changed) == ["会議が長すぎる"] and changed["removed"] == [two.id]
    _, on_b = reader.call(f"/api/notes?session=s1&group=gB&since={dragged['cursor']}")
    assert _texts(on_b) == ["資料が多い"]


def test_a_cursor_it_cannot_vouch_for_gets_the_whole_board(client, served):
    reader = Client(served, device="dev2")
    client.note("n1", "一つ目")
    _, first = reader.call(BOARD_A)
    epoch, _, seq = first["cursor"].partition(".")
    for since in ("nonsense", f"other.{seq}", f"{epoch}.{int(seq) + 5}", f"{epoch}.x", ""):
        _, answer = reader.call(BOARD_A + f"&since={since}")
        assert answer["full"] and _texts(answer) == ["一つ目"], since
    served.journal = BoardJournal()  # as after a restart or a reload: a new sequence
    _, again = reader.call(BOARD_A + f"&since={first['cursor']}")
    assert again["full"] and _texts(again) == ["一つ目"]


def test_the_journal_forgets_old_cursors_rather_than_grow(monkeypatch):
    from facilitator.lan import journal
    monkeypatch.setattr(journal, "MAX_ENTRIES", 3)
    j = BoardJournal()
    old = j.cursor
    notes = [Note(id=f"n{i}", session_id="s1", group_id="gA", text=str(i)) for i in range(5)]
    for n in notes:
        j.record(Change(added=(n,)))
    assert j.since(old, ("s1", "gA")) is None  # too old now: the whole board
    recent = j.cursor
    j.record(Change(removed=(notes[0],)))
    assert j.since(recent, ("s1", "gA")) == ([], ["n0"])
