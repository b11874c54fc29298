"""The import preview: encoding, columns, target board and the first notes, before OK.

Everything shown is built by the core's :func:`read_import` /
:func:`preview_import` (the CLI's code); OK applies that preview with
:func:`apply_import` as one undo step.  A problem (a bad line, an encoding
that does not fit) is shown in the dialog and nothing is imported.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from facilitator.errors import FurikaeriError
from facilitator.io.csv_input import encoding_label
from facilitator.io.import_source import JSON, LINES, Source, read_source
from facilitator.io.importers import (
    PREVIEW_ROWS, ImportOptions, ImportPreview, apply_import, preview_import,
)
from facilitator.workshop.model import KIND_BREAK, Session

#: Column meanings offered, in the order shown (see csv_input.HEADER_ALIASES).
MEANINGS = ("text", "author", "group", "session", "theme", "color", "votes", "created")
#: Group combo data: follow the file's group column / the session's own board.
FROM_FILE, PLENARY = "\x00file", ""


@contextmanager
def _busy():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class ImportDialog(QDialog):
    """Preview of importing one file into a workshop; OK imports it."""

    def __init__(self, ws, path: str | Path, session_id: str | None = None,
                 group_id: str | None = None, parent=None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.path = Path(path)
        self.target = (session_id, group_id)
        self.source: Source | None = None
        self.preview: ImportPreview | None = None
        self.applied: ImportPreview | None = None
        self._building = False
        self._sessions_filled = False
        self.setWindowTitle(self.tr("Import {name}").format(name=self.path.name))
        self.resize(860, 620)
        self._build_ui()
        self._read()

    # -- layout ------------------------------------------------------------------
    def _build_ui(self) -> None:
        lay = QVBoxLayout(self)
        self.file_label = QLabel(str(self.path), self)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.file_label)

        self.reading = QWidget(self)
        row = QHBoxLayout(self.reading)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Encoding:"), self))
        self.encoding = QComboBox(self)
        self.encoding.addItem(self.tr("Automatic"), None)
        self.encoding.addItem("UTF-8", "utf-8")
        self.encoding.addItem("Shift_JIS (CP932)", "cp932")
        self.encoding.currentIndexChanged.connect(self._read)
        row.addWidget(self.encoding)
        self.detected = QLabel(self)
        row.addWidget(self.detected)
        row.addStretch(1)
        self.header = QCheckBox(self.tr("The first row names the columns"), self)
        self.header.toggled.connect(self._header_toggled)
        row.addWidget(self.header)
        lay.addWidget(self.reading)

        self.columns_box = QGroupBox(self.tr("Columns"), self)
        grid = QGridLayout(self.columns_box)
        names = {"text": self.tr("Note text"), "author": self.tr("Author"),
                 "group": self.tr("Group"), "session": self.tr("Session"),
                 "theme": self.tr("Theme"), "color": self.tr("Colour"),
                 "votes": self.tr("Votes"), "created": self.tr("Created")}
        self.column_combos: dict[str, QComboBox] = {}
        for i, meaning in enumerate(MEANINGS):
            combo = QComboBox(self)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.currentIndexChanged.connect(self._columns_changed)
            grid.addWidget(QLabel(names[meaning], self), i // 4, (i % 4) * 2)
            grid.addWidget(combo, i // 4, (i % 4) * 2 + 1)
            self.column_combos[meaning] = combo
        lay.addWidget(self.columns_box)

        self.target_box = QGroupBox(self.tr("Import into"), self)
        row = QHBoxLayout(self.target_box)
        row.addWidget(QLabel(self.tr("Session:"), self))
        self.session = QComboBox(self)
        self.session.currentIndexChanged.connect(self._session_changed)
        row.addWidget(self.session, 1)
        row.addWidget(QLabel(self.tr("Board:"), self))
        self.group = QComboBox(self)
        self.group.currentIndexChanged.connect(self._refresh)
        row.addWidget(self.group, 1)
        lay.addWidget(self.target_box)

        self.json_label = QLabel(self)
        self.json_label.setWordWrap(True)
        lay.addWidget(self.json_label)

        self.table = QTableWidget(0, 0, self)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        lay.addWidget(self.table, 1)

        self.count_label = QLabel(self)
        self.count_label.setWordWrap(True)
        lay.addWidget(self.count_label)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #B00020; font-weight: bold;")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lay.addWidget(self.error_label)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lay.addWidget(self.buttons)

    # -- reading the file ----------------------------------------------------------
    def _read(self) -> None:
        """(Re)read the file in the chosen encoding; columns start from what it names."""
        with _busy():
            self._read_now()

    def _read_now(self) -> None:
        try:
            self.source = read_source(self.path, self.encoding.currentData())
        except FurikaeriError as exc:
            self.source = None
            self._show_error(exc.text())
            self.detected.clear()
            return
        source = self.source
        kind = source.kind
        self.reading.setVisible(kind != JSON)
        self.header.setVisible(kind not in (JSON, LINES))
        self.columns_box.setVisible(kind not in (JSON, LINES))
        self.target_box.setVisible(kind != JSON)
        self.json_label.setVisible(kind == JSON)
        self.detected.setText(self.tr("Read as {encoding}").format(
            encoding=encoding_label(source.encoding)))
        header, columns = source.guess()
        if kind not in (JSON, LINES) and not header and not columns:
            header = True  # named by no known word: still most likely names
        self._building = True
        self.header.setChecked(header)
        self._fill_columns(header, columns)
        self._fill_sessions()
        self._building = False
        self._refresh()

    def _fill_columns(self, header: bool, chosen: dict[str, int]) -> None:
        names = self.source.column_names(header) if self.source else []
        for meaning, combo in self.column_combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(none)"), -1)
            for i, name in enumerate(names):
                label = self.tr("Column {number}").format(number=i + 1)
                combo.addItem(f"{label}: {name}" if name else label, i)
            combo.setCurrentIndex(max(0, combo.findData(chosen.get(meaning, -1))))
            combo.blockSignals(False)

    def _columns(self) -> dict[str, int]:
        return {m: c.currentData() for m, c in self.column_combos.items()
                if c.currentData() is not None and c.currentData() >= 0}

    def _header_toggled(self, on: bool) -> None:
        if self._building:
            return
        self._building = True
        self._fill_columns(on, self._columns())
        self._fill_sessions()
        self._building = False
        self._refresh()

    def _columns_changed(self) -> None:
        if self._building:
            return
        self._building = True
        self._fill_sessions()
        self._building = False
        self._refresh()

    # -- target board ------------------------------------------------------------------
    def _fill_sessions(self) -> None:
        """Sessions to import into; the file's own column first when one is chosen."""
        chosen = self.session.currentData() if self.session.count() else self.target[0]
        by_file = "session" in self._columns()
        self.session.blockSignals(True)
        self.session.clear()
        if by_file:
            self.session.addItem(self.tr("As the file's session column says"), FROM_FILE)
        for s in self.ws.sessions():
            if s.kind != KIND_BREAK or s.id == self.target[0]:
                self.session.addItem(s.title, s.id)
        if by_file and not self._sessions_filled:
            chosen = FROM_FILE  # a file naming its sessions (our CSV export) goes back there
        self._sessions_filled = True
        self.session.setCurrentIndex(max(0, self.session.findData(chosen)))
        self.session.blockSignals(False)
        self._fill_groups()

    def _session_changed(self) -> None:
        self._fill_groups()
        if not self._building:
            self._refresh()

    def _fill_groups(self) -> None:
        sid = self.session.currentData()
        chosen = self.group.currentData() if self.group.count() else (
            self.target[1] or PLENARY)
        self.group.blockSignals(True)
        self.group.clear()
        if "group" in self._columns() or sid == FROM_FILE:
            self.group.addItem(self.tr("As the file's group column says"), FROM_FILE)
        if sid != FROM_FILE and self.ws.get(Session, sid) is not None:
            self.group.addItem(self.tr("The session's own board"), PLENARY)
            for g in self.ws.groups_of(sid):
                self.group.addItem(g.name, g.id)
        index = self.group.findData(chosen)
        if index < 0:
            index = max(0, self.group.findData(PLENARY))
        self.group.setCurrentIndex(index)
        self.group.setEnabled(self.group.count() > 1)
        self.group.blockSignals(False)

    def options(self) -> ImportOptions:
        """What the dialog's choices say, as the core's import options."""
        sid, gid = self.session.currentData(), self.group.currentData()
        source = self.source
        table = source is not None and source.kind not in (JSON, LINES)
        return ImportOptions(
            encoding=self.encoding.currentData(),
            header=self.header.isChecked() if table else None,
            columns=self._columns() if table else None,
            session=None if sid in (None, FROM_FILE) else sid,
            group=None if gid in (None, FROM_FILE, PLENARY) else gid,
            plenary=gid == PLENARY)

    # -- the preview ----------------------------------------------------------------------
    def _refresh(self) -> None:
        if self._building or self.source is None:
            return
        if self.source.kind not in (JSON, LINES) and "text" not in self._columns():
            self._show_error(self.tr("Choose the column that holds the note text."))
            return
        try:
            with _busy():  # a file of many thousand rows takes a moment
                self.preview = preview_import(self.ws, self.source, self.options())
        except FurikaeriError as exc:
            self._show_error(exc.text())
            return
        self.error_label.clear()
        self.ok_button.setEnabled(True)
        self._show_preview(self.preview)

    def _show_error(self, text: str) -> None:
        self.preview = None
        self._show_raw()
        self.count_label.clear()
        self.error_label.setText(self.tr("Nothing will be imported: {reason}").format(
            reason=text))
        self.ok_button.setEnabled(False)

    def _fill_table(self, headers: list[str], rows: list[list[str]], stretch: int) -> None:
        table = self.table
        table.clear()
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                item = QTableWidgetItem(value.replace("\n", " ⏎ "))
                item.setToolTip(value)
                table.setItem(r, c, item)
        head = table.horizontalHeader()
        for c in range(len(headers)):
            head.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c == stretch
                                      else QHeaderView.ResizeMode.ResizeToContents)

    def _show_raw(self) -> None:
        """The file's first rows as they are, so that its columns can be told apart."""
        source = self.source
        if source is None or source.kind in (JSON, LINES):
            self._fill_table([], [], -1)
            return
        header = self.header.isChecked()
        names = source.column_names(header)
        labels = [self.tr("Column {number}").format(number=i + 1) for i in range(len(names))]
        records = source.raw.records[1:] if header else source.raw.records
        self._fill_table(
            [self.tr("Line")] + [f"{label}: {n}" if n else label for label, n in
                                 zip(labels, names)],
            [[str(line)] + cells for line, cells in records[:PREVIEW_ROWS]], -1)

    def _show_preview(self, preview: ImportPreview) -> None:
        rows = preview.rows
        self._fill_table(
            [self.tr("Line"), self.tr("Note text"), self.tr("Author"), self.tr("Board"),
             self.tr("Theme")],
            [[str(row.line) if row.line else "", row.text, row.author,
              f"{row.session} › {row.group}" if row.group else row.session, row.theme]
             for row in rows], 1)
        self.table.setColumnHidden(0, preview.source.kind == JSON)
        result = preview.result
        count = f"{result.notes:,}"
        if result.notes > len(rows):
            text = self.tr("Notes to import: {count}. The first {shown} are shown.").format(
                count=count, shown=len(rows))
        else:
            text = self.tr("Notes to import: {count}.").format(count=count)
        extra = [(result.groups_created, self.tr("new groups: {count}")),
                 (result.themes_created, self.tr("new themes: {count}")),
                 (result.empty_skipped, self.tr("empty rows skipped: {count}")),
                 (result.controls_removed, self.tr("control characters removed: {count}"))]
        extra = [t.format(count=n) for n, t in extra if n]
        if result.ignored_columns:
            extra.append(self.tr("columns not imported: {names}").format(
                names=", ".join(result.ignored_columns)))
        extra_text = self.tr(", ").join(extra)
        if extra_text:
            text = self.tr("{summary} ({details})").format(summary=text, details=extra_text)
        self.count_label.setText(text)
        if preview.source.kind == JSON:
            self.json_label.setText(self._json_summary(preview.counts))

    def _json_summary(self, counts: dict[str, int]) -> str:
        names = {"participants": self.tr("participants"), "sessions": self.tr("sessions"),
                 "groups": self.tr("groups"), "themes": self.tr("themes"),
                 "notes": self.tr("notes"), "strokes": self.tr("pen strokes"),
                 "connectors": self.tr("arrows"), "frames": self.tr("frames"),
                 "headings": self.tr("headings"), "stamps": self.tr("stamps"),
                 "decisions": self.tr("decisions"), "action_items": self.tr("action items"),
                 "timer_events": self.tr("clock records")}
        parts = [self.tr("{name}: {count}").format(name=names.get(t, t), count=n)
                 for t, n in counts.items()]
        return self.tr("A whole workshop's records; each goes to its own session and "
                       "group. This workshop's details and settings stay as they are.") + \
            "\n" + self.tr(", ").join(parts)

    # -- OK ------------------------------------------------------------------------
    def accept(self) -> None:
        """Import what the preview shows (as one undo step); a problem keeps the dialog."""
        if self.preview is None:
            return
        try:
            with _busy():
                self.applied = apply_import(self.ws, self.preview)
        except FurikaeriError as exc:
            self._show_error(exc.text())
            return
        super().accept()
