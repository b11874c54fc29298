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

from facilitator.workshop.changes import Change
from facilitator.io.csv_input import Table, normalise_name
from facilitator.io.import_source import JSON, Source, read_source
from facilitator.io.json_input import (  # noqa: F401 (the import API names them too)
    JSON_FORMAT, check_references, records_from_json_file,
)
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.board.palette import GROUP_COLOURS, NOTE_COLOURS
from facilitator.board.note_size import note_height
from facilitator.board.placement import free_spots
from facilitator.workshop.model import (
    KIND_BREAK, MAX_NOTE_CHARS, NOTE_W, RECORD_TYPES, Group, Note, Record,
    Session, Setting, Theme, WorkshopInfo, new_id,
)
from facilitator.workshop.workshop import Workshop, clean_text

#: Colours of groups an import creates, and the colour names a CSV may use.
PALETTE = GROUP_COLOURS
_JAPANESE_NAMES = {"yellow": ("黄", "黄色"), "pink": ("ピンク",), "blue": ("青",), "green": ("緑",),
                   "orange": ("オレンジ",), "purple": ("紫",)}
COLOR_NAMES = {name: NOTE_COLOURS[key] for key, names in _JAPANESE_NAMES.items()
               for name in (key, *names)}
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


@dataclass(frozen=True)
class ImportOptions:
    """How to read a file and where its notes go (``None``: what the file says).

    ``encoding`` is "utf-8" or "cp932"; ``header`` whether the first row
    names the columns; ``columns`` maps meanings ("text", "author", "group",
    ... see :data:`facilitator.io.csv_input.HEADER_ALIASES`) to column
    indexes.  ``session`` (a title, 1-based number or id) and ``group`` (a
    name or id; an unknown name makes a new group) override the file's
    session and group columns; ``plenary`` puts every note on the session's
    own board whatever the file's group column says.
    """

    encoding: str | None = None
    header: bool | None = None
    columns: dict[str, int] | None = None
    session: str | None = None
    group: str | None = None
    plenary: bool = False


@dataclass(frozen=True)
class PreviewRow:
    """One note as it will be imported, with the names of where it goes."""

    line: int
    text: str
    author: str
    session: str
    group: str
    theme: str


#: How many notes a preview lists.
PREVIEW_ROWS = 50


@dataclass
class ImportPreview:
    """An import built and checked but not applied (see :func:`apply_import`).

    ``change`` is what :func:`apply_import` applies, ``result`` what it will
    report, ``rows`` the first notes, ``counts`` the records added per table.
    """

    source: Source
    options: ImportOptions
    change: Change
    result: ImportResult
    rows: list[PreviewRow]
    counts: dict[str, int]
    inputs: tuple | None = None  # what placement read; None: always built again

    @property
    def note_ids(self) -> list[str]:
        return [r.id for r in self.change.added if isinstance(r, Note)]


def import_file(ws: Workshop, path: Path, session: str | None = None,
                group: str | None = None) -> ImportResult:
    """Add the notes of ``path`` (.csv, .tsv, .txt or .json) to ``ws`` in one step.

    ``session`` (a title, 1-based number or id) and ``group`` (a name or id;
    an unknown name makes a new group) say where the notes go; they override
    the file's own session and group columns.  Without them notes go to the
    first session that is not a break, on its plenary board.
    """
    options = ImportOptions(session=session, group=group)
    return apply_import(ws, read_import(ws, path, options)).result


def read_import(ws: Workshop, path: Path, options: ImportOptions = ImportOptions()
                ) -> ImportPreview:
    """Read ``path`` and build its import into ``ws`` without applying it.

    Raises :class:`FurikaeriError` (naming the line) for anything that would
    stop the import.
    """
    return preview_import(ws, read_source(Path(path), options.encoding), options)


def preview_import(ws: Workshop, source: Source, options: ImportOptions) -> ImportPreview:
    """Build the import of an already read ``source`` with ``options``."""
    if source.kind == JSON:
        return _preview_json(ws, source, options)
    table = source.table(options.header, options.columns)
    if not table.rows:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} holds no notes; nothing was imported."), name=source.name)
    builder = _Builder(ws, source.name, options.session, options.group, options.plenary)
    change, result = builder.build(table)
    result.encoding = source.encoding
    return ImportPreview(source, options, change, result, _rows(ws, change, builder.lines),
                         _counts(change), _inputs(ws, builder.boards))


def apply_import(ws: Workshop, preview: ImportPreview) -> ImportPreview:
    """Apply a previewed import as one change (one undo step); returns what was applied.

    When the workshop changed since the preview (a note typed on the target
    board, a group renamed), the import is built again, so it is never
    placed over a note it did not know of.
    """
    if preview.inputs is None or not _same(preview.inputs, _inputs(ws, _boards(preview))):
        preview = preview_import(ws, preview.source, preview.options)
    ws.apply(preview.change)
    return preview


def _boards(preview: ImportPreview) -> list[tuple[str | None, str | None]]:
    return list(dict.fromkeys((n.session_id, n.group_id) for n in preview.change.added
                              if isinstance(n, Note)))


def _inputs(ws: Workshop, boards) -> tuple:
    """What building an import read: sessions, groups, themes, the target boards."""
    return (tuple(ws.sessions()), tuple(ws.all(Group)), tuple(ws.all(Theme)),
            *(tuple(ws.elements_on(*board)) for board in boards))


def _same(a: tuple, b: tuple) -> bool:
    # Records are immutable and replaced on every edit, so "is" tells any change.
    return len(a) == len(b) and all(
        len(x) == len(y) and all(p is q for p, q in zip(x, y)) for x, y in zip(a, b))


def _counts(change: Change) -> dict[str, int]:
    counts: dict[str, int] = {}
    for rec in change.added:
        counts[rec.TABLE] = counts.get(rec.TABLE, 0) + 1
    return counts


def _rows(ws: Workshop, change: Change, lines: list[int]) -> list[PreviewRow]:
    names = {r.id: r for r in (*ws.sessions(), *ws.all(Group), *ws.all(Theme))}
    names.update((r.id, r) for r in change.added if isinstance(r, (Session, Group, Theme)))
    notes = [r for r in change.added if isinstance(r, Note)][:PREVIEW_ROWS]

    def name(rid: str | None, attr: str) -> str:
        rec = names.get(rid) if rid else None
        return getattr(rec, attr, "") if rec is not None else ""
    return [PreviewRow(line, n.text, n.author, name(n.session_id, "title"),
                       name(n.group_id, "name"), name(n.theme_id, "label"))
            for line, n in zip(lines or [0] * len(notes), notes)]


class _Builder:
    """Turns table rows into the records of one import change."""

    def __init__(self, ws: Workshop, name: str, session: str | None,
                 group: str | None, plenary: bool = False) -> None:
        self.ws = ws
        self.name = name
        self.session_arg = session
        self.group_arg = group
        self.plenary = plenary
        self.lines: list[int] = []     # the file's line of each note built
        self.boards: list[tuple[str, str | None]] = []  # the boards notes go to
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
            pending.append((line, text, self._clean(row.get("author", ""), line=line),
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
            boards.setdefault((p[3], p[4]), []).append(i)
        notes: list[Note | None] = [None] * len(pending)
        for (sid, gid), indexes in boards.items():
            existing = self.ws.elements_on(sid, gid)
            heights = [note_height(pending[i][1]) for i in indexes]  # as the board draws them
            spots = free_spots(existing, len(indexes), sizes=[(NOTE_W, h) for h in heights])
            z = max((e.z for e in existing), default=0.0)
            for i, (x, y), h in zip(indexes, spots, heights):
                _, text, author, _, _, theme_id, color, votes, created = pending[i]
                z += 1
                notes[i] = Note(id=new_id(), session_id=sid, group_id=gid, x=x, y=y, z=z, h=h,
                                color=color, text=text, author=author, created=created,
                                updated=created, votes=votes, theme_id=theme_id,
                                theme_manual=theme_id is not None)
        self.lines = [p[0] for p in pending]
        self.boards = list(boards)
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
        if self.plenary:
            return None
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


def _preview_json(ws: Workshop, source: Source, options: ImportOptions) -> ImportPreview:
    # The workshop's own details and settings stay those of the open workshop.
    path = source.path
    records = [r for r in source.records if not isinstance(r, (WorkshopInfo, Setting))]
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
    change = Change(added=tuple(records), label="import")
    return ImportPreview(source, options, change, result, _rows(ws, change, []),
                         _counts(change))


def _all_records(ws: Workshop) -> list[Record]:
    return [r for rtype in RECORD_TYPES for r in ws.all(rtype)]
