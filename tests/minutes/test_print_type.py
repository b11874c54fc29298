"""The board pictures on paper (issue 14): legible type, filled text, enough contrast.

Measured in the PDF as printed (tests/pdf_type.py reads the content stream):
note text, frame titles and every other text of the graphic record at >= 9 pt,
author names >= 7 pt, no outlined text (render mode 2 once leaked from a bold
heading to every text after it), and WCAG contrast >= 4.5 between each text
and the colour under it, whatever colour a note, group or frame has.
"""

from __future__ import annotations

import itertools
import re

import pytest
from reportlab.lib.units import mm

from facilitator.agenda.templates import read_template, records_from_template
from facilitator.demo import create_demo
from facilitator.minutes import Options, gather, minutes_pdf, poster_pdf
from facilitator.minutes.board import INK, MINUTES_TYPE, SOFT_INK
from facilitator.minutes.ink import MIN_CONTRAST, blend, contrast, ink_on, rgb
from facilitator.minutes.poster import POSTER_TYPE
from facilitator.minutes.sample_day import sample_day
from facilitator.workshop import Workshop
from facilitator.workshop.model import Connector, Frame, Heading, Note, Session
from tests.pdf_type import board_pages, page_runs, picture_runs, render_modes, texts

A4_EN = Options(lang="en")
A3_JA_LANDSCAPE = Options(lang="ja", paper="A3", landscape=True)


def margin(options: Options) -> float:
    return (24 if options.paper == "A3" else 18) * mm


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    ws = sample_day(tmp_path_factory.mktemp("day") / "day.furikaeri")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = create_demo(tmp_path_factory.mktemp("demo") / "demo.furikaeri")
    yield ws
    ws.close()


def _authors(ws) -> set[str]:
    return {n.author for n in ws.all(Note) if n.author}


def _is_author(text: str, authors: set[str]) -> bool:
    """A name under a note: whole, or shortened with … to the note's width; or the … mark."""
    t = text.strip()
    return t == "…" or t in authors or (t.endswith("…") and any(
        a.startswith(t[:-1]) for a in authors))


def assert_legible(ws, data: bytes, options: Options) -> None:
    runs = picture_runs(data, margin(options))
    authors = _authors(ws)
    names = [r for r in runs if _is_author(r.text, authors)]
    rest = [r for r in runs if not _is_author(r.text, authors)]
    notes = [r for r in rest if len(r.text.strip()) >= 4
             and any(r.text.strip() in n.text for n in ws.all(Note))]
    assert names and notes, "the board pictures print no note text or no author"
    small = [(round(r.size, 2), r.text) for r in rest if r.size < MINUTES_TYPE.text - 0.01]
    assert not small, f"text below 9 pt: {small[:5]}"
    assert min(r.size for r in names) >= MINUTES_TYPE.author - 0.01
    assert all(r.mode == 0 for r in runs)
    reader, pages = board_pages(data)
    assert all(render_modes(reader.pages[i]) <= {0} for i in pages)
    low = [(round(r.contrast, 2), r.text, r.ink, r.under) for r in runs
           if r.contrast < MIN_CONTRAST]
    assert not low, f"text below 4.5:1 on its colour: {low[:5]}"


@pytest.mark.parametrize("options", [A4_EN, A3_JA_LANDSCAPE], ids=["A4", "A3-ja-landscape"])
def test_the_days_board_pictures_are_legible_on_paper(day, options):
    assert_legible(day, minutes_pdf(gather(day), options), options)


@pytest.mark.parametrize("options", [Options(lang="ja"), Options(lang="en", paper="A3")],
                         ids=["A4-ja", "A3"])
def test_the_demos_board_pictures_are_legible_on_paper(demo, options):
    assert_legible(demo, minutes_pdf(gather(demo), options), options)


# Every colour a note can have in the shipped palettes, and some anyone could pick.
NOTE_COLOURS = ("#FFE066", "#9BE3C4", "#A5D8FF", "#FFC9C9", "#D0BFFF", "#FFD8A8", "#FFB3C7",
                "#A8D8FF", "#B8E6A0", "#FFC98B", "#D5B8FF", "#F4F1EA", "#FFF4A8", "#7A6F9B",
                "#2E8B57", "#222222", "#FF0000", "#3D6FB6")
FRAME_COLOURS = ("#E4572E", "#17BEBB", "#FFC914", "#2E86AB", "#76B041", "#9C4F96", "#222222",
                 "#9E9E9E", "#FFFFFF")


def test_every_note_and_frame_colour_prints_its_text_at_4_5_to_1(tmp_path):
    """A board of notes in every colour (a heading and an arrow's label too), some far
    larger than a page: every text as printed against the colour under it."""
    records = records_from_template(read_template("standard"))
    session = next(r for r in records if isinstance(r, Session))
    board = [Heading(id="h", session_id=session.id, x=0, y=-120, text="見出し", size=11,
                     color="#FFD400"),
             Connector(id="k", session_id=session.id, source_id="n0", target_id="n1",
                       label="関連", color="#888888")]
    for i, colour in enumerate(NOTE_COLOURS):
        board.append(Note(id=f"n{i}", session_id=session.id, x=(i % 6) * 600.0,
                          y=(i // 6) * 500.0, text=f"{colour} の付箋。" * 4, color=colour,
                          author="山田 花子"))
    for i, colour in enumerate(FRAME_COLOURS):
        board.append(Frame(id=f"f{i}", session_id=session.id, x=(i % 6) * 600.0 - 20,
                           y=(i // 6) * 500.0 - 60, w=400, h=300, title=f"枠 {colour}",
                           color=colour))
    board.append(Note(id="huge", session_id=session.id, x=0, y=2000, w=3000, h=2400,
                      text="ページより大きな付箋", color="#D0BFFF", author="大きな 付箋"))
    with Workshop.create(tmp_path / "colours.furikaeri", records + board) as ws:
        for options in (A4_EN, Options(lang="en", paper="A3")):
            assert_legible(ws, minutes_pdf(gather(ws), options), options)


def test_ink_reads_on_any_paper_colour():
    """Every 8-bit colour cube step: the note text's and the names' ink reach 4.5:1."""
    steps = [i / 15 for i in range(16)]
    for fill in itertools.product(steps, repeat=3):
        for preferred in (INK, SOFT_INK, rgb("#FFD400")):
            assert contrast(ink_on(fill, preferred), fill) >= MIN_CONTRAST
    # Names stay the soft grey where it reads: on the default yellow note.
    assert ink_on(rgb("#FFE066"), SOFT_INK) == SOFT_INK
    # The purple group colour (3.98:1 before): darkened just enough.
    purple = ink_on(rgb("#D0BFFF"), SOFT_INK)
    assert purple != SOFT_INK and contrast(purple, rgb("#D0BFFF")) < 5.0
    assert contrast(INK, blend(rgb("#2E86AB"), 60 / 255, (1, 1, 1))) >= MIN_CONTRAST


def test_the_poster_states_its_smallest_type(demo):
    data = poster_pdf(gather(demo), Options(lang="ja", paper="A3", landscape=True))
    reader, _ = board_pages(data)
    page = reader.pages[0]
    runs = texts(page_runs(page))
    said = [m for r in runs if (m := re.search(r"最小\s*([\d.]+)\s*pt", r.text))]
    assert len(said) == 1, "the poster says how small its pictures' text gets"
    stated = float(said[0].group(1))
    assert stated >= POSTER_TYPE.author - 0.01
    # The pictures are on the left; the theme list (shrunk to fit) on the right.
    width = float(page.mediabox.width)
    pictures = [r for r in runs if r.x < width * 0.6 and r.size < 10]
    assert pictures and min(r.size for r in pictures) >= stated - 0.01
    assert render_modes(page) <= {0} and all(r.contrast >= MIN_CONTRAST for r in runs)
