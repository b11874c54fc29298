"""What a bug report needs: the app's version and a rotating log file.

The log lives in the user's log folder (:func:`facilitator.paths.log_dir`):
``furikaeri.log``, rotated at 1 MB, five old files kept.  Start-up (version,
Python, platform), opened files, errors and uncaught exceptions go there.
Logging never writes to stderr and never stops the app: a log folder that
cannot be written only means there is no log.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

#: The logger every part of the app logs to (``logging.getLogger(LOGGER)`` or a child).
LOGGER = "furikaeri"
LOG_FILE = "furikaeri.log"
MAX_BYTES = 1_000_000
BACKUPS = 5

log = logging.getLogger(LOGGER)
_handler: "_QuietFileHandler | None" = None


def app_version() -> str:
    """The installed version (package metadata), else the one the source says."""
    try:
        from importlib.metadata import version
        return version("furikaeri")
    except Exception:  # not installed (a checkout on sys.path, a frozen build)
        from facilitator import __version__
        return __version__


class _QuietFileHandler(RotatingFileHandler):
    """A rotating file that drops a record it cannot write (full disk, rotation
    refused on Windows) instead of printing logging's complaint to stderr."""

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 (logging's name)
        pass


def setup_logging(folder: Path | None = None) -> Path | None:
    """Send the app's log to ``folder`` (the user's log folder by default).

    Returns the log file, or None when it cannot be written (nothing else
    happens then).  Calling it again with another folder moves the log there.
    """
    global _handler
    log.setLevel(logging.INFO)
    log.propagate = False  # never to the root logger, whose last resort is stderr
    if not any(isinstance(h, logging.NullHandler) for h in log.handlers):
        log.addHandler(logging.NullHandler())
    if folder is None:
        from facilitator.paths import log_dir
        folder = log_dir()
    path = Path(folder).absolute() / LOG_FILE
    if _handler is not None:
        if _handler.baseFilename == str(path):
            return path
        close_log()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                    encoding="utf-8")
    except (OSError, ValueError):
        return None
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    _handler = handler
    return path


def log_file() -> Path | None:
    """The file the log is written to, if any."""
    return Path(_handler.baseFilename) if _handler is not None else None


def close_log() -> None:
    """Stop writing the log file (tests; the file stays)."""
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None


def log_startup(what: str, extra: str = "") -> None:
    """One line naming the version, Python and the platform, for a bug report."""
    import platform

    # The source's version: importlib.metadata would add ~15 ms to every start
    # (tests/test_log_file.py keeps the two the same).
    from facilitator import __version__
    log.info("Furikaeri %s start (%s): Python %s, %s %s %s%s", __version__, what,
             platform.python_version(), platform.system(), platform.release(),
             platform.machine(), f", {extra}" if extra else "")


def log_uncaught(exc_type, exc, tb, where: str = "") -> None:
    """Log an exception nobody caught, with its traceback."""
    log.critical("Uncaught exception%s", f" ({where})" if where else "",
                 exc_info=(exc_type, exc, tb))



def shipped_libraries(root: str = "furikaeri") -> list[tuple[str, str, str]]:
    """``(name, version, licence)`` of every library the app installs with it.

    Read from the installed packages' metadata (the requirements of ``root``,
    followed down), so the list follows what is really installed; empty where
    there is no metadata (a frozen build without it).
    """
    from importlib.metadata import PackageNotFoundError, distribution
    try:
        from packaging.requirements import Requirement  # matplotlib's dependency
    except ImportError:
        Requirement = None  # noqa: N806
    found: dict[str, tuple[str, str, str]] = {}
    todo, seen = [root], set()
    while todo:
        name = todo.pop()
        key = name.lower().replace("_", "-").replace(".", "-")
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        if key != root:
            found[key] = (dist.metadata["Name"] or name, dist.version, _licence_of(dist))
        for spec in dist.requires or ():
            if Requirement is None:
                if ";" not in spec:
                    todo.append(spec.split()[0].split("[")[0].rstrip("<>=!~"))
                continue
            req = Requirement(spec)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return sorted(found.values(), key=lambda item: item[0].lower())


def _licence_of(dist) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or ()
                   if c.startswith("License ::")]
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    if classifiers:
        return ", ".join(classifiers)
    return text.splitlines()[0][:60] if text else "?"
