"""参加者…: the people of the workshop in a table, typed, pasted or imported.

* Type: the last row takes a new name (Tab goes on to its organisation);
  every cell edits in place; the role is chosen from a list; 出席 is a tick.
* Paste (Ctrl+V) a list copied from Excel, a mail or a document: one person a
  line, "名前, 所属", tab-separated, or "名前（所属）" — added at once.
* リストを貼り付け… and CSVを読み込む… show what will be added first (with the
  file's encoding), see :mod:`ui.workshop.roster_dialog`.

Each edit, paste or import is one undo step (Ctrl+Z in the dialog undoes it).
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QFileDialog, QHBoxLayout, QHeaderView, QLabel,
    QMessageBox, QPushButton, QStyledItemDelegate, QTableView, QVBoxLayout,
)

from facilitator.errors import FurikaeriError
from facilitator.i18n import QT_TRANSLATE_NOOP
from facilitator.workshop.model import ROLES, Participant
from facilitator.workshop.people import (
    PersonRow, add_people, person_change, remove_people, reorder_people,
)
from ui.i18n import is_language_change, sentences
from ui.workshop.roles import role_label

NAME, ORGANISATION, ROLE, ATTENDED = range(4)
FIELDS = {NAME: "name", ORGANISATION: "organisation", ROLE: "role"}

class PeopleModel(QAbstractTableModel):
    """The participants, plus one empty row at the end for the next name."""

    def __init__(self, ws, parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.people: list[Participant] = ws.all(Participant) if ws else []
        self.error: str = ""

    # -- reading -----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.people) + 1

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return (self.tr("Name"), self.tr("Organisation"), self.tr("Role"),
                    self.tr("Present"))[section]
        return str(section + 1) if section < len(self.people) else "+"

    def is_new_row(self, row: int) -> bool:
        return row == len(self.people)

    def flags(self, index: QModelIndex):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.ws is None or self.ws.readonly:
            return base
        if self.is_new_row(index.row()):
            return base | Qt.ItemFlag.ItemIsEditable if index.column() == NAME else base
        if index.column() == ATTENDED:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        row, col = index.row(), index.column()
        if self.is_new_row(row):
            if role == Qt.ItemDataRole.DisplayRole and col == NAME:
                return self.tr("Type a name to add a person…")
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#8A8A8A"))
            return "" if role == Qt.ItemDataRole.EditRole else None
        p = self.people[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == NAME:
                return p.name
            if col == ORGANISATION:
                return p.organisation
            if col == ROLE:
                return role_label(p.role) if role == Qt.ItemDataRole.DisplayRole else p.role
            return None
        if role == Qt.ItemDataRole.CheckStateRole and col == ATTENDED:
            return Qt.CheckState.Checked if p.attended else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole and not p.attended:
            return QBrush(QColor("#8A8A8A"))
        if role == Qt.ItemDataRole.ToolTipRole and col == ATTENDED:
            return self.tr("Present") if p.attended else self.tr("Absent")
        return None

    # -- editing -----------------------------------------------------------------------
    def setData(self, index: QModelIndex, value,  # noqa: N802
                role=Qt.ItemDataRole.EditRole) -> bool:
        if self.ws is None:
            return False
        row, col = index.row(), index.column()
        try:
            if self.is_new_row(row):
                if col != NAME or not str(value).strip():
                    return False
                change = add_people(self.ws, [PersonRow(str(value))])
                if not change:
                    raise FurikaeriError(QT_TRANSLATE_NOOP(
                        "Errors", "{name} is already in the list."), name=str(value).strip())
            elif col == ATTENDED and role == Qt.ItemDataRole.CheckStateRole:
                checked = Qt.CheckState(value) == Qt.CheckState.Checked
                change = person_change(self.ws, self.people[row].id, attended=checked)
            elif col in FIELDS and role == Qt.ItemDataRole.EditRole:
                change = person_change(self.ws, self.people[row].id, **{FIELDS[col]: value})
            else:
                return False
            if change:
                self.ws.apply(change)
        except FurikaeriError as exc:
            self.error = exc.text()
            return False
        self.error = ""
        return True

    def follow(self, change) -> None:
        """The workshop changed: show its participants again (rows kept where possible)."""
        if Participant.TABLE not in change.tables():
            return
        new = self.ws.all(Participant)
        old_ids = [p.id for p in self.people]
        new_ids = [p.id for p in new]
        if new_ids[:len(old_ids)] == old_ids and len(new_ids) > len(old_ids):
            # Added at the end (typed, pasted): the row typed in becomes the person and
            # new rows go after it, so the cell being typed in (and Tab from it) stays put.
            first = len(old_ids)
            self.beginInsertRows(QModelIndex(), first + 1, len(new_ids))
            self.people = new
            self.endInsertRows()
            self.dataChanged.emit(self.index(first, 0), self.index(len(new_ids), 3))
            self.headerDataChanged.emit(Qt.Orientation.Vertical, first, len(new_ids))
        elif new_ids == old_ids:
            self.people = new
            self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, 3))
        else:
            self.beginResetModel()
            self.people = new
            self.endResetModel()


class RoleDelegate(QStyledItemDelegate):
    """The role column: a list of the roles, in the chosen language."""

    def createEditor(self, parent, option, index):  # noqa: N802
        box = QComboBox(parent)
        for role in ROLES:
            box.addItem(role_label(role), role)
        return box

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        i = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.setCurrentIndex(max(i, 0))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class PeopleTable(QTableView):
    """The table; Ctrl+V pastes a list of people, Delete removes the selected rows."""

    def __init__(self, dialog: "ParticipantsDialog") -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            if self.dialog.paste_clipboard():
                event.accept()
                return
        if self.state() != QAbstractItemView.State.EditingState and (
                event.matches(QKeySequence.StandardKey.Delete)
                or event.key() == Qt.Key.Key_Backspace):
            self.dialog.delete_selected()
            event.accept()
            return
        super().keyPressEvent(event)


class ParticipantsDialog(QDialog):
    """The participants of a workshop (non-modal: it may stay open beside the board)."""

    def __init__(self, ws, parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.resize(760, 560)
        self.model = PeopleModel(ws, self)
        self.table = PeopleTable(self)
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(ROLE, RoleDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setTabKeyNavigation(True)
        self.table.setAlternatingRowColors(True)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(ORGANISATION, QHeaderView.ResizeMode.Stretch)
        head.setSectionResizeMode(ROLE, QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(ATTENDED, QHeaderView.ResizeMode.ResizeToContents)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.counts = QLabel(self)

        self.paste_button = QPushButton(self)
        self.import_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.up_button = QPushButton(self)
        self.down_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.paste_button.clicked.connect(lambda: self.paste_dialog())
        self.import_button.clicked.connect(lambda: self.import_dialog())
        self.delete_button.clicked.connect(lambda: self.delete_selected())
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.close_button.clicked.connect(self.close)
        top = QHBoxLayout()
        top.addWidget(self.paste_button)
        top.addWidget(self.import_button)
        top.addStretch(1)
        top.addWidget(self.up_button)
        top.addWidget(self.down_button)
        top.addWidget(self.delete_button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.counts, 1)
        bottom.addWidget(self.close_button)
        self.hint = hint = QLabel(self)
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(hint)
        lay.addLayout(top)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.status)
        lay.addLayout(bottom)
        QShortcut(QKeySequence.StandardKey.Undo, self, self._undo)
        QShortcut(QKeySequence("Ctrl+Shift+Z"), self, self._redo)
        ws.listeners.append(self._on_change)
        self.model.dataChanged.connect(lambda *_: self._report())
        self.retranslate()
        if ws.readonly:
            for b in (self.paste_button, self.import_button, self.delete_button,
                      self.up_button, self.down_button):
                b.setEnabled(False)

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語: the dialog may stay open)."""
        self.setWindowTitle(self.tr("Participants"))
        self.paste_button.setText(self.tr("&Paste a list…"))
        self.import_button.setText(self.tr("&Import CSV…"))
        self.delete_button.setText(self.tr("&Delete"))
        self.up_button.setText(self.tr("Move &up"))
        self.down_button.setText(self.tr("Move do&wn"))
        self.close_button.setText(self.tr("Close"))
        self.hint.setText(self.tr("Type in the last row to add a person; paste a list copied "
                                  "from Excel or a mail with Ctrl+V (one person a line: name, "
                                  "organisation). Ctrl+Z undoes."))
        self._update()
        rows, columns = self.model.rowCount(), self.model.columnCount()
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if rows:   # roles and attendance are words too
            self.model.dataChanged.emit(self.model.index(0, 0),
                                        self.model.index(rows - 1, columns - 1))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    # -- following the workshop -------------------------------------------------------
    def _on_change(self, change) -> None:
        self.model.follow(change)
        self._update()

    def _report(self) -> None:
        if self.model.error:
            self.tell(self.model.error, error=True)
            self.model.error = ""

    def _update(self) -> None:
        people = self.model.people
        present = sum(p.attended for p in people)
        self.counts.setText(self.tr("{count} registered: {present} present, {absent} absent")
                            .format(count=len(people), present=present,
                                    absent=len(people) - present))

    def tell(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet("color: #B00020;" if error else "")
        self.status.setText(text)

    def done(self, result: int) -> None:
        if self._on_change in self.ws.listeners:
            self.ws.listeners.remove(self._on_change)
        super().done(result)

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._on_change in self.ws.listeners:
            self.ws.listeners.remove(self._on_change)
        super().closeEvent(event)

    # -- adding many ------------------------------------------------------------------
    def add_rows(self, rows: list[PersonRow]) -> int:
        """Add people in one undo step; tells how many were added and skipped."""
        try:
            change = add_people(self.ws, rows)
            if change:
                self.ws.apply(change)
        except FurikaeriError as exc:
            self.tell(exc.text(), error=True)
            return 0
        added = len(change.added)
        skipped = len([r for r in rows if r.name.strip()]) - added
        text = self.tr("Added {count} people.").format(count=added)
        if skipped:
            text = sentences(text, self.tr("{count} already in the list were left out.").format(
                count=skipped))
        self.tell(text)
        if added:
            self.table.scrollToBottom()
        return added

    def paste_clipboard(self) -> bool:
        """Ctrl+V: a list (several lines, or tab-separated cells) is added as people.

        One plain line pastes into the cell as any text would (False).
        """
        text = QGuiApplication.clipboard().text()
        if self.ws.readonly or not text.strip() or (
                "\n" not in text.strip() and "\t" not in text.strip()):
            return False
        from facilitator.io.roster import parse_roster
        try:
            roster = parse_roster(text)
        except FurikaeriError as exc:
            self.tell(exc.text(), error=True)
            return True
        self.add_rows(roster.people)
        if roster.remarks:
            self.tell(self.status.text() + "\n" + "\n".join(r.text() for r in roster.remarks))
        return True

    def paste_dialog(self) -> None:
        from ui.workshop.roster_dialog import RosterDialog
        dialog = RosterDialog(self.ws, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_rows(dialog.rows())

    def import_dialog(self, path: str | None = None) -> None:
        """CSVを読み込む…: choose a file, preview it, add its people."""
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import participants"), "",
                self.tr("Lists of people (*.csv *.tsv *.txt);;All files (*)"))
        if not path:
            return
        from facilitator.io.roster import read_roster
        from ui.workshop.roster_dialog import RosterDialog
        try:
            roster = read_roster(path)
        except FurikaeriError as exc:
            QMessageBox.warning(self, self.tr("Furikaeri"), exc.text())
            return
        dialog = RosterDialog(self.ws, self, roster=roster, source=path)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_rows(dialog.rows())

    # -- rows -----------------------------------------------------------------------------
    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedIndexes()})
        return [self.model.people[r].id for r in rows if r < len(self.model.people)]

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids or self.ws.readonly:
            return
        self.ws.apply(remove_people(self.ws, ids))
        self.tell(self.tr("Removed {count} people. Ctrl+Z brings them back.").format(
            count=len(ids)))

    def move_selected(self, step: int) -> None:
        ids = self.selected_ids()
        order = [p.id for p in self.model.people]
        if not ids or self.ws.readonly:
            return
        chosen = set(ids)
        seq = order if step < 0 else order[::-1]
        for i in range(1, len(seq)):
            if seq[i] in chosen and seq[i - 1] not in chosen:
                seq[i - 1], seq[i] = seq[i], seq[i - 1]
        order = seq if step < 0 else seq[::-1]
        change = reorder_people(self.ws, order)
        if change:
            self.ws.apply(change)
        selection = self.table.selectionModel()
        selection.clearSelection()
        for r, pid in enumerate(order):
            if pid in chosen:
                selection.select(self.model.index(r, 0),
                                 selection.SelectionFlag.Select | selection.SelectionFlag.Rows)

    def _undo(self) -> None:
        self._step(self.ws.undo)

    def _redo(self) -> None:
        self._step(self.ws.redo)

    def _step(self, method) -> None:
        if self.ws.readonly:
            return
        try:
            method()
        except FurikaeriError as exc:
            self.tell(exc.text(), error=True)
