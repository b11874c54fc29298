"""Turning records into rows and plain dicts and back.

Lists and other structured fields are stored as JSON text so that the file
stays readable with the sqlite-utils CLI; booleans are stored as 0/1.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import operator
from typing import Any

from facilitator.workshop.model import Record


def _kind(type_text: str) -> str:
    if type_text == "bool":
        return "bool"
    if type_text.startswith(("list", "dict", "object")):
        return "json"
    if type_text == "float":
        return "float"
    return "plain"


def _from_json(value: str | None) -> Any:
    return json.loads(value) if value is not None else None


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
        # Reads every field in one C call: the edit path compares records often.
        self.values = operator.attrgetter(*self.fields)
        self._index = {name: i for i, name in enumerate(self.fields)}
        self._from_sql = [(i, _from_json if kind == "json" else bool)
                          for i, kind in enumerate(self.kinds) if kind in ("json", "bool")]

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
        # REAL columns already give floats (their affinity converts integers),
        # so only JSON and 0/1 columns need converting: opening a big file
        # is mostly this loop.
        if self._from_sql:
            row = list(row)
            for i, convert in self._from_sql:
                row[i] = convert(row[i])
        return self.rtype(*row)

    def update(self, before: Record, after: Record) -> tuple[str, list[Any]]:
        """SQL and parameters updating only the fields that differ."""
        sets, params = [], []
        for name, kind, old, value in zip(self.fields, self.kinds,
                                          self.values(before), self.values(after)):
            if old == value:
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

    def replace(self, rec: Record, changes: dict[str, Any]) -> Record:
        """``rec`` with ``changes`` (like ``dataclasses.replace``, several times faster)."""
        values = list(self.values(rec))
        try:
            for name, value in changes.items():
                values[self._index[name]] = value
        except KeyError as exc:
            raise TypeError(f"{self.rtype.__name__} has no field {exc}") from None
        return self.rtype(*values)

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
