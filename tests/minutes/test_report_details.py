"""Everything entered in the window is printed: the cover's details, the people by
organisation (the absent apart), まとめ of every session, findings and next steps,
decisions and action items grouped by session (`furikaeri report`, read back with pypdf)."""

from __future__ import annotations

import re

import pypdf
import pytest

from facilitator.cli import main
from facilitator.outcomes.items import add_action_item, add_decision, edit_change
from facilitator.workshop import Workshop
from facilitator.workshop.people import PersonRow, add_people, info_change
from tests.report_helpers import flat

PEOPLE = [
    PersonRow("山本 健太", "株式会社ミナトメカニクス"),
    PersonRow("佐藤 美穂", "株式会社ミナトメカニクス"),
    PersonRow("高橋 誠一", "北陵大学", "expert"),
    PersonRow("井上 真理", "ひらく合同会社", "facilitator"),
    PersonRow("松本 さくら", "〇〇県", "note_taker"),
    PersonRow("森 由紀子", "東雲ロジスティクス株式会社", attended=False),
]


@pytest.fixture
def entered(ws, ws_path):
    """A workshop with every field the window edits filled in."""
    ws.apply(info_change(ws, title="LOCAL X STAGE 振り返り", date="2026-11-20",
                         start_time="13:30", end_time="17:00", venue="県庁 第3会議室",
                         organiser="〇〇県 産業イノベーション課",
                         purpose="参加企業の想いを言葉にし、次の一歩を決める",
                         findings="つながりが参加の一番の動機だった",
                         next_steps="月例の集まりを始める"))
    ws.apply(add_people(ws, PEOPLE))
    sessions = ws.sessions()
    orientation, plenary, closing = sessions[0], sessions[3], sessions[4]
    ws.update(orientation, summary="目的とグラウンドルールを共有した")
    ws.apply(add_decision(ws, "車座のセッションを設ける", plenary.id))
    ws.apply(add_decision(ws, "STATEMENTの案をまとめる", closing.id))
    ws.apply(add_decision(ws, "次回は春に開催する", None))
    ws.apply(add_action_item(ws, "日程を調整する", plenary.id, "山本 健太", "2026-12-11"))
    ws.apply(add_action_item(ws, "議事録を共有する", closing.id, "松本 さくら", "12月末"))
    item = [a for a in ws.action_items() if a.what == "議事録を共有する"][0]
    ws.apply(edit_change(ws, item.id, done=True))
    ws.close()
    return ws_path


def report_text(path, tmp_path, lang: str) -> str:
    out = tmp_path / f"minutes-{lang}.pdf"
    assert main(["report", str(path), "-o", str(out), "--lang", lang]) == 0
    return flat("".join(p.extract_text() or "" for p in pypdf.PdfReader(out).pages))


def test_every_field_entered_is_printed(entered, tmp_path):
    text = report_text(entered, tmp_path, "ja")
    for value in ("LOCAL X STAGE 振り返り", "日付2026年11月20日（金）", "13:30", "17:00", "県庁 第3会議室",
                  "〇〇県 産業イノベーション課", "参加企業の想いを言葉にし、次の一歩を決める",
                  "つながりが参加の一番の動機だった", "月例の集まりを始める",
                  "目的とグラウンドルールを共有した",
                  "車座のセッションを設ける", "STATEMENTの案をまとめる", "次回は春に開催する",
                  "日程を調整する", "議事録を共有する", "12月末", "2026年12月11日（金）"):
        assert flat(value) in text, value
    # Every date in one form: the cover, the running header and the due dates.
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert text.count("振り返り2026年11月20日（金）") >= 3        # the header of pages 2…
    for person in PEOPLE:
        assert flat(person.name) in text, person.name
        assert flat(person.organisation) in text, person.organisation
    # Two people of one organisation share its row.
    assert flat("株式会社ミナトメカニクス山本 健太、佐藤 美穂") in text
    assert flat("欠席（1名）") in text and flat("森 由紀子（東雲ロジスティクス株式会社）") in text
    assert "✓" in text                                       # the action item done


def test_decisions_and_action_items_are_grouped_by_session_in_agenda_order(entered, tmp_path):
    text = report_text(entered, tmp_path, "en")
    chapter = text[text.rindex("Decisionsandactionitems"):]
    with Workshop.open(entered, readonly=True) as ws:
        plenary, closing = ws.sessions()[3].title, ws.sessions()[4].title
    at = [chapter.index(flat(s)) for s in (plenary, "車座のセッションを設ける", "日程を調整する",
                                          closing, "STATEMENTの案をまとめる", "議事録を共有する",
                                          "Theworkshopasawhole", "次回は春に開催する")]
    assert at == sorted(at)


def test_english_minutes_print_dates_in_one_form_too(entered, tmp_path):
    text = report_text(entered, tmp_path, "en")
    assert flat("Date20 Nov 2026 (Fri)") in text and flat("11 Dec 2026 (Fri)") in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)


def test_the_absent_are_not_counted_as_participants(entered, tmp_path):
    text = report_text(entered, tmp_path, "en")
    assert "5participants" in text                           # six registered, one absent
    assert "Absent(1)" in text
