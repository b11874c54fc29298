"""Colour-blind safe palettes: every pair apart under protanopia and deuteranopia, authors legible."""

from __future__ import annotations

import json
from itertools import combinations

import pytest

from facilitator.board import palette
from facilitator.board.palette_check import (
    DEUTERANOPIA, NORMAL, PROTANOPIA, blend, ciede2000, closest_pair, contrast, delta_e, lab,
    luminance, min_delta_e, simulate,
)
from facilitator.demo import create_demo
from facilitator.paths import TEMPLATES_DIR
from facilitator.workshop import Workshop
from facilitator.workshop.model import Frame, Group, Note

KINDS = (NORMAL, PROTANOPIA, DEUTERANOPIA)


# -- the checker itself ----------------------------------------------------------------

@pytest.mark.parametrize("lab1, lab2, expected", [
    # Sharma, Wu, Dalal (2005), test data of CIEDE2000 (pairs 1, 7, 17, 19, 25, 34).
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
])
def test_ciede2000_matches_the_published_test_data(lab1, lab2, expected):
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)


def test_lab_and_contrast_of_known_colours():
    assert lab("#FFFFFF") == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert lab("#FF0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.05)
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert luminance("#FFFFFF") == pytest.approx(1.0)


def test_simulation_confuses_what_dichromats_confuse():
    # Greys stay greys; red and green that differ a lot for normal vision come close.
    for kind in (PROTANOPIA, DEUTERANOPIA):
        assert simulate("#FFFFFF", kind) == (255, 255, 255)
        assert simulate("#808080", kind) == pytest.approx((128, 128, 128), abs=1)
    red, green = "#D55E00", "#6B8E23"
    assert delta_e(red, green) > 30
    assert delta_e(red, green, DEUTERANOPIA) < 10
    # The old demo's pink and green theme frames: apart for normal vision, not with deuteranopia.
    assert delta_e("#C0476B", "#2E8B57") > 60
    assert delta_e("#C0476B", "#2E8B57", DEUTERANOPIA) < 5


# -- the palettes ------------------------------------------------------------------------

@pytest.mark.parametrize("name", sorted(palette.PALETTES))
@pytest.mark.parametrize("kind", KINDS)
def test_every_pair_of_a_palette_stays_apart(name, kind):
    colours = palette.PALETTES[name]
    for a, b in combinations(colours, 2):
        assert delta_e(a, b, kind) >= 10, (name, kind, a, b)


def test_author_names_are_legible_on_every_note_colour():
    notes = [*palette.PALETTES["notes"], *_template_group_colours()]
    for fill in notes:
        assert contrast(palette.AUTHOR_COLOUR, fill) >= 4.5, fill
        assert contrast("#222222", fill) >= 4.5, fill   # presentation mode's author colour
        assert contrast("#1A1A1A", fill) >= 7, fill     # note text


def test_frame_titles_are_legible_on_their_tinted_bar():
    # The board draws a frame's title in #1A1A1A on its colour at alpha 60 over the board.
    for colour in palette.PALETTES["themes"]:
        bar = blend(colour, "#FAFAF7", 60 / 255)
        assert contrast("#1A1A1A", bar) >= 4.5, colour


def test_new_groups_imports_and_themes_take_the_palette():
    from facilitator.io.importers import COLOR_NAMES, PALETTE
    from facilitator.themes.acceptance import OTHER_COLOR, theme_color
    assert PALETTE == palette.GROUP_COLOURS
    assert COLOR_NAMES["緑"] == COLOR_NAMES["green"] == palette.NOTE_COLOURS["green"]
    assert [theme_color(i) for i in range(12)] == list(palette.THEME_COLOURS)
    assert OTHER_COLOR == palette.OTHER_THEME_COLOUR
    assert _template_group_colours() <= set(palette.GROUP_COLOURS)


def _template_group_colours() -> set[str]:
    out = set()
    for path in TEMPLATES_DIR.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        out |= {g["color"] for s in data.get("sessions", []) for g in s.get("groups", [])
                if g.get("color")}
    return out


def test_the_demo_boards_are_colour_blind_safe(tmp_path):
    with create_demo(tmp_path / "demo.furikaeri"):
        pass
    ws = Workshop.open(tmp_path / "demo.furikaeri", readonly=True)
    try:
        frames, notes = {}, {}
        for f in ws.all(Frame):
            frames.setdefault((f.session_id, f.group_id), set()).add(f.color)
        for n in ws.all(Note):
            group = ws.get(Group, n.group_id) if n.group_id else None
            notes.setdefault((n.session_id, n.group_id), set()).add(
                n.color or (group.color if group else palette.PLAIN_NOTE))
        assert frames and notes
        for board in (*frames.values(), *notes.values()):
            if len(board) > 1:
                assert min_delta_e(board, KINDS) >= 10, board
        for fill in set().union(*notes.values()):
            assert contrast(palette.AUTHOR_COLOUR, fill) >= 4.5, fill
    finally:
        ws.close()
