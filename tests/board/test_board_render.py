"""Rendering the board: Japanese glyphs, long notes, stamps, presentation, export."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QRawFont

from board_fixtures import board, fill_board, group_board, qapp_font  # noqa: F401
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Note, Stamp
from ui.board import items as board_items
from ui.io.images import export_board_png, export_board_svg
from ui.board.items import NoteItem
from ui.board.scene import BoardScene
from ui.board.style import PAD, layout_text

WHITE = QColor("#FFFFFF").rgb()


def render(scene: BoardScene, source: QRectF, scale: float = 1.0) -> QImage:
    image = QImage(int(source.width() * scale), int(source.height() * scale),
                   QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), source)
    painter.end()
    return image


def ink_pixels(image: QImage, rect: QRectF, background: QColor) -> int:
    """Pixels in ``rect`` that differ clearly from ``background`` (the glyphs)."""
    count, bg = 0, background
    for y in range(int(rect.top()), int(rect.bottom())):
        for x in range(int(rect.left()), int(rect.right())):
            c = image.pixelColor(x, y)
            if abs(c.red() - bg.red()) + abs(c.green() - bg.green()) + abs(c.blue() - bg.blue()) > 150:
                count += 1
    return count


@pytest.fixture
def scene(qapp_font, ws):
    sid, gid = fill_board(ws)
    board_scene = BoardScene(ws, sid, gid)
    yield board_scene
    board_scene.detach()


def test_board_screenshot_shows_japanese_glyphs(scene, ws, qapp_font):
    raw = QRawFont.fromFont(scene.look.note_font)
    assert raw.familyName() == qapp_font
    for note in ws.all(Note):
        # By code point: PySide maps a str argument to the QChar overload, wrongly for CJK.
        missing = [ch for ch in note.text if not raw.supportsCharacter(ord(ch))]
        assert missing == [], f"tofu for {missing}"
    image = render(scene, QRectF(0, -60, 760, 420))
    item = scene.item_for("n0")
    text_rect = item.mapRectToScene(QRectF(PAD, PAD, item.rect().width() - 2 * PAD, 20))
    text_rect.translate(0, 60)
    assert ink_pixels(image, text_rect, item.fill) > 80
    blank = render(BoardScene(ws, ws.sessions()[0].id, None), QRectF(0, 0, 100, 100))
    assert ink_pixels(blank, QRectF(0, 0, 100, 100), QColor("#FFFFFF")) == 0


def test_a_2000_character_note_grows_to_show_all_its_text(scene, ws):
    sid, gid = group_board(ws)
    text = "地域のものづくりを未来へつなぐ。" * 125
    ws.add(ws.new_note(text, sid, gid, id="long", x=800, y=0))
    item = scene.item_for("long")
    _layout, height = layout_text(text, item.rect().width() - 2 * PAD, scene.look.note_font)
    assert height > 1000
    assert item.rect().height() >= PAD + height + scene.look.author_h
    assert ws.get(Note, "long").text == text  # nothing cut


def test_short_notes_keep_their_size(scene, ws):
    assert scene.item_for("n0").rect().height() == ws.get(Note, "n0").h


def test_unreadable_stamp_file_draws_a_placeholder(scene, ws, tmp_path, monkeypatch):
    (tmp_path / "heart.svg").write_bytes(b"\x00\x01 not an svg <<<")
    monkeypatch.setattr(board_items, "STAMPS_DIR", tmp_path)
    board_items.forget_stamp_renderers()
    try:
        item = scene.item_for("st1")
        assert item.is_placeholder()
        rect = item.mapRectToScene(item.rect())
        image = render(scene, rect)
        assert ink_pixels(image, QRectF(0, 0, image.width(), image.height()),
                          QColor("#FFFFFF")) > 0
    finally:
        board_items.forget_stamp_renderers()


def test_unknown_pictogram_draws_a_placeholder(scene, ws):
    sid, gid = group_board(ws)
    ws.add(Stamp(id="odd", session_id=sid, group_id=gid, pictogram="../../etc/passwd"))
    assert scene.item_for("odd").is_placeholder()


def test_shipped_stamps_render(scene):
    assert not scene.item_for("st1").is_placeholder()


def test_zoomed_far_out_a_note_is_only_its_colour(scene):
    item = scene.item_for("n0")
    rect = item.mapRectToScene(item.rect())
    small = render(scene, rect, scale=0.05)
    colours = {small.pixelColor(x, y).name() for x in range(2, small.width() - 2)
               for y in range(2, small.height() - 2)}
    assert colours == {item.fill.name()}


def test_zoomed_out_a_note_still_shows_its_first_words(scene):
    # Below the zoom where its whole text is drawn, its first words are, in a larger type.
    item = scene.item_for("n0")
    rect = item.mapRectToScene(item.rect())
    for scale in (0.12, 0.2, 0.29):
        small = render(scene, rect, scale=scale)
        assert ink_pixels(small, QRectF(0, 0, small.width(), small.height()), item.fill) > 5


def test_presentation_mode_uses_larger_type_without_growing_notes(qtbot, board, ws):
    normal = board.board_scene().item_for("n3").font.pixelSize()
    board.set_presentation(True)
    item = board.board_scene().item_for("n3")
    assert item.font.pixelSize() > normal
    assert item.rect().height() == ws.get(Note, "n3").h  # no overlap with the note below
    board.set_presentation(False)
    assert board.board_scene().item_for("n3").font.pixelSize() == normal


def test_export_png_at_dpi(ws, qapp_font, tmp_path):
    sid, gid = fill_board(ws)
    out = export_board_png(ws, sid, gid, tmp_path / "board.png", dpi=144)
    image = QImage(str(out))
    assert not image.isNull()
    assert image.width() > 2 * 700  # 700+ points at 2 px per point
    assert [p for p in os.listdir(tmp_path) if p.endswith(".png")] == ["board.png"]


def test_export_one_frame(ws, qapp_font, tmp_path):
    sid, gid = fill_board(ws)
    out = export_board_png(ws, sid, gid, tmp_path / "frame.png", dpi=72,
                           frame_title="参加のきっかけ")
    image = QImage(str(out))
    assert (abs(image.width() - 392), abs(image.height() - 168)) <= (2, 2)


def test_export_unknown_frame_is_refused_and_writes_nothing(ws, qapp_font, tmp_path):
    sid, gid = fill_board(ws)
    with pytest.raises(FurikaeriError):
        export_board_png(ws, sid, gid, tmp_path / "x.png", frame_title="ない")
    assert not (tmp_path / "x.png").exists()
    assert [p for p in os.listdir(tmp_path) if p.startswith(".")] == []


def test_export_svg(ws, qapp_font, tmp_path):
    sid, gid = fill_board(ws)
    out = export_board_svg(ws, sid, gid, tmp_path / "board.svg")
    text = Path(out).read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text and "</svg>" in text
    assert ws.listeners == []  # the offscreen scene let go of the workshop


@pytest.mark.slow
def test_ten_thousand_notes_on_one_board_all_show_and_fit(qtbot, qapp_font, ws):
    from facilitator.board.placement import free_spots
    from ui.board.view import BoardView
    sid, gid = group_board(ws)
    spots = free_spots([], 10_000)
    ws.add(*[ws.new_note(f"付箋 {i}", sid, gid, x=x, y=y) for i, (x, y) in enumerate(spots)])
    view = BoardView(ws)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.set_board(sid, gid)
    view.show()
    qtbot.waitExposed(view)
    scene = view.board_scene()
    assert sum(isinstance(it, NoteItem) for it in scene.element_items()) == 10_000
    view.fit_all()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert all(visible.contains(it.sceneBoundingRect()) for it in scene.element_items())
    shot = view.grab().toImage()
    assert len({shot.pixel(x, y) for x in range(0, shot.width(), 23)
                for y in range(0, shot.height(), 23)}) > 2  # drawn, not blank
    view.detach()


@pytest.mark.parametrize("presentation", [False, True])
def test_frame_titles_keep_twelve_pixels_on_screen_at_every_zoom(qapp_font, presentation):
    from ui.board.style import MIN_TITLE_PX, Look, font_at_least
    title = Look(presentation).title_font
    for lod in (0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 0.86, 1.0, 2.0, 8.0):
        font = font_at_least(title, MIN_TITLE_PX, lod)
        assert font.pixelSize() * lod >= MIN_TITLE_PX
        assert font.pixelSize() >= title.pixelSize()  # never smaller than the board's own


@pytest.mark.parametrize("zoom", [0.05, 0.1, 0.2, 0.5])
def test_zoomed_out_a_frame_title_is_drawn_over_its_notes(board, zoom):
    board.resetTransform()
    board.scale(zoom, zoom)
    board.centerOn(200, 120)
    item = board.board_scene().item_for("f1")
    image = board.viewport().grab().toImage()
    top_left = board.mapFromScene(item.mapToScene(item.rect().topLeft()))
    # The title's band: 12 px and more from the frame's top, white with dark glyphs,
    # over the notes that sit under the bar (drawn with the view's foreground).
    width = min(60.0, item.rect().width() * zoom - 4)
    height = min(12.0, item.rect().height() * zoom - 3)  # a frame 8 px high at 0.05
    band = QRectF(top_left.x() + 2, top_left.y() + 2, width, height)
    assert ink_pixels(image, band, QColor("#FFFFFF")) > 4
    note = board.board_scene().item_for("n0").fill
    covered = sum(1 for y in range(int(band.top()), int(band.bottom()))
                  for x in range(int(band.left()), int(band.right()))
                  if max(abs(image.pixelColor(x, y).red() - note.red()),
                         abs(image.pixelColor(x, y).blue() - note.blue())) < 30)
    assert covered < 10  # no note shows through the title's band


def test_zoomed_out_side_by_side_the_group_names_stay_readable(qtbot, qapp_font, ws):  # noqa: F811
    from ui.board.view import BoardView
    sid, gid = fill_board(ws)
    other = ws.groups_of(sid)[1].id
    ws.add(ws.new_note("Bグループの意見", sid, other, x=40, y=80, id="b1"))
    view = BoardView(ws)
    qtbot.addWidget(view)
    view.resize(1000, 600)
    view.set_board(sid, None, all_groups=True)
    view.show()
    qtbot.waitExposed(view)
    for zoom in (0.05, 0.1, 0.2):
        view.resetTransform()
        view.scale(zoom, zoom)
        view.centerOn(view.board_scene().area_labels()[0].scenePos())
        image = view.viewport().grab().toImage()
        for label in view.board_scene().area_labels():
            at_ = view.mapFromScene(label.scenePos())
            # The name's glyph rows: dark ink in the 12+ px under its top-left corner.
            if 0 <= at_.x() < image.width() - 30 and 0 <= at_.y() < image.height() - 14:
                rows = [y for y in range(at_.y(), at_.y() + 24)
                        if any(image.pixelColor(x, y).lightness() < 90
                               for x in range(at_.x(), min(image.width(), at_.x() + 60)))]
                assert len(rows) >= 8, (zoom, label.text(), rows)
    view.detach()


def test_in_presentation_each_note_gets_the_largest_type_that_fits_it(scene, ws):
    sid, gid = group_board(ws)
    texts = ["短い", "もう少し長い意見を書いてみる",
             "参加企業に共通する想いを「STATEMENT」としてまとめる",
             "参加企業に共通する想いを「STATEMENT」としてまとめ、対外的に発信してはどうか。"]
    ws.add(*[ws.new_note(t, sid, gid, x=0, y=400 + i * 120, id=f"fit{i}")
             for i, t in enumerate(texts)])
    scene.set_presentation(True)
    look = scene.look
    sizes = [f.pixelSize() for f in look.note_fonts]
    assert sizes == sorted(sizes, reverse=True) and sizes[0] > sizes[-1]
    for i in range(len(texts)):
        item = scene.item_for(f"fit{i}")
        rec, px = item.rec, item.font.pixelSize()
        width = rec.w - 2 * PAD
        room = rec.h - 2 * PAD - look.author_h - 2
        if item.rect().height() > rec.h:  # grown: not even the normal size fits
            assert px == sizes[-1]
            continue
        assert layout_text(rec.text, width, item.font)[1] <= room
        bigger = [f for f in look.note_fonts if f.pixelSize() == px + 1]
        if bigger:  # the next size up would not fit
            assert layout_text(rec.text, width, bigger[0])[1] > room
