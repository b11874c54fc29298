"""Importing notes from CSV, TSV, plain text and JSON files.

An import is all or nothing: every record is built and checked first, then
the whole import is applied as one change (one transaction in the file, one
undo step).  Any problem is reported with its line number and nothing is
added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from facilitator.workshop.changes import Change
from facilitator.io.csv_input import (
    MAX_INPUT_BYTES, Table, decode_text, normalise_name, read_bytes, read_table,
)
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.io.json_input import field_checks, read_json
from facilitator.board.placement import free_spots
from facilitator.workshop.model import (
    KIND_BREAK, MAX_NOTE_CHARS, RECORD_TYPES, TYPE_BY_TABLE, Group, Note, Record,
    Session, Setting, Theme, WorkshopInfo, new_id,
)
from facilitator.workshop.records import codec_for
from facilitator.workshop.schema import SCHEMA_VERSION
from facilitator.workshop.workshop import Workshop, clean_text

#: The ``format`` value of our JSON exports.
JSON_FORMAT = "furikaeri"

#: Colours of groups an import creates, and the colour names a CSV may use.
PALETTE = ("#FFE066", "#FFB3C7", "#A8D8FF", "#B8E6A0", "#FFC98B", "#D5B8FF")
COLOR_NAMES = {
    "yellow": PALETTE[0], "黄": PALETTE[0], "黄色": PALETTE[0],
    "pink": PALETTE[1], "ピンク": PALETTE[1],
    "blue": PALETTE[2], "青": PALETTE[2],
    "green": PALETTE[3], "緑": PALETTE[3],
    "orange": PALETTE[4], "オレンジ": PALETTE[4],
    "purple": PALETTE[5], "紫": PALETTE[5],
}
_HEX_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")
# The characters clean_text removes, counted to tell the user.
_CONTROL_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_NO_LIMIT = 1 << 62


@dataclass
class ImportResult:
    """What an import added (nothing is added when it raises)."""

    notes: int = 0
    groups_created: int = 0
    themes_created: int = 0
    empty_skipped: int = 0
    controls_removed: int = 0
    other_records: int = 0
    ignored_columns: list[str] = field(default_factory=list)
    encoding: str = ""

    def summary(self) -> str:
        """One line telling the user what happened."""
        parts = [translate("CLI", "Imported {count} notes").format(count=self.notes)]
        for count, text in (
                (self.other_records, translate("CLI", "{count} other records")),
                (self.groups_created, translate("CLI", "created {count} groups")),
                (self.themes_created, translate("CLI", "created {count} themes")),
                (self.empty_skipped, translate("CLI", "skipped {count} empty rows")),
                (self.controls_removed, translate("CLI", "removed {count} control characters"))):
            if count:
                parts.append(text.format(count=count))
        if self.ignored_columns:
            parts.append(translate("CLI", "ignored columns: {names}").format(
                names=", ".join(self.ignored_columns)))
        return translate("CLI", "{summary}.").format(
            summary=translate("CLI", "; ").join(parts))


def import_file(ws: Workshop, path: Path, session: str | None = None,
                group: str | None = None) -> ImportResult:
    """Add the notes of ``path`` (.csv, .tsv, .txt or .json) to ``ws`` in one step.

    ``session`` (a title, 1-based number or id) and ``group`` (a name or id;
    an unknown name makes a new group) say where the notes go; they override
    the file's own session and group columns.  Without them notes go to the
    first session that is not a break, on its plenary board.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _import_json(ws, path)
    if suffix not in (".csv", ".tsv", ".txt"):
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot import {name}: use a .csv, .tsv, .txt or .json file."),
            name=path.name)
    text, encoding = decode_text(read_bytes(path, limit=MAX_INPUT_BYTES), path.name)
    if suffix == ".txt":
        table = Table(columns=["text"], rows=[
            (n, {"text": line}) for n, line in enumerate(text.splitlines(), start=1)
            if line.strip()])
    else:
        table = read_table(text, path.name, tab=suffix == ".tsv")
    if not table.rows:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} holds no notes; nothing was imported."), name=path.name)
    builder = _Builder(ws, path.name, session, group)
    change, result = builder.build(table)
    result.encoding = encoding
    ws.apply(change)
    return result


class _Builder:
    """Turns table rows into the records of one import change."""

    def __init__(self, ws: Workshop, name: str, session: str | None,
                 group: str | None) -> None:
        self.ws = ws
        self.name = name
        self.session_arg = session
        self.group_arg = group
        self.sessions = ws.sessions()
        self.result = ImportResult()
        self.new_groups: dict[tuple[str, str], Group] = {}
        self.new_themes: dict[tuple[str, str], Theme] = {}
        self._session_cache: dict[str, Session] = {}
        self._resolved: dict[tuple, str] = {}  # (session, name) -> group or theme id
        self.default_session = (self._find_session(session) if session
                                else self._first_session())

    def build(self, table: Table) -> tuple[Change, ImportResult]:
        result = self.result
        result.ignored_columns = list(table.ignored)
        stamp = self.ws.now()
        # (line, text, author, session, group_id, theme_id, color, votes, created)
        pending: list[tuple] = []
        for line, row in table.rows:
            text = self._clean(row.get("text", ""), limit=_NO_LIMIT)  # checked below
            if not text:
                result.empty_skipped += 1
                continue
            if len(text) > MAX_NOTE_CHARS:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "The note on line {line} of {name} has {count} characters; "
                    "a note may hold at most {limit}. Nothing was imported."),
                    line=line, name=self.name, count=f"{len(text):,}",
                    limit=f"{MAX_NOTE_CHARS:,}")
            session = self._session_of(row, line)
            group_id = self._group_of(session, row, line)
            theme_id = self._theme_of(session, row)
            pending.append((text, self._clean(row.get("author", ""), line=line),
                            session.id, group_id, theme_id,
                            self._color(row.get("color", ""), line),
                            self._votes(row.get("votes", ""), line),
                            self._created(row.get("created", "")) or stamp))
        if not pending:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "The text column of {name} is empty in every row; nothing was "
                "imported."), name=self.name)
        boards: dict[tuple[str, str | None], list[int]] = {}
        for i, p in enumerate(pending):
            boards.setdefault((p[2], p[3]), []).append(i)
        notes: list[Note | None] = [None] * len(pending)
        for (sid, gid), indexes in boards.items():
            existing = self.ws.elements_on(sid, gid)
            spots = free_spots(existing, len(indexes))
            z = max((e.z for e in existing), default=0.0)
            for i, (x, y) in zip(indexes, spots):
                text, author, _, _, theme_id, color, votes, created = pending[i]
                z += 1
                notes[i] = Note(id=new_id(), session_id=sid, group_id=gid, x=x, y=y, z=z,
                                color=color, text=text, author=author, created=created,
                                updated=created, votes=votes, theme_id=theme_id,
                                theme_manual=theme_id is not None)
        result.notes = len(notes)
        result.groups_created = len(self.new_groups)
        result.themes_created = len(self.new_themes)
        added = (*self.new_groups.values(), *self.new_themes.values(), *notes)
        return Change(added=added, label="import"), result  # type: ignore[arg-type]

    # -- cleaning and checking one field -------------------------------------------
    def _clean(self, value: str, limit: int = 1000, line: int = 0) -> str:
        if not value:
            return ""
        if _CONTROL_RE.search(value):
            self.result.controls_removed += len(_CONTROL_RE.findall(value))
        try:
            return clean_text(value, allow_empty=True, limit=limit)
        except FurikaeriError:  # an author or a name of over 1,000 characters
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Line {line} of {name} has a name of more than {limit} "
                "characters; nothing was imported."),
                line=line, name=self.name, limit=f"{limit:,}") from None

    def _color(self, value: str, line: int) -> str:
        if not value:
            return ""
        value = value.strip()
        if not value:
            return ""
        if _HEX_COLOR.fullmatch(value):
            return value.upper()
        named = COLOR_NAMES.get(normalise_name(value))
        if named is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Line {line} of {name}: {value} is not a colour; use #RRGGBB or "
                "yellow, pink, blue, green, orange, purple (黄, ピンク, 青, 緑, オレンジ, 紫)."),
                line=line, name=self.name, value=value)
        return named

    def _votes(self, value: str, line: int) -> int:
        if not value:
            return 0
        value = normalise_name(value)
        if not value:
            return 0
        if not value.isdigit():
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Line {line} of {name}: votes must be a whole number, not {value}."),
                line=line, name=self.name, value=value)
        return int(value)

    @staticmethod
    def _created(value: str) -> str:
        # Kept when it is a real timestamp (a re-imported export); else "now".
        value = value.strip()
        if not value:
            return ""
        try:
            datetime.fromisoformat(value)
        except ValueError:
            return ""
        return value

    # -- where a row goes ------------------------------------------------------------
    def _first_session(self) -> Session:
        for s in self.sessions:
            if s.kind != KIND_BREAK:
                return s
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The workshop has no session to import notes into; add one first."))

    def _find_session(self, value: str, line: int | None = None) -> Session:
        key = normalise_name(value)
        for s in self.sessions:
            if s.id == value.strip() or normalise_name(s.title) == key:
                return s
        if key.isdigit() and 1 <= int(key) <= len(self.sessions):
            return self.sessions[int(key) - 1]
        titles = ", ".join(f"{i}. {s.title}" for i, s in enumerate(self.sessions, start=1))
        if line is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "No session {value} in this workshop (sessions: {titles})."),
                value=value, titles=titles)
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Line {line} of {name}: no session {value} in this workshop "
            "(sessions: {titles})."), line=line, name=self.name, value=value, titles=titles)

    def _session_of(self, row: dict[str, str], line: int) -> Session:
        value = row.get("session", "").strip()
        if self.session_arg or not value:
            return self.default_session
        if value not in self._session_cache:
            self._session_cache[value] = self._find_session(value, line)
        return self._session_cache[value]

    def _group_of(self, session: Session, row: dict[str, str], line: int) -> str | None:
        value = (self.group_arg or "").strip() or self._clean(row.get("group", ""), line=line)
        if not value:
            return None
        key = (session.id, normalise_name(value))
        if key in self._resolved:
            return self._resolved[key]
        self._resolved[key] = gid = self._resolve_group(session, value, key)
        return gid

    def _resolve_group(self, session: Session, value: str, key: tuple[str, str]) -> str:
        existing = self.ws.groups_of(session.id)
        for g in existing:
            if g.id == value or normalise_name(g.name) == key[1]:
                return g.id
        made_here = sum(1 for k in self.new_groups if k[0] == session.id)
        order = max((g.order for g in existing), default=-1) + 1 + made_here
        colour = PALETTE[(len(existing) + made_here) % len(PALETTE)]
        group = Group(id=new_id(), session_id=session.id, name=value, color=colour,
                      order=order)
        self.new_groups[key] = group
        return group.id

    def _theme_of(self, session: Session, row: dict[str, str]) -> str | None:
        label = self._clean(row.get("theme", ""))
        if not label:
            return None
        key = ("theme", session.id, normalise_name(label))
        if key in self._resolved:
            return self._resolved[key]
        self._resolved[key] = tid = self._resolve_theme(session, label, key[1:])
        return tid

    def _resolve_theme(self, session: Session, label: str, key: tuple[str, str]) -> str:
        themes = [t for t in self.ws.all(Theme) if t.session_id == session.id]
        for t in themes:
            if normalise_name(t.label) == key[1]:
                return t.id
        order = max((t.order for t in themes), default=-1) + 1 + sum(
            1 for k in self.new_themes if k[0] == session.id)
        theme = Theme(id=new_id(), session_id=session.id, label=label, order=order,
                      label_manual=True)
        self.new_themes[key] = theme
        return theme.id


# -- JSON ---------------------------------------------------------------------------
def records_from_json_file(path: Path, partial: bool = False) -> list[Record]:
    """Every record of a JSON export (see :func:`facilitator.io.exporters.export_file`).

    Parents come before children.  Raises :class:`FurikaeriError` for a file
    that is not a Furikaeri JSON export, comes from a newer version or (unless
    ``partial``) refers to records it does not hold.
    """
    path = Path(path)
    doc = read_json(path)
    if not isinstance(doc, dict) or doc.get("format") != JSON_FORMAT or not isinstance(
            doc.get("records"), dict) or not isinstance(doc.get("version"), int):
        raise _not_ours(path)
    if doc["version"] > SCHEMA_VERSION:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} was exported by a newer version of Furikaeri (format {found}, "
            "this version reads up to {supported}); please update the app."),
            name=path.name, found=doc["version"], supported=SCHEMA_VERSION)
    tables: dict[str, Any] = doc["records"]
    unknown = set(tables) - set(TYPE_BY_TABLE)
    if unknown:
        raise _not_ours(path, f"unknown table {sorted(unknown)[0]}")
    records: list[Record] = []
    seen: set[str] = set()
    for rtype in RECORD_TYPES:
        rows = tables.get(rtype.TABLE, [])
        if not isinstance(rows, list):
            raise _not_ours(path, f"{rtype.TABLE} is not a list")
        codec = codec_for(rtype)
        checks = field_checks(rtype)
        for item in rows:
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                raise _not_ours(path, f"a record of {rtype.TABLE} has no id")
            for key, value in item.items():
                check = checks.get(key)
                if check is not None and not check(value):
                    raise _not_ours(path, f"{rtype.TABLE}.{key} of {item['id']}")
            try:
                rec = codec.from_dict(item)
            except (ValueError, TypeError) as exc:
                raise _not_ours(path, str(exc)) from None
            if rec.id in seen:
                raise _not_ours(path, f"the id {rec.id} appears twice")
            seen.add(rec.id)
            records.append(rec)
    if not partial:
        check_references(records, set(), path)
    return records


_REFERENCE_FIELDS = ("session_id", "group_id", "theme_id", "parent_id", "source_id",
                     "target_id")


def check_references(records: list[Record], known: set[str], path: Path) -> None:
    """Refuse records that point at an id neither they nor ``known`` hold."""
    ids = known | {r.id for r in records}
    for rec in records:
        for name in _REFERENCE_FIELDS:
            ref = getattr(rec, name, None)
            if ref is not None and ref not in ids:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "{name} is damaged: {table} {id} refers to {ref}, which it "
                    "does not hold. Nothing was imported."),
                    name=path.name, table=rec.TABLE, id=rec.id, ref=ref)


def _not_ours(path: Path, detail: str = "") -> FurikaeriError:
    if detail:
        return FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is not a Furikaeri JSON export ({detail})."),
            name=path.name, detail=detail)
    return FurikaeriError(QT_TRANSLATE_NOOP(
        "Errors", "{name} is not a Furikaeri JSON export."), name=path.name)


def _import_json(ws: Workshop, path: Path) -> ImportResult:
    # The workshop's own details and settings stay those of the open workshop.
    records = [r for r in records_from_json_file(path, partial=True)
               if not isinstance(r, (WorkshopInfo, Setting))]
    for rec in records:
        if ws.find(rec.id) is not None:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{name} holds records this workshop already has (such as {id}); "
                "it was probably exported from this workshop. Nothing was imported."),
                name=path.name, id=rec.id)
    if not records:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} holds no notes; nothing was imported."), name=path.name)
    check_references(records, {r.id for r in _all_records(ws)}, path)
    result = ImportResult(encoding="utf-8")
    result.notes = sum(isinstance(r, Note) for r in records)
    result.groups_created = sum(isinstance(r, Group) for r in records)
    result.themes_created = sum(isinstance(r, Theme) for r in records)
    result.other_records = len(records) - result.notes - result.groups_created - \
        result.themes_created
    ws.apply(Change(added=tuple(records), label="import"))
    return result


def _all_records(ws: Workshop) -> list[Record]:
    return [r for rtype in RECORD_TYPES for r in ws.all(rtype)]
