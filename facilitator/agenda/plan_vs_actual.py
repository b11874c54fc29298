"""``furikaeri agenda``: the programme with planned and actual times (予実)."""

from __future__ import annotations

import json
import sys
from datetime import datetime

from facilitator.agenda import plan as agenda
from facilitator.i18n import translate
from facilitator.workshop.model import Group
from facilitator.agenda.timer import RoomClock
from facilitator.workshop.workshop import Workshop



def _hhmm(iso: str | None) -> str:
    return datetime.fromisoformat(iso).strftime("%H:%M") if iso else ""


def agenda_data(ws: Workshop, clock: RoomClock) -> dict:
    """The agenda as ``furikaeri agenda --json`` prints it."""
    slots = agenda.schedule(ws.sessions(), ws.info.date, ws.info.start_time)
    sessions = []
    for slot in slots:
        s = slot.session
        actual = None
        if s.actual_start and s.actual_end:
            actual = round((datetime.fromisoformat(s.actual_end)
                            - datetime.fromisoformat(s.actual_start)).total_seconds() / 60, 1)
        sessions.append({
            "title": s.title, "kind": s.kind,
            "planned_start": slot.start.strftime("%H:%M"),
            "planned_minutes": s.planned_minutes,
            "actual_start": s.actual_start, "actual_end": s.actual_end,
            "actual_minutes": actual,
            "groups": [g.name for g in ws.all(Group) if g.session_id == s.id],
            "prompts": s.prompts,
        })
    end = clock.projected_end()
    return {"title": ws.info.title, "date": ws.info.date, "sessions": sessions,
            "drift_minutes": round(clock.drift_minutes(), 1),
            "projected_end": end.strftime("%H:%M") if end else None}


def print_agenda(path: str, as_json: bool = False, out=None) -> int:
    """Print the agenda of the workshop at ``path`` (a table, or JSON)."""
    out = out or sys.stdout  # the stream of the moment, not the one at import
    with Workshop.open(path, readonly=True) as ws:
        data = agenda_data(ws, RoomClock(ws))
    if as_json:
        print(json.dumps(data, ensure_ascii=False), file=out)
        return 0
    head = [translate("CLI", "Start"), translate("CLI", "Minutes"), translate("CLI", "Session"), translate("CLI", "Actual"), translate("CLI", "Groups")]
    rows = [[s["planned_start"], str(s["planned_minutes"]), s["title"],
             "–".join(filter(None, (_hhmm(s["actual_start"]), _hhmm(s["actual_end"])))),
             "、".join(s["groups"])] for s in data["sessions"]]
    widths = [max(_width(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        print("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths)).rstrip(), file=out)
    print(translate("CLI", "Drift: {minutes:+.0f} min, projected end {end}").format(
        minutes=data["drift_minutes"], end=data["projected_end"] or "–"), file=out)
    return 0


def _width(text: str) -> int:
    """Columns a text takes in a terminal (East Asian wide characters take two)."""
    import unicodedata
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
