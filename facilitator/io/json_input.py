"""Reading a JSON file someone gives the app: an import, ``new --from``, a template.

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
