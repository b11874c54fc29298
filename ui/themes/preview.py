"""The side panel previewing a theme proposal: themes, near-duplicates, Accept / Discard;
after 採用 it says what comes next (dot voting) instead of standing open and empty."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem, QProgressBar, QPushButton,
    QStyle, QStyledItemDelegate, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget,
)

from facilitator.themes.proposal import OTHER, Proposal, other_label
from facilitator.board.palette_check import contrast
from facilitator.themes.acceptance import OTHER_COLOR, theme_color
from ui.i18n import is_language_change

THEME_ROLE = Qt.ItemDataRole.UserRole


def swatch(color: str) -> QIcon:
    pix = QPixmap(14, 14)
    pix.fill(QColor(color))
    return QIcon(pix)


def fit_columns(tree: QTreeWidget, stretch: int) -> None:
    """Columns as wide as their contents, column ``stretch`` takes (and elides in) the rest:
    in a narrow dock the counts stay in sight instead of behind a scroll bar."""
    header = tree.header()
    header.setStretchLastSection(False)
    for column in range(tree.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column == stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)


def muted(palette: QPalette) -> QColor:
    """Grey for secondary text (key words): as light as it may be while keeping 4.5:1
    against the list's background (and its alternate rows)."""
    text, grounds = palette.color(QPalette.ColorRole.Text), [
        palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.AlternateBase)]
    for alpha in (0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0):
        base = grounds[0]
        grey = QColor(*(round(t * alpha + b * (1 - alpha)) for t, b in zip(
            text.getRgb()[:3], base.getRgb()[:3])))
        if all(contrast(grey.name(), g.name()) >= 4.5 for g in grounds):
            return grey
    return text


class LabelWithKeywords(QStyledItemDelegate):
    """The 表札 column: the label, and under it the theme's key words (column 1's text)
    in a smaller, quieter type, shown whole however narrow the dock."""

    def _keywords(self, index) -> str:
        return index.siblingAtColumn(1).data() or ""

    @staticmethod
    def _small(font):
        small = type(font)(font)
        small.setPointSizeF(max(font.pointSizeF() * 0.85, 7.0))
        return small

    def sizeHint(self, option, index):  # noqa: N802 (Qt's name)
        size = super().sizeHint(option, index)
        if self._keywords(index):
            from PySide6.QtGui import QFontMetrics
            size.setHeight(size.height() + QFontMetrics(self._small(option.font)).height() + 2)
        return size

    def paint(self, painter, option, index) -> None:
        words = self._keywords(index)
        if not words:
            super().paint(painter, option, index)
            return
        from PySide6.QtGui import QFontMetrics
        small = self._small(option.font)
        line = QFontMetrics(small).height() + 2
        top = option.__class__(option)
        top.rect = QRect(option.rect.x(), option.rect.y(), option.rect.width(),
                         option.rect.height() - line)
        self.initStyleOption(top, index)
        # The row's background (selection) under both lines, then the label as usual.
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter,
                                option.widget)
        super().paint(painter, top, index)
        text_left = top.rect.x() + (top.decorationSize.width() + 8 if not top.icon.isNull()
                                    else 4)
        rect = QRect(text_left, top.rect.bottom() + 1, option.rect.right() - text_left - 2, line)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(small)
        painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText) if selected
                       else muted(option.palette))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(small).elidedText(words, Qt.TextElideMode.ElideRight,
                                                        rect.width()))
        painter.restore()

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802
        super().updateEditorGeometry(editor, option, index)
        if self._keywords(index):   # the label's line only
            from PySide6.QtGui import QFontMetrics
            line = QFontMetrics(self._small(option.font)).height() + 2
            editor.setGeometry(editor.geometry().adjusted(0, 0, 0, -line))



def _short(text: str, limit: int = 28) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ProposalPanel(QWidget):
    """Lists a proposal's themes (label editable), its near-duplicates with a
    Merge button each, and Accept / Discard."""

    acceptRequested = Signal()
    discardRequested = Signal()
    mergeRequested = Signal(int, int)   # note indices: keep, other
    votingRequested = Signal()
    closeRequested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.status = QLabel(self)
        self._hint_shown = True   # the status still shows the first hint
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)   # busy: the engine reports no steps
        self.progress.hide()
        self.kept = QLabel(self)        # what a re-proposal leaves as it is
        self.kept.setWordWrap(True)
        self.kept.hide()
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        fit_columns(self.tree, stretch=0)
        # Key words under each 表札 (column 1 keeps them, hidden, for the tooltip).
        self.tree.setItemDelegateForColumn(0, LabelWithKeywords(self.tree))
        self.tree.setColumnHidden(1, True)
        self.duplicates_label = QLabel(self)
        self.duplicates = QListWidget(self)
        self.accept_button = QPushButton(self)
        self.accept_button.setDefault(True)
        self.discard_button = QPushButton(self)
        self.accept_button.clicked.connect(self.acceptRequested)
        self.discard_button.clicked.connect(self.discardRequested)
        self.buttons = QWidget(self)
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.discard_button)
        # After 採用: the next step, instead of an empty list.
        self.next_step = QWidget(self)
        self.voting_button = QPushButton(self.next_step)
        self.close_button = QPushButton(self.next_step)
        self.voting_button.clicked.connect(self.votingRequested)
        self.close_button.clicked.connect(self.closeRequested)
        nexts = QHBoxLayout(self.next_step)
        nexts.setContentsMargins(0, 0, 0, 0)
        nexts.addWidget(self.voting_button)
        nexts.addWidget(self.close_button)
        self.next_step.hide()
        lay = QVBoxLayout(self)
        lay.addWidget(self.status)
        lay.addWidget(self.progress)
        lay.addWidget(self.kept)
        lay.addWidget(self.tree, 3)
        lay.addWidget(self.duplicates_label)
        lay.addWidget(self.duplicates, 1)
        lay.addWidget(self.buttons)
        lay.addWidget(self.next_step)
        self._done = False
        lay.addStretch(0)   # takes the room when the lists are hidden (after 採用)
        self.show_proposal(None, [])
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the language chosen (again after 表示 › 言語)."""
        if self._hint_shown:
            self.show_hint()
        self.tree.setHeaderLabels([self.tr("Label"), self.tr("Key words"), self.tr("Notes")])
        self.duplicates_label.setText(self.tr("Near-duplicate notes"))
        self.accept_button.setText(self.tr("Accept"))
        self.discard_button.setText(self.tr("Discard"))
        self.voting_button.setText(self.tr("Start dot voting"))
        self.close_button.setText(self.tr("Close"))
        for row in range(self.duplicates.count()):
            widget = self.duplicates.itemWidget(self.duplicates.item(row))
            button = widget.findChild(QPushButton) if widget is not None else None
            if button is not None:
                button.setText(self.tr("Merge"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def show_hint(self) -> None:
        """The status tells what the panel is for (nothing proposed)."""
        self._hint_shown = True
        self.status.setText(self.tr("Propose themes to group this board's notes."))

    def show_done(self, text: str) -> None:
        """After 採用: what happened and what comes next, with a button for it."""
        self._hint_shown = False
        self.status.setText(text)
        self._set_done(True)
        self.voting_button.setFocus()

    def _set_done(self, done: bool) -> None:
        self._done = done
        for widget in (self.tree, self.buttons):
            widget.setVisible(not done)
        self.next_step.setVisible(done)
        if done:
            self.kept.hide()
            self.duplicates_label.hide()
            self.duplicates.hide()

    def set_kept(self, text: str) -> None:
        """Says what a re-proposal keeps as it is (nothing said when nothing is kept)."""
        self.kept.setText(text)
        self.kept.setVisible(bool(text) and not self._done)

    def set_busy(self, busy: bool, text: str = "") -> None:
        if self._done:
            self._set_done(False)
        self.progress.setVisible(busy)
        if text:
            self._hint_shown = False
            self.status.setText(text)
        if busy:
            self.accept_button.setEnabled(False)
            self.discard_button.setEnabled(False)

    def show_proposal(self, proposal: Proposal | None, texts: list[str]) -> None:
        """Fill the lists from ``proposal`` (None empties them)."""
        self.tree.clear()
        self.duplicates.clear()
        shown = proposal is not None
        if shown and self._done:
            self._set_done(False)
        self.accept_button.setEnabled(shown)
        self.discard_button.setEnabled(shown)
        self.duplicates_label.setVisible(shown and bool(proposal.duplicates))
        self.duplicates.setVisible(shown and bool(proposal.duplicates))
        if proposal is None:
            return
        parents = []
        for parent in proposal.parents:
            item = QTreeWidgetItem([parent.label, "", ""])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
            self.tree.addTopLevelItem(item)
            parents.append(item)
        for j, theme in enumerate(proposal.themes):
            item = QTreeWidgetItem([theme.label, "、".join(theme.keywords), str(len(theme.notes))])
            item.setToolTip(1, "、".join(theme.keywords))  # a narrow dock may elide them
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setData(0, THEME_ROLE, j)
            item.setIcon(0, swatch(theme_color(j)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            item.setToolTip(0, "\n".join(["、".join(theme.keywords), "—"] * bool(theme.keywords)
                                          + [_short(texts[i], 60) for i in theme.notes[:12]]))
            if theme.parent >= 0:
                parents[theme.parent].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
        rest = [i for i, t in enumerate(proposal.assignment) if t == OTHER]
        if rest:
            item = QTreeWidgetItem([other_label(), "", str(len(rest))])
            item.setData(0, THEME_ROLE, OTHER)
            item.setIcon(0, swatch(OTHER_COLOR))
            item.setForeground(0, QBrush(QColor("#666666")))
            self.tree.addTopLevelItem(item)
        self.tree.expandAll()
        for keep, other in proposal.duplicates[:200]:  # 2,000 identical notes: a readable list
            self._add_duplicate(keep, other, texts)

    def _add_duplicate(self, keep: int, other: int, texts: list[str]) -> None:
        row = QWidget()
        lay = QHBoxLayout(row)
        lay.setContentsMargins(2, 1, 2, 1)
        text = QLabel(f"「{_short(texts[keep])}」≈「{_short(texts[other])}」", row)
        text.setToolTip(f"{texts[keep]}\n—\n{texts[other]}")
        button = QPushButton(self.tr("Merge"), row)
        button.clicked.connect(lambda _=False, a=keep, b=other: self.mergeRequested.emit(a, b))
        lay.addWidget(text, 1)
        lay.addWidget(button)
        item = QListWidgetItem(self.duplicates)
        item.setSizeHint(row.sizeHint())
        self.duplicates.setItemWidget(item, row)

    def edited_labels(self, proposal: Proposal) -> dict[int, str]:
        """Theme index -> label where the user changed it in the list."""
        out: dict[int, str] = {}
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop()
            stack.extend(item.child(i) for i in range(item.childCount()))
            j = item.data(0, THEME_ROLE)
            if isinstance(j, int) and 0 <= j < len(proposal.themes):
                text = item.text(0).strip()
                if text and text != proposal.themes[j].label:
                    out[j] = text
        return out

    def theme_item(self, j: int) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, THEME_ROLE) == j:
                return item
        return None

    def _items(self):
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            yield item
            stack.extend(item.child(i) for i in range(item.childCount()))
