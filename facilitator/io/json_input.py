"""Reading a JSON file someone gives the app: an import, ``new --from``, a template;
and our own JSON export read back as records, checked.

``json.loads`` takes input no file of ours holds and fails on some of it in
ways that are not a sentence: nesting deeper than the interpreter's stack
(RecursionError), integers of over 4,300 digits (ValueError), and it accepts
NaN, Infinity and numbers SQLite cannot store.  Here each of those is refused
with one clear sentence naming the file, and so is a file too large to read.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from pathlib import Path
from typing import Any

from facilitator.io.csv_input import MAX_INPUT_BYTES, read_bytes
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.model import RECORD_TYPES, TYPE_BY_TABLE, Record
from facilitator.workshop.records import codec_for
from facilitator.workshop.schema import SCHEMA_VERSION

# Deeper than any free-form value of ours (a setting) nests.
MAX_DEPTH = 32
# Integers a workshop stores are SQLite's 64-bit ones.
INT_RANGE = range(-(2 ** 63), 2 ** 63)


class _Refused(ValueError):
    """A number no file of ours holds, met while parsing."""


def _int(text: str) -> int:
    if len(text.lstrip("-")) > 19 or int(text) not in INT_RANGE:
        raise _Refused(text)
    return int(text)


def _float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999
        raise _Refused(text)
    return value


def _constant(text: str) -> float:
    raise _Refused(text)  # NaN, Infinity, -Infinity


def read_json(path: Path) -> Any:
    """The JSON value in the file ``path`` (UTF-8, a BOM allowed), or a one-line refusal."""
    path = Path(path)
    data = read_bytes(path, limit=MAX_INPUT_BYTES)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} cannot be read: it is not UTF-8 text."),
            name=path.name) from None
    try:
        value = json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)
    except json.JSONDecodeError as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} is not valid JSON (line {line}: {reason})."),
            name=path.name, line=exc.lineno, reason=exc.msg) from None
    except RecursionError:
        raise _too_deep(path) from None
    except _Refused as exc:
        raise _bad_number(path, str(exc)) from None
    return value


def depth_over(value: Any, limit: int) -> bool:
    """Whether lists and objects nest more than ``limit`` levels in ``value`` (no recursion)."""
    todo = [(value, 1)]
    while todo:
        item, depth = todo.pop()
        if isinstance(item, (list, dict)):
            if depth > limit:
                return True
            todo.extend((v, depth + 1) for v in (item.values() if isinstance(item, dict) else item)
                        if isinstance(v, (list, dict)))
    return False


def _too_deep(path: Path) -> FurikaeriError:
    return FurikaeriError(QT_TRANSLATE_NOOP(
        "Errors", "{name} cannot be read: its lists and objects are nested too deeply."),
        name=path.name)


def _bad_number(path: Path, text: str) -> FurikaeriError:
    shown = text if len(text) <= 24 else f"{text[:12]}…({len(text):,} characters)"
    return FurikaeriError(QT_TRANSLATE_NOOP(
        "Errors", "{name} cannot be read: it holds the number {number}, which a workshop "
        "cannot hold."), name=path.name, number=shown)


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v in INT_RANGE


def _is_number(v: Any) -> bool:
    return _is_int(v) or (isinstance(v, float) and math.isfinite(v))


# Field type (as written in the model) -> a test that a JSON value fits it and can be stored.
_TYPE_CHECKS = {
    "str": lambda v: isinstance(v, str),
    "int": _is_int,
    "float": _is_number,
    "bool": lambda v: isinstance(v, bool),
    "list[str]": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    "list[list[float]]": lambda v: isinstance(v, list) and all(
        isinstance(p, list) and all(_is_number(x) for x in p) for p in v),
    "object": lambda v: not depth_over(v, MAX_DEPTH),
}


@functools.lru_cache(maxsize=None)
def field_checks(rtype: type) -> dict[str, Any]:
    """Per field of the record type ``rtype``, a test that a JSON value fits it."""
    checks = {}
    for f in dataclasses.fields(rtype):
        t = str(f.type).replace(" ", "")
        optional = t.endswith("|None")
        base = t.removesuffix("|None")
        ok = _TYPE_CHECKS.get(base)
        if ok is None:
            if base.startswith("list"):
                ok = _TYPE_CHECKS["object"]
            else:
                continue
        checks[f.name] = (lambda v, ok=ok: v is None or ok(v)) if optional else ok
    return checks


def bad_field(rec: Any) -> str | None:
    """The name of a field of record ``rec`` whose value does not fit its type, if any."""
    for name, ok in field_checks(type(rec)).items():
        if not ok(getattr(rec, name)):
            return name
    return None


# -- our JSON export, read back ------------------------------------------------------
#: The ``format`` value of our JSON exports.
JSON_FORMAT = "furikaeri"


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
