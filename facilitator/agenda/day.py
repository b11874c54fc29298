"""The day as it was run: the plan it started with, where that plan sits, replans, its end.

Three things are kept apart, so that 予実 (plan against actual) stays faithful:

* the *original plan*: every session's planned minutes (and fixed start) as
  they stood when the first session of the day started, kept in the Setting
  :data:`PLAN_SETTING`.  Replans change the sessions' ``planned_minutes``
  (the *current* plan); the original stays as it was;
* the *anchor*: a day run late or as a rehearsal starts far from the plan's
  clock times.  The Setting :data:`ANCHOR_SETTING` says whether the plan's
  times stand as written (``"plan"``) or were shifted so that the session that
  started first starts at its actual start (``"shift"``, "start now").  Every
  planned time, the end of the day and so the drift follow the anchor.  A file
  without the Setting (from before it existed) is read by the same rule the
  clock applies when the day starts: shifted when the first start was more than
  :data:`FAR_FROM_PLAN_MINUTES` off the plan or on another date;
* the *replans*: one Setting ``replan:<id>`` per accepted replan or agenda
  edit during the day, with when it happened and each session's minutes
  before and after.  Added in the same change as the new minutes, so Undo
  takes both back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from facilitator.agenda.plan import Slot, day_start, schedule
from facilitator.errors import FurikaeriError
from facilitator.i18n import translate
from facilitator.workshop.model import Record, Session, Setting, WorkshopInfo, new_id

PLAN_SETTING = "clock:original-plan"
ANCHOR_SETTING = "clock:anchor"
REPLAN_PREFIX = "replan:"
ANCHOR_PLAN, ANCHOR_SHIFT = "plan", "shift"
#: A first start further than this from the plan (or on another date) shifts the plan.
FAR_FROM_PLAN_MINUTES = 30


@dataclass(frozen=True)
class Replan:
    """One change of the plan during the day (an accepted proposal or an agenda edit)."""

    at: datetime
    changes: tuple[tuple[str, str, int, int], ...]   # (session id, title, before, after)
    session_id: str | None = None                    # the session running then


@dataclass(frozen=True)
class Day:
    """The plan and the day as run, read from a workshop (see the module's docstring)."""

    planned: list[Slot]              # the original plan, at its anchored times
    current: dict[str, int]          # session id -> planned minutes now (after replans)
    original: dict[str, int]         # session id -> planned minutes when the day started
    anchor: str                      # ANCHOR_PLAN or ANCHOR_SHIFT
    shift: timedelta                 # how far the plan's times were moved (0 as planned)
    started: datetime | None         # actual start of the day
    ended: datetime | None           # actual end, once the day is over
    planned_end: datetime | None     # end of the original plan (the workshop's end time)
    replans: list[Replan]

    @property
    def slots(self) -> dict[str, Slot]:
        return {s.session.id: s for s in self.planned}

    @property
    def over(self) -> bool:
        return self.ended is not None

    def final_difference_minutes(self) -> float | None:
        """Minutes the day ended after its planned end (negative: early); None until over."""
        if self.ended is None or self.planned_end is None:
            return None
        return (self.ended - self.planned_end).total_seconds() / 60


def _dt(iso: str) -> datetime:
    return datetime.fromisoformat(iso)


def _setting(ws, key: str):
    rec = ws.get(Setting, key)
    return rec.value if rec is not None else None


def plan_snapshot(info: WorkshopInfo, sessions: list[Session]) -> dict:
    """The Setting value that keeps the plan as it stands (taken when the day starts)."""
    return {"date": info.date, "start_time": info.start_time, "end_time": info.end_time,
            "sessions": {s.id: [s.planned_minutes, s.planned_start] for s in sessions}}


def original_plan_record(ws) -> Setting | None:
    """The Setting keeping today's plan, if it is not kept yet (else None)."""
    if ws.get(Setting, PLAN_SETTING) is not None:
        return None
    return Setting(id=PLAN_SETTING, value=plan_snapshot(ws.info, ws.sessions()))


def _original_sessions(ws, snapshot: dict | None) -> list[Session]:
    """The sessions as they were planned when the day started (today's, if not kept)."""
    sessions = ws.sessions()
    if not snapshot:
        return sessions
    kept = snapshot.get("sessions", {})
    # Sessions added during the day keep their minutes; removed ones are gone.
    return [s.replace(planned_minutes=kept[s.id][0], planned_start=kept[s.id][1])
            if s.id in kept else s for s in sessions]


def auto_anchor(planned_start: datetime, actual_start: datetime) -> str:
    """How a first start relates to the plan when the facilitator was not asked."""
    return ANCHOR_SHIFT if far_from_plan(planned_start, actual_start) else ANCHOR_PLAN


def far_from_plan(planned_start: datetime, at: datetime) -> bool:
    """Whether starting at ``at`` is "another day" for a plan starting at ``planned_start``."""
    off = abs((at - planned_start).total_seconds()) / 60
    return at.date() != planned_start.astimezone(at.tzinfo).date() or off > FAR_FROM_PLAN_MINUTES


def read_day(ws, tz: tzinfo | None = None) -> Day:
    """The plan and the day of ``ws`` (pure: nothing depends on the time now)."""
    info = ws.info
    snapshot = _setting(ws, PLAN_SETTING)
    sessions = ws.sessions()
    started = [s for s in sessions if s.actual_start]
    first = min(started, key=lambda s: _dt(s.actual_start)) if started else None
    # The plan's clock times are read in the time zone the day happened in.
    tz = _dt(first.actual_start).tzinfo if first else tz
    date = (snapshot or {}).get("date", info.date)
    start_time = (snapshot or {}).get("start_time", info.start_time)
    end_time = (snapshot or {}).get("end_time", info.end_time)
    original_sessions = _original_sessions(ws, snapshot)
    try:
        planned = schedule(original_sessions, date, start_time, tz)
        end = day_start(date, end_time, tz) if end_time else (
            planned[-1].end if planned else None)
    except FurikaeriError:  # a start time that is not HH:MM: no clock times
        planned, end = [], None
    anchor, shift = ANCHOR_PLAN, timedelta(0)
    began = _dt(first.actual_start) if first else None
    if first is not None and planned:
        slot = next(s for s in planned if s.session.id == first.id)
        anchor = _setting(ws, ANCHOR_SETTING) or auto_anchor(slot.start, began)
        if anchor == ANCHOR_SHIFT:
            shift = began - slot.start
    if shift:
        planned = [Slot(s.session, s.start + shift, s.end + shift) for s in planned]
        end = end + shift if end else None
    return Day(planned, {s.id: s.planned_minutes for s in sessions},
               {s.id: s.planned_minutes for s in original_sessions}, anchor, shift, began,
               _ended(sessions), end, replans(ws))


def _ended(sessions: list[Session]) -> datetime | None:
    """The actual end of a day that is over: nothing runs and its last session ended."""
    if not sessions or any(s.actual_start and not s.actual_end for s in sessions):
        return None
    if not sessions[-1].actual_end:
        return None
    return max(_dt(s.actual_end) for s in sessions if s.actual_end)


def replans(ws) -> list[Replan]:
    """The replans of the day, in the order they happened."""
    out = []
    titles = {s.id: s.title for s in ws.sessions()}
    for rec in ws.all(Setting):
        if not rec.id.startswith(REPLAN_PREFIX) or not isinstance(rec.value, dict):
            continue
        v = rec.value
        changes = tuple((sid, titles.get(sid, title), int(old), int(new))
                        for sid, title, old, new in v.get("changes", []))
        out.append((v.get("seq", 0), Replan(_dt(v["at"]), changes, v.get("session_id"))))
    return [r for _, r in sorted(out, key=lambda p: (p[1].at, p[0]))]


def replan_records(ws, after: list[Session], at: datetime,
                   running_id: str | None = None) -> list[Record]:
    """What to add beside an agenda change during the day, so the replan is remembered.

    ``after`` are the sessions as the change leaves them.  Nothing before the
    day started (that is still planning) or when no planned minutes change.
    """
    if not any(s.actual_start for s in ws.sessions()):
        return []
    before = {s.id: s for s in ws.sessions()}
    changes = [[s.id, s.title, before[s.id].planned_minutes, s.planned_minutes]
               for s in sorted(after, key=lambda s: s.order)
               if s.id in before and before[s.id].planned_minutes != s.planned_minutes]
    if not changes:
        return []
    seq = sum(1 for r in ws.all(Setting) if r.id.startswith(REPLAN_PREFIX)) + 1
    out: list[Record] = [Setting(id=REPLAN_PREFIX + new_id(), value={
        "seq": seq, "at": at.isoformat(timespec="seconds"), "session_id": running_id,
        "changes": changes})]
    original = original_plan_record(ws)  # a file whose day began before plans were kept
    if original is not None:
        out.insert(0, original)
    return out


def replan_line(at: datetime, changes: list[tuple[str, int, int]]) -> str:
    """「15:12 再計画：全体ディスカッション 80→70分、ラップアップ 30→25分」"""
    what = translate("Agenda", ", ").join(
        translate("Agenda", "{title} {old}→{new} min").format(title=t, old=o, new=n)
        for t, o, n in changes)
    return translate("Agenda", "{time} replanned: {changes}").format(
        time=f"{at:%H:%M}", changes=what)


def shift_line(day: Day) -> str | None:
    """Says that the plan's times were moved to the day's actual start (None if not)."""
    if day.anchor != ANCHOR_SHIFT or not day.planned or not day.shift:
        return None
    start = day.planned[0].start
    return translate(
        "Agenda", "The plan was moved to the actual start: {start} instead of {written}.").format(
        start=f"{start:%m/%d %H:%M}", written=f"{start - day.shift:%m/%d %H:%M}")
