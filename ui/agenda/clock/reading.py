"""What a room clock face shows (:class:`Reading`), without the widgets that paint it.

Kept apart from :mod:`ui.agenda.clock.face` so the window can follow the clock from
its first second and load the faces only when one is shown.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from facilitator.agenda.timer import PHASE_FINAL, PHASE_NORMAL, PHASE_OVER, PHASE_WARN, ClockStatus

#: (background, text) of each phase: calm blue, amber at 20% left, orange at 5%, red over.
#: Every face's text (title, prompts, digits) has ≥ 4.5:1 contrast: dark text on amber
#: and orange (white on that orange was 3.6:1); the four backgrounds stay apart with
#: colour blindness too (tests/agenda/test_room_clock_screens.py).
PHASE_COLOURS = {
    PHASE_NORMAL: ("#1E3A5F", "#FFFFFF"),
    PHASE_WARN: ("#F2B705", "#111111"),
    PHASE_FINAL: ("#E8590C", "#111111"),
    PHASE_OVER: ("#C1121F", "#FFFFFF"),
}
IDLE_COLOURS = ("#3A3F44", "#D8D8D8")
#: The room clock's 「閉じる（Esc）」: white on black at this opacity over any face.
HINT_TEXT = "#FFFFFF"
HINT_SHADE = 0.72
HINT_BACKGROUND = f"rgba(0, 0, 0, {round(HINT_SHADE * 255)})"


def clock_text(remaining_s: float) -> str:
    """``12:34`` counting down (whole seconds, rounded up); ``+03:12`` counting up when over."""
    if remaining_s >= 0:
        secs, sign = math.ceil(remaining_s - 1e-6), ""
    else:
        secs, sign = math.floor(-remaining_s + 1e-6), "+"
    hours, rest = divmod(int(secs), 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{seconds:02d}"
    return f"{sign}{minutes:02d}:{seconds:02d}"


@dataclass(frozen=True)
class Reading:
    """What a face shows; equal readings need no repaint."""

    text: str = "--:--"
    phase: str = PHASE_NORMAL
    title: str = ""
    prompts: tuple[str, ...] = ()
    paused: bool = False
    idle: bool = True

    @classmethod
    def of(cls, status: ClockStatus) -> "Reading":
        if status.session is None:
            return cls()
        return cls(clock_text(status.remaining_s), status.phase, status.session.title,
                   tuple(status.session.prompts), status.paused, False)

    @property
    def colours(self) -> tuple[str, str]:
        return IDLE_COLOURS if self.idle else PHASE_COLOURS[self.phase]
