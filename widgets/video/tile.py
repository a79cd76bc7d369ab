"""One tile of the wall: shows the picture, says what it shows, and takes drops and drags.

On the frame path the tile paints the newest QImage (update() coalesces, and the caption bar is a cached
pixmap, so a frame costs one scaled blit: painting is about a third of a core at 16 tiles, measured, most of
it the blit); on the window path libVLC draws into a native child surface above the caption bar and the tile
paints only the caption and messages."""
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
    QPixmap,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from console.config import data_dir
from console.qtmodels.video_camera_tree import CAMERA_MIME, CameraRow, camera_ids_from_mime
from console.qtmodels.video_channel import VideoChannel
from console.qtmodels.video_player import PlayerState
from widgets.video.surface import VideoSurface, native_windows_available

TILE_MIME = "application/x-pingan-wall-tile"
CAPTION_HEIGHT = 22
BACKGROUND = QColor("#101418")
CAPTION_BG = QColor(0, 0, 0, 170)
LIVE = QColor("#3ccf6e")
LOST = QColor("#e5484d")
# Smooth (bilinear) scaling only down to this fraction of the picture: a 16-tile wall on a 1280-px screen
# (half size) blits nearest-neighbour, which saved 15 % of a core at 16 tiles (0.12 vs 0.54 ms a frame).
SMOOTH_SCALE_FROM = 0.6


class VideoTile(QWidget):
    sig_camera_dropped = Signal(int, int)  # tile index, camera id
    sig_swap = Signal(int, int)  # from tile, to tile
    sig_activated = Signal(int)  # double-click: maximise / restore
    sig_closed = Signal(int)
    sig_attach_snapshot = Signal(int)  # tile index

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.camera: CameraRow | None = None
        self.channel: VideoChannel | None = None
        self.frame: QImage | None = None
        self._press: QPoint | None = None
        self.attach_case = ""  # the case a snapshot can be attached to ('' when none is selected)
        self.surface: VideoSurface | None = None
        self._caption_key: tuple = ()
        self._caption_pixmap = QPixmap()
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
            if channel.supports_window and native_windows_available():
                self._use_surface(channel)
        self._on_state("", "")

    def _use_surface(self, channel: VideoChannel) -> None:
        """Point the channel at this tile's native surface; a running one (a swap) reconnects into it."""
        if self.surface is None:
            self.surface = VideoSurface(self)
            self._place_surface()
        win_id = self.surface.window_id()
        if channel.player.window_id != win_id:
            channel.set_window(win_id)
            if channel.state != PlayerState.STOPPED:
                channel.restart()

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
        if self.surface is not None:
            self.surface.setVisible(self.is_live and self.channel.render_path == "window")
        self.setToolTip(self.render_description())
        self.update()

    def render_description(self) -> str:
        """Which backend decodes and how pictures reach the screen (the tile's tooltip)."""
        if self.channel is None:
            return ""
        path = (self.tr("native window") if self.channel.render_path == "window"
                else self.tr("frames painted by the console"))
        return f"{self.channel.backend_name} · {path}"

    def snapshot(self, path: Path | None = None) -> Path | None:
        """Save the current picture as PNG (default: the data dir's snapshots folder); None if no picture."""
        if self.camera is None or self.channel is None:
            return None
        if path is None:
            path = data_dir() / "snapshots" / f"{self.camera.code}_{datetime.now():%Y%m%d_%H%M%S}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.frame is not None:
            return path if self.frame.save(str(path), "PNG") else None
        player = self.channel.player
        return path if self.is_live and player is not None and player.snapshot(str(path)) else None

    # -- painting ------------------------------------------------------------------------------------------
    def message(self) -> str:
        """What the tile says instead of a picture ('' while it plays)."""
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_surface()

    def _place_surface(self) -> None:
        if self.surface is not None:
            self.surface.setGeometry(1, 1, self.width() - 2, self.height() - CAPTION_HEIGHT - 1)

    def _caption_bar(self) -> QPixmap:
        """The caption strip, drawn once per text/state/width change rather than once per frame."""
        key = (self.caption(), self.is_live, self.width(), self.devicePixelRatioF())
        if key != self._caption_key:
            ratio = self.devicePixelRatioF()
            pixmap = QPixmap(int(self.width() * ratio), int(CAPTION_HEIGHT * ratio))
            pixmap.setDevicePixelRatio(ratio)
            pixmap.fill(Qt.GlobalColor.transparent)
            p = QPainter(pixmap)
            bar = QRect(0, 0, self.width(), CAPTION_HEIGHT)
            p.fillRect(bar, CAPTION_BG)
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.setBrush(LIVE if self.is_live else LOST)
            p.setPen(Qt.PenStyle.NoPen)
            p.drawEllipse(QPoint(10, bar.center().y() + 1), 4, 4)
            p.setPen(QColor("#ffffff"))
            font = QFont(self.font())
            font.setPixelSize(12)
            p.setFont(font)
            p.drawText(bar.adjusted(20, 0, -4, 0), Qt.AlignmentFlag.AlignVCenter, key[0])
            p.end()
            self._caption_key, self._caption_pixmap = key, pixmap
        return self._caption_pixmap

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        rect = self.rect()
        message = self.message()
        if self.frame is not None and not self.frame.isNull() and not message:
            size = self.frame.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(QPoint(0, 0), size)
            target.moveCenter(rect.center())
            p.setClipRegion(QRegion(rect).subtracted(QRegion(target)))
            p.fillRect(rect, BACKGROUND)  # only the letterbox margins: the picture covers the rest
            p.setClipping(False)
            p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform,
                            size.width() >= SMOOTH_SCALE_FROM * self.frame.width())
            p.drawImage(target, self.frame)
        else:
            p.fillRect(rect, BACKGROUND)
        if message:
            p.setPen(QColor("#c8ccd0"))
            p.drawText(rect.adjusted(6, 6, -6, -CAPTION_HEIGHT), Qt.AlignmentFlag.AlignCenter
                       | Qt.TextFlag.TextWordWrap, message)
        if self.camera is not None:
            p.drawPixmap(0, rect.height() - CAPTION_HEIGHT, self._caption_bar())
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
        if self.attach_case:
            menu.addAction(self.tr("Attach snapshot to case %1").replace("%1", self.attach_case),
                           lambda: self.sig_attach_snapshot.emit(self.index))
        menu.addAction(self.tr("Close"), lambda: self.sig_closed.emit(self.index))
        menu.exec(event.globalPos())
