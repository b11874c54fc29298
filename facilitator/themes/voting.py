"""Dot voting (投票), merging near-duplicate notes, and the ranking.

The facilitator sets how many dots each participant has (the Setting
``dots_per_participant``).  Each voter's dots on one session are a Setting
``dots:<session>:<voter>`` mapping record id -> dots, so nobody can place more
dots than they have; ``Note.votes`` and ``Theme.votes`` stay the totals and
change in the same :class:`Change` (one undo step each).

Voters are the participants marked present and, for a room whose people
were never registered, numbered voters 投票者1, 投票者2, … (ids ``#1``,
``#2``; how many is the Setting ``numbered_voters``, 10 when nobody is
registered).  The ranking and the minutes read only the totals, so they are
the same whoever voted.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitator.workshop.changes import Change
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate
from facilitator.workshop.model import Frame, Note, Participant, Setting, Theme
from facilitator.themes.textnorm import for_features

DOTS_SETTING = "dots_per_participant"
DEFAULT_DOTS = 3
MAX_DOTS = 99
NUMBERED_SETTING = "numbered_voters"
#: Numbered voters when nobody is registered (the facilitator changes the count).
DEFAULT_NUMBERED = 10
MAX_NUMBERED = 500
_NUMBERED_PREFIX = "#"


def dots_per_participant(ws) -> int:
    """How many dots each participant may place (default 3)."""
    rec = ws.get(Setting, DOTS_SETTING)
    value = rec.value if rec is not None else None
    return value if isinstance(value, int) and not isinstance(value, bool) else DEFAULT_DOTS


def set_dots_per_participant(ws, dots: int) -> Change:
    """Set the dots each participant has.  Refused below what a voter already placed."""
    if not isinstance(dots, int) or not 1 <= dots <= MAX_DOTS:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Each participant needs between 1 and {max} dots."), max=MAX_DOTS)
    most = max((sum(_dots(s).values()) for s in ws.all(Setting)
                if s.id.startswith("dots:")), default=0)
    if dots < most:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "A participant has already placed {count} dots; remove some first."),
            count=most)
    return _put(ws, Setting(id=DOTS_SETTING, value=dots), "dots")


def _key(session_id: str, voter_id: str) -> str:
    return f"dots:{session_id}:{voter_id}"


def _dots(setting: Setting | None) -> dict[str, int]:
    value = setting.value if setting is not None else None
    return dict(value) if isinstance(value, dict) else {}


def placed(ws, session_id: str, voter_id: str) -> dict[str, int]:
    """Record id -> dots the voter placed on it in this session.

    Dots on a note or theme deleted since are given back.
    """
    dots = _dots(ws.get(Setting, _key(session_id, voter_id)))
    return {rid: n for rid, n in dots.items()
            if ws.get(Note, rid) is not None or ws.get(Theme, rid) is not None}


def remaining(ws, session_id: str, voter_id: str) -> int:
    """Dots the voter has left in this session."""
    return dots_per_participant(ws) - sum(placed(ws, session_id, voter_id).values())


def _put(ws, setting: Setting, label: str, extra: tuple = ()) -> Change:
    old = ws.get(Setting, setting.id)
    if old is None:
        change = Change(added=(setting,), updated=extra, label=label)
    else:
        change = Change(updated=((old, setting), *extra), label=label)
    return ws.apply(change)


def _target(ws, target_id: str):
    rec = ws.get(Note, target_id) or ws.get(Theme, target_id)
    if rec is None:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The record {id} no longer exists."), id=target_id)
    return rec


def numbered_id(number: int) -> str:
    """The voter id of numbered voter ``number`` (``#3``)."""
    return f"{_NUMBERED_PREFIX}{number}"


def _number(voter_id: str | None) -> int | None:
    if voter_id and voter_id.startswith(_NUMBERED_PREFIX) and voter_id[1:].isdigit():
        number = int(voter_id[1:])
        return number if 1 <= number <= MAX_NUMBERED else None
    return None


def _highest_numbered_with_dots(ws) -> int:
    numbers = [_number(s.id.rsplit(":", 1)[-1]) for s in ws.all(Setting)
               if s.id.startswith("dots:") and _dots(s)]
    return max((n for n in numbers if n), default=0)


def numbered_voters(ws) -> int:
    """How many numbered voters (投票者1…) there are.

    The facilitator's count; by default 10 when nobody is registered and 0
    otherwise; never fewer than the highest number that has dots placed.
    """
    rec = ws.get(Setting, NUMBERED_SETTING)
    value = rec.value if rec is not None else None
    if not isinstance(value, int) or isinstance(value, bool):
        value = 0 if ws.all(Participant) else DEFAULT_NUMBERED
    return max(value, _highest_numbered_with_dots(ws))


def set_numbered_voters(ws, count: int) -> Change:
    """Set how many numbered voters there are (0 to 500).

    Refused below a numbered voter who has placed dots: take those back first.
    """
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_NUMBERED:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The number of voters must be between 0 and {max}."), max=MAX_NUMBERED)
    highest = _highest_numbered_with_dots(ws)
    if count < highest:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} has already placed dots; take them back first."),
            name=voter_name(ws, numbered_id(highest)))
    return _put(ws, Setting(id=NUMBERED_SETTING, value=count), "voters")


def voter_name(ws, voter_id: str) -> str:
    """A voter's name: the participant's, or 投票者3 for a numbered voter."""
    number = _number(voter_id)
    if number is not None:
        return translate("Voting", "Voter {number}").format(number=number)
    person = ws.get(Participant, voter_id)
    return (person.name or person.id) if person is not None else voter_id


def voters(ws) -> list[tuple[str, str]]:
    """``(voter id, name)`` of everyone who may vote: people present, then 投票者1…."""
    out = [(p.id, p.name or p.id) for p in ws.all(Participant) if p.attended]
    out += [(numbered_id(n), voter_name(ws, numbered_id(n)))
            for n in range(1, numbered_voters(ws) + 1)]
    return out


def _voter(ws, voter_id: str) -> str:
    """The voter's name; refused when ``voter_id`` is nobody who may vote."""
    number = _number(voter_id)
    if number is not None and number <= numbered_voters(ws):
        return voter_name(ws, voter_id)
    if number is None and ws.get(Participant, voter_id) is not None:
        return voter_name(ws, voter_id)
    raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "Choose who is voting first."))


def place_dot(ws, session_id: str, voter_id: str, target_id: str) -> Change:
    """The voter puts one dot on a note or theme (refused when none is left)."""
    voter = _voter(ws, voter_id)
    target = _target(ws, target_id)
    if remaining(ws, session_id, voter_id) <= 0:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} has placed all {count} dots."),
            name=voter, count=dots_per_participant(ws))
    dots = placed(ws, session_id, voter_id)
    dots[target_id] = dots.get(target_id, 0) + 1
    return _put(ws, Setting(id=_key(session_id, voter_id), value=dots), "vote",
                ((target, target.replace(votes=target.votes + 1)),))


def remove_dot(ws, session_id: str, voter_id: str, target_id: str) -> Change:
    """The voter takes one of their dots back from a note or theme."""
    voter = _voter(ws, voter_id)
    target = _target(ws, target_id)
    dots = placed(ws, session_id, voter_id)
    if dots.get(target_id, 0) <= 0:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{name} has no dot here to remove."), name=voter)
    dots[target_id] -= 1
    if not dots[target_id]:
        del dots[target_id]
    return _put(ws, Setting(id=_key(session_id, voter_id), value=dots), "vote",
                ((target, target.replace(votes=max(0, target.votes - 1))),))


@dataclass(frozen=True)
class Ranked:
    """One line of the ranking: a theme or note and its votes."""

    record: Theme | Note
    votes: int
    note_votes: int = 0   # a theme: the votes of its notes


def ranking(ws, session_id: str, group_id: str | None = None,
            all_groups: bool = False) -> tuple[list[Ranked], list[Ranked]]:
    """``(themes, notes)`` of a session (or one board) with votes, most first.

    Themes rank by their own votes, then their notes' votes; ties keep the
    themes' order.  Only records with at least one vote are listed.
    """
    notes = [n for n in ws.all(Note) if n.session_id == session_id
             and (all_groups or n.group_id == group_id)]
    ids = {n.theme_id for n in notes}
    by_theme: dict[str, int] = {}
    for n in notes:
        if n.theme_id:
            by_theme[n.theme_id] = by_theme.get(n.theme_id, 0) + n.votes
    # A theme belongs to this board when its notes or its frame are on it.
    ids |= {f.theme_id for f in ws.all(Frame) if f.session_id == session_id
            and (all_groups or f.group_id == group_id)}
    themes = [Ranked(t, t.votes, by_theme.get(t.id, 0)) for t in ws.all(Theme)
              if t.session_id == session_id and t.id in ids
              and (t.votes or by_theme.get(t.id, 0))]
    themes.sort(key=lambda r: (-r.votes, -r.note_votes))
    ranked_notes = sorted((Ranked(n, n.votes) for n in notes if n.votes),
                          key=lambda r: (-r.votes, r.record.z))
    return themes, ranked_notes


def merge_notes(ws, keep_id: str, other_id: str) -> Change:
    """Merge a near-duplicate into ``keep_id`` (one undo step).

    The kept note gets both authors and the sum of the votes, and voters'
    dots move with it; if the texts differ (beyond punctuation and width) the
    other text is appended, so no captured words are lost.  The other note is
    removed with its connectors.
    """
    keep, other = ws.get(Note, keep_id), ws.get(Note, other_id)
    if keep is None or other is None or keep_id == other_id:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Choose two different notes to merge."))
    authors = [a for a in dict.fromkeys([*_split(keep.author), *_split(other.author)]) if a]
    text = keep.text
    if for_features(other.text) != for_features(keep.text):
        text = f"{keep.text}\n{other.text}"
    new_keep = keep.replace(author="、".join(authors), votes=keep.votes + other.votes,
                            text=text, updated=ws.now())
    updates = [(keep, new_keep)]
    for s in ws.all(Setting):
        dots = _dots(s) if s.id.startswith("dots:") else {}
        if dots.get(other_id):
            dots[keep_id] = dots.get(keep_id, 0) + dots.pop(other_id)
            updates.append((s, s.replace(value=dots)))
    change = Change(updated=tuple(updates), label="merge").then(ws.removal([other_id]))
    return ws.apply(change)


def _split(author: str) -> list[str]:
    return [a.strip() for a in author.replace(",", "、").split("、")]
