"""Space held in another widget (the quick-entry bar) pans the board too.

A note-taker's keyboard stays in the quick-entry bar.  Holding Space there and
dragging on the board must pan the board, as Space-drag does when the board has
the keyboard, never move the note under the mouse (the board saw a plain drag
and a note dropped into another theme's frame changed its theme).  The space
itself stays typed in the bar; the repeats of a space held while panning do not
pile up there; and after the pan the keyboard is back in the bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QWidget


class PanKey(QObject):
    """Watches widgets outside a board view for a held Space (see the module's docstring)."""

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.held = False
        self._left: QWidget | None = None   # a watched widget a click on the board took focus from

    def watch(self, widget: QWidget) -> None:
        """Count a Space held in ``widget`` as held for the board."""
        widget.installEventFilter(self)

    def release(self) -> None:
        self.held = False

    def focus_back(self) -> None:
        """A pan started: give the keyboard back to the widget the click took it from."""
        widget, self._left = self._left, None
        if widget is not None and widget.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def forget(self) -> None:
        """A click that is not a pan: the board keeps the keyboard."""
        self._left = None

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) \
                and event.key() == Qt.Key.Key_Space:
            if event.isAutoRepeat():
                # A space held to pan would type a row of spaces: not while it pans.
                return kind == QEvent.Type.KeyPress and self.held and self.view.panning()
            self.held = kind == QEvent.Type.KeyPress and not (
                event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        elif kind == QEvent.Type.FocusOut:
            now = QApplication.focusWidget()
            if now is not None and (now is self.view or self.view.isAncestorOf(now)):
                self._left = obj    # a click on the board: maybe the start of a pan
            else:
                self.held = False   # the key's release may go elsewhere now
                self._left = None
        return False
