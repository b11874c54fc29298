"""The room's door and the notes that come through it, as changes of the workshop.

The door's state lives in the workshop file as Settings, so a facilitator's
app that crashed reopens with the same address and secret and the devices
reconnect by themselves:

* ``lan_door``: open or not, host, port, the secret in the join URL, and the
  session devices type into (None: the one on the room clock);
* ``lan_session:<session id>``: that session's mode (``note_taker`` types
  straight onto the group's board; ``participant`` keeps each note private
  until the facilitator reveals the session) and whether it was revealed.

Opening, closing and a new secret are not board work, so they are saved but
kept out of undo (Ctrl+Z after a phone's note takes the note back, never the
door).  Modes, notes and revealing are ordinary undoable steps, one Change
each.  A device's note is a :class:`DeviceNote` keyed by the device's own id
for it, so a note sent twice is received once.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from typing import Callable

from facilitator.board.note_size import note_height
from facilitator.board.placement import free_spots
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.changes import Change
from facilitator.workshop.model import (
    KIND_GROUPS, DeviceNote, Element, Group, Note, Session, Setting, TimerEvent,
)
from facilitator.workshop.workshop import clean_text

DOOR_SETTING = "lan_door"
SESSION_PREFIX = "lan_session:"
NOTE_TAKER = "note_taker"
PARTICIPANT = "participant"
MODES = (NOTE_TAKER, PARTICIPANT)
#: The longest note a device may send (a phone's note is a sentence, not an essay).
MAX_DEVICE_NOTE_CHARS = 2_000
MAX_AUTHOR_CHARS = 100
DEFAULT_HOST = "127.0.0.1"
#: Device ids and note uids are made by the page: short, URL-safe.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")

Placer = Callable[[Note, list[Element]], Note]


@dataclass(frozen=True)
class Door:
    """Whether devices may join, where, with which secret, into which session."""

    open: bool = False
    host: str = DEFAULT_HOST
    port: int = 0
    secret: str = ""
    session_id: str | None = None   # None: the session on the room clock

    def as_value(self) -> dict:
        return {"open": self.open, "host": self.host, "port": self.port,
                "secret": self.secret, "session_id": self.session_id}


def make_secret() -> str:
    """A fresh secret: 16 random bytes (128 bits, the issue's floor), URL-safe: 22
    characters, so the URL on the projector stays short enough to type."""
    return secrets.token_urlsafe(16)


def door(ws) -> Door:
    """The door as the file keeps it (closed, with no secret, when never opened)."""
    rec = ws.get(Setting, DOOR_SETTING)
    value = rec.value if rec is not None and isinstance(rec.value, dict) else {}
    port = value.get("port")
    return Door(open=value.get("open") is True,
                host=str(value.get("host") or DEFAULT_HOST),
                port=port if isinstance(port, int) and 0 <= port <= 65535 else 0,
                secret=str(value.get("secret") or ""),
                session_id=value.get("session_id") if isinstance(
                    value.get("session_id"), str) else None)


def _put(ws, setting: Setting, label: str, record: bool = True) -> Change:
    old = ws.get(Setting, setting.id)
    if old is not None and old.value == setting.value:
        return Change()
    change = (Change(added=(setting,), label=label) if old is None
              else Change(updated=((old, setting),), label=label))
    return ws.apply(change, record=record)


def _put_door(ws, new: Door) -> Change:
    return _put(ws, Setting(id=DOOR_SETTING, value=new.as_value()), "door", record=False)


def open_door(ws, host: str = DEFAULT_HOST, port: int = 0,
              secret: str | None = None) -> Change:
    """Mark the door open on ``host``:``port`` (the port the server really got).

    The secret is ``secret``, else the file's (devices that joined before a
    restart come back in), else a new one.
    """
    old = door(ws)
    return _put_door(ws, Door(True, host, int(port), secret or old.secret or make_secret(),
                              old.session_id))


def close_door(ws) -> Change:
    """Mark the door closed (the server stops; address and secret are kept)."""
    old = door(ws)
    return _put_door(ws, Door(False, old.host, old.port, old.secret, old.session_id))


def new_secret(ws) -> Change:
    """A new secret: every device that joined with the old one is refused from now on."""
    old = door(ws)
    return _put_door(ws, Door(old.open, old.host, old.port, make_secret(), old.session_id))


def set_door_session(ws, session_id: str | None) -> Change:
    """The session devices type into (None: follow the room clock)."""
    if session_id is not None and ws.get(Session, session_id) is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The record {id} no longer exists."), id=session_id)
    old = door(ws)
    return _put_door(ws, Door(old.open, old.host, old.port, old.secret, session_id))


def session_of(ws) -> Session | None:
    """The session devices type into: the door's, else the one running on the
    room clock, else the first group session, else the first session."""
    chosen = ws.get(Session, door(ws).session_id)
    if chosen is not None:
        return chosen
    log = ws.all(TimerEvent)
    if log and log[-1].event != "end":
        running = ws.get(Session, log[-1].session_id)
        if running is not None:
            return running
    sessions = ws.sessions()
    groups = [s for s in sessions if s.kind == KIND_GROUPS]
    return (groups or sessions or [None])[0]


# -- modes and revealing -----------------------------------------------------------
def _session_value(ws, session_id: str) -> dict:
    rec = ws.get(Setting, SESSION_PREFIX + session_id)
    return dict(rec.value) if rec is not None and isinstance(rec.value, dict) else {}


def mode(ws, session_id: str) -> str:
    """``note_taker`` (the default) or ``participant``."""
    value = _session_value(ws, session_id).get("mode")
    return value if value in MODES else NOTE_TAKER


def revealed(ws, session_id: str) -> bool:
    """Whether the facilitator revealed the session's private notes (later ones go
    onto the board at once, until :func:`conceal`)."""
    return _session_value(ws, session_id).get("revealed") is True


def _check_session(ws, session_id: str) -> Session:
    session = ws.get(Session, session_id)
    if session is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The record {id} no longer exists."), id=session_id)
    return session


def set_mode(ws, session_id: str, new_mode: str) -> Change:
    """Choose how devices type into a session (one undoable step)."""
    _check_session(ws, session_id)
    if new_mode not in MODES:
        raise ValueError(f"unknown mode {new_mode!r}")
    value = {**_session_value(ws, session_id), "mode": new_mode}
    return _put(ws, Setting(id=SESSION_PREFIX + session_id, value=value), "lan mode")


def private_notes(ws, session_id: str, device: str | None = None) -> list[DeviceNote]:
    """The session's notes not yet on the board (of one device, if given), oldest first."""
    out = [d for d in ws.all(DeviceNote) if d.session_id == session_id
           and d.note_id is None and (device is None or d.device == device)]
    out.sort(key=lambda d: (d.received, d.id))
    return out


def _board_notes(ws, pending: list[DeviceNote], placer: Placer | None
                 ) -> list[tuple[DeviceNote, Note]]:
    """Board notes for ``pending`` device notes, each at the next free place of its
    board (the window passes ``placer`` to measure as it draws)."""
    out = []
    boards: dict[tuple, list[Element]] = {}
    for dn in pending:
        session_id, group_id = dn.session_id, dn.group_id
        group = ws.get(Group, group_id)
        if group is None or group.session_id != session_id:
            group, group_id = None, None   # its group was deleted: the plenary board
        key = (session_id, group_id)
        if key not in boards:
            boards[key] = ws.elements_on(session_id, group_id)
        existing = boards[key]
        z = max((e.z for e in existing), default=0.0) + 1
        note = ws.new_note(dn.text, session_id, group_id, author=dn.author, z=z,
                           color=group.color if group is not None else "")
        if placer is not None:
            note = placer(note, existing)
        else:
            note = note.replace(h=note_height(note.text, note.w))
            (x, y), = free_spots(existing, 1, size=(note.w, note.h))
            note = note.replace(x=x, y=y)
        existing.append(note)
        out.append((dn, note))
    return out


def reveal(ws, session_id: str, placer: Placer | None = None) -> Change:
    """One click: every private note of the session goes onto its board (one
    undoable step); notes sent later go onto the board at once."""
    _check_session(ws, session_id)
    placed = _board_notes(ws, private_notes(ws, session_id), placer)
    value = {**_session_value(ws, session_id), "revealed": True}
    key = SESSION_PREFIX + session_id
    old = ws.get(Setting, key)
    setting = Setting(id=key, value=value)
    change = Change(
        added=tuple(n for _, n in placed) + ((setting,) if old is None else ()),
        updated=tuple((dn, dn.replace(note_id=n.id)) for dn, n in placed)
        + (((old, setting),) if old is not None and old.value != value else ()),
        label="reveal")
    return ws.apply(change)


def conceal(ws, session_id: str) -> Change:
    """Participants' notes sent from now on stay private again (those shown stay)."""
    _check_session(ws, session_id)
    value = {**_session_value(ws, session_id), "revealed": False}
    return _put(ws, Setting(id=SESSION_PREFIX + session_id, value=value), "lan mode")


# -- notes from devices ------------------------------------------------------------
def device_note_id(device_id: str, note_uid: str) -> str:
    return f"{device_id}:{note_uid}"


def valid_token(value: object) -> bool:
    """Whether ``value`` is a device id or note uid as the page makes them."""
    return isinstance(value, str) and _TOKEN.fullmatch(value) is not None


def receive_note(ws, device_id: str, note_uid: str, author: str, session_id: str | None,
                 group_id: str | None, text: str, placer: Placer | None = None
                 ) -> Change | None:
    """A note sent by a device, received once (one undoable step).

    Returns None when this device already sent this note (a resend after a
    lost answer).  In a note-taker session, or a revealed one, the note goes
    onto the group's board (the session's plenary board without a group) with
    its author; in a participant session it stays private until :func:`reveal`.
    A session or group deleted meanwhile: the note goes to the door's session
    or the plenary board, never lost.  Empty or over-long text is refused.
    """
    if not valid_token(device_id) or not valid_token(note_uid):
        raise ValueError("device and note ids must be 1-64 URL-safe characters")
    rid = device_note_id(device_id, note_uid)
    if ws.get(DeviceNote, rid) is not None:
        return None
    text = clean_text(text, limit=MAX_DEVICE_NOTE_CHARS)
    author = clean_text(author or "", allow_empty=True, limit=MAX_AUTHOR_CHARS)
    session = ws.get(Session, session_id) or session_of(ws)
    if session is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "The workshop has no session yet."))
    group = ws.get(Group, group_id)
    if group is None or group.session_id != session.id:
        group = None
    dn = DeviceNote(id=rid, device=device_id, uid=note_uid, author=author,
                    session_id=session.id, group_id=group.id if group else None,
                    text=text, received=ws.now(),
                    private=mode(ws, session.id) == PARTICIPANT)
    if dn.private and not revealed(ws, session.id):
        return ws.apply(Change(added=(dn,), label="device note"))
    (_, note), = _board_notes(ws, [dn], placer)
    return ws.apply(Change(added=(note, dn.replace(note_id=note.id)), label="device note"))


def device_of(ws, note_id: str) -> DeviceNote | None:
    """The device note a board note came from (None for a note typed in the app)."""
    for dn in ws.all(DeviceNote):
        if dn.note_id == note_id:
            return dn
    return None
