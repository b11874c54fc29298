"""From groups to the plenary in the window: the group session's entry, the entry bar's
target on each kind of board, and bringing the groups' results onto the plenary board."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication

from facilitator.workshop.model import Frame, Note
from facilitator.workshop import Workshop
from group_fixtures import fill_groups, group_notes, sessions
from keys import type_text
from ui.board.quick_entry import split_author
from ui.main_window import MainWindow
from ui.themes.groups_in import GroupsInDialog


@pytest.fixture
def window(qtbot, tmp_path, ws_path, standard_file):
    import shutil
    shutil.copyfile(standard_file, ws_path)
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_path(ws_path)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def saved_notes(path) -> list[Note]:
    with Workshop.open(path, readonly=True) as other:
        return other.all(Note)


def type_note(qtbot, win, text: str) -> Note:
    """Type a note in the entry bar; the note the file now holds with that text."""
    win.focus_entry()
    type_text(qtbot, win.entry.line, text)
    qtbot.keyClick(win.entry.line, Qt.Key.Key_Return)
    stored = split_author(text)[1]
    return next(n for n in saved_notes(win.ws.path) if n.text == stored)


def click_session(win, session_id: str) -> None:
    agenda = win.agenda
    index = [s.id for s in win.ws.sessions()].index(session_id)
    agenda.setCurrentItem(agenda.topLevelItem(index))


def test_a_group_sessions_entry_shows_its_groups_side_by_side_and_says_where_notes_go(
        qtbot, window, ws_path):
    group_session, _ = sessions(window.ws)
    group_a, group_b = window.ws.groups_of(group_session.id)
    click_session(window, group_session.id)
    scene = window.board.board_scene()
    assert scene.all_groups and [a.group_id for a in scene.areas] == [group_a.id, group_b.id]
    label = window.entry.target.text()
    assert group_a.name in label and "Tab" in label
    note = type_note(qtbot, window, "全員で見られる場所がほしい")
    assert (note.session_id, note.group_id) == (group_session.id, group_a.id)
    # The board says it too: group A's area is the one marked.
    marked = [t.text() for t in scene.area_labels() if t.text() != group_a.name
              and t.text() != group_b.name]
    assert len(marked) == 1 and group_a.name in marked[0]

    qtbot.keyClick(window.entry.line, Qt.Key.Key_Tab)  # the next group
    assert group_b.name in window.entry.target.text()
    assert window.board.board_scene() is scene  # still side by side
    note = type_note(qtbot, window, "@鈴木 予算の見通しが必要")
    assert (note.group_id, note.author) == (group_b.id, "鈴木")


def test_a_group_row_shows_that_group_and_the_entry_bar_types_into_it(qtbot, window):
    group_session, _ = sessions(window.ws)
    group_b = window.ws.groups_of(group_session.id)[1]
    index = [s.id for s in window.ws.sessions()].index(group_session.id)
    window.agenda.setCurrentItem(window.agenda.topLevelItem(index).child(1))
    scene = window.board.board_scene()
    assert not scene.all_groups and scene.group_id == group_b.id
    assert group_b.name in window.entry.target.text()
    assert type_note(qtbot, window, "Bの付箋").group_id == group_b.id


def test_on_the_plenary_board_the_entry_bar_types_into_the_plenary(qtbot, window):
    group_session, plenary = sessions(window.ws)
    click_session(window, group_session.id)  # came from the groups (typing into A)
    click_session(window, plenary.id)
    assert plenary.title in window.entry.target.text()
    assert window.group_id is None and not window.all_groups
    note = type_note(qtbot, window, "全体で出た意見")
    assert (note.session_id, note.group_id) == (plenary.id, None)  # never into group A
    qtbot.keyClick(window.entry.line, Qt.Key.Key_Tab)  # no groups here: stays on the plenary
    assert plenary.title in window.entry.target.text()


def _answer_dialog(qtbot, check) -> list:
    """Accept the bring-in dialog when it opens, after ``check(dialog)``."""
    seen = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, GroupsInDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append(dialog)
        check(dialog)
        if dialog.ok.isEnabled():
            dialog.ok.click()
        else:
            dialog.reject()
    QTimer.singleShot(0, answer)
    return seen


def test_the_plenary_brings_in_the_groups_results_through_the_theme_menu(
        qtbot, window, ws_path):
    session_id, plenary_id = fill_groups(window.ws)
    window.choose_board(plenary_id, None, False)
    groups = window.ws.groups_of(session_id)
    assert window.groups_in.bar.isVisible()  # the plenary board offers it
    assert all(g.name in window.groups_in.bar.label.text() for g in groups)
    action = window.groups_in.action
    assert action.isEnabled() and action in window.themes.menu.actions()

    def first(dialog):
        assert dialog.chosen_session() == session_id
        assert dialog.chosen_groups() == [g.id for g in groups]  # both, not brought yet
    seen = _answer_dialog(qtbot, first)
    action.trigger()
    assert seen
    with Workshop.open(ws_path, readonly=True) as other:
        on_plenary = other.elements_on(plenary_id, None, [Note])
        titles = [f.title for f in other.elements_on(plenary_id, None, [Frame])]
    assert len(on_plenary) == len(group_notes(window.ws, session_id))
    assert all(any(t.startswith(g.name) or g.name in t for t in titles) for g in groups)
    scene = window.board.board_scene()
    assert all(n.id in scene.by_id for n in on_plenary)  # on the board in view
    assert not window.groups_in.bar.isVisible()

    # Again: both groups are brought in already, so nothing is ticked and nothing added.
    def again(dialog):
        assert dialog.chosen_groups() == [] and not dialog.ok.isEnabled()
    seen = _answer_dialog(qtbot, again)
    action.trigger()
    assert seen
    assert len(saved_notes(ws_path)) == 2 * len(group_notes(window.ws, session_id))

    window.actions_.undo.trigger()  # one step takes it all back
    with Workshop.open(ws_path, readonly=True) as other:
        assert other.elements_on(plenary_id, None, [Note]) == []
        assert other.elements_on(plenary_id, None, [Frame]) == []
    assert window.groups_in.bar.isVisible()


def test_the_action_waits_for_a_plenary_board(window):
    session_id, _ = fill_groups(window.ws)
    window.choose_board(session_id, None, True)
    assert not window.groups_in.action.isEnabled()
    assert not window.groups_in.bar.isVisible()
    assert not window.groups_in.bring_in()


def test_the_offer_stays_off_the_projector(qtbot, window):
    _, plenary_id = fill_groups(window.ws)
    window.choose_board(plenary_id, None, False)
    assert window.groups_in.bar.isVisible()
    window.enter_presentation()
    assert not window.groups_in.bar.isVisible()
    window.groups_in.refresh()  # a change while presenting does not bring it back
    assert not window.groups_in.bar.isVisible()
    window.leave_presentation()
    assert window.groups_in.bar.isVisible()
