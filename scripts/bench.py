"""Figures of Furikaeri's speed, printed as ONE JSON object (``make bench``).

Each figure is registered in ``FIGURES`` (name -> function); one function may
provide several figures from one measurement (it returns a dict of them) and
runs once however many of its figures are asked for.  Later issues add their
figures with ``@provides("name", ...)``.

    python scripts/bench.py                    # every figure
    python scripts/bench.py --only open_20k_notes_s,edit_commit_ms_p50

A figure that cannot be measured here is ``null``, with the reason on stderr.
Times use ``time.perf_counter``.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitator.workshop.model import Note, Session  # noqa: E402
from facilitator.workshop.records import codec_for  # noqa: E402
from facilitator.minutes.sample import PHRASES  # noqa: E402
from facilitator.agenda.templates import read_template, records_from_template  # noqa: E402
from facilitator.workshop import Workshop  # noqa: E402

Figures = dict[str, "float | None"]
FIGURES: dict[str, Callable[[Path], Figures]] = {}

EDIT_SAMPLES = 2_000
SENTENCES = PHRASES[:6]  # the generated workshop's plain Japanese opinions


def provides(*names: str):
    """Register a function measuring the figures ``names`` (returns a dict of them)."""
    def register(fn: Callable[[Path], Figures]) -> Callable[[Path], Figures]:
        for name in names:
            FIGURES[name] = fn
        return fn
    return register


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def standard_workshop(path: Path, notes: int = 0) -> tuple[Workshop, Session]:
    """A new workshop of the standard programme with ``notes`` notes on the first board."""
    records = records_from_template(read_template("standard"))
    session = next(r for r in records if isinstance(r, Session))
    rng = random.Random(7)
    records += [Note(id=f"n{i:06d}", session_id=session.id, text=rng.choice(SENTENCES),
                     x=(i % 40) * 176.0, y=(i // 40) * 116.0, z=float(i), author="山田")
                for i in range(notes)]
    return Workshop.create(path, records), session


# -- editing ---------------------------------------------------------------------------
@provides("edit_commit_ms_p50", "edit_commit_ms_p99", "bare_sqlite_update_ms_p50",
          "edit_overhead_ratio")
def edit_commit(tmp: Path) -> Figures:
    """One note edit (text or position) through Workshop.update, committed to the file."""
    ws, _ = standard_workshop(tmp / "edit.furikaeri", notes=200)
    notes = ws.all(Note)
    times = []
    clock = time.perf_counter
    for i in range(EDIT_SAMPLES + 100):
        note = notes[i % len(notes)]
        start = clock()
        if i % 2:
            ws.update(note.id, text=f"{SENTENCES[i % 6]} ({i})")
        else:
            ws.update(note.id, x=note.x + i, y=note.y - i)
        times.append(clock() - start)
    ws.close()
    edit = [t * 1000 for t in times[100:]]  # the first ones warm caches up
    bare = bare_sqlite_update(tmp / "bare.sqlite")
    p50, bare_p50 = percentile(edit, 50), percentile(bare, 50)
    return {
        "edit_commit_ms_p50": round(p50, 4),
        "edit_commit_ms_p99": round(percentile(edit, 99), 4),
        "bare_sqlite_update_ms_p50": round(bare_p50, 4),
        "edit_overhead_ratio": round(p50 / bare_p50, 2),
    }


def bare_sqlite_update(path: Path) -> list[float]:
    """Single-row UPDATE + commit on a notes-shaped table, same pragmas as a workshop."""
    codec = codec_for(Note)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute(f"CREATE TABLE notes ({', '.join(f'[{n}]' for n in codec.fields)},"
                 " PRIMARY KEY (id))")
    rows = [codec.to_row(Note(id=f"n{i}", text=SENTENCES[i % 6])) for i in range(200)]
    conn.executemany(codec.insert_sql, rows)
    conn.commit()
    times = []
    clock = time.perf_counter
    for i in range(EDIT_SAMPLES + 100):
        start = clock()
        conn.execute("UPDATE notes SET text = ? WHERE id = ?", (f"{i}", f"n{i % 200}"))
        conn.commit()
        times.append(clock() - start)
    conn.close()
    return [t * 1000 for t in times[100:]]


# -- opening ---------------------------------------------------------------------------
@provides("open_20k_notes_s")
def open_20k(tmp: Path) -> Figures:
    """Workshop.open of a file with 20,000 notes until its model is loaded; best of 3."""
    path = tmp / "big.furikaeri"
    standard_workshop(path, notes=20_000)[0].close()
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        ws = Workshop.open(path)
        best = min(best, time.perf_counter() - start)
        assert ws.count(Note) == 20_000
        ws.close()
    return {"open_20k_notes_s": round(best, 4)}


# -- importing -------------------------------------------------------------------------
@provides("import_10k_csv_s")
def import_10k_csv(tmp: Path) -> Figures:
    """import_file of a 10,000-row CP932 CSV (as Excel in Japan saves it); best of 3."""
    try:
        from facilitator.io.importers import import_file
    except ImportError as exc:
        print(f"import_10k_csv_s: facilitator.io.importers is not available ({exc})",
              file=sys.stderr)
        return {"import_10k_csv_s": None}
    rng = random.Random(3)
    csv_path = tmp / "notes.csv"
    lines = ["本文,名前,グループ"] + [
        f"{rng.choice(SENTENCES).replace(',', '、')} その{i},{rng.choice(['山田', '佐藤', '鈴木'])},"
        f"グループ{'AB'[i % 2]}" for i in range(10_000)]
    csv_path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp932"))
    best = float("inf")
    for attempt in range(3):
        ws, session = standard_workshop(tmp / f"import{attempt}.furikaeri")
        start = time.perf_counter()
        import_file(ws, csv_path, session=session.id)
        best = min(best, time.perf_counter() - start)
        assert ws.count(Note) == 10_000
        ws.close()
    return {"import_10k_csv_s": round(best, 4)}


# -- theme proposals (issue 5; the measurements live in scripts/cluster_eval.py) --------
@provides("cluster_ari_loso_auto", "cluster_ari_loso_k", "cluster_ari_loso_auto_fast",
          "cluster_ari_loso_k_fast", "cluster_ari_dev_auto", "cluster_ari_dev_auto_fast",
          "cluster_ari_baseline", "label_fragments", "label_duplicates")
def cluster_quality(tmp: Path) -> Figures:
    """Adjusted Rand index on ../shared/data/clustering-dev (その他 as singletons):
    leave-one-set-out means (auto k, given k; with e5 and the fast path), the
    shipped parameters on all sets, the char-n-gram baseline; label checks."""
    from scripts.cluster_eval import quality_figures
    return quality_figures()


@provides("cluster_2000_warm_s", "cluster_2000_cold_s", "cluster_2000_cold_first_run_s",
          "cluster_500_s", "cluster_2000_s", "cluster_2000_unprepared_s",
          "encode_per_note_ms", "encode_use_per_note_ms")
def cluster_speed(tmp: Path) -> Figures:
    """propose_themes on 500 / 2,000 synthetic notes: warm with the vectors kept in the
    file (issue 15), warm with notes prepared in the background as the app does, warm but
    unprepared, and in a fresh process; each encoder's cost a note (see
    scripts/cluster_eval.timing_figures for exactly what each includes)."""
    from scripts.cluster_eval import timing_figures
    return timing_figures()


@provides("cluster_30_in_window_s", "themes_warm_up_s", "cluster_in_window_notes")
def cluster_in_window(tmp: Path) -> Figures:
    """The first proposal in a running window with the demo open, once the window's
    background warm-up is done; and how long that warm-up took (scripts/bench_themes.py)."""
    return _script_figures("scripts/bench_themes.py")


@provides("cluster_30_in_window_at_once_s")
def cluster_in_window_at_once(tmp: Path) -> Figures:
    """The same proposal asked the moment the window is shown (it waits for the models)."""
    return _script_figures("scripts/bench_themes.py", "at-once")


# -- the board and the window (issue 3): each in a fresh process ------------------------
def _script_figures(*args: str) -> Figures:
    """Run a bench script in its own process (so memory and start-up are its own)."""
    import os
    import subprocess
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    out = subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


@provides("pan_frame_ms_p50_5k", "pan_frame_ms_p95_5k", "full_viewport_repaint_ms_p95_5k",
          "fit_all_render_ms_5k", "rss_mb_5k")
def board(tmp: Path) -> Figures:
    """Pan and fit-all repaint with 5,000 notes, and the process's memory."""
    return _script_figures("scripts/bench_board.py")


@provides("startup_to_window_s", "bare_qt_window_s", "startup_ratio")
def startup(tmp: Path) -> Figures:
    """Process start to the demo board shown, against a bare PySide6 window."""
    return _script_figures("scripts/bench_ui.py", "startup")


@provides("capture_ms_p50", "capture_ms_p95")
def capture(tmp: Path) -> Figures:
    """Enter in the quick-entry bar to the note committed and drawn."""
    return _script_figures("scripts/bench_ui.py", "capture")


@provides("encode_backlog_500_s", "encode_backlog_500_use_s", "encode_backlog_500_e5_s",
          "capture_ms_p50_while_encoding", "capture_ms_p95_while_encoding",
          "capture_ms_p95_same_run_idle", "capture_still_encoding_after")
def background_encoding(tmp: Path) -> Figures:
    """A 500-note import encoded in the background, each encoder; typing meanwhile."""
    return _script_figures("scripts/bench_ui.py", "encoding")


@provides("capture_overlaps_500")
def capture_overlaps(tmp: Path) -> Figures:
    """500 notes of realistic lengths typed in the quick-entry bar: overlapping pairs drawn."""
    return _script_figures("scripts/bench_ui.py", "overlaps")


# -- the room clock (issue 4): each in a fresh process ------------------------------------
@provides("timer_tick_ms_p99", "timer_drift_ms_per_hour")
def clock_tick(tmp: Path) -> Figures:
    """A clock tick beside a 5,000-note board; drift over a simulated hour (fake clock)."""
    return _script_figures("scripts/bench_clock.py", "tick")


@provides("timer_drift_ms_per_hour_real", "timer_lateness_ms_max_real")
def clock_real(tmp: Path) -> Figures:
    """A real 60-second run of the clock, its drift scaled to an hour."""
    return _script_figures("scripts/bench_clock.py", "real")


# -- the minutes (issue 6) ---------------------------------------------------------------
@provides("report_300_notes_s", "report_pdf_mb")
def report(tmp: Path) -> Figures:
    """Minutes PDF of a generated 300-note workshop, cold process; and its size."""
    return _script_figures("scripts/bench_report.py")


# -- the installer (issue 11): measures dist/furikaeri as `make installer` left it ----------
INSTALLER_DIR = ROOT / "dist" / "furikaeri"


@provides("installer_mb", "installer_start_s", "installer_start_ratio")
def installer(tmp: Path) -> Figures:
    """The one-folder app's size, and its start to the demo window against the venv's."""
    if not (INSTALLER_DIR / "furikaeri").exists():
        print("bench: no dist/furikaeri (run `make bench-installer`, which builds it)",
              file=sys.stderr)
        return {}
    size = sum(p.stat().st_size for p in INSTALLER_DIR.rglob("*")
               if p.is_file() and not p.is_symlink())  # as du counts: links once
    return {"installer_mb": round(size / 2**20, 1),
            **_script_figures("scripts/bench_ui.py", "installer", str(INSTALLER_DIR))}


@provides("minutes_100_notes_s", "minutes_board_min_pt")
def minutes_100_notes(tmp: Path) -> Figures:
    """Minutes PDF of a realistic 100-note day (issue 13), cold process; median of 3.
    And the smallest text on its graphic record's pages, in points (issue 14)."""
    runs = [_script_figures("scripts/bench_report.py", "day") for _ in range(3)]
    times = sorted(r["minutes_100_notes_s"] for r in runs)
    return {"minutes_100_notes_s": times[1],
            "minutes_board_min_pt": runs[0].get("minutes_board_min_pt")}


@provides("rehearsal_s")
def rehearsal(tmp: Path) -> Figures:
    """The whole-day rehearsal test (issue 13) run by pytest in a fresh process: the
    test's own wall seconds (setup, call, teardown; pytest's start-up left out)."""
    import os
    import subprocess
    from xml.etree import ElementTree
    report = tmp / "rehearsal.xml"
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                          f"--junitxml={report}", "tests/app/test_rehearsal.py"],
                         cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"bench: the rehearsal failed:\n{run.stdout[-3000:]}", file=sys.stderr)
        return {"rehearsal_s": None}
    case = ElementTree.parse(report).find(".//testcase")
    return {"rehearsal_s": round(float(case.get("time")), 2)}


# -- readable from the back of the room (issue 14) ----------------------------------------
@provides("clock_digits_fraction")
def clock_digits(tmp: Path) -> Figures:
    """Height of the room clock's digits (F9, one 1920×1080 screen) over the screen's
    height, the smallest of its four faces (measured in grabs)."""
    import os
    import subprocess
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    out = subprocess.run([sys.executable, "scripts/bench_screens.py", "clock", "1920x1080"],
                         cwd=ROOT, env=env, check=True, capture_output=True, text=True).stdout
    got = json.loads(out.strip().splitlines()[-1])
    return {"clock_digits_fraction": min(got["room_digits_fraction"].values())}


@provides("f5_note_px_1080", "f5_note_px_768", "f5_title_px_1080",
          "f5_selected_note_px_1080", "f5_selected_note_glyph_px_1080")
def f5_note_px(tmp: Path) -> Figures:
    """Note text in presentation mode (F5) on one screen, the demo workshop
    (scripts/bench_f5.py): with the whole board shown (the room layout), the notes'
    and the theme titles' glyph heights in a grab, at 1920×1080 and 1024×768; with
    the longest note selected, its type (font pixel size × the view's scale) and its
    glyphs' height. The room needs 1/40 of the height: 27 px at 1080, 19 px at 768."""
    import os
    import subprocess
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    got = {}
    for size in ("1920x1080", "1024x768"):
        out = subprocess.run([sys.executable, "scripts/bench_f5.py", size], cwd=ROOT, env=env,
                             check=True, capture_output=True, text=True).stdout
        got[size] = json.loads(out.strip().splitlines()[-1])
    big, small = got["1920x1080"], got["1024x768"]
    return {"f5_note_px_1080": big["note_px"], "f5_note_px_768": small["note_px"],
            "f5_title_px_1080": big["title_px"],
            "f5_selected_note_px_1080": big["selected_note_px"],
            "f5_selected_note_glyph_px_1080": big["selected_note_glyph_px"]}


# -- the room joins in (issue 16) -----------------------------------------------------------
@provides("lan_devices", "lan_notes_sent", "lan_notes_lost", "lan_notes_duplicated",
          "lan_note_to_board_ms_p99", "lan_pan_ms_p95_under_load", "lan_refused_without_secret")
def lan_load(tmp: Path) -> Figures:
    """40 phones (a note every 5 s) and two note-takers (2 notes/s) for 5 minutes into a real
    window's open door on 127.0.0.1, the board panned meanwhile (scripts/bench_lan.py)."""
    return _script_figures("scripts/bench_lan.py", "--minutes", "5")


@provides("palette_min_delta_e")
def palette_delta_e(tmp: Path) -> Figures:
    """Smallest CIEDE2000 between two colours of a palette under protanopia or deuteranopia."""
    from facilitator.board.palette import PALETTES
    from facilitator.board.palette_check import min_delta_e
    return {"palette_min_delta_e": round(min(min_delta_e(p) for p in PALETTES.values()), 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="comma-separated figure names (default: all)")
    args = parser.parse_args(argv)
    wanted = [n.strip() for n in args.only.split(",") if n.strip()] if args.only else list(FIGURES)
    unknown = [n for n in wanted if n not in FIGURES]
    if unknown:
        print(f"bench: unknown figure(s) {', '.join(unknown)}; known: {', '.join(FIGURES)}",
              file=sys.stderr)
        return 2
    results: Figures = {}
    done: set[Callable] = set()
    with tempfile.TemporaryDirectory(prefix="furikaeri-bench-") as tmp:
        for name in wanted:
            fn = FIGURES[name]
            if fn not in done:
                done.add(fn)
                folder = Path(tmp) / fn.__name__
                folder.mkdir()
                results.update(fn(folder))
    print(json.dumps({name: results.get(name) for name in wanted}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
