"""Proposing themes again on a board that has theme frames keeps the board tidy.

What a frame carries (pictograms, headings, ink) moves with it, arrows keep their
ends, nothing is left where a frame used to be, what no frame carries keeps its place
and is never covered, and one undo puts it all back.
"""

from __future__ import annotations

import pytest

from facilitator.board.attached import in_frame, record_extent
from facilitator.demo import create_demo
from facilitator.themes.acceptance import accept_proposal, proposal_input, with_board_labels
from facilitator.themes.proposal import OTHER, Proposal, ThemeProposal
from facilitator.workshop.model import Connector, Frame, Heading, Note, Stamp, Stroke, Theme

MONEY = ["予算が足りない", "コストが高い"]
PEOPLE = ["若手の採用が難しい", "人材が定着しない"]


def _proposal(given, groups: dict[str, str | None]) -> Proposal:
    """Theme 0 (お金) and 1 (人) from note text -> key of the theme, その他 for the rest."""
    picked = {"お金": [], "人": []}
    for i, n in enumerate(given.notes):
        name = groups.get(n.text)
        if name:
            picked[name].append(i)
    assignment = [OTHER] * len(given.notes)
    themes = []
    for j, name in enumerate(("お金", "人")):
        for i in picked[name]:
            assignment[i] = j
        keys = {given.fixed[i] for i in picked[name] if i in given.fixed}
        themes.append(ThemeProposal(tuple(picked[name]), name, (name,),
                                    key=keys.pop() if keys else None))
    return Proposal(tuple(assignment), tuple(themes))


def _overlap(a, b) -> bool:
    ax, ay, aw, ah = record_extent(a)
    bx, by, bw, bh = record_extent(b)
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def _frame(ws, label):
    theme = next(t for t in ws.all(Theme) if t.label == label)
    return next(f for f in ws.all(Frame) if f.theme_id == theme.id)


def _note(ws, text):
    return next(n for n in ws.all(Note) if n.text == text)


@pytest.fixture
def decorated(ws):
    """Themes お金 / 人 / その他 accepted; then the facilitator decorates the board: a
    pictogram in each theme frame's corner and one on a note, a heading in 人, a circle
    round a note, an arrow with a label between notes of two themes, a 「？」 on the その他
    frame, a board title and a free pictogram outside every frame.  Two notes are typed."""
    sid = ws.sessions()[0].id
    ws.add(*[ws.new_note(t, sid, x=i * 180.0, y=200.0, z=i + 1.0)
             for i, t in enumerate(MONEY + PEOPLE + ["お昼のお弁当がおいしかった"])])
    given = proposal_input(ws, sid)
    accept_proposal(ws, sid, None, given, _proposal(
        given, {**dict.fromkeys(MONEY, "お金"), **dict.fromkeys(PEOPLE, "人")}))
    money, people, other = _frame(ws, "お金"), _frame(ws, "人"), _frame(ws, "その他")
    a1, b1 = _note(ws, MONEY[0]), _note(ws, PEOPLE[0])
    top = min(f.y for f in ws.all(Frame))
    ws.add(
        Stamp(id="bulb", session_id=sid, x=money.x + money.w - 40, y=money.y + 4, w=32, h=32),
        Stamp(id="star", session_id=sid, x=a1.x + a1.w - 16, y=a1.y - 16, w=32, h=32),
        Stamp(id="hands", session_id=sid, x=people.x + people.w - 40, y=people.y + 4,
              w=32, h=32),
        Heading(id="sub", session_id=sid, x=people.x + 8, y=people.y + 2, w=100, h=24,
                text="人の話"),
        Stroke(id="circle", session_id=sid, x=b1.x - 10, y=b1.y - 10, w=b1.w + 20,
               h=b1.h + 20, points=[[0, 0, 1], [b1.w + 20, b1.h + 20, 1]]),
        Stamp(id="question", session_id=sid, x=other.x + other.w - 40, y=other.y + 4,
              w=32, h=32),
        Connector(id="arrow", session_id=sid, source_id=_note(ws, MONEY[1]).id,
                  target_id=_note(ws, PEOPLE[1]).id, label="原因？"),
        Heading(id="title", session_id=sid, x=0, y=top - 120, w=600, h=40, text="ふりかえり"),
        Stamp(id="loose", session_id=sid, x=-300, y=top, w=64, h=64),
        ws.new_note("費用の見直しが必要", sid, x=900, y=-900),
        ws.new_note("採用の面接が足りない", sid, x=1100, y=-900),
    )
    ws.history.undo_stack.clear()
    return ws, sid


def _propose_again(ws, sid):
    given = proposal_input(ws, sid)
    assert given.remaining == 3   # the two typed notes and the lunch note in その他
    groups = {**dict.fromkeys(MONEY + ["費用の見直しが必要", "お昼のお弁当がおいしかった"], "お金"),
              **dict.fromkeys(PEOPLE + ["採用の面接が足りない"], "人")}
    return accept_proposal(ws, sid, None, given, _proposal(given, groups))


def test_what_a_frame_carries_moves_with_it(decorated):
    ws, sid = decorated
    before = {e.id: e for e in ws.elements_on(sid)}
    money0, people0 = _frame(ws, "お金"), _frame(ws, "人")
    b1_before = _note(ws, PEOPLE[0])
    _propose_again(ws, sid)
    money, people = _frame(ws, "お金"), _frame(ws, "人")
    assert money.h > money0.h and people.h > people0.h          # laid out again, grown
    for rid, frame in (("bulb", money), ("hands", people), ("sub", people)):
        assert in_frame(frame, ws.find(rid)), rid
    # A corner pictogram stays in its corner of the grown frame.
    bulb = ws.find("bulb")
    assert (money.x + money.w - bulb.x, bulb.y - money.y) == (40, 4)
    # The pictogram on a note, and the circle round one, stay on their note.
    a1, b1 = _note(ws, MONEY[0]), _note(ws, PEOPLE[0])
    star = ws.find("star")
    assert (star.x - a1.x, star.y - a1.y) == (a1.w - 16, -16)
    circle = ws.find("circle")
    assert (circle.x - b1.x, circle.y - b1.y) == (-10, -10)
    assert b1.x - people.x == b1_before.x - people0.x   # notes kept their order
    assert ws.find("circle").points == before["circle"].points


def test_nothing_is_left_where_the_other_frame_was(decorated):
    ws, sid = decorated
    other = _frame(ws, "その他")
    _propose_again(ws, sid)
    assert not any(t.is_other for t in ws.all(Theme)) and ws.find(other.id) is None
    frames = ws.all(Frame)
    lunch = _note(ws, "お昼のお弁当がおいしかった")
    home = next(f for f in frames if f.theme_id == lunch.theme_id)
    question = ws.find("question")
    assert in_frame(home, question)                 # its 「？」 went with its note
    stamps = ws.all(Stamp)
    assert not any(_overlap(question, s) for s in stamps if s.id != question.id)
    for e in ws.elements_on(sid):                   # no orphan where the frame was
        if not isinstance(e, (Frame, Connector)) and _overlap(e, other):
            assert any(in_frame(f, e) for f in frames), e


def test_arrows_keep_their_ends(decorated):
    ws, sid = decorated
    _propose_again(ws, sid)
    arrow = ws.find("arrow")
    a, b = _note(ws, MONEY[1]), _note(ws, PEOPLE[1])
    assert (arrow.source_id, arrow.target_id, arrow.label) == (a.id, b.id, "原因？")
    assert (arrow.x, arrow.y) == (a.x + a.w / 2, a.y + a.h / 2)
    assert (arrow.x + arrow.w, arrow.y + arrow.h) == (b.x + b.w / 2, b.y + b.h / 2)
    # The two themes stay side by side: the arrow spans about one frame, not the board.
    assert abs(arrow.w) < 2 * _frame(ws, "お金").w


def test_what_no_frame_carries_stays_and_is_never_covered(decorated):
    ws, sid = decorated
    before = {e.id: e for e in ws.elements_on(sid)}
    _propose_again(ws, sid)
    frames = ws.all(Frame)
    for rid in ("title", "loose"):
        assert ws.find(rid) == before[rid]
        assert not any(_overlap(f, ws.find(rid)) for f in frames), rid
    assert not any(_overlap(f, g) for f in frames for g in frames if f.id < g.id)
    notes = ws.all(Note)
    assert not any(_overlap(m, n) for m in notes for n in notes if m.id < n.id)
    for n in notes:
        assert in_frame(next(f for f in frames if f.theme_id == n.theme_id), n)


def test_one_undo_restores_everything_exactly(decorated):
    ws, sid = decorated
    before = {e.id: e for e in ws.elements_on(sid)}
    themes = ws.all(Theme)
    _propose_again(ws, sid)
    after = {e.id: e for e in ws.elements_on(sid)}
    assert len(ws.history.undo_stack) == 1
    ws.undo()
    assert {e.id: e for e in ws.elements_on(sid)} == before and ws.all(Theme) == themes
    ws.redo()
    assert {e.id: e for e in ws.elements_on(sid)} == after


def test_the_demo_board_proposed_twice_leaves_nothing_floating(tmp_path):
    """The real engine on the demo's board: notes typed, themes proposed and accepted
    twice; every pictogram, heading and ink that sat in a theme frame is still in one."""
    from facilitator.themes.cluster import propose_themes
    ws = create_demo(tmp_path / "demo.furikaeri")
    sid = next(s.id for s in ws.sessions() if ws.elements_on(s.id, None, (Frame,)))
    for round_, texts in enumerate((["資金の集め方を考えたい", "企業と若者の出会いの場"],
                                    ["事務局の負担を減らしたい"])):
        ws.add(*[ws.new_note(t, sid, x=2500.0 + 200 * i, y=-500.0 * (round_ + 1))
                 for i, t in enumerate(texts)])
        framed = {e.id for e in ws.elements_on(sid) if isinstance(e, (Stamp, Heading, Stroke))
                  and any(in_frame(f, e) for f in ws.elements_on(sid, None, (Frame,)))}
        given = proposal_input(ws, sid)
        proposal = with_board_labels(ws, propose_themes(given.texts, fixed=given.fixed))
        accept_proposal(ws, sid, None, given, proposal)
        frames = ws.elements_on(sid, None, (Frame,))
        for rid in framed:
            assert any(in_frame(f, ws.find(rid)) for f in frames), (round_, ws.find(rid))
        for c in ws.elements_on(sid, None, (Connector,)):
            a, b = ws.find(c.source_id), ws.find(c.target_id)
            assert (c.x, c.y, c.x + c.w, c.y + c.h) == (
                a.x + a.w / 2, a.y + a.h / 2, b.x + b.w / 2, b.y + b.h / 2)
        assert not any(_overlap(f, g) for f in frames for g in frames if f.id < g.id)
    ws.close()
