"""``furikaeri agenda``: the programme with the plan, its replans and the actual times (予実)."""

from __future__ import annotations

import json
import sys
from datetime import datetime

from facilitator.agenda import day as days
from facilitator.agenda.timer import RoomClock
from facilitator.i18n import translate
from facilitator.workshop.model import Group
from facilitator.workshop.workshop import Workshop


def _hhmm(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M") if iso else ""


def _clock(at: datetime | None) -> str | None:
    return at.strftime("%H:%M") if at else None


def _minutes(td) -> float:
    return round(td.total_seconds() / 60, 1)


def agenda_data(ws: Workshop, clock: RoomClock) -> dict:
    """The agenda as ``furikaeri agenda --json`` prints it.

    Per session: the original plan (``planned_*``, at the times the day was
    anchored to), the minutes after replans (``replanned_minutes``, None when
    unchanged) and what happened (``actual_*``).  Then the replans, and either
    the drift and projected end (while the day runs) or its actual end and the
    final difference from the plan (once it is over).
    """
    day = clock.day()
    slots = day.slots
    sessions = []
    for s in ws.sessions():
        slot = slots.get(s.id)
        actual = None
        if s.actual_start and s.actual_end:
            actual = _minutes(datetime.fromisoformat(s.actual_end)
                              - datetime.fromisoformat(s.actual_start))
        original = day.original.get(s.id, s.planned_minutes)
        sessions.append({
            "title": s.title, "kind": s.kind,
            "planned_start": _clock(slot.start if slot else None),
            "planned_end": _clock(slot.end if slot else None),
            "planned_minutes": original,
            "replanned_minutes": s.planned_minutes if s.planned_minutes != original else None,
            "actual_start": s.actual_start, "actual_end": s.actual_end,
            "actual_minutes": actual,
            "groups": [g.name for g in ws.all(Group) if g.session_id == s.id],
            "prompts": s.prompts,
        })
    end = clock.projected_end()
    ended = clock.actual_end(day)
    planned_end = day.planned_end
    data = {
        "title": ws.info.title, "date": ws.info.date, "sessions": sessions,
        "plan": {"anchor": day.anchor, "shift_minutes": _minutes(day.shift),
                 "start": _clock(day.planned[0].start) if day.planned else None,
                 "written_start": ws.info.start_time,
                 "end": _clock(planned_end)},
        "replans": [{"at": r.at.isoformat(timespec="seconds"),
                     "changes": [{"session": title, "from": old, "to": new}
                                 for _, title, old, new in r.changes]}
                    for r in day.replans],
        "actual_start": day.started.isoformat(timespec="seconds") if day.started else None,
        "day_over": ended is not None,
        "actual_end": ended.isoformat(timespec="seconds") if ended else None,
        "final_difference_minutes": (_minutes(ended - planned_end)
                                     if ended and planned_end else None),
        "drift_minutes": round(clock.drift_minutes(), 1),
        "projected_end": _clock(end),
    }
    return data


def print_agenda(path: str, as_json: bool = False, out=None) -> int:
    """Print the agenda of the workshop at ``path`` (a table, or JSON)."""
    out = out or sys.stdout  # the stream of the moment, not the one at import
    with Workshop.open(path, readonly=True) as ws:
        clock = RoomClock(ws)
        data = agenda_data(ws, clock)
        day = clock.day()
    if as_json:
        print(json.dumps(data, ensure_ascii=False), file=out)
        return 0
    head = [translate("CLI", "Start"), translate("CLI", "Planned"), translate("CLI", "Replanned"),
            translate("CLI", "Session"), translate("CLI", "Actual"), translate("CLI", "Groups")]
    rows = [[s["planned_start"] or "", str(s["planned_minutes"]),
             "" if s["replanned_minutes"] is None else str(s["replanned_minutes"]), s["title"],
             "–".join(filter(None, (_hhmm(s["actual_start"]), _hhmm(s["actual_end"])))),
             "、".join(s["groups"])] for s in data["sessions"]]
    widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths)).rstrip(), file=out)
    moved = days.shift_line(day)
    if moved:
        print(moved, file=out)
    for r in day.replans:
        print(days.replan_line(r.at, [(t, o, n) for _, t, o, n in r.changes]), file=out)
    if data["day_over"]:
        print(translate("CLI", "Ended at {end}: {minutes:+.0f} min against the plan ({planned})."
                        ).format(end=_hhmm(data["actual_end"]),
                                 minutes=data["final_difference_minutes"] or 0,
                                 planned=data["plan"]["end"] or "–"), file=out)
    else:
        print(translate("CLI", "Drift: {minutes:+.0f} min, projected end {end}").format(
            minutes=data["drift_minutes"], end=data["projected_end"] or "–"), file=out)
    return 0


def _width(text: str) -> int:
    """Columns a text takes in a terminal (East Asian wide characters take two)."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
