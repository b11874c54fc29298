"""What is being composed with an input method is kept when a field loses the keyboard.

With a Japanese input method (mozc, …) a word is first composed (the underlined
pre-edit) and only then committed into the field.  Clicking elsewhere while a
composition is open must not drop it.  Qt asks the input method to commit
before the keyboard moves, but not every input method does (or does it in
time), and a field reads only committed text when it finishes on focus-out
(a table cell, a theme label, a note's in-place editor).

:func:`keep_compositions` watches the one widget that has the keyboard; when it
loses it with a composition still open, the composition is committed into that
widget first, then the input method is told to forget it (so it does not land
in the next field as well).  The board's in-place editor, whose focus moves
between items of one view, does the same itself (``ui.board.editor``).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget


def commit_event(text: str) -> QInputMethodEvent:
    """The input-method event that commits ``text`` and closes the composition."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    return event


class CompositionKeeper(QObject):
    """Follows the focus widget; commits its open composition when the focus leaves it."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._watched: QWidget | None = None
        self.preedit = ""   # the focus widget's open composition
        app.focusChanged.connect(self._follow)
        self._follow(None, app.focusWidget())

    def _follow(self, _old, new) -> None:
        # After the old widget had its FocusOut (Qt emits focusChanged last).
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched, self.preedit = new, ""
        if new is not None:
            new.installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind == QEvent.Type.InputMethod and obj is self._watched:
            self.preedit = event.preeditString()
        elif (kind == QEvent.Type.FocusOut and obj is self._watched and self.preedit
              and event.reason() != Qt.FocusReason.PopupFocusReason):
            # Before the widget's own focus-out (filters run first): it finishes with the text.
            text, self.preedit = self.preedit, ""
            QCoreApplication.sendEvent(obj, commit_event(text))
            QGuiApplication.inputMethod().reset()
        return False


_keeper: CompositionKeeper | None = None


def keep_compositions(app: QApplication | None = None) -> CompositionKeeper:
    """Install the app's one :class:`CompositionKeeper` (again: the same one)."""
    global _keeper
    app = app or QApplication.instance()
    if _keeper is None or not shiboken6.isValid(_keeper) or _keeper.parent() is not app:
        _keeper = CompositionKeeper(app)
    return _keeper


class ComposingLineEdit(QLineEdit):
    """A line edit that knows whether an input-method composition (pre-edit) is open.

    Enter while composing must only finish the conversion (subclasses check
    :attr:`composing`); :meth:`commit_composition` keeps the composed text.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._preedit = ""
        self.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, True)

    @property
    def composing(self) -> bool:
        """True while an input method composition (pre-edit) is open."""
        return bool(self._preedit)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:  # noqa: N802
        self._preedit = event.preeditString()
        super().inputMethodEvent(event)

    def commit_composition(self) -> None:
        """Commit the open composition into the text.

        A platform input method normally eats the Enter itself; when one lets it
        through, ask it to commit, and commit the pre-edit ourselves if it does not.
        """
        preedit = self._preedit
        QGuiApplication.inputMethod().commit()
        if self._preedit:
            event = QInputMethodEvent()
            event.setCommitString(preedit)
            self.inputMethodEvent(event)

