"""Plain-text import (one note per line) and JSON import of a whole workshop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator.errors import FurikaeriError
from facilitator.io.exporters import export_file
from facilitator.io.importers import import_file, records_from_json_file
from facilitator.workshop.model import Decision, Group, Note, Session, Theme, WorkshopInfo
from facilitator.workshop.schema import SCHEMA_VERSION
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop


def stored_notes(path: Path) -> list[Note]:
    with Workshop.open(path, readonly=True) as other:
        return other.all(Note)


def filled(ws: Workshop) -> Workshop:
    """``ws`` with notes on two boards, a theme and a decision."""
    session = ws.sessions()[1]
    group = ws.groups_of(session.id)[0]
    theme = Theme(id="t1", session_id=session.id, label="継続の仕組み")
    ws.add(theme, Decision(id="d1", text="次回は春に開催する"))
    ws.add(ws.new_note("𠮷田さんの話が良かった🎉", session_id=session.id, group_id=group.id,
                       author="𠮷田", theme_id=theme.id, votes=2))
    ws.add(ws.new_note("一行目\n二行目", session_id=session.id))
    return ws


# -- plain text --------------------------------------------------------------------------
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp932"])
def test_text_lines_become_notes_and_blank_lines_are_skipped(ws, tmp_path, encoding):
    src = tmp_path / "メモ 一覧.txt"
    src.write_bytes("会場が良かった\r\n\r\n  \r\n次回も参加したい\r\n".encode(encoding))
    result = import_file(ws, src, session="4")
    assert [n.text for n in ws.all(Note)] == ["会場が良かった", "次回も参加したい"]
    assert {n.session_id for n in ws.all(Note)} == {ws.sessions()[3].id}
    assert result.notes == 2


def test_text_lines_that_hold_only_control_characters_are_counted(ws, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("良い\n\x00\x01\n", encoding="utf-8")
    result = import_file(ws, src)
    assert [n.text for n in ws.all(Note)] == ["良い"]
    assert (result.empty_skipped, result.controls_removed) == (1, 2)


def test_an_empty_text_file_is_refused(ws, tmp_path):
    src = tmp_path / "empty.txt"
    src.write_bytes(b"\n\n")
    with pytest.raises(FurikaeriError, match="no notes"):
        import_file(ws, src)


def test_other_file_types_are_refused(ws, tmp_path):
    src = tmp_path / "notes.xlsx"
    src.write_bytes(b"PK\x03\x04")
    with pytest.raises(FurikaeriError, match=r"\.csv, \.tsv, \.txt or \.json"):
        import_file(ws, src)


def test_a_missing_file_is_named(ws, tmp_path):
    with pytest.raises(FurikaeriError, match="No such file"):
        import_file(ws, tmp_path / "nowhere.csv")


# -- JSON --------------------------------------------------------------------------------
def test_json_round_trip_is_lossless(ws, tmp_path):
    filled(ws)
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    export_file(ws, "json", first)
    with Workshop.create(tmp_path / "copy.furikaeri", records_from_json_file(first)) as copy:
        export_file(copy, "json", second)
        assert copy.get(Note, ws.all(Note)[0].id) == ws.all(Note)[0]
    assert first.read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    assert "𠮷田さんの話が良かった🎉" in first.read_text(encoding="utf-8")


def test_json_import_adds_every_record_to_another_workshop(ws, tmp_path):
    filled(ws)
    dump = tmp_path / "dump.json"
    export_file(ws, "json", dump)
    with Workshop.create(tmp_path / "other.furikaeri", [WorkshopInfo(id="workshop",
                                                                     title="別の会")]) as other:
        result = import_file(other, dump)
        assert result.notes == 2
        assert other.info.title == "別の会"  # the open workshop keeps its own details
        assert {n.text for n in other.all(Note)} == {n.text for n in ws.all(Note)}
        assert other.count(Session) == ws.count(Session)
        assert other.count(Decision) == 1
        other.undo()
        assert other.count(Note) == other.count(Session) == 0


def test_json_import_refuses_colliding_ids(ws, tmp_path):
    filled(ws)
    dump = tmp_path / "dump.json"
    export_file(ws, "json", dump)
    groups = ws.count(Group)
    with pytest.raises(FurikaeriError, match="already has"):
        import_file(ws, dump)
    assert len(stored_notes(ws.path)) == 2 and ws.count(Group) == groups


def _document(**changes) -> dict:
    doc = {"format": "furikaeri", "version": SCHEMA_VERSION,
           "records": {"notes": [{"id": "n1", "text": "x"}]}}
    doc.update(changes)
    return doc


@pytest.mark.parametrize("content, message", [
    ("[1, 2, 3]", "not a Furikaeri JSON export"),
    (json.dumps({"format": "miro", "records": {}}), "not a Furikaeri JSON export"),
    (json.dumps(_document(version=SCHEMA_VERSION + 1)), "newer version"),
    (json.dumps(_document(records={"notes": [{"id": "n1", "text": 5}]})), "notes.text"),
    (json.dumps(_document(records={"notes": [{"id": "n1", "colour": "red"}]})), "colour"),
    (json.dumps(_document(records={"cards": []})), "unknown table cards"),
    (json.dumps(_document(records={"notes": [{"text": "no id"}]})), "no id"),
    ('{"format": "furikaeri",\n "records": {,}}', "line 2"),
])
def test_json_that_is_not_ours_is_refused(ws, tmp_path, content, message):
    src = tmp_path / "bad.json"
    src.write_text(content, encoding="utf-8")
    with pytest.raises(FurikaeriError, match=message):
        import_file(ws, src)
    with pytest.raises(FurikaeriError, match=message):
        records_from_json_file(src)
    assert stored_notes(ws.path) == []


def test_json_with_a_dangling_reference_is_refused_whole(ws, tmp_path):
    src = tmp_path / "dangling.json"
    src.write_text(json.dumps(_document(records={"notes": [
        {"id": "n1", "text": "ok"}, {"id": "n2", "text": "x", "session_id": "gone"}]})),
        encoding="utf-8")
    with pytest.raises(FurikaeriError, match="notes n2 refers to gone"):
        import_file(ws, src)
    assert stored_notes(ws.path) == [] and ws.count(Note) == 0
    with pytest.raises(FurikaeriError, match="refers to gone"):
        records_from_json_file(src)


def test_new_workshop_from_json_keeps_the_template_free_details(tmp_path):
    records = records_from_template(read_template("standard"), title="共創の振り返り")
    with Workshop.create(tmp_path / "a.furikaeri", records) as ws:
        export_file(ws, "json", tmp_path / "a.json")
    rebuilt = records_from_json_file(tmp_path / "a.json")
    assert sorted(rebuilt, key=lambda r: r.id) == sorted(records, key=lambda r: r.id)
