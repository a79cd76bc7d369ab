"""One tile of the wall: paints the latest frame, says what it shows, and takes drops and drags.

The tile paints the newest QImage on its own schedule (update() coalesces), so a camera sending faster than
the screen refreshes costs a copy, not a repaint per frame."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QRect, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QDrag,
    QDragEnterEvent,
    QDropEvent,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from console.config import data_dir
from console.qtmodels.video_camera_tree import CAMERA_MIME, CameraRow, camera_ids_from_mime
from console.qtmodels.video_channel import VideoChannel
from console.qtmodels.video_player import PlayerState

TILE_MIME = "application/x-pingan-wall-tile"
CAPTION_HEIGHT = 22
BACKGROUND = QColor("#101418")
CAPTION_BG = QColor(0, 0, 0, 170)
LIVE = QColor("#3ccf6e")
LOST = QColor("#e5484d")


class VideoTile(QWidget):
    sig_camera_dropped = Signal(int, int)  # tile index, camera id
    sig_swap = Signal(int, int)  # from tile, to tile
    sig_activated = Signal(int)  # double-click: maximise / restore
    sig_closed = Signal(int)

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.camera: CameraRow | None = None
        self.channel: VideoChannel | None = None
        self.frame: QImage | None = None
        self._press: QPoint | None = None
        self.setAcceptDrops(True)
        self.setMinimumSize(80, 60)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    # -- what the tile shows -------------------------------------------------------------------------------
    def attach(self, camera: CameraRow | None, channel: VideoChannel | None) -> None:
        """Show `camera` through an already running `channel` (a swap hands channels over, no reconnect)."""
        if self.channel is not None:
            self.channel.sig_frame.disconnect(self._on_frame)
            self.channel.sig_state.disconnect(self._on_state)
        self.camera, self.channel = camera, channel
        self.frame = channel.last_frame if channel is not None else None
        if channel is not None:
            channel.sig_frame.connect(self._on_frame)
            channel.sig_state.connect(self._on_state)
        self.update()

    def detach(self) -> tuple[CameraRow | None, VideoChannel | None]:
        camera, channel = self.camera, self.channel
        self.attach(None, None)
        return camera, channel

    def clear(self) -> None:
        """Close this tile's stream and release its player."""
        _camera, channel = self.detach()
        if channel is not None:
            channel.close()
            channel.deleteLater()

    @property
    def is_live(self) -> bool:
        return self.channel is not None and self.channel.state == PlayerState.PLAYING

    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        self.frame = image
        self.update()

    @Slot(str, str)
    def _on_state(self, _state: str, _detail: str) -> None:
        self.update()

    def snapshot(self, path: Path | None = None) -> Path | None:
        """Save the current picture as PNG (default: the data dir's snapshots folder); None if no picture."""
        if self.frame is None or self.camera is None:
            return None
        if path is None:
            path = data_dir() / "snapshots" / f"{self.camera.code}_{datetime.now():%Y%m%d_%H%M%S}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        return path if self.frame.save(str(path), "PNG") else None

    # -- painting ------------------------------------------------------------------------------------------
    def _message(self) -> str:
        if self.channel is None:
            return self.tr("Drop a camera here")
        state = self.channel.state
        if state == PlayerState.CONNECTING:
            return self.tr("Connecting…")
        if state == PlayerState.NO_SIGNAL:
            return self.tr("No signal")
        if state == PlayerState.ERROR:
            return self.tr("Cannot play: %1").replace("%1", self.channel.detail)
        return ""

    def caption(self) -> str:
        if self.camera is None:
            return ""
        status = self.tr("live") if self.is_live else self.tr("lost")
        backend = self.channel.backend_name if self.channel is not None else ""
        return f"{self.camera.name} · {self.camera.org_unit_name} · {status} · {backend}"

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        rect = self.rect()
        p.fillRect(rect, BACKGROUND)
        message = self._message()
        if self.frame is not None and not self.frame.isNull() and not message:
            size = self.frame.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(QPoint(0, 0), size)
            target.moveCenter(rect.center())
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, rect.width() < self.frame.width())
            p.drawImage(target, self.frame)
        if message:
            p.setPen(QColor("#c8ccd0"))
            p.drawText(rect.adjusted(6, 6, -6, -CAPTION_HEIGHT), Qt.AlignmentFlag.AlignCenter
                       | Qt.TextFlag.TextWordWrap, message)
        if self.camera is not None:
            bar = QRect(0, rect.height() - CAPTION_HEIGHT, rect.width(), CAPTION_HEIGHT)
            p.fillRect(bar, CAPTION_BG)
            p.setBrush(LIVE if self.is_live else LOST)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPoint(10, bar.center().y() + 1), 4, 4)
            p.setPen(QColor("#ffffff"))
            font = QFont(p.font())
            font.setPixelSize(12)
            p.setFont(font)
            p.drawText(bar.adjusted(20, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, self.caption())
        p.setPen(QColor("#2a3036"))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(rect.adjusted(0, 0, -1, -1))
        p.end()

    # -- interaction ---------------------------------------------------------------------------------------
    def mouseDoubleClickEvent(self, _event: QMouseEvent) -> None:
        self.sig_activated.emit(self.index)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None or self.camera is None:
            return
        if (event.position().toPoint() - self._press).manhattanLength() < QApplication.startDragDistance():
            return
        self._press = None
        drag = QDrag(self)
        drag.setMimeData(self.tile_mime())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._press = None

    def tile_mime(self) -> QMimeData:
        mime = QMimeData()
        mime.setData(TILE_MIME, QByteArray(str(self.index).encode("ascii")))
        return mime

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CAMERA_MIME) or event.mimeData().hasFormat(TILE_MIME):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(CAMERA_MIME) or event.mimeData().hasFormat(TILE_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(TILE_MIME):
            source = int(bytes(mime.data(TILE_MIME)).decode("ascii"))
            if source != self.index:
                self.sig_swap.emit(source, self.index)
            event.acceptProposedAction()
            return
        ids = camera_ids_from_mime(mime)
        if ids:
            self.sig_camera_dropped.emit(self.index, ids[0])
            event.acceptProposedAction()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if self.camera is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Snapshot"), self.snapshot)
        menu.addAction(self.tr("Close"), lambda: self.sig_closed.emit(self.index))
        menu.exec(event.globalPos())
