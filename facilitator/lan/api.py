"""The page's requests answered as plain data (JSON-ready dicts), on the owner's thread.

Each function takes the open workshop and what the page sent (already
parsed, not yet trusted) and returns what the page shows.  The server runs
them on the thread that owns the workshop; nothing here knows HTTP, except
that a request the page should not repeat raises :class:`ApiError` with the
status to answer.  Text goes out as text: the page sets it with
``textContent``, never as markup.
"""

from __future__ import annotations

from facilitator.errors import FurikaeriError
from facilitator.lan import room
from facilitator.themes import voting
from facilitator.workshop.model import DeviceNote, Group, Note, Session, Theme


class ApiError(Exception):
    """A request refused: ``status`` (400, 404, 413...) and a short code for the page."""

    def __init__(self, status: int, code: str, message: str = "") -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status, self.code, self.message = status, code, message


def _str(body: dict, key: str, limit: int = 200, optional: bool = False) -> str | None:
    value = body.get(key)
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise ApiError(400, "bad_request", key)
    return value


def _token(body: dict, key: str) -> str:
    value = body.get(key)
    if not room.valid_token(value):
        raise ApiError(400, "bad_request", key)
    return value  # type: ignore[return-value]


def _session(ws, session_id: str | None) -> Session | None:
    return ws.get(Session, session_id) or room.session_of(ws)


def state(ws) -> dict:
    """What a device needs to join: the session, its groups, the people and voters."""
    session = room.session_of(ws)
    out: dict = {"title": ws.info.title, "session": None, "groups": [],
                 "people": [{"id": p.id, "name": p.name} for p in ws.participants()
                            if p.attended and p.name],
                 "voters": [{"id": vid, "name": name} for vid, name in voting.voters(ws)],
                 "dots": voting.dots_per_participant(ws)}
    if session is not None:
        out["session"] = {"id": session.id, "title": session.title,
                          "mode": room.mode(ws, session.id),
                          "revealed": room.revealed(ws, session.id)}
        out["groups"] = [{"id": g.id, "name": g.name, "color": g.color}
                         for g in ws.groups_of(session.id)]
    return out


def post_note(ws, body: dict, lang: str | None = None, placer=None) -> dict:
    """Receive a note; the same note sent again is answered the same, received once."""
    device, uid = _token(body, "device"), _token(body, "uid")
    text = body.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "bad_request", "text")
    if len(text) > room.MAX_DEVICE_NOTE_CHARS:
        raise ApiError(413, "too_long", str(room.MAX_DEVICE_NOTE_CHARS))
    author = _str(body, "author", room.MAX_AUTHOR_CHARS, optional=True) or ""
    session_id = _str(body, "session_id", optional=True)
    group_id = _str(body, "group_id", optional=True)
    try:
        room.receive_note(ws, device, uid, author, session_id, group_id, text, placer)
    except FurikaeriError as exc:
        raise ApiError(400, "refused", exc.text(lang)) from exc
    dn = ws.get(DeviceNote, room.device_note_id(device, uid))
    return _mine(dn)


def _mine(dn: DeviceNote) -> dict:
    return {"uid": dn.uid, "text": dn.text, "author": dn.author,
            "group_id": dn.group_id, "on_board": dn.note_id is not None,
            "private": dn.private}


def notes(ws, device: str | None, session_id: str | None, group_id: str | None,
          since: str | None = None, journal=None) -> dict:
    """The group's board notes (note-taker sessions) and this device's own notes.

    With a ``journal`` (:class:`facilitator.lan.journal.BoardJournal`) the answer
    carries a ``cursor``; given back as ``since``, only the notes changed after it
    come (``"full": false``, with the ids ``removed`` from the board, and no
    ``mine``), else the whole board (``"full": true``).
    """
    session = _session(ws, session_id)
    if session is None:
        return {"board": [], "mine": [], "full": True, "removed": []}
    board, removed, full = [], [], True
    taker = room.mode(ws, session.id) == room.NOTE_TAKER
    if taker:
        group = ws.get(Group, group_id)
        gid = group.id if group is not None and group.session_id == session.id else None
        delta = journal.since(since, (session.id, gid)) if journal is not None else None
        if delta is None:
            on_board = sorted(ws.elements_on(session.id, gid, [Note]),
                              key=lambda n: (n.created, n.z))
        else:
            full = False
            changed, removed = delta
            on_board = [n for n in (ws.get(Note, i) for i in changed) if n is not None]
        board = [{"id": n.id, "text": n.text, "author": n.author, "created": n.created,
                  "z": n.z} for n in on_board]
    out = {"board": board, "full": full, "removed": removed}
    if journal is not None and taker:  # no board shown, no cursor: the next board comes whole
        out["cursor"] = journal.cursor
    if not full:
        return out  # a note-taker's page shows the board, not its own list: news only
    mine = []
    if room.valid_token(device):
        own = sorted((d for d in ws.all(DeviceNote)
                      if d.device == device and d.session_id == session.id),
                     key=lambda d: (d.received, d.id))
        mine = [_mine(d) for d in own]
    out["mine"] = mine
    return out


def themes(ws, session_id: str | None, voter: str | None) -> dict:
    """The session's themes with their votes and the voter's dots on them."""
    session = _session(ws, session_id)
    if session is None:
        return {"themes": [], "remaining": 0, "dots": voting.dots_per_participant(ws)}
    mine = voting.placed(ws, session.id, voter) if voter else {}
    listed = [{"id": t.id, "label": t.label, "votes": t.votes, "mine": mine.get(t.id, 0)}
              for t in ws.all(Theme) if t.session_id == session.id and t.label]
    left = voting.remaining(ws, session.id, voter) if voter else 0
    return {"themes": listed, "remaining": left, "dots": voting.dots_per_participant(ws)}


def dot(ws, body: dict, lang: str | None = None) -> dict:
    """Place or take back one of the voter's dots on a theme."""
    voter = _str(body, "voter", 80)
    theme_id = _str(body, "theme_id", 80)
    action = body.get("action")
    session = _session(ws, _str(body, "session_id", optional=True))
    theme = ws.get(Theme, theme_id)
    if session is None or theme is None or theme.session_id != session.id:
        raise ApiError(404, "no_theme")
    if action not in ("place", "remove"):
        raise ApiError(400, "bad_request", "action")
    step = voting.place_dot if action == "place" else voting.remove_dot
    try:
        step(ws, session.id, voter, theme_id)
    except FurikaeriError as exc:
        raise ApiError(409, "refused", exc.text(lang)) from exc
    return themes(ws, session.id, voter)
