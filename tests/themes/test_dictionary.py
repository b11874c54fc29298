"""The installer's packed dictionary: unpacked once into the cache, byte for byte."""

from __future__ import annotations

import os
import sys

import pytest

from facilitator.themes import dictionary


@pytest.fixture
def packed(tmp_path):
    """A stand-in for sudachidict_core with only the packed file (as in the installer)."""
    package = tmp_path / "site" / "sudachidict_core"
    (package / "resources").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    original = tmp_path / "system.dic"
    original.write_bytes(os.urandom(100_000) + bytes(3_000_000) + b"end")
    dictionary.pack(original, package / "resources" / dictionary.PACKED_NAME)
    sys.path.insert(0, str(tmp_path / "site"))
    saved = sys.modules.pop("sudachidict_core", None)
    yield original, package
    sys.path.remove(str(tmp_path / "site"))
    sys.modules.pop("sudachidict_core", None)
    if saved is not None:
        sys.modules["sudachidict_core"] = saved


def test_installed_package_uses_its_own_file():
    # The venv's sudachidict-core holds system.dic: SudachiPy opens it itself.
    assert dictionary.system_dictionary() == "core"


def test_packed_copy_unpacks_once_into_the_cache(packed, private_cache):
    original, package = packed
    path = dictionary.system_dictionary()
    assert os.path.isabs(path) and os.path.dirname(path) == str(private_cache)
    assert open(path, "rb").read() == original.read_bytes()
    assert (package / "resources" / dictionary.PACKED_NAME).stat().st_size < 200_000
    written = os.stat(path).st_mtime_ns
    assert dictionary.system_dictionary() == path  # found, not written again
    assert os.stat(path).st_mtime_ns == written
    assert not [p for p in private_cache.iterdir() if p.name.endswith(".tmp")]
    os.remove(path)


def test_a_half_written_copy_is_written_again(packed, private_cache):
    original, _ = packed
    path = dictionary.system_dictionary()
    with open(path, "r+b") as f:
        f.truncate(1000)  # as if the disk filled up under another writer
    assert dictionary.system_dictionary() == path
    assert open(path, "rb").read() == original.read_bytes()
    os.remove(path)


def test_damaged_packed_file_is_refused(packed, private_cache):
    _, package = packed
    target = package / "resources" / dictionary.PACKED_NAME
    data = bytearray(target.read_bytes())
    data[-40] ^= 0xFF
    target.write_bytes(bytes(data))
    with pytest.raises(Exception):
        dictionary.system_dictionary()
    assert not [p for p in private_cache.iterdir() if p.name.startswith("sudachi-core-")]


def test_unwritable_cache_gets_a_copy_for_this_process(packed, tmp_path, monkeypatch):
    original, _ = packed
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("FURIKAERI_CACHE_DIR", str(blocker / "cache"))  # cannot be made
    path = dictionary.system_dictionary()
    assert open(path, "rb").read() == original.read_bytes()
