"""``furikaeri demo`` opens one demo workshop again and again, keeping what was done in it;
``--fresh`` (or File › Start the demo again) starts it over."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from facilitator.demo import open_user_demo
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Note
from facilitator.workshop import Workshop
from ui import app as app_module
from ui.main_window import MainWindow, demo_folder
from ui.workshop.start_screen import recent_files


def practise(path) -> str:
    """Do what a facilitator practising would: add a note (returns its id)."""
    with Workshop.open(path) as ws:
        session = ws.sessions()[1]
        group = ws.groups_of(session.id)[0]
        note = ws.new_note("練習で足した付箋", session.id, group.id)
        ws.add(note, label="note")
        return note.id


def test_open_user_demo_reuses_one_file_and_keeps_edits(tmp_path):
    with open_user_demo(tmp_path) as first:
        path, notes = first.path, first.count(Note)
    note_id = practise(path)
    with open_user_demo(tmp_path) as second:
        assert second.path == path and second.get(Note, note_id) is not None
        assert second.count(Note) == notes + 1
    assert [p.name for p in tmp_path.iterdir()] == ["demo.furikaeri"]


def test_fresh_demo_replaces_it(tmp_path):
    with open_user_demo(tmp_path) as ws:
        path, notes = ws.path, ws.count(Note)
    note_id = practise(path)
    with open_user_demo(tmp_path, fresh=True) as ws:
        assert ws.path == path and ws.count(Note) == notes and ws.get(Note, note_id) is None
        assert not ws.history.can_undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.furikaeri"]


def test_fresh_is_refused_while_another_window_has_the_demo(tmp_path):
    open_user_demo(tmp_path).close()
    note_id = practise(tmp_path / "demo.furikaeri")
    with Workshop.open(tmp_path / "demo.furikaeri"):  # another window
        with pytest.raises(FurikaeriError, match="another window"):
            open_user_demo(tmp_path, fresh=True)
    with Workshop.open(tmp_path / "demo.furikaeri", readonly=True) as ws:
        assert ws.get(Note, note_id) is not None


def test_a_demo_that_no_longer_opens_is_set_aside_and_made_again(tmp_path):
    (tmp_path / "demo.furikaeri").write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    with open_user_demo(tmp_path) as ws:
        assert ws.count(Note) > 50
    aside, = tmp_path.glob("demo-set-aside-*.furikaeri")
    assert aside.read_bytes().startswith(b"SQLite format 3")


# -- the app ------------------------------------------------------------------------------
def run_demo(tmp_path, *extra: str) -> None:
    assert app_module.run(["demo", *extra, "--screenshot", str(tmp_path / "shot.png")]) == 0


def test_two_demo_starts_give_one_file_and_one_recent_entry(app_settings, tmp_path):
    run_demo(tmp_path)
    demo = demo_folder() / "demo.furikaeri"
    note_id = practise(demo)
    run_demo(tmp_path)
    assert [p.name for p in demo_folder().iterdir() if p.suffix == ".furikaeri"] == [demo.name]
    assert recent_files(QSettings()) == [str(demo.resolve())]
    with Workshop.open(demo, readonly=True) as ws:
        assert ws.get(Note, note_id) is not None  # the practice is kept
    run_demo(tmp_path, "--fresh")
    with Workshop.open(demo, readonly=True) as ws:
        assert ws.get(Note, note_id) is None
    assert recent_files(QSettings()) == [str(demo.resolve())]
    assert [p.name for p in demo_folder().iterdir() if p.suffix == ".furikaeri"] == [demo.name]


@pytest.mark.parametrize("answer", [QMessageBox.StandardButton.Yes,
                                    QMessageBox.StandardButton.No])
def test_file_menu_starts_the_demo_again(app_settings, qtbot, tmp_path, monkeypatch, answer):
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    assert win.open_demo()
    assert win.open_demo()  # already open: stays as it is
    notes = win.ws.count(Note)
    win.add_note("練習の付箋", "")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or answer)
    win.actions_.demo_again.trigger()
    assert len(asked) == 1
    assert win.ws is not None and win.ws.path == demo_folder() / "demo.furikaeri"
    expected = notes if answer == QMessageBox.StandardButton.Yes else notes + 1
    assert win.ws.count(Note) == expected
    win.close()
