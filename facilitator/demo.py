"""The demo workshop (``furikaeri demo``): a LOCAL X STAGE reflection, half run.

The words live in ``assets/demo/demo.json`` (participants, notes per theme and
board, decisions, action items), so they can be edited without touching code;
this module lays them out as a graphic record: on every board a pictogram and
heading with the session's prompts, then one frame per theme, left to right
and top to bottom, with the theme's notes in a small grid inside, a stamp in
the frame's corner, a few arrows and marker strokes.  Positions are
deterministic; record ids are random.
"""

from __future__ import annotations

import json
import math
import os
from datetime import date
from pathlib import Path

from facilitator.board.palette import OTHER_THEME_COLOUR, PLAIN_NOTE, theme_colour
from facilitator.board.placement import GAP, free_spots
from facilitator.workshop.model import (
    NOTE_H, NOTE_W, ActionItem, Connector, Decision, Frame, Group, Heading, Note,
    Participant, Record, Session, Stamp, Stroke, Theme, WorkshopInfo, new_id,
)
from facilitator.paths import DEMO_DIR, EXTENSION, TEMPLATES_DIR
from facilitator.workshop.workshop import Workshop, clean_text

DEMO_FILE = DEMO_DIR / "demo.json"
TZ = "+09:00"  # the event is in Japan

# Board geometry, in points.
HEADER = 56.0          # a frame's title bar (label and stamp)
PAD = GAP              # between a frame's border and its notes
FRAME_GAP = 48.0
FRAMES_PER_ROW = 3
BOARD_TOP = 170.0      # below the heading and the prompts
STAMP = 40.0
NEUTRAL_NOTE = PLAIN_NOTE   # notes without a known group


def load_demo_data(path: Path = DEMO_FILE) -> dict:
    """The demo's content as shipped (see ``assets/demo/demo.json``)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def open_demo_copy(path: str | os.PathLike) -> Workshop:
    """A new copy of the demo workshop at ``path``, open.

    The demo is built once (:func:`create_demo`) into the per-user cache and
    copied from there: a file copy takes ~1 ms where building it took ~20 ms
    of every ``furikaeri demo``.  The cached demo is keyed by the files it is
    made from and the schema version, and rebuilt when any changes; a copy
    that does not open as a workshop is dropped and the demo built afresh.
    """
    import shutil

    from facilitator.errors import FurikaeriError
    from facilitator.paths import cache_dir
    from facilitator.workshop.schema import SCHEMA_VERSION
    path = Path(path)
    try:
        sources = [os.stat(p) for p in (DEMO_FILE, TEMPLATES_DIR / "standard.json")]
        key = "-".join(f"{st.st_size}.{st.st_mtime_ns}" for st in sources)
        pristine = cache_dir() / f"demo-{SCHEMA_VERSION}-{key}{EXTENSION}"
    except OSError:
        return create_demo(path)
    if pristine.exists():
        if path.exists():  # never overwrite: the same refusal create_demo gives
            return create_demo(path)
        try:
            shutil.copyfile(pristine, path)
            return Workshop.open(path)
        except (OSError, FurikaeriError):
            for stale in (path, pristine):
                stale.unlink(missing_ok=True)
    ws = create_demo(path)
    try:
        pristine.parent.mkdir(parents=True, exist_ok=True)
        tmp = pristine.with_name(f"{pristine.name}.{os.getpid()}.part")
        ws.store.copy_to(tmp)
        os.replace(tmp, pristine)
    except OSError:
        pass  # a read-only cache only costs time
    return ws


#: The user's one demo workshop, in their data folder (see :func:`open_user_demo`).
USER_DEMO_NAME = f"demo{EXTENSION}"


def open_user_demo(folder: str | os.PathLike, fresh: bool = False) -> Workshop:
    """The user's one demo workshop in ``folder`` (``demo.furikaeri``), open.

    It is made from the shipped demo the first time; after that the same file
    is opened again with whatever was done in it, since a facilitator
    practising keeps their practice.  ``fresh`` replaces it with a new copy
    (refused while another window has it open); the old one is replaced only
    once the new one is complete.  A demo that no longer opens as a workshop
    is kept beside it (``demo-set-aside-<time>.furikaeri``) and a new one made.
    """
    from datetime import datetime

    from facilitator.diagnostics import log
    from facilitator.errors import FurikaeriError
    from facilitator.i18n import QT_TRANSLATE_NOOP
    folder = Path(folder)
    path = folder / USER_DEMO_NAME
    if path.exists():
        try:
            ws = Workshop.open(path)
        except FurikaeriError as exc:
            aside = folder / f"demo-set-aside-{datetime.now():%Y%m%d-%H%M%S}{EXTENSION}"
            log.warning("The demo did not open (%s); kept as %s", exc, aside)
            for suffix in ("", "-wal", "-shm"):
                if Path(f"{path}{suffix}").exists():
                    os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        else:
            if not fresh:
                return ws
            locked = ws.readonly and ws.store.readonly_reason == "locked"
            ws.close()
            if locked:
                raise FurikaeriError(QT_TRANSLATE_NOOP(
                    "Errors", "The demo workshop is open in another window: close it there "
                    "to start the demo again."))
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "Could not create {path}: {reason}"), path=path, reason=exc) from None
    if not path.exists():
        return open_demo_copy(path)
    new = folder / f"demo-{os.getpid()}.part{EXTENSION}"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{new}{suffix}").unlink(missing_ok=True)  # left by a crash
    open_demo_copy(new).close()  # closing folds the journal in: one file to move
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.replace(new, path)
    return Workshop.open(path)


def create_demo(path: str | os.PathLike, data: dict | None = None) -> Workshop:
    """Write the demo workshop to ``path`` (never overwriting) and return it open.

    The file is made from the standard template, then filled one logical block
    per change; if filling fails the half-made file is removed.  The undo
    history starts empty, so the demo cannot be undone away.
    """
    data = data or load_demo_data()
    info = data["workshop"]
    # Here: reopening the user's demo (every `furikaeri demo` after the first) needs no template.
    from facilitator.agenda.templates import read_template, records_from_template
    records = records_from_template(read_template("standard"), title=info["title"],
                                    on=date.fromisoformat(info["date"]))
    records = [r.replace(**info) if isinstance(r, WorkshopInfo) else r for r in records]
    ws = Workshop.create(path, records)
    try:
        _fill(ws, data)
    except BaseException:
        ws.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{ws.path}{suffix}").unlink(missing_ok=True)
        raise
    ws.history.undo_stack.clear()
    return ws


def _fill(ws: Workshop, data: dict) -> None:
    day = data["workshop"]["date"]
    session = {s.title: s for s in ws.sessions()}
    groups = {g.name: g for g in ws.all(Group)}
    people = data["participants"]
    ws.add(*(Participant(id=new_id(), name=p["name"], organisation=p["organisation"],
                         role=p["role"], order=i) for i, p in enumerate(people)),
           label="participants")

    pairs: list[tuple[Record, Record]] = []
    for p in people:
        if p.get("note_taker_of"):
            g = groups[p["note_taker_of"]]
            pairs.append((g, g.replace(note_taker=p["name"])))
    for t in data["actual_times"]:
        s = session[t["session"]]
        pairs.append((s, s.replace(actual_start=f"{day}T{t['start']}:00{TZ}",
                                   actual_end=f"{day}T{t['end']}:00{TZ}")))
    ws.update_many(pairs, label="agenda")

    orientation = session["オリエンテーション"]
    ws.add(*(Heading(id=new_id(), session_id=orientation.id, x=0.0, y=i * 56.0,
                     w=1400.0, h=h["size"] * 1.6, z=i + 1.0, text=h["text"], size=h["size"],
                     kind="heading" if i == 0 else "text")
             for i, h in enumerate(data["orientation"])), label="orientation")

    colour_of = {p["name"]: groups[p["group"]].color for p in people if p.get("group")}
    theme_order: dict[str, int] = {}
    for board in data["boards"]:
        s = session[board["session"]]
        group = groups[board["group"]] if board["group"] else None
        first = theme_order.get(s.id, 0)
        theme_order[s.id] = first + len(board["themes"])
        ws.add(*_board(s, group, board, day, first, colour_of), label="demo board")

    ws.add(*(Decision(id=new_id(), text=d["text"], session_id=session[d["session"]].id,
                      order=i) for i, d in enumerate(data["decisions"])),
           *(ActionItem(id=new_id(), what=a["what"], owner=a["owner"], due=a["due"],
                        order=i, session_id=session[a["session"]].id if a.get("session")
                        else None) for i, a in enumerate(data["actions"])),
           label="decisions")


def _board(session: Session, group: Group | None, board: dict, day: str,
           first_order: int, colour_of: dict[str, str]) -> list[Record]:
    """Every record of one board: heading, themes in frames with notes, stamps, ink."""
    where = dict(session_id=session.id, group_id=group.id if group else None)
    z = iter(range(1, 100_000))
    out: list[Record] = []
    title = f"{group.name}｜{session.title}" if group else session.title
    out.append(Stamp(id=new_id(), **where, x=0.0, y=0.0, w=48.0, h=48.0, z=next(z),
                     pictogram="group"))
    heading = Heading(id=new_id(), **where, x=60.0, y=0.0, w=1000.0, h=44.0, z=next(z),
                      text=title, size=28.0)
    prompts = "\n".join(f"{'①②③④⑤'[i]} {p}" for i, p in enumerate(session.prompts))
    out += [heading, Heading(id=new_id(), **where, x=60.0, y=60.0, w=1000.0, h=90.0,
                             z=next(z), text=prompts, size=18.0, kind="text")]

    notes_by_key: dict[str, Note] = {}
    hh, mm = map(int, board["first_note_at"].split(":"))
    minute = hh * 60 + mm
    x, y, row_h = 0.0, BOARD_TOP, 0.0
    for i, spec in enumerate(board["themes"]):
        # The colours a proposal gives (told apart with colour blindness too).
        border = OTHER_THEME_COLOUR if spec.get("is_other") else theme_colour(i)
        theme = Theme(id=new_id(), session_id=session.id, label=spec["label"], color=border,
                      order=first_order + i, keywords=list(spec["keywords"]),
                      votes=spec.get("votes", 0), is_other=spec.get("is_other", False))
        count = len(spec["notes"])
        cols = 3 if count >= 5 else 2
        rows = math.ceil(count / cols)
        fw = PAD + cols * (NOTE_W + GAP)
        fh = HEADER + rows * (NOTE_H + GAP)
        if i and i % FRAMES_PER_ROW == 0:  # next row of frames
            x, y, row_h = 0.0, y + row_h + FRAME_GAP, 0.0
        out += [theme, Frame(id=new_id(), **where, x=x, y=y, w=fw, h=fh, z=next(z),
                             color=border, title=spec["label"], theme_id=theme.id)]
        if spec.get("stamp"):
            out.append(Stamp(id=new_id(), **where, x=x + fw - STAMP - 8, y=y + 8, w=STAMP,
                             h=STAMP, z=next(z), pictogram=spec["stamp"], color=border))
        spots = free_spots((), count, columns=cols, origin=(x + PAD, y + HEADER))
        for (nx, ny), n in zip(spots, spec["notes"]):
            at = f"{day}T{minute // 60:02d}:{minute % 60:02d}:00{TZ}"
            minute += 3  # a note every few minutes, as typed during the talk
            author = n.get("author", "")
            note = Note(id=new_id(), **where, x=nx, y=ny, z=next(z), text=clean_text(n["text"]),
                        author=author, created=at, updated=at, votes=n.get("votes", 0),
                        theme_id=theme.id,
                        color=group.color if group else colour_of.get(author, NEUTRAL_NOTE))
            out.append(note)
            if n.get("key"):
                notes_by_key[n["key"]] = note
        x += fw + FRAME_GAP
        row_h = max(row_h, fh)

    for c in board.get("connectors", ()):
        a, b = notes_by_key[c["from"]], notes_by_key[c["to"]]
        (ax, ay), (bx, by) = _centre(a), _centre(b)
        out.append(Connector(id=new_id(), **where, x=min(ax, bx), y=min(ay, by),
                             w=abs(bx - ax), h=abs(by - ay), z=next(z),
                             source_id=a.id, target_id=b.id, label=c.get("label", "")))
    for st in board.get("strokes", ()):
        if st["shape"] == "underline":
            out.append(_underline(heading, where, next(z)))
        else:
            out.append(_circle(notes_by_key[st["note"]], where, next(z)))
    return out


def _centre(e) -> tuple[float, float]:
    return e.x + e.w / 2, e.y + e.h / 2


def _underline(heading: Heading, where: dict, z: int) -> Stroke:
    """A slightly wavy marker line under a heading, about as long as its text."""
    w = round(min(heading.w, len(heading.text) * heading.size * 0.95), 1)
    n = 24
    pts = [[round(w * i / n, 1), round(3 + 2.5 * math.sin(i * 0.8), 1),
            round(0.6 + 0.3 * math.sin(i * 0.5), 2)] for i in range(n + 1)]
    return Stroke(id=new_id(), **where, x=heading.x, y=heading.y + heading.h, w=w, h=8.0,
                  z=z, color="#D1495B", points=pts, width=4.0)


def _circle(note: Note, where: dict, z: int) -> Stroke:
    """A hand-drawn loop around a note (a little more than one turn)."""
    m = 12.0  # stays inside the gap between notes
    w, h = note.w + 2 * m, note.h + 2 * m
    rx, ry = w / 2 / 1.04, h / 2 / 1.04
    pts = []
    for i in range(41):
        t = -0.4 + (2 * math.pi + 0.8) * i / 40
        r = 1 + 0.03 * math.sin(3 * t)
        pts.append([round(w / 2 + rx * r * math.cos(t), 1),
                    round(h / 2 + ry * r * math.sin(t), 1), 0.7])
    return Stroke(id=new_id(), **where, x=note.x - m, y=note.y - m, w=w, h=h, z=z,
                  color="#D1495B", points=pts, width=4.0)
