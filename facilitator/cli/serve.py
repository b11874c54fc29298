"""``furikaeri serve FILE``: the room's web server without a window.

For tests and for a facilitator who projects from another machine: the door
opens on ``--host``/``--port`` (by default where it was last open, so devices
come back by themselves after a restart), the join URL is printed on one
line, and Ctrl+C or SIGTERM closes the door and the file cleanly.
"""

from __future__ import annotations

import signal
import threading

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate


def add_parser(add) -> None:
    """The ``serve`` subcommand (``add`` makes a subparser with the common options)."""
    s = add("serve", help=translate("CLI", "let the room's phones and laptops type into a workshop (local web server)"))
    s.add_argument("file")
    s.add_argument("--host", help=translate("CLI", "address to listen on (default: as last time, else 127.0.0.1; 0.0.0.0: every network)"))
    s.add_argument("--port", type=int, help=translate("CLI", "port (default: as last time, else any free one)"))


def run_serve(args) -> int:
    """Serve until Ctrl+C or SIGTERM; the door is closed on the way out."""
    from facilitator.lan import room
    from facilitator.lan.server import RoomServer
    from facilitator.workshop.workshop import Workshop

    if args.port is not None and not 0 <= args.port <= 65535:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "The port must be between 0 and 65535."))
    with Workshop.open(args.file) as ws:  # read what the door was, then let the server own it
        if ws.readonly:
            raise FurikaeriError(QT_TRANSLATE_NOOP(
                "Errors", "{path} is open in another window or cannot be written."),
                path=ws.path)
        last = room.door(ws)
    host = args.host or last.host
    # The last port first: devices that joined before keep their address.
    candidates = [args.port] if args.port is not None else list(dict.fromkeys([last.port, 0]))
    server = None
    for port in candidates:
        server = RoomServer(args.file, host=host, port=port)
        try:
            server.start()
            break
        except OSError as exc:
            server = None
            if args.port is not None or port == 0:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "Cannot listen on {host}:{port}: {reason}"),
                    host=host, port=port, reason=exc.strerror or exc) from exc
    assert server is not None
    stop = threading.Event()
    previous = signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        server.call(lambda w: room.open_door(w, host, server.port, server.secret))
        print(server.join_url, flush=True)
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        try:
            server.call(room.close_door)
        finally:
            server.stop()
    return 0
