"""The minutes' 予実: the plan the day started with, the replans, and what happened."""

from __future__ import annotations

from datetime import datetime

import pytest

from fake_time import DAY, FakeTime
from facilitator.agenda import day as days
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.agenda.timer import RoomClock
from facilitator.minutes import Options, gather, minutes_pdf
from facilitator.workshop import Workshop
from facilitator.workshop.model import Session
from tests.report_helpers import flat, pdf_pages

JA = Options(lang="ja", board_pictures=False)


def new_workshop(path):
    recs = records_from_template(read_template("standard"),
                                 on=datetime.fromisoformat(DAY).date())
    return Workshop.create(path, recs)


def run_with_a_replan(ws, fake):
    """Orientation on time, groups 15 over, the rest replanned and held as replanned."""
    rc = RoomClock(ws, clock=fake.clock, wall=fake.wall)
    rc.start()
    fake.advance(minutes=20)
    rc.start()
    fake.advance(minutes=85)
    rc.accept(rc.proposal())
    for s in ws.sessions()[2:]:
        rc.start(s.id)
        fake.advance(minutes=ws.get(Session, s.id).planned_minutes)
    rc.end()
    return rc


@pytest.fixture(scope="module")
def replanned(tmp_path_factory):
    ws = new_workshop(tmp_path_factory.mktemp("day") / "replanned.furikaeri")
    run_with_a_replan(ws, FakeTime())
    yield ws
    ws.close()


def programme_text(ws) -> str:
    pages = pdf_pages(minutes_pdf(gather(ws), JA))
    text = flat("".join(pages))
    start = text.index("プログラム（予実）", text.index("プログラム（予実）") + 1)  # after 目次
    return text[start:text.index("セッション", start + 40) + 2000]


def test_the_programme_table_has_plan_replan_and_actual(replanned):
    text = programme_text(replanned)
    for head in ("予定", "再計画", "実績", "差"):
        assert head in text
    plenary = next(s for s in replanned.sessions() if s.title == "全体ディスカッション")
    new = plenary.planned_minutes
    assert new < 80
    # The plan as it was (15:10–16:30, 80 min), the replan, and what was held.
    assert "全体ディスカッション15:10–16:3080分" + f"{new}分" in text
    assert "13:50–15:0070分" in text and "13:50–15:1585分" in text   # groups: 15 over
    assert "15:15再計画：" in text and f"全体ディスカッション80→{new}分" in text
    assert "実施13:30–17:00" in text


def test_the_plan_does_not_pretend_the_replanned_minutes_were_planned(replanned):
    minutes = gather(replanned)
    plenary = next(p for p in minutes.sessions if p.session.title == "全体ディスカッション")
    assert plenary.planned_minutes == 80
    assert plenary.replanned_minutes == plenary.session.planned_minutes < 80
    assert f"{plenary.planned_start:%H:%M}–{plenary.planned_end:%H:%M}" == "15:10–16:30"
    assert plenary.overrun_minutes == pytest.approx(0)   # held its replanned time


def test_a_day_started_now_prints_the_moved_plan_and_says_so(tmp_path):
    fake = FakeTime(23, 0)
    with new_workshop(tmp_path / "late.furikaeri") as ws:
        rc = RoomClock(ws, clock=fake.clock, wall=fake.wall)
        rc.start(anchor=days.ANCHOR_SHIFT)
        fake.advance(minutes=25)
        rc.start()
        fake.advance(minutes=70)
        rc.end()
        text = programme_text(ws)
    assert "23:00–23:2020分" in text and "23:00–23:2525分" in text
    assert "23:20–00:3070分" in text
    assert "予定を実際の開始に合わせてずらしました（11/2013:30開始→11/2023:00開始）" in text
    assert "571" not in text
