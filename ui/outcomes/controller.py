"""The 決定と宿題 menu of the window: capture shortcuts, the panel, following the workshop.

Shortcuts (on the window, so they work in presentation mode and while the
entry bar has the keyboard):

* Ctrl+Shift+D — record a decision (決定事項) of the session in view
* Ctrl+Shift+A — record an action item (宿題) of the session in view

Ctrl+D is left for the board's "duplicate", as drawing tools use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu

from facilitator.workshop.model import ActionItem, Decision, Participant, Session
from ui.i18n import is_language_change
from ui.outcomes.capture import ACTION, DECISION, CaptureBar

if TYPE_CHECKING:
    from ui.outcomes.panel import OutcomesPanel

DECISION_SHORTCUT = "Ctrl+Shift+D"
ACTION_SHORTCUT = "Ctrl+Shift+A"


class OutcomesController(QObject):
    """Decisions and action items of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self._panel: OutcomesPanel | None = None
        self._bar: CaptureBar | None = None

    def install(self) -> "OutcomesController":
        w = self.window
        self.decision_action = self._action(lambda: self.capture(DECISION), DECISION_SHORTCUT)
        self.action_action = self._action(lambda: self.capture(ACTION), ACTION_SHORTCUT)
        self.panel_action = self._action(self.toggle_panel)
        self.panel_action.setCheckable(True)
        self.menu = QMenu(w)
        self.menu.addActions([self.decision_action, self.action_action])
        self.menu.addSeparator()
        self.menu.addAction(self.panel_action)
        bar = w.menuBar()
        bar.insertMenu(bar.actions()[-1], self.menu)  # before Help
        w.toolbar.addSeparator()
        w.toolbar.addActions([self.decision_action, self.action_action])
        w.actions_.workshop_actions += [self.decision_action, self.action_action,
                                        self.panel_action]
        for act in (self.decision_action, self.action_action, self.panel_action):
            act.setEnabled(w.ws is not None)
        self.retranslate()
        return self

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.decision_action.setText(self.tr("Record a &decision…"))
        self.action_action.setText(self.tr("Record an &action item…"))
        self.panel_action.setText(self.tr("&List of decisions and action items"))
        self.decision_action.setToolTip(self.tr("Record a decision of this session ({key})")
                                        .format(key=_native(DECISION_SHORTCUT)))
        self.action_action.setToolTip(self.tr("Record an action item: what, who, by when ({key})")
                                      .format(key=_native(ACTION_SHORTCUT)))
        self.decision_action.setIconText(self.tr("Decision"))
        self.action_action.setIconText(self.tr("Action item"))
        self.menu.setTitle(self.tr("&Outcomes"))
        if self._panel is not None:
            self.dock.setWindowTitle(self.tr("Decisions and action items"))

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event) and hasattr(self, "menu"):
            self.retranslate()
        return super().event(event)

    def _action(self, slot, shortcut: str | None = None) -> QAction:
        act = QAction(self.window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(act)  # shortcuts work while menus are hidden (F5)
        return act

    # -- the capture bar ---------------------------------------------------------------
    @property
    def bar(self) -> CaptureBar:
        if self._bar is None:
            self._bar = CaptureBar(self.window.centralWidget())
            self._bar.saved.connect(self._saved)
        return self._bar

    def capture(self, kind: str) -> bool:
        """Open the capture bar for a decision or an action item of the session in view."""
        w = self.window
        if w.ws is None:
            return False
        if w.ws.readonly:
            w.statusBar().showMessage(self.tr("Read-only: nothing can be recorded."), 5000)
            return False
        self.bar.open(w.ws, kind, w.session_id)
        return True

    def _saved(self, kind: str, _rid: str) -> None:
        text = (self.tr("Decision recorded. Ctrl+Z takes it back.") if kind == DECISION
                else self.tr("Action item recorded. Ctrl+Z takes it back."))
        self.window.statusBar().showMessage(text, 5000)

    # -- the panel ---------------------------------------------------------------------
    @property
    def panel(self) -> OutcomesPanel:
        if self._panel is None:
            from ui.outcomes.panel import OutcomesPanel
            w = self.window
            self._panel = panel = OutcomesPanel(w)
            panel.captureRequested.connect(self.capture)
            panel.message.connect(lambda text: w.statusBar().showMessage(text, 8000))
            dock = QDockWidget(w)
            dock.setObjectName("outcomes")
            dock.setWidget(panel)
            panel.setMinimumWidth(460)   # the words of an action item beside who, when, where
            w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            dock.visibilityChanged.connect(self.panel_action.setChecked)
            dock.hide()
            panel.set_workshop(w.ws)
            self.retranslate()
        return self._panel

    @property
    def dock(self) -> QDockWidget:
        return self.panel.parentWidget()

    def toggle_panel(self) -> None:
        dock = self.dock
        if dock.isVisible():
            dock.hide()
        else:
            self.panel.refresh()
            dock.show()
            dock.raise_()

    # -- following the workshop ---------------------------------------------------------
    def attach(self) -> None:
        ws = self.window.ws
        if ws is None:
            return
        ws.listeners.append(self._on_change)
        if self._panel is not None:
            self._panel.set_workshop(ws)

    def detach(self) -> None:
        ws = self.window.ws
        if self._bar is not None and self._bar.isVisible():
            self._bar.cancel()
        if ws is not None and self._on_change in ws.listeners:
            ws.listeners.remove(self._on_change)
        if self._panel is not None:
            self._panel.set_workshop(None)

    def _on_change(self, change) -> None:
        if self._panel is None:
            return
        if change.tables() & {Decision.TABLE, ActionItem.TABLE, Session.TABLE,
                              Participant.TABLE}:
            self._panel.refresh()


def _native(shortcut: str) -> str:
    return QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
