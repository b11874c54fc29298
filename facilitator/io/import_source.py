"""A file to import, read once: its kind, encoding and rows (or records).

Reading is the first half of an import (see :mod:`facilitator.io.importers`):
the file is decoded and split into rows here, then the import's options
(which column means what, where the notes go) can be changed and previewed
any number of times without reading the file again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.io.csv_input import (
    MAX_INPUT_BYTES, RawTable, Table, decode_text, guess_columns, make_table, parse_table,
    read_bytes,
)
from facilitator.io.json_input import records_from_json_file
from facilitator.workshop.model import Record

#: Kinds of files: rows of columns (.csv, .tsv), one note a line (.txt), our JSON export.
TABLE, LINES, JSON = "table", "lines", "json"
KIND_BY_SUFFIX = {".csv": TABLE, ".tsv": TABLE, ".txt": LINES, ".json": JSON}
#: What may be chosen as a file's encoding (``None`` is "detect it").
ENCODINGS = ("utf-8", "cp932")


@dataclass
class Source:
    """One file read for an import.

    ``raw`` holds the rows of a table or a text file, ``records`` those of a
    JSON export; ``encoding`` is the one found (or chosen) for the text.
    """

    path: Path
    kind: str
    encoding: str = ""
    chosen_encoding: str | None = None
    raw: RawTable = field(default_factory=RawTable)
    records: list[Record] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def guess(self) -> tuple[bool, dict[str, int]]:
        """``(first row is a header, {meaning: column})`` found by header names."""
        if self.kind != TABLE:
            return False, {"text": 0}
        return guess_columns(self.raw)

    def column_names(self, header: bool) -> list[str]:
        """A name for every column: the header's, or empty where it has none."""
        names = list(self.raw.first_row) if header else []
        width = max(self.raw.width, len(names))
        return [n.strip() for n in names] + [""] * (width - len(names))

    def table(self, header: bool | None = None,
              columns: dict[str, int] | None = None) -> Table:
        """The rows keyed by meaning (see :func:`facilitator.io.csv_input.make_table`)."""
        if self.kind == LINES:
            return Table(columns=["text"], rows=[
                (line, {"text": cells[0]}) for line, cells in self.raw.records])
        return make_table(self.raw, self.name, header, columns)


def read_source(path: Path, encoding: str | None = None) -> Source:
    """Read ``path`` (.csv, .tsv, .txt or .json) for an import.

    ``encoding`` ("utf-8" or "cp932") overrides the detected one of a text
    file.  Raises :class:`FurikaeriError` for a file that cannot be read,
    decoded or parsed, naming the line.
    """
    path = Path(path)
    kind = KIND_BY_SUFFIX.get(path.suffix.lower())
    if kind is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot import {name}: use a .csv, .tsv, .txt or .json file."),
            name=path.name)
    if kind == JSON:
        return Source(path, kind, "utf-8", records=records_from_json_file(path, partial=True))
    text, found = decode_text(read_bytes(path, limit=MAX_INPUT_BYTES), path.name, encoding)
    source = Source(path, kind, found, encoding)
    if kind == LINES:
        source.raw = RawTable([(n, [line]) for n, line in
                               enumerate(text.splitlines(), start=1) if line.strip()])
    else:
        source.raw = parse_table(text, path.name, tab=path.suffix.lower() == ".tsv")
    return source
