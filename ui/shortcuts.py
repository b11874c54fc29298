"""Help › Keyboard shortcuts (F1): a sheet of every key the app answers to.

The menu part is read from the window's own actions and their shortcuts, menu
by menu, so it is never out of date; keys that are no action (typing in the
entry bar, moving about the board) follow, as the README's "In the room" tells.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QMainWindow, QMenu, QTextBrowser, QVBoxLayout,
)

Rows = list[tuple[str, str]]  # (what it does, the keys)

_MNEMONIC = re.compile(r"\(&.\)|&(?=[^&])")  # "ファイル(&F)", "&File"


def plain(text: str) -> str:
    """A menu text without its mnemonic marker and trailing dots."""
    return _MNEMONIC.sub("", text).replace("&&", "&").rstrip("…").rstrip(".").strip()


def key_text(*sequences: str | QKeySequence) -> str:
    """Keys as the system writes them (``Ctrl+E``; ``⌘E`` on a Mac), joined by " / "."""
    out = []
    for seq in sequences:
        seq = seq if isinstance(seq, QKeySequence) else QKeySequence(seq)
        out.append(seq.toString(QKeySequence.SequenceFormat.NativeText))
    return " / ".join(out)


def menu_shortcuts(window: QMainWindow) -> list[tuple[str, Rows]]:
    """``(menu, rows)`` for each menu of the menu bar with shortcuts, in menu order;
    actions with a shortcut on the window but in no menu come last."""
    groups: list[tuple[str, Rows]] = []
    listed: set[int] = set()

    def walk(menu: QMenu, title: str) -> None:
        rows: Rows = []
        for act in menu.actions():
            if act.isSeparator() or not act.isVisible():
                continue
            if act.menu() is not None:
                walk(act.menu(), f"{title} › {plain(act.text())}")
                continue
            keys = [k for k in act.shortcuts() if not k.isEmpty()]
            if keys:
                listed.add(id(act))
                rows.append((plain(act.text()), key_text(*keys)))
        if rows:
            groups.append((title, rows))

    for act in window.menuBar().actions():
        if act.menu() is not None and act.isVisible():
            walk(act.menu(), plain(act.text()))
    others = [(plain(a.text()), key_text(*a.shortcuts())) for a in window.actions()
              if id(a) not in listed and any(not k.isEmpty() for k in a.shortcuts())]
    if others:
        groups.append((QCoreApplication.translate("ShortcutSheet", "Other"), others))
    return groups


class ShortcutSheet(QDialog):
    """The sheet itself: a table per menu, then the keys of typing and the board."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.intro = intro = QLabel(self)
        intro.setWordWrap(True)
        self.text = QTextBrowser(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.text, 1)
        lay.addWidget(buttons)
        self.resize(640, 720)
        self.retranslate()

    def retranslate(self) -> None:
        """The sheet in the language chosen (again after 表示 › 言語: it may stay open)."""
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.intro.setText(self.tr("Every key Furikaeri answers to. The menus show the same "
                                   "keys beside their commands."))
        self.groups = menu_shortcuts(self.window_) + self.other_keys()
        self.text.setHtml(self.to_html())

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.LanguageChange:
            QTimer.singleShot(0, self, self.retranslate)   # after the window's menus
        super().changeEvent(event)

    def other_keys(self) -> list[tuple[str, Rows]]:
        """Keys that are no menu command (see the README, "In the room")."""
        ctrl = key_text("Ctrl+A")[:-1].rstrip("+")  # "Ctrl", or "⌘" on a Mac
        return [
            (self.tr("Typing notes (the bar at the bottom)"), [
                (self.tr("Add the note (with a Japanese input method, the first Enter "
                    "confirms the conversion)"), key_text("Enter")),
                (self.tr("Next / previous group"), key_text("Tab", "Shift+Tab")),
                (self.tr("Set the author: start with @ and the name, then a space"),
                 self.tr("@name text")),
            ]),
            (self.tr("On the board"), [
                (self.tr("Zoom"), self.tr("{ctrl}+wheel / pinch").format(ctrl=ctrl)),
                (self.tr("Move the view"), self.tr("Space+drag / middle button drag")),
                (self.tr("A note where you click"), self.tr("Double-click the board")),
                (self.tr("Edit a note"), self.tr("Double-click the note")),
                (self.tr("Add to or take from the selection"),
                 self.tr("Shift+click / Ctrl+click")),
                (self.tr("Select what a rectangle touches (Shift: add to the selection)"),
                 self.tr("Drag on the empty board")),
                (self.tr("The commands of a note, or of the empty board"), self.tr("Right-click")),
                (self.tr("Delete the selection"), key_text("Del", "Backspace")),
                (self.tr("Clear the selection"), key_text("Esc")),
            ]),
            (self.tr("Editing a note on the board"), [
                (self.tr("Done"), key_text("Enter")),
                (self.tr("New line"), key_text("Shift+Enter")),
                (self.tr("Cancel the edit"), key_text("Esc")),
            ]),
            (self.tr("Presentation and room clock"), [
                (self.tr("Leave presentation mode"), key_text("Esc")),
                (self.tr("Room clock: full screen on or off"),
                 self.tr("{key} / double-click").format(key=key_text("F11"))),
                (self.tr("Room clock: close"), key_text("Esc")),
                (self.tr("Clock on the board in presentation mode: large or small"),
                 self.tr("{key} / click").format(key=key_text("Shift+F9"))),
            ]),
            (self.tr("Dot voting"), [
                (self.tr("Give a dot to a note or a theme"), self.tr("Click")),
                (self.tr("Take a dot back"), self.tr("Right-click / Shift+click")),
            ]),
        ]

    def to_html(self) -> str:
        parts = []
        for title, rows in self.groups:
            parts.append(f"<h3 style='margin-top: 14px;'>{html.escape(title)}</h3>"
                         "<table width='100%' cellspacing='0' cellpadding='4'>")
            for i, (what, keys) in enumerate(rows):
                shade = " style='background-color: #F2F1EC;'" if i % 2 else ""
                parts.append(f"<tr{shade}><td>{html.escape(what)}</td>"
                             f"<td align='right' width='38%'><b>{html.escape(keys)}</b></td></tr>")
            parts.append("</table>")
        return "".join(parts)


def show_shortcuts(window: QMainWindow) -> ShortcutSheet:
    """F1: the sheet beside the window, not modal: it can stay open while one works."""
    sheet = getattr(window, "_shortcut_sheet", None)
    if sheet is None or not sheet.isVisible():
        if sheet is not None:
            sheet.deleteLater()
        sheet = window._shortcut_sheet = ShortcutSheet(window)  # today's actions
    sheet.show()
    sheet.raise_()
    sheet.activateWindow()
    return sheet
