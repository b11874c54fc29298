"""The agenda's plan: planned start times, drift, and a proposal to absorb an overrun.

Planned start times follow from the workshop's start time and the sessions'
durations (a session with a fixed ``planned_start`` resets the running time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from facilitator.workshop.changes import Change
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.model import KIND_BREAK, Session

#: A session may be planned for 1 minute to 12 hours.
MIN_MINUTES, MAX_MINUTES = 1, 12 * 60
#: Shortest a non-break session may be squeezed to by a replanning proposal.
MIN_FLEX_MINUTES = 5


@dataclass(frozen=True)
class Slot:
    """A session's place in the plan."""

    session: Session
    start: datetime
    end: datetime


def parse_hhmm(text: str) -> tuple[int, int]:
    """``"13:30"`` -> ``(13, 30)``; a clear error for anything else."""
    try:
        hh, mm = (int(p) for p in text.strip().split(":"))
        if not (0 <= hh < 24 and 0 <= mm < 60):
            raise ValueError
    except (ValueError, AttributeError):
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{text} is not a time of day (HH:MM)."), text=text) from None
    return hh, mm


def check_minutes(minutes: object) -> int:
    """Planned minutes as a whole number from 1 to 720, else a clear error."""
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not (
            MIN_MINUTES <= minutes <= MAX_MINUTES):
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "A session lasts from {low} to {high} minutes, not {value}."),
            low=MIN_MINUTES, high=MAX_MINUTES, value=minutes)
    return minutes


def day_start(date_iso: str, hhmm: str, tz=None) -> datetime:
    """The datetime of ``hhmm`` on ``date_iso`` (local time zone)."""
    hh, mm = parse_hhmm(hhmm)
    try:
        day = datetime.fromisoformat(date_iso) if date_iso else datetime.now()
    except ValueError:
        day = datetime.now()
    tz = tz or datetime.now().astimezone().tzinfo
    return day.replace(hour=hh, minute=mm, second=0, microsecond=0, tzinfo=tz)


def schedule(sessions: list[Session], date_iso: str, start_hhmm: str, tz=None) -> list[Slot]:
    """Planned start and end of every session, in order."""
    at = day_start(date_iso, start_hhmm, tz)
    slots = []
    for s in sorted(sessions, key=lambda s: s.order):
        if s.planned_start:
            at = day_start(date_iso, s.planned_start, tz)
        end = at + timedelta(minutes=s.planned_minutes)
        slots.append(Slot(s, at, end))
        at = end
    return slots


@dataclass(frozen=True)
class Proposal:
    """New planned minutes for the sessions still to come."""

    minutes: dict[str, int]          # session id -> proposed minutes
    saved_minutes: int               # how much the proposal takes off
    unabsorbed_minutes: int          # overrun it could not absorb (0 when it fits)

    def change(self, sessions: dict[str, Session]) -> Change:
        """The agenda edit that accepts this proposal (one undo step)."""
        return Change(updated=tuple(
            (sessions[sid], sessions[sid].replace(planned_minutes=m))
            for sid, m in self.minutes.items() if sessions[sid].planned_minutes != m),
            label="replan")


def propose(remaining: list[Session], overrun_minutes: float,
            min_break: int = 5, min_other: int = MIN_FLEX_MINUTES) -> Proposal:
    """Shorten ``remaining`` sessions proportionally to absorb ``overrun_minutes``.

    Each session gives up time in proportion to what it has above its floor
    (``min_break`` for breaks, ``min_other`` for the rest); none goes below
    its floor, and the total taken is whole minutes, never more than needed.
    """
    need = max(0, int(-(-overrun_minutes // 1)))  # ceil
    floors = {s.id: (min_break if s.kind == KIND_BREAK else min_other) for s in remaining}
    spare = {s.id: max(0, s.planned_minutes - floors[s.id]) for s in remaining}
    total = sum(spare.values())
    take = min(need, total)
    if take == 0:
        return Proposal({}, 0, need)
    shares = {sid: take * sp / total for sid, sp in spare.items()}
    cut = {sid: int(v) for sid, v in shares.items()}
    # Hand out the minutes lost to rounding to the largest remainders.
    for sid in sorted(shares, key=lambda k: shares[k] - cut[k], reverse=True)[:take - sum(cut.values())]:
        cut[sid] += 1
    minutes = {s.id: s.planned_minutes - cut[s.id] for s in remaining if cut[s.id]}
    return Proposal(minutes, take, need - take)
