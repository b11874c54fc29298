"""Decisions (決定事項) and action items (宿題) as changes.

Each function returns a :class:`~facilitator.workshop.changes.Change` for
:meth:`Workshop.apply` (one undo step); nothing here applies it.  A decision
or an action item belongs to the session it came up in (``session_id``; None
for the workshop as a whole); the minutes print them grouped by session.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Iterable, Sequence, TypeVar

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.changes import Change
from facilitator.workshop.model import (
    KIND_BREAK, ActionItem, Decision, Participant, Record, Session, new_id,
)

#: The longest decision or action item text (longer is refused, never cut).
MAX_CHARS = 2_000
#: The longest owner name or due text.
MAX_FIELD_CHARS = 200

Item = TypeVar("Item", Decision, ActionItem)

_FULL_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_MONTH_DAY = re.compile(r"^(\d{1,2})\s*[/月]\s*(\d{1,2})\s*日?$")
_CONTROL = {c: None for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F)}


def _text(value: str, empty_message: str) -> str:
    text = str(value or "").replace("\r\n", "\n").replace("\r", "\n").translate(_CONTROL).strip()
    if not text:
        raise FurikaeriError(empty_message)
    if len(text) > MAX_CHARS:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "That text is too long: at most {limit} characters."),
            limit=f"{MAX_CHARS:,}")
    return text


def _field(value: str) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > MAX_FIELD_CHARS:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "That text is too long: at most {limit} characters."),
            limit=f"{MAX_FIELD_CHARS:,}")
    return text


def parse_due(text: str, today: date | None = None) -> str:
    """A due date as stored: ISO when it reads as a date, else the words as typed.

    ``2026/12/1``, ``2026年12月1日`` and ``２０２６-１２-０１`` become
    ``2026-12-01``; ``12/1`` and ``12月1日`` are the next such day on or after
    ``today`` (the computer's date when None; for an action item, the
    workshop's day: see :func:`reference_day`).  ``12月末`` or ``来週中`` stay
    as they are: a due date is the owner's promise, not a calendar field.
    """
    raw = _field(text)
    plain = unicodedata.normalize("NFKC", raw).strip()
    today = today or date.today()
    try:
        if m := _FULL_DATE.match(plain):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        if m := _MONTH_DAY.match(plain):
            month, day = int(m.group(1)), int(m.group(2))
            due = date(today.year, month, day)
            if due < today:
                due = date(today.year + 1, month, day)
            return due.isoformat()
    except ValueError:  # 2月30日: keep what was typed, the person sees it as written
        return raw
    return raw


def reference_day(ws) -> date:
    """The day short due dates (「12/15」) are read from: the workshop's date.

    Typed on the day, or tidied up weeks later, 「12/15」 means the 15 December
    after the workshop, not after the day the file happens to be edited.  A
    workshop without a date falls back to the computer's date.
    """
    try:
        return date.fromisoformat(ws.info.date)
    except (TypeError, ValueError):
        return date.today()


def _session_id(ws, session_id: str | None) -> str | None:
    if session_id is not None and ws.get(Session, session_id) is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "That session does not exist any more."))
    return session_id


def _next_order(records: Sequence[Record]) -> int:
    return max((r.order for r in records), default=-1) + 1  # type: ignore[attr-defined]


def add_decision(ws, text: str, session_id: str | None) -> Change:
    """A new decision of ``session_id`` (None: the workshop as a whole)."""
    rec = Decision(id=new_id(), text=_text(text, QT_TRANSLATE_NOOP(
        "Errors", "Write what was decided first.")),
        session_id=_session_id(ws, session_id), order=_next_order(ws.all(Decision)))
    return Change(added=(rec,), label="decision")


def add_action_item(ws, what: str, session_id: str | None, owner: str = "", due: str = "",
                    today: date | None = None) -> Change:
    """A new action item: what, who (a participant's name or any name), by when.

    ``today``: the day a short due date is read from (default: the workshop's
    date, :func:`reference_day`)."""
    rec = ActionItem(id=new_id(), what=_text(what, QT_TRANSLATE_NOOP(
        "Errors", "Write what is to be done first.")),
        owner=_field(owner), due=parse_due(due, today or reference_day(ws)), done=False,
        order=_next_order(ws.all(ActionItem)), session_id=_session_id(ws, session_id))
    return Change(added=(rec,), label="action item")


def edit_change(ws, record_id: str, today: date | None = None, **fields) -> Change:
    """Change fields of a decision (text, session_id) or an action item
    (what, owner, due, done, session_id); a short due date is read from the
    workshop's date (``today`` overrides it)."""
    current = ws.get(Decision, record_id) or ws.get(ActionItem, record_id)
    if current is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The record {id} no longer exists."), id=record_id)
    clean: dict[str, object] = {}
    for name, value in fields.items():
        if name == "session_id":
            clean[name] = _session_id(ws, value)
        elif name == "text" and isinstance(current, Decision):
            clean[name] = _text(value, QT_TRANSLATE_NOOP(
                "Errors", "Write what was decided first."))
        elif name == "what" and isinstance(current, ActionItem):
            clean[name] = _text(value, QT_TRANSLATE_NOOP(
                "Errors", "Write what is to be done first."))
        elif name == "owner" and isinstance(current, ActionItem):
            clean[name] = _field(value)
        elif name == "due" and isinstance(current, ActionItem):
            clean[name] = parse_due(value, today or reference_day(ws))
        elif name == "done" and isinstance(current, ActionItem):
            clean[name] = bool(value)
        else:
            raise TypeError(f"{type(current).__name__} has no editable field {name}")
    new = current.replace(**clean)
    label = "decision" if isinstance(current, Decision) else "action item"
    return Change(updated=((current, new),), label=label) if new != current else Change()


def removal(ws, ids: Iterable[str]) -> Change:
    """Remove decisions and action items (one step)."""
    gone = tuple(r for r in ((ws.get(Decision, i) or ws.get(ActionItem, i)) for i in ids)
                 if r is not None)
    return Change(removed=gone, label="outcomes")


def owner_names(ws) -> list[str]:
    """Names an action item's owner is chosen from: the people present first, then the rest."""
    people = ws.all(Participant)
    names = [p.name for p in people if p.attended and p.name]
    names += [p.name for p in people if not p.attended and p.name]
    return list(dict.fromkeys(names))


def capture_sessions(ws) -> list[Session]:
    """Sessions a decision can belong to: every one but breaks."""
    return [s for s in ws.sessions() if s.kind != KIND_BREAK]


def by_session(sessions: Sequence[Session],
               items: Iterable[Item]) -> list[tuple[Session | None, list[Item]]]:
    """``items`` grouped by session in agenda order; those of no (known) session last."""
    known = {s.id for s in sessions}
    groups: dict[str | None, list[Item]] = {}
    for item in items:
        groups.setdefault(item.session_id if item.session_id in known else None, []).append(item)
    out: list[tuple[Session | None, list[Item]]] = [(s, groups[s.id]) for s in sessions
                                                     if s.id in groups]
    if None in groups:
        out.append((None, groups[None]))
    return out
