"""Shared fixtures: a fresh workshop file made from the standard template."""

from __future__ import annotations

import os

import pytest

from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """Caches the app writes (the encoder's parsed tokenizer) go to a temporary folder."""
    previous = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = previous


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


@pytest.fixture
def ws(ws_path):
    """A fresh, writable workshop following the standard programme."""
    workshop = Workshop.create(ws_path, records_from_template(read_template("standard")))
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
