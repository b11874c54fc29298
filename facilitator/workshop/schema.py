"""The workshop file's schema and its forward migrations.

Each migration is written out as it was shipped, never regenerated from the
current dataclasses: a file made by any earlier version must reach the
current schema by running the steps after its ``user_version`` in order.
A test checks that the final tables have exactly the dataclasses' fields.

A new file does not replay the migrations: it runs ``schema.sql``, the
current schema as the migrations leave it (as Rails loads ``schema.rb``).
That keeps sqlite-utils, and the numpy it imports, off the start-up path;
``tests/test_store.py`` checks the snapshot against the migrations, and
``python -m facilitator.workshop.schema`` rewrites it after a new migration.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # imported where a migration runs: it costs ~0.2 s at start-up
    import sqlite_utils

SNAPSHOT = Path(__file__).with_name("schema.sql")

#: ``PRAGMA application_id`` of a workshop file: "FRKR".
APPLICATION_ID = 0x46524B52

_ELEMENT = {
    "id": str, "session_id": str, "group_id": str,
    "x": float, "y": float, "w": float, "h": float, "z": float, "color": str,
}
_ELEMENT_FKS = [("session_id", "sessions", "id"), ("group_id", "groups", "id")]


def _v1_first_schema(db: sqlite_utils.Database) -> None:
    """Schema 1: the workshop, people, agenda, themes, canvas, decisions."""
    db["workshop"].create({
        "id": str, "title": str, "date": str, "start_time": str, "end_time": str,
        "venue": str, "organiser": str, "purpose": str, "findings": str,
        "next_steps": str,
    }, pk="id")
    db["participants"].create({
        "id": str, "name": str, "organisation": str, "role": str, "order": int,
    }, pk="id")
    db["sessions"].create({
        "id": str, "title": str, "kind": str, "order": int, "planned_minutes": int,
        "planned_start": str, "prompts": str, "actual_start": str,
        "actual_end": str, "summary": str,
    }, pk="id")
    db["groups"].create({
        "id": str, "session_id": str, "name": str, "color": str,
        "note_taker": str, "order": int,
    }, pk="id", foreign_keys=[("session_id", "sessions", "id")])
    db["themes"].create({
        "id": str, "session_id": str, "label": str, "color": str, "order": int,
        "parent_id": str, "keywords": str, "votes": int, "label_manual": int,
        "is_other": int,
    }, pk="id", foreign_keys=[("session_id", "sessions", "id"),
                              ("parent_id", "themes", "id")])
    db["notes"].create({
        **_ELEMENT, "text": str, "author": str, "created": str, "updated": str,
        "votes": int, "theme_id": str, "theme_manual": int,
    }, pk="id", foreign_keys=[*_ELEMENT_FKS, ("theme_id", "themes", "id")])
    db["strokes"].create({**_ELEMENT, "points": str, "width": float},
                         pk="id", foreign_keys=_ELEMENT_FKS)
    db["connectors"].create({
        **_ELEMENT, "source_id": str, "target_id": str, "style": str,
        "label": str, "width": float,
    }, pk="id", foreign_keys=_ELEMENT_FKS)
    db["frames"].create({**_ELEMENT, "title": str, "theme_id": str}, pk="id",
                        foreign_keys=[*_ELEMENT_FKS, ("theme_id", "themes", "id")])
    db["headings"].create({**_ELEMENT, "text": str, "size": float, "kind": str},
                          pk="id", foreign_keys=_ELEMENT_FKS)
    db["stamps"].create({**_ELEMENT, "pictogram": str}, pk="id",
                        foreign_keys=_ELEMENT_FKS)
    db["decisions"].create({"id": str, "text": str, "session_id": str, "order": int},
                           pk="id", foreign_keys=[("session_id", "sessions", "id")])
    db["action_items"].create({
        "id": str, "what": str, "owner": str, "due": str, "done": int, "order": int,
    }, pk="id")
    for table in ("notes", "strokes", "connectors", "frames", "headings", "stamps"):
        db[table].create_index(["session_id", "group_id"])
    db["notes"].create_index(["theme_id"])


def _v2_timer_log(db: sqlite_utils.Database) -> None:
    """Schema 2: the room clock's log and the workshop's settings."""
    db["timer_events"].create({
        "id": str, "seq": int, "session_id": str, "event": str, "at": str,
        "elapsed_s": float, "minutes": float,
    }, pk="id", foreign_keys=[("session_id", "sessions", "id")])
    db["timer_events"].create_index(["seq"])
    db["settings"].create({"id": str, "value": str}, pk="id")


def _v3_attendance_and_action_sessions(db: sqlite_utils.Database) -> None:
    """Schema 3: participants' attendance (出欠); action items belong to a session."""
    db["participants"].add_column("attended", int, not_null_default=1)
    db["action_items"].add_column("session_id", str, fk="sessions", fk_col="id")


def _v4_device_notes(db: sqlite_utils.Database) -> None:
    """Schema 4: notes sent from devices in the room (issue 16), with author and device.

    No foreign keys: a device's note outlives a board note or group deleted
    later, so that a resend is still recognised as sent.
    """
    db["device_notes"].create({
        "id": str, "device": str, "uid": str, "author": str, "session_id": str,
        "group_id": str, "text": str, "received": str, "private": int, "note_id": str,
    }, pk="id")
    db["device_notes"].create_index(["session_id"])


def _v5_note_vectors(db: sqlite_utils.Database) -> None:
    """Schema 5: sentence vectors of notes' texts, a derived cache (see facilitator.themes.vectors).

    Keyed by the normalised text, so identical notes share a row; ``key`` names
    the encoder's version, and a row with another key is rebuilt.  A rowid table:
    WITHOUT ROWID keeps 2 KB rows in overflow pages (reading 2,000 notes' vectors
    took 2.7 times as long and the file was half as big again).
    """
    db.execute("CREATE TABLE note_vectors (text_key TEXT NOT NULL, encoder TEXT NOT NULL, "
               "key TEXT NOT NULL, dim INTEGER NOT NULL, vector BLOB NOT NULL, "
               "PRIMARY KEY (text_key, encoder))")


#: ``MIGRATIONS[i]`` takes a file from schema ``i`` to ``i + 1``.
MIGRATIONS: list[Callable[[sqlite_utils.Database], None]] = [
    _v1_first_schema,
    _v2_timer_log,
    _v3_attendance_and_action_sessions,
    _v4_device_notes,
    _v5_note_vectors,
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection, from_version: int,
            to_version: int = SCHEMA_VERSION) -> None:
    """Run the migrations after ``from_version``, in one transaction."""
    import sqlite_utils
    db = sqlite_utils.Database(conn, execute_plugins=False)
    with db.atomic():
        for step in MIGRATIONS[from_version:to_version]:
            step(db)
        db.conn.execute(f"PRAGMA user_version = {int(to_version)}")


def create_current(conn: sqlite3.Connection) -> None:
    """Give an empty database the current schema, from the snapshot, in one transaction."""
    script = SNAPSHOT.read_text(encoding="utf-8")
    conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {SCHEMA_VERSION};\nCOMMIT;")


def snapshot_sql() -> str:
    """The schema the migrations build, as SQL statements (what ``schema.sql`` must hold)."""
    conn = sqlite3.connect(":memory:")
    try:
        migrate(conn, 0)
        rows = conn.execute(
            "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    finally:
        conn.close()
    header = ("-- The workshop file's schema, version {v}, as the migrations in schema.py\n"
              "-- build it. Generated by `python -m facilitator.workshop.schema`; do not edit.\n")
    return header.format(v=SCHEMA_VERSION) + "".join(f"{sql};\n" for sql, in rows)


if __name__ == "__main__":
    SNAPSHOT.write_text(snapshot_sql(), encoding="utf-8")
    print(SNAPSHOT)
