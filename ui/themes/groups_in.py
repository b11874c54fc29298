"""テーマ › グループの結果を取り込む…: the groups' results onto the plenary board in view.

A bar over a plenary board offers it while an earlier group session has results
not yet brought in; the action (and the bar's button) asks which groups, then
applies :func:`facilitator.themes.from_groups.bring_groups_into` as one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFrame, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QVBoxLayout,
)

from facilitator.errors import FurikaeriError
from facilitator.themes.from_groups import (
    bring_groups_into, default_source, group_results, group_sessions, groups_brought_anywhere,
)
from facilitator.workshop.model import KIND_BREAK, Session
from ui.i18n import is_language_change

_GROUP = Qt.ItemDataRole.UserRole


class GroupsInDialog(QDialog):
    """Which group session, and which of its groups, to bring onto the plenary board."""

    def __init__(self, ws, plenary_id: str, parent=None) -> None:
        super().__init__(parent)
        self.ws, self.plenary_id = ws, plenary_id
        plenary = ws.get(Session, plenary_id)
        self.setWindowTitle(self.tr("Bring in the groups' results"))
        self.source = QComboBox(self)
        for s in group_sessions(ws):
            self.source.addItem(s.title, s.id)
        chosen = default_source(ws, plenary_id)
        if chosen is not None:
            self.source.setCurrentIndex(self.source.findData(chosen.id))
        self.source.currentIndexChanged.connect(lambda _i: self._fill())
        self.groups = QListWidget(self)
        self.groups.itemChanged.connect(lambda _item: self._check())
        intro = QLabel(self.tr(
            "Each group's themes come onto the board of {session} as frames titled with the "
            "group's name, with copies of their notes. The groups' own boards stay as they "
            "are. Ctrl+Z takes it all back in one step.").format(
                session=plenary.title if plenary else ""), self)
        intro.setWordWrap(True)
        self.warning = QLabel(self.tr(
            "A group brought in before is made anew: what was done to its copies on this "
            "board (moves, edits, votes) is lost."), self)
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8A3B00;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Bring in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(QLabel(self.tr("From the session:"), self))
        lay.addWidget(self.source)
        lay.addWidget(QLabel(self.tr("Groups:"), self))
        lay.addWidget(self.groups)
        lay.addWidget(self.warning)
        lay.addWidget(self.buttons)
        self.resize(480, 380)
        self._fill()

    def _fill(self) -> None:
        self.groups.blockSignals(True)
        self.groups.clear()
        sid = self.source.currentData()
        for r in group_results(self.ws, self.plenary_id, sid) if sid else []:
            if not r.notes:
                text = self.tr("{group}: no notes").format(group=r.group.name)
            elif r.brought:
                text = self.tr("{group}: brought in already (tick to make it anew)").format(
                    group=r.group.name)
            else:
                text = self.tr("{group}: {notes} notes, {themes} themes").format(
                    group=r.group.name, notes=r.notes, themes=r.themes)
            item = QListWidgetItem(text, self.groups)
            item.setData(_GROUP, r.group.id)
            item.setData(_GROUP + 1, r.brought)
            flags = Qt.ItemFlag.ItemIsUserCheckable
            if r.notes:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
            item.setCheckState(Qt.CheckState.Checked if r.notes and not r.brought
                               else Qt.CheckState.Unchecked)
        self.groups.blockSignals(False)
        self._check()

    def _check(self) -> None:
        ticked = self.chosen_groups()
        self.ok.setEnabled(bool(ticked))
        self.warning.setVisible(any(self.groups.item(i).data(_GROUP + 1)
                                    and self.groups.item(i).checkState() == Qt.CheckState.Checked
                                    for i in range(self.groups.count())))

    def chosen_groups(self) -> list[str]:
        return [self.groups.item(i).data(_GROUP) for i in range(self.groups.count())
                if self.groups.item(i).checkState() == Qt.CheckState.Checked]

    def chosen_session(self) -> str | None:
        return self.source.currentData()


class GroupsInBar(QFrame):
    """Over a plenary board: the groups' results can come onto it."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("groups-in-bar")
        self.setStyleSheet("#groups-in-bar { background: #EAF3FF; "
                           "border-bottom: 1px solid #8DB4E8; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.button = QPushButton(self)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 4, 12, 4)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.button)
        self.hide()


class GroupsInController(QObject):
    """The action, the bar and the dialog of one main window."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def install(self) -> "GroupsInController":
        w = self.window
        self.action = QAction(w)
        self.action.triggered.connect(lambda _=False: self.bring_in())
        self.action.setEnabled(False)
        w.themes.menu.addSeparator()
        w.themes.menu.addAction(self.action)
        self.bar = GroupsInBar(w.workspace)
        self.bar.button.clicked.connect(lambda _=False: self.bring_in())
        w.workspace.layout().insertWidget(0, self.bar)
        self.retranslate()
        return self

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.action.setText(self.tr("Bring in the groups' results…"))
        self.action.setToolTip(self.tr(
            "Copy each group's themes with their notes onto the plenary board in view"))
        self.bar.button.setText(self.tr("Bring in…"))
        self.refresh()

    def event(self, event) -> bool:
        # Not a widget: the window passes LanguageChange on to its QObject children.
        if is_language_change(event) and hasattr(self, "bar"):
            self.retranslate()
        return super().event(event)

    def plenary_in_view(self) -> str | None:
        """The session whose plenary board is on screen (None: a group's, or none)."""
        w = self.window
        if w.ws is None or w.session_id is None or w.all_groups or w.group_id is not None:
            return None
        return w.session_id if not w.ws.groups_of(w.session_id) else None

    def refresh(self) -> None:
        """Enable the action and show the bar when the plenary board in view can take
        results of an earlier group session not yet brought in."""
        ws, plenary = self.window.ws, self.plenary_in_view()
        writable = ws is not None and not ws.readonly
        source = default_source(ws, plenary) if plenary and writable else None
        self.action.setEnabled(source is not None)
        session = ws.get(Session, plenary) if source is not None else None
        # Offered once: groups brought onto any plenary board (an earlier one, say) are done.
        done = groups_brought_anywhere(ws) if session is not None else set()
        waiting = [r.group.name for r in group_results(ws, plenary, source.id)
                   if r.notes and r.group.id not in done] if session is not None else []
        if (waiting and source.order < session.order and session.kind != KIND_BREAK
                and not self.window.presenting):  # F5: only the board
            self.bar.label.setText(self.tr(
                "The results of {session} ({groups}) can come onto this board.").format(
                    session=source.title, groups="・".join(waiting)))
            self.bar.show()
        else:
            self.bar.hide()

    def bring_in(self) -> bool:
        """Ask which groups, then bring them in (one undo step)."""
        w, plenary = self.window, self.plenary_in_view()
        if plenary is None:
            w.statusBar().showMessage(self.tr(
                "Show a plenary session's board to bring the groups' results onto it."), 6000)
            return False
        dialog = GroupsInDialog(w.ws, plenary, w)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        groups, source = dialog.chosen_groups(), dialog.chosen_session()
        try:
            change = w.ws.apply(bring_groups_into(w.ws, plenary, source, groups, refresh=True))
        except FurikaeriError as exc:
            QMessageBox.warning(w, self.tr("Bring in the groups' results"), exc.text())
            return False
        self.refresh()
        if change and w.board is not None:
            w.board.fit_all()
        w.statusBar().showMessage(self.tr(
            "The groups' results are on this board (Ctrl+Z takes them back)."), 8000)
        return bool(change)
