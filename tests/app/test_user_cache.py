"""The tests keep the app's caches in a folder of their own, never in the user's.

conftest.py points ``FURIKAERI_CACHE_DIR`` at a temporary folder before any test
module loads and watches (an audit hook) for writes into the user's real cache.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import conftest
from facilitator.paths import cache_dir


def test_the_cache_folder_is_the_platforms_unless_one_is_named(tmp_path, monkeypatch):
    monkeypatch.delenv("FURIKAERI_CACHE_DIR")
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
        assert cache_dir() == tmp_path / "furikaeri"
        monkeypatch.delenv("XDG_CACHE_HOME")
        assert cache_dir() == Path.home() / ".cache" / "furikaeri"
    monkeypatch.setenv("FURIKAERI_CACHE_DIR", str(tmp_path / "elsewhere"))
    assert cache_dir() == tmp_path / "elsewhere"


def test_tests_and_the_programs_they_start_use_a_private_cache(private_cache):
    assert cache_dir() == private_cache != conftest.USER_CACHE
    child = subprocess.run(
        [sys.executable, "-c", "from facilitator.paths import cache_dir; print(cache_dir())"],
        capture_output=True, text=True, check=True, timeout=60)
    assert Path(child.stdout.strip()) == private_cache


def test_the_guard_sees_writes_into_the_user_cache(tmp_path, monkeypatch):
    import numpy as np
    pretend = tmp_path / "user-cache"  # stands for the user's folder: never the real one
    monkeypatch.setattr(conftest, "USER_CACHE", pretend)
    seen = conftest._writes_to_user_cache
    before = len(seen)
    try:
        pretend.mkdir()
        np.save(pretend / "a.npy", np.zeros(3))
        os.replace(pretend / "a.npy", pretend / "b.npy")
        (pretend / "b.npy").read_bytes()  # reading is fine
        caught = seen[before:]
    finally:
        del seen[before:]  # only pretended: the session check must stay green
    assert [c.split()[0] for c in caught] == ["os.mkdir", "open", "os.rename"]
