"""Board figures (issue 3): pan and fit-all repaint with 5,000 notes, and memory.

    QT_QPA_PLATFORM=offscreen python scripts/bench_board.py

Prints one JSON object: ``pan_frame_ms_p50_5k``, ``pan_frame_ms_p95_5k``,
``fit_all_render_ms_5k``, ``rss_mb_5k``.  Meant to be folded into
``scripts/bench.py`` (``@provides``) by whoever owns it.
"""

from __future__ import annotations

import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator import paths  # noqa: E402
from facilitator.model import Note, Session  # noqa: E402
from facilitator.templates import read_template, records_from_template  # noqa: E402
from facilitator.workshop import Workshop  # noqa: E402

SENTENCES = [
    "次回も参加したい。地域の企業同士がつながる場は貴重だと感じた",
    "「スモールスタート」で始めて、続けることが大事",
    "大企業は主役ではなく、伴走者として関わるのがよい",
    "学生や若手が参加しやすい雰囲気づくりが必要",
    "FactorISMのような工場見学イベントと連携できないか",
    "成果を数字だけで測らず、関係の変化も記録したい",
]


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def board_figures(tmp: Path, notes: int = 5_000) -> dict[str, float]:
    app = QApplication.instance() or QApplication([])
    fid = QFontDatabase.addApplicationFont(str(paths.japanese_font_path()))
    app.setFont(QFont(QFontDatabase.applicationFontFamilies(fid)[0], 10))
    from ui.board.view import BoardView

    records = records_from_template(read_template("standard"))
    session = next(r for r in records if isinstance(r, Session))
    rng = random.Random(7)
    records += [Note(id=f"n{i:06d}", session_id=session.id, text=rng.choice(SENTENCES),
                     x=(i % 40) * 176.0, y=(i // 40) * 116.0, z=float(i), author="山田")
                for i in range(notes)]
    ws = Workshop.create(tmp / "bench.furikaeri", records)
    view = BoardView(ws)
    view.resize(1280, 800)
    view.set_board(session.id, None)
    view.show()
    app.processEvents()
    view.zoom_100()  # 1280 x 800 shows about 7 x 7 = 50 notes
    view.centerOn(3000, 3000)
    vp = view.viewport()
    vp.repaint()
    bar = view.horizontalScrollBar()
    times, full = [], []
    for i in range(300):
        # A small pan as the scroll bar or a drag makes it: Qt scrolls what is drawn
        # and paints the uncovered strip when the event loop runs.
        start = time.perf_counter()
        bar.setValue(bar.value() + (12 if (i // 50) % 2 == 0 else -12))
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        vp.repaint()  # and, for comparison, the whole viewport again
        full.append((time.perf_counter() - start) * 1000)
    times, full = times[20:], full[20:]
    view.fit_all()
    vp.repaint()
    fit = []
    for _ in range(5):
        vp.update()
        start = time.perf_counter()
        vp.repaint()
        fit.append((time.perf_counter() - start) * 1000)
    figures = {
        "pan_frame_ms_p50_5k": round(percentile(times, 50), 2),
        "pan_frame_ms_p95_5k": round(percentile(times, 95), 2),
        "full_viewport_repaint_ms_p95_5k": round(percentile(full, 95), 2),
        "fit_all_render_ms_5k": round(min(fit), 2),
        "rss_mb_5k": round(rss_mb(), 1),
    }
    view.detach()
    ws.close()
    return figures


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        print(json.dumps(board_figures(Path(tmp))))
