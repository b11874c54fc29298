"""The minutes say which group a theme on the plenary board came from."""

from __future__ import annotations

from facilitator.cli.commands import main
from facilitator.minutes.content import gather
from facilitator.themes.from_groups import bring_groups_into
from facilitator.workshop.model import Note
from group_fixtures import GROUP_A, GROUP_B, fill_groups, group_notes
from report_helpers import flat, pdf_pages


def test_the_plenary_themes_say_from_which_group_and_copies_count_once(ws):
    session, plenary = fill_groups(ws)
    ws.apply(bring_groups_into(ws, plenary, session))
    minutes = gather(ws)
    part = next(p for p in minutes.sessions if p.session.id == plenary)
    sources = {b.label: b.source for board in part.boards for b in board.themes}
    assert sources and set(sources.values()) == {"グループA", "グループB"}
    # A note brought onto the plenary is the same captured note: counted once.
    assert minutes.note_count == len(group_notes(ws, session)) == len(ws.all(Note)) // 2


def test_furikaeri_report_prints_the_group_marks(ws, tmp_path, capsys):
    session, plenary = fill_groups(ws)
    ws.apply(bring_groups_into(ws, plenary, session))
    ws.close()
    pdf = tmp_path / "minutes.pdf"
    assert main(["report", str(ws.path), "-o", str(pdf), "--lang", "ja"]) == 0
    text = flat("".join(pdf_pages(pdf.read_bytes())))
    for name, spec in (("グループA", GROUP_A), ("グループB", GROUP_B)):
        assert f"{name}より" in text
        for label in spec:
            if label not in (None, "その他"):
                assert flat(f"{name}：{label}") in text
        assert flat(f"その他（{name}）") in text
