"""The board view: zoom, pan, tools and keyboard commands over a :class:`BoardScene`.

Zoom, fit and the reveal glide are the :class:`~ui.board.view_zoom.ViewZoom` mixin; the
commands on the selection are :class:`~ui.board.edit_actions.ViewCommands`."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import (
    QColor, QFontMetricsF, QKeySequence, QMouseEvent, QPainter, QPen, QTransform,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from facilitator.errors import FurikaeriError
from ui.board.edit_actions import ViewCommands
from ui.board.items import FrameItem
from ui.board.pan_key import PanKey
from ui.board.scene import BoardScene
from ui.board.style import MIN_TITLE_PX, font_at_least
from ui.board.view_zoom import (  # noqa: F401 (MAX_FIT_ZOOM…: where they were)
    MAX_FIT_ZOOM, PRESENTATION_MAX_FIT_ZOOM, ViewZoom,
)

GRID_LINE_STEP = 32.0


class BoardView(ViewZoom, ViewCommands, QGraphicsView):
    """Shows one board of a workshop; every edit goes through the workshop."""

    selectionIdsChanged = Signal(list)
    messageRequested = Signal(str)
    #: The pen a new board view starts with (the window keeps it to the user's choice).
    default_pen: tuple[str, float] = ("#222222", 3.0)

    def __init__(self, workshop, parent=None) -> None:
        super().__init__(parent)
        # Our own plain viewport (what Qt makes anyway): Python then knows its type, where
        # the first viewport() of Qt's own made PySide probe ~40 widget types (~8 ms of a start).
        self.setViewport(QWidget())
        self.workshop = workshop
        self._scene: BoardScene | None = None
        self._presentation = False
        self._space = False
        self._pan: QPointF | None = None
        self._pan_button = Qt.MouseButton.NoButton
        self._pinch_base = 1.0
        self._fit_pending = False
        self.pen = self.default_pen   # the ink tool's colour and width, kept across boards
        # The zoom "fit all" chose; while nobody zooms away from it, a resize (full
        # screen for F5, a dock opening beside the board) fits the board again.
        self._fitted: QTransform | None = None
        self._refitting = False
        self._refit = self.show_board
        self._reveal_anim: QVariantAnimation | None = None
        # Space held in another widget (the quick-entry bar) pans here too.
        self.pan_key = PanKey(self)
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        # Only the damaged region is repainted; a pan scrolls what is already drawn.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # Items keep a transparent margin pen, so Qt need not widen every exposed rect.
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        # The grid is the only background: cache it, items are painted live (text
        # layouts are cached per note instead of pixmaps, which zooming would spoil).
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().grabGesture(Qt.GestureType.PinchGesture)

    # -- boards --------------------------------------------------------------------
    def set_board(self, session_id: str, group_id: str | None, *,
                  all_groups: bool = False) -> None:
        """Show one board, or every group board of the session side by side."""
        old = self._scene
        tool = old.tool if old is not None else "select"
        scene = BoardScene(self.workshop, session_id, group_id, all_groups=all_groups,
                           presentation=self._presentation, parent=self)
        scene.selectionChanged.connect(self._emit_selection)
        scene.messageRequested.connect(self.messageRequested)
        self._scene = scene
        self.setScene(scene)
        scene.set_tool(tool)
        scene.ink_color, scene.ink_width = self.pen
        if old is not None:
            old.detach()
            old.deleteLater()
        self.resetCachedContent()
        self.show_board()
        self._fit_pending = not self.isVisible()  # fit again once it has its real size
        self.selectionIdsChanged.emit([])

    def _emit_selection(self) -> None:
        scene = self._scene
        if scene is not None and shiboken6.isValid(scene):
            self.selectionIdsChanged.emit(scene.selected_ids())

    def board_scene(self) -> BoardScene | None:
        return self._scene

    def detach(self) -> None:
        """Stop following the workshop (before it is closed)."""
        if self._scene is not None:
            self._scene.detach()

    def selected_ids(self) -> list[str]:
        return self._scene.selected_ids() if self._scene is not None else []

    def show_ids(self, ids) -> None:
        """Select ``ids`` and bring them into view (the projector follows the facilitator)."""
        if self._scene is not None:
            self._scene.select_ids(ids)
            self.fit_selection()

    def set_tool(self, name: str) -> None:
        if self._scene is not None:
            self._scene.set_tool(name)
        select = name == "select"
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if select
                         else QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.ArrowCursor if select
                                  else Qt.CursorShape.CrossCursor)

    def set_pen(self, color: str, width: float) -> None:
        """The ink tool's colour and width, on this board and the next ones shown."""
        self.pen = (color, float(width))
        if self._scene is not None:
            self._scene.ink_color, self._scene.ink_width = self.pen

    def set_presentation(self, on: bool) -> None:
        """Projector look: larger type, high contrast, no grid."""
        self._presentation = on
        if self._scene is not None:
            self._scene.set_presentation(on)
        self.resetCachedContent()
        self.viewport().update()

    # -- zoom (ui.board.view_zoom) and its events --------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if self._fitted is None or self.transform() != self._fitted or self._refitting:
            return
        old, new = event.oldSize(), event.size()
        # The style's scroll bar extent (PM_ScrollBarExtent), read off the bar itself:
        # importing QStyle would load its enums (~10 ms of a start).
        bar = self.verticalScrollBar().sizeHint().width() + 4
        if (old.isValid() and abs(old.width() - new.width()) <= bar
                and abs(old.height() - new.height()) <= bar):
            # Only a scroll bar came or went: fitting again would take it away or
            # bring it back, and the two would chase each other for ever.
            return
        self._refitting = True
        try:
            self._refit()
        finally:
            self._refitting = False

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._fit_pending:
            self._fit_pending = False
            self._refit()

    def wheelEvent(self, event) -> None:
        self._stop_glide(jump=False)
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.0015 ** event.angleDelta().y(), event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.TabletPress, QEvent.Type.TabletMove, QEvent.Type.TabletRelease):
            if self._scene is not None:
                self._scene.pressure = event.pressure()
            event.ignore()  # Qt then delivers the same stroke as mouse events
            return False
        if kind == QEvent.Type.NativeGesture and \
                event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
            self.zoom_by(1.0 + event.value(), event.position().toPoint())
            return True
        if kind == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                if pinch.state() == Qt.GestureState.GestureStarted:
                    self._pinch_base = self.zoom()
                wanted = self._pinch_base * pinch.totalScaleFactor()
                centre = self.viewport().mapFromGlobal(pinch.centerPoint().toPoint())
                self.zoom_by(wanted / max(self.zoom(), 1e-6), centre)
                return True
        return super().viewportEvent(event)

    # -- pan -------------------------------------------------------------------------
    def panning(self) -> bool:
        """Whether a pan (middle button, or Space and the left button) is under way."""
        return self._pan is not None

    def _pan_press(self, event) -> bool:
        """Start a pan if ``event`` is one; a pan only pans: the scene never sees
        its press, so nothing is selected, moved or dropped into another frame."""
        button = event.button()
        if self._pan is not None:
            event.accept()  # another button during a pan: still only the pan
            return True
        if button == Qt.MouseButton.MiddleButton or (
                button == Qt.MouseButton.LeftButton and (self._space or self.pan_key.held)):
            self._stop_glide(jump=False)
            self._pan, self._pan_button = event.position(), button
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            self.pan_key.focus_back()  # the note-taker types on in the entry bar
            event.accept()
            return True
        return False

    def mousePressEvent(self, event) -> None:
        if not self._pan_press(event):
            self.pan_key.forget()
            super().mousePressEvent(self._shift_as_ctrl(event))

    def mouseDoubleClickEvent(self, event) -> None:
        # Two quick Space-drags make a double click: that must not start a note.
        if not self._pan_press(event):
            super().mouseDoubleClickEvent(event)

    def _shift_as_ctrl(self, event):
        """Shift+click toggles an item in the selection and Shift+drag adds to it, as
        Ctrl does in Qt (and as drawing programs do with Shift)."""
        mods = event.modifiers()
        if (self._scene is None or self._scene.tool != "select"
                or not mods & Qt.KeyboardModifier.ShiftModifier):
            return event
        return QMouseEvent(event.type(), event.position(), event.scenePosition(),
                           event.globalPosition(), event.button(), event.buttons(),
                           mods | Qt.KeyboardModifier.ControlModifier, event.device())

    def contextMenuEvent(self, event) -> None:
        scene = self._scene
        if scene is None or not self.isInteractive():
            return
        pos = self.mapToScene(event.pos())
        if scene.editor is not None:
            if scene.editor.sceneBoundingRect().contains(pos):
                super().contextMenuEvent(event)  # the editor's own (copy, paste...)
                return
            scene.editor.finish(True)
        self.show_context_menu(pos, event.globalPos())
        event.accept()

    def mouseMoveEvent(self, event) -> None:
        if self._pan is not None:
            delta = event.position() - self._pan
            self._pan = event.position()
            h, v = self.horizontalScrollBar(), self.verticalScrollBar()
            h.setValue(h.value() - round(delta.x()))
            v.setValue(v.value() - round(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan is not None:
            event.accept()
            if event.button() != self._pan_button:
                return  # not the button that pans
            self._pan = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(self._shift_as_ctrl(event))

    # -- keyboard --------------------------------------------------------------------
    def _editing(self) -> bool:
        return self._scene is not None and self._scene.editor is not None

    def keyPressEvent(self, event) -> None:
        scene = self._scene
        # A view that is not interactive (the projector window) only shows: its keys
        # must not act on the selection it mirrors.
        if scene is None or self._editing() or not self.isInteractive():
            super().keyPressEvent(event)
            return
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif event.matches(QKeySequence.StandardKey.Redo) or (
                ctrl and key in (Qt.Key.Key_Y, Qt.Key.Key_Z)
                and (key == Qt.Key.Key_Y or mods & Qt.KeyboardModifier.ShiftModifier)):
            self._step(self.workshop.redo)
        elif event.matches(QKeySequence.StandardKey.Undo):
            self._step(self.workshop.undo)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif ctrl and key == Qt.Key.Key_D and not mods & Qt.KeyboardModifier.ShiftModifier:
            self.duplicate_selection()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_selection()
        elif event.matches(QKeySequence.StandardKey.Cut):
            self.cut_selection()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_here()
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif ctrl and key == Qt.Key.Key_BracketRight:
            self.bring_to_front()
        elif ctrl and key == Qt.Key.Key_BracketLeft:
            self.send_to_back()
        elif key == Qt.Key.Key_Escape:
            scene.clearSelection()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.pan_key.release()
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
        super().keyReleaseEvent(event)

    def _step(self, action) -> None:
        try:
            action()
        except FurikaeriError as exc:
            self.messageRequested.emit(exc.text())

    # -- foreground: frame titles zoomed out ----------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """Frame titles too small in their bars are drawn here, over the notes, at a size
        the eye can read (issue 14: titles never vanish); drawn inside each frame's
        rectangle, so moving a frame repaints them."""
        super().drawForeground(painter, rect)
        scene, lod = self._scene, self.zoom()
        if scene is None or lod * scene.look.title_font.pixelSize() >= MIN_TITLE_PX:
            return
        for item in scene.items(rect):
            if isinstance(item, FrameItem) and item.isVisible():
                item.paint_title_over(painter, lod)
        # The group names over the areas (side by side): the same minimum size.
        for label in scene.area_labels():
            font = label.font()
            if lod * font.pixelSize() >= MIN_TITLE_PX:
                continue
            font = font_at_least(font, MIN_TITLE_PX, lod)
            metrics = QFontMetricsF(font)
            pos = label.scenePos()
            box = QRectF(pos.x(), pos.y(), metrics.horizontalAdvance(label.text()) + 8 / lod,
                         metrics.height())
            if box.intersects(rect):
                painter.fillRect(box, QColor(255, 255, 255, 200))
                painter.setFont(font)
                painter.setPen(QColor("#000000"))
                painter.drawText(box.adjusted(4 / lod, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter,
                                 label.text())

    # -- background ------------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.fillRect(rect, QColor("#FFFFFF" if self._presentation else "#FAFAF7"))
        if self._presentation or self.zoom() * GRID_LINE_STEP < 12:
            return
        pen = QPen(QColor("#ECECE6"), 1.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        step = GRID_LINE_STEP
        x = (rect.left() // step) * step
        y = (rect.top() // step) * step
        lines = []
        while x < rect.right():
            lines.append(QLineF(x, rect.top(), x, rect.bottom()))
            x += step
        while y < rect.bottom():
            lines.append(QLineF(rect.left(), y, rect.right(), y))
            y += step
        painter.drawLines(lines)
