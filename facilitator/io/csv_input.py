"""Reading the text files notes are imported from: encodings, CSV rows, headers.

Excel in Japan writes CSV in CP932 (Shift_JIS with Microsoft's extensions),
newer Excel and most tools in UTF-8, often with a BOM.  The encoding is found
by classifying every line's bytes (ASCII, valid UTF-8, valid only as CP932,
neither): a statistical detector such as charset-normalizer misreads short
Japanese files (a two-line CP932 file came back as UTF-16 or CP949 in our
trials) and cannot tell that one file mixes two encodings, which happens when
lines are pasted together from different sources.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP

UTF8 = "utf-8"
CP932 = "cp932"

#: Canonical column -> header names accepted (compared NFKC-normalised, casefolded, trimmed).
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("本文", "テキスト", "内容", "意見", "付箋", "text", "note", "body", "opinion",
             "comment"),
    "author": ("名前", "氏名", "発言者", "記入者", "author", "name", "speaker"),
    "group": ("グループ", "班", "group"),
    "session": ("セッション", "プログラム", "session"),
    "color": ("色", "カラー", "color", "colour"),
    "votes": ("票", "票数", "投票", "votes"),
    "theme": ("テーマ", "表札", "theme"),
    "created": ("作成日時", "created"),
}


# Columns of our CSV export, Japanese because organisers open it in Excel.
EXPORT_COLUMNS = ("セッション", "グループ", "テーマ", "本文", "記入者", "票", "色", "作成日時", "id")

# A spreadsheet runs a cell that starts with one of = + - @ (or tab or CR
# before them) as a formula: =cmd|' /C calc'!A0.  OWASP ("CSV Injection")
# prefixes such cells with a single quote.  Cells that already start with
# quotes before one get one more, so that reading our export back is exact.
_FORMULA = re.compile(r"'*[=+\-@\t\r]")


def defuse_cell(text: str) -> str:
    """``text`` as our CSV export writes it: never run as a formula by a spreadsheet.

    "-5%の予算" becomes "'-5%の予算" too: the rule cannot tell Japanese text
    from a formula.  The JSON and Markdown exports keep the text as it is.
    """
    return "'" + text if _FORMULA.match(text) else text


def restore_cell(text: str) -> str:
    """The text a cell of our CSV export was made from (undoes :func:`defuse_cell`)."""
    return text[1:] if text.startswith("'") and _FORMULA.match(text, 1) else text


def normalise_name(name: str) -> str:
    """A header or a name as compared: NFKC (full-width ａ -> a), trimmed, casefolded."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


_HEADER_LOOKUP = {normalise_name(alias): key
                  for key, aliases in HEADER_ALIASES.items() for alias in aliases}
_EXPORT_NAMES = {normalise_name(name) for name in EXPORT_COLUMNS}


# Far above any file of notes or export of a real workshop (a full day with ink:
# a few MB); reading more would only exhaust the memory.
MAX_INPUT_BYTES = 256 * 1024 * 1024


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, or a clear error when it is missing, unreadable or over ``limit``."""
    try:
        if limit is not None and path.stat().st_size > limit:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{name} is too large to read ({size} MB; at most {limit} MB)."),
                name=path.name, size=f"{path.stat().st_size / 2 ** 20:,.0f}",
                limit=f"{limit // 2 ** 20:,}")
        return path.read_bytes()
    except FileNotFoundError:
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "No such file: {path}"),
                             path=path) from None
    except IsADirectoryError:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is a folder, not a file to import."), path=path) from None
    except OSError as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot read {path}: {reason}"), path=path,
            reason=exc.strerror or exc) from None



def detect_encoding(data: bytes, name: str = "") -> str:
    """``"utf-8-sig"``, ``"utf-16"``, ``"utf-8"`` or ``"cp932"`` for ``data``.

    Raises :class:`FurikaeriError` naming the first line that breaks the
    pattern when lines are in different encodings or in neither.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"  # Excel's "Unicode text"; the BOM says which order
    else:
        encoding = UTF8
    try:
        data.decode(UTF8)
        return encoding  # a whole valid UTF-8 file: every line is UTF-8
    except UnicodeDecodeError:
        pass
    # Neither CP932 nor UTF-8 ever uses byte 0x0A inside a character, so
    # splitting at b"\n" never cuts one in two, and a file that decodes
    # whole as CP932 decodes line by line too.
    all_cp932 = _decodes(data, CP932)
    first: str | None = None
    for number, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            continue
        if _decodes(line, UTF8):
            kind: str | None = UTF8
        else:
            kind = CP932 if all_cp932 or _decodes(line, CP932) else None
        if kind is None:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Line {line} of {name} is neither UTF-8 nor Shift_JIS (CP932) "
                "text; save the file as CSV UTF-8 and try again."), line=number, name=name)
        if first is None:
            first = kind
        elif kind != first:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{name} mixes encodings: line {line} is {found} but earlier "
                "lines are {expected}; save the file in one encoding (CSV UTF-8)."),
                name=name, line=number, found=_LABEL[kind], expected=_LABEL[first])
    return first or encoding


_LABEL = {UTF8: "UTF-8", CP932: "Shift_JIS (CP932)"}


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def decode_text(data: bytes, name: str = "", encoding: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes.

    ``encoding`` (``"utf-8"`` or ``"cp932"``) is what the user chose; without
    it the encoding is detected (see :func:`detect_encoding`).  A chosen
    encoding the bytes do not fit is refused naming the first bad line.
    """
    if encoding is None:
        encoding = detect_encoding(data, name)
    elif encoding == UTF8 and data.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        if encoding in (UTF8, "utf-8-sig", CP932):
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Line {line} of {name} is not {encoding} text; choose another "
                "encoding."), line=data[:exc.start].count(b"\n") + 1, name=name,
                encoding=encoding_label(encoding)) from None
        # only a broken UTF-16 file gets here
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} cannot be read as {encoding} text: {reason}"),
            name=name, encoding=encoding, reason=exc.reason) from None


def encoding_label(encoding: str) -> str:
    """How an encoding is named to people: UTF-8, UTF-8 (BOM), Shift_JIS (CP932), UTF-16."""
    return {"utf-8-sig": "UTF-8 (BOM)", "utf-16": "UTF-16"}.get(
        encoding, _LABEL.get(encoding, encoding))


@dataclass
class Table:
    """Rows of a CSV file keyed by canonical column names.

    ``rows`` are ``(line, {column: value})`` with ``line`` the 1-based line
    where the record starts; ``ignored`` are header names not understood.
    """

    rows: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    header: bool = False


@dataclass
class RawTable:
    """The records of a CSV or TSV file before columns are given meanings.

    ``records`` are ``(line, cells)`` with ``line`` where the record starts.
    """

    records: list[tuple[int, list[str]]] = field(default_factory=list)
    tab: bool = False

    @property
    def first_row(self) -> list[str]:
        return self.records[0][1] if self.records else []

    @property
    def width(self) -> int:
        """The number of columns: the widest of the first rows."""
        return max((len(row) for _, row in self.records[:100]), default=0)


def parse_table(text: str, name: str = "", tab: bool = False) -> RawTable:
    """Split CSV (or TSV with ``tab``) text into records; broken quoting is refused."""
    if text.startswith("\ufeff"):
        text = text[1:]
    first_line = text.split("\n", 1)[0]
    if not tab and "\t" in first_line and "," not in first_line:
        tab = True  # a tab-separated file saved as .csv
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t" if tab else ",",
                        strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 1
    try:
        for row in reader:
            records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} has broken quoting in the record starting at line {line} "
            "({reason}); nothing was imported."), name=name, line=start,
            reason=str(exc)) from None
    # lines with nothing at all are dropped
    return RawTable([(line, row) for line, row in records if row], tab)


def guess_columns(raw: RawTable) -> tuple[bool, dict[str, int]]:
    """``(the first row is a header, {column: index})`` found by header names.

    A first row without any known name is no header; then a file of one
    column is a list of notes, and a wider one has no known columns.
    """
    keys = [_HEADER_LOOKUP.get(normalise_name(h)) for h in raw.first_row]
    if not any(keys):
        return False, ({"text": 0} if len(raw.first_row) == 1 else {})
    index: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key is not None and key not in index:  # the first of two of one meaning wins
            index[key] = i
    return True, index


def make_table(raw: RawTable, name: str = "", header: bool | None = None,
               columns: dict[str, int] | None = None) -> Table:
    """The rows of ``raw`` keyed by column meaning.

    ``header`` (the first row holds names) and ``columns`` (``{meaning:
    index}``, see :data:`HEADER_ALIASES`) default to what :func:`guess_columns`
    finds.  Raises :class:`FurikaeriError` without a text column.
    """
    table = Table()
    if not raw.records:
        return table
    guessed_header, guessed = guess_columns(raw)
    header = guessed_header if header is None else header
    columns = dict(guessed if columns is None else columns)
    first = raw.first_row
    if "text" not in columns:
        if header:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{name} has no column with the note text; its columns are: "
                "{headers}. Name the text column 本文 or text."),
                name=name, headers=", ".join(h.strip() for h in first))
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} has no column with the note text; its first row has: "
            "{headers}. Name the text column 本文 or text."),
            name=name, headers=", ".join(h.strip() or '""' for h in first))
    records = raw.records[1:] if header else raw.records
    table.header = header
    table.columns = list(columns)
    if not header and columns == {"text": 0} and len(first) == 1:
        # One column, no header: every row is a note.  Commas a person typed
        # without quoting split the row; they belong to the text.
        sep = "\t" if raw.tab else ","
        table.rows = [(line, {"text": sep.join(row)}) for line, row in records]
        return table
    if header:
        used = set(columns.values())
        table.ignored = [h.strip() for i, h in enumerate(first) if i not in used]
        width = len(first)
        for line, row in records:
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "Line {line} of {name} has {found} fields but the header has "
                    "{expected}; quote texts that contain commas. Nothing was imported."),
                    line=line, name=name, found=len(row), expected=width)
    table.rows = [(line, {key: row[i] if i < len(row) else "" for key, i in columns.items()})
                  for line, row in records]
    if header and {normalise_name(h) for h in first} >= _EXPORT_NAMES:
        # Our own export, read back: undo the quotes that kept Excel from running
        # cells as formulas.  Anyone else's quotes are their text.
        table.rows = [(line, {key: restore_cell(value) for key, value in cells.items()})
                      for line, cells in table.rows]
    return table


def read_table(text: str, name: str = "", tab: bool = False) -> Table:
    """Parse CSV (or TSV with ``tab``) text into a :class:`Table`.

    A header row is recognised by its names (see :data:`HEADER_ALIASES`); a
    file of one column without a known header is a list of notes, one a row.
    """
    return make_table(parse_table(text, name, tab), name)


def read_rows(text: str, name: str = "",
              tab: bool = False) -> tuple[list[tuple[int, list[str]]], bool]:
    """``([(line, cells), ...], tab)``: the records of CSV (or TSV) text, empty lines left out.

    ``line`` is the 1-based line where a record starts; a file whose first line
    has tabs and no comma is read as tab-separated (``tab`` says which was used).
    """
    raw = parse_table(text, name, tab)
    return raw.records, raw.tab
