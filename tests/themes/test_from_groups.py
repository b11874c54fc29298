"""Bringing the groups' results onto the plenary board (core, no Qt)."""

from __future__ import annotations

import pytest

from facilitator import i18n
from facilitator.errors import FurikaeriError
from facilitator.themes.from_groups import (
    bring_groups_into, copies, default_source, group_results, other_titled, setting_id,
    titled,
)
from facilitator.workshop.model import Frame, Group, Heading, Note, Setting, Theme
from group_fixtures import GROUP_A, GROUP_B, fill_groups, group_notes


@pytest.fixture
def japanese():
    language = i18n.language()
    i18n.set_language("ja")
    yield
    i18n.set_language(language)


def inside(note: Note, frame: Frame) -> bool:
    return (frame.x <= note.x and note.x + note.w <= frame.x + frame.w
            and frame.y <= note.y and note.y + note.h <= frame.y + frame.h)


def overlap(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def plenary_board(ws, plenary):
    return ws.elements_on(plenary, None)


def test_each_groups_themes_become_labelled_frames_with_copies_of_their_notes(ws, japanese):
    session, plenary = fill_groups(ws)
    group_boards_before = {g.id: ws.elements_on(session, g.id) for g in ws.groups_of(session)}
    ws.apply(bring_groups_into(ws, plenary, session))

    frames = {f.title: f for f in ws.elements_on(plenary, None, [Frame])}
    assert set(frames) == {"グループA：参加のきっかけ", "グループA：継続の条件",
                           "その他（グループA）", "グループB：期待すること",
                           "その他（グループB）"}
    copied = ws.elements_on(plenary, None, [Note])
    for name, spec in (("グループA", GROUP_A), ("グループB", GROUP_B)):
        group = next(g for g in ws.all(Group) if g.name == name)
        for label, texts in spec.items():
            title = (f"{name}：{label}" if label not in (None, "その他")
                     else f"その他（{name}）")
            frame = frames[title]
            theme = ws.get(Theme, frame.theme_id)
            assert theme.label == title and theme.session_id == plenary
            mine = [n for n in copied if n.theme_id == theme.id]
            assert sorted(n.text for n in mine) == sorted(texts)
            assert all(inside(n, frame) for n in mine)
            assert all(n.color == group.color and n.author == "佐藤" for n in mine)
            assert frame.color != group.color  # a deep shade: the outline reads on white
    # Copies, not moves: the group boards are as the groups left them.
    assert {g.id: ws.elements_on(session, g.id) for g in ws.groups_of(session)} \
        == group_boards_before
    # Laid out tidily: no frame over another or over what the plenary board held.
    drawn = [*frames.values(), ws.get(Heading, "plenary-heading")]
    assert not any(overlap(a, b) for i, a in enumerate(drawn) for b in drawn[i + 1:])
    headings = [h.text for h in ws.elements_on(plenary, None, [Heading])]
    assert "グループA より（グループディスカッション）" in headings


def test_one_undo_takes_it_all_back_and_redo_brings_it_again(ws):
    session, plenary = fill_groups(ws)
    before = {t: ws.all(t) for t in (Note, Frame, Theme, Heading, Setting)}
    ws.apply(bring_groups_into(ws, plenary, session))
    assert len(plenary_board(ws, plenary)) > 1
    ws.undo()
    assert {t: ws.all(t) for t in before} == before
    assert not ws.history.can_undo()
    ws.redo()
    assert len(ws.elements_on(plenary, None, [Note])) == len(group_notes(ws, session))


def test_bringing_in_again_adds_nothing_and_refresh_replaces_the_copies(ws):
    session, plenary = fill_groups(ws)
    ws.apply(bring_groups_into(ws, plenary, session))
    first = plenary_board(ws, plenary)
    assert not bring_groups_into(ws, plenary, session)  # nothing new: an empty change
    assert all(r.brought for r in group_results(ws, plenary, session))

    group_a = ws.groups_of(session)[0]
    old_heading = ws.get(Heading, ws.get(Setting, setting_id(plenary, group_a.id)).value["drawn"][0])
    ws.add(ws.new_note("後から書いた付箋", session, group_a.id, y=900))
    assert not bring_groups_into(ws, plenary, session)  # skipped unless asked to refresh
    ws.apply(bring_groups_into(ws, plenary, session, [group_a.id], refresh=True))
    notes = ws.elements_on(plenary, None, [Note])
    texts = [n.text for n in notes]
    assert len(texts) == len(set(texts)) == len(group_notes(ws, session))
    assert "後から書いた付箋" in texts
    assert len(ws.elements_on(plenary, None, [Frame])) == len(
        [e for e in first if isinstance(e, Frame)])
    # The refreshed block sits where the first one was, not below everything.
    new_heading = next(h for h in ws.elements_on(plenary, None, [Heading])
                       if h.text == old_heading.text)
    assert (new_heading.x, new_heading.y) == (old_heading.x, old_heading.y)
    ws.undo()  # the refresh is one step too
    assert plenary_board(ws, plenary) == first


def test_the_minutes_learn_where_each_copied_theme_came_from(ws):
    session, plenary = fill_groups(ws)
    ws.apply(bring_groups_into(ws, plenary, session))
    found = copies(ws)
    themes = {t.id: t for t in ws.all(Theme) if t.session_id == plenary}
    assert set(found.theme_group) == set(themes)
    assert {found.theme_group[t.id] for t in themes.values()} == {"グループA", "グループB"}
    assert found.note_ids == {n.id for n in ws.elements_on(plenary, None, [Note])}


def test_only_the_groups_asked_for_and_the_default_source(ws):
    session, plenary = fill_groups(ws)
    assert default_source(ws, plenary).id == session
    group_b = ws.groups_of(session)[1]
    ws.apply(bring_groups_into(ws, plenary, session, [group_b.id]))
    assert {t.label for t in ws.all(Theme) if t.session_id == plenary} == {
        titled("グループB", "期待すること"), other_titled("グループB")}
    results = {r.group.name: r for r in group_results(ws, plenary, session)}
    assert not results["グループA"].brought and results["グループB"].brought
    assert results["グループA"].notes == 6 and results["グループA"].themes == 2


def test_a_group_session_cannot_take_its_own_groups(ws):
    session, _ = fill_groups(ws)
    with pytest.raises(FurikaeriError):
        bring_groups_into(ws, session, session)
