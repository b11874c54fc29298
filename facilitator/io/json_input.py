"""Reading our JSON export back: every record of a whole workshop, checked.

The file must say it is ours (``format``), come from this or an older
version, hold only known tables with fields of the right types, and point
only at records it (or the workshop it goes into) holds.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.io.csv_input import read_bytes
from facilitator.workshop.model import RECORD_TYPES, TYPE_BY_TABLE, Record
from facilitator.workshop.records import codec_for
from facilitator.workshop.schema import SCHEMA_VERSION

#: The ``format`` value of our JSON exports.
JSON_FORMAT = "furikaeri"


def records_from_json_file(path: Path, partial: bool = False) -> list[Record]:
    """Every record of a JSON export (see :func:`facilitator.io.exporters.export_file`).

    Parents come before children.  Raises :class:`FurikaeriError` for a file
    that is not a Furikaeri JSON export, comes from a newer version or (unless
    ``partial``) refers to records it does not hold.
    """
    path = Path(path)
    data = read_bytes(path)
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is not a Furikaeri JSON export (it is not UTF-8 text)."),
            name=path.name) from None
    except json.JSONDecodeError as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is not valid JSON (line {line}: {reason})."),
            name=path.name, line=exc.lineno, reason=exc.msg) from None
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
        checks = _field_checks(rtype)
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


def _field_checks(rtype: type[Record]) -> dict[str, Any]:
    """Per field, a test that a JSON value fits the record's field type."""
    import dataclasses
    checks = {}
    for f in dataclasses.fields(rtype):
        t = str(f.type).replace(" ", "")
        optional = t.endswith("|None")
        base = t.removesuffix("|None")
        if base == "str":
            ok = lambda v: isinstance(v, str)  # noqa: E731
        elif base == "int":
            ok = lambda v: isinstance(v, int) and not isinstance(v, bool)  # noqa: E731
        elif base == "float":
            ok = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)  # noqa: E731
        elif base == "bool":
            ok = lambda v: isinstance(v, bool)  # noqa: E731
        elif base.startswith("list"):
            ok = lambda v: isinstance(v, list)  # noqa: E731
        else:
            continue
        checks[f.name] = (lambda v, ok=ok: v is None or ok(v)) if optional else ok
    return checks
