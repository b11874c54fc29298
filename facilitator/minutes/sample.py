"""A generated workshop for the minutes' tests and bench: many notes, hard text.

Every board of the standard programme gets themes (one nested under
another, an その他) and notes in frames: short and long notes, emoji,
rare kanji (𠮷, 𩸽), line breaks, 「」 and English words; authors and
votes; strokes, connectors, stamps; the room clock's log with a pause and
added minutes.  Deterministic for a given seed.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from facilitator.workshop.model import (
    ActionItem, Connector, Decision, Frame, Group, Heading, Note, Participant, Session,
    Stamp, Stroke, Theme, TimerEvent, WorkshopInfo,
)
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop.workshop import Workshop

PHRASES = [
    "次回も参加したい。地域の企業同士がつながる場は貴重だと感じた",
    "「スモールスタート」で始めて、続けることが大事",
    "大企業は主役ではなく、伴走者として関わるのがよい",
    "学生や若手が参加しやすい雰囲気づくりが必要",
    "FactorISMのような工場見学イベントと連携できないか",
    "成果を数字だけで測らず、関係の変化も記録したい",
    "𠮷野さんの話が印象的だった👍 ほっけ（𩸽）定食の例えが分かりやすい",
    "楽しかった😀🎉 また来年も！",
    "髙橋さん・﨑山さんの発表：「熱量」が伝わってきた",
    "What we need is a place to fail safely. 失敗できる場が必要",
]
AUTHORS = ["山本 健太", "佐藤 美穂", "田村 大輔", "小林 彩", "𠮷田 一郎", ""]


def _text(rng: random.Random, i: int) -> str:
    kind = i % 17
    if kind == 0:  # a long note: several sentences with line breaks
        return "\n".join(rng.choice(PHRASES) + "。" for _ in range(rng.randint(6, 12)))
    if kind == 1:
        return rng.choice(PHRASES) + "、" + rng.choice(PHRASES) + f"（{i}）"
    return f"{rng.choice(PHRASES)}（{i}）"


def sample_records(notes: int = 300, seed: int = 11) -> list:
    """The records of the generated workshop (standard programme, ``notes`` notes)."""
    rng = random.Random(seed)
    records = records_from_template(read_template("standard"), title="生成ワークショップ 🎯")
    records = [r.replace(date="2026-11-20", venue="テスト会場 𠮷野ホール", organiser="テスト課",
                         purpose="議事録の試験") if isinstance(r, WorkshopInfo) else r
               for r in records]
    sessions = [r for r in records if isinstance(r, Session)]
    groups = [r for r in records if isinstance(r, Group)]
    boards = [(s, None) for s in sessions if s.kind == "plenary"]
    boards += [(next(s for s in sessions if s.id == g.session_id), g) for g in groups]
    records += [Participant(id=f"p{i}", name=AUTHORS[i % 5], organisation=f"株式会社テスト{i % 3}",
                            role="participant", order=i) for i in range(5)]
    records.append(Participant(id="fac", name="井上 真理", role="facilitator", order=9))
    per_board = [notes // len(boards) + (1 if k < notes % len(boards) else 0)
                 for k in range(len(boards))]
    n_id = 0
    for b, ((session, group), count) in enumerate(zip(boards, per_board)):
        where = dict(session_id=session.id, group_id=group.id if group else None)
        records.append(Heading(id=f"h{b}", **where, x=0, y=0, w=900, h=40,
                               text=f"{session.title}｜ボード{b}", size=28))
        n_themes = max(2, min(6, count // 8))
        themes = []
        for t in range(n_themes):
            is_other = t == n_themes - 1
            parent = themes[0].id if t == 1 else None  # one nested theme per board
            word = rng.choice(["つながり", "継続", "熱量", "伴走"])
            themes.append(Theme(id=f"t{b}_{t}", session_id=session.id,
                                label="その他" if is_other else f"テーマ{b}-{t} {word}",
                                order=b * 10 + t, parent_id=parent, votes=rng.randint(0, 6),
                                keywords=["つながり", "継続"], is_other=is_other))
        records += themes
        cols = max(1, math.ceil(math.sqrt(count)))
        prev = None
        for k in range(count):
            theme = themes[k % n_themes]
            note = Note(id=f"n{n_id:05d}", **where, x=(k % cols) * 176.0,
                        y=60 + (k // cols) * 116.0, z=k + 1.0, text=_text(rng, n_id),
                        author=rng.choice(AUTHORS), votes=rng.choice([0, 0, 0, 1, 2, 5]),
                        theme_id=None if k % 23 == 5 else theme.id, color="#FFE066")
            records.append(note)
            if prev is not None and k % 11 == 0:
                records.append(Connector(id=f"c{n_id}", **where, source_id=prev.id,
                                         target_id=note.id, label="→関連"))
            prev = note
            n_id += 1
        rows = math.ceil(count / cols)
        records += [
            Frame(id=f"f{b}", **where, x=-10, y=40, w=cols * 176 + 10, h=rows * 116 + 30,
                  title=themes[0].label, theme_id=themes[0].id, color="#3D6FB6"),
            Stamp(id=f"s{b}", **where, x=920, y=0, pictogram="lightbulb"),
            Stroke(id=f"k{b}", **where, x=0, y=44, w=300, h=8, color="#D1495B",
                   points=[[i * 10.0, 3 + 2 * math.sin(i), 0.7] for i in range(31)]),
        ]
    first = sessions[0]
    records += [
        TimerEvent(id="e1", seq=1, session_id=first.id, event="start",
                   at="2026-11-20T13:31:00+09:00"),
        TimerEvent(id="e2", seq=2, session_id=first.id, event="pause",
                   at="2026-11-20T13:40:00+09:00", elapsed_s=540),
        TimerEvent(id="e3", seq=3, session_id=first.id, event="resume",
                   at="2026-11-20T13:44:00+09:00", elapsed_s=540),
        TimerEvent(id="e4", seq=4, session_id=first.id, event="adjust",
                   at="2026-11-20T13:45:00+09:00", elapsed_s=600, minutes=5),
        TimerEvent(id="e5", seq=5, session_id=first.id, event="end",
                   at="2026-11-20T13:58:00+09:00", elapsed_s=1380),
        Decision(id="d1", text="次回は𠮷野ホールで開く", session_id=first.id),
        ActionItem(id="a1", what="議事録を配布する 📄", owner="井上 真理", due="2026-11-27"),
    ]
    return [r.replace(actual_start="2026-11-20T13:31:00+09:00",
                      actual_end="2026-11-20T13:58:00+09:00") if r is first else r
            for r in records]


def sample_workshop(path: str | Path, notes: int = 300, seed: int = 11) -> Workshop:
    """Create the generated workshop at ``path`` and return it open."""
    return Workshop.create(path, sample_records(notes, seed))
