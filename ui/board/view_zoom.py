"""Zoom, fit and the reveal glide of the board view (a mixin of
:class:`~ui.board.view.BoardView`): how much of the board is in sight, and where."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractAnimation, QCoreApplication, QEasingCurve, QEvent, QPoint, QPointF, QRectF, Qt,
    QVariantAnimation,
)
from PySide6.QtWidgets import QGraphicsView

from facilitator.board.placement import COLUMNS, GAP
from facilitator.workshop.model import NOTE_H, NOTE_W

MIN_ZOOM, MAX_ZOOM = 0.02, 8.0
#: Fit all/selection never magnifies beyond this (one note would fill a projector).
MAX_FIT_ZOOM = 2.0
#: On the projector (F5) the whole board may be shown larger: a 4K screen fits the demo
#: board at ~2.1, and the room needs every pixel of it.
PRESENTATION_MAX_FIT_ZOOM = 4.0
#: Showing a board (opening it, a group switch) never magnifies, and zooms out
#: only as far as notes stay readable; beyond that it shows the newest notes.
SHOW_MAX_ZOOM, SHOW_MIN_ZOOM = 1.0, 0.5
#: Where typed notes go (facilitator.board.placement): kept in view with the board.
CAPTURE_AREA = QRectF(0.0, 0.0, COLUMNS * (NOTE_W + GAP) - GAP, NOTE_H)
FIT_MARGIN = 40.0
#: Room kept around a note brought into view, and how long the glide takes.
REVEAL_MARGIN, REVEAL_MS = 24.0, 180


def _shift(a0: float, a1: float, v0: float, v1: float) -> float:
    """The least move of the view span [v0, v1] that holds [a0, a1] (its start, if too long)."""
    if a1 - a0 > v1 - v0 or a0 < v0:
        return a0 - v0
    return a1 - v1 if a1 > v1 else 0.0


class ViewZoom:
    """Mixin of :class:`~ui.board.view.BoardView` (a ``QGraphicsView`` with ``_scene``,
    ``_presentation``, ``_fitted``, ``_refit`` and ``_reveal_anim``): zoom, fit all or the
    selection, show a board as a note-taker needs it, glide a note into view."""

    def centre_on_ids(self, ids, min_zoom: float = 0.75) -> None:
        """Select ``ids`` and put them in the middle of the view, zooming in only when
        they would be too small to read."""
        scene = self._scene
        if scene is None:
            return
        scene.select_ids(ids)
        rect = QRectF()
        for rid in ids:
            item = scene.item_for(rid)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        if rect.isNull():
            return
        if self.zoom() < min_zoom:
            self.zoom_by(min_zoom / self.zoom())
        self.centerOn(rect.center())
        self._fitted = None

    # -- zoom ------------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_by(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom by ``factor`` keeping the scene point at viewport ``anchor`` (default centre)."""
        current = self.zoom()
        target = min(MAX_ZOOM, max(MIN_ZOOM, current * factor))
        if current <= 0 or target == current:
            return
        self._stop_glide(jump=False)
        anchor = anchor if anchor is not None else self.viewport().rect().center()
        fixed = self.mapToScene(anchor)
        previous = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(target / current, target / current)
        self.setTransformationAnchor(previous)
        drift = self.mapFromScene(fixed) - anchor
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        h.setValue(h.value() + drift.x())
        v.setValue(v.value() + drift.y())

    def zoom_100(self) -> None:
        self._stop_glide(jump=False)
        centre = self.mapToScene(self.viewport().rect().center())
        self.resetTransform()
        self.centerOn(centre)

    def _fit(self, rect: QRectF, max_zoom: float = MAX_FIT_ZOOM) -> None:
        if rect.isNull():
            return
        self._stop_glide(jump=False)
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        margin = FIT_MARGIN
        for _ in range(2):  # again if the scroll bars came or went: the view changed size
            size = self.viewport().size()
            self.fitInView(rect.adjusted(-margin, -margin, margin, margin),
                           Qt.AspectRatioMode.KeepAspectRatio)
            if self.zoom() > max_zoom:
                self.resetTransform()
                self.scale(max_zoom, max_zoom)
            self.centerOn(rect.center())
            # The scroll bars come and go on a layout request: lay them out now.
            QCoreApplication.sendEvent(self, QEvent(QEvent.Type.LayoutRequest))
            if self.viewport().size() == size:
                break
        self.setTransformationAnchor(anchor)

    def _content_rect(self) -> QRectF:
        rect = QRectF()
        if self._scene is not None:
            for item in self._scene.element_items() + self._scene.area_labels():
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def fit_all(self) -> None:
        if self._scene is not None:
            self._fit(self._content_rect(),
                      PRESENTATION_MAX_FIT_ZOOM if self._presentation else MAX_FIT_ZOOM)
            self._fitted, self._refit = self.transform(), self.fit_all

    def show_board(self) -> None:
        """Show the board as a note-taker needs it: all of it and the place where typed
        notes go, at 100 % at most; if that needs less than :data:`SHOW_MIN_ZOOM`, the
        newest note at that zoom instead (a group switch never leaves the notes tiny)."""
        scene = self._scene
        if scene is None:
            return
        if self._presentation:  # the projector shows the whole board, however small
            self.fit_all()
            return
        rect = self._content_rect()
        side_by_side = len(scene.areas) > 1
        if not side_by_side:
            rect = rect.united(CAPTURE_AREA.translated(scene.areas[0].dx, 0.0))
        self._fit(rect, SHOW_MAX_ZOOM)
        visible = self.visible_rect()
        if visible.height() > rect.height() + 2 * FIT_MARGIN:
            # Not as tall as the view: start at the top, where the first notes go.
            self.centerOn(rect.center().x(), rect.top() - FIT_MARGIN + visible.height() / 2)
        newest = scene.newest_note() if not side_by_side else None
        if self.zoom() < SHOW_MIN_ZOOM and newest is not None:
            self.resetTransform()
            self.scale(SHOW_MIN_ZOOM, SHOW_MIN_ZOOM)
            self.centerOn(newest.sceneBoundingRect().center())
        self._fitted, self._refit = self.transform(), self.show_board

    def fit_selection(self) -> None:
        if self._scene is not None:
            rect = QRectF()
            for item in self._scene.selectedItems():
                rect = rect.united(item.sceneBoundingRect())
            self._fit(rect)

    def visible_rect(self) -> QRectF:
        """The part of the scene the viewport shows."""
        return self.mapToScene(self.viewport().rect()).boundingRect()

    def reveal(self, rid: str) -> None:
        """Glide the least way that shows element ``rid`` whole (its top first, when it is
        taller than the view); the zoom never changes.  Nothing moves if it is in view."""
        item = self._scene.item_for(rid) if self._scene is not None else None
        if item is None:
            return
        self._fitted = None  # the board changed since the fit: a resize keeps the zoom
        m = REVEAL_MARGIN / max(self.zoom(), 1e-6)
        want = item.sceneBoundingRect().adjusted(-m, -m, m, m)
        target = self._reveal_anim.endValue() if self._reveal_anim is not None else None
        view = self.visible_rect()
        if target is not None:  # going on from where the last glide goes
            view.moveCenter(view.center() + (target - self._bars()) / self.zoom())
        dx, dy = _shift(want.left(), want.right(), view.left(), view.right()), \
            _shift(want.top(), want.bottom(), view.top(), view.bottom())
        if not dx and not dy:
            return
        start = self._bars()
        end = (target if target is not None else start) + QPointF(dx, dy) * self.zoom()
        self._stop_glide(jump=False)
        glide = QVariantAnimation(self)
        glide.setDuration(REVEAL_MS)
        glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        glide.setStartValue(start)
        glide.setEndValue(end)
        glide.valueChanged.connect(self._set_bars)
        glide.finished.connect(self._stop_glide)
        self._reveal_anim = glide
        glide.start()

    def gliding(self) -> bool:
        """Whether a :meth:`reveal` is still moving the view."""
        return self._reveal_anim is not None and \
            self._reveal_anim.state() == QAbstractAnimation.State.Running

    def _bars(self) -> QPointF:
        return QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())

    def _set_bars(self, value: QPointF) -> None:
        self.horizontalScrollBar().setValue(round(value.x()))
        self.verticalScrollBar().setValue(round(value.y()))

    def _stop_glide(self, jump: bool = True) -> None:
        """End a glide: at its end (``jump``), or where it is (the user took over)."""
        glide, self._reveal_anim = self._reveal_anim, None
        if glide is not None:
            glide.stop()
            if jump:
                self._set_bars(glide.endValue())
            glide.deleteLater()
