"""Commands that only read a workshop leave every byte of it, and of its -wal/-shm, as it was.

A writer killed mid-session leaves its last edits in the -wal.  Opening the
file with SQLite, even read-only, would rebuild the -shm, and closing the last
connection would fold the journal into the file and delete both.  The read
commands must still show those last edits.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from facilitator.cli import main
from facilitator.workshop.model import Note
from facilitator.workshop.store import peek
from facilitator.workshop import Workshop
from report_helpers import flat, pdf_pages

KILLED_WRITER = """
import os, signal, sys
from facilitator.workshop import Workshop
ws = Workshop.open(sys.argv[1])
ws.update(ws.info, title="ジャーナルだけの題")
sid = ws.sessions()[0].id
ws.add(*[ws.new_note(f"ジャーナルだけの付箋{i} 次回も参加したい", sid) for i in range(3)])
ws.update(ws.sessions()[1], title="ジャーナルだけのセッション")
os.kill(os.getpid(), signal.SIGKILL)
"""


def fingerprint(path: Path) -> dict[str, str]:
    """sha256 of the file and of every sidecar beside it."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.parent.iterdir()) if p.name.startswith(path.name)}


@pytest.fixture
def killed(ws, ws_path) -> Path:
    """A workshop whose writer was killed: its last edits are only in the -wal."""
    ws.close()
    proc = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(ws_path)],
                          capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert {f"{ws_path.name}-wal", f"{ws_path.name}-shm"} <= set(fingerprint(ws_path))
    return ws_path


def _pdf_text(path: Path) -> str:
    return flat("".join(pdf_pages(path.read_bytes())))


#: command line, file it writes (None: it prints), what it must show of the -wal's edits
COMMANDS = {
    "info": (["info", "{file}"], None, "ジャーナルだけの題"),
    "agenda": (["agenda", "{file}"], None, "ジャーナルだけのセッション"),
    "export csv": (["export", "{file}", "--format", "csv", "-o", "{out}.csv"], "{out}.csv",
                   "ジャーナルだけの付箋2"),
    "export json": (["export", "{file}", "--format", "json", "-o", "{out}.json"], "{out}.json",
                    "ジャーナルだけの付箋2"),
    "export md": (["export", "{file}", "--format", "md", "-o", "{out}.md"], "{out}.md",
                  "ジャーナルだけの付箋2"),
    "report": (["report", "{file}", "-o", "{out}.pdf"], "{out}.pdf", "ジャーナルだけの付箋2"),
    "cluster": (["cluster", "{file}", "--json"], None, "ジャーナルだけの付箋2"),
}


@pytest.mark.parametrize("name", COMMANDS)
def test_a_read_command_changes_no_byte_and_shows_the_journal(killed, tmp_path, capsys, name):
    argv, output, expected = COMMANDS[name]
    out = str(tmp_path / "out")
    before = fingerprint(killed)
    capsys.readouterr()
    assert main(["--lang", "ja", *(a.format(file=killed, out=out) for a in argv)]) == 0
    assert fingerprint(killed) == before
    if output is None:
        shown = capsys.readouterr().out
    elif output.endswith(".pdf"):
        shown = _pdf_text(Path(output.format(out=out)))
    else:
        shown = Path(output.format(out=out)).read_text(encoding="utf-8-sig")
    assert expected in shown


def test_an_image_export_changes_no_byte(killed, tmp_path):
    before = fingerprint(killed)
    out = tmp_path / "board.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "facilitator", "export", str(killed),
                           "--format", "png", "-o", str(out)],
                          capture_output=True, text=True, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    assert out.stat().st_size > 0
    assert fingerprint(killed) == before


def test_the_start_screen_peek_changes_no_byte(killed):
    before = fingerprint(killed)
    assert peek(killed) == {"title": "ジャーナルだけの題", "date": peek(killed)["date"], "notes": 3}
    assert fingerprint(killed) == before


def test_a_cleanly_closed_file_gets_no_sidecars_from_reading(ws, ws_path, capsys):
    ws.close()
    before = fingerprint(ws_path)
    assert list(before) == [ws_path.name]
    assert main(["info", str(ws_path)]) == 0
    with Workshop.open(ws_path, readonly=True) as again:
        assert again.count(Note) == 0
    assert fingerprint(ws_path) == before


def test_reading_leaves_no_temporary_copy_behind(killed, tmp_path, monkeypatch):
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    with Workshop.open(killed, readonly=True) as ws:
        assert ws.count(Note) == 3
    assert list((tmp_path / "temp").iterdir()) == []


@pytest.mark.parametrize("left_by", ["killed writer", "clean close"])
def test_a_writer_opening_while_a_read_command_runs_gets_the_file(ws, ws_path, left_by):
    """The reader lets go of the file as soon as it has read it."""
    ws.close()
    if left_by == "killed writer":
        subprocess.run([sys.executable, "-c", KILLED_WRITER, str(ws_path)], timeout=120)
    with Workshop.open(ws_path, readonly=True) as reader:
        count = reader.count(Note)
        with Workshop.open(ws_path) as writer:
            assert not writer.readonly
            writer.add(writer.new_note("読んでいる間に書く", writer.sessions()[0].id))
        assert reader.count(Note) == count


def test_the_writer_folds_the_journal_in_when_it_opens_the_file(killed):
    with Workshop.open(killed) as ws:
        assert not ws.readonly and ws.count(Note) == 3
    assert list(fingerprint(killed)) == [killed.name]


def test_reading_a_file_another_process_writes_follows_it(ws, ws_path):
    """With a live writer (the app), a read command reads the live file as it goes."""
    sid = ws.sessions()[0].id
    ws.add(ws.new_note("開いている間の付箋", sid))
    with Workshop.open(ws_path, readonly=True) as reader:
        assert [n.text for n in reader.all(Note)] == ["開いている間の付箋"]
    ws.add(ws.new_note("もう一枚", sid))
    assert not ws.readonly
