"""Lists of people: pasted text, or a CSV file from Excel (名簿).

One person a line.  What organisers paste or save looks like any of::

    山田太郎, 株式会社ふりかえり            comma-separated (名前, 所属)
    山田太郎<TAB>株式会社ふりかえり<TAB>書記   copied from Excel (tab-separated)
    山田太郎（株式会社ふりかえり）            name with the organisation in brackets
    ・山田太郎、株式会社ふりかえり            a bullet list from an e-mail
    名前,所属,役割,出欠                       a header row (then the columns may be in any order)

A third and fourth cell may give the role (参加者, ファシリテーター, 書記,
有識者, グラフィックレコーダー, 主催) and the attendance (出席/欠席, ○/×).
Files are decoded with the same encoding detection as notes (CP932 from
Excel, UTF-8 with or without BOM, UTF-16), see :mod:`facilitator.io.csv_input`.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.io.csv_input import decode_text, normalise_name, read_bytes, read_rows
from facilitator.workshop.model import ROLE_PARTICIPANT
from facilitator.workshop.people import PersonRow

#: Column -> header names accepted (compared NFKC-normalised and casefolded).
HEADERS: dict[str, tuple[str, ...]] = {
    "name": ("名前", "氏名", "お名前", "参加者", "参加者名", "name", "full name", "participant"),
    "organisation": ("所属", "組織", "会社", "会社名", "団体", "団体名", "所属先", "企業名",
                     "organisation", "organization", "company", "affiliation"),
    "role": ("役割", "区分", "role"),
    "attended": ("出欠", "出席", "attendance", "attended", "present"),
}

#: Role -> words that name it in a list (compared NFKC-normalised and casefolded).
ROLE_WORDS: dict[str, tuple[str, ...]] = {
    "participant": ("参加者", "参加", "participant"),
    "facilitator": ("ファシリテーター", "ファシリテータ", "ファシリ", "進行", "司会",
                    "facilitator"),
    "note_taker": ("書記", "記録", "記録係", "note-taker", "note taker", "note_taker",
                   "notetaker"),
    "expert": ("有識者", "専門家", "学識経験者", "アドバイザー", "expert", "advisor", "adviser"),
    "recorder": ("グラフィックレコーダー", "グラレコ", "グラフィックレコーディング",
                 "graphic recorder", "recorder"),
    "organiser": ("主催", "主催者", "事務局", "運営", "organiser", "organizer", "staff"),
}
PRESENT_WORDS = ("出席", "出", "○", "〇", "◯", "✓", "✔", "yes", "y", "1", "true", "present")
ABSENT_WORDS = ("欠席", "欠", "×", "✕", "✗", "no", "n", "0", "false", "absent")

_HEADER_LOOKUP = {normalise_name(a): k for k, names in HEADERS.items() for a in names}
_ROLE_LOOKUP = {normalise_name(w): r for r, words in ROLE_WORDS.items() for w in words}
_PRESENT = {normalise_name(w) for w in PRESENT_WORDS}
_ABSENT = {normalise_name(w) for w in ABSENT_WORDS}

# "山田太郎（株式会社A）" or "山田太郎 (A社)"
_BRACKETED = re.compile(r"^(?P<name>[^（(]+?)\s*[（(](?P<org>[^）)]*)[）)]\s*$")
# Bullets and numbers an e-mail list starts its lines with: "・", "- ", "1. ", "①".
_BULLET = re.compile(r"^\s*(?:[・•●◦*\-‐－]|\d{1,3}[.．)）]|[①-⑳])\s*")


class RosterRemark(FurikaeriError):
    """Something in a list that was read differently from how it was written (shown, not fatal)."""

    CONTEXT = "Roster"

    def __init__(self, message: str, line: int, **params) -> None:
        self.line = line
        super().__init__(message, line=line, **params)


@dataclass
class Roster:
    """People read from a list: ``(line, row)`` pairs, remarks, and the encoding of a file."""

    rows: list[tuple[int, PersonRow]] = field(default_factory=list)
    remarks: list[RosterRemark] = field(default_factory=list)
    encoding: str = ""
    header: bool = False

    @property
    def people(self) -> list[PersonRow]:
        return [row for _, row in self.rows]


def role_of(word: str) -> str | None:
    """The role a word names (``"書記"`` -> ``"note_taker"``), or None."""
    return _ROLE_LOOKUP.get(normalise_name(word))


def attendance_of(word: str) -> bool | None:
    """True for 出席/○, False for 欠席/×, None for anything else."""
    key = normalise_name(word)
    return True if key in _PRESENT else False if key in _ABSENT else None


def parse_roster(text: str, name: str = "") -> Roster:
    """The people of a pasted list or a CSV/TSV text (see the module's doc)."""
    tab = "\t" in text
    records, tab = read_rows(text.replace("\r\n", "\n").replace("\r", "\n"), name, tab)
    roster = Roster()
    if not records:
        return roster
    columns = _header(records[0][1])
    if columns is not None:
        roster.header = True
        records = records[1:]
    for line, cells in records:
        cells = [c.strip() for c in cells]
        if not any(cells):
            continue
        row = (_by_header(cells, columns, line, roster) if columns is not None
               else _by_position(cells, line, roster))
        if row is not None:
            roster.rows.append((line, row))
    return roster


def read_roster(path: str | Path) -> Roster:
    """The people of a CSV, TSV or text file in any supported encoding."""
    path = Path(path)
    text, encoding = decode_text(read_bytes(path), path.name)
    roster = parse_roster(text, path.name)
    roster.encoding = encoding
    return roster


def encoding_label(encoding: str) -> str:
    """How an encoding is named to people (``cp932`` -> ``Shift_JIS (CP932)``)."""
    return {"cp932": "Shift_JIS (CP932)", "utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)",
            "utf-16": "UTF-16"}.get(encoding, encoding)


def _header(cells: list[str]) -> dict[str, int] | None:
    keys = [_HEADER_LOOKUP.get(normalise_name(c)) for c in cells]
    filled = [c for c in cells if c.strip()]
    # Most cells must be column names: "山田, A社, 参加者" is a person, not a header.
    if "name" not in keys or sum(k is not None for k in keys) * 2 < len(filled):
        return None
    index: dict[str, int] = {}
    for i, key in enumerate(keys):
        if key is not None and key not in index:
            index[key] = i
    return index


def _by_header(cells: list[str], columns: dict[str, int], line: int,
               roster: Roster) -> PersonRow | None:
    def cell(key: str) -> str:
        i = columns.get(key)
        return cells[i] if i is not None and i < len(cells) else ""
    name = cell("name")
    if not name:
        roster.remarks.append(RosterRemark(QT_TRANSLATE_NOOP(
            "Roster", "Line {line} has no name and was left out."), line))
        return None
    return PersonRow(name, cell("organisation"), _role(cell("role"), line, roster),
                     _attended(cell("attended"), line, roster))


def _by_position(cells: list[str], line: int, roster: Roster) -> PersonRow | None:
    cells = list(cells)
    if len(cells) == 1 and "," in cells[0]:
        # A comma line among tab-separated ones (a list put together from two sources).
        cells = [c.strip() for c in next(csv.reader([cells[0]], skipinitialspace=True))]
    cells[0] = _BULLET.sub("", cells[0], count=1).strip()
    if len(cells) == 1 or not any(cells[1:]):
        name, org = _split_one(cells[0])
        extra: list[str] = []
    else:
        name, org, extra = cells[0], cells[1], cells[2:]
    if not name:
        roster.remarks.append(RosterRemark(QT_TRANSLATE_NOOP(
            "Roster", "Line {line} has no name and was left out."), line))
        return None
    role, attended = ROLE_PARTICIPANT, True
    for word in (w for w in extra if w):
        if (r := role_of(word)) is not None:
            role = r
        elif (a := attendance_of(word)) is not None:
            attended = a
        else:
            roster.remarks.append(RosterRemark(QT_TRANSLATE_NOOP(
                "Roster", "Line {line}: 「{word}」 is neither a role nor an attendance; "
                "it was left out."), line, word=word))
    return PersonRow(name, org, role, attended)


def _split_one(text: str) -> tuple[str, str]:
    """A single cell: "名前（所属）", "名前、所属", "名前，所属", or just a name."""
    m = _BRACKETED.match(text)
    if m:
        return m.group("name").strip(), m.group("org").strip()
    for sep in ("，", "、", "／", "/"):
        if sep in text:
            name, _, org = text.partition(sep)
            return name.strip(), org.strip()
    return text.strip(), ""


def _role(word: str, line: int, roster: Roster) -> str:
    if not word:
        return ROLE_PARTICIPANT
    role = role_of(word)
    if role is None:
        roster.remarks.append(RosterRemark(QT_TRANSLATE_NOOP(
            "Roster", "Line {line}: the role 「{word}」 is not known; the person is listed as "
            "a participant."), line, word=word))
        return ROLE_PARTICIPANT
    return role


def _attended(word: str, line: int, roster: Roster) -> bool:
    if not word:
        return True
    value = attendance_of(word)
    if value is None:
        roster.remarks.append(RosterRemark(QT_TRANSLATE_NOOP(
            "Roster", "Line {line}: the attendance 「{word}」 is not 出席 or 欠席; the person "
            "is counted as present."), line, word=word))
        return True
    return value
