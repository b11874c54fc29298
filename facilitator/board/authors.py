"""Who said it: the ``@名前`` a note-taker types before a note.

Roster names carry a space between family and given name (「佐藤 美穂」),
while a note-taker types 「@佐藤 美穂 意見」, 「@佐藤美穂 意見」, 「@佐藤　美穂
意見」 (a Japanese IME's full-width space) or just 「@佐藤 意見」.  All of
these must credit the registered participant, or the minutes list one person
under two names.
"""

from __future__ import annotations

import re
from typing import Iterable

_AT = "@＠"
# Not a registered name: the first word after the @ is the author, as before.
_FIRST_WORD = re.compile(r"^[@＠](\S+)\s+(.*)$", re.DOTALL)
# After a name: a separator (half- or full-width space, \s covers both), or the end.
_AFTER = r"(?:\s+|$)"


def _words(name: str) -> list[str]:
    return name.split()


def _pattern(words: list[str]) -> re.Pattern[str]:
    # Words typed with one space, a full-width space or none between them.
    return re.compile(r"\s*".join(re.escape(w) for w in words) + _AFTER, re.IGNORECASE)


def split_author(text: str, names: Iterable[str] = ()) -> tuple[str | None, str]:
    """(author, text) of a line starting with ``@name``; (None, text) otherwise.

    ``names`` are the registered participants.  The longest of them that
    follows the ``@`` wins, typed with its space, a full-width space or none
    (「@佐藤美穂 意見」 → 「佐藤 美穂」); its first word alone (the family name,
    「@佐藤 意見」) stands for it when no other participant's name starts with
    that word.  The author is then the name as registered.  Otherwise the first
    word after the ``@`` is the author, as typed (「@田中 意見」 → 「田中」).  A
    registered name may end the line (the author with an empty text: the bar
    shows who it will be while the note is still being typed).
    """
    line = text.strip()
    if not line or line[0] not in _AT:
        return None, text
    rest = line[1:]
    found = _registered(rest, names)
    if found is not None:
        name, length = found
        return name, rest[length:].lstrip()
    m = _FIRST_WORD.match(line)
    if m:
        return m.group(1), m.group(2)
    return None, text


def _registered(rest: str, names: Iterable[str]) -> tuple[str, int] | None:
    """The registered name ``rest`` starts with and how many characters it took."""
    people = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
    firsts: dict[str, int] = {}
    for name in people:
        first = _words(name)[0].casefold()
        firsts[first] = firsts.get(first, 0) + 1
    best: tuple[int, int, str] | None = None   # (length, full name first, name)
    for name in people:
        words = _words(name)
        candidates = [(words, 1)]
        if len(words) > 1 and firsts[words[0].casefold()] == 1:
            candidates.append((words[:1], 0))
        for typed, full in candidates:
            m = _pattern(typed).match(rest)
            if m is None:
                continue
            length = len(m.group(0).rstrip())
            key = (length, full, name)
            if best is None or key[:2] > best[:2]:
                best = key
    if best is None:
        return None
    return best[2], best[0]
