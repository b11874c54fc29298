"""The 決定事項と宿題 panel: every decision and action item, to edit, tick off or delete.

Double-click (or F2, or just type) edits a cell; the session and the owner are
chosen from lists (an owner may also be typed); the first column of an action
item ticks it done; Delete removes the selected rows.  Each edit is one undo
step of the workshop.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QStyledItemDelegate, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from facilitator.errors import FurikaeriError
from facilitator.outcomes.items import capture_sessions, edit_change, owner_names, removal
from facilitator.workshop.model import ActionItem, Decision, Session
from ui.i18n import is_language_change

_ID = Qt.ItemDataRole.UserRole
_SESSION = Qt.ItemDataRole.UserRole + 1
#: Column -> field of the two tables.
DECISION_FIELDS = {0: "text", 1: "session_id"}
ACTION_FIELDS = {1: "what", 2: "owner", 3: "due", 4: "session_id"}
_COLUMN_WIDTH = {"owner": 84, "session_id": 104}
_EDIT_TRIGGERS = (QAbstractItemView.EditTrigger.DoubleClicked
                  | QAbstractItemView.EditTrigger.EditKeyPressed
                  | QAbstractItemView.EditTrigger.AnyKeyPressed)


class _Delegate(QStyledItemDelegate):
    """Edits a cell of the panel and hands the new value to the panel (not to the model)."""

    def __init__(self, panel: "OutcomesPanel", fields: dict[int, str]) -> None:
        super().__init__(panel)
        self.panel = panel
        self.fields = fields

    def createEditor(self, parent, option, index: QModelIndex):  # noqa: N802
        field = self.fields.get(index.column())
        ws = self.panel.ws
        if field == "session_id" and ws is not None:
            box = QComboBox(parent)
            for s in capture_sessions(ws):
                box.addItem(s.title, s.id)
            box.addItem(self.panel.whole_workshop, None)
            return box
        if field == "owner" and ws is not None:
            box = QComboBox(parent)
            box.setEditable(True)
            box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            box.addItems(owner_names(ws))
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index: QModelIndex) -> None:  # noqa: N802
        field = self.fields.get(index.column())
        if field == "session_id":
            i = editor.findData(index.data(_SESSION))
            editor.setCurrentIndex(i if i >= 0 else editor.count() - 1)
        elif field == "owner":
            editor.setCurrentText(index.data() or "")
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index: QModelIndex) -> None:  # noqa: N802
        field = self.fields.get(index.column())
        if field is None:
            return
        if field == "session_id":
            value = editor.currentData()
        elif field == "owner":
            value = editor.currentText()
        else:
            value = editor.text()
        rid = model.index(index.row(), 0).data(_ID)
        self.panel.commit(rid, field, value)


class OutcomesPanel(QWidget):
    """Both lists; ``captureRequested(kind)`` asks the window for the capture bar."""

    captureRequested = Signal(str)
    message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.ws = None
        self._filling = False
        self.whole_workshop = ""
        self.add_decision = QPushButton(self)
        self.add_action = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.add_decision.clicked.connect(lambda: self.captureRequested.emit("decision"))
        self.add_action.clicked.connect(lambda: self.captureRequested.emit("action"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.decisions = self._table(2, DECISION_FIELDS)
        self.actions = self._table(5, ACTION_FIELDS)
        self.actions.itemChanged.connect(self._done_toggled)
        self.decisions_title = QLabel(self)
        self.actions_title = QLabel(self)
        for label in (self.decisions_title, self.actions_title):
            font = QFont(label.font())
            font.setBold(True)
            label.setFont(font)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_decision)
        buttons.addWidget(self.add_action)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        lay = QVBoxLayout(self)
        lay.addLayout(buttons)
        lay.addWidget(self.decisions_title)
        lay.addWidget(self.decisions, 2)
        lay.addWidget(self.actions_title)
        lay.addWidget(self.actions, 3)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.whole_workshop = self.tr("(the workshop as a whole)")
        self.add_decision.setText(self.tr("+ Decision"))
        self.add_action.setText(self.tr("+ Action item"))
        self.delete_button.setText(self.tr("Delete"))
        self.decisions.setHorizontalHeaderLabels([self.tr("Decision"), self.tr("Session")])
        self.actions.setHorizontalHeaderLabels([
            self.tr("Done"), self.tr("Action item"), self.tr("Owner"), self.tr("Due"),
            self.tr("Session")])
        self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _table(self, columns: int, fields: dict[int, str]) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(_EDIT_TRIGGERS)
        table.setWordWrap(True)
        table.setItemDelegate(_Delegate(self, fields))
        head = table.horizontalHeader()
        head.setMinimumSectionSize(28)
        for column in range(columns):
            field = fields.get(column)
            if field in ("text", "what"):   # the words get the room; the rest fits beside
                head.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
            elif field in ("owner", "session_id"):
                head.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                head.resizeSection(column, _COLUMN_WIDTH[field])
            else:
                head.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.installEventFilter(self)
        return table

    # -- showing -----------------------------------------------------------------------
    def set_workshop(self, ws) -> None:
        self.ws = ws
        self.refresh()

    def refresh(self) -> None:
        """Rebuild both lists from the workshop (keeping the current cell)."""
        ws = self.ws
        self._filling = True
        try:
            decisions = ws.all(Decision) if ws else []
            actions = ws.all(ActionItem) if ws else []
            titles, rank = self._sessions()
            decisions.sort(key=lambda d: (rank.get(d.session_id, len(rank)), d.order))
            actions.sort(key=lambda a: (rank.get(a.session_id, len(rank)), a.order))
            self._fill(self.decisions, [
                [_cell(d.text, d.id), _session_cell(titles, d.session_id, self.whole_workshop)]
                for d in decisions])
            today = date.today().isoformat()
            rows = []
            for a in actions:
                check = _cell("", a.id)
                check.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                               | (Qt.ItemFlag.ItemIsUserCheckable if not ws.readonly
                                  else Qt.ItemFlag.NoItemFlags))
                check.setCheckState(Qt.CheckState.Checked if a.done else Qt.CheckState.Unchecked)
                row = [check, _cell(a.what), _cell(a.owner), _cell(a.due),
                       _session_cell(titles, a.session_id, self.whole_workshop)]
                if a.done:
                    for item in row[1:]:
                        font = item.font()
                        font.setStrikeOut(True)
                        item.setFont(font)
                        item.setForeground(QBrush(QColor("#7A7A7A")))
                elif _is_iso(a.due) and a.due < today:
                    row[3].setForeground(QBrush(QColor("#B00020")))
                    row[3].setToolTip(self.tr("Past its due date"))
                rows.append(row)
            self._fill(self.actions, rows)
            self._set_titles(len(decisions), len(actions), sum(a.done for a in actions))
        finally:
            self._filling = False
        enabled = ws is not None and not ws.readonly
        for w in (self.add_decision, self.add_action, self.delete_button):
            w.setEnabled(enabled)
        for table in (self.decisions, self.actions):   # a read-only file: look, not touch
            table.setEditTriggers(_EDIT_TRIGGERS if enabled
                                  else QAbstractItemView.EditTrigger.NoEditTriggers)

    def _sessions(self) -> tuple[dict[str, str], dict[str, int]]:
        sessions = self.ws.all(Session) if self.ws else []
        return {s.id: s.title for s in sessions}, {s.id: i for i, s in enumerate(sessions)}

    def _fill(self, table: QTableWidget, rows: list[list[QTableWidgetItem]]) -> None:
        current = table.currentItem()
        keep = (table.item(current.row(), 0).data(_ID), current.column()) if current else None
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, item in enumerate(row):
                table.setItem(r, c, item)
        if keep is not None:
            for r in range(table.rowCount()):
                if table.item(r, 0).data(_ID) == keep[0]:
                    table.setCurrentCell(r, keep[1])
                    break
        table.resizeRowsToContents()

    def _set_titles(self, decisions: int, actions: int, done: int) -> None:
        self.decisions_title.setText(self.tr("Decisions ({count})").format(count=decisions))
        self.actions_title.setText(self.tr("Action items ({count}, {done} done)").format(
            count=actions, done=done))

    # -- editing ---------------------------------------------------------------------------
    def commit(self, record_id: str, field: str, value) -> bool:
        """Apply one edit (one undo step); a refusal is told, nothing is lost."""
        if self.ws is None or record_id is None:
            return False
        try:
            change = edit_change(self.ws, record_id, **{field: value})
            if change:
                self.ws.apply(change)
        except FurikaeriError as exc:
            self.message.emit(exc.text())
            self.refresh()
            return False
        return True

    def _done_toggled(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != 0:
            return
        self.commit(item.data(_ID), "done", item.checkState() == Qt.CheckState.Checked)

    def selected_ids(self) -> list[str]:
        ids = []
        for table in (self.decisions, self.actions):
            rows = sorted({i.row() for i in table.selectedItems()})
            ids += [table.item(r, 0).data(_ID) for r in rows]
        return ids

    def delete_selected(self) -> None:
        """Remove the selected decisions and action items (one undo step)."""
        ids = self.selected_ids()
        if not ids or self.ws is None:
            return
        try:
            self.ws.apply(removal(self.ws, ids))
        except FurikaeriError as exc:
            self.message.emit(exc.text())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj in (self.decisions, self.actions) and event.type() == QEvent.Type.KeyPress \
                and self.ws is not None and not self.ws.readonly \
                and obj.state() != QAbstractItemView.State.EditingState \
                and (event.matches(QKeySequence.StandardKey.Delete)
                     or event.key() == Qt.Key.Key_Backspace):
            other = self.actions if obj is self.decisions else self.decisions
            other.clearSelection()   # Delete removes what is selected in the table in use
            self.delete_selected()
            return True
        return False


def _cell(text: str, rid: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text if len(text) > 40 else "")
    if rid is not None:
        item.setData(_ID, rid)
    return item


def _session_cell(titles: dict[str, str], session_id: str | None,
                  whole: str) -> QTableWidgetItem:
    item = QTableWidgetItem(titles.get(session_id, whole))
    item.setData(_SESSION, session_id)
    item.setToolTip(item.text())   # elided in a narrow dock
    return item


def _is_iso(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
