"""Accepting a theme proposal, merging near-duplicates, dot voting: one undo step each, persisted."""

from __future__ import annotations

import pytest

from facilitator.themes.cluster import OTHER, ParentGroup, Proposal, ThemeProposal
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Connector, Frame, Note, Participant, Setting, Theme
from facilitator.themes.acceptance import accept_proposal, proposal_input
from facilitator.themes.voting import (
    merge_notes, place_dot, ranking, remaining, remove_dot, set_dots_per_participant,
)
from facilitator.workshop import Workshop

TEXTS = ["予算が足りない", "コストが高い", "若手の採用が難しい", "人材が定着しない", "猫が好き"]


@pytest.fixture
def board(ws):
    session = ws.sessions()[0]
    notes = [ws.new_note(t, session.id, author=f"人{i}", x=i * 40.0, y=i * 30.0,
                         z=float(i + 1))
             for i, t in enumerate(TEXTS)]
    ws.add(*notes)
    return ws, session.id


def _proposal(n_fixed_first: str | None = None) -> Proposal:
    return Proposal(assignment=(0, 0, 1, 1, OTHER), themes=(
        ThemeProposal(notes=(0, 1), label="予算・コスト", keywords=("予算", "コスト", "費用")),
        ThemeProposal(notes=(2, 3), label="人材", keywords=("採用", "若手", "人材"))))


def _overlap(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def test_accept_creates_themes_frames_and_tidy_layout(board, ws_path):
    ws, sid = board
    given = proposal_input(ws, sid)
    accept_proposal(ws, sid, None, given, _proposal(), labels={1: "対等なパートナー"})
    ws.close()
    with Workshop.open(ws_path) as again:
        themes = sorted(again.all(Theme), key=lambda t: t.order)
        assert [t.label for t in themes][:2] == ["予算・コスト", "対等なパートナー"]
        assert themes[1].label_manual and not themes[0].label_manual
        assert themes[-1].is_other and themes[0].keywords == ["予算", "コスト", "費用"]
        frames = {f.theme_id: f for f in again.all(Frame)}
        assert set(frames) == {t.id for t in themes}
        notes = again.all(Note)
        for n in notes:  # each note inside its theme's frame, none overlapping
            f = frames[n.theme_id]
            assert f.x <= n.x and n.x + n.w <= f.x + f.w and f.y <= n.y and n.y + n.h <= f.y + f.h
        assert not any(_overlap(a, b) for a in notes for b in notes if a.id < b.id)
        assert not any(_overlap(a, b) for a in frames.values() for b in frames.values() if a.id < b.id)
        other = frames[themes[-1].id]
        assert all(other.y >= f.y for f in frames.values())  # その他 last
        assert again.get(Note, notes[0].id) is not None


def test_accept_is_one_undo_step(board, ws_path):
    ws, sid = board
    before = {n.id: n for n in ws.all(Note)}
    accept_proposal(ws, sid, None, proposal_input(ws, sid), _proposal())
    ws.undo()
    assert {n.id: n for n in ws.all(Note)} == before
    assert ws.all(Theme) == [] and ws.all(Frame) == []
    ws.redo()
    assert len(ws.all(Frame)) == 3


def test_reproposal_keeps_accepted_and_hand_placed_notes(board):
    ws, sid = board
    accept_proposal(ws, sid, None, proposal_input(ws, sid), _proposal())
    cat = next(n for n in ws.all(Note) if n.text == "猫が好き")
    given = proposal_input(ws, sid)
    assert given.remaining == 1 and cat not in [given.notes[i] for i in given.fixed]
    ws.add(ws.new_note("犬も好き", sid))
    given = proposal_input(ws, sid)
    assert given.remaining == 2


def test_reproposal_leaves_unchanged_themes_where_people_put_them(board):
    ws, sid = board
    accept_proposal(ws, sid, None, proposal_input(ws, sid), _proposal())
    budget = next(f for f in ws.all(Frame) if f.title == "予算・コスト")
    ws.move([budget.id] + [n.id for n in ws.all(Note) if n.theme_id == budget.theme_id], 40, 600)
    frames_before = {f.id: f for f in ws.all(Frame)}
    ws.add(ws.new_note("犬も好き", sid, x=0, y=0))
    given = proposal_input(ws, sid)
    keys = {given.notes[i].id: t for i, t in given.fixed.items()}
    people = next(t for t in ws.all(Theme) if t.label == "人材")
    assignment = []
    for n in given.notes:
        key = keys.get(n.id)
        assignment.append(0 if key == budget.theme_id else 1 if key == people.id else OTHER)
    p = Proposal(tuple(assignment), (
        ThemeProposal(tuple(i for i, a in enumerate(assignment) if a == 0), "別の名前", ("予算",),
                      key=budget.theme_id),
        ThemeProposal(tuple(i for i, a in enumerate(assignment) if a == 1), "人材", ("採用",),
                      key=people.id)))
    accept_proposal(ws, sid, None, given, p)
    assert ws.get(Frame, budget.id) == frames_before[budget.id]       # not moved, label kept
    assert ws.get(Theme, budget.theme_id).label == "予算・コスト"
    frames = ws.all(Frame)
    assert not any(_overlap(a, b) for a in frames for b in frames if a.id < b.id)
    notes = ws.all(Note)
    assert not any(_overlap(a, b) for a in notes for b in notes if a.id < b.id)


def test_accept_refuses_when_notes_changed_meanwhile(board):
    ws, sid = board
    given = proposal_input(ws, sid)
    ws.remove([given.notes[0].id])
    with pytest.raises(FurikaeriError):
        accept_proposal(ws, sid, None, given, _proposal())


def test_nested_themes_get_parents(board):
    ws, sid = board
    p = _proposal()
    p = Proposal(p.assignment, tuple(ThemeProposal(t.notes, t.label, t.keywords, parent=0)
                                      for t in p.themes), (ParentGroup((0, 1), "課題"),))
    accept_proposal(ws, sid, None, proposal_input(ws, sid), p)
    parent = next(t for t in ws.all(Theme) if t.label == "課題")
    assert {t.parent_id for t in ws.all(Theme) if t.label in ("予算・コスト", "人材")} == {parent.id}


def test_merge_keeps_both_authors_and_sums_votes(board, ws_path):
    ws, sid = board
    a, b, *_ = ws.all(Note)
    ws.update(a.id, votes=2)
    ws.update(b.id, votes=1)
    other = ws.new_note("別の意見", sid)
    ws.add(other, Connector(id="c1", session_id=sid, source_id=b.id, target_id=other.id))
    merge_notes(ws, a.id, b.id)
    ws.close()
    with Workshop.open(ws_path) as again:
        kept = again.get(Note, a.id)
        assert again.get(Note, b.id) is None and again.get(Connector, "c1") is None
        assert kept.votes == 3 and kept.author == "人0、人1"
        assert kept.text == "予算が足りない\nコストが高い"   # different words are kept


def test_merge_of_identical_text_keeps_one_text_and_is_one_undo_step(board):
    ws, sid = board
    dup = ws.new_note("予算が足りない！", sid, author="人0")
    ws.add(dup)
    keep = ws.all(Note)[0]
    merge_notes(ws, keep.id, dup.id)
    assert ws.get(Note, keep.id).text == "予算が足りない" and ws.get(Note, keep.id).author == "人0"
    ws.undo()
    assert ws.get(Note, dup.id) == dup and ws.get(Note, keep.id) == keep


@pytest.fixture
def voters(board):
    ws, sid = board
    ws.add(Participant(id="p1", name="山田"), Participant(id="p2", name="佐藤"))
    set_dots_per_participant(ws, 2)
    return ws, sid


def test_voter_cannot_place_more_dots_than_they_have(voters, ws_path):
    ws, sid = voters
    n1, n2, n3, *_ = ws.all(Note)
    place_dot(ws, sid, "p1", n1.id)
    place_dot(ws, sid, "p1", n1.id)
    with pytest.raises(FurikaeriError, match="2"):
        place_dot(ws, sid, "p1", n2.id)
    place_dot(ws, sid, "p2", n2.id)   # another voter has their own dots
    assert remaining(ws, sid, "p1") == 0 and remaining(ws, sid, "p2") == 1
    remove_dot(ws, sid, "p1", n1.id)
    with pytest.raises(FurikaeriError):
        remove_dot(ws, sid, "p2", n3.id)   # no dot of theirs there
    ws.close()
    with Workshop.open(ws_path) as again:
        assert again.get(Note, n1.id).votes == 1 and again.get(Note, n2.id).votes == 1
        assert remaining(again, sid, "p1") == 1


def test_vote_is_one_undo_step_and_themes_take_dots(voters):
    ws, sid = voters
    accept_proposal(ws, sid, None, proposal_input(ws, sid), _proposal())
    theme = next(t for t in ws.all(Theme) if t.label == "人材")
    place_dot(ws, sid, "p1", theme.id)
    assert ws.get(Theme, theme.id).votes == 1 and remaining(ws, sid, "p1") == 1
    ws.undo()
    assert ws.get(Theme, theme.id).votes == 0 and remaining(ws, sid, "p1") == 2


def test_ranking_orders_themes_and_notes_by_votes(voters):
    ws, sid = voters
    accept_proposal(ws, sid, None, proposal_input(ws, sid), _proposal())
    budget, people = (next(t for t in ws.all(Theme) if t.label == lab) for lab in ("予算・コスト", "人材"))
    note = next(n for n in ws.all(Note) if n.text == "コストが高い")
    place_dot(ws, sid, "p1", people.id)
    place_dot(ws, sid, "p2", people.id)
    place_dot(ws, sid, "p2", note.id)
    ws.add(Theme(id="elsewhere", session_id=sid, label="別のグループのテーマ", votes=5))
    themes, notes = ranking(ws, sid)
    assert [r.record.id for r in themes] == [people.id, budget.id]   # not another board's theme
    assert themes[1].note_votes == 1 and [r.record.id for r in notes] == [note.id]


def test_merged_note_takes_its_dots_with_it(voters):
    ws, sid = voters
    a, b, *_ = ws.all(Note)
    place_dot(ws, sid, "p1", b.id)
    merge_notes(ws, a.id, b.id)
    assert ws.get(Note, a.id).votes == 1 and remaining(ws, sid, "p1") == 1
    remove_dot(ws, sid, "p1", a.id)
    assert ws.get(Note, a.id).votes == 0


@pytest.mark.parametrize("dots", [0, 100, "3"])
def test_bad_dot_counts_are_refused(voters, dots):
    ws, _ = voters
    with pytest.raises(FurikaeriError):
        set_dots_per_participant(ws, dots)
    assert ws.get(Setting, "dots_per_participant").value == 2


def test_a_frame_drawn_by_hand_is_a_theme_named_by_its_title(board, ws_path):
    from facilitator.themes.acceptance import add_theme_frame, retitle_frame
    ws, sid = board
    frame = Frame(id="hand", session_id=sid, x=-400, y=0, w=300, h=300)
    add_theme_frame(ws, frame)
    retitle_frame(ws, "hand", "手で作ったテーマ")
    first = ws.elements_on(sid, None, [Note])[0]
    ws.move([first.id], -400 - first.x + 40, 40 - first.y)  # dropped into the frame
    with Workshop.open(ws_path, readonly=True) as saved:
        theme = saved.get(Theme, saved.get(Frame, "hand").theme_id)
        assert (theme.label, theme.label_manual) == ("手で作ったテーマ", True)
        assert saved.get(Note, first.id).theme_id == theme.id
    ws.undo()
    ws.undo()  # the renaming is one step: frame title and theme label together
    assert ws.get(Frame, "hand").title == ""
    assert ws.get(Theme, ws.get(Frame, "hand").theme_id).label == ""


def test_renaming_an_accepted_themes_frame_renames_the_theme(board):
    from facilitator.themes.acceptance import retitle_frame
    ws, sid = board
    accept_proposal(ws, sid, None, proposal_input(ws, sid), _proposal())
    frame = next(f for f in ws.elements_on(sid, None, [Frame]) if f.title == "人材")
    retitle_frame(ws, frame.id, "人材の確保")
    theme = ws.get(Theme, frame.theme_id)
    assert (theme.label, theme.label_manual) == ("人材の確保", True)
