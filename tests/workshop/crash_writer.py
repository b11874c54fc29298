"""Child process of test_crash_safety: edits a workshop in a loop until killed.

Prints ``<note id> <version>`` after each edit has been applied (and so
committed), flushing at once, so the parent knows exactly what was promised.
Usage: ``python tests/crash_writer.py FILE SEED``.
"""

import random
import sys

from facilitator.workshop.model import Note
from facilitator.workshop import Workshop


def text_of(version: int, note_id: str) -> str:
    return f"v{version:07d} 次回も参加したい。「スモールスタート」で続ける 🎉 {note_id}"


def version_of(text: str) -> int:
    return int(text[1:8])


def main(path: str, seed: int) -> None:
    rng = random.Random(seed)
    ws = Workshop.open(path)
    assert not ws.readonly, ws.store.readonly_reason
    session_id = ws.sessions()[0].id
    ids = [n.id for n in ws.all(Note)]
    while True:
        if not ids or rng.random() < 0.4:
            note = ws.new_note(text_of(0, ""), session_id, x=rng.uniform(0, 2000))
            ws.add(note.replace(text=text_of(0, note.id)))
            ids.append(note.id)
            nid, version = note.id, 0
        else:
            nid = rng.choice(ids)
            version = version_of(ws.get(Note, nid).text) + 1
            if rng.random() < 0.5:
                ws.edit_note_text(nid, text_of(version, nid))
            else:  # a text and position edit in one step
                ws.update(nid, text=text_of(version, nid), x=rng.uniform(0, 2000))
        print(nid, version, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
