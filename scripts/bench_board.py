"""Board figures (issue 3): pan and fit-all repaint with 5,000 notes, and memory.

    QT_QPA_PLATFORM=offscreen python scripts/bench_board.py

Prints one JSON object: ``pan_frame_ms_p50_5k``, ``pan_frame_ms_p95_5k``,
``fit_all_render_ms_5k``, ``rss_mb_5k``.  Meant to be folded into
``scripts/bench.py`` (``@provides``) by whoever owns it.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtGui import QFont, QFontDatabase  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from facilitator import paths  # noqa: E402
from scripts.bench import percentile, standard_workshop  # noqa: E402

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

    ws, session = standard_workshop(tmp / "bench.furikaeri", notes=notes)
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
