"""The printed minutes: faithful, Japanese-typeset, safe to write."""

from __future__ import annotations

import errno
import io
import os
import re

import pypdf
import pytest
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from facilitator.io import exporters
from facilitator.workshop.changes import Change
from facilitator.cli import main
from facilitator.demo import create_demo
from facilitator.errors import FurikaeriError
from facilitator.i18n import format_date
from facilitator.workshop.model import Note, Session, Theme
from facilitator.minutes import Options, gather, minutes_pdf, poster_pdf, write_minutes
from facilitator.minutes.board import MIN_SCALE, board_pictures
from facilitator.minutes.draft import QUOTE_CHARS
from facilitator.minutes.fonts import markup, missing_chars
from facilitator.minutes.layout import styles
from facilitator.minutes.sample import sample_workshop
from facilitator.workshop import Workshop
from tests.report_helpers import (
    assert_faithful, assert_tiles_hold_every_note_whole, contents_entries, contents_pages, flat,
    pdf_pages, session_text,
)

EN = Options(lang="en")


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    ws = create_demo(tmp_path_factory.mktemp("demo") / "demo.furikaeri")
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def demo_pdf(demo):
    return minutes_pdf(gather(demo), EN)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    ws = sample_workshop(tmp_path_factory.mktemp("sample") / "s.furikaeri", 300)
    yield ws
    ws.close()


@pytest.fixture(scope="module")
def sample_pdf(sample):
    return minutes_pdf(gather(sample), EN)


# -- faithfulness ----------------------------------------------------------------------
def test_every_demo_note_is_printed_in_full_under_its_session_and_theme(demo, demo_pdf):
    assert demo.count(Note) == 60
    assert_faithful(demo, pdf_pages(demo_pdf))


def test_300_notes_with_long_text_emoji_and_rare_kanji_are_all_printed(sample, sample_pdf):
    texts = [n.text for n in sample.all(Note)]
    assert len(texts) == 300 and any(len(t) > 250 for t in texts)
    assert any("😀" in t for t in texts) and any("𠮷" in t for t in texts)
    assert_faithful(sample, pdf_pages(sample_pdf))


def test_emoji_and_rare_kanji_survive_in_the_text_layer(sample_pdf):
    text = flat("".join(pdf_pages(sample_pdf)))
    for word in ("楽しかった😀🎉", "𠮷野さん", "𩸽", "👍", "髙橋さん・﨑山さん"):
        assert word in text


def test_what_no_shipped_font_can_print_is_known():
    # Emoji come from Noto Emoji; 𠮷 is in no shipped font and prints as a box.
    assert missing_chars("楽しかった😀🎉、𩸽と髙橋") == set()
    assert missing_chars("𠮷野家") == {"𠮷"}


def _fonts(data: bytes) -> dict[str, bool]:
    """Font name -> whether its program is embedded, over every page."""
    found = {}
    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            found[font["/BaseFont"]] = bool(desc and "/FontFile2" in desc.get_object())
    return found


def test_the_japanese_font_is_embedded_as_a_subset(demo_pdf):
    fonts = _fonts(demo_pdf)
    ipa = [name for name in fonts if name.endswith("+IPAexGothic")]
    assert ipa and all(fonts[name] for name in ipa)
    assert all(len(name.split("+")[0]) == 7 for name in ipa)  # "AAAAAA+": a subset


def test_the_minutes_hold_cover_people_programme_decisions_and_actions(demo, demo_pdf):
    pages = pdf_pages(demo_pdf)
    text = flat("".join(pages))
    info = demo.info
    for value in (info.title, format_date(info.date, "en"), info.venue, info.organiser,
                  "13:30–17:00"):
        assert flat(value) in flat(pages[0])
    for p in demo.participants():
        assert flat(p.name) in text and flat(p.organisation) in text
    for word in ("13:52–15:08", "+6minover", "Timeline"):  # 予実 and the chart
        assert word in text
    for d in demo.decisions():
        assert flat(d.text) in text
    for a in demo.action_items():
        assert flat(a.what) in text and flat(a.owner) in text
        assert flat(format_date(a.due, "en")) in text


def test_running_header_and_page_numbers(demo, demo_pdf):
    pages = pdf_pages(demo_pdf)
    total = len(pages)
    for number, page in enumerate(pages[1:], start=2):
        assert flat(demo.info.title) in flat(page)
        assert f"{number}/{total}" in flat(page)


def test_pause_and_added_minutes_are_in_the_programme(sample_pdf):
    text = flat("".join(pdf_pages(sample_pdf)))
    assert "13:40–13:44(4min)" in text
    assert "clock+5min" in text


# -- まとめ ----------------------------------------------------------------------------
def test_the_draft_summary_quotes_notes_theme_by_theme(demo):
    part = next(p for p in gather(demo).sessions if p.session.title == "グループディスカッション")
    assert part.summary_is_draft
    lines = part.summary.splitlines()
    themes = [t for t in demo.all(Theme) if t.session_id == part.session.id and not t.is_other]
    assert len([line for line in lines if line.startswith("【")]) == len(themes)
    for theme in themes:
        line = next(line for line in lines if line.startswith(f"【{theme.label}】"))
        quotes = [" ".join(n.text.split()) for n in demo.all(Note) if n.theme_id == theme.id]
        assert any(f"「{q}」" in line or f"「{q[:QUOTE_CHARS - 1]}…」" in line for q in quotes)
    from facilitator.i18n import translate
    group_a = next(g for g in demo.groups_of(part.session.id) if g.name == "グループA")
    on_a = [n for n in demo.all(Note) if n.group_id == group_a.id]
    themes_on_a = {n.theme_id for n in on_a} - {t.id for t in demo.all(Theme) if t.is_other}
    count = translate("Report", "{notes} notes in {themes} themes.").format(
        notes=len(on_a), themes=len(themes_on_a - {None}))
    assert lines[0] == f"グループA: {count}"  # in the minutes' language


def test_the_organisers_summary_replaces_the_draft(tmp_path):
    with create_demo(tmp_path / "d.furikaeri") as ws:
        s = ws.sessions()[1]
        ws.apply(Change(updated=((s, s.replace(summary="参加の動機は「つながり」だった。")),)))
        part = gather(ws).sessions[1]
        assert not part.summary_is_draft and part.summary == "参加の動機は「つながり」だった。"
        assert "参加の動機は「つながり」だった。" in flat("".join(pdf_pages(
            minutes_pdf(gather(ws), Options(lang="en", charts=False)))))


# -- bad input -------------------------------------------------------------------------
def test_an_empty_workshop_gives_a_short_document_saying_so(tmp_path):
    with Workshop.create(tmp_path / "empty.furikaeri", []) as ws:
        pages = pdf_pages(minutes_pdf(gather(ws), EN))
    text = flat("".join(pages))
    assert len(pages) <= 3
    for message in ("Untitled workshop", "No participants were recorded.",
                    "The workshop has no agenda.", "No notes were captured.",
                    "No decisions were recorded."):
        assert flat(message) in text


def _one_note_workshop(path, text: str) -> Workshop:
    from facilitator.agenda.templates import read_template, records_from_template
    records = records_from_template(read_template("standard"))
    session = next(r for r in records if isinstance(r, Session))
    return Workshop.create(path, records + [Note(id="long", session_id=session.id,
                                                 text=text, author="山田")])


def test_a_10000_character_note_wraps_across_pages_in_full(tmp_path):
    text = "".join(f"長い付箋の{i:04d}番目の文です。" for i in range(770))[:10_000]
    with _one_note_workshop(tmp_path / "long.furikaeri", text) as ws:
        pages = pdf_pages(minutes_pdf(gather(ws), EN))
        assert_faithful(ws, pages)
    holding = [i for i, p in enumerate(pages) if "番目の文です" in p]
    assert len(holding) >= 3  # the note itself runs over several pages


@pytest.mark.slow
def test_2000_notes_are_all_printed(tmp_path):
    with sample_workshop(tmp_path / "big.furikaeri", 2000) as ws:
        pages = pdf_pages(minutes_pdf(gather(ws), EN))
        assert_faithful(ws, pages)


def test_a_board_far_larger_than_a_page_is_split_into_legible_tiles():
    from facilitator.workshop.model import Note as N
    notes = [N(id=f"n{i}", x=(i % 60) * 176.0, y=(i // 60) * 116.0, text="付箋")
             for i in range(1200)]
    pics = board_pictures(notes, 770, 480)
    overview, *tiles = pics
    assert overview[1] == "overview" and overview[0].scale < MIN_SCALE
    assert len(tiles) > 4 and all(p.scale >= MIN_SCALE for p, _ in tiles)
    assert all(p.width <= 770.01 and p.height <= 480.01 for p, _ in pics)
    assert_tiles_hold_every_note_whole(notes, [p for p, _ in tiles])


def test_a_read_only_folder_is_a_clear_error(demo, read_only_folder):
    with pytest.raises(FurikaeriError, match="Cannot write in the folder"):
        write_minutes(demo, read_only_folder / "minutes.pdf", Options(charts=False))
    assert list(read_only_folder.iterdir()) == []


@pytest.mark.parametrize("err, message", [
    (errno.EACCES, "Cannot write in the folder"), (errno.EROFS, "Cannot write in the folder")])
def test_a_folder_refusing_the_file_is_a_clear_error(demo, tmp_path, monkeypatch, err, message):
    def refuse(*a, **kw):
        raise OSError(err, os.strerror(err))
    monkeypatch.setattr(exporters, "create_beside", refuse)
    with pytest.raises(FurikaeriError, match=message):
        write_minutes(demo, tmp_path / "minutes.pdf", Options(charts=False))
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_leaves_the_old_minutes_and_no_part_file(demo, tmp_path, monkeypatch):
    out = tmp_path / "minutes.pdf"
    out.write_bytes(b"%PDF- old minutes")

    def disk_full(fh, data):
        fh.buffer.write(data[:1000])
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(exporters, "_binary_write", disk_full)
    with pytest.raises(FurikaeriError, match="disk is full"):
        write_minutes(demo, out, Options(charts=False))
    assert out.read_bytes() == b"%PDF- old minutes"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.pdf"]


# -- paper and language ----------------------------------------------------------------
@pytest.mark.parametrize("options, size", [
    (Options(), A4), (Options(paper="A3"), A3), (Options(landscape=True), landscape(A4)),
    (Options(paper="A3", landscape=True), landscape(A3))])
def test_paper_size_and_orientation(demo, options, size):
    reader = pypdf.PdfReader(io.BytesIO(minutes_pdf(gather(demo), options)))
    first = reader.pages[0].mediabox
    assert (float(first.width), float(first.height)) == pytest.approx(size, abs=0.5)
    # The graphic record is on landscape pages whatever the paper.
    assert any(float(p.mediabox.width) > float(p.mediabox.height) for p in reader.pages)


def test_an_unknown_paper_size_is_refused(demo):
    with pytest.raises(FurikaeriError, match="Unknown paper size"):
        minutes_pdf(gather(demo), Options(paper="B5"))


def test_the_poster_is_one_a3_page_with_the_boards_and_every_theme(demo):
    reader = pypdf.PdfReader(io.BytesIO(poster_pdf(gather(demo))))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(landscape(A3), abs=0.5)
    text = flat(reader.pages[0].extract_text())
    for t in demo.all(Theme):
        assert flat(t.label) in text


# -- Japanese line breaking ------------------------------------------------------------
OPENERS = "「『（【〈《〔［｛“‘("


def _lines(para: Paragraph) -> list[str]:
    """The text of each line ``para`` was broken into."""
    out = []
    for line in para.blPara.lines:
        words = line[1] if isinstance(line, tuple) else line.words
        out.append("".join(w if isinstance(w, str) else getattr(w, "text", "") for w in words))
    return out


@pytest.mark.parametrize("mark", ["。", "、", "」", "）", "ー", "っ"])
@pytest.mark.parametrize("width", range(100, 131, 3))
def test_no_line_starts_with_a_closing_mark_or_ends_with_an_opening_one(mark, width):
    text = ("かきくけこさしすせそ" + mark) * 6 + "「たちつてと」" + mark
    para = Paragraph(markup(text), styles()["note"])
    para.wrap(width, 10_000)
    lines = _lines(para)
    assert len(lines) > 2 and "".join(lines) == text
    assert not {line[:1] for line in lines} & {mark, "」"}
    assert not any(line[-1:] in OPENERS for line in lines)


@pytest.mark.parametrize("bracket", OPENERS)
@pytest.mark.parametrize("tail", ["", "<font size=8>山田</font>"])  # one font run, several
def test_an_opening_bracket_that_would_end_a_line_starts_the_next(bracket, tail):
    style = styles()["body"]
    head = "あいうえおかきくけ"
    text = head + bracket + "かぎかっこの中の言葉" * 3 + "」。"
    para = Paragraph(markup(text) + tail, style)
    # The first line is exactly as wide as the head and the bracket: without
    # the rule, the bracket would end it.
    para.wrap(stringWidth(head + bracket, style.fontName, style.fontSize), 10_000)
    lines = _lines(para)
    assert lines[0] == head and lines[1].startswith(bracket)
    assert "".join(lines) == text + ("山田" if tail else "")
    assert not any(line[-1:] in OPENERS for line in lines)


@pytest.mark.parametrize("marks", ["。」", "」。", "）、", "」」"])
@pytest.mark.parametrize("tail", ["", "<font size=8>山田</font>"])
def test_two_closing_marks_at_a_line_end_take_a_character_down_with_them(marks, tail):
    style = styles()["body"]
    head = "あいうえおかきくけこ"
    text = head + marks + "「さしすせそ」たちつてと" * 3
    para = Paragraph(markup(text) + tail, style)
    # The first line is exactly as wide as the head: the first mark would hang
    # in the margin and the second start the next line.
    para.wrap(stringWidth(head, style.fontName, style.fontSize), 10_000)
    lines = _lines(para)
    assert lines[0] == head[:-1] and lines[1].startswith(head[-1] + marks)
    assert "".join(lines) == text + ("山田" if tail else "")


TAIL = "— 山本 健太・2票"


@pytest.mark.parametrize("width", range(60, 260, 4))
def test_a_nobr_tail_goes_down_whole_when_it_does_not_fit(width):
    style = styles()["note"]
    text = "振り返りで話し合った内容をまとめておく" * 2
    para = Paragraph(f"{markup(text)} <nobr><font size=8>{TAIL}</font></nobr>", style,
                     bulletText="・")
    para.wrap(width, 10_000)
    lines = _lines(para)
    assert "".join(lines) == f"{text} {TAIL}"  # a tail wider than a line breaks somewhere
    if stringWidth(TAIL, style.fontName, 8) < width - style.leftIndent:
        assert TAIL in lines[-1]


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_no_author_or_vote_count_is_split_at_a_line_end(tmp_path, paper):
    from facilitator.agenda.templates import read_template, records_from_template
    records = records_from_template(read_template("standard"))
    session = next(r for r in records if isinstance(r, Session))
    authors, votes = ["山本 健太", "佐々木 美和子", "Emily Clark"], [2, 3, 0, 12]
    phrase = "振り返りで話し合った内容をまとめておく" * 9
    # Every length over more than a line: some tails fall on a line's end.
    notes = [Note(id=f"n{n}", session_id=session.id, text=f"{n:03d}{phrase[:n]}",
                  author=authors[n % 3], votes=votes[n % 4]) for n in range(20, 130)]
    tails = {n.id: flat(f"— {n.author}" + (f"・{n.votes} votes" if n.votes else ""))
             for n in notes}
    with Workshop.create(tmp_path / "tails.furikaeri", records + notes) as ws:
        pages = pdf_pages(minutes_pdf(gather(ws), Options(lang="en", paper=paper)))
        assert_faithful(ws, pages)
        # (The running header, left out, is the template's title and today's date.)
        text = session_text(pages, ws.info.title, ws.info.date)
    assert all(flat(n.text) + tails[n.id] in text for n in notes)
    lines = [flat(line) for page in pages for line in page.splitlines()]
    for tail in set(tails.values()):  # each on one line, once per note
        held = sum(line.endswith(tail) for line in lines)
        assert held == sum(t == tail for t in tails.values()), tail


# -- contents, bookmarks, fonts --------------------------------------------------------
@pytest.mark.parametrize("which", ["demo", "sample"])
def test_the_contents_list_every_chapter_and_session_at_its_headings_page(which, request):
    ws, data = request.getfixturevalue(which), request.getfixturevalue(f"{which}_pdf")
    pages = pdf_pages(data)
    entries = contents_entries(data)
    listed = [title.split(" ", 1)[1] for title, _ in entries if re.match(r"\d+\.\d+ ", title)]
    assert listed == [s.title for s in ws.sessions()]
    chapters = [title for title, _ in entries if re.match(r"\d+\. ", title)]
    assert chapters[0] == "1. Participants" and chapters[-1].endswith("Decisions and action items")
    contents = contents_pages(pages)
    for title, page in entries:
        # The heading is on the page the contents give, and on no other.
        assert [i + 1 for i, text in enumerate(pages)
                if i not in contents and flat(title) in flat(text)] == [page], title


def test_bookmarks_and_contents_links_lead_to_each_headings_page(demo_pdf):
    reader = pypdf.PdfReader(io.BytesIO(demo_pdf))
    entries = contents_entries(demo_pdf)
    marks = []

    def walk(items, level):
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                marks.append((level, item.title, reader.get_destination_page_number(item) + 1))
    walk(reader.outline, 0)
    assert marks[0] == (0, "Contents", 2)
    assert [(t, p) for _, t, p in marks[1:]] == entries
    assert all(level == bool(re.match(r"\d+\.\d+ ", t)) for level, t, _ in marks)
    # Each contents line links to its heading's page twice: its title and its number.
    targets = [reader.get_page_number(annot.get_object()["/Dest"][0].get_object()) + 1
               for i in contents_pages(pdf_pages(demo_pdf))
               for annot in reader.pages[i]["/Annots"]]
    assert sorted(targets) == sorted(2 * [p for _, p in entries])


def test_every_font_in_the_pdf_is_embedded(demo, demo_pdf):
    for data in (demo_pdf, poster_pdf(gather(demo), EN)):
        reader = pypdf.PdfReader(io.BytesIO(data))
        fonts = []
        for number in range(1, reader.trailer["/Size"]):  # every object, as pdffonts
            obj = reader.get_object(number)
            if isinstance(obj, pypdf.generic.DictionaryObject) and obj.get("/Type") == "/Font":
                fonts.append(obj)
        assert fonts
        for font in fonts:
            if font.get("/Subtype") == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font.get("/FontDescriptor")
            assert descriptor is not None, font.get("/BaseFont")  # a standard-14 font
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object())


# -- command line ----------------------------------------------------------------------
def test_cli_writes_minutes_and_poster(demo, tmp_path, capsys):
    out = tmp_path / "まとめ.pdf"
    assert main(["report", str(demo.path), "-o", str(out), "--lang", "en"]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    poster = tmp_path / "poster.pdf"
    assert main(["report", str(demo.path), "-o", str(poster), "--poster"]) == 0
    assert len(pypdf.PdfReader(poster).pages) == 1


def _run(argv: list[str]) -> int:
    """The CLI's exit status (argparse exits through SystemExit)."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code)


@pytest.mark.parametrize("args, message", [
    (["report", "{missing}", "-o", "{out}"], "No such file"),
    (["report", "{ws}", "-o", "{tmp}/no/such/folder/x.pdf"], "does not exist"),
    (["report", "{ws}", "-o", "{out}", "--paper", "B5"], "invalid choice"),
    (["report", "{ws}"], "required"),
])
def test_cli_errors_are_one_line_and_exit_2(demo, tmp_path, capsys, args, message):
    values = {"missing": tmp_path / "missing.furikaeri", "out": tmp_path / "x.pdf",
              "ws": demo.path, "tmp": tmp_path}
    capsys.readouterr()
    assert _run(["--lang", "en"] + [a.format(**values) for a in args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and message in err
    assert not (tmp_path / "x.pdf").exists()
