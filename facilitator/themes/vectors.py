"""Sentence vectors of notes kept in the workshop file: a cache, so a reopened
workshop proposes themes at once.

The table ``note_vectors`` holds one row per normalised text
(:func:`facilitator.themes.textnorm.normalise`) and encoder: identical notes,
and a note edited back to an earlier text, share it.  A row whose ``key`` is
not its encoder's current :attr:`~facilitator.themes.encoders.Encoder.key`
(another package version) is stale: it is never returned, and
:func:`prune` removes it.  Rows of an encoder not installed here (e5 on
Windows) are kept: the file may go back to a machine that has it.

This is derived data, not the user's work: it is written through
:meth:`Store.write_cache`, outside :meth:`Workshop.apply` (no undo step, no
listener, nothing to save), but committed like any edit.  A file open
read-only is never written: what is computed for it stays in memory.

Vectors are float32 and stored as their bytes, so they come back bitwise.
"""

from __future__ import annotations

from typing import Iterable
from weakref import WeakKeyDictionary

import numpy as np

from facilitator.themes.encoders import Encoder, available
from facilitator.themes.textnorm import normalise

TABLE = "note_vectors"
_CHUNK = 500  # keys per IN (...): well under SQLite's bound on parameters

# Vectors made for a file that cannot be written (read-only, or a failed write).
_memory: WeakKeyDictionary = WeakKeyDictionary()


def text_key(text: str) -> str:
    """The key a text's vectors are kept under (the window encodes the text as typed)."""
    return normalise(text)


def _encoders(names: Iterable[str] | None = None) -> list[Encoder]:
    found = list(available())
    return found if names is None else [e for e in found if e.name in set(names)]


def _fetch(ws, keys: list[str], encs: list[Encoder]) -> dict[tuple[str, str], bytes]:
    """Current vectors of ``keys`` as bytes: (text_key, encoder name) -> float32 bytes."""
    current = {e.name: e for e in encs}
    out: dict[tuple[str, str], bytes] = {}
    unique = list(dict.fromkeys(k for k in keys if k))
    for start in range(0, len(unique), _CHUNK):
        part = unique[start:start + _CHUNK]
        rows = ws.store.read_cache(
            f"SELECT text_key, encoder, key, dim, vector FROM {TABLE} "
            f"WHERE text_key IN ({', '.join('?' * len(part))})", part)
        for tkey, name, key, dim, blob in rows:
            enc = current.get(name)
            if enc is None or key != enc.key or dim != enc.dim or len(blob) != 4 * dim:
                continue  # stale or foreign: made again
            out[(tkey, name)] = blob
    for (tkey, name), (key, row) in _memory.get(ws.store, {}).items():
        enc = current.get(name)
        if enc is not None and key == enc.key:
            out.setdefault((tkey, name), row)
    return out


def stored_vectors(ws, texts: list[str]) -> dict[str, np.ndarray | None]:
    """For each encoder installed here, the stored vectors of ``texts``.

    An array of ``len(texts)`` float32 rows (in the order of ``texts``) when
    every text has a current vector, else None (:func:`missing_texts` tells
    which).  A text with nothing in it (empty key) gets a row of zeros.
    Reads only; ready to pass to ``propose_themes(vectors=...)``.
    """
    encs = _encoders()
    keys = [text_key(t) for t in texts]
    found = _fetch(ws, keys, encs)
    out: dict[str, np.ndarray | None] = {}
    for enc in encs:
        zero = bytes(4 * enc.dim)
        parts = [found.get((key, enc.name), None if key else zero) for key in keys]
        if any(p is None for p in parts):
            out[enc.name] = None
            continue
        # One copy of the bytes into one array: the rows come back bitwise.
        rows = np.frombuffer(b"".join(parts), dtype=np.float32).reshape(len(keys), enc.dim)
        out[enc.name] = rows.copy()   # writable, as callers may expect
    return out


def known_keys(ws) -> dict[str, set[str]]:
    """Encoder name -> the text keys that have a current vector (no vector is read)."""
    encs = _encoders()
    out: dict[str, set[str]] = {e.name: set() for e in encs}
    current = {e.name: e.key for e in encs}
    for tkey, name, key in ws.store.read_cache(f"SELECT text_key, encoder, key FROM {TABLE}"):
        if current.get(name) == key:
            out[name].add(tkey)
    for (tkey, name), (key, _row) in _memory.get(ws.store, {}).items():
        if current.get(name) == key:
            out[name].add(tkey)
    return out


def missing_texts(ws, texts: Iterable[str]) -> dict[str, list[str]]:
    """Encoder name -> the text keys among ``texts`` still lacking its vector
    (distinct, in the order first met; encode these and :func:`store_vectors`)."""
    have = known_keys(ws)
    keys = [k for k in dict.fromkeys(text_key(t) for t in texts) if k]
    return {name: [k for k in keys if k not in known] for name, known in have.items()}


def store_vectors(ws, encoder: str, keys: list[str], vectors: np.ndarray) -> bool:
    """Keep ``vectors`` (rows of ``keys``, made by the installed ``encoder`` now).

    Committed to the file in one transaction, outside the change path; True
    if written, False if kept in memory only (read-only file, failed write).
    """
    enc = next((e for e in available() if e.name == encoder), None)
    if enc is None:
        raise ValueError(f"no encoder {encoder!r} here")
    vectors = np.ascontiguousarray(vectors, dtype=np.float32).reshape(len(keys), enc.dim)
    rows = [(k, enc.name, enc.key, enc.dim, row.tobytes()) for k, row in zip(keys, vectors) if k]
    written = ws.store.write_cache([(
        f"INSERT OR REPLACE INTO {TABLE} (text_key, encoder, key, dim, vector) "
        "VALUES (?, ?, ?, ?, ?)", rows)])
    if not written:
        memory = _memory.setdefault(ws.store, {})
        for k, name, key, _dim, blob in rows:
            memory[(k, name)] = (key, blob)
    return written


def prune(ws, texts: Iterable[str] | None = None) -> int:
    """Remove stale rows (an installed encoder's old key) and, given the texts
    of every note, rows no note has any more; how many went.  Never on a
    read-only file."""
    if ws.readonly:
        return 0
    current = {e.name: e.key for e in available()}
    wanted = None if texts is None else {text_key(t) for t in texts}
    gone = [(tkey, name) for tkey, name, key in ws.store.read_cache(
                f"SELECT text_key, encoder, key FROM {TABLE}")
            if (name in current and key != current[name])
            or (wanted is not None and tkey not in wanted)]
    if gone and ws.store.write_cache([(
            f"DELETE FROM {TABLE} WHERE text_key = ? AND encoder = ?", gone)]):
        return len(gone)
    return 0


def encode_keys(encoder: Encoder, keys: list[str]) -> np.ndarray:
    """What is stored for ``keys``: the encoder's vectors of the key texts."""
    return encoder.encode(keys)
