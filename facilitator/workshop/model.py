"""Plain records of a workshop.

Every thing a workshop holds is a frozen dataclass with a string ``id``: the
workshop's own details, the people, the agenda, the groups and every element of
the graphic record.  Records are values: a change replaces a record with a new
one (``dataclasses.replace``), so the before/after pair of an edit can be kept
for undo without copying.  Nothing here knows about SQLite or Qt.

Canvas elements (notes, strokes, connectors, frames, headings, stamps) sit on
the board of one session, optionally of one group of it (``group_id`` None is
the session's plenary board).  Their ``x``/``y``/``w``/``h`` are board
coordinates in points and ``z`` is the stacking order.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from typing import ClassVar

#: Session kinds of the agenda.
KIND_PLENARY = "plenary"
KIND_GROUPS = "groups"
KIND_BREAK = "break"
SESSION_KINDS = (KIND_PLENARY, KIND_GROUPS, KIND_BREAK)

#: Participant roles.
ROLES = ("participant", "facilitator", "note_taker", "expert", "recorder", "organiser")
ROLE_PARTICIPANT = "participant"

#: Pictograms a stamp may show (SVG files in ``assets/stamps``).
PICTOGRAMS = (
    "person", "group", "lightbulb", "heart", "star", "question",
    "exclamation", "handshake", "factory", "speech",
)

#: The longest note text accepted; longer input is refused, never truncated.
MAX_NOTE_CHARS = 20_000

#: Default note size in board points.
NOTE_W = 160.0
NOTE_H = 100.0


def new_id() -> str:
    """A fresh random record id (16 hex digits)."""
    return os.urandom(8).hex()  # what secrets.token_hex does, without loading hmac/hashlib


@dataclass(frozen=True, slots=True)
class Record:
    """Base of every stored record; ``TABLE`` names its table."""

    TABLE: ClassVar[str] = ""
    id: str

    def replace(self, **changes) -> "Record":
        """A copy of this record with ``changes`` applied."""
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class WorkshopInfo(Record):
    """The event itself: one per workshop, id ``"workshop"``."""

    TABLE: ClassVar[str] = "workshop"
    title: str = ""
    date: str = ""          # ISO date, "2026-11-23"
    start_time: str = "13:30"
    end_time: str = "17:00"
    venue: str = ""
    organiser: str = ""
    purpose: str = ""
    findings: str = ""      # key findings (まとめ) for the minutes
    next_steps: str = ""


@dataclass(frozen=True, slots=True)
class Participant(Record):
    """A person of the workshop: a participant, an expert or one of the staff."""

    TABLE: ClassVar[str] = "participants"
    name: str = ""
    organisation: str = ""
    role: str = "participant"
    order: int = 0
    attended: bool = True    # 出欠: registered people count as present until marked absent


@dataclass(frozen=True, slots=True)
class Session(Record):
    """A timeboxed block of the agenda."""

    TABLE: ClassVar[str] = "sessions"
    title: str = ""
    kind: str = KIND_PLENARY
    order: int = 0
    planned_minutes: int = 0
    planned_start: str | None = None   # "HH:MM" when fixed; else follows the agenda
    prompts: list[str] = field(default_factory=list)
    actual_start: str | None = None    # ISO datetime, wall clock
    actual_end: str | None = None
    summary: str = ""                  # the session's まとめ text for the minutes


@dataclass(frozen=True, slots=True)
class Group(Record):
    """A breakout group of a session, with its own board."""

    TABLE: ClassVar[str] = "groups"
    session_id: str = ""
    name: str = ""
    color: str = "#FFE066"
    note_taker: str = ""
    order: int = 0


@dataclass(frozen=True, slots=True)
class Theme(Record):
    """A cluster of notes with its label (表札)."""

    TABLE: ClassVar[str] = "themes"
    session_id: str | None = None
    label: str = ""
    color: str = "#D0E4FF"
    order: int = 0
    parent_id: str | None = None
    keywords: list[str] = field(default_factory=list)
    votes: int = 0
    label_manual: bool = False   # named by a person: a re-proposal keeps it
    is_other: bool = False       # the その他 group


@dataclass(frozen=True, slots=True)
class Element(Record):
    """Common geometry of everything drawn on a board."""

    session_id: str | None = None
    group_id: str | None = None
    x: float = 0.0
    y: float = 0.0
    w: float = 0.0
    h: float = 0.0
    z: float = 0.0
    color: str = ""


@dataclass(frozen=True, slots=True)
class Note(Element):
    """A sticky note: one captured opinion."""

    TABLE: ClassVar[str] = "notes"
    w: float = NOTE_W
    h: float = NOTE_H
    text: str = ""
    author: str = ""
    created: str = ""
    updated: str = ""
    votes: int = 0
    theme_id: str | None = None
    theme_manual: bool = False   # placed in its theme by a person


@dataclass(frozen=True, slots=True)
class Stroke(Element):
    """Freehand ink; ``points`` are ``[dx, dy, pressure]`` relative to x/y."""

    TABLE: ClassVar[str] = "strokes"
    color: str = "#222222"
    points: list[list[float]] = field(default_factory=list)
    width: float = 3.0


@dataclass(frozen=True, slots=True)
class Connector(Element):
    """An arrow or line between two elements (or free points when no id)."""

    TABLE: ClassVar[str] = "connectors"
    color: str = "#444444"
    source_id: str | None = None
    target_id: str | None = None
    style: str = "arrow"       # "arrow" or "line"
    label: str = ""
    width: float = 2.0


@dataclass(frozen=True, slots=True)
class Frame(Element):
    """A frame that carries what lies inside it."""

    TABLE: ClassVar[str] = "frames"
    color: str = "#888888"
    title: str = ""
    theme_id: str | None = None


@dataclass(frozen=True, slots=True)
class Heading(Element):
    """A heading or a free text."""

    TABLE: ClassVar[str] = "headings"
    color: str = "#222222"
    text: str = ""
    size: float = 28.0
    kind: str = "heading"      # "heading" or "text"


@dataclass(frozen=True, slots=True)
class Stamp(Element):
    """A pictogram stamp."""

    TABLE: ClassVar[str] = "stamps"
    w: float = 64.0
    h: float = 64.0
    color: str = "#333333"
    pictogram: str = "lightbulb"


@dataclass(frozen=True, slots=True)
class Decision(Record):
    """A decision (決定事項)."""

    TABLE: ClassVar[str] = "decisions"
    text: str = ""
    session_id: str | None = None
    order: int = 0


@dataclass(frozen=True, slots=True)
class ActionItem(Record):
    """An action item (宿題): what, who, by when, and the session it came up in."""

    TABLE: ClassVar[str] = "action_items"
    what: str = ""
    owner: str = ""
    due: str = ""           # ISO date when one was recognised, else as typed ("12月末")
    done: bool = False
    order: int = 0
    session_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimerEvent(Record):
    """One entry of the room clock's log (start, pause, resume, adjust, end...).

    ``elapsed_s`` is the session's running time when it happened (monotonic),
    ``at`` the wall-clock time, recorded for the minutes only.
    """

    TABLE: ClassVar[str] = "timer_events"
    seq: int = 0
    session_id: str | None = None
    event: str = ""
    at: str = ""
    elapsed_s: float = 0.0
    minutes: float = 0.0


@dataclass(frozen=True, slots=True)
class Setting(Record):
    """A workshop setting; ``id`` is its key, ``value`` any JSON value."""

    TABLE: ClassVar[str] = "settings"
    value: object = None


@dataclass(frozen=True, slots=True)
class DeviceNote(Record):
    """A note sent from a device in the room (a phone or a note-taker's laptop).

    ``id`` is ``"<device>:<uid>"``: the device makes ``uid``, so a note sent
    twice (after a lost connection) is the same record.  A note-taker's note
    is on the board at once (``note_id``); a participant's stays ``private``
    (``note_id`` None) until the facilitator reveals the session's notes.
    The board note is an ordinary :class:`Note` with its ``author``: the
    minutes need nothing from here.
    """

    TABLE: ClassVar[str] = "device_notes"
    device: str = ""
    uid: str = ""
    author: str = ""
    session_id: str | None = None
    group_id: str | None = None
    text: str = ""
    received: str = ""
    private: bool = False
    note_id: str | None = None


#: Every record type, parents before children.
RECORD_TYPES: tuple[type[Record], ...] = (
    WorkshopInfo, Participant, Session, Group, Theme,
    Note, Stroke, Connector, Frame, Heading, Stamp, Decision, ActionItem,
    TimerEvent, Setting, DeviceNote,
)
TYPE_BY_TABLE: dict[str, type[Record]] = {t.TABLE: t for t in RECORD_TYPES}
ELEMENT_TYPES: tuple[type[Element], ...] = tuple(
    t for t in RECORD_TYPES if issubclass(t, Element))

WORKSHOP_ID = "workshop"
