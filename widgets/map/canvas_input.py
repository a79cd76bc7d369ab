"""How the canvas answers the mouse and keyboard: drag to pan, shift-drag to box-select, alt-drag (or a drag
in lasso mode) to lasso-select, click to identify
(or to feed the active tool), wheel to zoom about the pointer, arrows and +/− keys, hover tooltips and the
right-click menu request. A mixin of MapCanvas, kept apart so the canvas file stays about drawing."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QToolTip

WHEEL_STEP = 2**0.5
"""One wheel notch zooms by half a level."""
KEY_ZOOM = 2.0
DRAG_THRESHOLD_PX = 4


class CanvasInput:
    """Expects the MapCanvas attributes and methods it calls (view, tool, set_view, identify_at, …)."""

    def _click(self, pos: QPointF) -> None:
        if self.tool is not None:
            self.tool.click(self, *self.wgs84_at(pos.x(), pos.y()))
            return
        cluster = self.cluster_at(pos.x(), pos.y())
        hit = self.identify_at(pos.x(), pos.y())
        if hit is None and cluster is not None:
            self.zoom_by(KEY_ZOOM * 2, QPointF(cluster[0], cluster[1]))
            return
        self.focus_object = hit
        self.update()
        if hit is None:
            return
        name, obj_id = hit
        self.sig_object_clicked.emit(name, obj_id)
        signal = {
            "premises": self.sig_premise_clicked,
            "workers": self.sig_worker_clicked,
            "incidents": self.sig_incident_clicked,
            "cameras": self.sig_camera_clicked,
        }.get(name)
        if signal is not None:
            signal.emit(obj_id)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._press_view = self.view
            mods = event.modifiers()
            self._mode = "press"
            if self.tool is None and mods & Qt.KeyboardModifier.ShiftModifier:
                self._mode = "box"
            elif self.tool is None and (self.lasso_mode or mods & Qt.KeyboardModifier.AltModifier):
                self._mode = "lasso"
                self._lasso = [self._press]
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        lon, lat = self.wgs84_at(pos.x(), pos.y())
        self.sig_cursor_lonlat.emit(lon, lat)
        if self._press is None:
            if self.tool is not None:
                self.tool.move(self, lon, lat)
            self._hover_pos = pos
            self._hover_timer.start()
            return
        delta = pos - self._press
        if self._mode == "press" and max(abs(delta.x()), abs(delta.y())) >= DRAG_THRESHOLD_PX:
            self._mode = "pan"
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
        if self._mode == "pan":
            self.set_view(self._press_view.panned(delta.x(), delta.y()))
        elif self._mode == "box":
            self._band = QRectF(self._press, pos)
            self.update()
        elif self._mode == "lasso":
            self._lasso.append(pos)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        if self._mode == "press":
            self._click(event.position())
        elif self._mode == "box" and self._band is not None:
            self.select_rect(self._band)
        elif self._mode == "lasso":
            self._lasso.append(event.position())
            self.select_polygon([(p.x(), p.y()) for p in self._lasso])
        self._press, self._band, self._mode, self._lasso = None, None, "", []
        self._restore_cursor()
        self.update()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self.tool is not None and event.button() == Qt.MouseButton.LeftButton:
            self.tool.finish(self)
        else:
            super().mouseDoubleClickEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120.0
        if steps:
            self.zoom_by(WHEEL_STEP**steps, event.position())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step_x, step_y = self.view.width / 6, self.view.height / 6
        key = event.key()
        moves = {
            Qt.Key.Key_Left: (step_x, 0),
            Qt.Key.Key_Right: (-step_x, 0),
            Qt.Key.Key_Up: (0, step_y),
            Qt.Key.Key_Down: (0, -step_y),
        }
        if key in moves:
            self.pan_by(*moves[key])
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(KEY_ZOOM)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(1 / KEY_ZOOM)
        elif key == Qt.Key.Key_Home:
            self.zoom_home()
        elif key == Qt.Key.Key_Escape:
            if self.tool is not None:
                self.set_tool(None)
            else:
                self.selection, self.focus_object = {}, None
            self.update()
        else:
            super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        pos = QPointF(event.pos())
        lon, lat = self.wgs84_at(pos.x(), pos.y())
        self.sig_context_menu.emit(event.globalPos(), lon, lat, self.identify_at(pos.x(), pos.y()))
        event.accept()

    def _show_hover(self) -> None:
        pos = self._hover_pos
        hit = self.identify_at(pos.x(), pos.y())
        text = ""
        if hit is not None:
            text = self.layer(hit[0]).describe(hit[1])
        else:
            cluster = self.cluster_at(pos.x(), pos.y())
            if cluster is not None:
                text = self.tr("%n objects — click to zoom in", "", cluster[2])
        if text:
            QToolTip.showText(self.mapToGlobal(QPoint(round(pos.x()), round(pos.y()))), text, self)
        else:
            QToolTip.hideText()

    def leaveEvent(self, event) -> None:
        self._hover_timer.stop()
        super().leaveEvent(event)

    def _restore_cursor(self) -> None:
        if self.tool is not None:
            self.setCursor(self.tool.cursor)
        else:
            self.unsetCursor()
