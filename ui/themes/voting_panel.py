"""The dot-voting panel: who votes, their dots left, dots per participant, the ranking.

Voters are the participants present and the numbered voters 投票者1, 2, …
(how many is set here; 10 by default when nobody is registered), so a room
whose people were never typed in votes all the same.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QLabel, QSpinBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from facilitator.workshop.model import Theme
from ui.i18n import is_language_change
from ui.themes.preview import fit_columns
from facilitator.themes.voting import (
    MAX_DOTS, MAX_NUMBERED, dots_per_participant, numbered_voters, ranking, remaining, voters,
)


_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class VotingPanel(QWidget):
    """Pick the voter; the facilitator sets the dots; the ranking follows the votes."""

    dotsChanged = Signal(int)
    numberedChanged = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.voter = QComboBox(self)
        self.dots = QSpinBox(self)
        self.dots.setRange(1, MAX_DOTS)
        self.numbered = QSpinBox(self)
        self.numbered.setRange(0, MAX_NUMBERED)
        self.left = QLabel(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.ranking = QTreeWidget(self)
        self.ranking.setColumnCount(3)
        # Flat: the "Themes" / "Notes" headings need no branch indentation, which
        # left the rank column too narrow for "10".
        self.ranking.setRootIsDecorated(False)
        self.ranking.setIndentation(0)
        self.ranking.setItemsExpandable(False)
        fit_columns(self.ranking, stretch=1)
        form = QFormLayout()
        self.row_labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(self.row_labels, (self.voter, self.dots, self.numbered,
                                                  self.left)):
            form.addRow(label, field)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.hint)
        lay.addWidget(self.ranking, 1)
        self.dots.editingFinished.connect(lambda: self.dotsChanged.emit(self.dots.value()))
        self.numbered.editingFinished.connect(
            lambda: self.numberedChanged.emit(self.numbered.value()))
        self.voter.currentIndexChanged.connect(lambda _i: self._refresh_left())
        self._ws = None
        self._session = None
        self._board: tuple = (None, None, False)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        self.numbered.setToolTip(self.tr(
            "Voters without a registered name: Voter 1, Voter 2, …"))
        self.hint.setText(self.tr("Click a note or a theme's frame to add a dot; "
                                  "right-click or Shift+click takes it back."))
        self.ranking.setHeaderLabels([self.tr("Rank"), self.tr("Theme or note"), self.tr("Dots")])
        for label, text in zip(self.row_labels, (
                self.tr("Voter"), self.tr("Dots per participant"), self.tr("Numbered voters"),
                self.tr("Dots left"))):
            label.setText(text)
        if self._ws is not None:
            self.refresh(self._ws, *self._board)

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def voter_id(self) -> str | None:
        return self.voter.currentData()

    def refresh(self, ws, session_id: str | None, group_id: str | None,
                all_groups: bool) -> None:
        """Show ``ws``'s participants, dots and ranking for one board."""
        self._ws, self._session = ws, session_id
        self._board = (session_id, group_id, all_groups)
        chosen = self.voter.currentData()
        self.voter.blockSignals(True)
        self.voter.clear()
        for voter_id, name in (voters(ws) if ws else []):
            self.voter.addItem(name, voter_id)
        index = self.voter.findData(chosen)
        self.voter.setCurrentIndex(index if index >= 0 else 0)
        self.voter.blockSignals(False)
        self.dots.blockSignals(True)
        self.dots.setValue(dots_per_participant(ws) if ws else 3)
        self.dots.blockSignals(False)
        self.numbered.blockSignals(True)
        self.numbered.setValue(numbered_voters(ws) if ws else 0)
        self.numbered.blockSignals(False)
        self._refresh_left()
        self.ranking.clear()
        if ws is None or session_id is None:
            return
        themes, notes = ranking(ws, session_id, group_id, all_groups)
        for title, rows in ((self.tr("Themes"), themes), (self.tr("Notes"), notes)):
            if not rows:
                continue
            head = QTreeWidgetItem(["", title, ""])
            font = head.font(1)
            font.setBold(True)
            head.setFont(1, font)
            self.ranking.addTopLevelItem(head)
            for rank, r in enumerate(rows, start=1):
                if isinstance(r.record, Theme):
                    text = r.record.label
                    if r.note_votes:  # the dots on its notes, for the room to see
                        text += "  " + self.tr("(+{count} on its notes)").format(count=r.note_votes)
                else:
                    text = " ".join(r.record.text.split())[:60]
                row = QTreeWidgetItem([str(rank), text, str(r.votes)])
                row.setToolTip(1, r.record.label if isinstance(r.record, Theme) else r.record.text[:300])
                for column in (0, 2):
                    row.setTextAlignment(column, _RIGHT)
                head.addChild(row)
        self.ranking.expandAll()

    def next_voter(self) -> bool:
        """Choose the next voter who has dots left in this session (False: none has)."""
        if self._ws is None or self._session is None or self.voter.count() == 0:
            return False
        start = self.voter.currentIndex()
        for step in range(1, self.voter.count() + 1):
            i = (start + step) % self.voter.count()
            if remaining(self._ws, self._session, self.voter.itemData(i)) > 0:
                self.voter.setCurrentIndex(i)
                return True
        return False

    def _refresh_left(self) -> None:
        voter = self.voter.currentData()
        if self._ws is None or voter is None or self._session is None:
            self.left.setText("—")
            return
        self.left.setText(self.tr("{left} of {total}").format(
            left=remaining(self._ws, self._session, voter),
            total=dots_per_participant(self._ws)))
