"""The main window: opening files, the agenda, undo, title, presentation, screenshots."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QFontMetrics, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from facilitator import i18n
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import Frame, Note, Participant
from facilitator.agenda.templates import read_template, records_from_template
from facilitator.workshop import Workshop
from ui import app as app_module
from ui.board.boards import board_to_export
from ui.i18n import choose_language, install_translator
from ui.main_window import MainWindow, demo_folder


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def made(ws_path):
    Workshop.create(ws_path, records_from_template(read_template("standard"))).close()
    return ws_path


@pytest.fixture
def window(qtbot, settings):
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def test_start_screen_lists_recent_workshops(window, made, settings):
    assert window.stack.currentWidget() is window.start
    window.open_path(made)
    window.close_workshop()
    assert window.stack.currentWidget() is window.start
    text = window.start.recent.item(0).text()
    with Workshop.open(made, readonly=True) as ws:
        title = ws.info.title
    assert made.stem in text and title and title in text  # what it is, not only its name


def test_title_shows_the_workshop_and_saved(window, made):
    window.open_path(made)
    assert window.ws.info.title in window.windowTitle()
    assert window.windowTitle().endswith(tr("Saved"))


def test_agenda_lists_sessions_and_the_groups_of_a_group_session(qtbot, window, made):
    window.open_path(made)
    sessions = window.ws.sessions()
    assert window.agenda.topLevelItemCount() == len(sessions)
    group_session = next(s for s in sessions if window.ws.groups_of(s.id))
    groups = window.ws.groups_of(group_session.id)
    index = sessions.index(group_session)
    agenda = window.agenda
    # The groups are listed under their session whichever board is on screen.
    item = agenda.topLevelItem(index)
    assert [item.child(i).text(0) for i in range(item.childCount())] == [g.name for g in groups]
    agenda.setCurrentItem(item)  # the session's own entry: its groups side by side
    assert (window.session_id, window.all_groups) == (group_session.id, True)
    assert window.board.board_scene().all_groups
    qtbot.waitUntil(lambda: agenda.currentItem() is not None
                    and agenda.currentItem().data(0, Qt.ItemDataRole.UserRole)[2])
    agenda.setCurrentItem(agenda.topLevelItem(index).child(1))  # one group's row
    assert (window.session_id, window.group_id, window.all_groups) == (
        group_session.id, groups[1].id, False)
    qtbot.waitUntil(lambda: agenda.currentItem() is not None
                    and agenda.currentItem().text(0) == groups[1].name)
    agenda.setCurrentItem(agenda.topLevelItem(index))  # side by side again
    assert window.all_groups and window.group_id == groups[1].id  # still typing into B


def test_undo_and_redo_actions_change_the_file(qtbot, window, made):
    window.open_path(made)
    assert not window.actions_.undo.isEnabled()
    assert window.add_note("消える付箋", "")
    assert window.actions_.undo.isEnabled()
    window.actions_.undo.trigger()
    with Workshop.open(made, readonly=True) as other:
        assert other.all(Note) == []
    assert window.actions_.redo.isEnabled()
    window.actions_.redo.trigger()
    with Workshop.open(made, readonly=True) as other:
        assert [n.text for n in other.all(Note)] == ["消える付箋"]


def test_a_file_that_is_not_a_workshop_shows_a_message_and_the_window_stays(
        window, tmp_path, messages):
    bad = tmp_path / "notes.txt"
    bad.write_text("ただのテキスト", encoding="utf-8")
    assert not window.open_path(bad)
    assert len(messages) == 1 and "notes.txt" in messages[0]
    assert window.isVisible() and window.stack.currentWidget() is window.start


def test_a_file_held_by_another_program_opens_read_only_and_follows_its_edits(
        window, made):
    with Workshop.open(made) as writer:
        window.open_path(made)
        assert window.ws.readonly
        assert window.windowTitle().endswith(tr("Read-only"))
        assert window.state_label.text()
        assert not window.entry.isEnabled()
        writer.add(Participant(id="p1", name="佐藤"), Note(id="n1", text="外からの付箋",
                                                          session_id=window.session_id))
        window.check_file()  # what the 2-second poll does
        assert window.ws.get(Note, "n1") is not None
        assert window.entry.speaker.findText("佐藤") >= 0


def test_presentation_mode_hides_the_chrome_and_escape_leaves(qtbot, window, made):
    window.open_path(made)
    window.actions_.presentation.trigger()
    assert window.presenting
    assert not window.menuBar().isVisible() and not window.entry.isVisible()
    assert not window.agenda_dock.isVisible() and window.isFullScreen()
    qtbot.keyClick(window.board, Qt.Key.Key_Escape)
    assert not window.presenting
    assert window.menuBar().isVisible() and window.entry.isVisible()
    assert not window.isFullScreen()
    assert QApplication.focusWidget() is window.entry.line


def test_run_open_with_screenshot_writes_a_picture(app_settings, made, tmp_path):
    png = tmp_path / "shot.png"
    assert app_module.run(["open", str(made), "--screenshot", str(png)]) == 0
    image = QImage(str(png))
    assert not image.isNull() and image.width() > 400
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17)
               for y in range(0, image.height(), 17)}
    assert len(colours) > 5  # not a blank window


def test_start_screen_screenshot_shows_the_start_screen(app_settings, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(app_module, "_save_screenshot", lambda window, path, app, status: (
        shown.append(window.stack.currentWidget() is window.start),
        window.grab().save(str(path)), app.exit(0)))
    png = tmp_path / "start.png"
    assert app_module.run(["--screenshot", str(png)]) == 0
    assert shown == [True] and not QImage(str(png)).isNull()


def test_run_open_of_a_bad_file_with_screenshot_prints_one_line_and_exits_2(
        app_settings, tmp_path, capsys):
    bad = tmp_path / "broken.furikaeri"
    bad.write_bytes(b"\x00" * 100)
    assert app_module.run(["open", str(bad), "--screenshot", str(tmp_path / "x.png")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "broken.furikaeri" in err
    assert not (tmp_path / "x.png").exists()


def test_translator_uses_the_catalogue_and_falls_back_to_english(app_settings, monkeypatch):
    monkeypatch.setattr(i18n, "load_catalog",
                        lambda lang: {("MainWindow", "Saved"): "保存済み"})
    install_translator("ja")
    assert tr("Saved") == "保存済み"
    assert tr("Read-only") == "Read-only"


@pytest.mark.parametrize("requested, env, saved, system, expected", [
    ("en", None, "ja", ["ja-JP"], "en"),
    (None, "en", None, ["ja-JP"], "en"),
    (None, None, "en", ["ja-JP"], "en"),
    (None, None, "ja", ["en-US"], "ja"),
    (None, None, None, ["ja-JP"], "ja"),
    (None, None, None, ["en-GB", "ja"], "en"),
    (None, None, None, ["de-DE"], "ja"),
    (None, None, None, [], "ja"),
    (None, None, "klingon", ["ja-JP"], "ja"),
])
def test_choose_language(requested, env, saved, system, expected, settings, monkeypatch):
    if env:
        monkeypatch.setenv("FURIKAERI_LANG", env)
    else:
        monkeypatch.delenv("FURIKAERI_LANG", raising=False)
    if saved:
        settings.setValue("language", saved)
    assert choose_language(requested, settings, system) == expected


def test_language_menu_switches_now_and_saves_the_choice_for_the_next_start(
        app_settings, window, settings):
    window.actions_.languages["en"].trigger()   # live: tests/app/test_japanese.py
    assert settings.value("language") == "en" and i18n.language() == "en"
    assert window.actions_.languages["en"].isChecked()
    assert choose_language(None, settings, ["ja-JP"]) == "en"


def test_run_demo_screenshot_opens_the_demo_with_japanese_font(app_settings, tmp_path):
    png = tmp_path / "demo.png"
    assert app_module.run(["demo", "--screenshot", str(png)]) == 0
    assert not QImage(str(png)).isNull()
    copies = list(demo_folder().glob("*.furikaeri"))
    assert [c.name for c in copies] == ["demo.furikaeri"]
    with Workshop.open(copies[0], readonly=True) as demo:
        assert demo.count(Note) > 0
    assert QFontMetrics(QApplication.font()).inFontUcs4(ord("振"))  # no tofu


@pytest.mark.parametrize("name, expect", [
    (None, "board with notes"), ("グループB", "group"),
    ("全体ディスカッション", "session")])
def test_board_to_export(ws, name, expect):
    group_session = next(s for s in ws.sessions() if ws.groups_of(s.id))
    group_b = ws.groups_of(group_session.id)[1]
    plenary = next(s for s in ws.sessions() if s.title == "全体ディスカッション")
    ws.add(ws.new_note("Bの付箋", group_session.id, group_b.id))
    expected = {"board with notes": (group_session.id, group_b.id, None),
                "group": (group_session.id, group_b.id, None),
                "session": (plenary.id, None, None)}[expect]
    assert board_to_export(ws, name) == expected


def test_board_to_export_finds_a_frame_and_refuses_an_unknown_name(ws):
    session = ws.sessions()[0]
    ws.add(Frame(id="f1", session_id=session.id, title="期待", w=300, h=200))
    assert board_to_export(ws, "期待") == (session.id, None, "期待")
    with pytest.raises(FurikaeriError):
        board_to_export(ws, "無い名前")


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_run_export_writes_the_image(app_settings, made, tmp_path, fmt):
    out = tmp_path / f"board.{fmt}"
    assert app_module.run(["export", str(made), "--format", fmt, "-o", str(out)]) == 0
    assert out.stat().st_size > 0


@pytest.mark.parametrize("lang, cancel", [("ja", "キャンセル"), ("en", "Cancel")])
def test_qt_own_buttons_speak_the_chosen_language(app_settings, qtbot, lang, cancel):
    """The Cancel of every dialog (agenda editor, まとめ, message boxes) is not left in English."""
    install_translator(lang)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == cancel
