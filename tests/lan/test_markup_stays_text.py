"""What a phone sends is text everywhere: the Markdown and the PDF minutes show the
characters typed, never markup (the board and SVG draw notes with QPainter.drawText,
plain text; the page sets text with textContent: see test_api)."""

from __future__ import annotations

import pypdf

from facilitator.io.exporters import markdown_text
from facilitator.lan import room
from facilitator.minutes import Options, write_minutes
from lan_fixtures import room_ws  # noqa: F401 (fixture)

SENT = "<b>太字</b> [押して](javascript:alert(1)) <img src=x onerror=alert(1)>"


def test_markup_from_a_phone_is_inert_in_the_markdown(room_ws):
    room.receive_note(room_ws, "dev1", "u1", "<i>名前</i>", "s1", "gA", SENT)
    text = markdown_text(room_ws)
    assert "<b>" not in text and "<img" not in text and "<i>" not in text
    assert "\\[押して\\](javascript:" in text  # escaped: no link
    assert "太字" in text and "名前" in text


def test_markup_from_a_phone_prints_as_typed_in_the_minutes(room_ws, tmp_path):
    room.receive_note(room_ws, "dev1", "u1", "<i>名前</i>", "s1", "gA", "<b>太字</b>と&amp;")
    out = tmp_path / "minutes.pdf"
    write_minutes(room_ws, out, Options(lang="ja"))
    printed = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "<b>太字</b>と&amp;" in printed.replace("\n", "")
