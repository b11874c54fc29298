"""Clock figures (issue 4): the cost of a tick beside a full board, and drift.

    QT_QPA_PLATFORM=offscreen python scripts/bench_clock.py tick   # tick cost, fake-clock drift
    QT_QPA_PLATFORM=offscreen python scripts/bench_clock.py real   # a real 60-second run

Each prints one JSON object; scripts/bench.py runs them in fresh processes.

- ``timer_tick_ms_p99``: one clock tick on the UI thread (read the clock, update
  the room clock window, the mini timer, and paint what changed) while the
  main window shows a board of 5,000 notes.  Every measured tick changes the
  shown second (the worst case: a repaint each time).
- ``timer_drift_ms_per_hour``: over one simulated hour with a fake clock that
  moves exactly as the controller's timer asks, the displayed elapsed time
  against the true elapsed time at the end.
- ``timer_drift_ms_per_hour_real``: the same over a real 60-second run of the
  event loop, scaled to an hour: how much later the shown second changes at
  the end of the run than at its start (least-squares slope of the lateness).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from scripts.bench import percentile, standard_workshop  # noqa: E402

TICKS = 600


class FakeClock:
    def __init__(self) -> None:
        from datetime import datetime
        self.mono = 1000.0
        self.start_wall = datetime.now().astimezone()

    def clock(self) -> float:
        return self.mono

    def wall(self):
        from datetime import timedelta
        return self.start_wall + timedelta(seconds=self.mono - 1000.0)


def _window(tmp: Path, notes: int, clock, wall=None):
    from PySide6.QtCore import QSettings

    from ui.app import application
    from ui.main_window import MainWindow

    app = application()
    os.environ["XDG_DATA_HOME"] = str(tmp)
    path = tmp / "clock.furikaeri"
    standard_workshop(path, notes=notes)[0].close()
    window = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    window.clock_ctl.clock = clock
    if wall is not None:
        window.clock_ctl.wall = wall
    window.resize(1280, 800)
    window.open_path(path, raise_errors=True)
    window.show()
    app.processEvents()
    return app, window


def seconds_shown(text: str) -> int:
    """Remaining seconds a face shows (negative when counting up)."""
    sign = -1 if text.startswith("+") else 1
    secs = 0
    for part in text.lstrip("+").split(":"):
        secs = secs * 60 + int(part)
    return sign * secs


def tick_figures() -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        fake = FakeClock()
        app, window = _window(Path(tmp), 5_000, fake.clock, fake.wall)
        ctl = window.clock_ctl
        ctl.start_now()   # whenever the bench runs: the plan moves to now, nothing is asked
        ctl.show_room_clock().resize(1280, 720)
        ctl.set_mini_shown(True)
        app.processEvents()
        assert window.board.scene().items(), "the board should hold the notes"
        times = []
        for _ in range(TICKS + 50):
            fake.mono += 1.0
            ctl.timer.stop()
            start = time.perf_counter()
            ctl.tick()
            app.processEvents()   # the repaint the tick asked for
            times.append((time.perf_counter() - start) * 1000)
        tick_p99 = percentile(times[50:], 99)

        # One simulated hour, the fake clock moving exactly as the timer asks.
        start_mono = fake.mono
        begin_shown = seconds_shown(ctl.reading.text)
        while fake.mono - start_mono < 3600:
            step = ctl.timer.interval() / 1000
            fake.mono = min(fake.mono + step, start_mono + 3600)
            ctl.tick()
        fake.mono = start_mono + 3600 + 0.002   # the tick just after the hour's last second
        ctl.tick()
        shown_elapsed = begin_shown - seconds_shown(ctl.reading.text)
        drift_ms = abs(shown_elapsed - 3600) * 1000
        window.close()
    return {"timer_tick_ms_p99": round(tick_p99, 3), "timer_drift_ms_per_hour": round(drift_ms, 3)}


def real_figures(seconds: float = 60.0) -> dict[str, float]:
    from PySide6.QtCore import QTimer
    with tempfile.TemporaryDirectory() as tmp:
        app, window = _window(Path(tmp), 0, time.monotonic)
        ctl = window.clock_ctl
        ctl.start_now()   # whenever the bench runs: the plan moves to now, nothing is asked
        t0 = time.monotonic()
        first = seconds_shown(ctl.reading.text)
        changes: list[tuple[float, int]] = []

        def record() -> None:
            shown = seconds_shown(ctl.reading.text)
            if not changes or changes[-1][1] != shown:
                changes.append((time.monotonic() - t0, shown))

        ctl.timer.timeout.connect(record)   # after the controller's own tick
        QTimer.singleShot(int(seconds * 1000), app.quit)
        app.exec()
        window.close()
    # The shown value becomes ``k`` when (first - k) seconds have passed.
    late = [(t, t - (first - k)) for t, k in changes[1:]]
    n = len(late)
    mean_t = sum(t for t, _ in late) / n
    mean_l = sum(lat for _, lat in late) / n
    slope = (sum((t - mean_t) * (lat - mean_l) for t, lat in late)
             / sum((t - mean_t) ** 2 for t, _ in late))
    return {"timer_drift_ms_per_hour_real": round(abs(slope) * 3600 * 1000, 2),
            "timer_lateness_ms_max_real": round(max(lat for _, lat in late) * 1000, 2)}


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "tick"
    print(json.dumps(real_figures() if what == "real" else tick_figures()))
