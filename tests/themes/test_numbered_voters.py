"""Dot voting without registered participants: numbered voters 投票者1, 2, … (no Qt)."""

from __future__ import annotations

import pytest

from facilitator.errors import FurikaeriError
from facilitator.i18n import translate
from facilitator.minutes import gather
from facilitator.themes.voting import (
    DEFAULT_NUMBERED, numbered_id, numbered_voters, place_dot, ranking, remaining, remove_dot,
    set_dots_per_participant, set_numbered_voters, voter_name, voters,
)
from facilitator.workshop.model import Note, Participant


@pytest.fixture
def board(ws):
    sid = ws.sessions()[1].id
    notes = [ws.new_note(t, sid, x=i * 180.0, z=i + 1.0)
             for i, t in enumerate(("予算", "採用", "地域"))]
    ws.add(*notes)
    return ws, sid, [n.id for n in notes]


def test_a_room_nobody_registered_votes_with_numbered_voters(board):
    ws, sid, notes = board
    assert ws.all(Participant) == []
    assert numbered_voters(ws) == DEFAULT_NUMBERED
    ids = [v for v, _ in voters(ws)]
    assert ids[:2] == [numbered_id(1), numbered_id(2)] and len(ids) == DEFAULT_NUMBERED
    assert voter_name(ws, "#2") == translate("Voting", "Voter {number}").format(number=2)
    set_dots_per_participant(ws, 2)
    place_dot(ws, sid, "#1", notes[0])
    place_dot(ws, sid, "#1", notes[0])
    with pytest.raises(FurikaeriError, match="placed all 2 dots"):
        place_dot(ws, sid, "#1", notes[1])
    place_dot(ws, sid, "#2", notes[1])
    assert remaining(ws, sid, "#2") == 1
    _, ranked = ranking(ws, sid)
    assert [(r.record.text, r.votes) for r in ranked] == [("予算", 2), ("採用", 1)]
    # The minutes read the same totals.
    notes_printed = {n.text: n.votes for b in gather(ws).boards for n in b.notes}
    assert notes_printed["予算"] == 2
    remove_dot(ws, sid, "#1", notes[0])
    assert ws.get(Note, notes[0]).votes == 1


def test_the_facilitator_sets_how_many_numbered_voters(board):
    ws, sid, notes = board
    set_numbered_voters(ws, 3)
    assert [name for _, name in voters(ws)][-1].endswith("3") and len(voters(ws)) == 3
    with pytest.raises(FurikaeriError, match="Choose who is voting"):
        place_dot(ws, sid, "#4", notes[0])
    place_dot(ws, sid, "#3", notes[0])
    with pytest.raises(FurikaeriError, match="already placed dots"):
        set_numbered_voters(ws, 2)
    with pytest.raises(FurikaeriError, match="between 0 and"):
        set_numbered_voters(ws, -1)
    ws.undo()   # the dot
    set_numbered_voters(ws, 2)
    assert numbered_voters(ws) == 2


def test_registered_people_present_vote_by_name_and_numbered_voters_may_join(board):
    ws, sid, notes = board
    ws.add(Participant(id="p1", name="山田", order=0),
           Participant(id="p2", name="佐藤", order=1, attended=False))
    assert voters(ws) == [("p1", "山田")]     # the absent do not vote; no numbers by default
    set_numbered_voters(ws, 2)
    assert [v for v, _ in voters(ws)] == ["p1", "#1", "#2"]
    place_dot(ws, sid, "p1", notes[2])
    place_dot(ws, sid, "#2", notes[2])
    assert ws.get(Note, notes[2]).votes == 2


def test_a_numbered_voter_with_dots_is_kept_when_people_are_registered_later(board):
    ws, sid, notes = board
    place_dot(ws, sid, "#5", notes[0])         # 10 numbered voters by default
    ws.add(Participant(id="p1", name="山田"))  # the default would now be 0 numbered voters
    assert numbered_voters(ws) == 5
    remove_dot(ws, sid, "#5", notes[0])        # …and their dot can still be taken back
    assert ws.get(Note, notes[0]).votes == 0
