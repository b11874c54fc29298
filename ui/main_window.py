"""The main window: agenda panel, board, quick-entry bar, menus and toolbar.

Nothing here saves: every edit is committed to the file by the workshop
core the moment it is made, so the title always says "saved".
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget, QLabel, QMainWindow, QMessageBox, QStackedWidget,
    QVBoxLayout, QWidget,
)

from facilitator.workshop.changes import Change
from facilitator.diagnostics import log
from facilitator.errors import DiskFull, FurikaeriError
from facilitator.workshop.model import Group, Participant, Session
from facilitator.workshop import Workshop
from ui.actions import WindowActions
from ui.agenda.panel import AgendaPanel
from ui.board.placing import place
from ui.board.view import BoardView
from ui.agenda.clock.controller import ClockController
from ui.board.boards import initial_board
from ui.board.quick_entry import QuickEntryBar
from ui.board.window_commands import BoardCommandsController
from ui.io.files import FileTransfer
from ui.lan.controller import LanController
from ui.minutes.printing import ReportController
from ui.workshop.save_banner import DiskFullBanner
from ui.outcomes.controller import OutcomesController
from ui.workshop.details_menu import DetailsController
from ui.workshop.opening import WorkshopOpener, demo_folder  # noqa: F401 (tests use it)
from ui.workshop.recent import remember_file
from ui.themes.controller import ThemesController
from ui import window_fit
from ui.themes.groups_in import GroupsInController
from ui.i18n import is_language_change
from ui.ime import keep_compositions

if TYPE_CHECKING:
    from ui.workshop.start_screen import StartScreen

POLL_MS = 2000


class MainWindow(QMainWindow):
    """One window, one workshop (or the start screen when none is open)."""

    def __init__(self, settings: QSettings | None = None, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else QSettings()
        self.ws: Workshop | None = None
        self.board: BoardView | None = None
        self.session_id: str | None = None
        self.group_id: str | None = None   # where typed notes go
        self.all_groups = False
        self._data_version = 0
        self.projector = None  # a ui.board.presentation.ProjectorWindow once opened
        window_fit.fit_first_window(self)  # a 1024×768 projector: within its screen
        keep_compositions()  # a field losing the keyboard keeps the text being composed

        self._start: StartScreen | None = None  # made when first shown (see `start`)
        self._closing = False

        self.workspace = QWidget(self)
        self.board_holder = QVBoxLayout()
        self.board_holder.setContentsMargins(0, 0, 0, 0)
        self.entry = QuickEntryBar(self.workspace)
        self.entry.noteEntered.connect(self.add_note)
        self.entry.stepRequested.connect(self.step_group)
        self.disk_full = DiskFullBanner(self.workspace)
        lay = QVBoxLayout(self.workspace)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addLayout(self.board_holder, 1)
        lay.addWidget(self.disk_full)
        lay.addWidget(self.entry)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.workspace)
        self.setCentralWidget(self.stack)

        self.agenda = AgendaPanel(self)
        self.agenda.boardChosen.connect(self.choose_board)
        self.agenda_dock = QDockWidget(self)
        self.agenda_dock.setObjectName("agenda")
        self.agenda_dock.setWidget(self.agenda)
        self.agenda_dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.agenda_dock)

        self.opener = WorkshopOpener(self)  # File › Open, New, the demo, Recent
        self.actions_ = WindowActions(self)
        self.actions_.build_menus()
        self.actions_.recent_menu.aboutToShow.connect(
            lambda: self.opener.fill_recent_menu(self.actions_.recent_menu))
        self.toolbar = self.actions_.build_toolbar()
        self.themes = ThemesController(self).install()
        self.groups_in = GroupsInController(self).install()  # グループの結果を取り込む
        self.report = ReportController(self)  # 印刷・PDFに保存・まとめを編集
        self.report.install(self)
        self.files = FileTransfer(self).install()  # File › Import…, Export…, dropped files
        self.details = DetailsController(self).install()  # ワークショップ情報・参加者
        self.outcomes = OutcomesController(self).install()  # 決定事項・宿題
        self.board_commands = BoardCommandsController(self).install()  # 編集, Ctrl+F, pen
        self.lan = LanController(self).install()  # 参加受付: devices in the room join
        self.state_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.state_label)
        self._presentation = None  # made on first F5 (ui.board.presentation)
        self.clock_ctl = ClockController(self).install()
        self.toolbar_rows = window_fit.install(self)  # every button in sight, even at 1024 px

        self.poll = QTimer(self)
        self.poll.setInterval(POLL_MS)
        self.poll.timeout.connect(self.check_file)
        self._show_workshop_ui(False)
        self.retranslate()

    @property
    def start(self) -> StartScreen:
        """The start screen, made on first use: a window opening a workshop at once
        (``furikaeri open``, ``demo``) never builds it."""
        if self._start is None:
            from ui.workshop.start_screen import StartScreen
            self._start = StartScreen(self.settings, self)
            self._start.openRequested.connect(self.open_path)
            self._start.browseRequested.connect(self.open_dialog)
            self._start.newRequested.connect(self.new_workshop_dialog)
            self._start.demoRequested.connect(self.open_demo)
            self.stack.insertWidget(0, self._start)
        return self._start

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if self.ws is None and self._start is None:  # shown with no workshop
            self.stack.setCurrentWidget(self.start)
        super().showEvent(event)

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.agenda_dock.setWindowTitle(self.tr("Agenda"))
        self._update_state()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # -- opening and closing -------------------------------------------------------
    def open_path(self, path: str | Path, raise_errors: bool = False) -> bool:
        """Open the workshop at ``path``; a problem is told in a message box."""
        return self.opener.open_path(path, raise_errors)

    def open_demo(self, raise_errors: bool = False, fresh: bool = False) -> bool:
        """Open the user's demo workshop (the same file each time; ``fresh``: a new one)."""
        return self.opener.open_demo(raise_errors, fresh)

    def restart_demo(self) -> bool:
        """File › Start the demo again: the shipped demo replaces the user's copy."""
        return self.opener.restart_demo()

    def create_from_template(self, path: str | Path, template: str) -> bool:
        return self.opener.create_from_template(path, template)

    def set_workshop(self, ws: Workshop, board: tuple | None = None) -> None:
        """Show ``ws`` (closing the workshop shown before)."""
        self.close_workshop()
        self.ws = ws
        ws.listeners.append(self._on_change)
        ws.failure_listeners.append(self._on_save_failed)
        self._data_version = ws.store.data_version()
        self.board = BoardView(ws, self.workspace)
        self.board.pan_key.watch(self.entry.line)  # Space held there pans the board
        self.board_holder.addWidget(self.board)
        self.board.selectionIdsChanged.connect(self._on_selection)
        self.board.messageRequested.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.agenda.set_workshop(ws, rebuild=False)  # choose_board below fills it
        self._refresh_participants()
        self._show_workshop_ui(True)
        remember_file(self.settings, ws.path)
        log.info("Opened %s%s", ws.path, f" (read-only: {ws.store.readonly_reason})"
                 if ws.readonly else "")
        session_id, group_id, all_groups = board or initial_board(self.ws)
        if session_id is not None and ws.get(Session, session_id) is not None:
            self.choose_board(session_id, group_id, all_groups)
        else:
            self.agenda.rebuild()
        self.clock_ctl.set_workshop(ws)
        self._update_state()
        self.poll.start()
        self.themes.attach()
        self.outcomes.attach()
        self.lan.attach()  # a door left open (a crash) opens again
        self.entry.setFocus()

    def close_workshop(self) -> None:
        if self.ws is None:
            return
        self.poll.stop()
        self.themes.detach()
        self.outcomes.detach()
        self.lan.detach()
        self.details.detach()
        self.leave_presentation()
        self._close_projector()
        if self.board is not None:
            self.board.detach()
            self.board_holder.removeWidget(self.board)
            self.board.hide()
            self.board.deleteLater()
            self.board = None
        self.clock_ctl.set_workshop(None)
        ws, self.ws = self.ws, None
        if self._on_change in ws.listeners:
            ws.listeners.remove(self._on_change)
        if self._on_save_failed in ws.failure_listeners:
            ws.failure_listeners.remove(self._on_save_failed)
        self.disk_full.hide()
        ws.close()
        self.session_id = self.group_id = None
        self.agenda.set_workshop(None)
        self._show_workshop_ui(False)  # the start screen refreshes as it is shown
        self._update_state()

    def reload(self) -> None:
        """Reopen the file (after another program changed it) and rebuild."""
        if self.ws is None:
            return
        path, where = self.ws.path, (self.session_id, self.group_id, self.all_groups)
        with self.lan.kept_open():  # devices in the room stay connected
            self.close_workshop()
            try:
                ws = Workshop.open(path)
            except FurikaeriError as exc:
                QMessageBox.warning(self, self.tr("Furikaeri"), exc.text())
                return
            if ws.get(Session, where[0]) is None:
                where = None
            self.set_workshop(ws, where)
        self.statusBar().showMessage(self.tr("Reloaded from the file."), 5000)

    def check_file(self) -> None:
        """Poll: has another program committed to the file?"""
        if self.ws is None:
            return
        try:
            version = self.ws.store.data_version()
        except Exception:  # the file vanished under us: tell, keep what is shown
            self.statusBar().showMessage(self.tr("The file cannot be read any more."))
            return
        if version == self._data_version:
            return
        self._data_version = version
        if self.ws.readonly:
            self.reload()
        else:
            self.statusBar().showMessage(self.tr(
                "Another program changed the file; use File › Reload to see its changes."))

    def closeEvent(self, event) -> None:  # noqa: N802
        self.settings.setValue("geometry", self.saveGeometry())
        self._closing = True  # no start screen made just to be closed
        self.close_workshop()
        self._closing = False
        super().closeEvent(event)

    # -- dialogs -----------------------------------------------------------------
    def open_dialog(self) -> None:
        self.opener.open_dialog()

    def new_workshop_dialog(self, template: str | None = None) -> None:
        self.opener.new_workshop_dialog(template)

    def export_dialog(self) -> None:
        self.files.export_dialog()

    # -- boards ---------------------------------------------------------------------
    def choose_board(self, session_id: str, group_id: str | None, all_groups: bool) -> None:
        """Show one board: a session's, one group's, or all groups side by side."""
        if self.ws is None or self.ws.get(Session, session_id) is None:
            return
        groups = self.ws.groups_of(session_id)
        if all_groups:
            # Typed notes go to the group asked for, else keep going to the same group
            # (the entry bar says which; Tab switches).
            ids = [g.id for g in groups]
            entry_group = (group_id if group_id in ids else self.group_id
                           if self.group_id in ids else (ids[0] if ids else None))
        else:
            entry_group = group_id
        self.session_id, self.group_id, self.all_groups = session_id, entry_group, all_groups
        if self.board is not None:
            self.board.set_board(session_id, None if all_groups else group_id,
                                 all_groups=all_groups)
            QTimer.singleShot(0, self._fit_board)
        self.agenda.set_current(session_id, None if all_groups else group_id, all_groups)
        if self.projector is not None:
            self.projector.show_board(session_id, None if all_groups else group_id, all_groups)
        self._update_entry_target()
        self.groups_in.refresh()

    def _fit_board(self) -> None:
        if self.board is not None and self.board.isVisible():
            self.board.show_board()

    def step_group(self, delta: int) -> None:
        """Next (+1) or previous (-1) group of the current session."""
        if self.ws is None or self.session_id is None:
            return
        groups = self.ws.groups_of(self.session_id)
        if not groups:
            self.statusBar().showMessage(self.tr("This session has no groups."), 4000)
            return
        ids = [g.id for g in groups]
        index = ids.index(self.group_id) if self.group_id in ids else (-1 if delta > 0 else 0)
        target = ids[(index + delta) % len(ids)]
        if self.all_groups:
            self.group_id = target
            self._update_entry_target()
        else:
            self.choose_board(self.session_id, target, False)

    def board_call(self, name: str, *args) -> None:
        if self.board is not None:
            getattr(self.board, name)(*args)

    def set_tool(self, tool: str) -> None:
        self.board_call("set_tool", tool)
        if tool.startswith("stamp:"):
            checked = self.actions_.tool_group.checkedAction()
            if checked is not None:
                checked.setChecked(False)

    def _on_selection(self, ids: list) -> None:
        self.actions_.fit_selection.setEnabled(bool(ids))

    # -- capture -------------------------------------------------------------------
    def add_note(self, text: str, author: str) -> bool:
        """Add ``text`` as a note at the next free spot of the current board."""
        if self.ws is None or self.session_id is None:
            return False
        if not text.strip():
            self.statusBar().showMessage(self.tr("Nothing to add: the note is empty."), 4000)
            return False
        group = self.ws.get(Group, self.group_id)
        try:
            note = self.ws.new_note(text, self.session_id, self.group_id, author=author,
                                    color=group.color if group else "")
            note = place(note, self.ws.elements_on(self.session_id, self.group_id),
                         self.board.board_scene() if self.board is not None else None)
            self.ws.add(note, label="note")
        except FurikaeriError as exc:
            self.statusBar().showMessage(exc.text(), 8000)
            return False
        if self.board is not None:
            self.board.reveal(note.id)  # the new note in sight, the zoom kept
        self.entry.line.clear()
        self.statusBar().showMessage(self.tr("Note added."), 2000)
        return True

    def focus_entry(self) -> None:
        self.entry.line.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _update_entry_target(self) -> None:
        """The entry bar says which board it types into (the one in view; side by
        side, the group Tab chose, outlined on the board too)."""
        if self.ws is None or self.session_id is None:
            self.entry.set_target("")
            return
        group = self.ws.get(Group, self.group_id)
        session = self.ws.get(Session, self.session_id)
        if group is not None:
            self.entry.set_target(group.name, group.color, side_by_side=self.all_groups)
        else:
            self.entry.set_target(session.title if session else "", plenary=True)
        scene = self.board.board_scene() if self.board is not None else None
        if scene is not None:
            scene.set_target_group(self.group_id if self.all_groups else None)

    def _refresh_participants(self) -> None:
        names = [p.name for p in self.ws.participants()] if self.ws else []
        self.entry.set_participants([n for n in names if n])

    # -- undo and presentation ---------------------------------------------------------
    def undo(self) -> None:
        self._step(Workshop.undo)

    def redo(self) -> None:
        self._step(Workshop.redo)

    def _step(self, method) -> None:
        if self.ws is None:
            return
        try:
            method(self.ws)
        except FurikaeriError as exc:
            QMessageBox.warning(self, self.tr("Furikaeri"), exc.text())
        self._update_state()

    def toggle_presentation(self) -> None:
        self.presentation.toggle()

    def enter_presentation(self) -> None:
        """Projector view: only the board, full screen, large type, following the selection."""
        self.presentation.enter()

    def leave_presentation(self) -> None:
        if self._presentation is not None:
            self._presentation.leave()

    @property
    def presentation(self):
        if self._presentation is None:
            from ui.board.presentation import Presentation
            self._presentation = Presentation(self)
        return self._presentation

    @property
    def presenting(self) -> bool:
        return self._presentation is not None and self._presentation.on

    def open_projector(self) -> None:
        """A second window for the projector that mirrors the board and the selection."""
        if self.ws is None or self.board is None:
            return
        if self.projector is None:
            from ui.board.presentation import ProjectorWindow
            self.projector = ProjectorWindow(self.ws, self)
            self.projector.follow(self.board)
        self.projector.show_board(self.session_id, None if self.all_groups else self.group_id,
                                  self.all_groups)
        self.projector.show_on_best_screen()

    def _close_projector(self) -> None:
        if self.projector is not None:
            self.projector.close()
            self.projector.deleteLater()
            self.projector = None

    # -- state shown -------------------------------------------------------------------
    def _on_save_failed(self, exc: FurikaeriError) -> None:
        if isinstance(exc, DiskFull):
            self.disk_full.show_disk_full()

    def _on_change(self, change: Change) -> None:
        self.disk_full.hide()  # saved: there is room again
        tables = change.tables()
        if tables & {Session.TABLE, Group.TABLE}:
            if self.ws.get(Session, self.session_id) is None:
                where = initial_board(self.ws)
                if where[0] is not None:
                    self.choose_board(*where)
            self.agenda.rebuild()
            self._update_entry_target()
        if Participant.TABLE in tables:
            self._refresh_participants()
        self._update_state()

    def _show_workshop_ui(self, shown: bool) -> None:
        if shown:
            self.stack.setCurrentWidget(self.workspace)
        elif self._start is not None or (self.isVisible() and not self._closing):
            # else made when shown
            self.stack.setCurrentWidget(self.start)
        self.agenda_dock.setVisible(shown)
        self.toolbar.setVisible(shown)
        self.actions_.set_workshop_open(shown)

    def _update_state(self) -> None:
        self.groups_in.refresh()
        ws = self.ws
        if ws is None:
            self.setWindowTitle(self.tr("Furikaeri"))
            self.state_label.clear()
            return
        title = ws.info.title or Path(ws.path).stem
        if ws.readonly:
            self.setWindowTitle(self.tr("{title} — Read-only").format(title=title))
            self.state_label.setText(self._readonly_reason(ws.store.readonly_reason))
        else:
            self.setWindowTitle(self.tr("{title} — Saved").format(title=title))
            self.state_label.setText(self.tr("Every edit is saved as it is made."))
        writable = not ws.readonly
        self.actions_.undo.setEnabled(writable and ws.history.can_undo())
        self.actions_.redo.setEnabled(writable and ws.history.can_redo())
        self.entry.setEnabled(writable)
        self.entry.line.setPlaceholderText(
            self.entry.default_placeholder if writable
            else self.tr("Read-only: notes cannot be added."))
        for act in [*self.actions_.tools.values(), *self.actions_.stamps.values()]:
            act.setEnabled(writable)

    def _readonly_reason(self, reason: str) -> str:
        if reason == "locked":
            return self.tr("Read-only: another window or program has this file open.")
        if reason == "not_writable":
            return self.tr("Read-only: this file or its folder cannot be written.")
        return self.tr("Read-only.")

