"""Reading an import and applying it later: what the window's preview and the CLI share."""

from __future__ import annotations

import pytest

from facilitator.board.placement import free_spots
from facilitator.errors import FurikaeriError
from facilitator.io.exporters import export_file
from facilitator.io.import_source import read_source
from facilitator.io.importers import (
    ImportOptions, apply_import, preview_import, read_import,
)
from facilitator.workshop.model import Group, Note, Session
from tests.io.test_import_csv import write_csv

ROWS = ["No,メモ,書いた人,チーム", "1,スモールスタートが大事,田中,A", "2,継続には予算が要る,佐藤,B"]


def group_session(ws) -> Session:
    return next(s for s in ws.sessions() if ws.groups_of(s.id))


def test_a_preview_adds_nothing_and_applying_it_adds_everything(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["本文,名前", "良かった,田中", "また来たい,佐藤"], "cp932")
    preview = read_import(ws, src)
    assert ws.all(Note) == []
    assert preview.source.encoding == "cp932"
    assert [(r.line, r.text, r.author) for r in preview.rows] == [
        (2, "良かった", "田中"), (3, "また来たい", "佐藤")]
    assert preview.counts == {"notes": 2}
    applied = apply_import(ws, preview)
    assert sorted(n.text for n in ws.all(Note)) == ["また来たい", "良かった"]
    assert applied.note_ids == [n.id for n in preview.change.added]
    ws.undo()
    assert ws.all(Note) == []


def test_columns_unknown_by_name_can_be_chosen(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ROWS)
    source = read_source(src)
    assert source.guess() == (False, {})
    with pytest.raises(FurikaeriError, match="no column with the note text"):
        preview_import(ws, source, ImportOptions())
    session = group_session(ws)
    group_b = ws.groups_of(session.id)[1]
    preview = preview_import(ws, source, ImportOptions(
        header=True, columns={"text": 1, "author": 2}, session=session.id, group=group_b.id))
    assert [(r.text, r.author, r.group) for r in preview.rows] == [
        ("スモールスタートが大事", "田中", group_b.name), ("継続には予算が要る", "佐藤", group_b.name)]
    assert preview.result.ignored_columns == ["No", "チーム"]


def test_the_group_column_or_the_plenary_board(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["本文,グループ", "一つ目,グループA", "二つ目,新しい班"])
    session = group_session(ws)
    by_column = read_import(ws, src, ImportOptions(session=session.title))
    assert [r.group for r in by_column.rows] == ["グループA", "新しい班"]
    assert by_column.counts == {"groups": 1, "notes": 2}
    plenary = read_import(ws, src, ImportOptions(session=session.title, plenary=True))
    assert [r.group for r in plenary.rows] == ["", ""]
    assert {n.group_id for n in plenary.change.added} == {None}


def test_a_chosen_encoding_the_bytes_do_not_fit_names_the_line(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["text", "ascii only", "日本語の意見"], "cp932")
    assert read_import(ws, src).source.encoding == "cp932"
    with pytest.raises(FurikaeriError, match="Line 3 of in.csv is not UTF-8 text"):
        read_import(ws, src, ImportOptions(encoding="utf-8"))


def test_a_note_typed_after_the_preview_is_not_covered(ws, tmp_path):
    src = write_csv(tmp_path / "in.csv", ["本文", "取り込む意見"])
    preview = read_import(ws, src)
    note = preview.change.added[0]
    (x, y), = free_spots(ws.elements_on(note.session_id, None), 1)
    ws.add(ws.new_note("その間に入力", note.session_id, None, x=x, y=y))
    applied = apply_import(ws, preview)
    placed = ws.get(Note, applied.note_ids[0])
    assert (placed.x, placed.y) != (x, y)


def test_json_preview_counts_every_record_type(ws, tmp_path):
    other = tmp_path / "other.furikaeri"
    from facilitator.agenda.templates import read_template, records_from_template
    from facilitator.workshop import Workshop
    with Workshop.create(other, records_from_template(read_template("standard"))) as o:
        session = group_session(o)
        o.add(o.new_note("別のワークショップの意見", session.id, o.groups_of(session.id)[0].id))
        export_file(o, "json", tmp_path / "other.json")
        expected_groups = o.count(Group)
    preview = read_import(ws, tmp_path / "other.json")
    assert preview.counts["notes"] == 1
    assert preview.counts["groups"] == expected_groups
    assert "workshop" not in preview.counts and "settings" not in preview.counts
    assert [(r.text, r.group) for r in preview.rows] == [("別のワークショップの意見", "グループA")]
