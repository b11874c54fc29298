"""``furikaeri cluster`` lists near-duplicate notes as proposed merges."""

from __future__ import annotations

import json

from facilitator.cli import main
from tests.themes.test_cluster import BOARD

TWIN = "予算が足りず費用を削りたい。"  # BOARD[0] with a full stop: a near-duplicate


def _csv(tmp_path, texts):
    path = tmp_path / "notes.csv"
    path.write_text("text\n" + "\n".join(texts) + "\n", encoding="utf-8")
    return path


def test_json_lists_merges_with_ids_and_texts(tmp_path, capsys):
    texts = BOARD + [TWIN]
    assert main(["cluster", str(_csv(tmp_path, texts)), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    notes = [r for r in rows if "merge" not in r]
    merges = [r["merge"] for r in rows if "merge" in r]
    assert [r["text"] for r in notes] == texts
    pair = next(m for m in merges if {n["text"] for n in m} == {BOARD[0], TWIN})
    by_text = {r["text"]: r["id"] for r in notes}
    assert [n["id"] for n in pair] == [by_text[n["text"]] for n in pair]
    # The two merged notes are proposed in the same theme.
    themes = {r["text"]: r["theme"] for r in notes}
    assert themes[BOARD[0]] == themes[TWIN]


def test_json_lists_no_merge_without_duplicates(tmp_path, capsys):
    assert main(["cluster", str(_csv(tmp_path, BOARD)), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert not any("merge" in r for r in rows) and len(rows) == len(BOARD)


def test_outline_mentions_the_merges(tmp_path, capsys):
    assert main(["cluster", str(_csv(tmp_path, BOARD + [TWIN]))]) == 0
    out = capsys.readouterr().out
    tail = out[out.rindex("## "):]
    assert BOARD[0] in tail and TWIN in tail and "⇔" in tail


def test_workshop_merges_name_the_note_ids(ws, ws_path, capsys):
    from facilitator.workshop.model import Note, new_id
    session = ws.sessions()[0]
    notes = [Note(id=new_id(), session_id=session.id, text=t) for t in BOARD + [TWIN]]
    ws.add(*notes)
    assert main(["cluster", str(ws_path), "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    ids = {n.text: n.id for n in notes}
    merges = [m["merge"] for m in rows if "merge" in m]
    assert any({n["id"] for n in m} == {ids[BOARD[0]], ids[TWIN]} for m in merges)
