"""The room joins in (issue 16), under load: 40 phones and two note-takers type at once.

    QT_QPA_PLATFORM=offscreen python scripts/bench_lan.py [--minutes 5] [--mode participant]

A real main window on the standard workshop opens its door on 127.0.0.1 and
shows the session's groups side by side.  A second process (this script with
``--load``, asyncio + aiohttp) plays the devices as the page does: each holds
the live channel open, fetches its notes when told its board changed and
looks again every 10 s; 40 devices send a note every 5 s and two note-takers
2 notes a second, for ``--minutes``.  Every fifth note is sent again after its
answer, every tenth twice at once (an answer lost, a double tap): received once.
Meanwhile the window pans its board every 100 ms, timed as scripts/bench_board.py
times a pan (scroll, then the event loop drawing it), so the frames include the
network's work on the GUI thread.

``--mode participant`` (the default): the session's notes are private and the
facilitator has revealed them, so each goes onto the board at once and every
device fetches its own notes when they change; ``note_taker``: devices fetch
their group's board whenever it changes (the heavier case: each note is
fetched by every device of its group).

Prints one JSON object: ``lan_devices`` (most devices the window counted at
once), ``lan_notes_sent`` (distinct notes), ``lan_notes_lost`` and
``lan_notes_duplicated`` (against the file, reopened afterwards),
``lan_note_to_board_ms_p99`` (first send to the note's item on the board's scene,
both stamped with the wall clock), ``lan_pan_ms_p95_under_load``, and
``lan_refused_without_secret`` ("refused/tried": requests without the secret or
with a wrong one).  Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECRET_HEADER, DEVICE_HEADER = "X-Furikaeri-Secret", "X-Furikaeri-Device"
PHRASES = ["休憩の時間がもう少し欲しい", "資料は前日に配ってほしい", "グループの人数がちょうどよかった",
           "発言しやすい雰囲気だった", "次は現場の人も呼びたい", "時間配分を見直したい"]
PAN_EVERY_MS = 100
REFUSAL_TRIES = 50


# -- the devices (the --load process) -----------------------------------------------------
class Device:
    """One phone or laptop, as assets/web/app.js behaves."""

    def __init__(self, http, base: str, secret: str, name: str, session_id: str,
                 group_id: str, mode: str, interval: float, count: int, sent: dict,
                 stats: dict) -> None:
        self.http, self.base, self.name = http, base, name
        self.session_id, self.group_id, self.mode = session_id, group_id, mode
        self.headers = {SECRET_HEADER: secret, DEVICE_HEADER: name}
        self.secret = secret
        self.interval, self.count = interval, count
        self.sent, self.stats = sent, stats
        self.fetches: set[asyncio.Task] = set()
        self.cursor: str | None = None

    async def call(self, method: str, path: str, body: dict | None = None,
                   keep_cursor: bool = False) -> int:
        try:
            async with self.http.request(method, self.base + path, json=body,
                                         headers=self.headers) as answer:
                data = await answer.read()
                if keep_cursor and answer.status == 200:  # as the page: only what changed next
                    self.cursor = json.loads(data).get("cursor")
                    self.stats["board_bytes"] = self.stats.get("board_bytes", 0) + len(data)
                self.stats[f"http_{answer.status}"] = self.stats.get(f"http_{answer.status}",
                                                                     0) + 1
                return answer.status
        except (OSError, asyncio.TimeoutError) as exc:
            self.stats["errors"] = self.stats.get("errors", 0) + 1
            self.stats["last_error"] = repr(exc)
            return 0

    def refresh(self, state: bool = False) -> None:
        """What the page does on a change: state, notes (its own fetches run at once)."""
        async def run():
            if state:
                await self.call("GET", "api/state")
            since = f"&since={self.cursor}" if self.cursor else ""
            await self.call("GET", f"api/notes?device={self.name}&session={self.session_id}"
                                   f"&group={self.group_id}{since}", keep_cursor=True)
        task = asyncio.ensure_future(run())
        self.fetches.add(task)
        task.add_done_callback(self.fetches.discard)

    def touches_me(self, what: dict) -> bool:
        """As the page decides: a participant shows only its own notes, a note-taker its
        group's board."""
        if self.mode == "participant":
            return self.name in what.get("devices", [])
        return any(s == self.session_id and g == self.group_id
                   for s, g in what.get("boards", []))

    async def live(self, stop: asyncio.Event) -> None:
        url = f"{self.base}api/live?s={self.secret}&device={self.name}"
        while not stop.is_set():
            try:
                async with self.http.ws_connect(url, heartbeat=20) as sock:
                    self.refresh(state=True)
                    async for msg in sock:
                        if stop.is_set():
                            break
                        data = json.loads(msg.data)
                        if data.get("type") == "changed" and (
                                data.get("all") or data.get("state")
                                or self.touches_me(data)):
                            self.refresh(state=bool(data.get("state") or data.get("all")))
            except (OSError, asyncio.TimeoutError, ValueError):
                await asyncio.sleep(1)

    async def every_10s(self, stop: asyncio.Event) -> None:
        while not stop.is_set():
            await asyncio.sleep(10)
            self.refresh(state=True)
            await self.call("GET", f"api/themes?session={self.session_id}")

    async def send(self, body: dict) -> None:
        """Until the server says it has it (the outbox keeps it meanwhile)."""
        delay = 0.5
        while True:
            status = await self.call("POST", "api/notes", body)
            if status == 200:
                return
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)

    async def type_notes(self, start: float) -> None:
        rng = random.Random(self.name)
        first = start + rng.uniform(0, self.interval)
        for seq in range(self.count):
            at = first + seq * self.interval
            await asyncio.sleep(max(0.0, at - time.time()))
            uid = f"n{seq:05d}{rng.randrange(1 << 30):x}"
            body = {"device": self.name, "uid": uid, "author": self.name,
                    "session_id": self.session_id, "group_id": self.group_id,
                    "text": f"{rng.choice(PHRASES)} [{self.name}-{seq}]"}
            self.sent[f"{self.name}:{uid}"] = time.time()
            if seq % 10 == 9:  # a double tap: the same note twice at once
                await asyncio.gather(self.send(body), self.send(body))
                self.stats["resent"] = self.stats.get("resent", 0) + 1
            else:
                await self.send(body)
                if seq % 5 == 4:  # the answer was lost: the outbox sends it again
                    await self.send(body)
                    self.stats["resent"] = self.stats.get("resent", 0) + 1


async def load(args) -> dict:
    import aiohttp
    sent: dict[str, float] = {}
    stats: dict = {}
    stop = asyncio.Event()
    per_device = max(1, int(args.minutes * 60 / 5))
    per_taker = max(1, int(args.minutes * 60 * 2))
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        devices = [Device(http, args.url, args.secret, f"phone{i:02d}", args.session,
                          args.groups[i % len(args.groups)], args.mode, 5.0, per_device,
                          sent, stats) for i in range(args.devices)]
        devices += [Device(http, args.url, args.secret, f"taker{i}", args.session,
                           args.groups[i % len(args.groups)], args.mode, 0.5, per_taker,
                           sent, stats) for i in range(args.takers)]
        background = [asyncio.ensure_future(d.live(stop)) for d in devices]
        background += [asyncio.ensure_future(d.every_10s(stop)) for d in devices]
        await asyncio.sleep(2)  # every device joined before the first note
        start = time.time()
        await asyncio.gather(*(d.type_notes(start) for d in devices))
        await asyncio.sleep(1)
        stop.set()
        for task in background:
            task.cancel()
        await asyncio.gather(*background, return_exceptions=True)
    return {"sent": sent, "stats": stats}


# -- the window (the main process) ----------------------------------------------------------
def refusals(base: str, secret: str) -> int:
    """Requests without the secret or with a wrong one (the server answers them without the
    window); returns how many were refused with 403."""
    import urllib.error
    import urllib.request
    refused = 0
    for i in range(REFUSAL_TRIES):
        path, body = (("api/state", None), ("api/notes?device=x", None),
                      ("api/notes", {"device": "intruder", "uid": f"u{i}", "text": "侵入"}),
                      ("api/live", None), ("api/themes", None))[i % 5]
        req = urllib.request.Request(base + path, method="POST" if body else "GET",
                                     data=json.dumps(body).encode() if body else None)
        req.add_header("Content-Type", "application/json")
        if i % 2:
            req.add_header(SECRET_HEADER, secret[:-2] + ("AA" if secret[-2:] != "AA" else "BB"))
        try:
            with urllib.request.urlopen(req, timeout=10) as answer:
                answer.read()
        except urllib.error.HTTPError as exc:
            refused += exc.code == 403
    return refused


def run_window(args, tmp: Path) -> dict:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer

    from facilitator.lan import room
    from facilitator.workshop import Workshop
    from facilitator.workshop.model import DeviceNote, Note
    from scripts.bench import percentile, standard_workshop
    from ui.app import application
    from ui.main_window import MainWindow

    app = application()
    path = tmp / "lan.furikaeri"
    ws, _ = standard_workshop(path)
    ws.close()
    win = MainWindow(QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat))
    win.resize(1280, 800)
    win.show()
    assert win.open_path(path, raise_errors=True)
    ws = win.ws
    session = room.session_of(ws)
    groups = [g.id for g in ws.groups_of(session.id)]
    room.set_mode(ws, session.id, args.mode)
    if args.mode == room.PARTICIPANT:
        room.reveal(ws, session.id)  # the facilitator revealed: notes go on the board at once
    assert win.lan.open_door("127.0.0.1")
    server = win.lan.server
    win.choose_board(session.id, None, True)  # the groups side by side
    for _ in range(10):
        app.processEvents()
    scene = win.board.board_scene()

    arrivals: dict[str, float] = {}

    def on_board(change) -> None:  # after the scene's listener: the item is there
        now = time.time()
        for rec in [*change.added, *(after for _, after in change.updated)]:
            if isinstance(rec, DeviceNote) and rec.note_id and rec.id not in arrivals \
                    and scene.item_for(rec.note_id) is not None:
                arrivals[rec.id] = now
    ws.listeners.append(on_board)

    view = win.board
    view.zoom_100()
    bar = view.horizontalScrollBar()
    pans: list[float] = []
    devices_seen = [0]
    step = [0]

    def pan() -> None:
        step[0] += 1
        start = time.perf_counter()
        bar.setValue(bar.value() + (12 if (step[0] // 50) % 2 == 0 else -12))
        app.processEvents()
        pans.append((time.perf_counter() - start) * 1000)

    def count_devices() -> None:
        devices_seen[0] = max(devices_seen[0], win.lan.devices())

    out = tmp / "load.json"
    proc = subprocess.Popen([sys.executable, __file__, "--load", server.url,
                             room.door(ws).secret, session.id, *groups,
                             "--minutes", str(args.minutes), "--devices", str(args.devices),
                             "--takers", str(args.takers), "--mode", args.mode,
                             "--out", str(out)], cwd=ROOT)
    pan_timer = QTimer()
    pan_timer.timeout.connect(pan)
    pan_timer.start(PAN_EVERY_MS)
    count_timer = QTimer()
    count_timer.timeout.connect(count_devices)
    count_timer.start(1000)
    loop = QEventLoop()  # (app.quit() would close the window, and the door with it)
    done = QTimer()
    done.timeout.connect(lambda: loop.quit() if proc.poll() is not None else None)
    done.start(200)
    loop.exec()
    pan_timer.stop()
    count_timer.stop()
    if proc.returncode != 0:
        raise RuntimeError(f"the devices' process failed ({proc.returncode})")
    refused = refusals(server.url, room.door(ws).secret)
    win.close()  # closes the door and the workshop
    result = json.loads(out.read_text())
    sent: dict[str, float] = result["sent"]

    ws = Workshop.open(path)
    received = {d.id: d for d in ws.all(DeviceNote)}
    texts = [n.text for n in ws.all(Note)]
    ws.close()
    on_board_ids = {i for i, d in received.items() if d.note_id}
    lost = sum(1 for i in sent if i not in on_board_ids)
    counts: dict[str, int] = {}
    for text in texts:
        counts[text] = counts.get(text, 0) + 1
    duplicated = sum(c - 1 for c in counts.values() if c > 1)
    latencies = [(arrivals[i] - t) * 1000 for i, t in sent.items() if i in arrivals]
    print(json.dumps({"stats": result["stats"], "pans": len(pans),
                      "pan_p50": round(percentile(pans, 50), 2) if pans else None,
                      "pan_max": round(max(pans), 2) if pans else None,
                      "p50_latency_ms": round(percentile(latencies, 50), 1) if latencies
                      else None}), file=sys.stderr)
    return {
        "lan_devices": devices_seen[0],
        "lan_notes_sent": len(sent),
        "lan_notes_lost": lost,
        "lan_notes_duplicated": duplicated,
        "lan_note_to_board_ms_p99": round(percentile(latencies, 99), 1) if latencies else None,
        "lan_pan_ms_p95_under_load": round(percentile(pans[10:], 95), 2) if pans else None,
        "lan_refused_without_secret": f"{refused}/{REFUSAL_TRIES}",
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=5.0)
    parser.add_argument("--devices", type=int, default=40)
    parser.add_argument("--takers", type=int, default=2)
    parser.add_argument("--mode", choices=("participant", "note_taker"), default="participant")
    parser.add_argument("--load", nargs="+", metavar="URL SECRET SESSION GROUP",
                        help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load:
        args.url, args.secret, args.session, *args.groups = args.load
        Path(args.out).write_text(json.dumps(asyncio.run(load(args))))
        return 0
    with tempfile.TemporaryDirectory(prefix="furikaeri-lan-") as tmp:
        print(json.dumps(run_window(args, Path(tmp))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
