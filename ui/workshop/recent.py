"""The recently opened workshops (File › Open Recent, the start screen's list).

Apart from :mod:`ui.workshop.start_screen` so that a window opening a workshop
at once does not load the start screen's widgets to remember the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

SETTING_RECENT = "recent"
MAX_RECENT = 10


def recent_files(settings: QSettings) -> list[str]:
    """Recently opened workshop files that still exist, newest first."""
    value = settings.value(SETTING_RECENT) or []
    if isinstance(value, str):  # QSettings gives a str for a one-item list
        value = [value]
    return [p for p in value if Path(p).exists()]


def remember_file(settings: QSettings, path: str | Path) -> None:
    path = str(Path(path).resolve())
    files = [path, *(p for p in recent_files(settings) if p != path)]
    settings.setValue(SETTING_RECENT, files[:MAX_RECENT])
