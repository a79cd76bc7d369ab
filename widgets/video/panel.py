"""The video wall panel (视频墙): camera tree, toolbar (layout, presets, tour, tear-off) and the wall.

The wall can be torn off into a top-level window for a second screen; closing that window docks it back."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.qtmodels.labels import fill
from console.qtmodels.video_camera_tree import CameraTreeModel
from console.qtmodels.video_health import CameraHealth
from console.qtmodels.video_incident import IncidentLink
from console.qtmodels.video_presets import PresetStore, Tour
from widgets.video.camera_tree import CameraTreePanel
from widgets.video.layouts import LAYOUTS
from widgets.video.wall import ChannelFactory, VideoWall, default_channel

NEAR_RADIUS_M = 500.0


class VideoPanel(QWidget):
    sig_message = Signal(str)  # a short outcome for the status bar (snapshot attached or refused)

    def __init__(self, model: CameraTreeModel, presets: PresetStore | None = None,
                 channel_factory: ChannelFactory = default_channel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.health: CameraHealth | None = None
        self.incident_link: IncidentLink | None = None
        self.presets = presets or PresetStore()
        self.tree = CameraTreePanel(model, self)
        self.wall = VideoWall(model.camera, channel_factory)
        self.tour = Tour(self)
        self.tour.sig_page.connect(self.wall.show_page)
        self.tree.sig_camera_activated.connect(self.wall.assign_next_free)

        self.layout_box = QComboBox()
        for name in LAYOUTS:
            self.layout_box.addItem(name, name)
        self.layout_box.setCurrentText(self.wall.layout_name)
        self.layout_box.currentTextChanged.connect(self.wall.set_layout)
        self.preset_box = QComboBox()
        self.preset_box.setMinimumContentsLength(10)
        self.preset_box.activated.connect(self._recall_selected)
        save = QPushButton(self.tr("Save preset"))
        save.clicked.connect(self._save_preset_dialog)
        self.tour_interval = QSpinBox(minimum=5, maximum=600, value=15, suffix=self.tr(" s"))
        self.tour_button = QPushButton(self.tr("Start tour"), checkable=True)
        self.tour_button.toggled.connect(self._toggle_tour)
        self.tear_button = QPushButton(self.tr("Tear off"), checkable=True)
        self.tear_button.toggled.connect(self.set_torn_off)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Layout")))
        bar.addWidget(self.layout_box)
        bar.addWidget(QLabel(self.tr("Preset")))
        bar.addWidget(self.preset_box)
        bar.addWidget(save)
        bar.addStretch(1)
        bar.addWidget(QLabel(self.tr("Tour")))
        bar.addWidget(self.tour_interval)
        bar.addWidget(self.tour_button)
        bar.addWidget(self.tear_button)
        self.wall_host = QWidget()
        host_layout = QVBoxLayout(self.wall_host)
        host_layout.setContentsMargins(0, 0, 0, 0)
        host_layout.addWidget(self.wall)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.wall_host, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 800])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)
        self.torn_window: QWidget | None = None
        self.refresh_presets()

    def use_health(self, health: CameraHealth) -> None:
        """Let every camera the wall starts report its stream state to `health` (online flag upkeep)."""
        self.health = health
        self.wall.sig_channel_started.connect(lambda cam, ch: health.watch(cam.id, cam.online, ch))

    def use_incident_link(self, link: IncidentLink) -> None:
        """Offer "attach snapshot to case" in the tiles while `link` has a case."""
        self.incident_link = link
        link.sig_incident.connect(lambda cid, case_no: self.wall.set_attach_case(case_no if cid else ""))
        link.sig_attached.connect(lambda _cid, _aid: self.sig_message.emit(fill(
            self.tr("Snapshot attached to case %1."), link.case_no)))
        link.sig_failed.connect(lambda why: self.sig_message.emit(fill(
            self.tr("The snapshot was not attached: %1"), why)))
        self.wall.sig_attach_snapshot.connect(self.attach_snapshot)
        self.wall.set_attach_case(link.case_no if link.incident_id else "")

    @Slot(int)
    def attach_snapshot(self, index: int) -> bool:
        """Save tile `index`'s picture as PNG and send it to the current case (the link reports the outcome);
        False when there is no picture or no case."""
        if self.incident_link is None:
            return False
        path = self.wall.tiles[index].snapshot()
        if path is None:
            self.sig_message.emit(self.tr("The tile has no picture to attach."))
            return False
        return self.incident_link.attach(path)

    # -- presets -------------------------------------------------------------------------------------------
    def refresh_presets(self) -> None:
        self.preset_box.clear()
        self.preset_box.addItems(self.presets.names())

    def save_preset(self, name: str) -> None:
        self.presets.save(self.wall.preset(name))
        self.refresh_presets()
        self.preset_box.setCurrentText(name)

    def recall_preset(self, name: str) -> bool:
        preset = self.presets.load(name)
        if preset is None:
            return False
        self.tour_button.setChecked(False)
        self.wall.apply(preset)
        self.layout_box.setCurrentText(preset.layout)
        return True

    @Slot()
    def _save_preset_dialog(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save preset"), self.tr("Preset name:"))
        if ok and name.strip():
            self.save_preset(name.strip())

    @Slot(int)
    def _recall_selected(self, _row: int) -> None:
        self.recall_preset(self.preset_box.currentText())

    # -- tour and "cameras near here" ----------------------------------------------------------------------
    @Slot(bool)
    def _toggle_tour(self, on: bool) -> None:
        if on:
            ids = [c.id for c in self.model.cameras() if c.online]
            self.tour.start(ids, self.wall.tile_count, self.tour_interval.value())
            self.tour_button.setText(self.tr("Stop tour"))
        else:
            self.tour.stop()
            self.tour_button.setText(self.tr("Start tour"))

    def show_cameras_near(self, lon: float, lat: float, radius_m: float = NEAR_RADIUS_M) -> list[int]:
        """周边视频: fill the wall with the nearest online cameras within `radius_m`, nearest in tile 0."""
        self.tour_button.setChecked(False)
        ids = [c.id for c in self.model.cameras_near(lon, lat, radius_m, self.wall.tile_count)]
        self.wall.show_page(ids)
        return ids

    # -- tear-off ------------------------------------------------------------------------------------------
    @Slot(bool)
    def set_torn_off(self, torn: bool) -> None:
        if torn and self.torn_window is None:
            window = QWidget(None, Qt.WindowType.Window)
            window.setWindowTitle(self.tr("Video wall"))
            layout = QVBoxLayout(window)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(self.wall)
            window.installEventFilter(self)
            window.resize(self.wall_host.size().expandedTo(self.wall.minimumSizeHint()))
            window.show()
            self.torn_window = window
        elif not torn and self.torn_window is not None:
            window, self.torn_window = self.torn_window, None
            window.removeEventFilter(self)
            self.wall_host.layout().addWidget(self.wall)
            window.close()
            window.deleteLater()
        self.tear_button.setChecked(self.torn_window is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.torn_window and event.type() == QEvent.Type.Close:
            self.set_torn_off(False)
        return super().eventFilter(watched, event)

    def shutdown(self) -> None:
        """Release every player (the main window calls this on close)."""
        self.tour.stop()
        self.wall.clear_all()
        self.set_torn_off(False)
