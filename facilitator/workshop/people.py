"""The workshop's details and its people, as changes.

The title, date, venue, organiser and purpose the minutes' cover prints
(:class:`~facilitator.workshop.model.WorkshopInfo`), and the participants with
their organisation, role and attendance (出欠).  Every function returns a
:class:`~facilitator.workshop.changes.Change` for :meth:`Workshop.apply`, so
each edit, paste or import is one undo step; nothing here applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Iterable

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.changes import Change
from facilitator.workshop.model import (
    ROLE_PARTICIPANT, ROLES, WORKSHOP_ID, Participant, WorkshopInfo, new_id,
)

#: Fields of the workshop's details a person edits (the rest is the agenda's or まとめ's).
INFO_FIELDS = ("title", "date", "start_time", "end_time", "venue", "organiser", "purpose",
               "findings", "next_steps")
#: Longest single-line detail (a title, a venue) and the longest text (purpose, findings).
LINE_CHARS = 500
TEXT_CHARS = 20_000

_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_MULTILINE = {"purpose", "findings", "next_steps"}


def _clean(value: str, multiline: bool) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if not multiline:
        value = " ".join(value.split("\n"))
    return value.strip()


def info_change(ws, **fields) -> Change:
    """Set details of the workshop (title, date, times, venue, organiser, purpose, ...).

    Text is trimmed; ``date`` must be an ISO date (``2026-11-23``) or empty, the
    times ``HH:MM``.  Over-long text is refused, never cut.  Returns an empty
    change when nothing differs.
    """
    unknown = set(fields) - set(INFO_FIELDS)
    if unknown:
        raise TypeError(f"not a workshop detail: {sorted(unknown)}")
    clean: dict[str, str] = {}
    for name, value in fields.items():
        multiline = name in _MULTILINE
        text = _clean(str(value or ""), multiline)
        limit = TEXT_CHARS if multiline else LINE_CHARS
        if len(text) > limit:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "That text is too long: at most {limit} characters."),
                limit=f"{limit:,}")
        clean[name] = text
    if clean.get("date"):
        try:
            clean["date"] = date.fromisoformat(clean["date"]).isoformat()
        except ValueError:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{value} is not a date; write it as 2026-11-23."),
                value=clean["date"]) from None
    for name in ("start_time", "end_time"):
        if name in clean:
            m = _HHMM.match(clean[name])
            if not m:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "{value} is not a time; write it as 13:30."), value=clean[name])
            clean[name] = f"{int(m.group(1)):02d}:{m.group(2)}"
    current = ws.get(WorkshopInfo, WORKSHOP_ID)
    if current is None:
        return Change(added=(WorkshopInfo(id=WORKSHOP_ID, **clean),), label="details")
    new = current.replace(**clean)
    return Change(updated=((current, new),), label="details") if new != current else Change()


# -- participants ---------------------------------------------------------------------
@dataclass(frozen=True)
class PersonRow:
    """One person as typed, pasted or read from a file (before it is a record)."""

    name: str
    organisation: str = ""
    role: str = ROLE_PARTICIPANT
    attended: bool = True


def _person_text(value: str) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > LINE_CHARS:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "That text is too long: at most {limit} characters."),
            limit=f"{LINE_CHARS:,}")
    return text


def _key(name: str, organisation: str) -> tuple[str, str]:
    return (" ".join(name.split()), " ".join(organisation.split()))


def add_people(ws, rows: Iterable[PersonRow]) -> Change:
    """Add people after those registered, in one step.

    A row naming someone already registered with the same organisation (or
    repeated within ``rows``) is skipped, so pasting a list twice adds nobody
    twice.  Rows without a name are skipped.
    """
    people = ws.all(Participant)
    seen = {_key(p.name, p.organisation) for p in people}
    order = max((p.order for p in people), default=-1) + 1
    added = []
    for row in rows:
        name = _person_text(row.name)
        org = _person_text(row.organisation)
        if not name or _key(name, org) in seen:
            continue
        if row.role not in ROLES:
            raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "Unknown role: {role}"),
                                 role=row.role)
        seen.add(_key(name, org))
        added.append(Participant(id=new_id(), name=name, organisation=org, role=row.role,
                                 order=order, attended=bool(row.attended)))
        order += 1
    return Change(added=tuple(added), label="participants")


def person_change(ws, participant_id: str, **fields) -> Change:
    """Change a person's name, organisation, role or attendance.

    An empty name is refused (remove the person instead).
    """
    current = ws.get(Participant, participant_id)
    if current is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The record {id} no longer exists."), id=participant_id)
    clean: dict[str, object] = {}
    for name, value in fields.items():
        if name in ("name", "organisation"):
            clean[name] = _person_text(value)
        elif name == "role":
            if value not in ROLES:
                raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "Unknown role: {role}"),
                                     role=value)
            clean[name] = value
        elif name == "attended":
            clean[name] = bool(value)
        else:
            raise TypeError(f"not a participant's field: {name}")
    if clean.get("name", current.name) == "":
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "A participant needs a name; delete the row to remove them."))
    new = current.replace(**clean)
    return Change(updated=((current, new),), label="participant") if new != current else Change()


def remove_people(ws, ids: Iterable[str]) -> Change:
    """Remove people (their votes stay counted on the notes and themes)."""
    gone = tuple(p for p in (ws.get(Participant, i) for i in ids) if p is not None)
    return Change(removed=gone, label="participants")


def reorder_people(ws, ids_in_order: list[str]) -> Change:
    """Put the people in the order of ``ids_in_order`` (others keep theirs, after them)."""
    people = ws.all(Participant)
    rank = {pid: i for i, pid in enumerate(ids_in_order)}
    ordered = sorted(people, key=lambda p: (rank.get(p.id, len(rank)), p.order, p.id))
    pairs = tuple((p, p.replace(order=i)) for i, p in enumerate(ordered) if p.order != i)
    return Change(updated=pairs, label="participants")


def attendees(ws) -> list[Participant]:
    """The people marked present, in their order."""
    return [p for p in ws.all(Participant) if p.attended]
