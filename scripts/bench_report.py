"""Figures of the minutes (issue 6), measured in a fresh process; prints one JSON object.

``report_300_notes_s``: the minutes of the generated 300-note workshop (long
notes, emoji, rare kanji; charts and board pictures included), from
reading the file to the PDF written, in a process that has not loaded
reportlab or matplotlib yet (as ``furikaeri report`` runs).
``report_pdf_mb``: the size of that PDF.

With the argument ``day``: ``minutes_100_notes_s``, the minutes of a realistic
100-note day (:mod:`facilitator.minutes.sample_day`: the standard programme,
two groups, themes accepted, votes, ink and arrows), measured the same way;
and ``minutes_board_min_pt`` (issue 14), the smallest text on that PDF's
graphic record pages as printed (points; the running header and footer
left out), read back from the PDF after the clock stopped.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from facilitator.minutes.sample import sample_workshop  # noqa: E402  (no reportlab yet)
from facilitator.workshop import Workshop  # noqa: E402


def day() -> int:
    from facilitator.minutes.sample_day import sample_day  # no reportlab either
    with tempfile.TemporaryDirectory(prefix="furikaeri-bench-day-") as tmp:
        path = Path(tmp) / "day.furikaeri"
        sample_day(path).close()
        out = Path(tmp) / "minutes.pdf"
        start = time.perf_counter()
        from facilitator.minutes import write_minutes
        with Workshop.open(path, readonly=True) as ws:
            write_minutes(ws, out)
        seconds = time.perf_counter() - start
        smallest = board_min_pt(out.read_bytes())
    print(json.dumps({"minutes_100_notes_s": round(seconds, 3),
                      "minutes_board_min_pt": smallest}))
    return 0


def board_min_pt(data: bytes) -> float | None:
    """The smallest text size (pt) on the graphic record's pages (A4, the default paper)."""
    from reportlab.lib.units import mm
    from tests.pdf_type import picture_runs
    sizes = [r.size for r in picture_runs(data, 18 * mm)]
    return round(min(sizes), 2) if sizes else None


def main() -> int:
    if sys.argv[1:] == ["day"]:
        return day()
    with tempfile.TemporaryDirectory(prefix="furikaeri-bench-report-") as tmp:
        path = Path(tmp) / "s300.furikaeri"
        sample_workshop(path, 300).close()
        out = Path(tmp) / "minutes.pdf"
        start = time.perf_counter()
        from facilitator.minutes import write_minutes
        with Workshop.open(path, readonly=True) as ws:
            write_minutes(ws, out)
        seconds = time.perf_counter() - start
        size = out.stat().st_size / 1e6
    print(json.dumps({"report_300_notes_s": round(seconds, 3), "report_pdf_mb": round(size, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
