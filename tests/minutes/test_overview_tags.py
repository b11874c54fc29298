"""The overview of a board split into parts: each part's numbered tag sits clear of every
frame title (tiles are cut along the gaps, so a part's corner is often a frame's corner,
its title right there).  Measured in the PDF: the titles' and the tags' text boxes."""

from __future__ import annotations

import pytest

from facilitator.demo import create_demo
from facilitator.minutes import Options, gather, minutes_pdf
from facilitator.minutes.board import TAB
from facilitator.minutes.fonts import string_width
from facilitator.minutes.sample_day import sample_day
from facilitator.minutes.tiles import tag_spot
from facilitator.workshop.model import Frame
from tests.pdf_type import board_pages, page_runs, texts

OVERVIEW = ("（全体図）", "(whole board)")


@pytest.fixture(scope="module", params=["demo", "day"])
def workshop(request, tmp_path_factory):
    folder = tmp_path_factory.mktemp(request.param)
    ws = (create_demo if request.param == "demo" else sample_day)(
        folder / f"{request.param}.furikaeri")
    yield ws
    ws.close()


def text_box(run) -> tuple[float, float, float, float]:
    """Where ``run``'s glyphs are on the page (x0, y0, x1, y1; y up): its baseline start,
    its width, from a little below the baseline to the top of the em."""
    return (run.x, run.y - 0.2 * run.size,
            run.x + string_width(run.text, run.size), run.y + 0.9 * run.size)


def tag_box(run) -> tuple[float, float, float, float]:
    """A tag's label: its number with 0.3 em of the tag's blue on every side."""
    x0, y0, x1, y1 = text_box(run)
    pad = 0.3 * run.size
    return (x0 - pad, run.y - pad, x1 + pad, run.y + run.size)


def overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overviews(data: bytes) -> list[list]:
    """The text runs of each overview page of the graphic record."""
    reader, pages = board_pages(data)
    out = []
    for i in pages:
        runs = texts(page_runs(reader.pages[i]))
        if any(any(mark in r.text for mark in OVERVIEW) for r in runs):
            out.append(runs)
    return out


@pytest.mark.parametrize("options", [Options(lang="ja"), Options(lang="en", paper="A3")],
                         ids=["A4-ja", "A3-en"])
def test_no_tag_on_an_overview_covers_a_frame_title(workshop, options):
    titles = {f.title for f in workshop.all(Frame) if f.title}
    pages = overviews(minutes_pdf(gather(workshop), options))
    assert pages, "no board of this workshop is split into parts"
    tags_seen = titles_seen = 0
    tab = tuple(TAB.rgb())
    for runs in pages:
        tags = [r for r in runs if r.text.strip().isdigit()
                and all(abs(a - b) < 0.02 for a, b in zip(r.under, tab))]
        shown = [r for r in runs if r.text.strip() in titles
                 or (r.text.endswith("…") and any(t.startswith(r.text[:-1]) for t in titles))]
        tags_seen += len(tags)
        titles_seen += len(shown)
        covered = [(t.text, s.text) for t in tags for s in shown
                   if overlap(tag_box(t), text_box(s))]
        assert not covered, f"tags over frame titles: {covered}"
    assert tags_seen >= 2 and titles_seen >= 2  # the check saw what it checks


def test_a_tag_leaves_the_corner_it_shares_with_a_titled_frame():
    tile, region = (0.0, 0.0, 600.0, 400.0), (-100.0, -100.0, 1000.0, 800.0)
    title = (14.0, 14.0, 200.0, 42.0, 100.0)  # a frame's title at the tile's top left
    x, y = tag_spot(tile, 20.0, 15.0, region, [title])
    assert not (x < 200 and 14 < x + 20 and y < 42 and 14 < y + 15)
    assert (x, y) == (0.0, -15.0)  # just above the tile's corner: still its corner
