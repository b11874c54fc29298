"""The pen's colour and width, in the toolbar while the pen tool is on.

Black, red and blue, then the colours of the groups of the session in view
(a group's colour marks its notes; in ink it works as a highlighter), and three
widths.  The choice is an app setting: it stays across boards, workshops and starts.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QToolButton, QWidget

from ui.board.view import BoardView
from ui.i18n import is_language_change

#: Ink colours always offered (black, red, blue).
INKS = ("#222222", "#D32F2F", "#1565C0")
#: Pen widths (points): thin, medium, thick.
WIDTHS = (1.5, 3.0, 6.0)
DEFAULT_PEN = (INKS[0], 3.0)
SETTING_COLOR = "board/pen_color"
SETTING_WIDTH = "board/pen_width"


def saved_pen(settings: QSettings) -> tuple[str, float]:
    """The pen remembered in ``settings`` (the default when none or unreadable)."""
    color = str(settings.value(SETTING_COLOR, DEFAULT_PEN[0]) or DEFAULT_PEN[0])
    try:
        width = float(settings.value(SETTING_WIDTH, WIDTHS[1]))
    except (TypeError, ValueError):
        width = WIDTHS[1]
    if not QColor.isValidColorName(color):
        color = DEFAULT_PEN[0]
    return color, width if 0.5 <= width <= 40 else WIDTHS[1]


def _swatch(color: str) -> QIcon:
    pix = QPixmap(24, 24)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#666666"), 1.0))
    p.setBrush(QColor(color))
    p.drawEllipse(QRectF(3.5, 3.5, 17, 17))
    p.end()
    return QIcon(pix)


def _stroke(width: float) -> QIcon:
    pix = QPixmap(28, 24)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor("#222222"), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(5, 12), QPointF(23, 12))
    p.end()
    return QIcon(pix)


class PenOptions(QWidget):
    """Colour swatches and width buttons; tells the chosen pen."""

    penChanged = Signal(str, float)

    def __init__(self, pen: tuple[str, float] = DEFAULT_PEN, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("pen-options")
        self.color, self.width = pen
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 0, 6, 0)
        self._layout.setSpacing(1)
        self.label = QLabel(self)
        self._layout.addWidget(self.label)
        self.colours = QButtonGroup(self)
        self.colour_buttons: dict[str, QToolButton] = {}
        self._colour_row = QHBoxLayout()
        self._colour_row.setSpacing(1)
        self._layout.addLayout(self._colour_row)
        self._layout.addSpacing(8)
        self.widths = QButtonGroup(self)
        self.width_buttons: dict[float, QToolButton] = {}
        for width in WIDTHS:
            button = self._toggle(_stroke(width), "")
            button.clicked.connect(lambda _=False, w=width: self.choose(width=w))
            self.widths.addButton(button)
            self.width_buttons[width] = button
            self._layout.addWidget(button)
        self.set_colours([])
        self._check()
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language (also after a live language switch)."""
        self.label.setText(self.tr("Pen:"))
        for width, name in zip(WIDTHS, (self.tr("Thin"), self.tr("Medium"), self.tr("Thick"))):
            self.width_buttons[width].setToolTip(name)
        for color, button in self.colour_buttons.items():
            button.setToolTip(self._colour_name(color))

    def _colour_name(self, color: str) -> str:
        names = {INKS[0]: self.tr("Black"), INKS[1]: self.tr("Red"), INKS[2]: self.tr("Blue")}
        return names.get(color.upper(), self.tr("Group colour"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def _toggle(self, icon: QIcon, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setIcon(icon)
        button.setToolTip(tip)
        button.setCheckable(True)
        button.setAutoRaise(True)
        return button

    def set_colours(self, group_colours) -> None:
        """Offer the inks and ``group_colours`` (each once; the chosen colour stays)."""
        wanted = list(dict.fromkeys(c.upper() for c in (*INKS, *group_colours)
                                    if QColor.isValidColorName(c)))
        if self.color.upper() not in wanted:
            wanted.append(self.color.upper())
        if list(self.colour_buttons) == wanted:
            return
        for button in self.colour_buttons.values():
            self.colours.removeButton(button)
            self._colour_row.removeWidget(button)
            button.hide()
            button.deleteLater()
        self.colour_buttons = {}
        for color in wanted:
            button = self._toggle(_swatch(color), self._colour_name(color))
            button.clicked.connect(lambda _=False, c=color: self.choose(color=c))
            self.colours.addButton(button)
            self.colour_buttons[color] = button
            self._colour_row.addWidget(button)
        self._check()

    def choose(self, color: str | None = None, width: float | None = None) -> None:
        if color is not None:
            self.color = color.upper()
        if width is not None:
            self.width = float(width)
        self._check()
        self.penChanged.emit(self.color, self.width)

    def _check(self) -> None:
        button = self.colour_buttons.get(self.color.upper())
        if button is not None:
            button.setChecked(True)
        nearest = min(WIDTHS, key=lambda w: abs(w - self.width))
        self.width_buttons[nearest].setChecked(True)


class PenController:
    """Puts :class:`PenOptions` in a main window's toolbar, shown with the pen tool."""

    def __init__(self, window) -> None:
        self.window = window
        pen = saved_pen(window.settings)
        self.options = PenOptions(pen, window.toolbar)
        self.options.penChanged.connect(self._chosen)
        self._apply(pen)

    def install(self) -> "PenController":
        w = self.window
        actions = w.toolbar.actions()
        text_tool = w.actions_.tools["text"]
        after = actions[actions.index(text_tool) + 1] if text_tool in actions[:-1] else None
        self.toolbar_action = (w.toolbar.insertWidget(after, self.options) if after is not None
                               else w.toolbar.addWidget(self.options))
        self.toolbar_action.setVisible(False)
        w.actions_.tool_group.triggered.connect(self._tool_chosen)
        return self

    def _tool_chosen(self, action) -> None:
        w = self.window
        inking = action is w.actions_.tools["ink"]
        if inking:
            self.options.set_colours(self._group_colours())
            self._apply((self.options.color, self.options.width))
        self.toolbar_action.setVisible(inking)

    def _group_colours(self) -> list[str]:
        w = self.window
        if w.ws is None:
            return []
        groups = w.ws.groups_of(w.session_id) if w.session_id else []
        return [g.color for g in groups]

    def _chosen(self, color: str, width: float) -> None:
        self.window.settings.setValue(SETTING_COLOR, color)
        self.window.settings.setValue(SETTING_WIDTH, width)
        self._apply((color, width))

    def _apply(self, pen: tuple[str, float]) -> None:
        BoardView.default_pen = pen   # boards made later (another workshop) draw with it too
        if self.window.board is not None:
            self.window.board.set_pen(*pen)
