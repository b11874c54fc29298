"""A full disk is told as a full disk, never as a damaged file, and writing resumes once
space is back.

On a real full file system where we may mount one (root; CI runs as root),
else with SQLite's own errors injected at the connection.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator import i18n
from facilitator.cli import main
from facilitator.errors import DiskFull, FurikaeriError
from facilitator.workshop.model import Note
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop
from disk_faults import FullDisk

DISK_FULL_JA = "ディスクの空き容量が足りない"
DAMAGED = ("壊れているため", "is damaged")  # the words of a damaged file


@pytest.fixture(autouse=True)
def keep_language():
    chosen = i18n.language()
    yield
    i18n.set_language(chosen)


class Disk:
    """A 2 MB tmpfs: ``fill()`` takes every free byte, ``free()`` gives it back."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler"

    def fill(self) -> None:
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                os.write(fd, b"\0" * 4096)
        except OSError:
            pass
        finally:
            os.close(fd)
        assert shutil.disk_usage(self.root).free < 4096

    def free(self) -> None:
        self.filler.unlink()


@pytest.fixture
def disk(tmp_path):
    root = tmp_path / "small-disk"
    root.mkdir()
    if not (hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("mount")):
        pytest.skip("mounting a small file system needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2M", "tmpfs", str(root)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here: " + done.stderr.decode(errors="replace"))
    try:
        yield Disk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_failure(capsys, argv: list[str]) -> str:
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.fixture
def on_disk(disk) -> Path:
    """A closed workshop with one note on the small disk."""
    path = disk.root / "ワークショップ.furikaeri"
    with Workshop.create(path, records_from_template(read_template("standard"))) as ws:
        ws.add(ws.new_note("満杯になる前の付箋", ws.sessions()[0].id))
    return path


# -- a real full disk --------------------------------------------------------------
@pytest.mark.parametrize("argv", [
    ["info", "{file}"], ["agenda", "{file}"],
    ["export", "{file}", "--format", "md", "-o", "{out}/out.md"],
    ["report", "{file}", "-o", "{out}/out.pdf"],
])
def test_reading_a_file_on_a_full_disk_works(disk, on_disk, tmp_path, capsys, argv):
    disk.fill()
    before = fingerprint(on_disk)
    capsys.readouterr()
    assert main([a.format(file=on_disk, out=tmp_path) for a in argv]) == 0
    assert fingerprint(on_disk) == before


def test_import_on_a_full_disk_says_disk_full_and_works_once_space_is_back(
        disk, on_disk, tmp_path, capsys):
    src = tmp_path / "notes.txt"
    src.write_text("空きができたら入る付箋\n", encoding="utf-8")
    disk.fill()
    err = one_line_failure(capsys, ["--lang", "ja", "import", str(on_disk), str(src)])
    assert DISK_FULL_JA in err and not any(word in err for word in DAMAGED)
    disk.free()
    assert main(["import", str(on_disk), str(src)]) == 0
    with Workshop.open(on_disk, readonly=True) as ws:
        assert {n.text for n in ws.all(Note)} == {"満杯になる前の付箋", "空きができたら入る付箋"}


def test_opening_on_a_full_disk_says_disk_full_in_one_line(disk, on_disk, tmp_path):
    disk.fill()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FURIKAERI_LANG": "ja",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    done = subprocess.run([sys.executable, "-m", "facilitator", "open", str(on_disk),
                           "--screenshot", str(tmp_path / "shot.png")],
                          capture_output=True, text=True, timeout=300, env=env)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr, done.stderr
    assert DISK_FULL_JA in done.stderr and not any(w in done.stderr for w in DAMAGED)


def test_an_open_workshop_saves_again_once_space_is_back(disk, on_disk):
    with Workshop.open(on_disk) as ws:
        sid = ws.sessions()[0].id
        disk.fill()
        with pytest.raises(DiskFull) as failed:
            for i in range(200):  # what little room SQLite kept is used up first
                ws.add(ws.new_note(f"満杯の間の付箋 {i} " + "あ" * 500, sid))
        assert DISK_FULL_JA in failed.value.text("ja")
        with pytest.raises(DiskFull):
            ws.add(ws.new_note("まだ満杯", sid))
        saved = ws.count(Note)
        disk.free()
        ws.add(ws.new_note("空きができた後の付箋", sid))  # the same open workshop
        assert ws.count(Note) == saved + 1
    with Workshop.open(on_disk, readonly=True) as again:
        assert again.count(Note) == saved + 1


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_exporting_to_a_full_disk_says_disk_full(disk, ws, capsys, fmt):
    ws.close()
    disk.fill()
    err = one_line_failure(capsys, ["--lang", "ja", "export", str(ws.path), "--format", fmt,
                                    "-o", str(disk.root / f"out.{fmt}")])
    assert DISK_FULL_JA in err
    assert sorted(p.name for p in disk.root.iterdir()) == ["filler"]


def test_creating_on_a_full_disk_says_disk_full_and_leaves_nothing(disk, capsys):
    disk.fill()
    err = one_line_failure(capsys, ["--lang", "ja", "new", str(disk.root / "新しい")])
    assert DISK_FULL_JA in err
    assert sorted(p.name for p in disk.root.iterdir()) == ["filler"]


# -- SQLite's errors, injected (any user) ---------------------------------------------
@pytest.mark.parametrize("error, free, expected", [
    ("database or disk is full", 10 << 30, DiskFull),
    ("disk I/O error", 0, DiskFull),
    ("disk I/O error", 10 << 30, FurikaeriError),  # a real I/O fault: not a full disk
])
def test_sqlite_errors_are_told_for_what_they_are(ws, monkeypatch, error, free, expected):
    monkeypatch.setattr("facilitator.workshop.store_errors.free_space", lambda folder: free)
    ws.store.conn = FullDisk(ws.store.conn, error)
    with pytest.raises(FurikaeriError) as failed:
        ws.add(ws.new_note("保存されない付箋", ws.sessions()[0].id))
    assert type(failed.value) is expected
    text = failed.value.text("ja")
    assert not any(word in text for word in DAMAGED)
    assert (DISK_FULL_JA in text) == (expected is DiskFull)


def test_a_write_whose_rollback_failed_too_is_retried_cleanly(ws, ws_path):
    conn = FullDisk(ws.store.conn)
    conn.failed_rollbacks = 1
    ws.store.conn = conn
    sid = ws.sessions()[0].id
    told = []
    ws.failure_listeners.append(told.append)
    with pytest.raises(DiskFull):
        ws.add(ws.new_note("失敗する付箋", sid))
    assert conn.in_transaction and len(told) == 1  # what a failed ROLLBACK leaves
    conn.full = False
    ws.add(ws.new_note("空きができた後の付箋", sid))
    ws.store.conn = conn.conn
    ws.close()
    with Workshop.open(ws_path, readonly=True) as again:
        assert [n.text for n in again.all(Note)] == ["空きができた後の付箋"]


@pytest.mark.parametrize("error, told", [
    (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
    (sqlite3.DatabaseError("file is not a database"), "damaged"),
    (sqlite3.OperationalError("disk I/O error"), "Cannot read"),
    (sqlite3.OperationalError("unable to open database file"), "Cannot read"),
])
def test_only_damage_is_called_damage(tmp_path, error, told):
    from facilitator.workshop.store_errors import open_error
    text = open_error(error, tmp_path / "a.furikaeri").text("en")
    assert told in text
