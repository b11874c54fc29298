"""Exports: CSV for Excel, lossless JSON, the Markdown outline, and atomic writing."""

from __future__ import annotations

import csv
import errno
import io
import json
from pathlib import Path

import pytest

from facilitator.errors import FurikaeriError
from facilitator.io.exporters import CSV_COLUMNS, export_file, write_atomic
from facilitator.i18n import format_date, translate
from facilitator.io.importers import import_file
from facilitator.workshop.model import MAX_NOTE_CHARS, ActionItem, Decision, Group, Note, Theme
from facilitator.workshop.schema import SCHEMA_VERSION
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop

LONG = "長い意見" * (MAX_NOTE_CHARS // 4)


@pytest.fixture
def full(ws):
    """The standard workshop with themed and unthemed notes on several boards."""
    orientation, discussion = ws.sessions()[0], ws.sessions()[1]
    group_a, group_b = ws.groups_of(discussion.id)
    keep = Theme(id="t-keep", session_id=discussion.id, label="継続の仕組み", order=1, votes=3)
    start = Theme(id="t-start", session_id=discussion.id, label="スモールスタート", order=0)
    ws.add(keep, start, Decision(id="d1", text="次回は春に開催する"),
           ActionItem(id="a1", what="報告書を配る", owner="事務局", due="2026-12-01"))
    note = ws.new_note
    ws.add(note("自己紹介で緊張がほぐれた", session_id=orientation.id, author="鈴木"),
           note("B班の意見", session_id=discussion.id, group_id=group_b.id, theme_id=keep.id),
           note("まず小さく始める", session_id=discussion.id, group_id=group_a.id,
                theme_id=start.id, author="田中", z=5),
           note("継続には予算が要る", session_id=discussion.id, group_id=group_a.id,
                theme_id=keep.id, votes=4, z=1),
           note("どこにも入らない意見", session_id=discussion.id, group_id=group_a.id, z=0),
           note("𠮷野家で打ち上げ🍚\n二行目も大事", session_id=discussion.id,
                group_id=group_a.id, theme_id=start.id, author="𠮷田", z=9),
           note(LONG, session_id=discussion.id, group_id=group_b.id))
    return ws


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


# -- CSV ---------------------------------------------------------------------------------
def test_csv_opens_in_excel_bom_crlf_japanese_headers(full, tmp_path):
    out = tmp_path / "notes.csv"
    export_file(full, "csv", out)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    # Header and 7 rows end in CRLF; the one bare LF is inside a two-line note.
    assert data.count(b"\r\n") == 8 and data.count(b"\n") == 9
    assert tuple(read_csv(out)[0]) == CSV_COLUMNS


def test_csv_rows_follow_session_group_theme_and_stacking_order(full, tmp_path):
    out = tmp_path / "notes.csv"
    export_file(full, "csv", out)
    rows = [(r[1], r[2], r[3]) for r in read_csv(out)[1:]]
    assert rows == [
        ("", "", "自己紹介で緊張がほぐれた"),
        ("グループA", "スモールスタート", "まず小さく始める"),
        ("グループA", "スモールスタート", "𠮷野家で打ち上げ🍚\n二行目も大事"),
        ("グループA", "継続の仕組み", "継続には予算が要る"),
        ("グループA", "", "どこにも入らない意見"),
        ("グループB", "継続の仕組み", "B班の意見"),
        ("グループB", "", LONG),
    ]


def test_csv_export_imports_again_into_a_fresh_workshop(full, tmp_path):
    out = tmp_path / "notes.csv"
    export_file(full, "csv", out)
    fresh_records = records_from_template(read_template("standard"))
    with Workshop.create(tmp_path / "fresh.furikaeri", fresh_records) as fresh:
        result = import_file(fresh, out)
        assert result.groups_created == 0 and result.themes_created == 2

        def view(ws):
            names = {g.id: g.name for g in ws.all(Group)}
            titles = {s.id: s.title for s in ws.sessions()}
            themes = {t.id: t.label for t in ws.all(Theme)}
            return sorted((titles[n.session_id], names.get(n.group_id, ""),
                           themes.get(n.theme_id, ""),
                           n.text, n.author, n.votes, n.created) for n in ws.all(Note))
        assert view(fresh) == view(full)


# -- JSON --------------------------------------------------------------------------------
def test_json_is_our_format_and_readable_text(full, tmp_path):
    out = tmp_path / "dump.json"
    export_file(full, "json", out)
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert (doc["format"], doc["version"]) == ("furikaeri", SCHEMA_VERSION)
    assert len(doc["records"]["notes"]) == 7
    assert "𠮷野家で打ち上げ🍚" in out.read_text(encoding="utf-8")  # not \\u-escaped


# -- Markdown ------------------------------------------------------------------------------
def test_markdown_outline(full, tmp_path):
    out = tmp_path / "minutes.md"
    export_file(full, "md", out)
    md = out.read_text(encoding="utf-8")
    lines = md.splitlines()
    assert lines[0] == "# 振り返りワークショップ"
    def t(text: str, **params) -> str:  # the outline speaks the chosen language
        return translate("Export", text).format(**params)
    discussion = "## " + t("{title} ({minutes} min)", title="グループディスカッション", minutes=70)
    assert discussion in lines
    assert "> - なぜ参加したのか？" in lines
    expected = [
        "## " + t("{title} ({minutes} min)", title="オリエンテーション", minutes=20),
        "- 自己紹介で緊張がほぐれた（鈴木）",
        discussion, "### グループA", "#### スモールスタート",
        "- まず小さく始める（田中）", "- 𠮷野家で打ち上げ🍚", "  二行目も大事",
        "#### 継続の仕組み " + t("[{votes} votes]", votes=3),
        "- 継続には予算が要る " + t("[{votes} votes]", votes=4),
        "#### " + t("Other"), "- どこにも入らない意見", "### グループB",
        "- B班の意見", f"- {LONG}", "## " + t("Decisions"), "- 次回は春に開催する",
        "## " + t("Action items"),
        "- [ ] 報告書を配る（事務局） " + t("due {date}", date=format_date("2026-12-01"))]
    at = 0
    for line in expected:  # each one, in this order
        at = lines.index(line, at) + 1


def test_markdown_holds_every_note_in_full(full, tmp_path):
    out = tmp_path / "minutes.md"
    export_file(full, "md", out)
    md = out.read_text(encoding="utf-8")
    for n in full.all(Note):
        first, *rest = n.text.split("\n")
        assert first in md and all(f"  {line}" in md for line in rest)


# -- writing safely ----------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_export_to_a_japanese_path_with_spaces(full, tmp_path, fmt):
    folder = tmp_path / "議事録 フォルダ"
    folder.mkdir()
    out = folder / f"振り返り まとめ.{fmt}"
    export_file(full, fmt, out)
    assert "𠮷野家で打ち上げ🍚" in out.read_bytes().decode("utf-8-sig")
    assert sorted(p.name for p in folder.iterdir()) == [out.name]


def test_export_to_a_read_only_folder(full, read_only_folder):
    with pytest.raises(FurikaeriError, match="Cannot write in the folder"):
        export_file(full, "csv", read_only_folder / "notes.csv")
    assert list(read_only_folder.iterdir()) == []


@pytest.mark.parametrize("where, message", [
    ("missing/notes.csv", "does not exist"),
    ("a-file/notes.csv", "does not exist"),
    ("a-folder", "is a folder"),
])
def test_export_to_a_place_that_cannot_take_a_file(full, tmp_path, where, message):
    (tmp_path / "a-file").write_text("x")
    (tmp_path / "a-folder").mkdir()
    before = sorted(tmp_path.iterdir())
    with pytest.raises(FurikaeriError, match=message):
        export_file(full, "csv", tmp_path / where)
    assert sorted(tmp_path.iterdir()) == before


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    out = tmp_path / "minutes.md"
    out.write_text("前回の議事録", encoding="utf-8")

    def disk_full(fh, text):
        fh.write(text[:10])
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FurikaeriError, match="disk is full"):
        write_atomic(out, "新しい内容" * 1000, write=disk_full)
    assert out.read_text(encoding="utf-8") == "前回の議事録"
    assert [p.name for p in tmp_path.iterdir()] == ["minutes.md"]


def test_an_unknown_format_is_refused(full, tmp_path):
    with pytest.raises(FurikaeriError, match="Unknown export format"):
        export_file(full, "xlsx", tmp_path / "x.xlsx")
