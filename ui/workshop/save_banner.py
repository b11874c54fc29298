"""The banner above the entry bar when edits cannot be saved because the disk is full.

A full disk is not a damaged file: the banner says what happened and what to
do, the note being typed stays in the entry bar, and the banner goes away by
itself with the first edit saved after space has been freed.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel

from ui.i18n import is_language_change


class DiskFullBanner(QFrame):
    """A red banner: the disk is full, nothing typed since is saved yet."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("disk-full-banner")
        self.setStyleSheet("#disk-full-banner { background: #FFE3E3; border-top: 1px solid #E03131; }"
                           " QLabel { color: #5C0A0A; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.addWidget(self.label, 1)
        self.hide()

    def show_disk_full(self) -> None:
        self.retranslate()
        self.show()

    def retranslate(self) -> None:
        self.label.setText(self.tr(
            "The disk is full: the last change was not saved. The file is intact and keeps "
            "everything saved before. Free some space (delete or move files); the note you "
            "typed stays in the entry bar: press Enter again to save it."))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)
