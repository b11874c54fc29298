"""Decisions and action items as changes (no Qt)."""

from __future__ import annotations

from datetime import date

import pytest

from facilitator.errors import FurikaeriError
from facilitator.outcomes.items import (
    add_action_item, add_decision, by_session, capture_sessions, edit_change, owner_names,
    parse_due, reference_day, removal,
)
from facilitator.workshop.people import info_change
from facilitator.workshop import Workshop
from facilitator.workshop.model import KIND_BREAK, ActionItem, Decision, Participant

TODAY = date(2026, 11, 20)


@pytest.mark.parametrize("typed, stored", [
    ("", ""),
    ("2026-12-01", "2026-12-01"),
    ("2026/12/1", "2026-12-01"),
    ("2026年12月1日", "2026-12-01"),
    ("２０２６－１２－０１", "2026-12-01"),
    ("12/15", "2026-12-15"),
    ("12月15日", "2026-12-15"),
    ("1/15", "2027-01-15"),          # a day already past this year: next year's
    ("11/20", "2026-11-20"),         # today
    ("12月末", "12月末"),
    ("来週中", "来週中"),
    ("2/30", "2/30"),                # not a day: kept as typed, never guessed
])
def test_due_dates_are_iso_when_they_are_dates(typed, stored):
    assert parse_due(typed, TODAY) == stored


@pytest.mark.parametrize("workshop_day, typed, stored", [
    ("2026-11-20", "12/15", "2026-12-15"),
    ("2026-11-20", "11/20", "2026-11-20"),      # the workshop's own day
    ("2026-11-20", "1月10日", "2027-01-10"),     # after New Year: the next year's
    ("2025-03-01", "12/15", "2025-12-15"),      # a workshop long past: its own year
    ("2026-11-20", "2026/12/18", "2026-12-18"),  # a full date stays itself
])
def test_short_due_dates_are_read_from_the_workshops_date(ws, workshop_day, typed, stored):
    ws.apply(info_change(ws, date=workshop_day))
    ws.apply(add_action_item(ws, "資料を送る", None, "", typed))
    (item,) = ws.all(ActionItem)
    assert item.due == stored
    ws.apply(edit_change(ws, item.id, due=typed))  # edited later: still the workshop's
    assert ws.get(ActionItem, item.id).due == stored


def test_without_a_workshop_date_short_due_dates_are_read_from_today(ws):
    ws.apply(info_change(ws, date=""))
    assert reference_day(ws) == date.today()
    ws.apply(add_action_item(ws, "資料を送る", None, "", "12/15"))
    (item,) = ws.all(ActionItem)
    due = date.fromisoformat(item.due)
    assert (due.month, due.day) == (12, 15) and date.today() <= due


def test_a_decision_of_a_session_is_one_undo_step(ws, ws_path):
    s = ws.sessions()[3]
    ws.apply(add_decision(ws, "  次回は車座で議論する  ", s.id))
    d = ws.all(Decision)[0]
    assert (d.text, d.session_id) == ("次回は車座で議論する", s.id)
    ws.undo()
    assert ws.all(Decision) == []
    ws.redo()
    ws.close()
    with Workshop.open(ws_path) as again:
        assert again.all(Decision)[0].text == "次回は車座で議論する"


def test_an_action_item_has_what_who_when_and_its_session(ws):
    s = ws.sessions()[4]
    ws.apply(add_action_item(ws, "議事録を共有する", s.id, " 岡田 拓也 ", "11/27", today=TODAY))
    ws.apply(add_action_item(ws, "日程を調整する", None))
    first, second = ws.all(ActionItem)
    assert (first.what, first.owner, first.due, first.done, first.session_id) == (
        "議事録を共有する", "岡田 拓也", "2026-11-27", False, s.id)
    assert second.order == first.order + 1 and second.session_id is None


@pytest.mark.parametrize("make", [
    lambda ws: add_decision(ws, "  \n ", None),
    lambda ws: add_action_item(ws, "", None),
    lambda ws: add_decision(ws, "x" * 2001, None),
    lambda ws: add_decision(ws, "決定", "no-such-session"),
])
def test_empty_long_or_sessionless_text_is_refused(ws, make):
    with pytest.raises(FurikaeriError):
        make(ws)


def test_edits_tick_done_and_removal_are_each_one_step(ws):
    ws.apply(add_action_item(ws, "共有する", None, "山田", ""))
    ws.apply(add_decision(ws, "決めた", None))
    a, d = ws.all(ActionItem)[0], ws.all(Decision)[0]
    ws.apply(edit_change(ws, a.id, done=True))
    ws.apply(edit_change(ws, a.id, owner="佐藤", due="2026/12/24"))
    ws.apply(edit_change(ws, d.id, text="決め直した", session_id=ws.sessions()[0].id))
    a, d = ws.get(ActionItem, a.id), ws.get(Decision, d.id)
    assert (a.done, a.owner, a.due) == (True, "佐藤", "2026-12-24")
    assert (d.text, d.session_id) == ("決め直した", ws.sessions()[0].id)
    ws.apply(removal(ws, [a.id, d.id]))
    assert ws.all(ActionItem) == ws.all(Decision) == []
    ws.undo()
    assert ws.get(ActionItem, a.id) == a and ws.get(Decision, d.id) == d
    with pytest.raises(TypeError):
        edit_change(ws, d.id, done=True)   # a decision is not "done"


def test_owners_are_the_people_present_first(ws):
    ws.add(Participant(id="a", name="欠席さん", attended=False, order=0),
           Participant(id="b", name="出席さん", order=1), Participant(id="c", name="", order=2))
    assert owner_names(ws) == ["出席さん", "欠席さん"]


def test_breaks_take_no_decisions_and_items_group_by_session_in_agenda_order(ws):
    sessions = ws.sessions()
    assert all(s.kind != KIND_BREAK for s in capture_sessions(ws))
    assert len(capture_sessions(ws)) == len(sessions) - sum(s.kind == KIND_BREAK for s in sessions)
    late, early = sessions[4], sessions[0]
    for text, sid in (("b", late.id), ("a", early.id), ("c", None), ("d", late.id)):
        ws.apply(add_decision(ws, text, sid))
    groups = by_session(sessions, ws.all(Decision))
    assert [(s.title if s else None, [d.text for d in ds]) for s, ds in groups] == [
        (early.title, ["a"]), (late.title, ["b", "d"]), (None, ["c"])]
