"""The main window's actions, menus and toolbar."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QToolBar, QToolButton

from facilitator import i18n
from facilitator.workshop.model import PICTOGRAMS
from facilitator.paths import STAMPS_DIR
from ui.i18n import SETTING_LANGUAGE, install_translator, is_language_change

#: Board tools with a toolbar button (``stamp:<name>`` comes from the stamp picker).
TOOLS = ("select", "ink", "arrow", "frame", "heading", "text")


_PICTOGRAM_NAMES = {
    "person": QT_TRANSLATE_NOOP("Stamps", "Person"),
    "group": QT_TRANSLATE_NOOP("Stamps", "Group"),
    "lightbulb": QT_TRANSLATE_NOOP("Stamps", "Light bulb"),
    "heart": QT_TRANSLATE_NOOP("Stamps", "Heart"),
    "star": QT_TRANSLATE_NOOP("Stamps", "Star"),
    "question": QT_TRANSLATE_NOOP("Stamps", "Question"),
    "exclamation": QT_TRANSLATE_NOOP("Stamps", "Exclamation"),
    "handshake": QT_TRANSLATE_NOOP("Stamps", "Handshake"),
    "factory": QT_TRANSLATE_NOOP("Stamps", "Factory"),
    "speech": QT_TRANSLATE_NOOP("Stamps", "Speech bubble"),
}


def pictogram_name(name: str) -> str:
    """The pictogram's name in the chosen language."""
    return QCoreApplication.translate("Stamps", _PICTOGRAM_NAMES.get(name, name))


class WindowActions(QObject):
    """Every action of the window; ``window`` provides the slots they call."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        w = window
        a = self._action
        self.new = a(w.new_workshop_dialog, QKeySequence.StandardKey.New)
        self.open = a(w.open_dialog, QKeySequence.StandardKey.Open)
        self.demo = a(w.open_demo)
        self.demo_again = a(w.restart_demo)
        self.reload = a(w.reload)
        self.export = a(w.export_dialog)
        self.close_ws = a(w.close_workshop, QKeySequence.StandardKey.Close)
        self.quit = a(w.close, QKeySequence.StandardKey.Quit)

        self.undo = a(w.undo, "Ctrl+Z")
        self.redo = a(w.redo, "Ctrl+Shift+Z")
        self.focus_entry = a(w.focus_entry, "Ctrl+E")
        self.next_group = a(lambda: w.step_group(1), "Ctrl+Tab")
        self.prev_group = a(lambda: w.step_group(-1), "Ctrl+Shift+Tab")

        self.fit_all = a(lambda: w.board_call("fit_all"), "Ctrl+0")
        self.fit_selection = a(lambda: w.board_call("fit_selection"), "Ctrl+2")
        self.zoom_100 = a(lambda: w.board_call("zoom_100"), "Ctrl+1")
        self.zoom_in = a(lambda: w.board_call("zoom_by", 1.25), QKeySequence.StandardKey.ZoomIn)
        self.zoom_out = a(lambda: w.board_call("zoom_by", 0.8), QKeySequence.StandardKey.ZoomOut)
        self.presentation = a(w.toggle_presentation, "F5")
        self.presentation.setCheckable(True)
        self.projector = a(w.open_projector, "Shift+F5")
        self.shortcuts = a(self.show_shortcuts, QKeySequence.StandardKey.HelpContents)
        self.log_folder = a(self.open_log_folder)
        self.about = a(self.show_about)
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_qt = a(lambda: QMessageBox.aboutQt(w))
        self.about_qt.setMenuRole(QAction.MenuRole.AboutQtRole)

        self.tool_group = QActionGroup(self)
        self.tools: dict[str, QAction] = {}
        for tool in TOOLS:
            act = a(lambda _=False, t=tool: w.set_tool(t))
            act.setCheckable(True)
            self.tool_group.addAction(act)
            self.tools[tool] = act
        self.tools["select"].setChecked(True)
        self.stamps: dict[str, QAction] = {}
        for name in PICTOGRAMS:
            act = a(lambda _=False, n=name: w.set_tool(f"stamp:{n}"))
            act.setIcon(stamp_icon(name))
            self.stamps[name] = act
        self.languages = self._language_actions()
        self.workshop_actions = [self.reload, self.export, self.close_ws, self.undo,
                                 self.redo, self.fit_all, self.fit_selection, self.zoom_100,
                                 self.zoom_in, self.zoom_out, self.presentation, self.projector,
                                 self.focus_entry, self.next_group, self.prev_group,
                                 *self.tools.values(), *self.stamps.values()]
        self.menus: dict[str, QMenu] = {}   # made by build_menus
        self.toolbar: QToolBar | None = None
        self.stamp_picker: QToolButton | None = None
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.new.setText(self.tr("&New workshop…"))
        self.open.setText(self.tr("&Open…"))
        self.demo.setText(self.tr("Open the &demo workshop"))
        self.demo_again.setText(self.tr("Start the demo a&gain…"))
        self.reload.setText(self.tr("&Reload from the file"))
        self.export.setText(self.tr("&Export…"))
        self.close_ws.setText(self.tr("&Close workshop"))
        self.quit.setText(self.tr("&Quit"))
        self.undo.setText(self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo"))
        self.focus_entry.setText(self.tr("Type a &note"))
        self.next_group.setText(self.tr("&Next group"))
        self.prev_group.setText(self.tr("&Previous group"))
        self.fit_all.setText(self.tr("Fit &all"))
        self.fit_selection.setText(self.tr("Fit &selection"))
        self.zoom_100.setText(self.tr("Zoom &100%"))
        self.zoom_in.setText(self.tr("Zoom &in"))
        self.zoom_out.setText(self.tr("Zoom &out"))
        self.presentation.setText(self.tr("&Presentation mode"))
        self.projector.setText(self.tr("Projector &window"))
        self.shortcuts.setText(self.tr("&Keyboard shortcuts"))
        self.log_folder.setText(self.tr("Open the &log folder"))
        self.about.setText(self.tr("&About Furikaeri"))
        self.about_qt.setText(self.tr("About &Qt"))
        labels = {"select": self.tr("Select"), "ink": self.tr("Pen"),
                  "arrow": self.tr("Arrow"), "frame": self.tr("Frame"),
                  "heading": self.tr("Heading"), "text": self.tr("Text")}
        for tool, act in self.tools.items():
            act.setText(labels[tool])
        for name, act in self.stamps.items():
            act.setText(pictogram_name(name))
        titles = {"file": self.tr("&File"), "recent": self.tr("Open &recent"),
                  "edit": self.tr("&Edit"), "view": self.tr("&View"),
                  "language": self.tr("&Language"), "insert": self.tr("&Insert"),
                  "stamp": self.tr("&Stamp"), "help": self.tr("&Help")}
        for key, menu in self.menus.items():
            menu.setTitle(titles[key])
        if self.toolbar is not None:
            self.toolbar.setWindowTitle(self.tr("Board tools"))
        if self.stamp_picker is not None:
            self.stamp_picker.setText(self.tr("Stamp"))
            self.stamp_picker.setToolTip(self.tr("Place a pictogram stamp"))

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event):
            self.retranslate()
        return super().event(event)

    def _language_actions(self) -> dict[str, QAction]:
        # Each language is named in itself, as language pickers do.
        group = QActionGroup(self)
        current = i18n.language()
        actions = {}
        for code, name in (("ja", "日本語"), ("en", "English")):
            act = QAction(name, self.window)
            act.setCheckable(True)
            act.setChecked(code == current)
            act.triggered.connect(lambda _=False, c=code: self.choose_language(c))
            group.addAction(act)
            actions[code] = act
        return actions

    def choose_language(self, code: str) -> None:
        """Speak ``code`` now (every open window retranslates itself) and from the next start."""
        self.window.settings.setValue(SETTING_LANGUAGE, code)
        for lang, act in self.languages.items():
            act.setChecked(lang == code)
        if code != i18n.language():
            install_translator(code)

    # Help: the dialogs are imported when first asked for, not at every start.
    def show_shortcuts(self):
        from ui.shortcuts import show_shortcuts
        return show_shortcuts(self.window)

    def show_about(self):
        from ui.about import show_about
        return show_about(self.window)

    def open_log_folder(self) -> bool:
        from ui.about import open_log_folder
        return open_log_folder(self.window)

    def _action(self, slot, shortcut=None) -> QAction:
        act = QAction(self.window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _checked=False: slot())
        # On the window too, so shortcuts work while menus are hidden (F5).
        self.window.addAction(act)
        return act

    def build_menus(self) -> None:
        bar = self.window.menuBar()
        menus = self.menus
        file_menu = menus["file"] = bar.addMenu("")
        file_menu.addActions([self.new, self.open, self.demo, self.demo_again])
        self.recent_menu = menus["recent"] = file_menu.addMenu("")
        file_menu.addSeparator()
        file_menu.addActions([self.reload, self.export])
        file_menu.addSeparator()
        file_menu.addActions([self.close_ws, self.quit])

        edit_menu = menus["edit"] = bar.addMenu("")
        self.edit_menu = edit_menu  # the board's commands join it (ui.board.window_commands)
        edit_menu.addActions([self.undo, self.redo])
        edit_menu.addSeparator()
        edit_menu.addActions([self.focus_entry, self.next_group, self.prev_group])

        view_menu = menus["view"] = bar.addMenu("")
        view_menu.addActions([self.fit_all, self.fit_selection, self.zoom_100,
                              self.zoom_in, self.zoom_out])
        view_menu.addSeparator()
        view_menu.addActions([self.presentation, self.projector])
        view_menu.addSeparator()
        language_menu = menus["language"] = view_menu.addMenu("")
        language_menu.addActions(list(self.languages.values()))
        self.view_menu = view_menu

        insert_menu = menus["insert"] = bar.addMenu("")
        insert_menu.addActions(list(self.tools.values()))
        stamp_menu = menus["stamp"] = insert_menu.addMenu("")
        stamp_menu.addActions(list(self.stamps.values()))

        help_menu = menus["help"] = bar.addMenu("")
        help_menu.addActions([self.shortcuts, self.log_folder])
        help_menu.addSeparator()
        help_menu.addActions([self.about, self.about_qt])
        self.retranslate()

    def build_toolbar(self) -> QToolBar:
        bar = self.toolbar = QToolBar(self.window)
        bar.setObjectName("board-tools")
        bar.setMovable(False)
        bar.addActions(list(self.tools.values()))
        picker = QToolButton(bar)
        picker.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(picker)
        menu.addActions(list(self.stamps.values()))
        picker.setMenu(menu)
        self.stamp_picker = picker
        bar.addWidget(picker)
        bar.addSeparator()
        bar.addActions([self.undo, self.redo])
        bar.addSeparator()
        bar.addActions([self.fit_all, self.presentation])
        self.window.addToolBar(bar)
        self.retranslate()
        return bar

    def set_workshop_open(self, is_open: bool) -> None:
        for act in self.workshop_actions:
            act.setEnabled(is_open)


def stamp_icon(name: str) -> QIcon:
    path = STAMPS_DIR / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
