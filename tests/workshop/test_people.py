"""The workshop's details and its people, as changes (no Qt); schema 3 (出欠, sessions of
action items)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from facilitator.errors import FurikaeriError
from facilitator.workshop import Workshop, schema
from facilitator.workshop.model import (
    ActionItem, Decision, Participant, Session, WorkshopInfo,
)
from facilitator.workshop.people import (
    PersonRow, add_people, attendees, info_change, person_change, remove_people,
    reorder_people,
)


# -- details ---------------------------------------------------------------------------
def test_details_are_one_undo_step_and_saved(ws, ws_path):
    ws.apply(info_change(ws, title="仮"))
    change = info_change(ws, title="  LOCAL X STAGE 振り返りワークショップ ", date="2026-11-20",
                         start_time="9:30", end_time="12:00", venue="県庁 第3会議室",
                         organiser="〇〇県 産業イノベーション課",
                         purpose="参加企業の想いを言葉にする。\n次につなげる。")
    ws.apply(change)
    ws.undo()   # one step: every detail at once, back to 「仮」
    assert ws.info.title == "仮" and ws.info.venue == ""
    ws.redo()
    ws.close()
    with Workshop.open(ws_path) as again:
        info = again.info
        assert (info.title, info.date, info.start_time, info.end_time) == (
            "LOCAL X STAGE 振り返りワークショップ", "2026-11-20", "09:30", "12:00")
        assert info.venue == "県庁 第3会議室" and info.organiser == "〇〇県 産業イノベーション課"
        assert info.purpose == "参加企業の想いを言葉にする。\n次につなげる。"


def test_an_unchanged_detail_makes_no_change(ws):
    assert not info_change(ws, title=ws.info.title, venue=ws.info.venue)


@pytest.mark.parametrize("fields, message", [
    ({"date": "11月20日"}, "not a date"),
    ({"date": "2026-02-30"}, "not a date"),
    ({"start_time": "25:00"}, "not a time"),
    ({"title": "長" * 501}, "too long"),
])
def test_bad_details_are_refused_and_nothing_changes(ws, fields, message):
    before = ws.info
    with pytest.raises(FurikaeriError, match=message):
        info_change(ws, **fields)
    assert ws.info == before


def test_a_title_is_one_line(ws):
    ws.apply(info_change(ws, title="一行目\n二行目"))
    assert ws.info.title == "一行目 二行目"


# -- participants ---------------------------------------------------------------------------
def test_people_are_added_in_one_step_after_those_registered(ws):
    ws.add(Participant(id="p0", name="井上 真理", role="facilitator", order=0))
    change = add_people(ws, [PersonRow("山本 健太", "株式会社ミナトメカニクス"),
                             PersonRow("高橋 誠一", "北陵大学", "expert", attended=False)])
    ws.apply(change)
    people = ws.all(Participant)
    assert [p.name for p in people] == ["井上 真理", "山本 健太", "高橋 誠一"]
    assert people[2].role == "expert" and people[2].attended is False
    assert people[1].attended is True
    ws.undo()
    assert [p.name for p in ws.all(Participant)] == ["井上 真理"]


def test_pasting_the_same_list_twice_adds_nobody_twice(ws):
    rows = [PersonRow("山本 健太", "A社"), PersonRow("山本 健太", "A社"),
            PersonRow("山本 健太", "B社"), PersonRow("  ")]
    ws.apply(add_people(ws, rows))
    assert len(ws.all(Participant)) == 2   # same name, other organisation: another person
    assert not add_people(ws, rows)


def test_a_person_is_edited_marked_absent_and_removed(ws):
    ws.apply(add_people(ws, [PersonRow("山本", "A社")]))
    pid = ws.all(Participant)[0].id
    ws.apply(person_change(ws, pid, organisation=" B社 ", role="note_taker", attended=False))
    p = ws.get(Participant, pid)
    assert (p.organisation, p.role, p.attended) == ("B社", "note_taker", False)
    assert attendees(ws) == []
    with pytest.raises(FurikaeriError, match="needs a name"):
        person_change(ws, pid, name="  ")
    with pytest.raises(FurikaeriError, match="Unknown role"):
        person_change(ws, pid, role="boss")
    ws.apply(remove_people(ws, [pid]))
    assert ws.all(Participant) == []
    ws.undo()
    assert ws.get(Participant, pid).organisation == "B社"


def test_people_are_reordered_in_one_step(ws):
    ws.apply(add_people(ws, [PersonRow(n) for n in ("A", "B", "C")]))
    ids = [p.id for p in ws.all(Participant)]
    ws.apply(reorder_people(ws, [ids[2], ids[0]]))
    assert [p.name for p in ws.all(Participant)] == ["C", "A", "B"]


# -- a session's removal keeps what was decided ---------------------------------------------
def test_removing_a_session_keeps_its_decisions_and_action_items(ws):
    s = ws.sessions()[1]
    ws.add(Decision(id="d1", text="春に再開する", session_id=s.id),
           ActionItem(id="a1", what="日程調整", session_id=s.id))
    ws.remove([s.id])
    assert ws.get(Decision, "d1").session_id is None
    assert ws.get(ActionItem, "a1").session_id is None
    ws.undo()
    assert ws.get(Decision, "d1").session_id == s.id
    assert ws.get(ActionItem, "a1").session_id == s.id
    assert ws.get(Session, s.id) is not None


# -- schema 3 -------------------------------------------------------------------------------
def _schema_2_file(path: Path) -> Path:
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    schema.migrate(db.conn, 0, 2)
    with db.conn:
        db.conn.execute("INSERT INTO workshop (id, title) VALUES ('workshop', 'v2')")
        db.conn.execute("INSERT INTO sessions (id, title, kind, [order], planned_minutes, prompts)"
                        " VALUES ('s1', '全体', 'plenary', 0, 30, '[]')")
        db.conn.execute("INSERT INTO participants (id, name, organisation, role, [order])"
                        " VALUES ('p1', '山田', 'A社', 'participant', 0)")
        db.conn.execute("INSERT INTO action_items (id, what, owner, due, done, [order])"
                        " VALUES ('a1', '共有する', '山田', '2026-12-01', 0, 0)")
    db.close()
    return path


def test_a_schema_2_file_gains_attendance_and_action_sessions(tmp_path):
    path = _schema_2_file(tmp_path / "v2.furikaeri")
    with Workshop.open(path) as ws:
        assert ws.store.schema_version() == schema.SCHEMA_VERSION >= 3
        assert ws.get(Participant, "p1").attended is True   # registered: counted present
        item = ws.get(ActionItem, "a1")
        assert (item.what, item.session_id) == ("共有する", None)
        ws.update(item, session_id="s1")
        ws.update("p1", attended=False)
    with Workshop.open(path) as ws:
        assert ws.get(ActionItem, "a1").session_id == "s1"
        assert ws.get(Participant, "p1").attended is False
    conn = sqlite3.connect(path)
    try:   # an action item's session is a real reference, as a decision's is
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("UPDATE action_items SET session_id = 'nope' WHERE id = 'a1'")
            conn.commit()
    finally:
        conn.close()


def test_new_workshop_info_gets_the_fields_the_dialog_sets(tmp_path):
    with Workshop.create(tmp_path / "n.furikaeri") as ws:
        assert isinstance(ws.info, WorkshopInfo)
        ws.apply(info_change(ws, venue="会議室"))
        assert ws.info.venue == "会議室"
