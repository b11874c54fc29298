"""A note's drawn height, known without Qt, held against what Qt draws."""

from __future__ import annotations

import random

import pytest

from board_fixtures import qapp_font  # noqa: F401 (fixture)
from facilitator.board.font_metrics import japanese_widths
from facilitator.board.note_size import LINE_H, note_height
from facilitator.board.sample_notes import typed_notes
from facilitator.minutes.sample import PHRASES
from facilitator.workshop.model import NOTE_H, NOTE_W

TRICKY = PHRASES + [
    "「スモールスタート」", "（笑）", "FactorISM", "KPI", "e.g. a long English sentence with words",
    "—", "——", "…", "、", "。", "ー", "っ", "👍", "🎉", "𠮷", "2026年11月20日", "100%",
    "https://example.com/path/to/page", "supercalifragilisticexpialidocious", " ", "　", "\n",
    "😀😀", "ｱｲｳ", "A/B", "(仮)", "“quoted”", "tab\there", "👨\u200d👩\u200d👧", "👍🏽", "★", "♪",
    "①", "Ａ社", "a-b-1", "$5", "¥500", "13:00〜14:00", "ver2.0", "#tag", "@佐藤", "é", "Ω",
]


def mixed_texts(count: int, seed: int) -> list[str]:
    """Texts glued from hard pieces: line breaks, Latin words, URLs, emoji, brackets."""
    rng = random.Random(seed)
    texts = ("".join(rng.choice(TRICKY) for _ in range(rng.randint(1, 12))) for _ in range(count))
    return [t.strip() or "x" for t in texts]


def test_the_font_file_gives_ipaexgothics_widths():
    widths = japanese_widths()
    assert widths is not None and len(widths) > 10_000
    assert widths.em("あ") == widths.em("漢") == widths.em("。") == 1.0
    assert widths.em("ｱ") == 0.5 and 0.5 < widths.em("W") < 1.0
    assert widths.em("😀") is None  # drawn by a fallback font


def test_a_short_note_keeps_the_usual_size_and_a_long_one_grows_line_by_line():
    assert note_height("短い意見") == NOTE_H
    assert note_height("あ" * 11 * 4) == NOTE_H           # four full lines still fit
    assert note_height("あ" * 11 * 5) > NOTE_H
    assert note_height("あ" * 11 * 9) - note_height("あ" * 11 * 8) == LINE_H
    assert note_height("あ" * 100, width=2 * NOTE_W) < note_height("あ" * 100)
    assert note_height("一\n二\n三\n四\n五\n六") > note_height("一二三四五六")


@pytest.mark.parametrize("texts", [
    pytest.param(lambda: typed_notes(400, seed=3), id="typed notes"),
    pytest.param(lambda: mixed_texts(1500, seed=8), id="hard text"),
])
def test_the_estimate_never_falls_short_of_what_the_board_draws(qapp_font, texts):
    from ui.board.placing import drawn_height
    short = []
    for i, text in enumerate(texts()):
        width = (NOTE_W, 120.0, 240.0)[i % 3]
        drawn = drawn_height(text, width)
        if note_height(text, width) < drawn:
            short.append((text, width, drawn, note_height(text, width)))
    assert short == []


def test_the_board_draws_typed_line_breaks(qapp_font):
    from ui.board.placing import drawn_height
    assert drawn_height("一\n二\n三\n四\n五\n六", NOTE_W) == note_height("一\n二\n三\n四\n五\n六")
    assert drawn_height("一\n二\n三\n四\n五\n六", NOTE_W) > drawn_height("一二三四五六", NOTE_W)


def test_the_estimate_of_plain_japanese_is_what_the_board_draws(qapp_font):
    """Without emoji (drawn by another font), the estimate is exact to the line."""
    from ui.board.placing import drawn_height
    texts = [t for t in typed_notes(400, seed=5) if all(ord(c) < 0x1F000 for c in t)]
    assert max(note_height(t) - drawn_height(t, NOTE_W) for t in texts) < LINE_H
