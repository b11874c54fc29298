"""The Help menu: About (version, licences), About Qt, the F1 shortcut sheet, the log folder,
and the dialog an unexpected error brings up."""

from __future__ import annotations

import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton

from facilitator import i18n
from facilitator.diagnostics import setup_logging
ROOT = Path(__file__).resolve().parents[2]
from ui.about import AboutDialog
from ui.error_report import ErrorReporter
from ui.i18n import install_translator, uninstall_translator
from ui.main_window import MainWindow
from ui.shortcuts import ShortcutSheet


@pytest.fixture
def japanese():
    language = i18n.language()
    install_translator("ja")
    yield
    uninstall_translator()
    i18n.set_language(language)


@pytest.fixture
def window(qtbot, tmp_path, japanese):
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def help_menu(window) -> list[QAction]:
    menu = window.menuBar().actions()[-1].menu()
    return [a for a in menu.actions() if not a.isSeparator()]


def test_help_menu_holds_shortcuts_log_folder_about_and_about_qt(window):
    assert window.menuBar().actions()[-1].text() == "ヘルプ(&H)"
    assert [a.text() for a in help_menu(window)] == [
        "ショートカット一覧(&K)", "ログフォルダを開く(&L)", "ふりかえりについて(&A)",
        "Qt について(&Q)"]
    assert window.actions_.shortcuts.shortcut() == QKeySequence(
        QKeySequence.StandardKey.HelpContents)


def about_dialog(window, qtbot) -> AboutDialog:
    window.actions_.about.trigger()
    dialog = window.findChild(AboutDialog)
    qtbot.waitExposed(dialog)
    return dialog


def licence_text(dialog: AboutDialog, row: int) -> str:
    dialog.list.setCurrentRow(row)
    return dialog.text.toPlainText()


def test_about_shows_the_version_and_the_licence_of_everything_shipped(window, qtbot):
    dialog = about_dialog(window, qtbot)
    labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert dialog.windowTitle() == "ふりかえりについて"
    assert f"バージョン {version('furikaeri')}" in labels
    assert "振り返りワークショップ" in labels
    entries = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert entries == ["Furikaeri\nMIT ライセンス", "IPAexゴシック フォント\nIPAフォントライセンス v1.0",
                       "Noto フォント\nSIL Open Font License 1.1", "Qt / PySide6\nGNU LGPL v3",
                       "その他のライブラリ"]
    mit = licence_text(dialog, 0)
    assert "Copyright (c) 2026 Furikaeri contributors" in mit
    assert "Permission is hereby granted, free of charge" in mit
    ipa = licence_text(dialog, 1)
    assert "IPAフォントライセンスv1.0" in ipa and "IPA Font License Agreement v1.0" in ipa
    assert "第1条" in ipa
    ofl = licence_text(dialog, 2)
    assert "SIL OPEN FONT LICENSE Version 1.1" in ofl and "Noto" in ofl
    qt = licence_text(dialog, 3)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt and "Version 3, 29 June 2007" in qt
    assert "GNU GENERAL PUBLIC LICENSE" in qt and "TERMS AND CONDITIONS" in qt
    assert "PySide6 6." in qt and "Qt 6." in qt
    others = licence_text(dialog, 4)
    assert "reportlab" in others and "SudachiPy" in others and "Python" in others
    dialog.close()


def test_about_qt_is_qt_own_box(window, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "aboutQt", lambda parent, *a: shown.append(parent))
    window.actions_.about_qt.trigger()
    assert shown == [window]
    assert window.actions_.about_qt.menuRole() == QAction.MenuRole.AboutQtRole
    dialog = about_dialog(window, qtbot)
    button = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Qt について")
    button.click()
    assert shown == [window, dialog]
    dialog.close()


def test_the_app_has_its_licence_file_and_the_dialog_shows_the_same_text():
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("MIT License")
    assert (ROOT / "assets" / "licenses" / "Furikaeri-MIT.txt").read_text(
        encoding="utf-8") == licence
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == {"text": "MIT"}


def test_about_tells_when_a_licence_text_is_missing(window, qtbot, monkeypatch):
    dialog = about_dialog(window, qtbot)
    dialog.entries[2].texts = [Path("/nonexistent/OFL.txt")]
    text = licence_text(dialog, 2)
    assert "ライセンス文がありません" in text and "/nonexistent/OFL.txt" in text
    dialog.close()


# -- F1 -------------------------------------------------------------------------------
def sheet_rows(sheet: ShortcutSheet) -> dict[str, dict[str, str]]:
    return {title: dict(rows) for title, rows in sheet.groups}


def test_f1_sheet_lists_the_menus_shortcuts_and_the_other_keys(window):
    window.actions_.shortcuts.trigger()
    sheet = window.findChild(ShortcutSheet)
    assert sheet.isVisible() and sheet.windowTitle() == "ショートカット一覧"
    rows = sheet_rows(sheet)
    assert list(rows)[:7] == ["ファイル", "編集", "表示", "テーマ", "決定と宿題", "時計", "ヘルプ"]
    assert rows["表示"]["プレゼンテーションモード"] == "F5"
    assert rows["表示"]["プロジェクター画面"] == "Shift+F5"
    assert rows["時計"]["会場用の時計を表示"] == "F9"
    assert rows["テーマ"]["テーマを提案"] == "Ctrl+T"
    assert rows["編集"]["付箋を入力"] == "Ctrl+E"
    assert rows["ヘルプ"]["ショートカット一覧"] == "F1"
    typing = rows["付箋の入力（画面下の入力欄）"]
    assert "Tab / Shift+Tab" in typing.values() and "@名前 本文" in typing.values()
    board = rows["ボード"]
    assert "Ctrl+ホイール／ピンチ" in board.values()
    assert any("Space+ドラッグ" in keys for keys in board.values())
    shown = sheet.text.toPlainText()
    assert "プレゼンテーションモード" in shown and "F9" in shown and "@名前 本文" in shown


def test_f1_sheet_follows_the_actions(window):
    act = QAction("新しいコマンド", window)
    act.setShortcut("Ctrl+Alt+K")
    window.menuBar().actions()[0].menu().addAction(act)
    loose = QAction("メニューにないコマンド", window)
    loose.setShortcut("Ctrl+Alt+J")
    window.addAction(loose)
    sheet = window.actions_.show_shortcuts()
    rows = sheet_rows(sheet)
    assert rows["ファイル"]["新しいコマンド"] == "Ctrl+Alt+K"
    assert rows["その他"] == {"メニューにないコマンド": "Ctrl+Alt+J"}
    assert window.actions_.show_shortcuts() is sheet  # open: the same sheet comes forward


# -- log folder -----------------------------------------------------------------------
def test_open_the_log_folder(window, tmp_path, monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    setup_logging(tmp_path / "logs")
    window.actions_.log_folder.trigger()
    assert [u.toLocalFile() for u in opened] == [str(tmp_path / "logs")]


# -- an unexpected error --------------------------------------------------------------
def test_an_error_in_a_slot_is_logged_and_told_once(qtbot, tmp_path, japanese):
    log_path = setup_logging(tmp_path)
    reporter = ErrorReporter(QApplication.instance()).install()

    def broken_slot():
        raise ValueError("壊れたスロット")
    try:
        QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: bool(reporter.shown))
        QTimer.singleShot(0, broken_slot)  # the same place again: logged, not shown again
        qtbot.wait(50)
    finally:
        reporter.uninstall()
    assert reporter.shown == ["ValueError: 壊れたスロット"]
    box = reporter.box
    assert box.isVisible() and box.icon() == QMessageBox.Icon.Critical
    assert "予期しないエラー" in box.text() and str(log_path) in box.text()
    assert "壊れたスロット" in box.detailedText()
    box.close()
    text = log_path.read_text(encoding="utf-8")
    assert text.count("Uncaught exception") == 2 and "broken_slot" in text
