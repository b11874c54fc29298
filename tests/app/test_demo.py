"""The demo workshop: a believable LOCAL X STAGE reflection, laid out tidily."""

from __future__ import annotations

import json
from datetime import datetime
from itertools import combinations

import pytest

from facilitator.cli import main
from facilitator.demo import create_demo, load_demo_data
from facilitator.workshop.model import (
    PICTOGRAMS, ActionItem, Connector, Decision, Frame, Group, Note, Participant,
    Stamp, Stroke, Theme,
)
from facilitator.paths import STAMPS_DIR
from facilitator.workshop import Workshop


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("demo") / "デモ ワークショップ.furikaeri"
    with create_demo(path):
        pass
    ws = Workshop.open(path, readonly=True)  # what was written, read back
    yield ws
    ws.close()


def boards(ws: Workshop) -> dict[tuple, list[Note]]:
    out: dict[tuple, list[Note]] = {}
    for n in ws.all(Note):
        out.setdefault((n.session_id, n.group_id), []).append(n)
    return out


def test_demo_follows_the_standard_programme(demo):
    assert [s.title for s in demo.sessions()] == [
        "オリエンテーション", "グループディスカッション", "休憩", "全体ディスカッション",
        "ラップアップ・クロージング"]
    assert [g.name for g in demo.all(Group)] == ["グループA", "グループB"]
    assert all(g.note_taker for g in demo.all(Group))
    assert demo.info.title.startswith("LOCAL X STAGE") and demo.info.venue
    assert demo.info.findings and demo.info.next_steps


def test_demo_has_the_people_of_the_event(demo):
    people = demo.all(Participant)
    roles = [p.role for p in people]
    assert len(people) >= 12
    assert roles.count("participant") >= 8
    assert {"expert", "facilitator", "note_taker", "recorder", "organiser"} <= set(roles)
    assert all(p.organisation for p in people)


def test_demo_has_about_sixty_notes_on_both_groups_and_the_plenary(demo):
    plenary = next(s for s in demo.sessions() if s.title == "全体ディスカッション")
    counts = {k: len(v) for k, v in boards(demo).items()}
    assert sum(counts.values()) >= 55
    for g in demo.all(Group):
        assert counts[(g.session_id, g.id)] >= 15
    assert counts[(plenary.id, None)] >= 15


def test_note_texts_are_realistic_and_unique(demo):
    texts = [n.text for n in demo.all(Note)]
    assert all(10 <= len(t) <= 150 for t in texts)
    assert len(set(texts)) == len(texts)
    assert sum(bool(n.author) for n in demo.all(Note)) > len(texts) / 2
    assert any("「" in t for t in texts)


def test_every_board_has_labelled_themes_an_other_group_and_votes(demo):
    notes = demo.all(Note)
    assert all(n.theme_id for n in notes)
    for session_id, _ in boards(demo):
        themes = [t for t in demo.all(Theme) if t.session_id == session_id]
        assert 4 <= len(themes) <= 12
        assert all(t.label for t in themes)
        assert any(t.is_other and t.label == "その他" for t in themes)
    assert sum(n.votes for n in notes) > 0
    assert any(t.votes for t in demo.all(Theme))


def test_two_blocks_have_their_actual_times(demo):
    timed = [s for s in demo.sessions() if s.actual_start]
    assert [s.title for s in timed] == ["オリエンテーション", "グループディスカッション"]
    for s in timed:
        start, end = datetime.fromisoformat(s.actual_start), datetime.fromisoformat(s.actual_end)
        assert start.date().isoformat() == demo.info.date and start < end
    assert all(s.actual_end is None for s in demo.sessions() if s not in timed)


def test_demo_has_decisions_and_action_items(demo):
    assert len(demo.all(Decision)) >= 3
    actions = demo.all(ActionItem)
    assert len(actions) >= 4
    assert all(a.what and a.owner and a.due for a in actions)


def overlap(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def test_no_two_notes_overlap_on_a_board(demo):
    for notes in boards(demo).values():
        assert not [(a.text, b.text) for a, b in combinations(notes, 2) if overlap(a, b)]


def test_frames_hold_their_themes_notes_and_do_not_overlap(demo):
    frames = {f.theme_id: f for f in demo.all(Frame)}
    for n in demo.all(Note):
        f = frames[n.theme_id]
        assert (f.session_id, f.group_id) == (n.session_id, n.group_id)
        assert f.x <= n.x and n.x + n.w <= f.x + f.w and f.y <= n.y and n.y + n.h <= f.y + f.h
        assert f.title == demo.get(Theme, n.theme_id).label
    for a, b in combinations(demo.all(Frame), 2):
        if (a.session_id, a.group_id) == (b.session_id, b.group_id):
            assert not overlap(a, b)


def test_connectors_join_existing_notes_on_the_same_board(demo):
    connectors = demo.all(Connector)
    assert 2 <= len(connectors) <= 5
    for c in connectors:
        ends = [demo.get(Note, c.source_id), demo.get(Note, c.target_id)]
        assert all(ends)
        assert {(e.session_id, e.group_id) for e in ends} == {(c.session_id, c.group_id)}


def test_the_graphic_record_has_ink_and_known_stamps(demo):
    strokes = demo.all(Stroke)
    assert strokes
    for s in strokes:
        assert len(s.points) >= 10
        assert all(0 <= x <= s.w and 0 <= y <= s.h for x, y, _ in s.points)
    stamps = demo.all(Stamp)
    assert len({s.pictogram for s in stamps}) >= 5
    assert all(s.pictogram in PICTOGRAMS and (STAMPS_DIR / f"{s.pictogram}.svg").exists()
               for s in stamps)


def test_the_demo_starts_with_nothing_to_undo(tmp_path):
    with create_demo(tmp_path / "d.furikaeri") as ws:
        assert not ws.history.can_undo()


def test_a_failing_demo_leaves_no_file(tmp_path):
    data = load_demo_data()
    data["boards"][0]["group"] = "グループZ"  # no such group in the template
    path = tmp_path / "d.furikaeri"
    with pytest.raises(KeyError):
        create_demo(path, data)
    assert list(tmp_path.iterdir()) == []


def test_cli_demo_create_then_info(tmp_path, capsys):
    path = tmp_path / "demo.furikaeri"
    assert main(["demo", "--create", str(path)]) == 0
    capsys.readouterr()
    assert main(["info", str(path)]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["sessions"] == 5 and info["groups"] == 2
    assert info["notes"] >= 55 and info["themes"] >= 8 and info["strokes"] >= 1
    assert info["decisions"] >= 3 and info["action_items"] >= 4


def test_cli_demo_create_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "demo.furikaeri"
    path.write_bytes(b"precious")
    assert main(["demo", "--create", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert path.read_bytes() == b"precious"


# -- the demo copied from the cache -----------------------------------------------------
def _content(ws: Workshop) -> list[tuple]:
    return sorted((type(r).__name__, getattr(r, "text", ""), getattr(r, "x", 0),
                   getattr(r, "y", 0)) for rtype in (Note, Frame, Theme, Stamp, Stroke)
                  for r in ws.all(rtype))


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("FURIKAERI_CACHE_DIR", str(tmp_path / "cache"))
    from facilitator.paths import cache_dir
    return cache_dir()


def test_demo_copies_hold_the_whole_demo_and_are_independent(tmp_path, cache, demo):
    from facilitator.demo import open_demo_copy
    first = open_demo_copy(tmp_path / "a.furikaeri")  # builds the demo, keeps a copy
    assert len(list(cache.glob("demo-*.furikaeri"))) == 1
    second = open_demo_copy(tmp_path / "b.furikaeri")  # copied from the cache
    try:
        assert _content(first) == _content(second) == _content(demo)
        assert not second.history.can_undo()
        note = second.all(Note)[0]
        second.edit_note_text(note.id, "二つ目のデモだけで書き換えた")
    finally:
        first.close()
        second.close()
    with Workshop.open(tmp_path / "a.furikaeri", readonly=True) as a:
        assert a.get(Note, note.id).text != "二つ目のデモだけで書き換えた"
    with Workshop.open(tmp_path / "b.furikaeri", readonly=True) as b:
        assert b.get(Note, note.id).text == "二つ目のデモだけで書き換えた"


def test_a_damaged_cached_demo_is_built_again(tmp_path, cache, demo):
    from facilitator.demo import open_demo_copy
    open_demo_copy(tmp_path / "a.furikaeri").close()
    pristine, = cache.glob("demo-*.furikaeri")
    pristine.write_bytes(b"not a workshop")
    with open_demo_copy(tmp_path / "b.furikaeri") as ws:
        assert _content(ws) == _content(demo)
    with Workshop.open(pristine, readonly=True) as rebuilt:
        assert _content(rebuilt) == _content(demo)


def test_demo_copy_never_overwrites(tmp_path, cache):
    from facilitator.demo import open_demo_copy
    from facilitator.errors import FurikaeriError
    open_demo_copy(tmp_path / "a.furikaeri").close()
    taken = tmp_path / "taken.furikaeri"
    taken.write_bytes(b"precious")
    with pytest.raises(FurikaeriError):
        open_demo_copy(taken)
    assert taken.read_bytes() == b"precious"
