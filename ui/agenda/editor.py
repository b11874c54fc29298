"""The agenda editor: sessions, their groups and note-takers, the day's times, templates.

Everything is edited on a draft; OK checks it and applies it as ONE change
(one undo step).  Bad input is told in a dialog and the draft stays as typed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QHBoxLayout, QHeaderView, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem,
    QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
    QTimeEdit, QVBoxLayout, QWidget,
)

from facilitator.agenda import plan as agenda
from facilitator.agenda.day import replan_records
from facilitator.workshop.changes import Change
from facilitator.errors import FurikaeriError
from facilitator.workshop.model import (
    ELEMENT_TYPES, KIND_GROUPS, KIND_PLENARY, SESSION_KINDS, Group, Session, new_id,
)
from facilitator.agenda.templates import (
    agenda_as_template, read_template, save_template, template_choices, template_path,
)
from facilitator.agenda.timer import RoomClock
from facilitator.workshop import Workshop
from facilitator.board.palette import GROUP_COLOURS
from ui.agenda.panel import kind_label
from ui.workshop.start_screen import user_template_folder  # noqa: F401 (tests import it here)



@dataclass
class DraftGroup:
    name: str
    note_taker: str = ""
    color: str = GROUP_COLOURS[0]
    id: str | None = None


@dataclass
class DraftSession:
    title: str
    kind: str = KIND_PLENARY
    minutes: int = 30
    prompts: list[str] = field(default_factory=list)
    groups: list[DraftGroup] = field(default_factory=list)
    planned_start: str | None = None
    id: str | None = None
    key: str = field(default_factory=new_id)


def drafts_of(ws: Workshop) -> list[DraftSession]:
    return [DraftSession(s.title, s.kind, s.planned_minutes, list(s.prompts),
                         [DraftGroup(g.name, g.note_taker, g.color, g.id)
                          for g in ws.groups_of(s.id)], s.planned_start, s.id)
            for s in ws.sessions()]


def drafts_from_template(data: dict) -> list[DraftSession]:
    return [DraftSession(s.get("title", ""), s.get("kind", KIND_PLENARY),
                         s.get("planned_minutes", 30), list(s.get("prompts", [])),
                         [DraftGroup(g.get("name", ""), g.get("note_taker", ""),
                                     g.get("color", GROUP_COLOURS[i % len(GROUP_COLOURS)]))
                          for i, g in enumerate(s.get("groups", []))], s.get("planned_start"))
            for s in data.get("sessions", [])]


class Refused(Exception):
    """Bad input in the editor; ``args[0]`` is the sentence shown (already translated)."""


class AgendaEditor(QDialog):
    """Edit the workshop's agenda; OK applies it as one undoable change."""

    def __init__(self, ws: Workshop, clock: RoomClock | None = None, parent=None,
                 now=None) -> None:
        super().__init__(parent)
        self.ws, self.clock = ws, clock
        self.now = now or (clock.wall if clock else (lambda: datetime.now().astimezone()))
        self.setWindowTitle(self.tr("Agenda"))
        self.resize(980, 620)
        self.drafts: dict[str, DraftSession] = {}
        self._loading = False
        info = ws.info

        self.date = QDateEdit(self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.setDate(QDate.fromString(info.date, "yyyy-MM-dd") if info.date
                          else QDate.currentDate())
        self.start_time = QTimeEdit(self)
        self.end_time = QTimeEdit(self)
        for edit, text in ((self.start_time, info.start_time), (self.end_time, info.end_time)):
            edit.setDisplayFormat("HH:mm")
            edit.setTime(QTime.fromString(text or "00:00", "HH:mm"))
            edit.timeChanged.connect(self.refresh_times)
        self.date.dateChanged.connect(self.refresh_times)
        day = QHBoxLayout()
        for label, edit in ((self.tr("Date"), self.date), (self.tr("Start"), self.start_time),
                            (self.tr("End"), self.end_time)):
            day.addWidget(QLabel(label, self))
            day.addWidget(edit)
        day.addStretch(1)

        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setStyleSheet("QListWidget::item { padding: 4px 2px; }")
        self.list.model().rowsMoved.connect(lambda *_: self.refresh_times())
        self.list.currentItemChanged.connect(self._show_current)
        add = QPushButton(self.tr("Add session"), self)
        add.clicked.connect(self.add_session)
        remove = QPushButton(self.tr("Remove session"), self)
        remove.clicked.connect(self.remove_session)
        self.templates = QComboBox(self)
        for name, title, _description in template_choices(user_folder=user_template_folder()):
            self.templates.addItem(title, name)
        apply_template = QPushButton(self.tr("Use template"), self)
        apply_template.clicked.connect(lambda: self.apply_template(self.templates.currentData()))
        save_button = QPushButton(self.tr("Save as template…"), self)
        save_button.clicked.connect(self.save_as_template)
        self.end_label = QLabel(self)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        row = QHBoxLayout()
        row.addWidget(add)
        row.addWidget(remove)
        left.addLayout(row)
        left.addWidget(self.end_label)
        row = QHBoxLayout()
        row.addWidget(self.templates, 1)
        row.addWidget(apply_template)
        row.addWidget(save_button)
        left.addLayout(row)

        self.title = QLineEdit(self)
        self.title.textChanged.connect(lambda t: self._set("title", t))
        self.kind = QComboBox(self)
        for kind in SESSION_KINDS:
            self.kind.addItem(kind_label(kind), kind)
        self.kind.currentIndexChanged.connect(lambda _i: self._set("kind", self.kind.currentData()))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(-999, 9999)  # out-of-range values are refused on OK, with a reason
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.valueChanged.connect(lambda v: self._set("minutes", v))
        self.prompts = QPlainTextEdit(self)
        self.prompts.setPlaceholderText(self.tr("One question per line"))
        self.prompts.textChanged.connect(lambda: self._set(
            "prompts", [p.strip() for p in self.prompts.toPlainText().splitlines() if p.strip()]))
        self.groups = QTableWidget(0, 2, self)
        self.groups.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Note-taker")])
        self.groups.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.groups.itemChanged.connect(self._groups_edited)
        add_group = QPushButton(self.tr("Add group"), self)
        add_group.clicked.connect(self.add_group)
        remove_group = QPushButton(self.tr("Remove group"), self)
        remove_group.clicked.connect(self.remove_group)
        self.form = QWidget(self)
        form = QFormLayout(self.form)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Planned time"), self.minutes)
        form.addRow(self.tr("Prompts"), self.prompts)
        form.addRow(self.tr("Groups"), self.groups)
        row = QHBoxLayout()
        row.addWidget(add_group)
        row.addWidget(remove_group)
        row.addStretch(1)
        form.addRow("", row)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addWidget(self.form, 3)
        lay = QVBoxLayout(self)
        lay.addLayout(day)
        lay.addLayout(body, 1)
        lay.addWidget(buttons)
        self.set_drafts(drafts_of(ws))

    # -- the draft -----------------------------------------------------------------
    def set_drafts(self, drafts: list[DraftSession]) -> None:
        self.list.blockSignals(True)  # the old items' keys go with the old drafts
        self.list.clear()
        self.list.blockSignals(False)
        self.drafts = {d.key: d for d in drafts}
        for d in drafts:
            item = QListWidgetItem(self.list)
            item.setData(Qt.ItemDataRole.UserRole, d.key)
        self.refresh_times()
        if drafts:
            self.list.setCurrentRow(0)
        self._show_current(self.list.currentItem())

    def ordered(self) -> list[DraftSession]:
        """The draft sessions in the list's order (as dragged)."""
        return [self.drafts[self.list.item(i).data(Qt.ItemDataRole.UserRole)]
                for i in range(self.list.count())]

    def current(self) -> DraftSession | None:
        item = self.list.currentItem()
        return self.drafts[item.data(Qt.ItemDataRole.UserRole)] if item else None

    def _set(self, name: str, value) -> None:
        d = self.current()
        if d is None or self._loading:
            return
        setattr(d, name, value)
        self.refresh_times()

    def _show_current(self, item, _previous=None) -> None:
        d = self.current()
        self.form.setEnabled(d is not None)
        if d is None:
            return
        self._loading = True
        try:
            self.title.setText(d.title)
            self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
            self.minutes.setValue(d.minutes)
            self.prompts.setPlainText("\n".join(d.prompts))
            self.groups.setRowCount(len(d.groups))
            for row, g in enumerate(d.groups):
                self.groups.setItem(row, 0, QTableWidgetItem(g.name))
                self.groups.setItem(row, 1, QTableWidgetItem(g.note_taker))
        finally:
            self._loading = False

    def _groups_edited(self, item: QTableWidgetItem) -> None:
        d = self.current()
        if d is None or self._loading or item.row() >= len(d.groups):
            return
        g = d.groups[item.row()]
        if item.column() == 0:
            g.name = item.text().strip()
        else:
            g.note_taker = item.text().strip()

    def refresh_times(self) -> None:
        """Each session's planned start, from the day's start and the durations above it."""
        at = self._start_dt()
        for i, d in enumerate(self.ordered()):
            if d.planned_start:
                at = self._at(d.planned_start)
            running = self._running_id() == d.id and d.id is not None
            self.list.item(i).setText(self.tr("{start}  {title}  ({minutes} min · {kind})").format(
                start=f"{at:%H:%M}", title=d.title or self.tr("(untitled)"), minutes=d.minutes,
                kind=kind_label(d.kind)) + ("  ▶" if running else ""))
            at += timedelta(minutes=max(0, d.minutes))
        self.end_label.setText(self.tr("The agenda ends at {end} (workshop ends {limit}).").format(
            end=f"{at:%H:%M}", limit=self.end_time.time().toString("HH:mm")))

    def _start_dt(self) -> datetime:
        return self._at(self.start_time.time().toString("HH:mm"))

    def _at(self, hhmm: str) -> datetime:
        return agenda.day_start(self.date.date().toString("yyyy-MM-dd"), hhmm,
                                self.now().tzinfo)

    def _running_id(self) -> str | None:
        st = self.clock.status() if self.clock else None
        return st.session.id if st and st.session else None

    # -- buttons ----------------------------------------------------------------------
    def add_session(self) -> None:
        d = DraftSession(self.tr("New session"))
        self.drafts[d.key] = d
        row = self.list.currentRow() + 1 if self.list.currentItem() else self.list.count()
        item = QListWidgetItem()
        item.setData(Qt.ItemDataRole.UserRole, d.key)
        self.list.insertItem(row, item)
        self.list.setCurrentItem(item)
        self.refresh_times()
        self.title.setFocus()
        self.title.selectAll()

    def remove_session(self) -> None:
        d = self.current()
        if d is None:
            return
        if d.id is not None and d.id == self._running_id():
            self._refuse(self.tr("{title} is running: end it (Clock › End the session) "
                                 "before removing it.").format(title=d.title))
            return
        self.list.takeItem(self.list.currentRow())
        del self.drafts[d.key]
        self.refresh_times()
        self._show_current(self.list.currentItem())

    def add_group(self) -> None:
        d = self.current()
        if d is None:
            return
        n = len(d.groups)
        d.groups.append(DraftGroup(self.tr("Group {letter}").format(letter=chr(ord("A") + n % 26)),
                                   color=GROUP_COLOURS[n % len(GROUP_COLOURS)]))
        if d.kind != KIND_GROUPS and n == 0:
            d.kind = KIND_GROUPS
        self._show_current(self.list.currentItem())
        self.refresh_times()

    def remove_group(self) -> None:
        d = self.current()
        row = self.groups.currentRow()
        if d is None or not 0 <= row < len(d.groups):
            return
        del d.groups[row]
        self._show_current(self.list.currentItem())

    def apply_template(self, name: str) -> None:
        """Replace the draft by a template's sessions and times (OK still to confirm)."""
        try:
            data = read_template(template_path(name, user_folder=user_template_folder()))
        except FurikaeriError as exc:
            self._refuse(exc.text())
            return
        times = data.get("workshop", {})
        for edit, key in ((self.start_time, "start_time"), (self.end_time, "end_time")):
            if times.get(key):
                edit.setTime(QTime.fromString(times[key], "HH:mm"))
        self.set_drafts(drafts_from_template(data))

    def save_as_template(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save as template"),
                                        self.tr("Template name:"))
        if not ok:
            return
        sessions, groups = self.draft_records()
        info = self.ws.info.replace(start_time=self.start_time.time().toString("HH:mm"),
                                    end_time=self.end_time.time().toString("HH:mm"))
        write_template(self, agenda_as_template(info, sessions, groups, name.strip()))

    def draft_records(self) -> tuple[list[Session], list[Group]]:
        """The draft as records (new ids for what is new)."""
        sessions, groups = [], []
        for order, d in enumerate(self.ordered()):
            old = self.ws.get(Session, d.id) or Session(id=new_id())
            s = old.replace(title=d.title.strip(), kind=d.kind, order=order,
                            planned_minutes=d.minutes, prompts=list(d.prompts),
                            planned_start=d.planned_start)
            sessions.append(s)
            for gorder, g in enumerate(d.groups):
                oldg = self.ws.get(Group, g.id) or Group(id=new_id())
                groups.append(oldg.replace(session_id=s.id, name=g.name.strip(),
                                           note_taker=g.note_taker.strip(), color=g.color,
                                           order=gorder))
        return sessions, groups

    # -- OK -----------------------------------------------------------------------------
    def accept(self) -> None:
        try:
            change = self.change()
        except FurikaeriError as exc:
            self._refuse(exc.text())
            return
        except Refused as exc:
            self._refuse(exc.args[0])
            return
        if change is None:
            return
        if change:
            try:
                self.ws.apply(change)
            except FurikaeriError as exc:
                self._refuse(exc.text())
                return
        super().accept()

    def change(self) -> Change | None:
        """The one change the draft makes; raises Refused/FurikaeriError for bad input,
        returns None if the user declined a confirmation."""
        drafts = self.ordered()
        if not drafts:
            raise Refused(self.tr("The agenda needs at least one session."))
        for row, d in enumerate(drafts):
            try:
                if not d.title.strip():
                    raise Refused(self.tr("Every session needs a title."))
                agenda.check_minutes(d.minutes)
                if any(not g.name.strip() for g in d.groups):
                    raise Refused(self.tr("Every group of {title} needs a name.").format(
                        title=d.title))
            except (Refused, FurikaeriError):
                self.list.setCurrentRow(row)  # show the session at fault
                raise
        start, end = self._start_dt(), self._at(self.end_time.time().toString("HH:mm"))
        if end <= start:
            raise Refused(self.tr("The workshop must end after it starts."))
        sessions, groups = self.draft_records()
        slots = agenda.schedule(sessions, self.date.date().toString("yyyy-MM-dd"),
                                self.start_time.time().toString("HH:mm"), start.tzinfo)
        if slots[-1].end > end:
            raise Refused(self.tr(
                "The agenda ends at {end}, after the workshop's end time {limit}: "
                "shorten a session or move the end.").format(
                end=f"{slots[-1].end:%H:%M}", limit=f"{end:%H:%M}"))
        info = self.ws.info
        new_info = info.replace(date=self.date.date().toString("yyyy-MM-dd"),
                                start_time=start.strftime("%H:%M"),
                                end_time=end.strftime("%H:%M"))
        nothing_ran = not any(s.actual_start for s in self.ws.sessions())
        moved = (new_info.date, new_info.start_time) != (info.date, info.start_time)
        if moved and nothing_ran and start < self.now():
            raise Refused(self.tr(
                "The workshop would start in the past ({start}); choose a later date or time."
            ).format(start=f"{start:%Y-%m-%d %H:%M}"))
        kept = {s.id for s in sessions}
        gone = [s for s in self.ws.sessions() if s.id not in kept]
        running = self._running_id()
        if running in {s.id for s in gone}:
            raise Refused(self.tr(
                "{title} is running: end it before removing it.").format(
                title=self.ws.get(Session, running).title))
        if not self._confirm_losses(gone, groups):
            return None
        return self._diff(new_info, sessions, groups, gone)

    def _confirm_losses(self, gone: list[Session], groups: list[Group]) -> bool:
        """Ask before removing sessions or groups whose boards hold something."""
        kept_groups = {g.id for g in groups}
        gone_ids = {s.id for s in gone}
        full = [s.title for s in gone if self._holds_anything(s.id, None)]
        full += [g.name for g in self.ws.all(Group) if g.id not in kept_groups
                 and g.session_id not in gone_ids and self._holds_anything(g.session_id, g.id)]
        if not full:
            return True
        answer = QMessageBox.question(self, self.tr("Agenda"), self.tr(
            "The boards of {names} hold notes or drawings; removing them deletes those too "
            "(Undo brings them back). Remove them?").format(names="、".join(full)))
        return answer == QMessageBox.StandardButton.Yes

    def _holds_anything(self, session_id: str, group_id: str | None) -> bool:
        """Whether a group's board (or, with ``group_id`` None, any board of the session)
        holds anything."""
        for rtype in ELEMENT_TYPES:
            for e in self.ws.all(rtype):
                if e.session_id == session_id and (group_id is None or e.group_id == group_id):
                    return True
        return False

    def _diff(self, info, sessions: list[Session], groups: list[Group],
              gone: list[Session]) -> Change:
        added, updated = [], []
        for rec in [info, *sessions, *groups]:
            old = self.ws.find(rec.id)
            if old is None:
                added.append(rec)
            elif old != rec:
                updated.append((old, rec))
        kept_groups = {g.id for g in groups}
        gone_groups = [g.id for g in self.ws.all(Group)
                       if g.id not in kept_groups and g.session_id not in {s.id for s in gone}]
        removal = self.ws.removal([s.id for s in gone] + gone_groups)
        # Minutes changed during the day are a replan: kept beside the original plan.
        added += replan_records(self.ws, sessions, self.now(), self._running_id())
        return Change(tuple(added), tuple(updated), label="agenda").then(removal)

    def _refuse(self, text: str) -> None:
        QMessageBox.warning(self, self.tr("Agenda"), text)


def write_template(parent: QWidget, data: dict) -> Path | None:
    """Save template ``data`` to the user's template folder; tell the outcome."""
    title = QCoreApplication.translate("AgendaEditor", "Agenda")
    try:
        path = save_template(data, user_template_folder())
    except FurikaeriError as exc:
        QMessageBox.warning(parent, title, exc.text())
        return None
    QMessageBox.information(parent, title, QCoreApplication.translate(
        "AgendaEditor", "Saved the template {name}; new workshops can start from it.").format(
        name=data["name"]))
    return path


def save_agenda_as_template(parent: QWidget, ws: Workshop) -> Path | None:
    """Ask a name and save the workshop's agenda as a template (Clock menu)."""
    name, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("AgendaEditor", "Save as template"),
        QCoreApplication.translate("AgendaEditor", "Template name:"))
    if not ok:
        return None
    return write_template(parent, agenda_as_template(
        ws.info, ws.sessions(), [g for g in ws.all(Group)], name.strip()))
