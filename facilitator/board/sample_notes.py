"""Notes as note-takers type them, for the board's tests and ``make bench``.

Japanese opinions of realistic lengths: mostly one or two sentences (10 to
60 characters), some longer (up to about 150), a few long stories with line
breaks; now and then an English word, a number, an emoji or a 「quote」.
Deterministic for a given seed.
"""

from __future__ import annotations

import random

_CLAUSES = [
    "地域の企業同士がつながる場は貴重だと感じた", "スモールスタートで始めて続けることが大事",
    "大企業は主役ではなく伴走者として関わるのがよい", "学生や若手が参加しやすい雰囲気づくりが必要",
    "工場見学イベントと連携できないか", "成果を数字だけで測らず関係の変化も記録したい",
    "事務局の負担が大きいので役割を分けたい", "次回は平日の夕方に開催してほしい",
    "オンライン参加の人にも発言の機会がほしい", "最初の自己紹介が長すぎた",
    "グループの人数は五人くらいがちょうどいい", "付箋に書くと意見が出しやすい",
    "予算の見通しを早めに共有してほしい", "他の地域の事例をもっと知りたい",
    "若手社員の学びの場になる", "継続には事務局の予算が必要",
    "話し合いの時間がもう少しほしかった", "テーマが具体的で議論しやすかった",
]
_EXTRAS = ["（笑）", "！", "？", "…", "👍", "😀", "KPI", "DX", "FactorISM", "2026年度",
           "3回目", "「熱量」", "100%", "e.g. pilot", "※要確認"]
_JOINERS = ["。", "、", "。でも", "。また", "ので", "けれど", "。特に"]


def typed_note(rng: random.Random) -> str:
    """One note: its length drawn as in a real session (see the module's docstring)."""
    roll = rng.random()
    if roll < 0.03:   # a long story, several lines
        return "\n".join(rng.choice(_CLAUSES) + "。" for _ in range(rng.randint(4, 8)))
    if roll < 0.55:
        clauses = 1
    elif roll < 0.85:
        clauses = 2
    else:
        clauses = rng.randint(3, 5)
    text = rng.choice(_CLAUSES)
    for _ in range(clauses - 1):
        text += rng.choice(_JOINERS) + rng.choice(_CLAUSES)
    if rng.random() < 0.3:
        text += rng.choice(_EXTRAS)
    if rng.random() < 0.15:
        text = text[: rng.randint(10, max(10, len(text)))]
    return text[:150] if roll >= 0.03 else text


def typed_notes(count: int, seed: int = 13) -> list[str]:
    """``count`` notes as typed in a session, in order."""
    rng = random.Random(seed)
    return [typed_note(rng) for _ in range(count)]
