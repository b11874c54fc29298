"""Where the app's shipped files live.

They are the package ``furikaeri_assets`` (the repository's ``assets/``
folder, mapped in pyproject.toml), found with :mod:`importlib.resources`: the
same code serves a checkout's editable install, an installed wheel and a
PyInstaller build.  Qt and reportlab open files by name, so the package must be
a real folder, which every one of those installs gives.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path


def _assets_dir() -> Path:
    # The package's folder from its spec, without running it or importing
    # importlib.resources (~25 ms of every start: it pulls in tempfile, zipfile...).
    spec = importlib.util.find_spec("furikaeri_assets")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    if locations and Path(locations[0], "__init__.py").is_file():
        return Path(locations[0])
    from importlib.resources import files
    folder = files("furikaeri_assets")
    if not isinstance(folder, Path):  # e.g. imported from a zip: Qt cannot open those
        raise RuntimeError(f"Furikaeri's assets are not a folder ({folder!r}); "
                           "install the app unpacked (pip install, not a zip)")
    return folder


ASSETS_DIR = _assets_dir()
TEMPLATES_DIR = ASSETS_DIR / "templates"
TRANSLATIONS_DIR = ASSETS_DIR / "translations"
STAMPS_DIR = ASSETS_DIR / "stamps"
SOUNDS_DIR = ASSETS_DIR / "sounds"
DEMO_DIR = ASSETS_DIR / "demo"
FONTS_DIR = ASSETS_DIR / "fonts"
ICONS_DIR = ASSETS_DIR / "icons"

#: The file extension of a workshop.
EXTENSION = ".furikaeri"


def cache_dir() -> Path:
    """The per-user cache folder of Furikaeri (created on first write).

    It holds only what can be rebuilt (see the README): any entry may be deleted.
    ``FURIKAERI_CACHE_DIR`` names another folder (the tests use a temporary one).
    """
    chosen = os.environ.get("FURIKAERI_CACHE_DIR")
    if chosen:
        return Path(chosen)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "furikaeri"


def japanese_font_path() -> Path:
    """The shipped Japanese TrueType font (IPAexGothic, from matplotlib-fontja)."""
    # find_spec locates the package without running it: importing it would
    # load matplotlib (0.4 s) into every start of the app.
    spec = importlib.util.find_spec("matplotlib_fontja")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("matplotlib-fontja (the Japanese font) is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "fonts" / "ipaexg.ttf"


def log_dir() -> Path:
    """The per-user folder of Furikaeri's log files (for bug reports; created on first write).

    Linux: ``$XDG_STATE_HOME/furikaeri/log`` (``~/.local/state``), macOS:
    ``~/Library/Logs/furikaeri``, Windows: ``%LOCALAPPDATA%\\furikaeri\\Logs``.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "furikaeri" / "Logs"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Logs" / "furikaeri"
    base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / "furikaeri" / "log"
