"""``furikaeri cluster INPUT [--k N] [--json] [--session S]``: propose themes.

INPUT is a workshop file (the notes of ``--session``, or all notes) or a CSV
with a text column (read like ``furikaeri import`` reads it).  Notes already
placed in a theme by hand keep their theme.  Near-duplicate notes are listed
as proposed merges (JSON: one ``{"merge": [note, note]}`` line per pair after
the notes; text: a section at the end).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from facilitator.themes.cluster import OTHER, Proposal, other_label, propose_themes
from facilitator.io.csv_input import decode_text, normalise_name, read_bytes, read_table
from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP, translate

_SQLITE_MAGIC = b"SQLite format 3\x00"


def load_notes(path: Path, session: str | None = None) -> tuple[list[str], dict[int, str]]:
    """``(texts, fixed)`` from a workshop file or a CSV; ``fixed`` maps the
    index of a note placed by hand to its theme id."""
    texts, fixed, _ids, _vectors = load_board(path, session)
    return texts, fixed


def load_board(path: Path, session: str | None = None):
    """``(texts, fixed, ids, vectors)``: as :func:`load_notes`, plus each note's id
    (the note id in a workshop file, the line number in a CSV) and the sentence
    vectors a workshop file keeps for the notes (``{}`` for a CSV).  The file is
    only read."""
    data = read_bytes(path)
    if data.startswith(_SQLITE_MAGIC):
        return _workshop_notes(path, session)
    if session:
        raise FurikaeriError(QT_TRANSLATE_NOOP(
            "Errors", "--session applies to a workshop file, and {path} is a CSV file."), path=path)
    text, _ = decode_text(data, path.name)
    table = read_table(text, path.name, tab=path.suffix.lower() in (".tsv", ".txt"))
    return ([row.get("text", "") for _, row in table.rows], {},
            [line for line, _ in table.rows], {})


def _workshop_notes(path: Path, session: str | None):
    from facilitator.themes.vectors import stored_vectors
    from facilitator.workshop.model import Note
    from facilitator.workshop.workshop import Workshop
    with Workshop.open(path, readonly=True) as ws:
        notes = ws.all(Note)
        if session:
            sid = _session_id(ws.sessions(), session)
            notes = [n for n in notes if n.session_id == sid]
        texts = [n.text for n in notes]
        vectors = {name: v for name, v in stored_vectors(ws, texts).items() if v is not None}
    fixed = {i: n.theme_id for i, n in enumerate(notes) if n.theme_manual and n.theme_id}
    return texts, fixed, [n.id for n in notes], vectors


def _session_id(sessions, value: str) -> str:
    key = normalise_name(value)
    for s in sessions:
        if s.id == value.strip() or normalise_name(s.title) == key:
            return s.id
    if key.isdigit() and 1 <= int(key) <= len(sessions):
        return sessions[int(key) - 1].id
    titles = ", ".join(f"{i}. {s.title}" for i, s in enumerate(sessions, start=1))
    raise FurikaeriError(QT_TRANSLATE_NOOP(
        "Errors", "No session {value} in this workshop (sessions: {titles})."),
        value=value, titles=titles)


def run_cluster(input_path: str, k: int | None = None, as_json: bool = False,
                session: str | None = None, out=None) -> int:
    """Print a theme proposal for the notes of ``input_path``; exit status."""
    out = out or sys.stdout
    texts, fixed, ids, vectors = load_board(Path(input_path), session)
    proposal = propose_themes(texts, k=k, fixed=fixed, vectors=vectors)
    if as_json:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": ids[i], "text": text, "theme": proposal.assignment[i],
                                  "label": proposal.label_of(i)}, ensure_ascii=False) + "\n")
        for a, b in proposal.duplicates:
            out.write(json.dumps({"merge": [{"id": ids[i], "text": texts[i]} for i in (a, b)]},
                                 ensure_ascii=False) + "\n")
    else:
        out.write(outline(texts, proposal))
    return 0


def outline(texts: list[str], proposal: Proposal) -> str:
    """The proposal as readable text: label, key words, notes."""
    lines: list[str] = []
    keywords = translate("CLI", "key words")
    for parent_index, parent in [(-1, None), *enumerate(proposal.parents)]:
        members = [j for j, t in enumerate(proposal.themes) if t.parent == parent_index]
        indent = ""
        if parent is not None:
            lines.append(f"# {parent.label}")
            indent = "  "
        for j in members:
            theme = proposal.themes[j]
            lines.append(f"{indent}## {j + 1}. {theme.label}  ({keywords}: {', '.join(theme.keywords)})")
            lines.extend(f"{indent}  - {texts[i]}" for i in theme.notes)
    rest = [i for i, t in enumerate(proposal.assignment) if t == OTHER]
    if rest:
        lines.append(f"## {other_label()}")
        lines.extend(f"  - {texts[i]}" for i in rest)
    if proposal.duplicates:
        merges = translate("CLI", "Proposed merges (near-duplicate notes)")
        lines.append(f"## {merges}")
        lines.extend(f"  - {texts[a]}  ⇔  {texts[b]}" for a, b in proposal.duplicates)
    return "\n".join(lines) + "\n"
