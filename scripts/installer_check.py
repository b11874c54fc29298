"""Check the built app as a user receives it (``make installer-check``).

    python scripts/installer_check.py dist/furikaeri

Every command runs the frozen ``furikaeri`` with a clean environment, as
``env -i`` leaves it: a temporary HOME, a PATH with nothing on it (no Python),
and ``QT_QPA_PLATFORM=offscreen`` passed explicitly; from a temporary folder.
It checks the window (screenshots), ``cluster``, ``report``, a CP932 CSV
import and every export, plus what the bundle must carry (Qt's Japanese, the
app's catalogue, the encoder's files).  Prints one line per check and the
bundle's size; exits 1 if any check failed.  Screenshots are kept in
``--keep DIR`` when given, to look at.
"""

from __future__ import annotations

import argparse
import json
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CP932_CSV = "本文,名前,グループ\n" \
            "髙橋さんの「①〜⑩」の整理が分かりやすかった,髙橋,A\n" \
            "次回は﨑山さんの工場も見学したい,﨑山,B\n" \
            "ＮＥＣの事例：小さく始めて続ける,山田,A\n"
#: Libraries PyInstaller leaves to the system on purpose (the graphics and desktop
#: stack, matched to its drivers); a machine without Wayland lacks some of them.
SYSTEM_LIBRARIES = ("libGL", "libEGL", "libwayland-", "libvulkan", "libdrm", "libgbm",
                    "libxkbcommon", "libX", "libxcb")
JAPANESE = range(0x3040, 0x30FF)  # kana: a message in Japanese has some


def has_japanese(text: str) -> bool:
    return any(ord(c) in JAPANESE for c in text)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise AssertionError(f"{path.name} is not a PNG")
    return struct.unpack(">II", data[16:24])


class Checker:
    def __init__(self, app_dir: Path, tmp: Path) -> None:
        self.exe = app_dir / ("furikaeri.exe" if sys.platform == "win32" else "furikaeri")
        self.app_dir = app_dir
        self.work = tmp / "work"
        self.work.mkdir()
        empty_bin = tmp / "bin"
        empty_bin.mkdir()
        # What `env -i` leaves, plus the three things the check itself sets.
        self.env = {"HOME": str(tmp / "home"), "PATH": str(empty_bin),
                    "QT_QPA_PLATFORM": "offscreen"}
        self.failed: list[str] = []

    def run(self, *args: str, code: int = 0) -> subprocess.CompletedProcess:
        start = time.perf_counter()
        done = subprocess.run([str(self.exe), *args], cwd=self.work, env=self.env,
                              capture_output=True, text=True, encoding="utf-8", timeout=600)
        done.seconds = time.perf_counter() - start
        if "Traceback" in done.stderr:
            raise AssertionError(f"furikaeri {' '.join(args)}: traceback\n{done.stderr[-3000:]}")
        if done.returncode != code:
            raise AssertionError(f"furikaeri {' '.join(args)}: exit {done.returncode}, "
                                 f"expected {code}\n{done.stderr[-3000:]}")
        return done

    def check(self, name: str, fn) -> None:
        try:
            note = fn()
        except Exception as exc:  # noqa: BLE001 - every failure is reported, then the next
            self.failed.append(name)
            print(f"FAIL {name}: {exc}", flush=True)
        else:
            print(f"ok   {name}{': ' + note if note else ''}", flush=True)

    # -- the bundle ------------------------------------------------------------------
    def bundle(self) -> str:
        files = [p for p in self.app_dir.rglob("*") if p.is_file() and not p.is_symlink()]
        names = {p.name for p in files}
        for needed in ("qtbase_ja.qm", "furikaeri_ja.ts", "sp.model", "weights.npz",
                       "ipaexg.ttf", "system.dic.zlib", "chime.wav"):
            if needed not in names:
                raise AssertionError(f"{needed} is not in the bundle")
        blas = sorted(p.name for p in files if "openblas" in p.name.lower())
        mb = sum(p.stat().st_size for p in files) / 2**20
        return f"{mb:.0f} MB in {len(files)} files; OpenBLAS: {', '.join(blas)}"

    def libraries(self) -> str:
        """Linux: every shared library finds what it links (the spec drops some)."""
        if not sys.platform.startswith("linux") or not shutil.which("ldd"):
            return "skipped (ldd is Linux's)"
        internal = self.app_dir / "_internal"
        env = {"LD_LIBRARY_PATH": str(internal), "PATH": "/usr/bin:/bin"}  # as the bootloader
        elves = [p for p in internal.rglob("*.so*") if p.is_file() and not p.is_symlink()
                 and p.read_bytes()[:4] == b"\x7fELF"]
        missing, system = set(), set()
        for lib in elves:
            out = subprocess.run(["ldd", str(lib)], env=env, capture_output=True, text=True).stdout
            for line in out.splitlines():
                if "not found" in line:
                    name = line.split()[0]
                    if name.startswith(SYSTEM_LIBRARIES):
                        system.add(name)
                    else:
                        missing.add(f"{lib.relative_to(internal)} needs {name}")
        if missing:
            raise AssertionError("; ".join(sorted(missing)))
        note = f"{len(elves)} libraries, none misses a bundled dependency"
        if system:
            note += f" (not on this machine, from the user's desktop: {', '.join(sorted(system))})"
        return note

    # -- commands --------------------------------------------------------------------
    def new(self) -> str:
        done = self.run("new", "new.furikaeri", "--template", "standard", "--title", "春の振り返り")
        if not has_japanese(done.stdout):
            raise AssertionError(f"not in Japanese: {done.stdout!r}")
        info = json.loads(self.run("info", "new.furikaeri").stdout)
        if info["sessions"] < 3 or info["title"] != "春の振り返り":
            raise AssertionError(f"unexpected workshop: {info}")
        return f"{done.stdout.strip()} ({info['sessions']} sessions)"

    def bad_input(self) -> str:
        done = self.run("info", "missing.furikaeri", code=2)
        line = done.stderr.strip()
        if "\n" in line or not has_japanese(line):
            raise AssertionError(f"expected one Japanese line, got {done.stderr!r}")
        return line

    def screenshot(self, *args: str, name: str) -> str:
        shot = self.work / name
        done = self.run(*args, "--screenshot", str(shot))
        w, h = png_size(shot)
        if w < 800 or h < 500:
            raise AssertionError(f"{name} is {w}×{h}")
        return f"{name} {w}×{h} in {done.seconds:.1f} s"

    def demo_window(self) -> str:
        return self.screenshot("demo", name="demo.png")

    def files_opened(self) -> str:
        """Linux with strace: the window really reads Qt's Japanese, the catalogue, the
        font and the pictograms from inside the bundle (not from anywhere else)."""
        strace = shutil.which("strace")
        if not sys.platform.startswith("linux") or strace is None:
            return "skipped (needs strace)"
        trace = self.work / "trace.txt"
        # A HOME of its own: with the user cache filled, the catalogue is not re-read.
        env = dict(self.env, HOME=str(self.work / "traced-home"))
        subprocess.run([strace, "-f", "-e", "trace=openat", "-o", str(trace), str(self.exe),
                        "demo", "--screenshot", str(self.work / "traced.png")],
                       cwd=self.work, env=env, capture_output=True, timeout=600, check=True)
        opened = [line.split('"')[1] for line in trace.read_text().splitlines()
                  if "openat(" in line and "ENOENT" not in line and '"' in line]
        found = []
        for name in ("qtbase_ja.qm", "furikaeri_ja.ts", "ipaexg.ttf", "lightbulb.svg"):
            where = [p for p in opened if p.endswith("/" + name)]
            if not where or not all(p.startswith(str(self.app_dir)) for p in where):
                raise AssertionError(f"{name} was not read from the bundle ({where})")
            found.append(name)
        return "read from the bundle: " + ", ".join(found)

    def open_window(self) -> str:
        self.run("demo", "--create", "demo.furikaeri")
        return self.screenshot("open", "demo.furikaeri", name="open.png")

    def cluster(self) -> str:
        """Twice: the first run unpacks the dictionary into the cache, the second uses it."""
        cache = Path(self.env["HOME"]) / ".cache" / "furikaeri"
        seconds, outputs = [], []
        for _ in range(2):
            done = self.run("cluster", "demo.furikaeri", "--json")
            seconds.append(done.seconds)
            outputs.append(done.stdout)
            unpacked = list(cache.glob("sudachi-core-*.dic"))
            if len(unpacked) != 1 or list(cache.glob("*.tmp")):
                raise AssertionError(f"the cache holds {sorted(p.name for p in cache.iterdir())}")
        if outputs[0] != outputs[1]:
            raise AssertionError("the second proposal differs from the first")
        rows = [json.loads(line) for line in outputs[0].splitlines() if line.strip()]
        themes = {r["label"] for r in rows if r.get("theme", -1) >= 0}
        if len(rows) < 10 or len(themes) < 2:
            raise AssertionError(f"{len(rows)} notes, {len(themes)} themes")
        return f"{len(rows)} notes in {len(themes)} themes in {seconds[0]:.1f} s " \
               f"(dictionary unpacked: {unpacked[0].stat().st_size // 2**20} MB), " \
               f"then {seconds[1]:.1f} s (e.g. {sorted(themes)[0]})"

    def report(self) -> str:
        notes = []
        for args, name in ((("report", "demo.furikaeri", "-o", "minutes.pdf"), "minutes.pdf"),
                           (("report", "demo.furikaeri", "--poster", "-o", "poster.pdf"),
                            "poster.pdf")):
            done = self.run(*args)
            pdf = self.work / name
            if pdf.read_bytes()[:5] != b"%PDF-":
                raise AssertionError(f"{name} is not a PDF")
            notes.append(f"{name} {pdf.stat().st_size // 1024} KB in {done.seconds:.1f} s")
        try:
            from pypdf import PdfReader
        except ImportError:
            return "; ".join(notes)
        reader = PdfReader(self.work / "minutes.pdf")
        text = "".join(page.extract_text() or "" for page in reader.pages)
        if not has_japanese(text) or "タイムライン" not in text:
            raise AssertionError("the minutes (or their programme chart) lack their Japanese")
        fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
                 for font in page.get("/Resources", {}).get("/Font", {}).values()}
        if not all("IPAexGothic" in f or "Noto" in f for f in fonts):
            raise AssertionError(f"fonts other than the shipped ones (boxes): {sorted(fonts)}")
        return "; ".join(notes) + f"; {len(reader.pages)} pages"

    def import_cp932(self) -> str:
        csv = self.work / "notes.csv"
        csv.write_bytes(CP932_CSV.encode("cp932"))
        before = json.loads(self.run("info", "demo.furikaeri").stdout)["notes"]
        self.run("import", "demo.furikaeri", str(csv))
        after = json.loads(self.run("info", "demo.furikaeri").stdout)["notes"]
        if after != before + 3:
            raise AssertionError(f"notes {before} -> {after}, expected +3")
        exported = self.work / "check.json"
        self.run("export", "demo.furikaeri", "--format", "json", "-o", str(exported))
        # 〜 comes back as ～ (U+FF5E): what CP932 means by that byte pair, as Excel does.
        text = exported.read_text(encoding="utf-8")
        if "髙橋さんの「①～⑩」" not in text or "﨑山さん" not in text:
            raise AssertionError("the CP932 text did not come through intact")
        return f"3 notes added ({before} -> {after}), text intact"

    def exports(self) -> str:
        sizes = []
        for fmt in ("csv", "json", "md", "png", "svg"):
            out = self.work / f"export.{fmt}"
            self.run("export", "demo.furikaeri", "--format", fmt, "-o", str(out))
            data = out.read_bytes()
            looks_right = {"csv": lambda: data.startswith(b"\xef\xbb\xbf"),  # BOM: for Excel
                           "json": lambda: bool(json.loads(data)),
                           "md": lambda: data.lstrip().startswith(b"#"),
                           "png": lambda: data[:8] == b"\x89PNG\r\n\x1a\n",
                           "svg": lambda: b"<svg" in data[:2000]}[fmt]
            if not looks_right():
                raise AssertionError(f"export.{fmt} does not look like {fmt}")
            sizes.append(f"{fmt} {len(data) // 1024} KB")
        return ", ".join(sizes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("app_dir", type=Path, help="the one-folder app (dist/furikaeri)")
    parser.add_argument("--keep", type=Path, help="copy the screenshots and PDFs here")
    args = parser.parse_args(argv)
    if not args.app_dir.is_dir():
        print(f"installer_check: no app in {args.app_dir}: run `make installer`", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="furikaeri-installer-") as tmp:
        c = Checker(args.app_dir.resolve(), Path(tmp))
        c.check("bundle", c.bundle)
        c.check("shared libraries", c.libraries)
        c.check("new --template standard (Japanese messages)", c.new)
        c.check("bad input: one line, exit 2", c.bad_input)
        c.check("demo --screenshot", c.demo_window)
        c.check("open --screenshot", c.open_window)
        c.check("files the window reads", c.files_opened)
        c.check("cluster", c.cluster)
        c.check("report (minutes and poster)", c.report)
        c.check("import CP932 CSV", c.import_cp932)
        c.check("export csv/json/md/png/svg", c.exports)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("demo.png", "open.png", "export.png", "minutes.pdf", "poster.pdf"):
                if (c.work / name).exists():
                    shutil.copy2(c.work / name, args.keep / name)
    print(f"installer-check: {'FAILED: ' + ', '.join(c.failed) if c.failed else 'all passed'}")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
