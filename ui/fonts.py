"""The shipped Japanese font, made the app's default so no system font is assumed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from facilitator.paths import japanese_font_path

_family: str | None = None


def load_japanese_font() -> str | None:
    """Register IPAexGothic with Qt (once); returns its family name, or None."""
    global _family
    if _family is None:
        try:
            path = japanese_font_path()
        except ImportError:  # a build without the font package: Qt's fallback fonts
            return None
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _family = families[0] if families else ""
    return _family or None


def use_japanese_font(app: QApplication) -> str | None:
    """Make the Japanese font the default family of every widget of ``app``."""
    family = load_japanese_font()
    if family:
        font = QFont(app.font())
        font.setFamilies([family, *app.font().families()])
        app.setFont(font)
    return family
