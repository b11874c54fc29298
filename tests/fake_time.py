"""A fake clock for the timer tests (core and window): monotonic and wall time moved by hand."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

JST = timezone(timedelta(hours=9))
DAY = "2026-11-20"


class FakeTime:
    """A monotonic clock and a wall clock that tests move by hand (DAY, 13:30 JST)."""

    def __init__(self, hour: int = 13, minute: int = 30):
        self.mono = 1000.0
        self.wall_at = datetime(2026, 11, 20, hour, minute, tzinfo=JST)

    def clock(self):
        return self.mono

    def wall(self):
        return self.wall_at

    def advance(self, minutes=0.0, seconds=0.0):
        delta = minutes * 60 + seconds
        self.mono += delta
        self.wall_at += timedelta(seconds=delta)
