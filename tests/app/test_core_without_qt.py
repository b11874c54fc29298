"""The core runs where Qt is not installed: no facilitator module needs PySide6 or ui."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from facilitator.paths import cache_dir

SCRIPT = r'''
import importlib, json, pkgutil, sys

BLOCKED = ("PySide6", "shiboken6", "ui")

class NoQt:
    """Behaves as if Qt and the ui layer were not installed."""
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is not installed here")
        return None

sys.meta_path.insert(0, NoQt())

import facilitator
from facilitator.cli import main

path = sys.argv[1]
result = {"new": main(["--lang", "en", "new", path, "--title", "Qtなし"])}
result["info"] = main(["--lang", "en", "info", path])
result["open"] = main(["--lang", "en", "open", path])
modules = []
for info in pkgutil.walk_packages(facilitator.__path__, "facilitator."):
    if info.name == "facilitator.__main__":  # importing it runs the command
        continue
    importlib.import_module(info.name)
    modules.append(info.name)
result["modules"] = modules
result["qt_loaded"] = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
print(json.dumps(result, ensure_ascii=False))
'''


def test_core_works_without_qt(tmp_path):
    path = tmp_path / "qtなし.furikaeri"
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(path)], capture_output=True,
                         text=True, timeout=120, env={
                             "PATH": "", "LANG": "C.UTF-8", "FURIKAERI_CACHE_DIR": str(cache_dir()),
                             **{k: os.environ[k] for k in ("XDG_CACHE_HOME", "XDG_STATE_HOME")
                                if k in os.environ}})  # the tests' own cache and log
    assert run.returncode == 0, run.stderr
    *printed, last = run.stdout.strip().splitlines()
    result = json.loads(last)
    info = json.loads(printed[-1])
    assert (result["new"], result["info"]) == (0, 0)
    assert info["title"] == "Qtなし" and info["sessions"] == 5
    # The window commands fail with one clear line, not a traceback.
    assert result["open"] == 2
    assert run.stderr.strip().count("\n") == 0 and "not available" in run.stderr
    assert {"facilitator.cli", "facilitator.workshop.store", "facilitator.workshop"} <= set(
        result["modules"])
    assert result["qt_loaded"] == []
