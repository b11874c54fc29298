"""The workshop file: one SQLite database per workshop, the only module that talks to SQLite.

* WAL journal with ``synchronous=NORMAL``: each edit is one committed
  transaction (about 0.1 ms) that survives a crash of the app.
* ``application_id`` marks the file as ours; ``user_version`` is its schema,
  migrated forward on open.  Files that are not workshops, are damaged or come
  from a newer version are refused before anything is written to them.
* One writer at a time: the first process to open a file holds an advisory
  lock (``flock`` on the file; a ``.lock`` file beside it on Windows) for as
  long as it has it open; later openers get the file read-only and are told so.
  The lock dies with the process, so a crash never leaves a file locked.
* Reading never writes (``info``, ``export``, ``report``...): see
  :class:`_ReadView`.  A full disk is told as such (:class:`DiskFull`), never
  as a damaged file, and the next write after space returns succeeds.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import struct
import tempfile
from pathlib import Path
from urllib.parse import quote

from facilitator.workshop import schema
from facilitator.workshop.changes import Change
from facilitator.errors import DiskFull, FurikaeriError
from facilitator.workshop.filelock import FileLock
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.model import RECORD_TYPES, Record
from facilitator.workshop.records import codec_for
from facilitator.workshop.store_errors import create_full, folder_of, is_disk_full, open_error

_MAGIC = b"SQLite format 3\x00"



class Store:
    """An open workshop file.  Use :meth:`create` or :meth:`open`."""

    def __init__(self, path: Path, conn: sqlite3.Connection, readonly: bool,
                 lock: "FileLock | None", readonly_reason: str = "") -> None:
        self.path = path
        self.conn: sqlite3.Connection | None = conn
        self.readonly = readonly
        self.readonly_reason = readonly_reason
        self._lock = lock
        self._view: _ReadView | None = None

    # -- opening -------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike, records=()) -> "Store":
        """Make a new workshop file holding ``records``; refuses to overwrite."""
        path = Path(path)
        if path.exists():
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "A file already exists at {path}; choose another name."),
                path=path)
        folder = path.parent if str(path.parent) else Path(".")
        if not folder.is_dir():
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "The folder {folder} does not exist."), folder=folder)
        tmp = path.with_name(path.name + ".part")
        try:
            # Made by us first so that it gets 0666 less the umask, like any
            # document (SQLite would make it 0644 less the umask).
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT, 0o666))
            conn = sqlite3.connect(str(tmp))
        except (sqlite3.Error, OSError) as exc:
            if getattr(exc, "errno", None) == errno.ENOSPC:
                raise create_full(path) from None
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Cannot write in the folder {folder}."), folder=folder) from None
        try:
            # Written before switching to WAL so the main file's header
            # always carries our application_id and schema version.
            conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            schema.create_current(conn)
            _write_records(conn, Change(added=tuple(records)))
            conn.execute("PRAGMA journal_mode = WAL")
            conn.close()
            os.replace(tmp, path)  # appears whole or not at all
        except (sqlite3.Error, OSError) as exc:
            conn.close()
            _remove_quietly(tmp)
            if getattr(exc, "errno", None) == errno.ENOSPC or (
                    isinstance(exc, sqlite3.Error) and is_disk_full(exc, folder)):
                raise create_full(path) from None
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Could not create {path}: {reason}"), path=path, reason=exc) from None
        except BaseException:
            conn.close()
            _remove_quietly(tmp)
            raise
        return cls.open(path)

    @classmethod
    def open(cls, path: str | os.PathLike, readonly: bool = False) -> "Store":
        """Open a workshop file, migrating it forward if it is older.

        ``readonly`` opens it only to read it: nothing of the file or of its
        sidecars is written, and what a killed writer left in the journal is
        seen (see :class:`_ReadView`).
        """
        path = Path(path)
        _check_header(path)
        if readonly:
            return cls._open_to_read(path)
        lock = FileLock.try_take(path)
        reason = ""
        if lock is None:
            readonly, reason = True, "locked"
        elif not (os.access(path, os.W_OK) and os.access(path.parent or ".", os.W_OK)):
            readonly, reason = True, "not_writable"
        conn = None
        try:
            version = _validate(path)
            if version < schema.SCHEMA_VERSION and readonly:
                raise _too_old(path)
            try:
                conn = _connect(path, readonly)
                if not readonly:
                    conn.execute("PRAGMA journal_mode = WAL")
                    if version < schema.SCHEMA_VERSION:
                        schema.migrate(conn, version)
            except sqlite3.Error as exc:
                raise open_error(exc, path) from None
        except BaseException:
            if conn is not None:
                conn.close()
            if lock:
                lock.release()
            raise
        return cls(path, conn, readonly, lock, reason)

    @classmethod
    def _open_to_read(cls, path: Path) -> "Store":
        view = _ReadView(path)
        try:
            if _validate(path, view) < schema.SCHEMA_VERSION:
                raise _too_old(path)
            try:
                conn = view.connect()
            except sqlite3.Error as exc:
                raise open_error(exc, path) from None
        except BaseException:
            view.close()
            raise
        store = cls(path, conn, True, None, "requested")
        store._view = view
        return store

    def close(self) -> None:
        """Close the file (checkpointing the journal) and release the lock."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self._view is not None:
            self._view.close()
            self._view = None
        if self._lock:
            self._lock.release()
            self._lock = None

    def copy_to(self, dest: str | os.PathLike) -> None:
        """Write a consistent copy of the whole file to ``dest`` (SQLite's backup)."""
        target = sqlite3.connect(str(dest))
        try:
            self.conn.backup(target)
        except sqlite3.Error as exc:
            raise OSError(str(exc)) from None
        finally:
            target.close()

    @property
    def db(self):
        """The file as a ``sqlite_utils.Database`` (for inspection and tests)."""
        import sqlite_utils
        return sqlite_utils.Database(self.conn, execute_plugins=False)

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- reading and writing -------------------------------------------------
    def load(self) -> dict[type[Record], list[Record]]:
        """Every record of the file, by type."""
        out: dict[type[Record], list[Record]] = {}
        try:
            for rtype in RECORD_TYPES:
                codec = codec_for(rtype)
                cur = self.conn.execute(f"SELECT {codec.select_sql} FROM [{rtype.TABLE}]")
                out[rtype] = [codec.from_row(row) for row in cur]
        except sqlite3.Error as exc:
            raise open_error(exc, self.path) from None
        finally:
            if self._view is not None:
                self._view.loaded()
        return out

    def write(self, change: Change) -> None:
        """Persist ``change`` as one committed transaction (all or nothing)."""
        if self.readonly:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{path} is open read-only; nothing was changed."),
                path=self.path)
        try:
            _write_records(self.conn, change)
        except sqlite3.Error as exc:
            if is_disk_full(exc, folder_of(self.path)):
                raise DiskFull(QT_TRANSLATE_NOOP(
                    "Errors", "The disk is full: the last change was not saved to {path}. "
                    "The file itself is intact; free some space and try again."),
                    path=self.path) from None
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Could not save to {path}: {reason}"),
                path=self.path, reason=exc) from None

    def data_version(self) -> int:
        """Changes when another connection commits to the file."""
        return self.conn.execute("PRAGMA data_version").fetchone()[0]

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # -- derived caches (not records: facilitator.themes.vectors) ------------------
    def read_cache(self, sql: str, params=()) -> list[tuple]:
        """Rows of a query on a derived cache table; none if it cannot be read.

        A cache is made again from the records, so a read that fails (a file
        being written by another process under a read-only view) is no error.
        """
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.Error:
            return []

    def write_cache(self, steps) -> bool:
        """Run ``steps`` ((sql, rows) pairs) on a derived cache table in one
        committed transaction; False when read-only or it failed (nothing kept).

        Not :meth:`write`: a cache is no user change (no undo, no listeners).
        """
        if self.readonly or self.conn is None:
            return False
        conn = self.conn
        try:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.execute("BEGIN IMMEDIATE")
            for sql, rows in steps:
                conn.executemany(sql, rows)
            conn.execute("COMMIT")
            return True
        except sqlite3.Error:
            try:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass
            return False


def _write_records(conn: sqlite3.Connection, change: Change) -> None:
    # Foreign keys are checked at COMMIT, so the order of a change's parts
    # (a theme added with its notes, a session removed with its groups)
    # does not matter; a change that leaves a dangling id is refused whole.
    if conn.in_transaction:  # a failed write whose ROLLBACK failed too (full disk)
        conn.execute("ROLLBACK")
    conn.execute("BEGIN IMMEDIATE")
    try:
        if change.added or change.removed:  # updates alone never leave an id dangling
            conn.execute("PRAGMA defer_foreign_keys = ON")
        for rec in change.added:
            codec = codec_for(type(rec))
            conn.execute(codec.insert_sql, codec.to_row(rec))
        for before, after in change.updated:
            codec = codec_for(type(after))
            sql, params = codec.update(before, after)
            if sql:
                conn.execute(sql, params)
        for rec in change.removed:
            conn.execute(codec_for(type(rec)).delete_sql, (rec.id,))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # rolled back before the next write; the first error is the one to tell
        raise


def peek(path: str | os.PathLike) -> dict | None:
    """Title, date and note count of a workshop file, read cheaply (for lists of files).

    None when the file is not a readable workshop; nothing is written.
    """
    path = Path(path)
    view = None
    try:
        _check_header(path)
        view = _ReadView(path)
        conn = view.connect()
        try:
            title, date = conn.execute(
                "SELECT title, date FROM workshop WHERE id = 'workshop'").fetchone() or ("", "")
            notes = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
        finally:
            conn.close()
    except (FurikaeriError, sqlite3.Error, OSError, TypeError):
        return None
    finally:
        if view is not None:
            view.close()
    return {"title": title or "", "date": date or "", "notes": notes}


def _connect(path: Path, readonly: bool, immutable: bool = False) -> sqlite3.Connection:
    if readonly:
        uri = f"file:{quote(str(path.resolve()))}?mode=ro"
        if immutable or not os.access(path.parent or ".", os.W_OK):
            uri += "&immutable=1"  # no -shm can be made; nobody can write either
        conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA busy_timeout = 2000")
    return conn


def _check_header(path: Path) -> None:
    """Refuse, without opening it as a database, a file that is not ours."""
    if not path.exists():
        raise FurikaeriError(QT_TRANSLATE_NOOP("Errors", "No such file: {path}"), path=path)
    if path.is_dir():
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is a folder, not a workshop file."), path=path)
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Cannot read {path}: {reason}"), path=path, reason=exc.strerror) from None
    if not header:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is empty (0 bytes): it is not a workshop file."), path=path)
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is not a workshop file."), path=path)
    user_version, = struct.unpack(">i", header[60:64])
    application_id, = struct.unpack(">i", header[68:72])
    if application_id != schema.APPLICATION_ID:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is an SQLite database but not a workshop file."), path=path)
    _check_version(path, user_version)


def _check_version(path: Path, version: int) -> None:
    if version > schema.SCHEMA_VERSION:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} was saved by a newer version of Furikaeri (file format "
            "{found}, this version reads up to {supported}); please update the app."),
            path=path, found=version, supported=schema.SCHEMA_VERSION)


def _validate(path: Path, view: "_ReadView | None" = None) -> int:
    """Check the file read-only (no checkpoint, no write); return its schema version."""
    try:
        # Without a journal beside it, nobody has the file open and it holds
        # nothing uncommitted: read it as immutable, so that checking a file
        # we then refuse leaves no -wal/-shm behind.
        conn = view.connect() if view else _connect(
            path, readonly=True, immutable=not _has_journal(path))
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            check = conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise open_error(exc, path) from None
    if app_id != schema.APPLICATION_ID:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is an SQLite database but not a workshop file."), path=path)
    _check_version(path, version)
    if check != "ok":
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "{path} is damaged and cannot be opened ({reason})."),
            path=path, reason=check)
    return version


def _too_old(path: Path) -> FurikaeriError:
    return FurikaeriError(QT_TRANSLATE_NOOP(
        "Errors", "{path} was made by an older version and must be "
        "upgraded, but it cannot be written now."), path=path)


# -- reading without writing --------------------------------------------------------
def _has_journal(path: Path) -> bool:
    """Whether a -wal or -journal with something in it lies beside ``path``."""
    for suffix in ("-wal", "-journal"):
        try:
            if os.stat(f"{path}{suffix}").st_size > 0:
                return True
        except OSError:
            pass
    return False


class _ReadView:
    """Where and how to read a workshop file without writing a byte of it or its sidecars.

    * Another process has it open for writing: read the live file with a
      read-only connection; that writer owns the -wal/-shm and changes them anyway.
    * Nobody has it and no journal lies beside it: read it ``immutable`` (SQLite
      makes no -shm and takes no lock); our lock is held until it is loaded, so
      that no writer of ours starts meanwhile.
    * Nobody has it but a journal is left (its writer was killed): even a
      read-only connection would rebuild the -shm, and closing would fold the
      journal in, so a private copy of the file and its journal is read instead
      (it sees the journal's edits; ~1.3 ms per MB, 65 ms for a 50 MB file).
    """

    def __init__(self, path: Path) -> None:
        self.path, self.immutable = path, False
        self.folder: Path | None = None
        self._lock = FileLock.try_take(path)
        if self._lock is None:
            return
        if not _has_journal(path):
            self.immutable = True
            return
        try:
            self.folder = Path(tempfile.mkdtemp(prefix="furikaeri-read-"))
            self.path = self.folder / path.name
            for suffix in ("", "-wal", "-journal"):
                if os.path.exists(f"{path}{suffix}"):
                    shutil.copyfile(f"{path}{suffix}", f"{self.path}{suffix}")
        except OSError as exc:
            self.close()
            if exc.errno == errno.ENOSPC:
                raise DiskFull(QT_TRANSLATE_NOOP(
                    "Errors", "The disk is full, so {path} cannot be opened. The file itself "
                    "is intact; free some space and try again."), path=path) from None
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "Cannot read {path}: {reason}"), path=path,
                reason=exc.strerror or exc) from None
        self.loaded()  # the copy is ours alone: writers may come

    def connect(self) -> sqlite3.Connection:
        if self.folder is not None:  # the private copy: SQLite may do as it likes
            return _connect(self.path, readonly=False)
        return _connect(self.path, readonly=True, immutable=self.immutable)

    def loaded(self) -> None:
        """The file has been read: another process may open it for writing."""
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def close(self) -> None:
        self.loaded()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None


def _remove_quietly(path: Path) -> None:
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        try:
            p.unlink()
        except OSError:
            pass
