"""A realistic workshop day for the minutes' bench and tests: made as the app makes one.

The standard programme; the demo's people; about 100 notes typed one by one
where the quick-entry bar puts them (:func:`~facilitator.board.placement.free_spots`),
on two group boards, the plenary and the wrap-up; themes accepted on each
discussion board (:func:`~facilitator.themes.acceptance.acceptance`, as the
theme preview does), a frame drawn by hand left empty and untitled (the
empty 「（表札なし）」 theme of issue 13) and an untitled one holding two notes;
votes on the plenary only; headings, ink, arrows and stamps; the room clock's
log with a 5-minute over-run; まとめ, decisions and action items.
Deterministic: no clustering model is loaded (the proposal is the demo's themes).
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path

from facilitator.board.note_size import note_height
from facilitator.board.placement import free_spots
from facilitator.paths import DEMO_DIR
from facilitator.themes.acceptance import acceptance, add_theme_frame, proposal_input
from facilitator.themes.proposal import OTHER, Proposal, ThemeProposal
from facilitator.workshop.model import (
    ActionItem, Connector, Decision, Frame, Group, Heading, Note, Participant, Stamp,
    Stroke, Theme, TimerEvent, WorkshopInfo, new_id,
)
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop.workshop import Workshop

#: Notes per board, in the order they are typed: group A, group B, plenary, wrap-up.
NOTES = (32, 30, 30, 8)
#: What people said at the wrap-up (typed, never themed).
WRAP_UP = (
    "今日いちばんの収穫は、他社の本音が聞けたこと。",
    "STATEMENTの案は12月中に回覧したい。",
    "次回は学生にもグループに入ってもらう。",
    "協賛の仕組みは県と有志で一度たたき台をつくる 💡",
    "月例の集まりの名前を決めよう（仮：LOCAL X サロン）",
    "グラレコの写真を社内報に載せてもよいか確認する。",
    "3時間があっという間だった。休憩をもう少し長く。",
    "ふりかえりの場そのものを毎年続けたい。",
)
#: Actual times (start, end) of the programme's sessions: the group discussion ran 5 min over.
ACTUAL = (("13:30", "13:50"), ("13:50", "15:05"), ("15:05", "15:15"), ("15:15", "16:35"),
          ("16:35", "17:05"))
TZ = "+09:00"


def load_demo_data() -> dict:
    """The demo's people, notes and themes (the demo room builds its own workshop from them)."""
    return json.loads((DEMO_DIR / "demo.json").read_text(encoding="utf-8"))


def _extra_texts(notes: list[dict], count: int) -> list[str]:
    """``count`` more notes in the board's own words (a sentence of one, a reply)."""
    sentences = [s for n in notes for s in n["text"].split("。") if len(s) > 8]
    replies = ("に賛成。", "、というのは自分の会社でも同じ。", "。具体的にどう進めるかは次回に。",
               "……ここはもう少し聞きたい", "！ 👍")
    out = []
    for i in range(count):
        s = sentences[(i * 7) % len(sentences)]
        text = s + replies[i % len(replies)]
        if i == 3:  # one long note, as someone types a whole story
            text = "。".join(sentences[j % len(sentences)] for j in range(i, i + 5)) + "。"
        out.append(text)
    return out


def _type_notes(ws: Workshop, where: dict, texts: list[tuple[str, str]], color: str,
                day: str, minute: int) -> list[Note]:
    """Type ``texts`` (text, author) one by one, each where the quick-entry bar puts it."""
    out = []
    for text, author in texts:
        note = ws.new_note(text, author=author, color=color, **where)
        note = note.replace(h=note_height(note.text, note.w))
        (x, y), = free_spots(ws.elements_on(where["session_id"], where["group_id"]), 1,
                             size=(note.w, note.h))
        note = note.replace(x=x, y=y)
        at = f"{day}T{minute // 60:02d}:{minute % 60:02d}:00{TZ}"
        ws.add(note.replace(created=at, updated=at), label="note")
        out.append(ws.get(Note, note.id))
        minute += 2
    return out


def _accept(ws: Workshop, where: dict, board: dict, typed: list[Note]) -> None:
    """Accept a proposal of the demo board's themes (the extra notes spread over them)."""
    given = proposal_input(ws, where["session_id"], where["group_id"])
    specs = [t for t in board["themes"] if not t.get("is_other")]
    theme_of = {}
    k = 0
    for spec_index, spec in enumerate(board["themes"]):
        for _ in spec["notes"]:
            theme_of[typed[k].id] = OTHER if spec.get("is_other") else specs.index(spec)
            k += 1
    for i, note in enumerate(typed[k:]):
        theme_of[note.id] = OTHER if i % 6 == 5 else i % len(specs)
    assignment = tuple(theme_of.get(n.id, OTHER) for n in given.notes)
    themes = tuple(ThemeProposal(
        notes=tuple(i for i, a in enumerate(assignment) if a == j), label=spec["label"],
        keywords=tuple(spec["keywords"])) for j, spec in enumerate(specs))
    ws.apply(acceptance(ws, where["session_id"], where["group_id"], given,
                        Proposal(assignment, themes)))


def _decorate(ws: Workshop, where: dict, title: str, notes: list[Note]) -> None:
    """A heading, an underline, a loop round a note, arrows and stamps (the recorder's ink)."""
    top = min(e.y for e in ws.elements_on(where["session_id"], where["group_id"]))
    heading = Heading(id=new_id(), **where, x=60.0, y=top - 80.0, w=900.0, h=44.0,
                      text=title, size=28.0, z=ws.max_z(**_board(where)) + 1)
    pts = [[i * 12.5, 3 + 2.5 * math.sin(i * 0.8), 0.7] for i in range(25)]
    underline = Stroke(id=new_id(), **where, x=60.0, y=top - 34.0, w=300.0, h=8.0,
                       color="#D1495B", points=pts, width=4.0, z=heading.z + 1)
    stamp = Stamp(id=new_id(), **where, x=0.0, y=top - 80.0, w=48.0, h=48.0, z=heading.z + 2,
                  pictogram="group")
    ws.add(heading, underline, stamp, label="ink")
    notes = [ws.get(Note, n.id) for n in notes]
    loop = notes[1]
    m = 12.0
    circle = Stroke(id=new_id(), **where, x=loop.x - m, y=loop.y - m, w=loop.w + 2 * m,
                    h=loop.h + 2 * m, color="#D1495B", width=4.0, z=heading.z + 3, points=[
                        [loop.w / 2 + m + (loop.w / 2 + m) * math.cos(t / 6),
                         loop.h / 2 + m + (loop.h / 2 + m) * math.sin(t / 6), 0.7]
                        for t in range(40)])
    arrows = [Connector(id=new_id(), **where, source_id=a.id, target_id=b.id, style="arrow",
                        label=label, z=heading.z + 4)
              for a, b, label in ((notes[0], notes[5], "→関連"), (notes[7], notes[12], "なぜ？"))]
    bulb = Stamp(id=new_id(), **where, x=notes[3].x + notes[3].w - 20, y=notes[3].y - 20,
                 w=40.0, h=40.0, z=heading.z + 5, pictogram="lightbulb")
    ws.add(circle, *arrows, bulb, label="ink")


def _board(where: dict) -> dict:
    return {"session_id": where["session_id"], "group_id": where["group_id"]}


def sample_day(path: str | Path, notes: tuple[int, ...] = NOTES) -> Workshop:
    """Create the day at ``path`` (``notes``: per board, as :data:`NOTES`) and return it open."""
    data = load_demo_data()
    info = data["workshop"]
    day = info["date"]
    records = records_from_template(read_template("standard"), title="振り返りワークショップ（実地）",
                                    on=date.fromisoformat(day))
    records = [r.replace(date=day, venue=info["venue"], organiser=info["organiser"],
                         findings=info["findings"], next_steps=info["next_steps"])
               if isinstance(r, WorkshopInfo) else r for r in records]
    ws = Workshop.create(path, records)
    sessions = ws.sessions()
    groups = {g.name: g for g in ws.all(Group)}
    people = data["participants"]
    ws.add(*(Participant(id=new_id(), name=p["name"], organisation=p["organisation"],
                         role=p["role"], order=i) for i, p in enumerate(people)), label="people")
    orientation, discussion, _, plenary, wrap_up = sessions
    ws.add(*(Heading(id=new_id(), session_id=orientation.id, x=0.0, y=i * 56.0, w=1400.0,
                     h=h["size"] * 1.6, z=i + 1.0, text=h["text"], size=h["size"])
             for i, h in enumerate(data["orientation"])), label="orientation")

    boards = [(discussion, groups["グループA"], data["boards"][0], 13 * 60 + 55),
              (discussion, groups["グループB"], data["boards"][1], 13 * 60 + 56),
              (plenary, None, data["boards"][2], 15 * 60 + 20)]
    typed_by_board = []
    for (session, group, board, minute), count in zip(boards, notes):
        where = {"session_id": session.id, "group_id": group.id if group else None}
        said = [(n["text"], n.get("author", "")) for t in board["themes"] for n in t["notes"]]
        authors = [a for _, a in said if a]
        said += [(t, authors[i % len(authors)])
                 for i, t in enumerate(_extra_texts([n for t in board["themes"]
                                                     for n in t["notes"]], count - len(said)))]
        color = group.color if group else "#FFF4A8"
        typed = _type_notes(ws, where, said[:count], color, day, minute)
        typed_by_board.append((where, typed))
        _accept(ws, where, board, typed)
        _decorate(ws, where, f"{group.name}｜{session.title}" if group else session.title,
                  typed)
    # Group B: a frame drawn by hand and left empty and untitled.
    where_b, _ = typed_by_board[1]
    low = max(e.y + e.h for e in ws.elements_on(**_board(where_b)))
    add_theme_frame(ws, Frame(id=new_id(), **where_b, x=0.0, y=low + 60, w=400.0, h=260.0,
                              z=0.0, color="#888888"))
    # Plenary: an untitled frame drawn by hand with two notes dropped in; votes.
    where_p, typed_p = typed_by_board[2]
    low = max(e.y + e.h for e in ws.elements_on(**_board(where_p)))
    frame = Frame(id=new_id(), **where_p, x=0.0, y=low + 60, w=400.0, h=180.0, z=0.0,
                  color="#888888")
    add_theme_frame(ws, frame)
    theme_id = ws.get(Frame, frame.id).theme_id
    for i, n in enumerate(typed_p[-2:]):
        ws.update(n.id, x=16.0 + i * 180.0, y=low + 60 + 44, theme_id=theme_id,
                  theme_manual=True, label="drop")
    for i, n in enumerate(typed_p):
        if i % 4 == 0:
            ws.update(n.id, votes=1 + i % 3, label="vote")
    _theme_votes(ws, plenary.id, data["boards"][2])
    # Wrap-up: notes typed, never themed.
    authors = [p["name"] for p in people if p["role"] == "participant"]
    _type_notes(ws, {"session_id": wrap_up.id, "group_id": None},
                [(t, authors[i % len(authors)]) for i, t in enumerate(WRAP_UP[:notes[3]])],
                "#FFF4A8", day, 16 * 60 + 40)
    _run_clock(ws, day)
    ws.update(discussion.id, summary="両グループとも、参加の動機は「つながり」と社内では得られない刺激。"
              "賞を贈った理由は熱量とスモールスタートの実行力だった。", label="summary")
    ws.update(plenary.id, summary="継続には協賛の仕組みと事務局の分担が必要。大企業には伴走者としての"
              "関わり方が期待されている。", label="summary")
    by_title = {s.title: s for s in sessions}
    ws.add(*(Decision(id=new_id(), text=d["text"], session_id=by_title[d["session"]].id,
                      order=i) for i, d in enumerate(data["decisions"])),
           *(ActionItem(id=new_id(), what=a["what"], owner=a["owner"], due=a["due"], order=i)
             for i, a in enumerate(data["actions"])), label="decisions")
    ws.history.undo_stack.clear()
    return ws


def _theme_votes(ws: Workshop, session_id: str, board: dict) -> None:
    votes = {t["label"]: t.get("votes", 0) for t in board["themes"]}
    for theme in ws.all(Theme):
        if theme.session_id == session_id and votes.get(theme.label):
            ws.update(theme.id, votes=votes[theme.label], label="vote")


def _run_clock(ws: Workshop, day: str) -> None:
    """Each session started and ended on the room clock, as :data:`ACTUAL` says."""
    events = []
    for seq, (s, (a, b)) in enumerate(zip(ws.sessions(), ACTUAL)):
        start, end = f"{day}T{a}:00{TZ}", f"{day}T{b}:00{TZ}"
        ws.update(s.id, actual_start=start, actual_end=end, label="clock")
        events += [TimerEvent(id=new_id(), seq=2 * seq + 1, session_id=s.id, event="start",
                              at=start),
                   TimerEvent(id=new_id(), seq=2 * seq + 2, session_id=s.id, event="end",
                              at=end)]
    ws.add(*events, label="clock")
