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


def normalise_name(name: str) -> str:
    """A header or a name as compared: NFKC (full-width ａ -> a), trimmed, casefolded."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


_HEADER_LOOKUP = {normalise_name(alias): key
                  for key, aliases in HEADER_ALIASES.items() for alias in aliases}


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a clear error when it is missing or unreadable."""
    try:
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


def decode_text(data: bytes, name: str = "") -> tuple[str, str]:
    """``(text, encoding)`` of a text file's bytes (see :func:`detect_encoding`)."""
    encoding = detect_encoding(data, name)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:  # only a broken UTF-16 file gets here
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} cannot be read as {encoding} text: {reason}"),
            name=name, encoding=encoding, reason=exc.reason) from None


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


def read_rows(text: str, name: str = "",
              tab: bool = False) -> tuple[list[tuple[int, list[str]]], bool]:
    """``([(line, cells), ...], tab)``: the records of CSV (or TSV) text, empty lines left out.

    ``line`` is the 1-based line where a record starts; a file whose first line
    has tabs and no comma is read as tab-separated (``tab`` says which was used).
    """
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
    return [(line, row) for line, row in records if row], tab  # lines with nothing at all


def read_table(text: str, name: str = "", tab: bool = False) -> Table:
    """Parse CSV (or TSV with ``tab``) text into a :class:`Table`.

    A header row is recognised by its names (see :data:`HEADER_ALIASES`); a
    file of one column without a known header is a list of notes, one a row.
    """
    records, tab = read_rows(text, name, tab)
    table = Table()
    if not records:
        return table
    header = records[0][1]
    keys = [_HEADER_LOOKUP.get(normalise_name(h)) for h in header]
    if not any(keys):
        if len(header) > 1:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{name} has no column with the note text; its first row has: "
                "{headers}. Name the text column 本文 or text."),
                name=name, headers=", ".join(h.strip() or '""' for h in header))
        # One column, no header: every row is a note.  Commas a person typed
        # without quoting split the row; they belong to the text.
        sep = "\t" if tab else ","
        table.columns = ["text"]
        table.rows = [(line, {"text": sep.join(row)}) for line, row in records]
        return table
    if "text" not in keys:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} has no column with the note text; its columns are: "
            "{headers}. Name the text column 本文 or text."),
            name=name, headers=", ".join(h.strip() for h in header))
    table.header = True
    index: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key is None:
            table.ignored.append(header[i].strip())
        elif key not in index:  # the first of two columns of one meaning wins
            index[key] = i
    table.columns = list(index)
    width = len(header)
    for line, row in records[1:]:
        if len(row) > width and any(cell.strip() for cell in row[width:]):
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Line {line} of {name} has {found} fields but the header has "
                "{expected}; quote texts that contain commas. Nothing was imported."),
                line=line, name=name, found=len(row), expected=width)
        table.rows.append((line, {key: row[i] if i < len(row) else ""
                                  for key, i in index.items()}))
    return table
