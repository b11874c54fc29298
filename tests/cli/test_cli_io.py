"""CLI import, export and new --from: one line on success; on bad input one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from facilitator import i18n
from facilitator.cli import main
from facilitator.workshop.model import Note
from facilitator.workshop import Workshop


@pytest.fixture(autouse=True)
def keep_language():
    """`--lang en` changes the process's language; later tests get theirs back."""
    chosen = i18n.language()
    yield
    i18n.set_language(chosen)


@pytest.fixture
def wfile(tmp_path) -> Path:
    """A closed workshop file in a folder with Japanese characters and spaces."""
    folder = tmp_path / "振り返り 2026"
    folder.mkdir()
    path = folder / "ワークショップ 本番.furikaeri"
    assert main(["new", str(path)]) == 0
    return path


def note_count(path: Path) -> int:
    with Workshop.open(path, readonly=True) as ws:
        return ws.count(Note)


def fails_cleanly(capsys, argv: list[str], message: str) -> None:
    """The command exits 2 with exactly one line on stderr naming the problem."""
    capsys.readouterr()
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert message in err


def test_import_prints_what_it_did(wfile, tmp_path, capsys):
    src = tmp_path / "付箋 一覧.csv"
    src.write_bytes("本文,名前\r\n良かった,A\r\n,B\r\n楽しい\x00,C\r\n".encode("cp932"))
    capsys.readouterr()
    assert main(["--lang", "en", "import", str(wfile), str(src), "--session", "2",
                 "--group", "グループA"]) == 0
    out = capsys.readouterr().out
    assert out.strip() == ("Imported 2 notes; skipped 1 empty rows; "
                           "removed 1 control characters.")
    assert note_count(wfile) == 2


BAD_INPUT = {
    "broken quoting": ('本文\n"壊れた"引用\n', "line 2"),
    "mixed encodings": ("本文\n良い\n".encode() + "悪い\n".encode("cp932"), "line 3"),
    "empty text column": ("本文,名前\n,A\n", "empty in every row"),
    "long note": ("本文\n" + "あ" * 100_000 + "\n", "100,000"),
    "no text column": ("名前,所属\n田中,A社\n", "名前, 所属"),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_import_is_one_line_and_changes_nothing(wfile, tmp_path, capsys, case):
    content, message = BAD_INPUT[case]
    src = tmp_path / "bad.csv"
    src.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    fails_cleanly(capsys, ["--lang", "en", "import", str(wfile), str(src)], message)
    assert note_count(wfile) == 0


def test_import_into_a_workshop_open_elsewhere(wfile, tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("意見\n", encoding="utf-8")
    with Workshop.open(wfile):  # another window holds it
        fails_cleanly(capsys, ["--lang", "en", "import", str(wfile), str(src)],
                      "nothing was imported")
    assert note_count(wfile) == 0


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_export_each_format(wfile, tmp_path, capsys, fmt):
    src = tmp_path / "in.txt"
    src.write_text("𠮷田さんの意見🍚\n", encoding="utf-8")
    main(["import", str(wfile), str(src)])
    out = tmp_path / "出力 先" / f"まとめ.{fmt}"
    out.parent.mkdir()
    assert main(["export", str(wfile), "--format", fmt, "-o", str(out)]) == 0
    assert "𠮷田さんの意見🍚" in out.read_bytes().decode("utf-8-sig")


def test_export_to_a_missing_folder_fails_cleanly(wfile, tmp_path, capsys):
    out = tmp_path / "no such folder" / "x.csv"
    fails_cleanly(capsys, ["--lang", "en", "export", str(wfile), "--format", "csv",
                           "-o", str(out)], "does not exist")
    assert not out.parent.exists()


def test_new_from_json_round_trips(wfile, tmp_path, capsys):
    src = tmp_path / "in.txt"
    src.write_text("一つ目\n二つ目\n", encoding="utf-8")
    main(["import", str(wfile), str(src)])
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    copy = tmp_path / "コピー 版.furikaeri"
    assert main(["export", str(wfile), "--format", "json", "-o", str(first)]) == 0
    assert main(["new", str(copy), "--from", str(first)]) == 0
    assert main(["export", str(copy), "--format", "json", "-o", str(second)]) == 0
    assert json.loads(first.read_text("utf-8")) == json.loads(second.read_text("utf-8"))
    assert first.read_bytes() == second.read_bytes()


def test_new_from_something_that_is_not_an_export(tmp_path, capsys):
    src = tmp_path / "other.json"
    src.write_text('{"cards": []}', encoding="utf-8")
    fails_cleanly(capsys, ["--lang", "en", "new", str(tmp_path / "x.furikaeri"),
                           "--from", str(src)], "not a Furikaeri JSON export")
    assert not (tmp_path / "x.furikaeri").exists()


def test_a_closed_pipe_ends_quietly(tmp_path):
    """``furikaeri agenda F | head -1``: no traceback when the reader stops early."""
    import os
    import subprocess
    import sys
    path = tmp_path / "w.furikaeri"
    assert main(["new", str(path)]) == 0
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first line is written
    run = subprocess.run([sys.executable, "-m", "facilitator", "agenda", str(path)],
                         stdout=write_end, stderr=subprocess.PIPE, timeout=60)
    os.close(write_end)
    assert "Traceback" not in run.stderr.decode() and "BrokenPipe" not in run.stderr.decode()
    assert run.returncode == 141
