"""The agenda editor: edits, reorder, groups, times, templates; bad input refused; one undo step."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QDate, QModelIndex, QSettings, QTime
from PySide6.QtWidgets import QInputDialog, QMessageBox

from clock_fixtures import DAY, FakeTime, fake, made, user_data  # noqa: F401
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Group, Note, Session
from facilitator.agenda.templates import (
    agenda_as_template, read_template, records_from_template, save_template, template_names,
)
from facilitator.agenda.timer import RoomClock
from facilitator.workshop import Workshop
from ui.agenda.editor import AgendaEditor, drafts_of, user_template_folder
from ui.workshop.start_screen import StartScreen


@pytest.fixture
def early():
    """Nine in the morning of the workshop's day (it starts at 13:30)."""
    return FakeTime(hour=9, minute=0)


@pytest.fixture
def opened(made):
    with Workshop.open(made) as ws:
        yield ws


@pytest.fixture
def editor(qtbot, opened, early, user_data):
    dialog = AgendaEditor(opened, RoomClock(opened, clock=early.clock, wall=early.wall))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def saved(path) -> tuple[list[Session], list[Group]]:
    with Workshop.open(path, readonly=True) as other:
        return other.sessions(), other.all(Group)


def shown_starts(editor) -> list[str]:
    return [editor.list.item(i).text().split()[0] for i in range(editor.list.count())]


def test_planned_starts_follow_the_start_time_and_durations(editor):
    assert shown_starts(editor) == ["13:30", "13:50", "15:00", "15:10", "16:30"]
    editor.list.setCurrentRow(0)
    editor.minutes.setValue(30)
    editor.start_time.setTime(QTime(13, 0))
    assert shown_starts(editor) == ["13:00", "13:30", "14:40", "14:50", "16:10"]


def test_edit_and_reorder_are_saved_as_one_undo_step(editor, opened, made, qtbot):
    editor.list.setCurrentRow(4)
    editor.title.clear()
    qtbot.keyClicks(editor.title, "Closing")
    editor.minutes.setValue(25)
    editor.prompts.setPlainText("まとめ\n次のステップ\n感想")
    # A drag in the list moves its row: the break goes first.
    assert editor.list.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert shown_starts(editor)[:2] == ["13:30", "13:40"]
    editor.accept()
    sessions, _ = saved(made)
    assert [s.title for s in sessions] == [
        "休憩", "オリエンテーション", "グループディスカッション", "全体ディスカッション", "Closing"]
    assert (sessions[-1].planned_minutes, sessions[-1].prompts) == (25, ["まとめ", "次のステップ", "感想"])
    opened.undo()
    assert [s.title for s in saved(made)[0]][-1] == "ラップアップ・クロージング"
    assert saved(made)[0][0].title == "オリエンテーション"


def test_groups_and_note_takers_are_edited(editor, made):
    editor.list.setCurrentRow(1)
    editor.groups.item(0, 1).setText("佐藤")
    editor.add_group()
    assert editor.groups.rowCount() == 3
    editor.groups.item(2, 0).setText("グループC")
    editor.accept()
    sessions, groups = saved(made)
    mine = sorted((g.order, g.name, g.note_taker) for g in groups if g.session_id == sessions[1].id)
    assert mine == [(0, "グループA", "佐藤"), (1, "グループB", ""), (2, "グループC", "")]


def test_added_session_and_removed_session(editor, made):
    editor.list.setCurrentRow(0)
    editor.add_session()
    editor.title.setText("チェックイン")
    editor.minutes.setValue(10)
    editor.list.setCurrentRow(4)   # 全体ディスカッション, now fifth
    editor.remove_session()
    editor.end_time.setTime(QTime(17, 0))
    editor.accept()
    titles = [s.title for s in saved(made)[0]]
    assert titles == ["オリエンテーション", "チェックイン", "グループディスカッション", "休憩",
                      "ラップアップ・クロージング"]


@pytest.mark.parametrize("minutes", [0, -5, 721, 24 * 60])
def test_bad_minutes_are_refused_and_nothing_is_lost(editor, made, messages, minutes):
    before = saved(made)
    editor.list.setCurrentRow(1)
    editor.title.setText("討議")
    editor.list.setCurrentRow(3)
    editor.minutes.setValue(minutes)
    editor.accept()
    assert len(messages) == 1 and "720" in messages[0]
    assert saved(made) == before
    assert editor.isVisible() and editor.list.currentRow() == 3   # the session at fault
    assert editor.ordered()[1].title == "討議"                    # what was typed is kept


def test_agenda_past_the_end_time_is_refused(editor, made, messages):
    before = saved(made)
    editor.list.setCurrentRow(3)
    editor.minutes.setValue(120)
    editor.accept()
    assert len(messages) == 1 and "17:40" in messages[0] and "17:00" in messages[0]
    assert saved(made) == before


def test_start_in_the_past_is_refused(editor, made, messages):
    editor.date.setDate(QDate(2026, 11, 19))
    editor.accept()
    assert len(messages) == 1 and "2026-11-19 13:30" in messages[0]
    with Workshop.open(made, readonly=True) as other:
        assert other.info.date == DAY


def test_running_session_cannot_be_removed_but_can_be_lengthened(qtbot, opened, early, messages,
                                                                  user_data):
    early.wall_at = early.wall_at.replace(hour=13, minute=30)
    clock = RoomClock(opened, clock=early.clock, wall=early.wall)
    clock.start()
    early.advance(minutes=5)
    dialog = AgendaEditor(opened, clock)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(0)
    dialog.remove_session()
    assert len(messages) == 1 and dialog.list.count() == 5
    dialog.apply_template("blank")     # would drop the running session too
    dialog.start_time.setTime(QTime(13, 30))
    dialog.accept()
    assert len(messages) == 2 and opened.count(Session) == 5
    dialog.set_drafts(drafts_of(opened))   # back to the agenda as it is
    dialog.list.setCurrentRow(0)
    dialog.minutes.setValue(30)
    dialog.end_time.setTime(QTime(17, 30))
    dialog.accept()
    assert len(messages) == 2
    assert clock.status().remaining_s == pytest.approx(25 * 60)


def test_removing_a_board_with_notes_asks_first(editor, opened, made, monkeypatch):
    first = opened.sessions()[0]
    opened.add(opened.new_note("目的を共有した", first.id))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2])
                        or QMessageBox.StandardButton.No)
    editor.list.setCurrentRow(0)
    editor.remove_session()
    editor.accept()
    assert asked and "オリエンテーション" in asked[0]
    assert len(saved(made)[0]) == 5
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor.accept()
    assert len(saved(made)[0]) == 4
    opened.undo()   # the session and its note come back in one step
    assert opened.count(Note) == 1 and len(saved(made)[0]) == 5


def test_blank_template_replaces_the_agenda(editor, made):
    editor.apply_template("blank")
    assert shown_starts(editor) == ["13:00"]
    editor.accept()
    sessions, groups = saved(made)
    assert [s.title for s in sessions] == ["セッション1"] and groups == []


def test_agenda_saved_as_template_is_offered_for_new_workshops(editor, monkeypatch, qtbot,
                                                               user_data):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("うちの振り返り", True))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    editor.list.setCurrentRow(0)
    editor.minutes.setValue(15)
    editor.save_as_template()
    path = user_template_folder() / "うちの振り返り.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["sessions"][0]["planned_minutes"] == 15
    assert data["sessions"][1]["groups"][0]["name"] == "グループA"
    assert "うちの振り返り" in template_names(user_folder=user_template_folder())
    start = StartScreen(QSettings(str(user_data / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(start)
    start.show()  # it reads the templates as it is shown
    labels = [start.templates.itemText(i) for i in range(start.templates.count())]
    assert any(label.startswith("うちの振り返り") for label in labels)
    chosen = start.templates.itemData(labels.index(next(
        label for label in labels if label.startswith("うちの振り返り"))))
    records = records_from_template(read_template(chosen))
    assert [r.planned_minutes for r in records if isinstance(r, Session)][0] == 15


def test_template_round_trip_leaves_the_day_out(opened, tmp_path):
    opened.update(opened.sessions()[0], actual_start="2026-11-20T13:31:00+09:00")
    data = agenda_as_template(opened.info, opened.sessions(), opened.all(Group), "mine")
    assert "actual_start" not in json.dumps(data)
    records = records_from_template(data)
    assert [r.title for r in records if isinstance(r, Session)] == [
        s.title for s in opened.sessions()]


@pytest.mark.parametrize("name", ["standard", "", "a/b", "..", "x:y"])
def test_template_names_that_cannot_be_saved(opened, tmp_path, name):
    data = agenda_as_template(opened.info, opened.sessions(), [], name)
    with pytest.raises(FurikaeriError):
        save_template(data, tmp_path)
    assert not list(tmp_path.glob("*.json"))
