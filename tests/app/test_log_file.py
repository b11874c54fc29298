"""The log file for bug reports: where it lives, what it holds, and that it never gets in the way."""

from __future__ import annotations

import errno
import io
import logging
import os
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from facilitator import diagnostics
from facilitator.cli import main
from facilitator.diagnostics import log, setup_logging
from facilitator.paths import log_dir
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop


@pytest.fixture
def state(tmp_path, monkeypatch):
    """The user's state folder (Linux), empty; the log follows it."""
    folder = tmp_path / "state"
    monkeypatch.setenv("XDG_STATE_HOME", str(folder))
    return folder


@pytest.fixture
def made(ws_path):
    Workshop.create(ws_path, records_from_template(read_template("standard"))).close()
    return ws_path


def log_text(state: Path) -> str:
    for handler in log.handlers:
        handler.flush()
    return (state / "furikaeri" / "log" / "furikaeri.log").read_text(encoding="utf-8")


@pytest.mark.parametrize("platform, env, expected", [
    ("linux", {"XDG_STATE_HOME": "/s"}, "/s/furikaeri/log"),
    ("linux", {}, "~/.local/state/furikaeri/log"),
    ("darwin", {}, "~/Library/Logs/furikaeri"),
    ("win32", {"LOCALAPPDATA": "/appdata"}, "/appdata/furikaeri/Logs"),
])
def test_log_folder_per_platform(monkeypatch, platform, env, expected):
    monkeypatch.setattr(sys, "platform", platform)
    for name in ("XDG_STATE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert log_dir() == Path(expected).expanduser()


def test_a_command_logs_its_start_and_the_file_it_read(state, made, capsys):
    assert main(["info", str(made)]) == 0
    captured = capsys.readouterr()
    text = log_text(state)
    assert f"Furikaeri {version('furikaeri')} start (command info)" in text
    assert f"Python {sys.version.split()[0]}" in text
    assert str(made) in text
    assert captured.err == ""  # the log is never printed


def test_a_refused_command_logs_why_and_still_says_one_line(state, tmp_path, capsys):
    missing = tmp_path / "missing.furikaeri"
    assert main(["--lang", "en", "info", str(missing)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "WARNING" in log_text(state) and str(missing) in log_text(state)


def test_an_uncaught_error_in_a_command_is_logged_with_its_traceback(state, made,
                                                                     monkeypatch):
    from facilitator.cli import commands as cli

    def broken(args):
        raise RuntimeError("a bug")
    monkeypatch.setattr(cli, "_cmd_info", broken)
    with pytest.raises(RuntimeError):
        main(["info", str(made)])
    text = log_text(state)
    assert "Uncaught exception" in text and "Traceback" in text and "a bug" in text


def test_a_log_folder_that_cannot_be_written_changes_nothing(tmp_path, made):
    blocked = tmp_path / "not a folder"
    blocked.write_text("a file where the state folder should be")  # even root cannot mkdir
    env = dict(os.environ, XDG_STATE_HOME=str(blocked))
    # A process of its own: pytest's log capture would hide what logging prints to stderr.
    done = subprocess.run([sys.executable, "-m", "facilitator", "info", str(made)], env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert done.returncode == 0 and done.stderr == ""
    assert '"sessions": 5' in done.stdout
    refused = subprocess.run([sys.executable, "-m", "facilitator", "--lang", "en", "info",
                              str(tmp_path / "missing.furikaeri")], env=env,
                             capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert refused.returncode == 2 and refused.stderr.count("\n") == 1
    assert list(tmp_path.glob("**/*.log")) == []


def test_the_log_rotates_at_a_megabyte_and_keeps_five(tmp_path):
    path = setup_logging(tmp_path)
    line = "あ" * 1000  # 3 kB in UTF-8
    for _ in range(7 * diagnostics.MAX_BYTES // 3000):
        log.info(line)
    files = sorted(p.name for p in tmp_path.iterdir())
    assert files == ["furikaeri.log", *(f"furikaeri.log.{i}" for i in range(1, 6))]
    assert all(p.stat().st_size <= diagnostics.MAX_BYTES for p in tmp_path.iterdir())
    assert path == tmp_path / "furikaeri.log"


class FullDisk(io.StringIO):
    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_write_that_fails_later_is_dropped_quietly(tmp_path, capsys, monkeypatch):
    setup_logging(tmp_path)
    handler = next(h for h in log.handlers if isinstance(h, logging.FileHandler))
    monkeypatch.setattr(handler, "stream", FullDisk())
    log.error("the disk is full")
    assert capsys.readouterr().err == ""


def test_the_window_logs_qt_and_the_file_it_opened(app_settings, state, made, tmp_path):
    from ui import app as app_module
    png = tmp_path / "shot.png"
    assert app_module.run(["open", str(made), "--screenshot", str(png)]) == 0
    text = log_text(state)
    assert "Qt 6." in text and "PySide6 6." in text
    assert f"Opened {made}" in text


def test_version_falls_back_to_the_source(monkeypatch):
    import importlib.metadata

    import facilitator

    def not_installed(name):
        raise importlib.metadata.PackageNotFoundError(name)
    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert diagnostics.app_version() == facilitator.__version__


def test_the_source_version_is_the_installed_one():
    import facilitator
    assert facilitator.__version__ == version("furikaeri")
