"""Telling what went wrong with a workshop file: a full disk, damage, or another fault.

A full disk is never called damage (a user may throw a "damaged" file away),
and damage is only claimed when SQLite found it.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from facilitator.errors import DiskFull, FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP

# SQLite's primary result codes (the low byte of an extended code).
_IOERR, _CORRUPT, _FULL, _NOTADB = 10, 11, 13, 26
# With less free space than this, a "disk I/O error" is a full disk: SQLite
# reports ENOSPC that way when it cannot grow its -shm index.
LOW_SPACE = 1 << 20


def folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def free_space(folder: Path) -> int:
    """Bytes free on the disk holding ``folder`` (huge when that cannot be found out)."""
    try:
        return shutil.disk_usage(folder).free
    except OSError:
        return 1 << 62  # unknown: never claim a full disk without seeing it


def is_disk_full(exc: sqlite3.Error, folder: Path) -> bool:
    """Whether SQLite's ``exc`` means the disk holding ``folder`` has no room left."""
    code = getattr(exc, "sqlite_errorcode", None)
    code = code & 0xFF if isinstance(code, int) else None
    if code == _FULL or "database or disk is full" in str(exc):
        return True
    if code == _IOERR or "disk I/O error" in str(exc):
        return free_space(folder) < LOW_SPACE
    return False


def open_error(exc: sqlite3.Error, path: Path) -> FurikaeriError:
    """What to tell about a file SQLite could not open: "damaged" only when it is."""
    if is_disk_full(exc, folder_of(path)):
        return DiskFull(QT_TRANSLATE_NOOP(
            "Errors", "The disk is full, so {path} cannot be opened. The file itself is "
            "intact; free some space and try again."), path=path)
    code = getattr(exc, "sqlite_errorcode", None)
    code = code & 0xFF if isinstance(code, int) else None
    if code in (_CORRUPT, _NOTADB) or (code is None and (
            "malformed" in str(exc) or "not a database" in str(exc))):
        return FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is damaged and cannot be opened ({reason})."),
            path=path, reason=exc)
    return FurikaeriError(QT_TRANSLATE_NOOP(
        "Errors", "Cannot read {path}: {reason}"), path=path, reason=exc)


def create_full(path: Path) -> DiskFull:
    return DiskFull(QT_TRANSLATE_NOOP("Errors", "The disk is full; {path} was not created."),
                    path=path)
