"""参加受付 in the window: the door's menu and toolbar button, its server, its panel.

:class:`LanController` is installed once by the main window and follows its
workshop (:meth:`attach` / :meth:`detach`).  Opening the door asks for the
network (remembered), starts the room's server
(``facilitator.lan.server.RoomServer``) on it and shows the panel for the
projector.  The server hands every request to the GUI thread through an
:class:`~ui.lan.bridge.OwnerBridge`, so a note from a phone is one
``Workshop.apply`` like a note typed here: saved at once, undoable, drawn by
the board's listener.

The door's state is in the file (``facilitator.lan.room``): a workshop whose
door was open when the app stopped without closing it (a crash) opens its
door again on the same address and secret, so devices reconnect by
themselves.  Closing the workshop or the window closes the door; reloading
the file (:meth:`kept_open`) does not: the same server serves the reopened
workshop.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox

from facilitator.diagnostics import log
from facilitator.errors import FurikaeriError
from facilitator.lan import room
from facilitator.workshop.model import DeviceNote, Session, Setting
from ui.i18n import is_language_change
from ui.lan.bridge import OwnerBridge
from ui.lan.device_tips import DeviceTips
from ui.lan.interfaces import pick_address
from ui.lan.placer import BoardPlacer

if TYPE_CHECKING:
    from ui.lan.door_panel import DoorPanel

#: How often the number of connected devices is read from the server.
DEVICES_POLL_MS = 1000
#: The menu's and panel's counts follow the notes at most this often.
REFRESH_MS = 200


class LanController(QObject):
    """The door of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.bridge = OwnerBridge(self)
        self.server = None              # a RoomServer while the door is open
        self._panel: DoorPanel | None = None
        self._ws = None                 # the workshop followed (attach/detach)
        self._keeping = False           # a reload: detach keeps the server for attach
        self._kept = None               # the server kept across a reload
        self.tips = DeviceTips(self)
        self.placer = BoardPlacer(lambda: self.window.board)
        self.devices_timer = QTimer(self)
        self.devices_timer.setInterval(DEVICES_POLL_MS)
        self.devices_timer.timeout.connect(self._show_devices)
        # Counts of hidden notes and the panel follow the notes a few times a second, not
        # once per note: forty phones typing must not cost the GUI thread a scan each.
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)

    # -- installing ---------------------------------------------------------------------
    def install(self) -> "LanController":
        """The 参加 menu, the 参加受付 toolbar button and the status bar's door label."""
        w = self.window
        self.door_action = self._action(self.door)
        self.close_action = self._action(self.close_door)
        self.new_code_action = self._action(self.new_code)
        self.reveal_action = self._action(self.reveal)
        self.mode_group = QActionGroup(self)
        self.mode_actions: dict[str, QAction] = {}
        for mode in room.MODES:
            act = self._action(lambda m=mode: self.set_mode(m))
            act.setCheckable(True)
            self.mode_group.addAction(act)
            self.mode_actions[mode] = act
        self.menu = QMenu(w)
        self.menu.addActions([self.door_action, self.new_code_action, self.close_action])
        self.menu.addSeparator()
        self.menu.addActions([*self.mode_actions.values(), self.reveal_action])
        bar = w.menuBar()
        bar.insertMenu(bar.actions()[-1], self.menu)  # before Help
        w.toolbar.addSeparator()
        w.toolbar.addAction(self.door_action)
        self.label = QLabel(w)
        self.label.hide()
        w.statusBar().addPermanentWidget(self.label)
        self.retranslate()
        self._update_actions()
        return self

    def _action(self, slot) -> QAction:
        act = QAction(self.window)
        act.triggered.connect(lambda _checked=False: slot())
        return act

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.menu.setTitle(self.tr("&Join"))
        self.door_action.setText(self.tr("&Open the door…"))
        self.door_action.setIconText(self.tr("Open the door"))
        self.door_action.setToolTip(self.tr(
            "Let the room's phones and laptops type into this workshop over the local network"))
        self.close_action.setText(self.tr("&Close the door"))
        self.new_code_action.setText(self.tr("&New code (cut every device off)"))
        self.mode_actions[room.NOTE_TAKER].setText(self.tr("Devices are &note-takers"))
        self.mode_actions[room.PARTICIPANT].setText(
            self.tr("Devices are &participants (private notes)"))
        self._update_actions()

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event) and hasattr(self, "menu"):
            self.retranslate()
        return super().event(event)

    # -- following the window's workshop ---------------------------------------------------
    @contextmanager
    def kept_open(self):
        """File › Reload: the door stays open across the workshop closed and reopened
        (same port and secret; devices wait a moment, then carry on).  A file that
        cannot be reopened closes it."""
        self._keeping = True
        try:
            yield
        finally:
            self._keeping = False
            kept, self._kept = self._kept, None
            if kept is not None:  # nothing reopened to serve
                kept.stop()
                self._show_devices()

    def attach(self) -> None:
        """The window shows a workshop: reopen its door if it was left open (a crash)."""
        ws = self.window.ws
        if ws is None:
            return
        self._ws = ws
        ws.listeners.append(self._on_change)
        if self.window.board is not None:
            self.tips.watch(self.window.board, ws)
        left_open = room.door(ws)
        kept, self._kept = self._kept, None
        if kept is not None:
            if left_open.open and left_open.secret == kept.secret and not ws.readonly:
                kept.rebind(ws)  # the reloaded file: the same door, nobody cut off
                self.server = kept
                self.devices_timer.start()
                self._show_devices()
                self._refresh_panel()
                self._update_actions()
                return
            kept.stop()  # the file says otherwise now (closed, a new code): as it says
        if left_open.open and not ws.readonly and self._start(left_open.host, reopening=True):
            if self.server.port == left_open.port:
                self.window.statusBar().showMessage(self.tr(
                    "The door was open when the app stopped: it is open again, and devices "
                    "reconnect by themselves."), 15000)
            else:  # its port was taken meanwhile: a new address, devices must scan again
                self.window.statusBar().showMessage(self.tr(
                    "The door is open again on a new address: devices must scan the code "
                    "again."), 15000)
                QTimer.singleShot(0, self.show_panel)
        self._update_actions()

    def detach(self) -> None:
        """The workshop is closing: the door closes (saved), the server stops."""
        ws = self._ws
        if ws is None:
            return
        keep = self._keeping and self.server is not None
        if keep:  # a reload: the server waits for the reopened workshop (attach)
            self._kept, self.server = self.server, None
            self._kept.hold()
            self.devices_timer.stop()
        elif self.server is not None:
            self._stop()
            if not ws.readonly:
                self._apply(lambda: room.close_door(ws))
        if self._on_change in ws.listeners:
            ws.listeners.remove(self._on_change)
        self.tips.watch(None, None)
        self.placer.forget()
        self._ws = None
        if self._panel is not None and not keep:
            self._panel.close()
        self._update_actions()

    @property
    def is_open(self) -> bool:
        return self.server is not None

    # -- the door ---------------------------------------------------------------------------
    def door(self) -> bool:
        """参加受付: open the door (asking for the network), or show its panel if open."""
        ws = self.window.ws
        if ws is None:
            return False
        if self.is_open:
            self.show_panel()
            return True
        if ws.readonly:
            QMessageBox.warning(self.window, self.tr("Open the door"), self.tr(
                "This workshop is open read-only: devices cannot type into it."))
            return False
        host = pick_address(self.window.settings, self.window)
        if host is None:
            return False
        if not self._start(host):
            return False
        self.show_panel()
        return True

    def open_door(self, host: str) -> bool:
        """Open the door on ``host`` without asking (tests, the bench)."""
        if self.window.ws is None or self.window.ws.readonly:
            return False
        return self.is_open or self._start(host)

    def close_door(self) -> None:
        """受付を終了: the server stops, every device is cut off; saved in the file."""
        ws = self.window.ws
        if self.server is None or ws is None:
            return
        self._stop()
        self._apply(lambda: room.close_door(ws))
        if self._panel is not None:
            self._panel.close()
        self.window.statusBar().showMessage(self.tr("The door is closed."), 5000)
        self._update_actions()

    def new_code(self) -> None:
        """新しいコード: a new secret; every device joined with the old one is refused."""
        ws = self.window.ws
        if ws is None or ws.readonly:
            return
        # The server follows the door's secret in the file: the old one is refused at once,
        # and devices on the live channel are cut off.
        if not self._apply(lambda: room.new_secret(ws)):
            return
        self._refresh_panel()
        self.window.statusBar().showMessage(self.tr(
            "New code: devices must scan it again."), 8000)

    def _start(self, host: str, reopening: bool = False) -> bool:
        """Start the server on ``host`` (the port and secret the file keeps, when it
        has them: devices come back); mark the door open with the port it got."""
        from facilitator.lan.server import RoomServer
        ws = self.window.ws
        before = room.door(ws)
        if not before.secret and not self._apply(lambda: room.new_secret(ws)):
            return False
        secret = room.door(ws).secret
        port = before.port if before.host == host else 0
        server = None
        for attempt in (port, 0) if port else (0,):
            server = RoomServer(ws, host=host, port=attempt, secret=secret,
                                run_on_owner=self.bridge, **self._server_options())
            try:
                server.start()
                break
            except OSError as exc:  # the port is taken, or the address is gone
                log.warning("Door on %s:%s: %s", host, attempt, exc)
                server = None
        if server is None:
            if reopening:
                self._apply(lambda: room.close_door(ws))
            QMessageBox.warning(self.window, self.tr("Open the door"), self.tr(
                "The door could not be opened on {host}: is this computer still on that "
                "network?").format(host=host))
            return False
        self.server = server
        if not self._apply(lambda: room.open_door(ws, host, _port_of(server))):
            self._stop()
            return False
        self.devices_timer.start()
        self._show_devices()
        self._refresh_panel()
        self._update_actions()
        return True

    def _server_options(self) -> dict:
        """The window's way to place a note: measured as the board draws it."""
        return {"placer": self.placer}

    def _stop(self) -> None:
        server, self.server = self.server, None
        self.devices_timer.stop()
        if server is not None:
            server.stop()
        self._show_devices()

    def _apply(self, fn) -> bool:
        """Run a door change; a problem (disk full, file gone) told in the status bar."""
        try:
            fn()
        except FurikaeriError as exc:
            self.window.statusBar().showMessage(exc.text(), 8000)
            return False
        return True

    # -- sessions: mode and reveal --------------------------------------------------------
    def session(self) -> Session | None:
        """The session devices type into."""
        ws = self.window.ws
        return room.session_of(ws) if ws is not None else None

    def set_mode(self, mode: str, session_id: str | None = None) -> None:
        ws = self.window.ws
        session_id = session_id or (self.session().id if self.session() else None)
        if ws is None or session_id is None or ws.readonly:
            return
        self._apply(lambda: room.set_mode(ws, session_id, mode))

    def reveal(self, session_id: str | None = None) -> None:
        """参加者のメモを公開: the session's private notes go onto its boards (one undo)."""
        ws = self.window.ws
        session_id = session_id or (self.session().id if self.session() else None)
        if ws is None or session_id is None or ws.readonly:
            return
        if self._apply(lambda: room.reveal(ws, session_id, self.placer)):
            self.window.statusBar().showMessage(self.tr(
                "Participants' notes are on the board. Ctrl+Z hides them again."), 8000)

    def hidden_count(self, session_id: str | None = None) -> int:
        ws = self.window.ws
        session_id = session_id or (self.session().id if self.session() else None)
        if ws is None or session_id is None:
            return 0
        return len(room.private_notes(ws, session_id))

    def choose_session(self, session_id: str) -> None:
        ws = self.window.ws
        if ws is not None and not ws.readonly:
            self._apply(lambda: room.set_door_session(ws, session_id))

    # -- the panel ---------------------------------------------------------------------------
    @property
    def panel(self) -> DoorPanel:
        if self._panel is None:
            from ui.lan.door_panel import DoorPanel
            self._panel = DoorPanel(self.window)
            self._panel.newCodeRequested.connect(self.new_code)
            self._panel.closeDoorRequested.connect(self.close_door)
            self._panel.modeChosen.connect(lambda sid, mode: self.set_mode(mode, sid))
            self._panel.revealRequested.connect(self.reveal)
            self._panel.sessionChosen.connect(self.choose_session)
        return self._panel

    def show_panel(self) -> None:
        self._refresh_panel(force=True)
        self.panel.show_on_best_screen()

    def _refresh_panel(self, force: bool = False) -> None:
        ws = self.window.ws
        if ws is None or (self._panel is None and not force):
            return
        panel = self.panel
        if self.server is not None:
            panel.set_url(self.server.join_url)
        session = self.session()
        panel.set_sessions([(s.id, s.title) for s in ws.sessions()],
                           session.id if session else None)
        if session is not None:
            panel.set_session_state(room.mode(ws, session.id), self.hidden_count(session.id))
        panel.set_devices(self.devices())

    # -- what is shown -------------------------------------------------------------------------
    def devices(self) -> int:
        """Devices connected now (0 with the door closed)."""
        if self.server is None:
            return 0
        count = getattr(self.server, "device_count", None)
        if count is None:  # devices on the live channel
            return len(getattr(self.server, "_live", ()))
        return int(count() if callable(count) else count)

    def _show_devices(self) -> None:
        count = self.devices()
        if self.server is None:
            self.label.hide()
        else:
            self.label.setText(self.tr("Door open · devices: {n}").format(n=count))
            self.label.show()
        if self._panel is not None:
            self._panel.set_devices(count)

    def _on_change(self, change) -> None:
        # (The server listens to the workshop too, and tells the devices what changed.)
        if change.tables() & {Setting.TABLE, Session.TABLE}:
            self.refresh()  # a mode, a reveal, the door: at once
        elif DeviceNote.TABLE in change.tables() and not self.refresh_timer.isActive():
            self.refresh_timer.start()

    def refresh(self) -> None:
        """The panel's and the menu's counts and modes, from the workshop."""
        self.refresh_timer.stop()
        self._refresh_panel()
        self._update_actions()

    def _update_actions(self) -> None:
        ws = self.window.ws
        writable = ws is not None and not ws.readonly
        self.door_action.setEnabled(writable or self.is_open)
        self.close_action.setEnabled(self.is_open)
        self.new_code_action.setEnabled(self.is_open)
        session = self.session() if ws is not None else None
        mode = room.mode(ws, session.id) if session is not None else room.NOTE_TAKER
        for name, act in self.mode_actions.items():
            act.setEnabled(writable and session is not None)
            act.setChecked(name == mode)
        hidden = self.hidden_count(session.id) if session is not None else 0
        self.reveal_action.setText(self.tr("&Reveal participants' notes ({n})").format(n=hidden))
        self.reveal_action.setEnabled(writable and hidden > 0)


def _port_of(server) -> int:
    port = getattr(server, "port", None)
    if isinstance(port, int) and port:
        return port
    from urllib.parse import urlsplit
    return urlsplit(server.url).port or 0
