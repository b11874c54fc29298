"""The room's web server: the page and its JSON API, in a thread of its own (aiohttp).

Only these routes exist: the page (``/``, ``/app.js``, ``/style.css``, from
``assets/web``), the API under ``/api/`` and the live channel ``/api/live``
(a WebSocket telling devices which boards changed).  No path parameter
reaches the file system and nothing administers the workshop over the
network.  Every API call carries the workshop's secret (header
``X-Furikaeri-Secret`` or query ``s``), compared in constant time; requests
are capped at 16 KB and each device has a token bucket for notes (429 when
it is empty).

The workshop has one owner thread.  The window passes ``run_on_owner``, which
runs a function on the GUI thread and returns its result (or raises its
error); without it the server owns the workshop itself and runs every call in
its own event loop's thread (the ``furikaeri serve`` command).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import os
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, Callable

from aiohttp import WSMsgType, web

from facilitator.lan import api, room
from facilitator.lan.journal import BoardJournal
from facilitator.paths import ASSETS_DIR
from facilitator.workshop.changes import Change
from facilitator.workshop.model import (
    DeviceNote, Group, Participant, Session, Setting, Theme, TimerEvent, WorkshopInfo,
)
from facilitator.workshop.workshop import Workshop

WEB_DIR = ASSETS_DIR / "web"
#: The page's files: the only names served, no path parameter.
PAGE_FILES = {"/": ("index.html", "text/html"), "/app.js": ("app.js", "text/javascript"),
              "/style.css": ("style.css", "text/css")}
MAX_REQUEST_BYTES = 16 * 1024
#: Notes per second a device may send on average, and in one burst.
NOTE_RATE, NOTE_BURST = 5.0, 20.0
#: Any API call: what the page needs with room to spare.
CALL_RATE, CALL_BURST = 20.0, 60.0
MAX_BUCKETS = 10_000
MAX_LIVE = 1_000
SECRET_HEADER = "X-Furikaeri-Secret"
DEVICE_HEADER = "X-Furikaeri-Device"
_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "connect-src 'self'; img-src 'self' data:; base-uri 'none'; "
                               "form-action 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",   # the secret is in the page's address
    "Cache-Control": "no-store",
}
_dumps = partial(json.dumps, ensure_ascii=False)
#: Records whose change may change what a device is told on joining (the session,
#: its mode, groups, people, voters).
_STATE_TYPES = (Session, Group, Participant, WorkshopInfo, Setting, TimerEvent)


class TokenBucket:
    """``rate`` tokens a second up to ``burst``; :meth:`take` says whether one was left."""

    def __init__(self, rate: float, burst: float, clock: Callable[[], float] = time.monotonic):
        self.rate, self.burst, self.clock = rate, burst, clock
        self.tokens, self.at = burst, clock()

    def take(self) -> bool:
        now = self.clock()
        self.tokens = min(self.burst, self.tokens + (now - self.at) * self.rate)
        self.at = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


def guess_lan_address() -> str:
    """This machine's address on the local network (no packet is sent), else 127.0.0.1."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.254.254.254", 1))
            return s.getsockname()[0]
        except OSError:
            return "127.0.0.1"


class RoomServer:
    """The web server of one open door.

    ``path_or_workshop``: a workshop file (the server opens and owns it) or an
    open :class:`Workshop` (owned by the caller: pass ``run_on_owner`` unless
    nothing else touches it while the server runs).  ``secret`` None: the
    door's secret in the file.  ``placer`` places a new board note (the window
    measures notes as it draws them).
    """

    def __init__(self, path_or_workshop: str | os.PathLike | Workshop, *,
                 host: str = "127.0.0.1", port: int = 0, secret: str | None = None,
                 run_on_owner: Callable[[Callable[[], Any]], Any] | None = None,
                 placer: room.Placer | None = None) -> None:
        self._given = path_or_workshop if isinstance(path_or_workshop, Workshop) else None
        self._path = None if self._given else Path(path_or_workshop)
        self.ws: Workshop | None = self._given
        self.host, self.port = host, int(port)
        self.secret = secret
        self._run_on_owner = run_on_owner
        self._placer = placer
        self._pool = ThreadPoolExecutor(4, thread_name_prefix="room-owner") if run_on_owner else None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._live: set[web.WebSocketResponse] = set()
        self._buckets: dict[tuple[str, str], TokenBucket] = {}
        self._pending: dict | None = None
        self._closed = False
        self._door_open = True
        self.journal = BoardJournal()   # what changed on each board: devices fetch only that

    # -- addresses ------------------------------------------------------------------
    @property
    def url(self) -> str:
        """The server's address as a device types it (a wildcard host: this machine's LAN address)."""
        host = guess_lan_address() if self.host in ("0.0.0.0", "", "::") else self.host
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.port}/"

    @property
    def join_url(self) -> str:
        """The page's address with the secret: what the QR code holds."""
        return f"{self.url}?s={self.secret}"

    # -- running ----------------------------------------------------------------------
    def start(self, timeout: float = 15.0) -> None:
        """Bind and serve in a new thread; returns once the port is bound (raises OSError if not)."""
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._start())
            except BaseException as exc:  # noqa: BLE001 (handed to the caller of start)
                failure.append(exc)
                ready.set()
                loop.run_until_complete(self._cleanup())
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._cleanup())
            loop.close()

        self._thread = threading.Thread(target=run, name="room-server", daemon=True)
        self._thread.start()
        if not ready.wait(timeout):
            raise TimeoutError("the room server did not start")
        if failure:
            self._thread.join()
            raise failure[0]

    async def _start(self) -> None:
        if self.ws is None:
            self.ws = Workshop.open(self._path)
            if self.ws.readonly:
                raise PermissionError(f"{self._path} is open elsewhere (read-only here)")
        if self.secret is None:
            self.secret = await self._owner(lambda: room.door(self.ws).secret) or room.make_secret()
        self.ws.listeners.append(self._on_change)
        app = web.Application(client_max_size=MAX_REQUEST_BYTES,
                              middlewares=[self._guard])
        app.router.add_get("/", self._page)
        app.router.add_get("/app.js", self._page)
        app.router.add_get("/style.css", self._page)
        app.router.add_get("/api/state", self._state)
        app.router.add_get("/api/notes", self._notes)
        app.router.add_post("/api/notes", self._post_note)
        app.router.add_get("/api/themes", self._themes)
        app.router.add_post("/api/dots", self._dot)
        app.router.add_get("/api/live", self._live_socket)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False,
                                     shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # the port given for port 0

    def stop(self) -> None:
        """Cut every device off and stop serving (the workshop it opened is closed)."""
        if self._loop is None or self._thread is None or self._closed:
            return
        self._closed = True
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)

    async def _cleanup(self) -> None:
        for sock in list(self._live):
            await sock.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
        if self.ws is not None:
            if self._on_change in self.ws.listeners:
                self.ws.listeners.remove(self._on_change)
            if self._given is None:
                self.ws.close()

    def hold(self) -> None:
        """The window reloads its file: answer "closed, try again" until :meth:`rebind`
        (devices keep their notes and come back by themselves)."""
        self._door_open = False

    def rebind(self, ws: Workshop) -> None:
        """Serve ``ws`` from now on (the same file reopened), on the same port and secret.

        Call on the owner thread.  The journal starts over, so every device is sent
        its whole board once; the door follows what the reopened file says."""
        if self.ws is not None and self._on_change in self.ws.listeners:
            self.ws.listeners.remove(self._on_change)
        self.ws = self._given = ws
        self.journal = BoardJournal()
        ws.listeners.append(self._on_change)
        self._door_open = room.door(ws).open
        self.notify_changed()

    def call(self, fn: Callable[[Workshop], Any]) -> Any:
        """Run ``fn(workshop)`` on the workshop's owner thread, from any other thread."""
        if self._run_on_owner is not None:
            return self._run_on_owner(lambda: fn(self.ws))
        assert self._loop is not None
        future = asyncio.run_coroutine_threadsafe(self._owner(lambda: fn(self.ws)), self._loop)
        return future.result()

    async def _owner(self, fn: Callable[[], Any]) -> Any:
        if self._run_on_owner is None:
            return fn()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, self._run_on_owner, fn)

    # -- telling devices what changed ---------------------------------------------------
    def _on_change(self, change: Change) -> None:
        """A workshop listener (on the owner thread): which boards and lists changed."""
        recs = [*change.added, *change.removed, *(a for _, a in change.updated)]
        # Each device reloads only what it shows: a note-taker what changed on its board
        # (a note's words, not its place), a participant its own notes; ink, frames and
        # the like on the board concern no device.
        boards = self.journal.record(change)
        devices = {r.device for r in recs if isinstance(r, DeviceNote)}
        themes = any(isinstance(r, Theme) or (isinstance(r, Setting) and r.id.startswith("dots"))
                     for r in recs)
        state = any(isinstance(r, _STATE_TYPES) and not (
            isinstance(r, Setting) and r.id.startswith("dots:")) for r in recs)
        if any(isinstance(r, Setting) and r.id == room.DOOR_SETTING for r in recs):
            d = room.door(self.ws)
            self._door_open = d.open  # closed in the file: refuse at once, even before stop()
            if d.secret and d.secret != self.secret:
                self.set_secret(d.secret)
        if boards or devices or themes or state:
            self.notify_changed({"boards": sorted([s or "", g or ""] for s, g in boards),
                                 "devices": sorted(devices), "themes": themes,
                                 "state": state})

    def notify_changed(self, what: dict | None = None) -> None:
        """Tell the devices that something changed (any thread); ``None``: everything."""
        what = what or {"themes": True, "state": True, "all": True}
        if self._loop is not None and not self._closed:
            self._loop.call_soon_threadsafe(self._queue_notice, what)

    def _queue_notice(self, what: dict) -> None:
        if self._pending is None:
            self._pending = {"type": "changed", "boards": [], "devices": [], "themes": False,
                             "state": False, "all": False}
            self._loop.call_later(0.03, self._flush)  # a burst of changes: one message
        p = self._pending
        for key in ("boards", "devices"):
            p[key] += [b for b in what.get(key, []) if b not in p[key]]
        for key in ("themes", "state", "all"):
            p[key] = p[key] or bool(what.get(key))

    def _flush(self) -> None:
        message, self._pending = _dumps(self._pending), None
        for sock in list(self._live):
            if not sock.closed:
                asyncio.ensure_future(self._send(sock, message))

    async def _send(self, sock: web.WebSocketResponse, message: str) -> None:
        try:
            await sock.send_str(message)
        except (ConnectionError, RuntimeError):
            self._live.discard(sock)

    def set_secret(self, secret: str) -> None:
        """Accept only ``secret`` from now on; devices on the live channel are cut off."""
        self.secret = secret
        if self._loop is not None and not self._closed:
            self._loop.call_soon_threadsafe(
                lambda: [asyncio.ensure_future(s.close(code=4403)) for s in list(self._live)])

    # -- the gate -------------------------------------------------------------------------
    def _secret_ok(self, request: web.Request) -> bool:
        given = request.headers.get(SECRET_HEADER) or request.query.get("s") or ""
        return bool(self.secret) and hmac.compare_digest(
            given.encode("utf-8", "replace"), self.secret.encode("utf-8"))

    def _bucket(self, kind: str, key: str) -> TokenBucket:
        bucket = self._buckets.get((kind, key))
        if bucket is None:
            if len(self._buckets) >= MAX_BUCKETS:
                self._buckets.clear()  # a flood of made-up ids: start over rather than grow
            rate, burst = (NOTE_RATE, NOTE_BURST) if kind == "note" else (CALL_RATE, CALL_BURST)
            bucket = self._buckets[(kind, key)] = TokenBucket(rate, burst)
        return bucket

    @web.middleware
    async def _guard(self, request: web.Request, handler):
        if request.path.startswith("/api/"):
            if not self._secret_ok(request):
                return _error(403, "secret")
            if not self._door_open:
                return _error(503, "closed")
            device = request.headers.get(DEVICE_HEADER) or request.query.get("device")
            key = device if room.valid_token(device) else (request.remote or "?")
            if not self._bucket("call", key).take():
                return _error(429, "slow_down")
            if request.method == "POST" and request.path == "/api/notes" \
                    and not self._bucket("note", key).take():
                return _error(429, "slow_down")
            if (request.content_length or 0) > MAX_REQUEST_BYTES:
                return _error(413, "too_large")
        try:
            response = await handler(request)
        except web.HTTPException as exc:
            if exc.status == 413:
                return _error(413, "too_large")
            raise
        except api.ApiError as exc:
            return _error(exc.status, exc.code, exc.message)
        if not isinstance(response, web.WebSocketResponse):
            response.headers.update(_HEADERS)
        return response

    # -- routes -----------------------------------------------------------------------------
    async def _page(self, request: web.Request) -> web.Response:
        name, kind = PAGE_FILES[request.path]
        return web.Response(body=(WEB_DIR / name).read_bytes(), content_type=kind,
                            charset="utf-8")

    async def _state(self, request: web.Request) -> web.Response:
        return _json(await self._owner(lambda: api.state(self.ws)))

    async def _notes(self, request: web.Request) -> web.Response:
        q = request.query
        return _json(await self._owner(lambda: api.notes(
            self.ws, q.get("device"), q.get("session"), q.get("group"),
            q.get("since"), self.journal)))

    async def _body(self, request: web.Request) -> dict:
        try:
            body = await request.json(loads=json.loads)
        except (ValueError, UnicodeDecodeError) as exc:
            raise api.ApiError(400, "bad_json") from exc
        if not isinstance(body, dict):
            raise api.ApiError(400, "bad_json")
        return body

    async def _post_note(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        lang = _lang(request)
        return _json(await self._owner(lambda: api.post_note(self.ws, body, lang, self._placer)))

    async def _themes(self, request: web.Request) -> web.Response:
        q = request.query
        return _json(await self._owner(lambda: api.themes(
            self.ws, q.get("session"), q.get("voter"))))

    async def _dot(self, request: web.Request) -> web.Response:
        body = await self._body(request)
        lang = _lang(request)
        return _json(await self._owner(lambda: api.dot(self.ws, body, lang)))

    async def _live_socket(self, request: web.Request) -> web.StreamResponse:
        if len(self._live) >= MAX_LIVE:
            return _error(503, "busy")
        sock = web.WebSocketResponse(heartbeat=20.0, max_msg_size=1024)
        await sock.prepare(request)
        self._live.add(sock)
        try:
            await sock.send_str(_dumps({"type": "hello"}))
            async for msg in sock:  # devices only listen; anything they say is ignored
                if msg.type == WSMsgType.ERROR:
                    break
        finally:
            self._live.discard(sock)
        return sock


def _lang(request: web.Request) -> str:
    return "en" if request.query.get("lang") == "en" else "ja"


def _json(data: dict, status: int = 200) -> web.Response:
    return web.json_response(data, status=status, dumps=_dumps)


def _error(status: int, code: str, message: str = "") -> web.Response:
    response = _json({"error": code, "message": message}, status)
    response.headers.update(_HEADERS)
    return response
