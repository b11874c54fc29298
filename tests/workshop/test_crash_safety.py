"""Every edit reported as committed survives the app being killed at any moment."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from facilitator.workshop.model import Note
from facilitator.workshop import Workshop

WRITER = Path(__file__).with_name("crash_writer.py")
sys.path.insert(0, str(WRITER.parent))
from crash_writer import version_of  # noqa: E402

KILLS = 20


def run_and_kill(path: Path, seed: int, delay: float) -> list[tuple[str, int]]:
    """Start the writer, SIGKILL it ``delay`` s after its first commit; its reports."""
    child = subprocess.Popen([sys.executable, str(WRITER), str(path), str(seed)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    first = threading.Event()

    def read() -> None:
        for line in child.stdout:
            lines.append(line)
            first.set()
        first.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        assert first.wait(60), "the writer never committed"
        time.sleep(delay)
        assert child.poll() is None, child.stderr.read()
        child.send_signal(signal.SIGKILL)
        child.wait(30)
        reader.join(30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        child.stdout.close()
        child.stderr.close()
    # A line cut short by the kill was never fully reported.
    return [(nid, int(v)) for nid, v in (ln.split() for ln in lines if ln.endswith("\n"))]


@pytest.mark.slow
def test_reported_edits_survive_sigkill(ws, ws_path):
    ws.close()
    rng = random.Random(20261123)
    promised: dict[str, int] = {}
    for round_ in range(KILLS):
        reports = run_and_kill(ws_path, seed=round_, delay=rng.uniform(0.05, 0.3))
        assert reports, f"round {round_}: nothing was reported"
        for nid, version in reports:
            promised[nid] = max(version, promised.get(nid, -1))
        with Workshop.open(ws_path) as again:
            assert not again.readonly  # the killed writer's lock is gone
            check = again.store.db.conn.execute("PRAGMA integrity_check").fetchall()
            assert check == [("ok",)], f"round {round_}"
            for nid, version in promised.items():
                note = again.get(Note, nid)
                assert note is not None, f"round {round_}: note {nid} lost"
                assert version_of(note.text) >= version, f"round {round_}: edit of {nid} lost"
    assert len(promised) > KILLS
