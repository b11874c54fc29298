"""The workshop file: its format, refusals of bad files, migration and locking."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from facilitator.workshop import schema
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import RECORD_TYPES, Note, Session
from facilitator.workshop.workshop import clean_text, Workshop

VENV_BIN = Path(sys.executable).parent
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def snapshot(path: Path) -> tuple[str, list[str]]:
    """The file's bytes (hashed) and the SQLite sidecars beside it."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    sidecars = sorted(p.name for p in path.parent.iterdir()
                      if p.name.startswith(path.name) and p != path)
    return digest, sidecars


@pytest.fixture
def closed_ws(ws, ws_path):
    """A closed workshop file with a few notes in it."""
    session = ws.sessions()[0]
    for i in range(300):
        ws.add(ws.new_note(f"付箋 {i}: 次回も参加したい", session_id=session.id))
    ws.close()
    return ws_path


# -- the file's format -----------------------------------------------------------
def test_new_file_is_marked_as_ours(ws, ws_path):
    conn = sqlite3.connect(ws_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()
    assert ws.store.db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_dangling_reference_is_refused(ws, ws_path):
    with pytest.raises(FurikaeriError, match="Could not save"):
        ws.add(Note(id="n1", text="どこにも属さない", session_id="no-such-session"))
    assert ws.get(Note, "n1") is None
    ws.close()
    with Workshop.open(ws_path) as again:
        assert again.get(Note, "n1") is None


def test_file_is_readable_with_sqlite_utils_cli(ws, ws_path):
    ws.add(ws.new_note("CLIで読める", session_id=ws.sessions()[0].id))
    ws.close()
    out = subprocess.run([str(VENV_BIN / "sqlite-utils"), "tables", str(ws_path), "--counts"],
                         capture_output=True, text=True, check=True).stdout
    counts = {t["table"]: t["count"] for t in json.loads(out)}
    assert counts["notes"] == 1
    assert counts["sessions"] == 5
    assert counts["groups"] == 2


def test_tables_have_exactly_the_records_fields(ws):
    db = ws.store.db
    for rtype in RECORD_TYPES:
        fields = {f.name for f in dataclasses.fields(rtype)}
        assert set(db[rtype.TABLE].columns_dict) == fields, rtype.TABLE


# -- refusals: a clear message, and the file left exactly as it was ---------------
def _someone_elses_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('山田')")
    conn.commit()
    conn.close()


@pytest.mark.parametrize("make, message", [
    (lambda p: p.write_text("本文,名前\nこんにちは,山田\n", encoding="utf-8"), "not a workshop file"),
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8), "not a workshop file"),
    (_someone_elses_db, "SQLite database but not a workshop file"),
    (lambda p: p.write_bytes(b""), "empty"),
    (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20), "not a workshop file"),
], ids=["text", "binary", "other-sqlite", "zero-bytes", "short-header"])
def test_not_a_workshop_is_refused_untouched(tmp_path, make, message):
    path = tmp_path / "input.furikaeri"
    make(path)
    before = snapshot(path)
    with pytest.raises(FurikaeriError, match=message):
        Workshop.open(path)
    assert snapshot(path) == before


def test_truncated_file_is_refused_untouched(closed_ws, tmp_path):
    data = closed_ws.read_bytes()
    cut = tmp_path / "cut.furikaeri"
    cut.write_bytes(data[: len(data) // 2])
    before = snapshot(cut)
    with pytest.raises(FurikaeriError, match="damaged"):
        Workshop.open(cut)
    assert snapshot(cut) == before


def test_newer_schema_is_refused_untouched(closed_ws):
    conn = sqlite3.connect(closed_ws)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = snapshot(closed_ws)
    with pytest.raises(FurikaeriError, match="newer version") as err:
        Workshop.open(closed_ws)
    assert str(schema.SCHEMA_VERSION + 1) in str(err.value)
    assert snapshot(closed_ws) == before


def test_folder_is_refused(tmp_path):
    folder = tmp_path / "フォルダ.furikaeri"
    folder.mkdir()
    with pytest.raises(FurikaeriError, match="is a folder"):
        Workshop.open(folder)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(FurikaeriError, match="No such file"):
        Workshop.open(tmp_path / "nothing.furikaeri")


def test_create_refuses_to_overwrite(closed_ws):
    before = snapshot(closed_ws)
    with pytest.raises(FurikaeriError, match="already exists"):
        Workshop.create(closed_ws)
    assert snapshot(closed_ws) == before


def test_create_in_missing_folder_is_refused(tmp_path):
    with pytest.raises(FurikaeriError, match="does not exist"):
        Workshop.create(tmp_path / "missing" / "a.furikaeri")


def test_readonly_open_refuses_writes_and_leaves_file_untouched(closed_ws):
    before = snapshot(closed_ws)
    with Workshop.open(closed_ws, readonly=True) as ws:
        assert ws.readonly and ws.store.readonly_reason == "requested"
        notes = ws.count(Note)
        with pytest.raises(FurikaeriError, match="read-only; nothing was changed"):
            ws.add(ws.new_note("書けないはず", session_id=ws.sessions()[0].id))
        assert ws.count(Note) == notes
    assert snapshot(closed_ws) == before


@pytest.mark.skipif(IS_ROOT, reason="root can write to read-only files")
def test_readonly_file_opens_readonly(closed_ws):
    closed_ws.chmod(0o444)
    before = snapshot(closed_ws)
    with Workshop.open(closed_ws) as ws:
        assert ws.readonly and ws.store.readonly_reason == "not_writable"
        with pytest.raises(FurikaeriError, match="read-only"):
            ws.update(ws.all(Note)[0], text="変更")
    assert snapshot(closed_ws) == before


def test_readonly_folder_refuses_create(read_only_folder):
    with pytest.raises(FurikaeriError, match="Cannot write in the folder"):
        Workshop.create(read_only_folder / "a.furikaeri")
    assert list(read_only_folder.iterdir()) == []


def test_older_file_cannot_be_opened_readonly(tmp_path):
    path = _schema_1_file(tmp_path / "old.furikaeri")
    before = snapshot(path)
    with pytest.raises(FurikaeriError, match="older version"):
        Workshop.open(path, readonly=True)
    assert snapshot(path) == before


# -- text and paths ------------------------------------------------------------------
def test_japanese_path_with_spaces(tmp_path):
    path = tmp_path / "振り返り 会議 2026" / "第1回 ワークショップ.furikaeri"
    path.parent.mkdir()
    with Workshop.create(path, [Session(id="s1", title="全体")]) as ws:
        ws.add(ws.new_note("パスに空白", session_id="s1"))
    with Workshop.open(path) as ws:
        assert [n.text for n in ws.all(Note)] == ["パスに空白"]


@pytest.mark.parametrize("text", [
    "🎉 スモールスタートで👍",
    "𠮷野家で「FactorISM」の話",
    "長" * 20_000,
], ids=["emoji", "rare-kanji", "20k-chars"])
def test_text_round_trips(ws, ws_path, text):
    note = ws.new_note(text, session_id=ws.sessions()[0].id)
    ws.add(note)
    ws.close()
    with Workshop.open(ws_path) as again:
        assert again.get(Note, note.id).text == text


def test_overlong_note_is_refused_and_nothing_written(ws, ws_path):
    note = ws.new_note("元の文", session_id=ws.sessions()[0].id)
    ws.add(note)
    with pytest.raises(FurikaeriError, match="at most 20,000 characters; this one has 100,000"):
        ws.new_note("あ" * 100_000, session_id=note.session_id)
    with pytest.raises(FurikaeriError, match="at most"):
        ws.edit_note_text(note.id, "あ" * 100_000)
    assert ws.get(Note, note.id).text == "元の文"
    ws.close()
    with Workshop.open(ws_path) as again:
        assert [n.text for n in again.all(Note)] == ["元の文"]


@pytest.mark.parametrize("raw, clean", [
    ("a\x00b", "ab"),
    ("ベル\x07とエスケープ\x1b[31m", "ベルとエスケープ[31m"),
    ("C1\x85制御\x9f", "C1制御"),
    ("行1\r\n行2\r行3", "行1\n行2\n行3"),
    ("タブ\tは残る", "タブ\tは残る"),
    ("  \x00 前後の空白 \n", "前後の空白"),
])
def test_control_characters_are_removed(raw, clean):
    assert clean_text(raw) == clean


def test_control_characters_never_reach_the_file(ws, ws_path):
    note = ws.new_note("付\x00箋\x0c", session_id=ws.sessions()[0].id)
    ws.add(note)
    ws.close()
    with Workshop.open(ws_path) as again:
        assert again.get(Note, note.id).text == "付箋"


@pytest.mark.parametrize("raw", ["", "   ", "\x00\x01\n"])
def test_empty_note_is_refused(raw):
    with pytest.raises(FurikaeriError, match="cannot be empty"):
        clean_text(raw)


# -- migration -------------------------------------------------------------------------
def _schema_1_file(path: Path) -> Path:
    """A workshop file as the first schema made it, with a session and a note."""
    db = sqlite_utils.Database(path)
    db.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
    schema.migrate(db.conn, 0, 1)
    with db.conn:
        db.conn.execute("INSERT INTO workshop (id, title) VALUES ('workshop', '旧形式')")
        db.conn.execute("INSERT INTO sessions (id, title, kind, [order], planned_minutes, prompts)"
                        " VALUES ('s1', '全体', 'plenary', 0, 30, '[\"問い\"]')")
        db.conn.execute("INSERT INTO notes (id, session_id, x, y, w, h, z, color, text, author,"
                        " created, updated, votes, theme_manual)"
                        " VALUES ('n1', 's1', 10, 20, 160, 100, 1, '', '古い付箋', '山田',"
                        " '', '', 2, 0)")
    db.close()
    return path


def test_first_schema_file_is_migrated(tmp_path):
    path = _schema_1_file(tmp_path / "old.furikaeri")
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 1
    with Workshop.open(path) as ws:
        assert not ws.readonly
        assert ws.store.schema_version() == schema.SCHEMA_VERSION
        assert ws.info.title == "旧形式"
        assert ws.get(Session, "s1").prompts == ["問い"]
        note = ws.get(Note, "n1")
        assert (note.text, note.author, note.votes, note.x) == ("古い付箋", "山田", 2, 10.0)
        ws.update(note, text="移行後に編集")  # the new tables are usable
    with Workshop.open(path) as ws:
        assert ws.get(Note, "n1").text == "移行後に編集"


def test_schema_snapshot_is_what_the_migrations_build():
    # New files run schema.sql; after adding a migration, `python -m facilitator.workshop.schema`.
    assert schema.SNAPSHOT.read_text(encoding="utf-8") == schema.snapshot_sql()


def _tables(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(path)
    try:
        names = [n for n, in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {n: conn.execute(f"PRAGMA table_info([{n}])").fetchall() for n in names}
    finally:
        conn.close()


def test_migrated_file_has_the_same_tables_as_a_new_one(tmp_path):
    old = _schema_1_file(tmp_path / "old.furikaeri")
    Workshop.open(old).close()
    Workshop.create(tmp_path / "new.furikaeri").close()
    assert _tables(old) == _tables(tmp_path / "new.furikaeri")


# -- two processes -------------------------------------------------------------------
PROBE = ("import json, sys\n"
         "from facilitator.workshop.model import Note\n"
         "from facilitator.workshop import Workshop\n"
         "w = Workshop.open(sys.argv[1])\n"
         "print(json.dumps([w.readonly, w.store.readonly_reason, w.count(Note)]), flush=True)\n")
HOLD = PROBE + "import time; time.sleep(120)\n"


def _probe(path: Path) -> list[str]:
    out = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True,
                         text=True, timeout=60, check=True).stdout
    return json.loads(out)


def test_second_process_gets_readonly_while_first_has_it(closed_ws):
    ws = Workshop.open(closed_ws)
    assert not ws.readonly
    assert _probe(closed_ws) == [True, "locked", 300]
    ws.close()
    assert _probe(closed_ws) == [False, "", 300]


def test_killed_holder_releases_the_lock(closed_ws):
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(closed_ws)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert json.loads(holder.stdout.readline()) == [False, "", 300]
        with Workshop.open(closed_ws) as ws:
            assert ws.readonly and ws.store.readonly_reason == "locked"
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
        with Workshop.open(closed_ws) as ws:
            assert not ws.readonly
            ws.add(ws.new_note("持ち主が落ちた後", session_id=ws.sessions()[0].id))
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        holder.stdout.close()



def test_peek_reads_title_date_and_note_count_without_writing(ws, ws_path):
    from facilitator.workshop.store import peek
    sid = ws.sessions()[0].id
    ws.add(ws.new_note("一枚目", sid), ws.new_note("二枚目", sid))
    ws.update(ws.info, title="春の振り返り", date="2026-04-01")
    assert peek(ws_path) == {"title": "春の振り返り", "date": "2026-04-01", "notes": 2}


@pytest.mark.parametrize("content", [b"", b"not a database at all", None])
def test_peek_of_something_else_is_none(tmp_path, content):
    from facilitator.workshop.store import peek
    path = tmp_path / "other.furikaeri"
    if content is not None:
        path.write_bytes(content)
    assert peek(path) is None
    assert not (tmp_path / "other.furikaeri-wal").exists()
