"""Turning records into rows and plain dicts and back.

Lists and other structured fields are stored as JSON text so that the file
stays readable with the sqlite-utils CLI; booleans are stored as 0/1.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from typing import Any

from facilitator.model import Record


def _kind(type_text: str) -> str:
    if type_text == "bool":
        return "bool"
    if type_text.startswith(("list", "dict", "object")):
        return "json"
    if type_text == "float":
        return "float"
    return "plain"


class Codec:
    """Row and dict conversion of one record type (built once per type)."""

    def __init__(self, rtype: type[Record]) -> None:
        self.rtype = rtype
        self.fields = [f.name for f in dataclasses.fields(rtype)]
        self.kinds = [_kind(str(f.type)) for f in dataclasses.fields(rtype)]
        self._json = {n for n, k in zip(self.fields, self.kinds) if k == "json"}
        self._bool = {n for n, k in zip(self.fields, self.kinds) if k == "bool"}
        cols = ", ".join(f"[{n}]" for n in self.fields)
        table = rtype.TABLE
        self.select_sql = cols
        self.insert_sql = (f"INSERT INTO [{table}] ({cols}) "
                           f"VALUES ({', '.join('?' * len(self.fields))})")
        self.delete_sql = f"DELETE FROM [{table}] WHERE id = ?"
        self._update_prefix = f"UPDATE [{table}] SET "

    def to_row(self, rec: Record) -> list[Any]:
        row = []
        for name, kind in zip(self.fields, self.kinds):
            value = getattr(rec, name)
            if kind == "json":
                value = json.dumps(value, ensure_ascii=False)
            elif kind == "bool":
                value = int(bool(value))
            row.append(value)
        return row

    def from_row(self, row) -> Record:
        values = {}
        for name, kind, value in zip(self.fields, self.kinds, row):
            if kind == "json":
                value = json.loads(value) if value is not None else None
            elif kind == "bool":
                value = bool(value)
            elif kind == "float" and value is not None:
                value = float(value)
            values[name] = value
        return self.rtype(**values)

    def update(self, before: Record, after: Record) -> tuple[str, list[Any]]:
        """SQL and parameters updating only the fields that differ."""
        sets, params = [], []
        for name, kind in zip(self.fields, self.kinds):
            value = getattr(after, name)
            if getattr(before, name) == value:
                continue
            if kind == "json":
                value = json.dumps(value, ensure_ascii=False)
            elif kind == "bool":
                value = int(bool(value))
            sets.append(f"[{name}] = ?")
            params.append(value)
        if not sets:
            return "", []
        params.append(after.id)
        return self._update_prefix + ", ".join(sets) + " WHERE id = ?", params

    def to_dict(self, rec: Record) -> dict[str, Any]:
        """A plain JSON-ready dict of ``rec``."""
        return {name: getattr(rec, name) for name in self.fields}

    def from_dict(self, data: dict[str, Any]) -> Record:
        """A record from a dict; unknown keys are refused with ValueError."""
        unknown = set(data) - set(self.fields)
        if unknown:
            raise ValueError(f"unknown fields {sorted(unknown)} for {self.rtype.TABLE}")
        values = dict(data)
        for name in self._bool & values.keys():
            values[name] = bool(values[name])
        return self.rtype(**values)


@functools.lru_cache(maxsize=None)
def codec_for(rtype: type[Record]) -> Codec:
    """The (cached) codec of a record type."""
    return Codec(rtype)
