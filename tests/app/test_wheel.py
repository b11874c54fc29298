"""The wheel is the whole app: built, installed in a fresh venv, run from elsewhere.

The wheel is built from a copy of the checkout (no stale ``build/`` folder can
slip files in) without build isolation, so no network is needed.  The fresh
venv reuses the dev venv's third-party packages through a ``.pth`` line (only
Furikaeri itself comes from the wheel), and every command runs from a
temporary folder, so the checkout is not importable: the test proves where
``facilitator`` was imported from.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

#: A script run by the installed interpreter: where things came from, and
#: whether the window speaks Japanese with its pictograms (as a user sees it).
PROBE = r"""
import json, sys
from PySide6.QtCore import QSettings
import facilitator, ui
from facilitator import i18n, paths
from facilitator.workshop.model import PICTOGRAMS
from ui import i18n as ui_i18n
from ui.app import application
from ui.board.items import StampItem, stamp_renderer

app = application()
ui_i18n.install_translator("ja")
from ui.main_window import MainWindow
window = MainWindow(QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.resize(1280, 800)
window.open_path(sys.argv[1], raise_errors=True)
window.show()
app.processEvents()
stamps = [i for i in window.board.scene().items() if isinstance(i, StampItem)]
print(json.dumps({
    "facilitator": facilitator.__file__, "ui": ui.__file__, "assets": str(paths.ASSETS_DIR),
    "catalog": len(i18n.load_catalog("ja")),
    "qt_translator": ui_i18n._qt_installed is not None,
    "menus": [a.text() for a in window.menuBar().actions()],
    "title": window.windowTitle(),
    "pictograms": {p: stamp_renderer(p) is not None for p in PICTOGRAMS},
    "stamps_on_board": len(stamps),
    "placeholders_on_board": sum(s.is_placeholder() for s in stamps),
    "window_icon": not app.windowIcon().isNull(),
}, ensure_ascii=False))
window.close()
"""

_NOT_SOURCE = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info",
                                     "__pycache__", ".pytest_cache", ".import_linter_cache",
                                     "*.furikaeri*", "out", "bench-*.json")


class Installed:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.work = tmp / "elsewhere"
        self.work.mkdir()
        self.venv = tmp / "venv"
        self.wheel = _build_wheel(tmp)
        _make_venv(self.venv)
        subprocess.run([self.python, "-m", "pip", "install", "--quiet", "--no-deps",
                        "--no-index", str(self.wheel)], check=True, cwd=self.work,
                       env=self.env, capture_output=True)

    @property
    def python(self) -> str:
        return str(self.venv / "bin" / "python")

    @property
    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV")}
        home = self.tmp / "home"
        env.update(PATH=f"{self.venv / 'bin'}{os.pathsep}{env.get('PATH', '')}",
                   HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                   XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
                   QT_QPA_PLATFORM="offscreen", FURIKAERI_LANG="ja")
        return env

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """``furikaeri ARGS`` as installed, from a folder that is not the checkout."""
        done = subprocess.run([str(self.venv / "bin" / "furikaeri"), *args], cwd=self.work,
                              env=self.env, capture_output=True, text=True, timeout=600)
        if check:
            assert done.returncode == 0, f"furikaeri {' '.join(args)}: {done.stderr[-2000:]}"
            assert "Traceback" not in done.stderr, done.stderr
        return done


def _build_wheel(tmp: Path) -> Path:
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    out = tmp / "wheelhouse"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                    "--no-build-isolation", "-w", str(out), str(source)],
                   check=True, capture_output=True, cwd=tmp)
    (wheel,) = out.glob("furikaeri-*.whl")
    return wheel


def _make_venv(venv: Path) -> None:
    """A venv without pip whose only extra path is the dev venv's site-packages.

    A plain path in a ``.pth`` file (no ``import`` line) adds that folder but
    does not run the ``.pth`` files in it, so the dev venv's editable install of
    Furikaeri (a finder hooked in by a ``.pth``) stays out.
    """
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = Path(subprocess.run(
        [str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True, capture_output=True, text=True).stdout.strip())
    dev = {sysconfig.get_paths()[k] for k in ("purelib", "platlib")}
    (site / "_furikaeri_dev_packages.pth").write_text("\n".join(sorted(dev)) + "\n")


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Installed:
    return Installed(tmp_path_factory.mktemp("wheel"))


@pytest.fixture(scope="module")
def demo(installed) -> Path:
    path = installed.work / "demo.furikaeri"
    installed.run("demo", "--create", str(path))
    return path


def test_the_wheel_carries_every_module_and_every_asset(installed):
    names = set(zipfile.ZipFile(installed.wheel).namelist())
    for package in ("facilitator", "ui"):
        for source in (ROOT / package).rglob("*.py"):
            assert source.relative_to(ROOT).as_posix() in names
    assert "facilitator/workshop/schema.sql" in names
    assets = ROOT / "assets"
    for asset in assets.rglob("*"):
        if asset.is_file() and "__pycache__" not in asset.parts:
            assert f"furikaeri_assets/{asset.relative_to(assets).as_posix()}" in names


def test_new_from_the_standard_template(installed):
    path = installed.work / "new.furikaeri"
    installed.run("new", str(path), "--template", "standard", "--title", "春の振り返り")
    info = json.loads(installed.run("info", str(path)).stdout)
    assert info["title"] == "春の振り返り"
    assert info["sessions"] >= 3


def test_the_window_is_japanese_with_its_pictograms(installed, demo):
    shot = installed.work / "window.png"
    installed.run("open", str(demo), "--screenshot", str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    done = subprocess.run([installed.python, "-c", PROBE, str(demo),
                           str(installed.tmp / "settings.ini")],
                          cwd=installed.work, env=installed.env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    site = str(installed.venv)
    # Imported from the wheel, not from the checkout.
    for where in ("facilitator", "ui", "assets"):
        assert probe[where].startswith(site), probe[where]
    assert probe["catalog"] > 300
    assert probe["qt_translator"]  # Qt's own buttons in Japanese
    assert "ファイル" in "".join(probe["menus"]), probe["menus"]
    assert all(probe["pictograms"].values()), probe["pictograms"]
    # The demo opens on a board with pictograms: drawn, not "?" placeholders.
    assert probe["stamps_on_board"] > 0 and probe["placeholders_on_board"] == 0, probe
    assert probe["window_icon"]


def test_report_writes_japanese_minutes(installed, demo):
    from pypdf import PdfReader
    pdf = installed.work / "minutes.pdf"
    installed.run("report", str(demo), "-o", str(pdf))
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    assert "議事録" in text or "プログラム" in text, text[:500]


def test_cluster_proposes_themes(installed, demo):
    done = installed.run("cluster", str(demo), "--json")
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(rows) > 10
