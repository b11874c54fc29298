"""The room clock: start, pause, resume, add time, skip, go back, end.

Pure: the monotonic clock and the wall clock are passed in.  While the app
runs, elapsed time comes from the monotonic clock only (``CLOCK_BOOTTIME``
where there is one, so a laptop's sleep counts as time that passed in the
room), so moving the system clock changes nothing.  Every action is logged
as a :class:`TimerEvent` in the workshop file together with the session's
actual start/end; reopening the file replays the log and, if a session was
running, adds the wall time since the last entry: closing the app or a
crash does not stop the room's clock.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from facilitator.agenda import day as days
from facilitator.agenda import plan as agenda
from facilitator.workshop.changes import Change
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.model import Record, Session, Setting, TimerEvent, new_id
from facilitator.workshop.workshop import Workshop

START, PAUSE, RESUME, ADJUST, END = "start", "pause", "resume", "adjust", "end"
#: A move between sessions can be taken back this long after it (F6 by mistake, noticed
#: at once); later, going back is a move of its own (the previous session goes on).
TAKE_BACK_S = 120
#: A day stopped part-way is over once it has stood still this long (or since another date).
STALE_HOURS = 12

#: Colour phases of the room clock by share of time left.
PHASE_NORMAL, PHASE_WARN, PHASE_FINAL, PHASE_OVER = "normal", "warn", "final", "over"
WARN_FRACTION, FINAL_FRACTION = 0.20, 0.05


def default_clock() -> float:
    """Monotonic seconds that include system sleep where the OS offers it."""
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


@dataclass(frozen=True)
class ClockStatus:
    """What the room clock shows now."""

    session: Session | None
    running: bool
    paused: bool
    elapsed_s: float
    planned_s: float          # planned minutes plus time added or removed
    remaining_s: float        # negative when overrunning

    @property
    def phase(self) -> str:
        if self.session is None or self.planned_s <= 0:
            return PHASE_NORMAL
        if self.remaining_s < 0:
            return PHASE_OVER
        left = self.remaining_s / self.planned_s
        if left <= FINAL_FRACTION:
            return PHASE_FINAL
        if left <= WARN_FRACTION:
            return PHASE_WARN
        return PHASE_NORMAL


def _paused(log: list[TimerEvent]) -> bool:
    """Whether the log's latest clock state is paused."""
    for e in reversed(log):
        if e.event == PAUSE:
            return True
        if e.event in (START, RESUME, END):
            return False
    return False


class RoomClock:
    """The workshop's one clock (groups working in parallel share it)."""

    def __init__(self, workshop: Workshop, clock: Callable[[], float] = default_clock,
                 wall: Callable[[], datetime] = lambda: datetime.now().astimezone()) -> None:
        self.ws = workshop
        self.clock = clock
        self.wall = wall
        self._mono_ref = clock()
        # The last move between sessions (start, next, end), the reference before it and
        # when it was made, while nothing else has been logged since: what take_back() undoes.
        self._move: tuple[Change, float, float] | None = None
        log = self.ws.all(TimerEvent)
        if log and log[-1].event != END and not _paused(log):
            # Reopened while a session ran: the room's time went on meanwhile.
            gone = (wall() - datetime.fromisoformat(log[-1].at)).total_seconds()
            self._mono_ref -= max(0.0, gone)

    # -- reading the log ---------------------------------------------------------
    def events(self, session_id: str | None = None) -> list[TimerEvent]:
        evs = self.ws.all(TimerEvent)
        return [e for e in evs if session_id is None or e.session_id == session_id]

    def _last_event(self) -> TimerEvent | None:
        evs = self.ws.all(TimerEvent)
        return evs[-1] if evs else None

    def current_session(self) -> Session | None:
        """The session started and not ended, if any."""
        last = self._last_event()
        if last is None or last.event == END:
            return None
        return self.ws.get(Session, last.session_id)

    def status(self) -> ClockStatus:
        """The clock's reading now (reads the log once: this runs on every tick)."""
        log = self.ws.all(TimerEvent)
        last = log[-1] if log else None
        session = self.ws.get(Session, last.session_id) if last and last.event != END else None
        if session is None:
            return ClockStatus(None, False, False, 0.0, 0.0, 0.0)
        paused = _paused(log)
        elapsed = last.elapsed_s + (0.0 if paused else self.clock() - self._mono_ref)
        added = sum(e.minutes for e in log if e.event == ADJUST and e.session_id == session.id)
        planned = (session.planned_minutes + added) * 60.0
        return ClockStatus(session, not paused, paused, elapsed, planned, planned - elapsed)

    def added_minutes(self, session_id: str) -> float:
        return sum(e.minutes for e in self.events(session_id) if e.event == ADJUST)

    # -- acting ------------------------------------------------------------------
    def start(self, session_id: str | None = None, anchor: str | None = None) -> None:
        """Start ``session_id`` (default: the next one); ends the running one.

        A session that ran before goes on from the time it had used.  The
        first start of the day keeps the plan as it stands (the original
        plan) and where its times sit: ``anchor`` is
        :data:`~facilitator.agenda.day.ANCHOR_SHIFT` to move the plan to now
        ("start now"), :data:`~facilitator.agenda.day.ANCHOR_PLAN` to keep its
        clock times; None decides by :func:`~facilitator.agenda.day.auto_anchor`.
        """
        current = self.current_session()
        target = self.ws.get(Session, session_id) if session_id else self._neighbour(current, +1)
        if target is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "There is no session to start."))
        log, sessions = self._ending(current)
        log.append((target, START, self._elapsed_when_ended(target.id), 0.0))
        t = sessions.get(target.id, target)
        sessions[target.id] = t.replace(actual_start=t.actual_start or self._wall_iso(),
                                        actual_end=None)
        settings = self._first_start(target, anchor)
        self._move = self._commit(log, sessions, settings)

    def _first_start(self, target: Session, anchor: str | None) -> list[Setting]:
        """The Settings the day's first start keeps: the original plan and its anchor."""
        if any(s.actual_start for s in self.ws.sessions()):
            return []
        out = [days.original_plan_record(self.ws)]
        if anchor is None:
            slot = self.day().slots.get(target.id)
            anchor = days.auto_anchor(slot.start, self.wall()) if slot else days.ANCHOR_PLAN
        out.append(Setting(id=days.ANCHOR_SETTING, value=anchor))
        return [r for r in out if r is not None]

    def start_question(self, session_id: str | None = None) -> datetime | None:
        """The planned start, when starting now would be far from it (else None).

        Asked before the day's first start only: the window then offers to
        start as planned or to move the plan to now.
        """
        if any(s.actual_start for s in self.ws.sessions()):
            return None
        target = (self.ws.get(Session, session_id) if session_id
                  else self._neighbour(self.current_session(), +1))
        slot = self.day().slots.get(target.id) if target else None
        if slot is None or not days.far_from_plan(slot.start, self.wall()):
            return None
        return slot.start

    def set_anchor(self, anchor: str) -> Change:
        """Once the day started: keep the plan's clock times, or move them to the actual start.

        An ordinary edit (Undo takes it back).
        """
        if not any(s.actual_start for s in self.ws.sessions()):
            raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "The day has not started yet."))
        old = self.ws.get(Setting, days.ANCHOR_SETTING)
        new = Setting(id=days.ANCHOR_SETTING, value=anchor)
        if old is None:
            return self.ws.apply(Change(added=(new,), label="anchor"))
        return self.ws.apply(Change(updated=((old, new),), label="anchor"))

    def pause(self) -> None:
        st = self._require_running()
        self._commit([(st.session, PAUSE, st.elapsed_s, 0.0)])

    def resume(self) -> None:
        st = self.status()
        if st.session is None or not st.paused:
            raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "The clock is not paused."))
        self._commit([(st.session, RESUME, st.elapsed_s, 0.0)])

    def adjust(self, minutes: float) -> None:
        """Add (or with a negative number remove) minutes to the running session."""
        st = self.status()
        if st.session is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "No session is running."))
        if st.planned_s + minutes * 60 < 60:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "A session cannot be shorter than one minute."))
        log = [(st.session, ADJUST, st.elapsed_s, float(minutes))]
        if st.paused:  # adding time keeps a paused clock paused
            log.append((st.session, PAUSE, st.elapsed_s, 0.0))
        self._commit(log)

    def skip(self) -> None:
        """End the current session and start the next one (or end the day)."""
        nxt = self._neighbour(self.current_session(), +1)
        if nxt is None:
            self.end()
        else:
            self.start(nxt.id)

    def back(self) -> None:
        """Return to the previous session (its clock goes on from where it ended)."""
        prev = self._neighbour(self.current_session(), -1)
        if prev is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "There is no earlier session."))
        self.start(prev.id)

    def end(self) -> None:
        """End the running session."""
        current = self.current_session()
        if current is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "No session is running."))
        self._move = self._commit(*self._ending(current))

    def can_take_back(self) -> bool:
        """Whether the last move between sessions is the last thing the clock logged,
        made at most :data:`TAKE_BACK_S` ago."""
        if self._move is None:
            return False
        change, _, at = self._move
        if self.clock() - at > TAKE_BACK_S:
            return False
        events = [r for r in change.added if isinstance(r, TimerEvent)]
        last = self._last_event()
        return (bool(events) and last is not None and last.id == events[-1].id
                and all(self.ws.get(type(after), after.id) == after
                        for _, after in change.updated))

    def take_back(self) -> bool:
        """Undo the last start, next session or end as if it had never happened.

        F6 pressed by mistake: the session that ran goes on, its time counting
        through the seconds the mistake lasted; the one started loses its
        actual start (the day's first start: the day has not started).  Only
        right after the move (:meth:`can_take_back`, in this run of the app):
        later, or once the clock logged anything else, False and nothing changes.
        """
        if not self.can_take_back():
            return False
        change, before, _ = self._move
        self._move = None
        now, self._mono_ref = self._mono_ref, before   # listeners read the status
        try:
            self.ws.apply(change.reversed(), record=False)
        except BaseException:
            self._mono_ref = now
            raise
        return True

    # -- the plan against the clock ------------------------------------------------
    def day(self) -> days.Day:
        """The plan (original, anchored), the replans and the day's actual start and end."""
        return days.read_day(self.ws, self.wall().tzinfo)

    def actual_end(self, day: days.Day | None = None) -> datetime | None:
        """When the day ended: its last session's end, or where it stopped long ago."""
        day = day or self.day()
        if day.ended is not None:
            return day.ended
        if day.started is None or self.current_session() is not None:
            return None
        ends = [datetime.fromisoformat(s.actual_end) for s in self.ws.sessions()
                if s.actual_end]
        last, now = max(ends, default=None), self.wall()
        if last is not None and (now.date() != last.astimezone(now.tzinfo).date()
                                 or now - last > timedelta(hours=STALE_HOURS)):
            return last
        return None

    def projected_end(self) -> datetime | None:
        """When the last session will end if the rest keeps its plan (the actual end once over)."""
        sessions = self.ws.sessions()
        if not sessions:
            return None
        day = self.day()
        ended = self.actual_end(day)
        if ended is not None:
            return ended
        st = self.status()
        now = self.wall()
        if st.session is None:
            if day.started is None:  # nothing ran yet: the plan, or later if its start passed
                if not day.planned:
                    return None
                late = now - day.planned[0].start
                if late.total_seconds() <= 0:
                    return day.planned[-1].end
                return day.planned[-1].end + late  # (moved along with the plan when far)
            done = max(s.order for s in sessions if s.actual_start)
            rest = [s for s in sessions if s.order > done]
        else:
            rest = [s for s in sessions if s.order > st.session.order]
            now += timedelta(seconds=max(0.0, st.remaining_s))
        return now + timedelta(minutes=sum(s.planned_minutes for s in rest))

    def planned_end(self, tz=None, day: days.Day | None = None) -> datetime | None:
        """The end the day aims at: the workshop's end time (else the agenda's end),
        moved with the plan when the day was started "now"."""
        sessions = self.ws.sessions()
        info = self.ws.info
        day = day or self.day()
        tz = day.started.tzinfo if day.started else tz
        shift = day.shift if day.started else self._shift_if_started_now(day)
        if info.end_time:
            return agenda.day_start(info.date, info.end_time, tz) + shift
        if not sessions:
            return None
        return agenda.schedule(sessions, info.date, info.start_time, tz)[-1].end + shift

    def _shift_if_started_now(self, day: days.Day) -> timedelta:
        """Before the first start: how far starting now would move the plan (0: not at all).

        A plan whose start passed long ago (or on another date) is not "late"
        before anything ran: starting it will move it to now.
        """
        if not day.planned:
            return timedelta(0)
        late = self.wall() - day.planned[0].start
        if late.total_seconds() > 0 and days.far_from_plan(day.planned[0].start, self.wall()):
            return late
        return timedelta(0)

    def drift_minutes(self) -> float:
        """Minutes the day is projected to end after its planned end (negative: early).

        Once the day is over: how much later than planned it ended.
        """
        day = self.day()
        end = self.projected_end()
        planned = self.planned_end(end.tzinfo if end else None, day)
        if end is None or planned is None:
            return 0.0
        return (end - planned).total_seconds() / 60

    def proposal(self, min_break: int = 5) -> agenda.Proposal:
        """Shorten what is still to come so the day ends at the workshop's end time."""
        end = self.projected_end()
        if end is None:
            return agenda.Proposal({}, 0, 0)
        over = self.drift_minutes()
        st = self.status()
        done_order = st.session.order if st.session else max(
            (s.order for s in self.ws.sessions() if s.actual_start), default=-1)
        rest = [s for s in self.ws.sessions() if s.order > done_order]
        return agenda.propose(rest, over, min_break=min_break)

    def accept(self, proposal: agenda.Proposal) -> Change:
        """Apply a proposal's new durations (one undoable agenda edit), remembered as a replan."""
        sessions = {s.id: s for s in self.ws.sessions()}
        change = proposal.change(sessions)
        current = self.current_session()
        kept = days.replan_records(self.ws, [after for _, after in change.updated], self.wall(),
                                   current.id if current else None)
        return self.ws.apply(Change(change.added + tuple(kept), change.updated, change.removed,
                                    change.label))

    # -- helpers -------------------------------------------------------------------
    def _require_running(self) -> ClockStatus:
        st = self.status()
        if st.session is None or st.paused:
            raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "No session is running."))
        return st

    def _neighbour(self, current: Session | None, step: int) -> Session | None:
        sessions = self.ws.sessions()
        if current is None:
            if step < 0:
                return None
            done = [s for s in sessions if s.actual_end]
            after = max((s.order for s in done), default=-1)
            return next((s for s in sessions if s.order > after), None)
        idx = [s.id for s in sessions].index(current.id) + step
        return sessions[idx] if 0 <= idx < len(sessions) else None

    def _elapsed_when_ended(self, session_id: str) -> float:
        evs = self.events(session_id)
        return evs[-1].elapsed_s if evs else 0.0

    def _wall_iso(self) -> str:
        return self.wall().isoformat(timespec="seconds")

    def _ending(self, current: Session | None) -> tuple[list, dict[str, Session]]:
        """Log entries and session updates that end ``current`` (if any)."""
        if current is None:
            return [], {}
        st = self.status()
        return ([(current, END, st.elapsed_s, 0.0)],
                {current.id: current.replace(actual_end=self._wall_iso())})

    def _commit(self, log: list[tuple[Session, str, float, float]],
                sessions: dict[str, Session] | None = None,
                records: list[Record] = ()) -> tuple[Change, float, float]:
        """Log and apply; (the change, the monotonic reference before it, and after)."""
        last = self._last_event()
        seq = last.seq if last else 0
        at = self._wall_iso()
        added = tuple(TimerEvent(id=new_id(), seq=seq + i, session_id=s.id, event=kind, at=at,
                                 elapsed_s=round(elapsed, 3), minutes=minutes)
                      for i, (s, kind, elapsed, minutes) in enumerate(log, start=1))
        updated = tuple((self.ws.get(Session, sid), rec) for sid, rec in (sessions or {}).items()
                        if self.ws.get(Session, sid) != rec)
        # Settings kept with the log (the day's plan and anchor) replace any left before.
        old = {r.id: self.ws.get(type(r), r.id) for r in records}
        updated += tuple((old[r.id], r) for r in records if old[r.id] is not None)
        records = [r for r in records if old[r.id] is None]
        # The new reference before apply: its listeners read the clock's status.
        previous, self._mono_ref = self._mono_ref, self.clock()
        try:
            # The clock's log records what happened; it is not an edit to undo.
            change = Change(added=added + tuple(records), updated=updated, label="timer")
            self.ws.apply(change, record=False)
        except BaseException:
            self._mono_ref = previous
            raise
        self._move = None   # a move sets it again (start, end)
        return change, previous, self._mono_ref
