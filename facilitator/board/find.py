"""Finding notes on every board of a workshop (Ctrl+F in the window).

Matching forgives how Japanese gets typed: full- and half-width forms (ＩＴ,
ｺｽﾄ), upper and lower case, hiragana and katakana (こすと finds コスト) and
spaces all count as the same.  Several words must all appear, in any order.
The whole text of a note is searched, however long.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from facilitator.workshop.model import Group, Note, Session

_SPACE = re.compile(r"\s+")
# Katakana ァ..ヶ and the iteration marks ヽヾ fold onto their hiragana (0x60 below).
_KANA = {c: c - 0x60 for c in (*range(0x30A1, 0x30F7), 0x30FD, 0x30FE)}


def fold(text: str) -> str:
    """``text`` as compared: NFKC, case-folded, katakana as hiragana, no spaces."""
    text = unicodedata.normalize("NFKC", text or "").casefold().translate(_KANA)
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class Hit:
    """A note found, with where it is (the session's and group's names to show)."""

    note_id: str
    session_id: str | None
    group_id: str | None
    text: str
    session: str
    group: str


def find_notes(ws, query: str) -> list[Hit]:
    """The notes holding every word of ``query``, in agenda order: session by
    session, the plenary board before the groups', then top to bottom, left to right."""
    words = [w for w in (fold(part) for part in _SPACE.split(query or "")) if w]
    if not words:
        return []
    sessions = {s.id: (i, s) for i, s in enumerate(ws.sessions())}
    groups = {g.id: g for g in ws.all(Group)}
    hits = []
    for note in ws.all(Note):
        folded = fold(note.text)
        if all(w in folded for w in words):
            hits.append(note)

    def order(n: Note):
        index = sessions.get(n.session_id, (len(sessions), None))[0]
        group = groups.get(n.group_id)
        return index, (group.order, group.id) if group else (-1, ""), n.y, n.x, n.id

    out = []
    for n in sorted(hits, key=order):
        session: Session | None = sessions.get(n.session_id, (0, None))[1]
        group = groups.get(n.group_id)
        out.append(Hit(n.id, n.session_id, n.group_id, n.text,
                       session.title if session else "", group.name if group else ""))
    return out
