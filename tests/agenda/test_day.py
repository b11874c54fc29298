"""The clock on a real day, without Qt: started late or as a rehearsal, replanned, over."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest

from fake_time import DAY, JST, FakeTime
from facilitator.agenda import day as days
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.agenda.timer import RoomClock
from facilitator.cli import main
from facilitator.workshop import Workshop
from facilitator.workshop.changes import Change
from facilitator.workshop.model import Session, Setting


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "day.furikaeri"
    recs = records_from_template(read_template("standard"),
                                 on=datetime.fromisoformat(DAY).date())
    Workshop.create(p, recs).close()
    return p


@pytest.fixture
def ws(path):
    with Workshop.open(path) as w:
        yield w


def at(hour, minute, day=20):
    return FakeTime(hour, minute) if day == 20 else _on(day, hour, minute)


def _on(day, hour, minute):
    fake = FakeTime(hour, minute)
    fake.wall_at = fake.wall_at.replace(day=day)
    return fake


def room(ws, fake):
    return RoomClock(ws, clock=fake.clock, wall=fake.wall)


def by_title(ws):
    return {s.title: s for s in ws.sessions()}


def agenda_json(path, capsys) -> dict:
    assert main(["agenda", str(path), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def agenda_text(path, capsys) -> str:
    assert main(["agenda", str(path)]) == 0
    return capsys.readouterr().out


# -- started late, or as a rehearsal ---------------------------------------------------
def test_a_rehearsal_at_23_00_measures_the_drift_from_its_own_start(ws):
    """The issue's evening: not 「571分押しています」 and 5-minute sessions."""
    fake = at(23, 0)
    rc = room(ws, fake)
    assert rc.start_question() == datetime(2026, 11, 20, 13, 30, tzinfo=JST)
    assert rc.drift_minutes() == 0          # before the start: not "late" by hours
    rc.start()                              # no one asked: far from the plan moves it
    fake.advance(minutes=25)                # orientation planned 20
    assert rc.day().anchor == days.ANCHOR_SHIFT
    assert rc.drift_minutes() == pytest.approx(5)
    assert rc.proposal().saved_minutes == 5
    assert f"{rc.projected_end():%H:%M}" == "02:35"     # 23:00 + 3.5 h + 5
    slots = [f"{s.start:%H:%M}" for s in rc.day().planned]
    assert slots == ["23:00", "23:20", "00:30", "00:40", "02:00"]


def test_start_now_on_another_date_moves_the_plan_there(ws):
    fake = _on(19, 10, 0)                   # the day before, a rehearsal
    rc = room(ws, fake)
    rc.start(anchor=days.ANCHOR_SHIFT)
    fake.advance(minutes=10)
    assert rc.drift_minutes() == pytest.approx(0)   # 10 of 20 minutes used: on time
    day = rc.day()
    assert day.shift == timedelta(days=-1, hours=-3, minutes=-30)
    assert f"{day.planned_end:%m-%d %H:%M}" == "11-19 13:30"


def test_counting_from_the_planned_time_when_the_facilitator_says_so(ws):
    fake = at(14, 15)                       # 45 minutes late, and it is meant to count
    rc = room(ws, fake)
    assert rc.start_question() is not None
    rc.start(anchor=days.ANCHOR_PLAN)
    assert rc.drift_minutes() == pytest.approx(45)
    assert ws.get(Setting, days.ANCHOR_SETTING).value == days.ANCHOR_PLAN


def test_a_start_a_little_late_counts_as_late_without_asking(ws):
    fake = at(13, 45)
    rc = room(ws, fake)
    assert rc.start_question() is None
    rc.start()
    assert rc.day().anchor == days.ANCHOR_PLAN
    assert rc.drift_minutes() == pytest.approx(15)


def test_the_anchor_can_be_changed_after_the_start_and_undone(ws):
    fake = at(14, 15)
    rc = room(ws, fake)
    rc.start(anchor=days.ANCHOR_PLAN)
    rc.set_anchor(days.ANCHOR_SHIFT)
    assert rc.drift_minutes() == pytest.approx(0)
    ws.undo()
    assert rc.drift_minutes() == pytest.approx(45)


def test_a_file_started_late_before_anchors_existed_is_read_as_moved(ws):
    """Files from before this change have actual times but no anchor: the same rule decides."""
    first = ws.sessions()[0]
    ws.update(first, actual_start="2026-11-20T23:00:00+09:00",
              actual_end="2026-11-20T23:20:00+09:00")
    day = days.read_day(ws)
    assert day.anchor == days.ANCHOR_SHIFT and day.shift == timedelta(hours=9, minutes=30)
    assert f"{day.planned[1].start:%H:%M}" == "23:20"


# -- the day is over -----------------------------------------------------------------------
def run_the_day(rc, fake, over_by=5):
    """Every session as planned; the last one runs ``over_by`` minutes over."""
    for s in rc.ws.sessions():
        rc.start(s.id)
        fake.advance(minutes=s.planned_minutes)
    fake.advance(minutes=over_by)
    rc.end()


def test_after_the_last_session_the_actual_end_and_final_difference(path, capsys):
    fake = at(13, 30)
    with Workshop.open(path) as ws:
        rc = room(ws, fake)
        run_the_day(rc, fake)
        fake.advance(minutes=15 * 60)       # the next morning
        assert rc.projected_end() == datetime(2026, 11, 20, 17, 5, tzinfo=JST)
        assert rc.drift_minutes() == pytest.approx(5)
    data = agenda_json(path, capsys)
    assert data["day_over"] and data["actual_end"] == "2026-11-20T17:05:00+09:00"
    assert data["final_difference_minutes"] == 5 and data["plan"]["end"] == "17:00"
    text = agenda_text(path, capsys)
    assert "17:05" in text and "+5" in text and "-520" not in text
    assert "終了見込み" not in text          # no projection once the day is over


def test_a_day_stopped_half_way_ends_where_it_stopped(ws):
    fake = at(13, 30)
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=20)
    rc.end()
    fake.advance(minutes=3 * 24 * 60)       # opened again three days later
    assert rc.actual_end() == datetime(2026, 11, 20, 13, 50, tzinfo=JST)
    assert rc.drift_minutes() == pytest.approx(-190)  # stopped 13:50, planned 17:00


# -- replans ------------------------------------------------------------------------------
def overrun_and_replan(rc, fake):
    rc.start()                               # orientation 20
    fake.advance(minutes=20)
    rc.start()                               # group discussion 70, runs 85
    fake.advance(minutes=85)
    proposal = rc.proposal()
    rc.accept(proposal)
    return proposal


def test_a_replan_keeps_the_original_plan_and_says_what_changed(ws):
    fake = at(13, 30)
    rc = room(ws, fake)
    proposal = overrun_and_replan(rc, fake)
    day = rc.day()
    titles = by_title(ws)
    plenary = titles["全体ディスカッション"]
    assert day.original[plenary.id] == 80 and plenary.planned_minutes < 80
    replan, = day.replans
    assert f"{replan.at:%H:%M}" == "15:15"
    changed = {t: (old, new) for _, t, old, new in replan.changes}
    assert changed["全体ディスカッション"] == (80, plenary.planned_minutes)
    assert sum(old - new for old, new in changed.values()) == proposal.saved_minutes == 15
    assert [f"{s.start:%H:%M}" for s in day.planned][-1] == "16:30"   # the plan as it was
    line = days.replan_line(replan.at, [(t, o, n) for _, t, o, n in replan.changes])
    assert line.startswith("15:15 再計画：") and "全体ディスカッション 80→" in line


def test_undoing_a_replan_forgets_it(ws):
    fake = at(13, 30)
    rc = room(ws, fake)
    overrun_and_replan(rc, fake)
    ws.undo()
    assert rc.day().replans == []
    assert by_title(ws)["全体ディスカッション"].planned_minutes == 80


def test_the_agenda_command_prints_plan_replan_and_actual(path, capsys):
    fake = at(13, 30)
    with Workshop.open(path) as ws:
        rc = room(ws, fake)
        overrun_and_replan(rc, fake)
        for s in ws.sessions()[2:]:
            rc.start(s.id)
            fake.advance(minutes=ws.get(Session, s.id).planned_minutes)
        rc.end()
    data = agenda_json(path, capsys)
    rows = {s["title"]: s for s in data["sessions"]}
    plenary = rows["全体ディスカッション"]
    assert plenary["planned_minutes"] == 80 and plenary["planned_start"] == "15:10"
    assert plenary["replanned_minutes"] < 80 and plenary["actual_minutes"] < 80
    assert rows["オリエンテーション"]["replanned_minutes"] is None
    replan, = data["replans"]
    assert {c["session"] for c in replan["changes"]} >= {"全体ディスカッション"}
    assert data["day_over"] and data["final_difference_minutes"] == pytest.approx(0, abs=1)
    text = agenda_text(path, capsys)
    assert "再計画" in text and "15:15 再計画：" in text and "80→" in text


def test_an_old_file_replanned_before_plans_were_kept_keeps_its_plan_from_then(ws):
    fake = at(13, 30)
    rc = room(ws, fake)
    rc.start()
    # As a file whose day began before the original plan was kept.
    ws.apply(Change(removed=(ws.get(Setting, days.PLAN_SETTING),)), record=False)
    fake.advance(minutes=40)
    rc.accept(rc.proposal())
    assert ws.get(Setting, days.PLAN_SETTING) is not None
    assert rc.day().original[by_title(ws)["全体ディスカッション"].id] == 80


def test_a_replan_before_the_day_started_is_planning_not_a_replan(ws):
    first = ws.sessions()[0]
    assert days.replan_records(ws, [first.replace(planned_minutes=15)],
                               datetime(2026, 11, 20, 12, 0, tzinfo=JST)) == []


def test_a_first_start_replaces_an_anchor_left_from_before(ws):
    """Actual times cleared (an imported or hand-edited file) but the anchor kept."""
    ws.add(Setting(id=days.ANCHOR_SETTING, value=days.ANCHOR_SHIFT))
    rc = room(ws, at(13, 40))
    rc.start()
    assert ws.get(Setting, days.ANCHOR_SETTING).value == days.ANCHOR_PLAN
    assert rc.drift_minutes() == pytest.approx(10)
