"""The agenda side panel: the sessions, and under a session of groups its groups.

A session's own entry shows its board; for a session of several groups, the
groups side by side.  A group's row shows that group's board alone.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap
from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem

from facilitator.agenda.day import read_day
from facilitator.workshop.model import KIND_BREAK, KIND_GROUPS, KIND_PLENARY
from facilitator.workshop import Workshop
from ui.i18n import is_language_change

# What an item stands for: (session_id, group_id or None, all_groups).
_ROLE = Qt.ItemDataRole.UserRole


def kind_label(kind: str) -> str:
    names = {
        KIND_PLENARY: QCoreApplication.translate("Agenda", "plenary"),
        KIND_GROUPS: QCoreApplication.translate("Agenda", "groups"),
        KIND_BREAK: QCoreApplication.translate("Agenda", "break"),
    }
    return names.get(kind, kind)


def colour_icon(color: str, size: int = 14) -> QIcon:
    pix = QPixmap(size, size)
    qcolor = QColor(color)
    pix.fill(qcolor if qcolor.isValid() else QColor("#cccccc"))
    return QIcon(pix)


def actual_minutes(session) -> int | None:
    """Whole minutes a finished session took (wall clock), else None."""
    if not (session.actual_start and session.actual_end):
        return None
    took = datetime.fromisoformat(session.actual_end) - datetime.fromisoformat(
        session.actual_start)
    return round(took.total_seconds() / 60)


class AgendaPanel(QTreeWidget):
    """Lists the sessions; emits ``boardChosen(session_id, group_id, all_groups)``."""

    boardChosen = Signal(str, object, bool)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(18)
        self.setMinimumWidth(220)
        self.setStyleSheet("QTreeWidget::item { padding: 3px 2px; }")
        self.ws: Workshop | None = None
        self._current: tuple[str, str | None, bool] | None = None
        self._filling = False
        self._emitting = False
        self.currentItemChanged.connect(self._on_current)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.rebuild()  # every text of the tree is made there
        super().changeEvent(event)

    def set_workshop(self, ws: Workshop | None, rebuild: bool = True) -> None:
        """Show the sessions of ``ws`` (``rebuild=False``: the caller calls
        :meth:`set_current` next, which fills the tree)."""
        self.ws = ws
        self._current = None
        if rebuild:
            self.rebuild()

    def set_current(self, session_id: str, group_id: str | None, all_groups: bool) -> None:
        """Show which board is on screen (without emitting ``boardChosen``)."""
        self._current = (session_id, group_id, all_groups)
        if self._emitting:  # never clear the tree inside its own signal
            QTimer.singleShot(0, self.rebuild)
        else:
            self.rebuild()

    def rebuild(self) -> None:
        """Refill from the workshop (after an agenda change or a board switch)."""
        self._filling = True
        try:
            self.clear()
            if self.ws is None:
                return
            chosen = None
            original = read_day(self.ws).original   # the plan before today's replans
            for number, session in enumerate(self.ws.sessions(), start=1):
                minutes = self.tr("{minutes} min").format(minutes=session.planned_minutes)
                planned = original.get(session.id, session.planned_minutes)
                if planned != session.planned_minutes:
                    minutes = self.tr("{minutes} min (planned {planned})").format(
                        minutes=session.planned_minutes, planned=planned)
                text = self.tr("{n}. {title}\n{minutes} · {kind}").format(
                    n=number, title=session.title, minutes=minutes,
                    kind=kind_label(session.kind))
                running = bool(session.actual_start and not session.actual_end)
                actual = actual_minutes(session)
                if running:
                    text = "▶ " + text + " · " + self.tr("running")
                elif actual is not None:  # planned vs actual (予実)
                    text += " · " + self.tr("took {minutes} min").format(minutes=actual)
                item = QTreeWidgetItem(self, [text])
                if running:
                    font = item.font(0)
                    font.setBold(True)
                    item.setFont(0, font)
                groups = self.ws.groups_of(session.id)
                # A session's own entry: its groups side by side (one group: its board).
                where = (session.id, None, True) if len(groups) > 1 else \
                    (session.id, groups[0].id if groups else None, False)
                item.setData(0, _ROLE, where)
                item.setToolTip(0, "\n".join(session.prompts))
                if session.kind == KIND_BREAK:
                    item.setForeground(0, QBrush(QColor("#888888")))
                if self._current == where:
                    chosen = item
                for group in groups:
                    child = QTreeWidgetItem(item, [group.name])
                    child.setIcon(0, colour_icon(group.color))
                    child.setData(0, _ROLE, (session.id, group.id, False))
                    child.setToolTip(0, self.tr("The board of {group} alone").format(
                        group=group.name))
                    if self._current == (session.id, group.id, False) and len(groups) > 1:
                        chosen = child
                item.setExpanded(True)
            if chosen is not None:
                self.setCurrentItem(chosen)
        finally:
            self._filling = False

    def _on_current(self, item: QTreeWidgetItem | None, _previous) -> None:
        if self._filling or item is None:
            return
        session_id, group_id, all_groups = item.data(0, _ROLE)
        self._emitting = True
        try:
            self.boardChosen.emit(session_id, group_id, all_groups)
        finally:
            self._emitting = False
