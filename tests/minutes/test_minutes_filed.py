"""Minutes an organiser files as they are (issue 13 F): a real day, made as the app makes it.

No blank or cutting tiles in the graphic record, no empty charts or themes,
every heading on the page of what follows it; and still every note in full.
"""

from __future__ import annotations

import random
import re

import pytest
from reportlab.graphics.shapes import Drawing

from facilitator.agenda.templates import read_template, records_from_template
from facilitator.minutes import Options, gather, minutes_pdf
from facilitator.minutes.board import MIN_SCALE, board_pictures, tiling
from facilitator.minutes.content import theme_blocks
from facilitator.minutes.layout import MinutesDoc, styles
from facilitator.minutes.sample_day import sample_day
from facilitator.minutes.sections import Story
from facilitator.workshop import Workshop
from facilitator.workshop.model import Frame, Note, Session, Stroke, Theme
from tests.report_helpers import (
    assert_faithful, assert_tiles_hold_every_note_whole, flat, pdf_pages,
)

EN = Options(lang="en")
PAGE = (740.0, 430.0)   # about an A4 landscape frame, less the caption


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    ws = sample_day(tmp_path_factory.mktemp("day") / "day.furikaeri")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def day_minutes(day):
    return gather(day)


@pytest.fixture(scope="module")
def day_pages(day_minutes):
    return pdf_pages(minutes_pdf(day_minutes, EN))


def tiles_of(elements):
    return [p for p, where in board_pictures(elements, *PAGE) if where not in ("", "overview")]


# -- the graphic record's tiles -----------------------------------------------------------
def test_the_day_has_every_note_in_full(day, day_pages):
    assert_faithful(day, day_pages)


def test_no_tile_of_the_day_cuts_a_note_or_a_frame_or_is_blank(day_minutes):
    tiled = 0
    for board in day_minutes.boards:
        tiles = tiles_of(board.elements)
        if not tiles:
            continue
        tiled += 1
        notes = [e for e in board.elements if isinstance(e, Note)]
        assert_tiles_hold_every_note_whole(notes, tiles)
        # Every frame fits a page here: each is whole in one tile, with what it holds.
        for f in (e for e in board.elements if isinstance(e, Frame)):
            (holder,) = [t for t in tiles if f.id in t.members]
            x, y, w, h = holder.region
            assert x <= f.x and y <= f.y and f.x + f.w <= x + w and f.y + f.h <= y + h
            inside = [n for n in notes if f.x <= n.x and n.x + n.w <= f.x + f.w
                      and f.y <= n.y and n.y + n.h <= f.y + f.h]
            assert all(n.id in holder.members for n in inside)
    assert tiled >= 2  # the two group boards at least are too large for one page


def test_every_tile_page_of_the_day_shows_notes(day_minutes, day_pages):
    """What an organiser sees: each page "part n of m" carries notes' text."""
    parts = [p for p in day_pages if "part" in p and " of " in p]
    assert len(parts) >= 4
    starts = {flat(n.text)[:6] for b in day_minutes.boards for n in b.notes}
    for page in parts:
        assert any(s in flat(page) for s in starts), page[:200]


def test_a_grid_far_larger_than_a_page_is_tiled_at_a_legible_scale_along_its_gaps():
    notes = [Note(id=f"n{i}", x=(i % 60) * 176.0, y=(i // 60) * 116.0, text="付箋")
             for i in range(1200)]
    tiles = tiles_of(notes)
    assert len(tiles) > 4 and all(t.scale >= MIN_SCALE for t in tiles)
    assert all(t.width <= PAGE[0] + 0.01 and t.height <= PAGE[1] + 0.01 for t in tiles)
    assert_tiles_hold_every_note_whole(notes, tiles)


def test_notes_strewn_with_no_gap_through_them_are_still_never_cut():
    rng = random.Random(5)
    notes = [Note(id=f"n{i}", x=rng.uniform(0, 3000), y=rng.uniform(0, 2000), text="付箋")
             for i in range(300)]
    # Ink across everything and a frame round it all: drawn on the tiles, not in their way.
    big = [Frame(id="all", x=-20, y=-60, w=3200, h=2200, title="全部"),
           Stroke(id="ink", x=0, y=0, w=3100, h=2100, points=[[0, 0, 1], [3100, 2100, 1]])]
    tiles = tiles_of(notes + big)
    assert_tiles_hold_every_note_whole(notes, tiles)
    assert all(t.width <= PAGE[0] + 0.01 and t.height <= PAGE[1] + 0.01 for t in tiles)
    assert all("all" in t.decor and "ink" in t.decor for t in tiles)


def test_a_note_larger_than_a_page_gets_a_tile_of_its_own_smaller_not_cut():
    huge = Note(id="huge", x=0, y=0, w=4000, h=3000, text="大きな付箋")
    notes = [huge] + [Note(id=f"n{i}", x=4200 + (i % 10) * 176.0, y=(i // 10) * 116.0,
                           text="付箋") for i in range(100)]
    tiles = tiles_of(notes)
    assert_tiles_hold_every_note_whole(notes, tiles)
    (alone,) = [t for t in tiles if "huge" in t.members]
    assert alone.members == {"huge"} and alone.width <= PAGE[0] + 0.01


def test_tiles_say_where_the_board_goes_on(day_minutes):
    board = max(day_minutes.boards, key=lambda b: len(b.notes))
    tiles = tiles_of(board.elements)
    assert len(tiles) >= 2
    assert all(t.continues for t in tiles)  # each names a neighbour
    for t in tiles:
        assert all(1 <= n <= len(tiles) for n in t.continues.values())


def test_the_tiling_scale_is_a_setting_that_can_be_raised():
    """Larger type: more tiles, each still holding notes whole."""
    notes = [Note(id=f"n{i}", x=(i % 30) * 176.0, y=(i // 30) * 116.0, text="付箋")
             for i in range(300)]
    small, _, _ = tiling(notes, *PAGE, min_scale=0.42)
    large, _, scale = tiling(notes, *PAGE, min_scale=0.7)
    assert scale >= 0.7 and len(large) > len(small)
    for t in large:
        x, y, w, h = t.region
        assert w * scale <= PAGE[0] + 0.01 and h * scale <= PAGE[1] + 0.01


# -- charts and themes ----------------------------------------------------------------------
def _drawings(minutes) -> list:
    doc = MinutesDoc(None, Options(), "t", "d", "Minutes")
    story = Story(minutes, styles(10.0), doc.frame_size, None).build()
    return [f for f in story if isinstance(f, Drawing)]


def test_no_vote_chart_for_boards_without_votes(day_minutes, day_pages):
    voted = [b for b in day_minutes.boards if b.ranking()]
    unvoted = [b for b in day_minutes.boards if b.notes and not b.ranking()]
    assert len(voted) == 1 and len(unvoted) >= 3  # votes on the plenary only
    text = flat("".join(day_pages))
    assert text.count("Votespertheme") == 1
    assert len(_drawings(day_minutes)) == 2  # the plenary's and the programme's


def test_no_programme_chart_when_nothing_ran(tmp_path):
    records = records_from_template(read_template("standard"))
    session = next(r for r in records if isinstance(r, Session))
    with Workshop.create(tmp_path / "plan.furikaeri", records + [
            Note(id="n1", session_id=session.id, text="一枚だけ")]) as ws:
        minutes = gather(ws)
        assert _drawings(minutes) == []
        text = flat("".join(pdf_pages(minutes_pdf(minutes, EN))))
    assert "Timeline" not in text and "Votespertheme" not in text


def test_a_theme_with_nothing_in_it_is_not_printed(day, day_minutes, day_pages):
    empty = [t for t in day.all(Theme) if not any(n.theme_id == t.id for n in day.all(Note))]
    assert empty  # the frame drawn by hand on group B and left empty
    for board in day_minutes.boards:
        for block in _flat(board.themes):
            assert block.all_notes() or block.theme_votes
    text = flat("".join(day_pages))
    assert "(nolabel)" not in text and not re.search(r"■[^■]*?(?<!\d)0notes", text)


def test_a_theme_nobody_named_prints_its_key_words_or_its_number(day, day_minutes, day_pages):
    unnamed = [t for t in day.all(Theme) if not t.label
               and any(n.theme_id == t.id for n in day.all(Note))]
    assert len(unnamed) == 1
    (block,) = [b for board in day_minutes.boards for b in _flat(board.themes)
                if b.theme and b.theme.id == unnamed[0].id]
    assert block.number and not block.fallback  # no key words either
    text = flat("".join(day_pages))
    assert flat(f"■ Theme {block.number}") in text  # in the minutes' language


def test_empty_themes_go_but_a_parent_of_notes_and_a_voted_theme_stay():
    themes = [Theme(id="parent", label="親"), Theme(id="child", label="子", parent_id="parent"),
              Theme(id="empty", label=""), Theme(id="voted", label="票だけ", votes=3),
              Theme(id="named", label="", keywords=["継続", "資金", "事務局", "人"])]
    notes = [Note(id="a", text="子の付箋", theme_id="child"),
             Note(id="b", text="名無しの付箋", theme_id="named")]
    frames = [Frame(id=f"f{t.id}", theme_id=t.id) for t in themes]
    blocks = _flat(theme_blocks(notes, themes, notes + frames))
    assert {b.theme.id for b in blocks} == {"parent", "child", "voted", "named"}
    named = next(b for b in blocks if b.theme.id == "named")
    assert named.label == "継続・資金・事務局"


def _flat(blocks):
    out = []
    for b in blocks:
        out += [b, *_flat(b.children)]
    return out


# -- headings -------------------------------------------------------------------------------
HEADINGS = {"h1", "h2", "h3", "theme", "keywords"}


def _last_on_each_page(minutes, options, monkeypatch) -> dict[int, object]:
    """The last flowable placed on each page of the final pass."""
    placed: dict[int, object] = {}
    original = MinutesDoc.afterFlowable

    def record(self, flowable):
        if self.passes >= 2:
            placed[self.page] = flowable
        return original(self, flowable)
    monkeypatch.setattr(MinutesDoc, "afterFlowable", record)
    minutes_pdf(minutes, options)
    return placed


def _orphan(f) -> bool:
    style = getattr(getattr(f, "style", None), "name", "")
    if style.split("-")[0] in HEADINGS:
        return True
    # The まとめ box cut after its title row.
    cells = getattr(f, "_cellvalues", None)
    return bool(cells) and len(cells) == 1 and getattr(
        getattr(cells[0][0][0] if isinstance(cells[0][0], list) else cells[0][0], "style",
                None), "name", "") == "theme"


@pytest.mark.parametrize("extra", range(0, 24, 3))
def test_no_heading_ends_a_page(tmp_path, monkeypatch, extra):
    """Sessions of every length, so that headings fall at every height of a page."""
    records = records_from_template(read_template("standard"))
    sessions = [r for r in records if isinstance(r, Session)]
    rng = random.Random(extra)
    records = [r.replace(summary="まとめの一行目。\n" * (1 + i % 3)) if r in sessions[1:3]
               else r for i, r in enumerate(records)]
    notes = []
    for k, s in enumerate(sessions):
        themes = [Theme(id=f"t{k}{j}", session_id=s.id, label=f"テーマ{k}-{j}",
                        keywords=["鍵"], order=j) for j in range(3)]
        records += themes
        for i in range(extra + 4 * k + rng.randint(0, 5)):
            notes.append(Note(id=f"n{k}_{i}", session_id=s.id, theme_id=themes[i % 3].id,
                              text="付箋の文です。" * rng.randint(1, 12), author="山田"))
    with Workshop.create(tmp_path / "h.furikaeri", records + notes) as ws:
        minutes = gather(ws)
    last = _last_on_each_page(minutes, Options(lang="en", board_pictures=False), monkeypatch)
    orphans = {page: f for page, f in last.items() if _orphan(f)}
    assert not orphans, {p: getattr(f, "text", f)[:40] for p, f in orphans.items()}


def test_the_day_ends_no_page_with_a_heading(day_minutes, monkeypatch):
    last = _last_on_each_page(day_minutes, EN, monkeypatch)
    assert not [p for p, f in last.items() if _orphan(f)]


def test_a_board_picture_caption_is_on_its_pictures_page(day_minutes, monkeypatch):
    last = _last_on_each_page(day_minutes, EN, monkeypatch)
    assert not [p for p, f in last.items()
                if getattr(getattr(f, "style", None), "name", "") == "h3"]
