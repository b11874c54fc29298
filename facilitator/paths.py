"""Where the app's shipped files live (works from a checkout and a PyInstaller build)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

if getattr(sys, "frozen", False):  # PyInstaller one-folder build
    ROOT = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
else:
    ROOT = Path(__file__).resolve().parent.parent

ASSETS_DIR = ROOT / "assets"
TEMPLATES_DIR = ASSETS_DIR / "templates"
TRANSLATIONS_DIR = ASSETS_DIR / "translations"
STAMPS_DIR = ASSETS_DIR / "stamps"
SOUNDS_DIR = ASSETS_DIR / "sounds"
DEMO_DIR = ASSETS_DIR / "demo"
FONTS_DIR = ASSETS_DIR / "fonts"

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
