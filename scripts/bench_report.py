"""Figures of the minutes (issue 6), measured in a fresh process; prints one JSON object.

``report_300_notes_s``: the minutes of the generated 300-note workshop (long
notes, emoji, rare kanji; charts and board pictures included), from
reading the file to the PDF written, in a process that has not loaded
reportlab or matplotlib yet (as ``furikaeri report`` runs).
``report_pdf_mb``: the size of that PDF.

With the argument ``day``: ``minutes_100_notes_s``, the minutes of a realistic
100-note day (:mod:`facilitator.minutes.sample_day`: the standard programme,
two groups, themes accepted, votes, ink and arrows), measured the same way.
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
    print(json.dumps({"minutes_100_notes_s": round(seconds, 3)}))
    return 0


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
