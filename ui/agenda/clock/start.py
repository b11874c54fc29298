"""The day's first start, far from the plan: start as planned, or move the plan to now."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from facilitator.agenda.day import ANCHOR_PLAN, ANCHOR_SHIFT


def anchor_question(parent: QWidget | None, planned: datetime,
                    now: datetime) -> tuple[QMessageBox, dict]:
    """The question and its buttons (``{button: anchor}``); Cancel starts nothing."""
    text = QCoreApplication.translate(
        "StartTheDay", "The plan starts at {planned}; it is {now} now.").format(
        planned=f"{planned:%m/%d %H:%M}", now=f"{now:%m/%d %H:%M}")
    box = QMessageBox(QMessageBox.Icon.Question,
                      QCoreApplication.translate("StartTheDay", "Start the day"), text,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(QCoreApplication.translate(
        "StartTheDay", "Starting now moves every planned time along, so the clock "
        "measures the day from its real start."))
    shift = box.addButton(QCoreApplication.translate(
        "StartTheDay", "Start now (move the plan to now)"), QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(QCoreApplication.translate(
        "StartTheDay", "Count from the planned {time}").format(time=f"{planned:%H:%M}"),
        QMessageBox.ButtonRole.ActionRole)
    box.setDefaultButton(shift)
    return box, {shift: ANCHOR_SHIFT, keep: ANCHOR_PLAN}


def ask_anchor(parent: QWidget | None, planned: datetime, now: datetime) -> str | None:
    """Ask; the chosen anchor, or None when the facilitator cancelled."""
    box, choices = anchor_question(parent, planned, now)
    box.exec()
    return choices.get(box.clickedButton())
