"""Translation of the core's messages, on Qt's own translation files.

Source strings are English and marked with :func:`QT_TRANSLATE_NOOP`, which
``pyside6-lupdate`` extracts into ``assets/translations/furikaeri_<lang>.ts``
like every other string of the app.  The Qt layer translates through
``QCoreApplication.translate`` with a translator reading the same ``.ts``
file; the core (the CLI, tests without Qt) reads it here with the standard
library.  One catalogue, one set of tools, no second translation system.
"""

from __future__ import annotations

import datetime
import functools
import marshal
import os
from pathlib import Path

from facilitator.paths import TRANSLATIONS_DIR

#: Languages the app speaks; Japanese first.
LANGUAGES = ("ja", "en")
DEFAULT_LANGUAGE = "ja"

_language = DEFAULT_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name)
    """Mark ``text`` for extraction by lupdate; returns it unchanged."""
    return text


def ts_path(lang: str) -> Path:
    """The Qt translation source file of ``lang``."""
    return TRANSLATIONS_DIR / f"furikaeri_{lang}.ts"


@functools.lru_cache(maxsize=None)
def load_catalog(lang: str) -> dict[tuple[str, str], str]:
    """``{(context, source): translation}`` of the finished entries of ``lang``.

    Parsing the XML costs ~12 ms of every start, so the result is kept (as plain
    data, with :mod:`marshal`) in the user's cache, keyed by the file's size and
    time; any problem with the cache falls back to parsing.
    """
    path = ts_path(lang)
    if lang == "en" or not path.exists():
        return {}
    from facilitator.paths import cache_dir
    st = path.stat()
    key = f"catalog-1-{st.st_size}-{st.st_mtime_ns}"
    cached = cache_dir() / f"catalog-{lang}.marshal"
    try:
        stored_key, catalog = marshal.loads(cached.read_bytes())
        if stored_key == key and isinstance(catalog, dict):
            return catalog
    except (OSError, EOFError, ValueError, TypeError):
        pass
    catalog = _parse_ts(path)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_name(f"{cached.name}.{os.getpid()}.part")
        tmp.write_bytes(marshal.dumps((key, catalog)))
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only cache only costs time
    return catalog


def _parse_ts(path: Path) -> dict[tuple[str, str], str]:
    import xml.etree.ElementTree as ET
    catalog: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name", "")
        for msg in ctx.iter("message"):
            source = msg.findtext("source")
            tr = msg.find("translation")
            if source is None or tr is None or not tr.text:
                continue
            if tr.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            catalog[(name, source)] = tr.text
    return catalog


def resolve_language(lang: str | None = None) -> str:
    """``lang`` if given, else ``FURIKAERI_LANG``, else Japanese."""
    lang = lang or os.environ.get("FURIKAERI_LANG") or DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str | None) -> str:
    """Choose the language of :func:`translate`; returns the one chosen."""
    global _language
    _language = resolve_language(lang)
    return _language


def language() -> str:
    """The language in force."""
    return _language


def translate(context: str, text: str, lang: str | None = None) -> str:
    """``text`` in the chosen language (itself when there is no translation)."""
    return load_catalog(lang or _language).get((context, text), text)


_WEEKDAYS_JA = "月火水木金土日"
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun",
              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def format_date(value: str, lang: str | None = None) -> str:
    """An ISO date as people read it: ``2026年11月20日（金）`` in Japanese,
    ``20 Nov 2026 (Fri)`` in English; anything else (「12月末」) as it is.

    One form for every date the minutes print (cover, running header, due
    dates), whatever the computer's locale.
    """
    try:
        d = datetime.date.fromisoformat(str(value or "").strip())
    except ValueError:
        return value
    if (lang or _language) == "ja":
        return f"{d.year}年{d.month}月{d.day}日（{_WEEKDAYS_JA[d.weekday()]}）"
    return f"{d.day} {_MONTHS_EN[d.month - 1]} {d.year} ({_WEEKDAYS_EN[d.weekday()]})"
