"""The window's way: every call runs on the thread that owns the workshop (``run_on_owner``)."""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future, ThreadPoolExecutor

from facilitator.lan import room
from facilitator.lan.server import RoomServer
from facilitator.workshop.model import DeviceNote, Note
from lan_fixtures import Client, room_ws  # noqa: F401 (fixture)


class Owner:
    """A stand-in for the GUI thread: runs what it is given, one at a time, and answers."""

    def __init__(self) -> None:
        self.jobs: queue.Queue = queue.Queue()
        self.thread = threading.Thread(target=self._run, name="owner", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (job := self.jobs.get()) is not None:
            fn, future = job
            try:
                future.set_result(fn())
            except BaseException as exc:  # noqa: BLE001 (handed back to the caller)
                future.set_exception(exc)

    def run_on_owner(self, fn):
        future: Future = Future()
        self.jobs.put((fn, future))
        return future.result()


def test_many_devices_at_once_each_note_applied_once_on_the_owner_thread(room_ws):
    owner = Owner()
    room.open_door(room_ws)
    applied_on = set()
    room_ws.listeners.append(lambda change: applied_on.add(threading.current_thread().name))
    server = RoomServer(room_ws, secret=room.door(room_ws).secret,
                        run_on_owner=owner.run_on_owner)
    server.start()
    try:
        def device(i: int) -> list[int]:
            c = Client(server, device=f"phone{i}")
            group = "gA" if i % 2 else "gB"
            # Every note twice, as a device does whose answer was lost.
            return [c.note(f"n{k}", f"端末{i}の意見{k}", group=group)[0]
                    for k in range(8) for _ in range(2)]
        with ThreadPoolExecutor(12) as pool:
            statuses = [s for result in pool.map(device, range(12)) for s in result]
        assert set(statuses) == {200}
        texts = server.call(lambda ws: sorted(n.text for n in ws.all(Note)))
        assert texts == sorted(f"端末{i}の意見{k}" for i in range(12) for k in range(8))
        assert server.call(lambda ws: ws.count(DeviceNote)) == 96
        assert applied_on == {"owner"}
    finally:
        server.stop()
        owner.jobs.put(None)
