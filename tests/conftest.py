"""Shared fixtures: a private cache folder, a fresh workshop file made from the standard template."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

from facilitator.agenda.templates import read_template, records_from_template
from facilitator.paths import cache_dir
from facilitator.workshop import Workshop

# Caches the app writes (translations, the encoder's tokenizer and weights, the
# demo) go to a folder of this test process, set before any test module loads
# and never restored: a background thread still loading the encoder after the
# last test, or a subprocess, must not write into the user's own cache.
USER_CACHE = cache_dir()
PRIVATE_CACHE = tempfile.mkdtemp(prefix="furikaeri-test-cache-")
os.environ["FURIKAERI_CACHE_DIR"] = PRIVATE_CACHE
# Runs after Python has waited for the non-daemon threads (the cache writer).
atexit.register(shutil.rmtree, PRIVATE_CACHE, ignore_errors=True)

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | getattr(os, "O_APPEND", 0)
_PATH_EVENTS = frozenset({"os.mkdir", "os.remove", "os.rmdir", "shutil.rmtree",
                          "shutil.copyfile", "sqlite3.connect"})
_WATCHED = _PATH_EVENTS | {"open", "os.rename"}
_writes_to_user_cache: list[str] = []


def _in_user_cache(path) -> bool:
    if isinstance(path, int):
        return False
    try:
        text = os.fsdecode(os.fspath(path))
    except TypeError:
        return False
    root = str(USER_CACHE)
    return text == root or text.startswith(root + os.sep)


def _user_cache_guard(event: str, args: tuple) -> None:
    """Notes every write into the user's real cache folder by this test process."""
    if event not in _WATCHED:  # first: this runs for every audited call
        return
    try:
        written = [p for p in _written_paths(event, args) if _in_user_cache(p)]
        if written:
            _writes_to_user_cache.append(f"{event} {written[-1]}")
    except Exception:  # noqa: BLE001 — a guard must never break the call it watches
        pass


def _written_paths(event: str, args: tuple) -> tuple:
    if event == "open":
        path, mode, flags = args
        writes = any(c in mode for c in "wax+") if mode else bool(flags & _WRITE_FLAGS)
        paths = (path,) if writes else ()
    elif event == "os.rename":
        paths = args[:2]
    elif event in _PATH_EVENTS:
        paths = args[1:2] if event == "shutil.copyfile" else args[:1]
    else:
        paths = ()
    return paths


sys.addaudithook(_user_cache_guard)


@pytest.fixture(scope="session", autouse=True)
def private_cache():
    """The app's caches stay in a temporary folder; fails if the user's were written."""
    assert cache_dir() == Path(PRIVATE_CACHE)
    yield Path(PRIVATE_CACHE)
    assert not _writes_to_user_cache, f"tests wrote into {USER_CACHE}: {_writes_to_user_cache}"


@pytest.fixture(scope="session", autouse=True)
def private_log(tmp_path_factory):
    """The log file the commands write (facilitator.diagnostics) goes to a temporary folder."""
    from facilitator.diagnostics import close_log
    previous = os.environ.get("XDG_STATE_HOME")
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))
    yield
    close_log()
    if previous is None:
        os.environ.pop("XDG_STATE_HOME", None)
    else:
        os.environ["XDG_STATE_HOME"] = previous


IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def read_only_folder(tmp_path):
    """An empty folder nobody may write in (skipped as root, who writes anyway)."""
    if IS_ROOT:
        pytest.skip("root writes into read-only folders anyway")
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)  # so pytest can clean it up


@pytest.fixture
def ws_path(tmp_path):
    """Where the ``ws`` fixture's workshop file lives."""
    return tmp_path / "workshop.furikaeri"


@pytest.fixture(scope="session")
def standard_file(tmp_path_factory):
    """A workshop file of the standard programme, made once: each ``ws`` is a copy.

    Creating one costs ~85 ms (schema, records, syncs) and some 200 tests use
    one; a copy opened is what ``Workshop.create`` returns too (it opens the new file).
    """
    path = tmp_path_factory.mktemp("standard") / "standard.furikaeri"
    Workshop.create(path, records_from_template(read_template("standard"))).close()
    return path


@pytest.fixture
def ws(ws_path, standard_file):
    """A fresh, writable workshop following the standard programme."""
    shutil.copyfile(standard_file, ws_path)
    workshop = Workshop.open(ws_path)
    yield workshop
    workshop.close()


@pytest.fixture
def messages(monkeypatch):
    """Warning boxes shown, captured instead of blocking the test."""
    from PySide6.QtWidgets import QMessageBox  # here: the core's tests run without Qt
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append(text))
    return shown


@pytest.fixture
def app_settings(tmp_path, monkeypatch):
    """ui.app.run() with its settings, data folder and language kept out of the user's."""
    from PySide6.QtCore import QSettings

    from facilitator import i18n
    from ui.i18n import uninstall_translator
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))  # where the demo goes
    language = i18n.language()
    yield
    uninstall_translator()
    i18n.set_language(language)


@pytest.fixture
def window_on(qtbot, tmp_path, ws_path):
    """Opens the ``ws`` fixture's file in a shown, active main window: ``window_on(ws)``."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from ui.main_window import MainWindow
    opened = []

    def open_window(ws):
        ws.close()
        win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        assert win.open_path(ws_path)
        win.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
        opened.append(win)
        return win
    yield open_window
    for win in opened:
        win.close()
