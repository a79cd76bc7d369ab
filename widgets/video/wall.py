"""The wall: tiles placed by a layout, cameras assigned to tiles, swap, maximise, presets and tour pages.

Tiles are created once (16) and re-placed by the layout, so changing layout never restarts the streams that
stay visible; tiles that fall off the layout close their streams."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QGridLayout, QWidget

from console.qtmodels.video_camera_tree import CameraRow
from console.qtmodels.video_channel import VideoChannel
from console.qtmodels.video_player import PlayerOptions
from console.qtmodels.video_presets import WallPreset
from widgets.video.layouts import LAYOUTS, MAX_TILES
from widgets.video.tile import VideoTile

ChannelFactory = Callable[[CameraRow], VideoChannel]


def default_channel(camera: CameraRow) -> VideoChannel:
    return VideoChannel(camera.stream_url, PlayerOptions())


class VideoWall(QWidget):
    sig_changed = Signal()  # assignments or layout changed
    sig_channel_started = Signal(object, object)  # CameraRow, VideoChannel: a tile began playing a camera
    sig_attach_snapshot = Signal(int)  # tile index: the operator wants its picture in the current case

    def __init__(self, camera_lookup: Callable[[int], CameraRow | None],
                 channel_factory: ChannelFactory = default_channel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lookup = camera_lookup
        self._factory = channel_factory
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self.tiles = [VideoTile(i, self) for i in range(MAX_TILES)]
        for tile in self.tiles:
            tile.sig_camera_dropped.connect(self.assign)
            tile.sig_swap.connect(self.swap)
            tile.sig_activated.connect(self.toggle_maximise)
            tile.sig_closed.connect(self.clear)
            tile.sig_attach_snapshot.connect(self.sig_attach_snapshot)
            tile.hide()
        self.layout_name = ""
        self.maximised: int | None = None
        self.set_layout("4")

    @property
    def tile_count(self) -> int:
        return len(LAYOUTS[self.layout_name])

    def set_layout(self, name: str) -> None:
        if name not in LAYOUTS:
            raise ValueError(f"unknown wall layout {name!r}; expected one of {', '.join(LAYOUTS)}")
        cells = LAYOUTS[name]
        self.layout_name, self.maximised = name, None
        for tile in self.tiles:
            self._grid.removeWidget(tile)
        for i, tile in enumerate(self.tiles):
            if i < len(cells):
                self._grid.addWidget(tile, *cells[i])
                tile.show()
            else:
                tile.clear()
                tile.hide()
        size = max(r + rs for r, _c, rs, _cs in cells)
        for k in range(MAX_TILES):
            self._grid.setRowStretch(k, 1 if k < size else 0)
            self._grid.setColumnStretch(k, 1 if k < size else 0)
        self.sig_changed.emit()

    @Slot(int, int)
    def assign(self, index: int, camera_id: int) -> bool:
        """Play `camera_id` in tile `index`, replacing what was there; False for an unknown camera."""
        camera = self._lookup(camera_id)
        if camera is None or not 0 <= index < self.tile_count:
            return False
        tile = self.tiles[index]
        if tile.camera is not None and tile.camera.id == camera_id:
            return True
        tile.clear()
        channel = self._factory(camera)
        tile.attach(camera, channel)
        channel.start()
        self.sig_channel_started.emit(camera, channel)
        self.sig_changed.emit()
        return True

    def set_attach_case(self, case_no: str) -> None:
        """Offer "attach snapshot to case `case_no`" in every tile's menu ('' withdraws it)."""
        for tile in self.tiles:
            tile.attach_case = case_no

    def assign_next_free(self, camera_id: int) -> int | None:
        """Double-click in the tree: the first empty tile takes the camera; None when the wall is full."""
        for i in range(self.tile_count):
            if self.tiles[i].camera is None:
                return i if self.assign(i, camera_id) else None
        return None

    @Slot(int, int)
    def swap(self, a: int, b: int) -> None:
        """Exchange two tiles' cameras, handing the running channels over (no reconnect)."""
        first, second = self.tiles[a].detach(), self.tiles[b].detach()
        self.tiles[a].attach(*second)
        self.tiles[b].attach(*first)
        self.sig_changed.emit()

    @Slot(int)
    def clear(self, index: int) -> None:
        self.tiles[index].clear()
        self.sig_changed.emit()

    def clear_all(self) -> None:
        for tile in self.tiles:
            tile.clear()
        self.sig_changed.emit()

    @Slot(int)
    def toggle_maximise(self, index: int) -> None:
        """Show one tile over the whole wall, or give the wall back."""
        visible = range(self.tile_count)
        if self.maximised is None:
            self.maximised = index
            for i in visible:
                self.tiles[i].setVisible(i == index)
        else:
            self.maximised = None
            for i in visible:
                self.tiles[i].show()

    def assignments(self) -> dict[int, int]:
        return {i: t.camera.id for i, t in enumerate(self.tiles[:self.tile_count]) if t.camera is not None}

    def preset(self, name: str) -> WallPreset:
        return WallPreset(name, self.layout_name, self.assignments())

    def apply(self, preset: WallPreset) -> None:
        self.set_layout(preset.layout)
        for i in range(self.tile_count):
            if i in preset.tiles:
                self.assign(i, preset.tiles[i])
            else:
                self.tiles[i].clear()

    @Slot(list)
    def show_page(self, camera_ids: list[int]) -> None:
        """Fill tiles 0..n-1 with these cameras (a tour page, or "cameras near here" nearest first)."""
        for i in range(self.tile_count):
            if i < len(camera_ids):
                self.assign(i, camera_ids[i])
            else:
                self.tiles[i].clear()
