"""まとめを編集…: every session but the breaks, then 主な気づき and 次のステップ; one undo step."""

from __future__ import annotations

import pytest

from facilitator.workshop import Workshop
from facilitator.workshop.model import KIND_BREAK, Session
from keys import type_text


@pytest.fixture
def window(ws, window_on):
    return window_on(ws)


def test_every_session_but_breaks_is_listed_even_without_notes(qtbot, window):
    dialog = window.report.edit_summaries()
    qtbot.addWidget(dialog)
    held = [s.title for s in window.ws.sessions() if s.kind != KIND_BREAK]
    assert len(held) >= 4 and window.ws.all(Session)[0].summary == ""
    assert dialog.titles() == [*held, dialog.tr("Key findings"), dialog.tr("Next steps")]
    dialog.reject()


def test_summaries_findings_and_next_steps_are_saved_in_one_step(qtbot, window, ws_path):
    ws = window.ws
    dialog = window.report.edit_summaries()
    qtbot.addWidget(dialog)
    orientation = ws.sessions()[0]
    dialog.choose(orientation.title)
    assert dialog.editor.toPlainText() == "" and dialog.hint.text()
    type_text(qtbot, dialog.editor, "目的とグラウンドルールを共有した")
    dialog.choose(dialog.tr("Key findings"))
    type_text(qtbot, dialog.editor, "つながりが一番の動機")
    dialog.choose(dialog.tr("Next steps"))
    type_text(qtbot, dialog.editor, "月例の集まりを始める")
    dialog.choose(orientation.title)                  # what was typed is kept while moving
    assert dialog.editor.toPlainText() == "目的とグラウンドルールを共有した"
    dialog.accept()
    with Workshop.open(ws_path, readonly=True) as saved:
        assert saved.get(Session, orientation.id).summary == "目的とグラウンドルールを共有した"
        assert saved.info.findings == "つながりが一番の動機"
        assert saved.info.next_steps == "月例の集まりを始める"
    window.actions_.undo.trigger()                    # all three in one step
    assert ws.get(Session, orientation.id).summary == ""
    assert ws.info.findings == ws.info.next_steps == ""


def test_cancel_saves_nothing(qtbot, window):
    dialog = window.report.edit_summaries()
    qtbot.addWidget(dialog)
    dialog.choose(dialog.tr("Key findings"))
    dialog.editor.setPlainText("取り消す")
    dialog.reject()
    assert window.ws.info.findings == "" and not window.ws.history.can_undo()
