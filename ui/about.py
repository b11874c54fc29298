"""Help › About Furikaeri: the version, what the app is, and the licence of everything shipped.

The licence texts are read where they ship: the app's own and Qt's LGPL from
``assets/licenses``, the IPA Font License beside the IPAexGothic font in
matplotlib-fontja, the SIL OFL beside the Noto fonts in ``assets/fonts``.
"""

from __future__ import annotations

import html
import platform
from dataclasses import dataclass, field
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QFont
from PySide6.QtWidgets import (
    QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QMessageBox, QPushButton, QTextBrowser, QVBoxLayout,
)

from facilitator.diagnostics import app_version, log_file, shipped_libraries
from facilitator.paths import ASSETS_DIR, FONTS_DIR, japanese_font_path, log_dir


@dataclass
class Licence:
    """One thing shipped with the app and the licence it comes under."""

    name: str
    licence: str
    summary: str                      # one paragraph, plain text
    texts: list[Path] = field(default_factory=list)  # the full texts, in order
    link: str = ""                    # where the licence is published


class AboutDialog(QDialog):
    """Version, description and licences; Japanese first like the rest of the app."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Furikaeri"))
        self.version = app_version()
        title = QLabel(self.tr("Furikaeri (ふりかえり)"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        version = QLabel(self.tr("Version {version}").format(version=self.version), self)
        version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        description = QLabel(self.tr(
            "Runs a reflection workshop offline: the agenda and the room clock, a "
            "graphic-recording board that note-takers type on, theme proposals and "
            "printed minutes. Every edit is saved as it is made."), self)
        description.setWordWrap(True)
        heading = QLabel(self.tr("Licences of what is shipped with the app"), self)
        bold = QFont(heading.font())
        bold.setBold(True)
        heading.setFont(bold)

        self.entries = self.licences()
        self.list = QListWidget(self)
        self.list.setStyleSheet("QListWidget::item { padding: 6px 4px; }")
        for entry in self.entries:
            QListWidgetItem(f"{entry.name}\n{entry.licence}", self.list)
        QListWidgetItem(self.tr("Other libraries"), self.list)
        self.list.setFixedWidth(220)
        self.text = QTextBrowser(self)
        self.text.setOpenExternalLinks(True)
        self.list.currentRowChanged.connect(self.show_entry)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        about_qt = QPushButton(self.tr("About Qt"), self)
        about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self))
        buttons.addButton(about_qt, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.list)
        body.addWidget(self.text, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(24, 20, 24, 16)
        lay.addWidget(title)
        lay.addWidget(version)
        lay.addWidget(description)
        lay.addSpacing(8)
        lay.addWidget(heading)
        lay.addLayout(body, 1)
        lay.addWidget(buttons)
        self.resize(920, 660)
        self.list.setCurrentRow(0)

    def licences(self) -> list[Licence]:
        """The app, its fonts and Qt, each with its licence."""
        texts = ASSETS_DIR / "licenses"
        try:
            ipa = japanese_font_path().parent / "IPA_Font_License_Agreement_v1.0.txt"
        except FileNotFoundError:
            ipa = None
        return [
            Licence("Furikaeri", self.tr("MIT License"), self.tr(
                "Furikaeri itself. Copyright © Furikaeri contributors."),
                [texts / "Furikaeri-MIT.txt"], "https://opensource.org/license/mit"),
            Licence(self.tr("IPAexGothic font"), self.tr("IPA Font License v1.0"), self.tr(
                "The Japanese font of the board, the charts and the minutes: IPAexGothic "
                "(IPAexゴシック) by the Information-technology Promotion Agency, Japan (IPA), "
                "shipped in the matplotlib-fontja package."),
                [ipa] if ipa else [], "https://moji.or.jp/ipafont/license/"),
            Licence(self.tr("Noto fonts"), self.tr("SIL Open Font License 1.1"), self.tr(
                "Noto Sans, Noto Sans Symbols and Noto Emoji: the fallback fonts of the "
                "minutes for characters IPAexGothic lacks (emoji, symbols, other scripts)."),
                [FONTS_DIR / "OFL.txt"], "https://openfontlicense.org"),
            Licence("Qt / PySide6", self.tr("GNU LGPL v3"), self.tr(
                "The windows are drawn with Qt {qt} and PySide6 {pyside} (Qt for Python) by "
                "The Qt Company, used under the GNU Lesser General Public License version 3 "
                "(which is the GNU GPL version 3 with additional permissions; both texts "
                "follow). They are separate libraries loaded when the app starts and may be "
                "replaced by a compatible build of your own. Their source code: "
                "https://download.qt.io/official_releases/").format(
                    qt=qVersion(), pyside=PySide6.__version__),
                [texts / "LGPL-3.0.txt", texts / "GPL-3.0.txt"],
                "https://www.gnu.org/licenses/lgpl-3.0.html"),
        ]

    def show_entry(self, row: int) -> None:
        """Show the licence of the ``row``-th entry (the last: the other libraries)."""
        if row < 0:
            return
        if row >= len(self.entries):
            self.text.setHtml(self._libraries_html())
            return
        entry = self.entries[row]
        parts = [f"<h3>{html.escape(entry.name)} — {html.escape(entry.licence)}</h3>",
                 f"<p>{html.escape(entry.summary)}</p>"]
        if entry.link:
            link = html.escape(entry.link)
            parts.append(f'<p><a href="{link}">{link}</a></p>')
        for path in entry.texts:
            try:
                text = path.read_text(encoding="utf-8-sig")
            except OSError:
                parts.append("<p><i>{}</i></p>".format(html.escape(self.tr(
                    "The licence text is missing from this installation: {path}").format(
                        path=path))))
                continue
            parts.append('<hr><pre style="white-space: pre-wrap;">'
                         f"{html.escape(text)}</pre>")
        if not entry.texts:
            parts.append("<p><i>{}</i></p>".format(html.escape(self.tr(
                "The licence text is missing from this installation; it is published "
                "at the address above."))))
        self.text.setHtml("".join(parts))

    def _libraries_html(self) -> str:
        title = self.tr("Other libraries")
        intro = self.tr("The app runs on these libraries, installed with it; each comes "
                        "under its own licence, found in its package.")
        head = (self.tr("Library"), self.tr("Version"), self.tr("Licence"))
        rows = [head, ("Python", platform.python_version(), "PSF-2.0"), *shipped_libraries()]
        cells = "".join(
            "<tr>" + "".join(f"<{tag} align='left'>{html.escape(c)}</{tag}>" for c in row)
            + "</tr>" for tag, row in (("th" if i == 0 else "td", r) for i, r in enumerate(rows)))
        return (f"<h3>{html.escape(title)}</h3><p>{html.escape(intro)}</p>"
                f'<table cellspacing="0" cellpadding="3">{cells}</table>')


def show_about(window) -> AboutDialog:
    """Help › About Furikaeri (window-modal; returns the dialog)."""
    dialog = AboutDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def open_log_folder(window) -> bool:
    """Help › Open the log folder, in the system's file manager."""
    current = log_file()
    folder = current.parent if current is not None else log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # told below if it does not exist
    if folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        return True
    QMessageBox.information(window, window.tr("Furikaeri"), QApplication.translate(
        "AboutDialog", "The log folder could not be opened here. It is:\n{path}").format(
            path=log_file() or folder))
    return False
