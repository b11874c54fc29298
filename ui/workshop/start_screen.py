"""The start screen: recent workshops, a new one from a template, open, demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QHBoxLayout, QInputDialog, QLabel, QListWidget, QListWidgetItem,
    QPushButton, QVBoxLayout, QWidget,
)

from facilitator.workshop.store import peek
from ui.i18n import is_language_change
from ui.workshop.recent import MAX_RECENT, SETTING_RECENT, recent_files, remember_file  # noqa: F401

def user_template_folder() -> Path:
    """Where "save as template" writes (the per-user data folder)."""
    return Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.AppDataLocation)) / "templates"


class StartScreen(QWidget):
    """What the window shows before a workshop is open."""

    openRequested = Signal(str)      # a recent file
    browseRequested = Signal()       # "open…"
    newRequested = Signal(str)       # a template name
    demoRequested = Signal()

    def __init__(self, settings: QSettings, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.title = title = QLabel(self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)

        self.recent = QListWidget(self)
        self.recent.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        self.recent.setAlternatingRowColors(True)
        self.recent.itemActivated.connect(
            lambda item: self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.recent_box = recent_box = QGroupBox(self)
        QVBoxLayout(recent_box).addWidget(self.recent)

        self.templates = QComboBox(self)
        self.new_button = new_button = QPushButton(self)
        new_button.clicked.connect(
            lambda: self.newRequested.emit(self.templates.currentData()))
        self.open_button = open_button = QPushButton(self)
        open_button.clicked.connect(self.browseRequested)
        self.demo_button = demo_button = QPushButton(self)
        demo_button.clicked.connect(self.demoRequested)

        self.new_box = new_box = QGroupBox(self)
        new_lay = QHBoxLayout(new_box)
        new_lay.addWidget(self.templates, 1)
        new_lay.addWidget(new_button)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addWidget(demo_button)
        buttons.addStretch(1)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(48, 36, 48, 36)
        lay.addWidget(title)
        lay.addWidget(new_box)
        lay.addLayout(buttons)
        lay.addWidget(recent_box, 1)
        # Filled when shown (showEvent): ``furikaeri open``/``demo`` never show it,
        # and peeking at every recent file would delay their first paint.
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.title.setText(self.tr("Furikaeri — reflection workshop"))
        self.recent_box.setTitle(self.tr("Recent workshops"))
        self.new_button.setText(self.tr("New workshop…"))
        self.open_button.setText(self.tr("Open…"))
        self.demo_button.setText(self.tr("Open the demo workshop"))
        self.new_box.setTitle(self.tr("New from a template"))
        if self.isVisible():
            self.refresh()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self.refresh()
        super().showEvent(event)

    def fill_templates(self) -> None:
        """Shipped templates, then the user's own (saved from the agenda editor)."""
        folder = user_template_folder()
        chosen = self.templates.currentData()
        self.templates.clear()
        # Here, not at import: the window opening a workshop never needs them.
        from facilitator.agenda.templates import template_choices, template_path
        for name, title, description in template_choices(user_folder=folder):
            # The path: MainWindow.create_from_template reads it wherever it lives.
            self.templates.addItem(f"{title} — {description}" if description else title,
                                   str(template_path(name, user_folder=folder)))
        self.templates.setCurrentIndex(max(0, self.templates.findData(chosen)))

    def ask_template(self, parent: QWidget) -> str | None:
        """Which template (its path)? Asked when the start screen, and its list, is hidden."""
        self.fill_templates()
        names = [self.templates.itemText(i) for i in range(self.templates.count())]
        name, ok = QInputDialog.getItem(parent, self.tr("New workshop"),
                                        self.tr("Template:"), names,
                                        max(0, self.templates.currentIndex()), False)
        if not ok or name not in names:
            return None
        self.templates.setCurrentIndex(names.index(name))
        return self.templates.currentData()

    def refresh(self) -> None:
        self.fill_templates()
        self.recent.clear()
        for path in recent_files(self.settings):
            info = peek(path)
            if info is None:
                item = QListWidgetItem(self.tr("{name} (cannot be read)\n{path}").format(
                    name=Path(path).name, path=path), self.recent)
            else:
                head = info["title"] or Path(path).stem
                details = self.tr("{date} · {notes} notes").format(
                    date=info["date"] or "—", notes=info["notes"])
                item = QListWidgetItem(f"{head}    {details}\n{path}", self.recent)
            item.setData(Qt.ItemDataRole.UserRole, path)
        if not self.recent.count():
            item = QListWidgetItem(self.tr("No workshop opened yet."), self.recent)
            item.setFlags(Qt.ItemFlag.NoItemFlags)
