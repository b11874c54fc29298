"""Decorations follow: a frame carries what lies in it, a note the stamps on it (no Qt)."""

from __future__ import annotations

import pytest

from facilitator.board.attached import attached_stamps, carried, stamp_owner
from facilitator.themes.cluster import OTHER, Proposal, ThemeProposal
from facilitator.workshop.model import Connector, Frame, Heading, Note, Stamp, Stroke
from facilitator.themes.acceptance import accept_proposal, proposal_input
from facilitator.workshop import Workshop

S, G = "s", "g"


def note(nid, x, y, w=160.0, h=100.0, **kw):
    return Note(id=nid, session_id=S, group_id=G, x=x, y=y, w=w, h=h, text=nid, **kw)


def stamp(sid, x, y, size=32.0, **kw):
    return Stamp(id=sid, session_id=S, group_id=G, x=x, y=y, w=size, h=size, **kw)


FRAME = Frame(id="f", session_id=S, group_id=G, x=0, y=0, w=400, h=300, title="枠")


def test_a_frame_carries_notes_stamps_headings_ink_and_inner_frames():
    board = [
        FRAME,
        note("inside", 20, 40),
        note("half-in", 300, 40),      # centre at x=380: inside
        note("mostly-out", 340, 40),   # centre at x=420: outside
        stamp("star", 200, 200),
        Heading(id="h", session_id=S, group_id=G, x=20, y=250, w=100, h=30, text="見出し"),
        Stroke(id="ink", session_id=S, group_id=G, x=10, y=150, w=50, h=20),
        Stroke(id="long-ink", session_id=S, group_id=G, x=10, y=150, w=500, h=20),
        Frame(id="inner", session_id=S, group_id=G, x=200, y=180, w=150, h=100),
        Connector(id="free", session_id=S, group_id=G, x=300, y=50, w=-40, h=30),
        Connector(id="linked", session_id=S, group_id=G, x=30, y=50, w=10, h=10,
                  source_id="inside", target_id="mostly-out"),
        note("other-board", 20, 40).replace(group_id="g2"),
    ]
    got = carried(board, ["f"])
    assert got[0] == "f"
    assert set(got) == {"f", "inside", "half-in", "star", "h", "ink", "inner", "free"}


def test_a_frame_inside_a_frame_takes_its_own_contents():
    inner = Frame(id="inner", session_id=S, group_id=G, x=500, y=0, w=300, h=300)
    outer = Frame(id="outer", session_id=S, group_id=G, x=480, y=-20, w=340, h=400)
    board = [outer, inner, note("n", 520, 40), stamp("st", 600, 250)]
    assert set(carried(board, ["outer"])) == {"outer", "inner", "n", "st"}


def test_a_long_note_counts_by_its_drawn_height():
    """A note whose text made it taller than its record belongs where it is drawn."""
    n = note("long", 20, 250)   # record centre y=300 is on the edge; drawn 400 tall, it is not
    tall = lambda e: (e.x, e.y, e.w, 400.0) if e.id == "long" else (e.x, e.y, e.w, e.h)  # noqa: E731
    assert "long" in carried([FRAME, n], ["f"])
    assert "long" not in carried([FRAME, n], ["f"], tall)


@pytest.mark.parametrize("where, follows", [
    ((140, -10), True),     # on the top-right corner, half outside the note
    ((160, 50), True),      # touching the right edge
    ((161, 50), False),     # a point away
    ((60, 30), True),       # in the middle
])
def test_a_stamp_on_or_touching_a_note_goes_with_it(where, follows):
    board = [note("n", 0, 0), stamp("st", *where)]
    assert ("st" in carried(board, ["n"])) is follows


def test_a_stamp_over_two_notes_belongs_to_the_one_it_covers_most():
    a, b = note("a", 0, 0), note("b", 176, 0)
    st = stamp("st", 154, 20)   # 6 points over a, 10 over b
    assert stamp_owner(st, [a, b]).id == "b"
    assert attached_stamps([a, b, st], ["a"]) == {}
    assert attached_stamps([a, b, st], ["b"]) == {"st": "b"}


def test_a_big_pictogram_behind_notes_is_not_their_decoration():
    board = [note("n", 40, 40), stamp("big", 0, 0, size=400)]
    assert carried(board, ["n"]) == ["n"]


def test_stamps_on_another_board_stay():
    board = [note("n", 0, 0), stamp("st", 20, 20).replace(group_id="g2")]
    assert carried(board, ["n"]) == ["n"]


# -- accepting a theme proposal ---------------------------------------------------------

@pytest.fixture
def decorated(ws):
    """Four notes in a row with a star on n0's corner, a heart over n1 and n2 (more on n2),
    a heading far away and a connector n0 -> n3."""
    sid = ws.sessions()[0].id
    notes = [ws.new_note(t, sid, id=f"n{i}", x=i * 200.0, y=0.0, z=i + 1.0)
             for i, t in enumerate(["予算が足りない", "コストが高い", "若手の採用が難しい",
                                    "人材が定着しない"])]
    ws.add(*notes,
           Stamp(id="star", session_id=sid, x=140, y=-16, w=32, h=32, z=10, pictogram="star"),
           Stamp(id="heart", session_id=sid, x=350, y=40, w=64, h=64, z=11,
                 pictogram="heart"),
           Heading(id="h", session_id=sid, x=0, y=-300, w=200, h=30, text="ふりかえり"),
           Connector(id="c", session_id=sid, source_id="n0", target_id="n3"))
    ws.history.undo_stack.clear()
    return ws, sid


PROPOSAL = Proposal(assignment=(0, 1, 1, OTHER), themes=(
    ThemeProposal(notes=(0,), label="予算", keywords=("予算",)),
    ThemeProposal(notes=(1, 2), label="人材", keywords=("人材",))))


def _offset(before, after, rid):
    return after.find(rid).x - before[rid].x, after.find(rid).y - before[rid].y


def test_accepting_themes_moves_stamps_with_their_notes_in_one_step(decorated, ws_path):
    ws, sid = decorated
    before = {e.id: e for e in ws.elements_on(sid)}
    accept_proposal(ws, sid, None, proposal_input(ws, sid), PROPOSAL)
    assert len(ws.history.undo_stack) == 1
    ws.close()
    with Workshop.open(ws_path, readonly=True) as again:
        assert _offset(before, again, "star") == _offset(before, again, "n0") != (0, 0)
        assert _offset(before, again, "heart") == _offset(before, again, "n2") != (0, 0)
        assert _offset(before, again, "h") == (0, 0)          # not on a note: stays
        c = again.find("c")                        # attached by id: it follows its ends,
        assert (c.source_id, c.target_id) == ("n0", "n3")
        n0, n3 = again.find("n0"), again.find("n3")   # its stored line runs centre to centre
        assert (c.x, c.y) == (n0.x + n0.w / 2, n0.y + n0.h / 2)
        assert (c.x + c.w, c.y + c.h) == (n3.x + n3.w / 2, n3.y + n3.h / 2)


def test_undo_of_the_acceptance_puts_the_stamps_back(decorated):
    ws, sid = decorated
    before = {e.id: e for e in ws.elements_on(sid)}
    accept_proposal(ws, sid, None, proposal_input(ws, sid), PROPOSAL)
    ws.undo()
    assert {e.id: e for e in ws.elements_on(sid)} == before


def test_a_stamp_that_moves_with_its_note_does_not_push_the_frames_away(ws):
    """Without the star in the way, the frames start where the notes were."""
    sid = ws.sessions()[0].id
    ws.add(ws.new_note("予算が足りない", sid, id="n0", x=0, y=0),
           ws.new_note("コストが高い", sid, id="n1", x=200, y=0),
           Stamp(id="star", session_id=sid, x=100, y=60, w=32, h=32))
    accept_proposal(ws, sid, None, proposal_input(ws, sid), Proposal(
        assignment=(0, 0), themes=(ThemeProposal(notes=(0, 1), label="予算", keywords=()),)))
    frame = ws.all(Frame)[0]
    assert (frame.x, frame.y) == (0, 0)
    star, n0 = ws.get(Stamp, "star"), ws.get(Note, "n0")
    assert (star.x - n0.x, star.y - n0.y) == (100, 60)


# -- a re-proposal that moves an accepted theme's frame ---------------------------------

@pytest.fixture
def reproposed(decorated):
    """PROPOSAL accepted; then ink, a heading and a stamp drawn in 人材's frame, a caption
    written just under it, and a new note that a second proposal puts in 人材: the frame,
    a row taller, would cover the caption, so it moves below it."""
    ws, sid = decorated
    accept_proposal(ws, sid, None, proposal_input(ws, sid), PROPOSAL)
    people = next(f for f in ws.all(Frame) if f.title == "人材")
    x, y = people.x, people.y
    ws.add(Heading(id="title", session_id=sid, x=x + 8, y=y + 2, w=120, h=24, text="人の話"),
           Stroke(id="ink", session_id=sid, x=x + 20, y=y + 40, w=300, h=60,
                  points=[[0, 0, 1], [300, 60, 1]]),
           Stamp(id="free", session_id=sid, x=x + 1, y=y + 50, w=12, h=12),  # touches no note
           Heading(id="away", session_id=sid, x=x + people.w + 300, y=y, w=100, h=24, text="外"),
           Heading(id="caption", session_id=sid, x=x, y=y + people.h + 20, w=200, h=24,
                   text="下の説明"),
           ws.new_note("面接の日程が合わない", sid, id="n4", x=-900.0, y=-900.0))
    given = proposal_input(ws, sid)
    budget = ws.get(Note, "n0").theme_id
    themes = [budget if n.theme_id == budget else people.theme_id
              if n.theme_id == people.theme_id or n.id == "n4" else None for n in given.notes]
    picked = [tuple(i for i, t in enumerate(themes) if t == key)
              for key in (budget, people.theme_id)]
    second = Proposal(
        assignment=tuple(OTHER if t is None else 0 if t == budget else 1 for t in themes),
        themes=(ThemeProposal(notes=picked[0], label="予算", keywords=(), key=budget),
                ThemeProposal(notes=picked[1], label="人材", keywords=(),
                              key=people.theme_id)))
    before = {e.id: e for e in ws.elements_on(sid)}
    steps = len(ws.history.undo_stack)
    accept_proposal(ws, sid, None, given, second)
    assert len(ws.history.undo_stack) == steps + 1
    return ws, sid, before, people.id


def test_a_moved_theme_frame_takes_its_heading_ink_and_stamps(reproposed, ws_path):
    ws, sid, before, frame = reproposed
    ws.close()
    with Workshop.open(ws_path, readonly=True) as again:
        moved = _offset(before, again, frame)
        assert moved != (0, 0)
        for rid in ("title", "ink", "free"):
            assert _offset(before, again, rid) == moved, rid
        assert again.find("ink").points == before["ink"].points
        assert _offset(before, again, "heart") == _offset(before, again, "n2")  # on its note
        assert _offset(before, again, "away") == (0, 0)      # outside the frame: stays
        caption, f = again.find("caption"), again.find(frame)
        assert _offset(before, again, "caption") == (0, 0)   # stays, and is not covered
        assert caption.y + caption.h <= f.y
        new = again.find("n4")
        f = again.find(frame)
        assert f.x <= new.x < f.x + f.w and f.y <= new.y < f.y + f.h


def test_one_undo_puts_the_frame_and_all_it_carries_back(reproposed):
    ws, sid, before, _ = reproposed
    ws.undo()
    assert {e.id: e for e in ws.elements_on(sid)} == before


def test_a_themes_frame_laid_out_again_takes_its_pictogram_along(decorated):
    """The pictogram drawn in a theme frame's corner stays in that corner when a new
    proposal adds a note to the theme, instead of being left behind on the board;
    the colour people gave the frame stays too."""
    ws, sid = decorated
    accept_proposal(ws, sid, None, proposal_input(ws, sid), PROPOSAL)
    people = next(f for f in ws.all(Frame) if f.title == "人材")
    ws.update(people, color="#D1495B")
    people = ws.get(Frame, people.id)
    ws.add(Stamp(id="bulb", session_id=sid, x=people.x + people.w - 36, y=people.y + 2,
                 w=32, h=32, pictogram="light_bulb"))
    given = proposal_input(ws, sid)
    budget = next(f for f in ws.all(Frame) if f.title == "予算")
    assignment = tuple(0 if n.theme_id == budget.theme_id else 1 for n in given.notes)
    accept_proposal(ws, sid, None, given, Proposal(assignment, (
        ThemeProposal(tuple(i for i, a in enumerate(assignment) if a == 0), "予算", ("予算",),
                      key=budget.theme_id),
        ThemeProposal(tuple(i for i, a in enumerate(assignment) if a == 1), "人材", ("人材",),
                      key=people.theme_id))))
    after, bulb = ws.get(Frame, people.id), ws.get(Stamp, "bulb")
    assert after.h > people.h                                  # laid out again, a note more
    assert (bulb.x - after.x - after.w, bulb.y - after.y) == (-36, 2)
    assert after.color == "#D1495B"
