"""SQLite's full-disk errors, injected at a workshop's connection (for any user, any file system)."""

from __future__ import annotations

import sqlite3


class FullDisk:
    """A connection whose writes fail as SQLite fails them on a full disk, until space is back."""

    def __init__(self, conn: sqlite3.Connection, error: str = "database or disk is full") -> None:
        self.conn, self.error, self.full = conn, error, True
        self.failed_rollbacks = 0

    def execute(self, sql: str, *args):
        if self.full and sql.startswith(("INSERT", "UPDATE", "DELETE")):
            raise sqlite3.OperationalError(self.error)
        if self.full and sql == "ROLLBACK" and self.failed_rollbacks:
            self.failed_rollbacks -= 1
            raise sqlite3.OperationalError("disk I/O error")
        return self.conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self.conn, name)
