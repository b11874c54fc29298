"""The projector view: the board alone, large and high-contrast, following the facilitator.

Two ways to show it:

* **Presentation mode** (F5): the main window itself goes full screen without
  its chrome; whatever the facilitator selects on the board is brought into
  view, smoothly.
* **Projector window**: a second window (full screen on a second screen when
  there is one) that mirrors the board the main window shows and glides to
  whatever is selected there, while the laptop keeps its menus and panels.
  With nothing selected on the laptop it shows the room layout, as F5 does
  (ui/board/room.py: each theme a tile, its notes cards the back row reads);
  a click there selects on the laptop's board.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEasingCurve, QEvent, QPointF, QRectF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import QKeySequence, QShortcut, QTransform
from PySide6.QtWidgets import QApplication, QDockWidget, QVBoxLayout, QWidget

from ui.board.items import FrameItem, HeadingItem, NoteItem
from ui.board.view import BoardView
from ui.i18n import is_language_change
from ui.window_fit import full_screen_elsewhere

FOLLOW_DELAY_MS = 250     # let a click-and-drag finish before the view moves
GLIDE_MS = 350
PROJECTOR_MAX_ZOOM = 2.0  # one selected note is large, with its neighbours still in sight
#: Text the back of a 10 m room reads: glyphs at least 1/40 of the screen height (issue 14).
#: A font's pixel size is its em; CJK glyphs fill ~0.9 of it, Latin capitals ~0.7, so aim
#: the em a little higher than 1/40.
ROOM_TEXT_FRACTION = 1 / 40
EM_PER_GLYPH = 1.15
#: However small its type, a selection is never magnified beyond this.
READABLE_MAX_ZOOM = 8.0


def item_text_px(item) -> float:
    """The pixel size (at zoom 1) of the text the room must read on ``item``."""
    if isinstance(item, NoteItem):
        font = item.font  # the size that fits this note
    elif isinstance(item, FrameItem):  # a frame or a theme: its title
        font = item.look.title_font
    elif isinstance(item, HeadingItem):
        font = item.look.heading_font(item.rec.size, item.rec.kind)
    else:
        return 0.0
    return float(font.pixelSize()) if font is not None and font.pixelSize() > 0 else 0.0


def screen_height(view: BoardView) -> int:
    """Height of the screen ``view`` is on (the projector's, in F5)."""
    screen = view.screen() if view.window() is not None else None
    return screen.geometry().height() if screen is not None else view.viewport().height()


def shown_with(items) -> list:
    """``items`` and the notes inside the frames among them (a theme is read with its notes)."""
    out = list(items)
    for item in items:
        if isinstance(item, FrameItem) and item.scene() is not None:
            frame = item.sceneBoundingRect()
            out += [it for it in item.scene().items(frame)
                    if isinstance(it, NoteItem) and frame.contains(it.sceneBoundingRect())]
    return out


def readable_zoom(view: BoardView, items) -> float:
    """The zoom at which the smallest text of ``items`` (and of the notes in the frames
    among them) is ≥ 1/40 of the screen height."""
    sizes = [px for px in (item_text_px(it) for it in shown_with(items)) if px > 0]
    if not sizes:
        return 0.0
    want = screen_height(view) * ROOM_TEXT_FRACTION * EM_PER_GLYPH
    return min(READABLE_MAX_ZOOM, want / min(sizes))


def glide_target(view: BoardView, rect: QRectF, max_zoom: float = PROJECTOR_MAX_ZOOM,
                 min_zoom: float = 0.0) -> tuple[float, QPointF]:
    """Zoom and scene centre that show ``rect`` with some context: it fills the view up
    to ``max_zoom``; at ``min_zoom`` at least (its text readable), its top part then."""
    # Context around what is selected: a quarter of its size, at least 40 points.
    mx, my = max(40.0, rect.width() / 4), max(40.0, rect.height() / 4)
    wide = rect.adjusted(-mx, -my, mx, my)
    vp = view.viewport().rect()
    zoom = min(max(max_zoom, min_zoom), vp.width() / wide.width(), vp.height() / wide.height())
    centre = wide.center()
    if zoom < min_zoom:  # too large to be read whole: its top (a frame's title) and first notes
        zoom = min_zoom
        half_h = vp.height() / zoom / 2
        centre = QPointF(centre.x(), min(centre.y(), rect.top() - 40.0 / zoom + half_h))
    return zoom, centre


def glide(view: BoardView, rect: QRectF, max_zoom: float = PROJECTOR_MAX_ZOOM,
          ms: int = GLIDE_MS, min_zoom: float = 0.0) -> QVariantAnimation | None:
    """Animate ``view`` so that scene ``rect`` fills it (zoom capped at ``max_zoom``,
    never below ``min_zoom``: see :func:`glide_target`)."""
    if rect.isNull() or view.viewport().width() <= 0:
        return None
    vp = view.viewport().rect()
    z0 = view.zoom()
    z1, c1 = glide_target(view, rect, max_zoom, min_zoom)
    c0 = view.mapToScene(vp.center())
    old = getattr(view, "_glide", None)
    if old is not None:
        old.stop()
    anim = QVariantAnimation(view)
    anim.setStartValue(0.0)
    anim.setEndValue(1.0)
    anim.setDuration(ms)
    anim.setEasingCurve(QEasingCurve.Type.InOutCubic)

    def step(t: float) -> None:
        zoom = z0 * (z1 / z0) ** t  # geometric: zooming feels even all the way
        view.setTransform(QTransform.fromScale(zoom, zoom))
        view.centerOn(c0 + (c1 - c0) * t)

    anim.valueChanged.connect(step)
    view._glide = anim
    anim.start()
    return anim


class SelectionFollower:
    """Brings what is selected on ``source`` into view on ``target`` (the same view or a mirror)."""

    def __init__(self, source: BoardView, target: BoardView | None = None) -> None:
        self.source = source
        self.target = target or source
        self.enabled = True
        self._timer = QTimer(source)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FOLLOW_DELAY_MS)
        self._timer.timeout.connect(self._follow)
        source.selectionIdsChanged.connect(self._changed)

    def _changed(self, ids: list) -> None:
        if self.enabled and ids:
            self._timer.start()

    def _follow(self) -> None:
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            self._timer.start()  # still dragging: wait for the drop
            return
        ids = self.source.selected_ids()
        scene = self.target.board_scene()
        if not ids or scene is None:
            return
        rect = QRectF()
        items = [it for it in (scene.item_for(rid) for rid in ids) if it is not None]
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        if self.target is not self.source:
            scene.select_ids(ids)
        # The room reads what is shown: its text at 1/40 of the screen at least.
        readable = readable_zoom(self.target, items)
        glide(self.target, rect, max_zoom=max(PROJECTOR_MAX_ZOOM, readable), min_zoom=readable)


class ProjectorWindow(QWidget):
    """A clean board for the projector that follows the main window's board and selection."""

    def __init__(self, workshop, parent=None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.view = BoardView(workshop, self)
        self.view.set_presentation(True)
        self.view.setInteractive(False)  # the room watches; the facilitator edits on the laptop
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.view)
        self.follower: SelectionFollower | None = None
        close = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        close.activated.connect(self.close)
        # The whole board as F5 shows it: the room layout, over the view.
        from ui.board.room import RoomLayout
        from ui.board.room_mode import REFRESH_MS
        self.room = RoomLayout(self.view)
        self.room.opened.connect(self._open)
        self.view.installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh_room)
        self._workshop = workshop
        workshop.listeners.append(self._changed)
        tab = QShortcut(QKeySequence(Qt.Key.Key_Tab), self)
        tab.activated.connect(self.toggle_room)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Furikaeri — projector"))

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        if is_language_change(event):
            self.retranslate()
        super().changeEvent(event)

    def follow(self, source: BoardView) -> None:
        """Mirror the boards ``source`` shows and glide to what is selected on it."""
        self.follower = SelectionFollower(source, self.view)
        source.selectionIdsChanged.connect(self._source_selection)

    def show_board(self, session_id: str, group_id: str | None, all_groups: bool) -> None:
        self.view.set_board(session_id, group_id, all_groups=all_groups)
        QTimer.singleShot(0, self.view.fit_all)
        source = self.follower.source if self.follower is not None else None
        self._show_room(source is None or not source.selected_ids())

    # -- the room layout: the whole board, large ---------------------------------------
    def showing_room(self) -> bool:
        return self.room.isVisible()

    def _show_room(self, on: bool) -> None:
        if on:
            self.room.setGeometry(self.view.rect())
            self.room.refresh()
            self.room.show()
            self.room.raise_()
        else:
            self.room.hide()

    def toggle_room(self) -> None:
        """Tab on the projector: the room layout or the board as drawn."""
        self._show_room(not self.showing_room())
        if not self.showing_room():
            self.view.fit_all()

    def _source_selection(self, ids: list) -> None:
        # Something selected on the laptop: the board, gliding to it; nothing: the room layout.
        self._show_room(not ids)

    def _open(self, ids: list) -> None:
        """A click on the room layout: selected on the laptop's board (the projector follows)."""
        source = self.follower.source if self.follower is not None else None
        scene = source.board_scene() if source is not None else None
        if scene is not None:
            scene.select_ids(ids)

    def _changed(self, change) -> None:
        self._timer.start()

    def _refresh_room(self) -> None:
        if shiboken6.isValid(self.room) and self.showing_room():
            self.room.refresh()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.view and event.type() == QEvent.Type.Resize:
            self.room.setGeometry(self.view.rect())
        return False

    def show_on_best_screen(self) -> None:
        """Full screen on a second screen when there is one, else a large window."""
        if not full_screen_elsewhere(self):
            self.resize(1024, 700)
            self.show()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self._changed in self._workshop.listeners:
            self._workshop.listeners.remove(self._changed)
        self._timer.stop()
        self.view.detach()
        super().closeEvent(event)


class Presentation:
    """Presentation mode of a main window: chrome hidden, full screen, following the selection."""

    def __init__(self, window) -> None:
        self.window = window
        self.on = False
        self._hidden: list[QWidget] = []
        self._was_maximized = False
        self.follower: SelectionFollower | None = None
        from ui.board.room_mode import RoomMode
        self.room = RoomMode(window)  # the whole board as large cards (issue 14)
        self.leave_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.leave_shortcut.activated.connect(self.leave)
        self.leave_shortcut.setEnabled(False)

    def toggle(self) -> None:
        self.leave() if self.on else self.enter()

    def enter(self) -> None:
        w = self.window
        if w.ws is None or self.on:
            return
        self.on = True
        self._was_maximized = w.isMaximized()
        # Only the board on the projector: every dock goes (agenda, theme proposal, voting).
        chrome = [w.menuBar(), w.toolbar, w.entry, w.statusBar(), w.groups_in.bar,
                  *w.findChildren(QDockWidget)]
        self._hidden = [c for c in chrome if c.isVisible()]
        for widget in self._hidden:
            widget.hide()
        self._set_board_look(True)
        self.leave_shortcut.setEnabled(True)
        w.actions_.presentation.setChecked(True)
        w.showFullScreen()
        QTimer.singleShot(0, w._fit_board)
        if w.board is not None:
            w.board.setFocus()
        self.room.enter()

    def leave(self) -> None:
        if not self.on:
            return
        w = self.window
        self.on = False
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.room.leave()
        self._set_board_look(False)
        self.leave_shortcut.setEnabled(False)
        w.actions_.presentation.setChecked(False)
        w.showMaximized() if self._was_maximized else w.showNormal()
        w.focus_entry()

    def _set_board_look(self, on: bool) -> None:
        board = self.window.board
        if board is None:
            return
        board.set_presentation(on)
        policy = Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on else \
            Qt.ScrollBarPolicy.ScrollBarAsNeeded
        board.setHorizontalScrollBarPolicy(policy)
        board.setVerticalScrollBarPolicy(policy)
        if self.follower is None or self.follower.source is not board:
            self.follower = SelectionFollower(board)
        self.follower.enabled = on
