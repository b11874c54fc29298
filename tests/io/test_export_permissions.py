"""Exports and new workshop files get the permissions the user's umask gives any new
document (0666 less the umask), not a temporary file's private 0600; an export
written over a file keeps that file's permissions."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from facilitator.io.exporters import export_file
from facilitator.minutes import Options, write_minutes
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


@pytest.fixture(params=[0o022, 0o077])
def umask(request):
    previous = os.umask(request.param)
    yield request.param
    os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("fmt", ["csv", "json", "md"])
def test_file_exports_follow_the_umask(ws, tmp_path, umask, fmt):
    out = tmp_path / "出力" / f"export.{fmt}"
    out.parent.mkdir()
    export_file(ws, fmt, out)
    assert mode(out) == 0o666 & ~umask
    assert leftovers(out.parent) == []


def test_the_minutes_pdf_follows_the_umask(ws, tmp_path, umask):
    out = tmp_path / "minutes.pdf"
    write_minutes(ws, out, Options(charts=False))
    assert mode(out) == 0o666 & ~umask


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_board_pictures_follow_the_umask(qapp, ws, tmp_path, umask, fmt):
    from ui.io.images import export_board_png, export_board_svg
    ws.add(ws.new_note("絵になる付箋", ws.sessions()[0].id))
    out = tmp_path / f"board.{fmt}"
    export = export_board_png if fmt == "png" else export_board_svg
    export(ws, ws.sessions()[0].id, None, out)
    assert mode(out) == 0o666 & ~umask
    assert leftovers(tmp_path) == []


def test_a_new_workshop_file_follows_the_umask(tmp_path, umask):
    path = tmp_path / "新しい.furikaeri"
    with Workshop.create(path, records_from_template(read_template("standard"))) as ws:
        ws.add(ws.new_note("一枚目", ws.sessions()[0].id))
        for sidecar in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            assert mode(sidecar) == 0o666 & ~umask  # SQLite gives them the file's own
    assert mode(path) == 0o666 & ~umask


@pytest.mark.parametrize("kept", [0o600, 0o664])
def test_an_export_written_over_a_file_keeps_that_files_permissions(ws, tmp_path, umask, kept):
    out = tmp_path / "export.csv"
    out.write_text("old")
    out.chmod(kept)
    export_file(ws, "csv", out)
    assert mode(out) == kept and out.read_text(encoding="utf-8-sig") != "old"
