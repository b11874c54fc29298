"""The main window on small screens (a 1024×768 projector): its first size and its toolbar.

* :func:`first_size` is the size of a window opened for the first time: 1280×800,
  or less, to fit the screen's available area with the window's frame.
* :class:`ToolbarRows` keeps every toolbar button in sight: the board tools in
  one toolbar, the workshop's actions (fit, presentation, themes, voting,
  outcomes…) in a second one on the same line, which moves to a second line
  when the window is too narrow for both; toolbar labels leave out the menus'
  ``(&U)`` mnemonics.  Nothing goes behind the toolbar's » menu.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QToolBar
from ui.i18n import is_language_change

#: The window's size when it has none saved and the screen has room for it.
PREFERRED = QSize(1280, 800)
#: Room a window manager's frame and title bar take (a guess before the window is shown).
FRAME = QSize(16, 48)

_MNEMONIC = re.compile(r"\s*\(&.\)|&(?=[^&])")


def first_size(available: QSize) -> QSize:
    """The size of a first window on a screen whose available area is ``available``:
    the preferred size, or less so that it fits there with its frame."""
    return QSize(max(320, min(PREFERRED.width(), available.width() - FRAME.width())),
                 max(240, min(PREFERRED.height(), available.height() - FRAME.height())))


def fit_first_window(window: QMainWindow) -> None:
    """Size ``window`` for the screen it opens on (a saved geometry restored later wins)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    window.resize(first_size(screen.availableGeometry().size()) if screen else PREFERRED)


def full_screen_elsewhere(window) -> bool:
    """Show ``window`` full screen on a screen other than its parent's (the projector);
    False, and nothing done, when there is only that one screen."""
    parent = window.parentWidget()
    here = parent.screen() if parent is not None else None
    others = [s for s in QGuiApplication.screens() if s is not here]
    if not others:
        return False
    window.setScreen(others[0])
    window.move(others[0].geometry().topLeft())
    window.showFullScreen()
    return True


def toolbar_label(text: str) -> str:
    """A menu text as a toolbar button says it: no ``(&U)``/``&``, no trailing ellipsis."""
    label = _MNEMONIC.sub("", text).replace("&&", "&").strip()
    for ellipsis in ("…", "..."):
        label = label.removesuffix(ellipsis)
    return label.rstrip()


class ToolbarRows(QObject):
    """Splits ``window.toolbar`` after its first ``keep_groups`` groups (runs between
    separators) into a second toolbar, which wraps to its own line when needed and
    is shown and hidden with the first (presentation mode hides the first)."""

    def __init__(self, window: QMainWindow, keep_groups: int = 2) -> None:
        super().__init__(window)
        self.window = window
        self.first: QToolBar = window.toolbar
        self.second = QToolBar(window)
        self.second.setWindowTitle(self.tr("Workshop tools"))
        self.second.setObjectName("workshop-tools")
        self.second.setMovable(False)
        self.broken = False
        groups, moving = 0, []
        for act in self.first.actions():
            if act.isSeparator():
                groups += 1
            if groups >= keep_groups:
                moving.append(act)
        for act in moving:
            self.first.removeAction(act)
            if not act.isSeparator():
                self.second.addAction(act)
            elif self.second.actions():
                self.second.addSeparator()
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.second)
        self.second.setVisible(self.first.isVisibleTo(window))
        self._labelled: set[int] = set()
        for bar in (self.first, self.second):
            for act in bar.actions():
                self._label(act)
            bar.installEventFilter(self)
        window.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.arrange)

    def _label(self, act: QAction) -> None:
        """Toolbar text without the menus' mnemonic, kept when the action's text changes."""
        if act.isSeparator() or id(act) in self._labelled:
            return
        self._labelled.add(id(act))

        def relabel() -> None:
            label = toolbar_label(act.text())
            if label and act.iconText() != label:
                act.setIconText(label)
        relabel()
        act.changed.connect(relabel)

    def needed_width(self) -> int:
        """Width of both toolbars on one line, every button shown."""
        return self.first.sizeHint().width() + self.second.sizeHint().width() + 8

    def arrange(self) -> None:
        """One line when the window is wide enough for both toolbars, else two."""
        if not self.second.actions():
            return
        broken = self.needed_width() > self.window.width()
        if broken != self.broken:
            self.broken = broken
            if broken:
                self.window.insertToolBarBreak(self.second)
            else:
                self.window.removeToolBarBreak(self.second)

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event) and hasattr(self, "second"):
            self.second.setWindowTitle(self.tr("Workshop tools"))
        return super().event(event)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.Show, QEvent.Type.Hide) and obj in (self.first, self.window):
            shown = self.first.isVisibleTo(self.window)
            if self.second.isVisibleTo(self.window) != shown:
                self.second.setVisible(shown)
        if kind == QEvent.Type.ActionAdded:
            self._label(event.action())
        if obj is self.window and kind in (QEvent.Type.Resize, QEvent.Type.Show):
            self.arrange()  # before the window lays itself out: no flash of the other form
        elif kind in (QEvent.Type.ActionAdded, QEvent.Type.ActionChanged,
                      QEvent.Type.LanguageChange):
            self._timer.start(0)
        return False


def install(window: QMainWindow) -> ToolbarRows:
    """The toolbar in one or two rows (call once every room has added its buttons)."""
    rows = ToolbarRows(window)
    rows.arrange()
    return rows
