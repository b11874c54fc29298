"""The replanning banner above the board: "15 min behind: shorten what is left …"."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from facilitator.agenda.plan import Proposal
from facilitator.workshop.model import Session
from ui.i18n import is_language_change


def sentences(*parts: str) -> str:
    """Sentences run on: a space after an English full stop, none after a Japanese 。."""
    out = ""
    for part in parts:
        out += part if not out or out.endswith("。") else " " + part
    return out


class ReplanBanner(QFrame):
    """Shows the drift and a proposal; Accept applies it in one click, Ignore hides it."""

    acceptRequested = Signal()
    ignoreRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("replan-banner")
        self.setStyleSheet("#replan-banner { background: #FFF3BF; border-bottom: 1px solid #E0B000; }"
                           " QLabel { color: #3B2F00; }")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.accept_button = QPushButton(self)
        self.accept_button.clicked.connect(self.acceptRequested)
        self.ignore_button = QPushButton(self)
        self.ignore_button.clicked.connect(self.ignoreRequested)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(12, 6, 12, 6)
        lay.addWidget(self.label, 1)
        lay.addWidget(self.accept_button)
        lay.addWidget(self.ignore_button)
        self.hide()
        self.retranslate()

    def retranslate(self) -> None:
        """The buttons in the language chosen (the controller says the proposal again)."""
        self.accept_button.setText(self.tr("Accept"))
        self.ignore_button.setText(self.tr("Ignore"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def show_proposal(self, drift_minutes: float, proposal: Proposal,
                      sessions: dict[str, Session], new_end: datetime | None) -> None:
        self.label.setText(self.describe(drift_minutes, proposal, sessions, new_end))
        self.accept_button.setVisible(bool(proposal.minutes))
        self.show()

    def describe(self, drift_minutes: float, proposal: Proposal,
                 sessions: dict[str, Session], new_end: datetime | None) -> str:
        """The banner's sentence (also used by the clock menu's "Replan…" message)."""
        head = self.tr("{minutes} min behind the plan.").format(minutes=round(drift_minutes))
        if not proposal.minutes:
            return sentences(head, self.tr("Nothing left on the agenda can be shortened."))
        cuts = self.tr(", ").join(
            self.tr("{title} {old}→{new} min").format(
                title=sessions[sid].title, old=sessions[sid].planned_minutes, new=m)
            for sid, m in sorted(proposal.minutes.items(), key=lambda kv: sessions[kv[0]].order))
        parts = [head, self.tr("Shorten what is left: {cuts}.").format(cuts=cuts)]
        if proposal.unabsorbed_minutes:
            parts.append(self.tr("{minutes} min cannot be absorbed.").format(
                minutes=proposal.unabsorbed_minutes))
        elif new_end is not None:
            parts.append(self.tr("The day then ends at {end}.").format(end=f"{new_end:%H:%M}"))
        return sentences(*parts)
