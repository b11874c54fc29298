"""The File menu's ワークショップ情報… and 参加者… of one main window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from ui.i18n import is_language_change

if TYPE_CHECKING:
    from ui.workshop.details_dialog import DetailsDialog
    from ui.workshop.participants import ParticipantsDialog


class DetailsController(QObject):
    """Opens the details dialog and the (non-modal) participants dialog."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.people_dialog: ParticipantsDialog | None = None

    def install(self) -> "DetailsController":
        """Put the two actions into the File menu, above "Reload"."""
        w = self.window
        self.details_action = QAction(w)
        self.details_action.triggered.connect(lambda _=False: self.edit_details())
        self.people_action = QAction(w)
        self.people_action.triggered.connect(lambda _=False: self.edit_people())
        menu = w.menuBar().actions()[0].menu()  # the File menu
        before = w.actions_.reload
        menu.insertActions(before, [self.details_action, self.people_action])
        menu.insertSeparator(before)
        w.actions_.workshop_actions += [self.details_action, self.people_action]
        for act in (self.details_action, self.people_action):
            w.addAction(act)
            act.setEnabled(w.ws is not None)
        self.retranslate()
        return self

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.details_action.setText(self.tr("&Workshop details…"))
        self.people_action.setText(self.tr("&Participants…"))

    def event(self, event) -> bool:
        if is_language_change(event) and hasattr(self, "details_action"):
            self.retranslate()
        return super().event(event)

    def edit_details(self, modal: bool = True) -> DetailsDialog | None:
        """ワークショップ情報…; returns the dialog (shown, not run, when ``modal`` is False)."""
        from ui.workshop.details_dialog import DetailsDialog
        if self.window.ws is None:
            return None
        dialog = DetailsDialog(self.window.ws, self.window)
        if modal:
            dialog.exec()
            dialog.deleteLater()
        else:
            dialog.show()
        return dialog

    def edit_people(self) -> ParticipantsDialog | None:
        """参加者…: the participants dialog, beside the board (one per window)."""
        from ui.workshop.participants import ParticipantsDialog
        ws = self.window.ws
        if ws is None:
            return None
        if self.people_dialog is not None and self.people_dialog.ws is not ws:
            self.detach()
        if self.people_dialog is None:
            self.people_dialog = ParticipantsDialog(ws, self.window)
            self.people_dialog.finished.connect(self._forget)
        self.people_dialog.show()
        self.people_dialog.raise_()
        self.people_dialog.activateWindow()
        return self.people_dialog

    def _forget(self, _result: int = 0) -> None:
        if self.people_dialog is not None:
            self.people_dialog.deleteLater()
        self.people_dialog = None

    def detach(self) -> None:
        """The window closes its workshop: close the dialog that shows it."""
        if self.people_dialog is not None:
            self.people_dialog.close()
            self._forget()
