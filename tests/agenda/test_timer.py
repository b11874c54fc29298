"""The room clock with a fake clock: what a facilitator relies on during the afternoon."""

from datetime import datetime, timedelta

import pytest

from fake_time import DAY, JST, FakeTime
from facilitator.agenda import plan as agenda
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Session, TimerEvent
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.agenda.timer import (
    PHASE_FINAL, PHASE_NORMAL, PHASE_OVER, PHASE_WARN, TAKE_BACK_S, RoomClock,
)
from facilitator.workshop import Workshop


@pytest.fixture
def fake():
    return FakeTime()


@pytest.fixture
def path(tmp_path):
    p = tmp_path / "clock.furikaeri"
    recs = records_from_template(read_template("standard"),
                                 on=datetime.fromisoformat(DAY).date())
    Workshop.create(p, recs).close()
    return p


@pytest.fixture
def ws(path):
    with Workshop.open(path) as w:
        yield w


def room(ws, fake):
    return RoomClock(ws, clock=fake.clock, wall=fake.wall)


def titles(ws):
    return [s.title for s in ws.sessions()]


def test_start_counts_down_the_planned_time(ws, fake):
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=5)
    st = rc.status()
    assert st.session.title == "オリエンテーション"
    assert st.elapsed_s == pytest.approx(300)
    assert st.remaining_s == pytest.approx(15 * 60)
    assert ws.get(Session, st.session.id).actual_start == "2026-11-20T13:30:00+09:00"


def test_pause_stops_the_clock_and_is_logged(ws, fake):
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=2)
    rc.pause()
    fake.advance(minutes=10)
    assert rc.status().elapsed_s == pytest.approx(120)
    assert rc.status().paused
    rc.resume()
    fake.advance(minutes=1)
    assert rc.status().elapsed_s == pytest.approx(180)
    assert [e.event for e in rc.events()] == ["start", "pause", "resume"]


def test_adding_minutes_extends_the_timebox(ws, fake):
    rc = room(ws, fake)
    rc.start()
    rc.adjust(+5)
    fake.advance(minutes=22)
    assert rc.status().remaining_s == pytest.approx(3 * 60)
    rc.adjust(-2)
    assert rc.status().remaining_s == pytest.approx(60)


@pytest.mark.parametrize("minutes_in, phase", [
    (10, PHASE_NORMAL), (16.5, PHASE_WARN), (19.2, PHASE_FINAL), (21, PHASE_OVER)])
def test_phase_changes_at_20_and_5_percent_and_overrun(ws, fake, minutes_in, phase):
    rc = room(ws, fake)
    rc.start()  # 20 minutes planned
    fake.advance(minutes=minutes_in)
    assert rc.status().phase == phase


def test_overrun_counts_up(ws, fake):
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=23)
    assert rc.status().remaining_s == pytest.approx(-180)


def test_system_clock_moved_back_an_hour_changes_nothing(ws, fake):
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=5)
    fake.wall_at -= timedelta(hours=1)
    fake.advance(minutes=1)
    assert rc.status().elapsed_s == pytest.approx(360)


def test_laptop_sleep_counts_as_time_that_passed_in_the_room(ws, fake):
    # The default clock is CLOCK_BOOTTIME, which goes on during suspend.
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=3)   # lid closed for three minutes
    assert rc.status().elapsed_s == pytest.approx(180)


def test_reopening_shows_the_running_clock_at_the_right_time(path, fake):
    with Workshop.open(path) as ws:
        rc = room(ws, fake)
        rc.start()
        fake.advance(minutes=4)
    # The app was closed (or crashed); the room went on for six minutes,
    # and a new process has a new monotonic clock.
    fake.advance(minutes=6)
    fake.mono = 5.0
    with Workshop.open(path) as ws:
        st = room(ws, fake).status()
        assert st.running
        assert st.elapsed_s == pytest.approx(600)


def test_reopening_a_paused_clock_keeps_it_paused(path, fake):
    with Workshop.open(path) as ws:
        rc = room(ws, fake)
        rc.start()
        fake.advance(minutes=4)
        rc.pause()
    fake.advance(minutes=30)
    with Workshop.open(path) as ws:
        st = room(ws, fake).status()
        assert st.paused and st.elapsed_s == pytest.approx(240)


def test_skip_and_back(ws, fake):
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=20)
    rc.skip()
    assert rc.status().session.title == "グループディスカッション"
    fake.advance(minutes=3)
    rc.back()
    st = rc.status()
    assert st.session.title == "オリエンテーション"
    assert st.elapsed_s == pytest.approx(20 * 60)  # goes on from where it ended
    assert st.session.actual_end is None


def test_a_next_session_by_mistake_is_taken_back_as_if_never_pressed(ws, fake):
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=12)
    rc.skip()                                        # F6 by mistake
    nxt = rc.status().session
    assert nxt.title == "グループディスカッション"
    fake.advance(seconds=20)
    assert rc.take_back()
    st = rc.status()
    assert st.session.title == "オリエンテーション" and st.running
    assert st.elapsed_s == pytest.approx(12 * 60 + 20)   # its time ran on meanwhile
    assert st.session.actual_end is None
    assert ws.get(Session, nxt.id).actual_start is None  # the next one never started
    assert [e.event for e in ws.all(TimerEvent)] == ["start"]
    assert not ws.history.can_undo()                  # the clock is no edit: Ctrl+Z is the notes'
    assert not rc.take_back()                         # once


def test_the_days_first_start_and_its_end_can_be_taken_back(ws, fake):
    rc = room(ws, fake)
    rc.start()
    fake.advance(minutes=1)
    assert rc.take_back()
    assert rc.status().session is None
    assert not any(s.actual_start for s in ws.sessions()) and ws.all(TimerEvent) == []
    rc.start()
    for _ in ws.sessions()[1:]:
        rc.skip()
    last = rc.status().session
    fake.advance(minutes=30)
    rc.skip()                                         # past the last: the day ends
    assert rc.status().session is None
    assert rc.take_back() and rc.status().session == ws.get(Session, last.id)
    assert rc.status().elapsed_s == pytest.approx(30 * 60)


def test_only_the_latest_step_is_taken_back(ws, fake):
    rc = room(ws, fake)
    rc.start()
    rc.skip()
    rc.pause()                                        # something else happened since
    assert not rc.can_take_back() and not rc.take_back()
    assert rc.status().session.title == "グループディスカッション"
    assert not room(ws, fake).take_back()             # reopened: nothing to take back


def test_a_move_long_past_is_not_taken_back(ws, fake):
    rc = room(ws, fake)
    rc.start()
    rc.skip()
    fake.advance(seconds=TAKE_BACK_S + 1)             # a while later: Back is a move of its own
    assert not rc.can_take_back() and not rc.take_back()


@pytest.mark.parametrize("action", ["pause", "resume", "end"])
def test_actions_without_a_running_session_are_refused_clearly(ws, fake, action):
    with pytest.raises(FurikaeriError) as err:
        getattr(room(ws, fake), action)()
    assert err.value.text("en")


def test_whole_standard_programme_in_accelerated_time(ws, fake):
    """Run the day: orientation on time, groups overrun by 15, the rest replanned."""
    rc = room(ws, fake)
    rc.start()                       # 13:30 orientation, 20 min
    fake.advance(minutes=20)
    rc.start()                       # 13:50 group discussion, 70 min planned
    fake.advance(minutes=40)
    rc.pause()                       # a fire drill: 5 minutes paused
    fake.advance(minutes=5)
    rc.resume()
    fake.advance(minutes=45)         # ran 85 minutes: 15 over
    assert rc.status().phase == PHASE_OVER
    assert rc.drift_minutes() == pytest.approx(20)   # 15 over + 5 paused
    proposal = rc.proposal(min_break=5)
    assert proposal.saved_minutes == 20 and proposal.unabsorbed_minutes == 0
    rc.accept(proposal)
    by_title = {s.title: s for s in ws.sessions()}
    assert by_title["休憩"].planned_minutes >= 5
    assert sum(s.planned_minutes for s in ws.sessions()
               if s.title in ("休憩", "全体ディスカッション", "ラップアップ・クロージング")) == 120 - 20
    assert rc.drift_minutes() == pytest.approx(0)
    for title in ("休憩", "全体ディスカッション", "ラップアップ・クロージング"):
        rc.start()
        assert rc.status().session.title == title
        fake.advance(minutes=rc.status().session.planned_minutes)
        assert rc.status().remaining_s == pytest.approx(0)
    rc.end()
    got = {s.title: (s.actual_start[11:16], s.actual_end[11:16]) for s in ws.sessions()}
    assert got["オリエンテーション"] == ("13:30", "13:50")
    assert got["グループディスカッション"] == ("13:50", "15:20")
    assert got["ラップアップ・クロージング"][1] == "17:00"
    assert rc.current_session() is None
    pauses = [e for e in ws.all(TimerEvent) if e.event == "pause"]
    assert len(pauses) == 1


def test_displayed_time_does_not_drift_over_an_hour(ws, fake):
    rc = room(ws, fake)
    rc.start()
    for _ in range(3600):
        fake.advance(seconds=1)
        rc.status()
    assert rc.status().elapsed_s == pytest.approx(3600, abs=1e-6)


def test_proposal_never_squeezes_the_break_below_its_minimum():
    rest = [Session(id="b", kind="break", planned_minutes=10, order=1),
            Session(id="p", kind="plenary", planned_minutes=80, order=2),
            Session(id="w", kind="plenary", planned_minutes=30, order=3)]
    prop = agenda.propose(rest, 200, min_break=8)
    assert prop.minutes["b"] == 8
    assert prop.minutes["p"] == agenda.MIN_FLEX_MINUTES
    assert prop.unabsorbed_minutes == 200 - prop.saved_minutes > 0


def test_proposal_is_proportional_and_whole_minutes():
    rest = [Session(id="a", planned_minutes=65), Session(id="b", planned_minutes=35)]
    prop = agenda.propose(rest, 9)
    assert sum(s.planned_minutes - prop.minutes.get(s.id, s.planned_minutes) for s in rest) == 9
    assert 65 - prop.minutes["a"] > 35 - prop.minutes["b"]


@pytest.mark.parametrize("minutes", [0, -5, 24 * 60, 2.5, "30", True])
def test_bad_durations_are_refused(minutes):
    with pytest.raises(FurikaeriError):
        agenda.check_minutes(minutes)


def test_planned_starts_follow_the_start_time_and_durations(ws):
    slots = agenda.schedule(ws.sessions(), DAY, "13:30", JST)
    assert [s.start.strftime("%H:%M") for s in slots] == ["13:30", "13:50", "15:00", "15:10", "16:30"]
    assert slots[-1].end.strftime("%H:%M") == "17:00"


def test_a_start_time_already_past_shows_as_drift(ws, fake):
    fake.wall_at = datetime(2026, 11, 20, 13, 45, tzinfo=JST)  # nobody pressed start
    assert room(ws, fake).drift_minutes() == pytest.approx(15)


def test_agenda_command_prints_planned_and_actual_times(path, fake, capsys):
    from facilitator.cli import main
    with Workshop.open(path) as ws:
        rc = room(ws, fake)
        rc.start()
        fake.advance(minutes=25)
        rc.start()
    assert main(["agenda", str(path), "--json"]) == 0
    import json
    data = json.loads(capsys.readouterr().out)
    first, second = data["sessions"][:2]
    assert (first["planned_start"], first["planned_minutes"]) == ("13:30", 20)
    assert first["actual_start"].startswith("2026-11-20T13:30")
    assert first["actual_end"].startswith("2026-11-20T13:55")
    assert first["actual_minutes"] == 25
    assert second["groups"] == ["グループA", "グループB"] and second["actual_end"] is None
    assert {"drift_minutes", "projected_end"} <= data.keys()
    assert main(["agenda", str(path)]) == 0
    table = capsys.readouterr().out
    assert "オリエンテーション" in table and "13:30–13:55" in table
