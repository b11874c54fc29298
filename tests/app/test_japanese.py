"""Japanese everywhere: the title, Qt's own dialogs, template names, and 表示 › 言語 without a restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QDockWidget, QFileDialog, QGroupBox, QLabel,
    QLineEdit, QMenu, QMessageBox, QPushButton, QTableWidget, QTreeWidget, QWidget,
)

from facilitator import i18n
from facilitator.agenda.templates import template_choices
from facilitator.workshop import Workshop
from ui import i18n as ui_i18n
from ui.main_window import MainWindow


@pytest.fixture
def language():
    """Installs a language for the test (``language("ja")``), English sources after it."""
    before = i18n.language()
    yield ui_i18n.install_translator
    ui_i18n.uninstall_translator()
    i18n.set_language(before)


@pytest.fixture
def window(qtbot, tmp_path, ws, ws_path, language):
    ws.close()

    def make(lang: str) -> MainWindow:
        language(lang)
        win = MainWindow(QSettings(str(tmp_path / f"{lang}.ini"), QSettings.Format.IniFormat))
        qtbot.addWidget(win)
        win.resize(1280, 800)
        win.show()
        qtbot.waitExposed(win)
        assert win.open_path(ws_path)
        return win
    return make


# -- the title -----------------------------------------------------------------------------
def test_the_title_says_saved_in_japanese_after_an_edit(window):
    win = window("ja")
    win.ws.add(win.ws.new_note("保存の確認", win.session_id, win.group_id), label="note")
    assert win.windowTitle() == f"{win.ws.info.title} — 保存済み"


def test_a_read_only_title_says_so_in_japanese(qtbot, ws_path, ws, language, tmp_path):
    language("ja")
    ws.close()
    win = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.set_workshop(Workshop.open(ws_path, readonly=True))
    assert win.windowTitle().endswith(" — 読み取り専用")
    win.close()


# -- Qt's own dialogs ---------------------------------------------------------------------
def test_the_file_dialog_labels_are_japanese(qtbot, language, tmp_path):
    """Qt 6.11's "&Look in:" and "Files of &type:" are not in its own Japanese catalogue."""
    language("ja")
    dialog = QFileDialog(None, "開く", str(tmp_path), "ワークショップ (*.furikaeri)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    qtbot.addWidget(dialog)
    dialog.show()
    labels = {name: dialog.findChild(QLabel, name).text()
              for name in ("lookInLabel", "fileTypeLabel", "fileNameLabel")}
    assert labels == {"lookInLabel": "場所(&L):", "fileTypeLabel": "ファイルの種類(&T):",
                      "fileNameLabel": "ファイル名(&N):"}
    language("en")                      # and back, live
    qtbot.waitUntil(lambda: dialog.findChild(QLabel, "lookInLabel").text() == "&Look in:")


class _Asked(QTranslator):
    """Asked first (installed last): notes what Qt asks and whether anyone answers."""

    def __init__(self, others) -> None:
        super().__init__()
        self.others, self.unanswered = others, set()

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: N802
        if not any(t.translate(context, source, disambiguation, n) for t in self.others):
            self.unanswered.add((context, source))
        return None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def test_qt_dialogs_the_app_opens_have_every_string_in_japanese(qtbot, language, tmp_path):
    language("ja")
    asked = _Asked([ui_i18n._installed, ui_i18n._qt_installed])
    QApplication.instance().installTranslator(asked)
    try:
        files = QFileDialog(None, "", str(tmp_path))
        files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        box = QMessageBox(QMessageBox.Icon.Question, "", "",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        printer = QPrinter()        # outlives its dialog
        printing = QPrintDialog(printer)
        for dialog in (files, box, printing):
            qtbot.addWidget(dialog)
            dialog.show()
        options = next(b for b in printing.findChildren(QPushButton) if "(&O)" in b.text())
        options.click()                 # the print dialog's options, shown
        QApplication.processEvents()
    finally:
        QApplication.instance().removeTranslator(asked)
    # Key names of exotic keys (never shown) and a progress bar's "%p%" need no Japanese.
    # File-type names (QMimeType) come from the system's freedesktop database, which
    # carries its own translations; Qt only asks when the machine has one (a machine
    # with shared-mime-info installed asks for e.g. "TOML document").
    lacking = {(c, s) for c, s in asked.unanswered
               if c not in ("QShortcut", "QMimeType") and s != "%p%"}
    assert not lacking


# -- template names ---------------------------------------------------------------------------
@pytest.mark.parametrize("lang, standard, blank", [("ja", "標準", "白紙"), ("en", "Standard", "Blank")])
def test_shipped_templates_have_a_name_in_each_language(lang, standard, blank):
    names = {name: title for name, title, _ in template_choices(lang=lang)}
    assert names == {"standard": standard, "blank": blank}


def test_the_start_screen_and_the_agenda_editor_show_template_names(window):
    from ui.agenda.editor import AgendaEditor
    win = window("ja")
    win.close_workshop()            # the start screen
    combo = win.start.templates
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown[0].startswith("標準 — 標準の振り返りワークショップ")
    assert any(text.startswith("白紙 — ") for text in shown)
    assert not any(text.startswith(("standard", "blank")) for text in shown)
    assert combo.itemData(0).endswith("standard.json")     # the file, as before
    win.actions_.choose_language("en")
    QApplication.processEvents()
    assert combo.itemText(0).startswith("Standard — The standard reflection workshop")
    win.open_path(win.start.recent.item(0).data(Qt.ItemDataRole.UserRole))
    editor = AgendaEditor(win.ws, parent=win)
    assert [editor.templates.itemText(i) for i in range(2)] == ["Standard", "Blank"]
    assert editor.templates.itemData(0) == "standard"


# -- 表示 › 言語 without a restart ----------------------------------------------------------------
def shown_texts(root: QWidget) -> list[str]:
    """Every text the window shows: widgets, menus, actions, headers, lists, tooltips."""
    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not (isinstance(w, QMenu) or w is root or w.isVisibleTo(root)):
            continue
        texts = [w.toolTip()]
        if w.isWindow() or isinstance(w, QDockWidget):
            texts.append(w.windowTitle())
        if isinstance(w, (QLabel, QAbstractButton)):
            texts.append(w.text())
        if isinstance(w, QGroupBox):
            texts.append(w.title())
        if isinstance(w, QMenu):
            texts.append(w.title())
        if isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        if isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTreeWidget):
            texts += [w.headerItem().text(c) for c in range(w.columnCount())]
            for i in range(w.topLevelItemCount()):
                item = w.topLevelItem(i)
                texts += [item.text(0)] + [item.child(j).text(0) for j in range(item.childCount())]
        if isinstance(w, QTableWidget):
            texts += [w.horizontalHeaderItem(c).text() for c in range(w.columnCount())
                      if w.horizontalHeaderItem(c)]
        out += [f"{type(w).__name__}: {t}" for t in texts if t]
    out += [f"action: {a.text()} | {a.toolTip()}" for a in root.findChildren(QAction)]
    return sorted(out)


def everything_open(win: MainWindow) -> MainWindow:
    win.themes.dock.show()
    win.themes.votes_dock.show()
    win.outcomes.toggle_panel()
    win.outcomes.capture("action")
    win.board_commands.open_find()               # the find bar
    QApplication.processEvents()
    return win


def menu_titles(win: MainWindow) -> list[str]:
    return [a.menu().title() for a in win.menuBar().actions()]


def test_switching_language_retranslates_the_open_window_and_back(qtbot, window):
    win = everything_open(window("ja"))
    japanese = shown_texts(win)
    assert menu_titles(win)[0] == "ファイル(&F)" and win.agenda_dock.windowTitle() == "プログラム"
    assert win.themes.votes_dock.windowTitle() == "ドット投票"
    assert win.windowTitle().endswith("— 保存済み")

    win.actions_.languages["en"].trigger()
    qtbot.waitUntil(lambda: menu_titles(win)[0] == "&File")
    assert win.agenda_dock.windowTitle() == "Agenda"
    assert win.themes.votes_dock.windowTitle() == "Dot voting"
    assert win.windowTitle().endswith("— Saved")
    pen = win.board_commands.pen.options         # the pen bar, hidden until the pen is chosen
    assert pen.label.text() == "Pen:"
    assert {b.toolTip() for b in pen.width_buttons.values()} == {"Thin", "Medium", "Thick"}
    assert "Black" in {b.toolTip() for b in pen.colour_buttons.values()}
    switched = shown_texts(win)
    win.close()
    started_in_english = everything_open(window("en"))
    fresh = shown_texts(started_in_english)
    started_in_english.close()          # the file is ours again (not read-only)
    assert switched == fresh

    win = everything_open(window("ja"))
    win.actions_.languages["en"].trigger()
    QApplication.processEvents()
    win.actions_.languages["ja"].trigger()
    qtbot.waitUntil(lambda: menu_titles(win)[0] == "ファイル(&F)")
    assert shown_texts(win) == japanese


def test_new_workshop_from_the_menu_asks_the_template_by_its_name(window, monkeypatch, tmp_path):
    win = window("ja")                   # a workshop is open: the start screen is hidden
    offered = []

    def choose(parent, title, label, items, current, editable):
        offered.extend(items)
        return next(i for i in items if i.startswith("白紙")), True
    monkeypatch.setattr("ui.workshop.start_screen.QInputDialog.getItem", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "新しい.furikaeri"), ""))
    win.actions_.new.trigger()
    assert offered[0].startswith("標準 — ") and len(offered) == 2
    assert [s.title for s in win.ws.sessions()] == ["セッション1"]     # the blank template


# -- strings lupdate cannot see --------------------------------------------------------------------
ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


def _name(call) -> str:
    import ast
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _marked_strings():
    """(file:line, context or None, source) of every tr / translate / QT_TRANSLATE_NOOP literal,
    and the places where such a call sits inside an f-string."""
    import ast
    marked, hidden = [], []
    for path in sorted([*(ROOT / "ui").rglob("*.py"), *(ROOT / "facilitator").rglob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = lambda node: f"{path.relative_to(ROOT)}:{node.lineno}"  # noqa: E731
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                hidden += [where(c) for c in ast.walk(node) if isinstance(c, ast.Call)
                           and _name(c) in ("tr", "translate")]
            if not isinstance(node, ast.Call) or not node.args:
                continue
            args = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                    for a in node.args[:2]]
            if _name(node) == "tr" and args[0]:
                marked.append((where(node), None, args[0]))
            elif _name(node) in ("translate", "QT_TRANSLATE_NOOP") and len(args) == 2 \
                    and args[0] and args[1]:
                marked.append((where(node), args[0], args[1]))
    return marked, hidden


def test_every_marked_string_reaches_the_catalogue():
    """A tr() inside an f-string is never extracted: 「— Saved」 stayed English that way."""
    marked, hidden = _marked_strings()
    assert not hidden, "tr() inside an f-string (lupdate skips it): " + ", ".join(hidden)
    catalogue = i18n.load_catalog("ja")
    sources = {source for _, source in catalogue}
    lacking = [f"{place} {source!r}" for place, context, source in marked
               if (source not in sources if context is None
                   else (context, source) not in catalogue)]
    assert len(marked) > 500 and not lacking, lacking
