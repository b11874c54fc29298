"""The advisory lock a process holds while it has a workshop file open for writing.

``flock`` on the file itself (a ``.lock`` file beside it on Windows): it dies
with the process, so a crash never leaves a file locked, and it is separate
from the ``fcntl`` locks SQLite uses, so holding it never blocks SQLite.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


class FileLock:
    """An advisory lock held while a process has a workshop open for writing."""

    def __init__(self, fd: int, sidecar: Path | None) -> None:
        self._fd = fd
        self._sidecar = sidecar

    @classmethod
    def try_take(cls, path: Path) -> "FileLock | None":
        if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
            import msvcrt
            sidecar = path.with_name(path.name + ".lock")
            try:
                fd = os.open(sidecar, os.O_RDWR | os.O_CREAT)
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            except OSError:
                return None
            return cls(fd, sidecar)
        import fcntl
        # flock() locks are separate from the fcntl() locks SQLite uses,
        # so holding one never blocks SQLite itself.
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        return cls(fd, None)

    def release(self) -> None:
        if self._fd < 0:
            return
        os.close(self._fd)
        self._fd = -1
        if self._sidecar is not None:  # pragma: no cover - Windows
            try:
                self._sidecar.unlink()
            except OSError:
                pass

