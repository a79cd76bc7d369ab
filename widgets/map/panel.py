"""MapPanel: the self-contained 平安图 map for the main window's centre — canvas, search, zoom buttons,
layer panel and status strip, fed from the database in the background and kept live by the change feed.

Other panels drive it through `show_object`, `highlight`, `zoom_to_org_unit` and listen to its
`sig_*_clicked` and `sig_selection` signals."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from platformdirs import user_cache_dir
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QScrollArea,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.domain.geo import BBox
from console.domain.map_points import PointSet
from console.domain.map_tiles import BasemapSpec
from console.qtmodels.labels import fill
from console.qtmodels.map_basemap import Basemap
from console.qtmodels.map_boundaries import BoundariesLayer
from console.qtmodels.map_data import MapDataLoader
from console.qtmodels.map_heat import HeatLayer
from console.qtmodels.map_layer import PointLayer
from console.qtmodels.map_markers import CamerasLayer, IncidentsLayer, WorkersLayer
from console.qtmodels.map_premises import PremisesLayer
from console.qtmodels.map_tile_sources import BasemapError
from console.qtmodels.tasks import TaskRunner
from widgets.map.canvas import MapCanvas
from widgets.map.canvas_input import KEY_ZOOM
from widgets.map.identify_card import IdentifyCard
from widgets.map.layer_panel import LayerPanel
from widgets.map.overview import OverviewInset
from widgets.map.search import MapSearchBox
from widgets.map.tools import MeasureTool, PickPointTool
from widgets.map.zone_panel import ZonePanel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from console.services.jurisdiction import Actor

FLY_ZOOM = 18.0
CLOCK_TICK_MS = 60_000


class MapPanel(QWidget):
    sig_premise_clicked = Signal(int)
    sig_worker_clicked = Signal(int)
    sig_incident_clicked = Signal(int)
    sig_camera_clicked = Signal(int)
    sig_selection = Signal(dict)
    sig_cursor_lonlat = Signal(float, float)
    sig_loaded = Signal()
    """Every layer has arrived from the database."""

    def __init__(
        self,
        session_factory: Callable[[], Session],
        actor: Actor,
        basemaps: Sequence[BasemapSpec] = (),
        tile_cache_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.boundaries = BoundariesLayer(self)
        self.heat = HeatLayer(self)
        self.premises = PremisesLayer(self)
        self.incidents = IncidentsLayer(self)
        self.cameras = CamerasLayer(self)
        self.workers = WorkersLayer(self)
        self.canvas = MapCanvas(
            [self.boundaries, self.heat, self.premises, self.cameras, self.incidents, self.workers]
        )
        self.overview = OverviewInset(self.canvas, self.boundaries)
        self.loader = MapDataLoader(session_factory, actor, parent=self)
        self.card = IdentifyCard(TaskRunner(session_factory, max_threads=1, parent=self), actor, self.canvas)
        self.basemap_specs = {spec.name: spec for spec in basemaps}
        self.tile_cache_dir = Path(
            tile_cache_dir or Path(user_cache_dir("PinganConsole", appauthor=False)) / "tiles"
        )
        self._basemaps: dict[str, Basemap] = {}
        self._context_actions: list[tuple[str, Callable]] = []
        self.context_menu: QMenu | None = None
        self._pending_layers: set[str] = set()
        self._positioned = False
        self._build()
        self._connect()
        # Worker states and overdue marks depend on the time, not only on the data.
        self._clock = QTimer(self, interval=CLOCK_TICK_MS, timeout=self._tick)
        self._clock.start()

    def _build(self) -> None:
        self.search = MapSearchBox()
        bar = QHBoxLayout()
        bar.setContentsMargins(4, 4, 4, 0)
        bar.addWidget(self.search, 1)
        for text, tip, slot in [
            ("+", self.tr("Zoom in"), lambda: self.canvas.zoom_by(KEY_ZOOM)),
            ("−", self.tr("Zoom out"), lambda: self.canvas.zoom_by(1 / KEY_ZOOM)),
            ("⌂", self.tr("Whole district"), self.zoom_to_district),
            (self.tr("Distance"), self.tr("Measure a distance: click points, double-click to end"),
             lambda: self.canvas.set_tool(MeasureTool(area=False))),
            (self.tr("Area"), self.tr("Measure an area: click corners, double-click to end"),
             lambda: self.canvas.set_tool(MeasureTool(area=True))),
            (self.tr("Zone"), self.tr("Zone tool: rings around a point and what lies inside"),
             self.start_zone_pick),
        ]:
            button = QToolButton()
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            bar.addWidget(button)
        self.lasso_button = QToolButton()
        self.lasso_button.setText(self.tr("Lasso"))
        self.lasso_button.setToolTip(self.tr("Lasso selection: drag a free-hand line around objects "
                                             "(or Alt-drag)"))
        self.lasso_button.setCheckable(True)
        self.lasso_button.toggled.connect(self.canvas.set_lasso_mode)
        bar.addWidget(self.lasso_button)
        self.layer_panel = LayerPanel(self.canvas.layers, list(self.basemap_specs))
        scroll = QScrollArea()
        scroll.setWidget(self.layer_panel)
        scroll.setWidgetResizable(True)
        self.zone_panel = ZonePanel(lambda: {layer.name: layer.points for layer in self.canvas.layers
                                             if isinstance(layer, PointLayer)})
        self.side_tabs = QTabWidget()
        self.side_tabs.addTab(scroll, self.tr("Layers"))
        self.side_tabs.addTab(self.zone_panel, self.tr("Zone"))
        self.side_tabs.setFixedWidth(280)
        middle = QHBoxLayout()
        middle.setContentsMargins(0, 0, 0, 0)
        middle.addWidget(self.canvas, 1)
        middle.addWidget(self.side_tabs)
        self.coords_label = QLabel()
        self.notice_label = QLabel()
        self.notice_label.setStyleSheet("color: #8d6e63")
        status = QHBoxLayout()
        status.setContentsMargins(6, 0, 6, 2)
        status.addWidget(self.coords_label)
        status.addStretch(1)
        status.addWidget(self.notice_label)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(2)
        outer.addLayout(bar)
        outer.addLayout(middle, 1)
        outer.addLayout(status)

    def _connect(self) -> None:
        c = self.canvas
        c.sig_object_clicked.connect(self.card.request)
        c.sig_premise_clicked.connect(self.sig_premise_clicked)
        c.sig_worker_clicked.connect(self.sig_worker_clicked)
        c.sig_incident_clicked.connect(self.sig_incident_clicked)
        c.sig_camera_clicked.connect(self.sig_camera_clicked)
        c.sig_selection.connect(self.sig_selection)
        c.sig_cursor_lonlat.connect(self.sig_cursor_lonlat)
        c.sig_cursor_lonlat.connect(self._show_cursor)
        c.renderer.failed.connect(lambda name, error: self.notice_label.setText(error))
        self.loader.layer_loaded.connect(self._layer_loaded)
        self.loader.boundaries_loaded.connect(self._boundaries_loaded)
        self.loader.rows_loaded.connect(self.apply_rows)
        self.loader.search_done.connect(self.search.show_results)
        self.loader.unit_located.connect(lambda _id, box: box is not None and self.zoom_to_bbox(box))
        self.loader.failed.connect(self.notice_label.setText)
        self.heat.wanted.connect(self.loader.load_heat)
        self.loader.heat_loaded.connect(self.heat.accept)
        self.search.search_requested.connect(self.loader.search)
        self.search.premise_chosen.connect(lambda pid: self.show_object("premises", pid))
        self.layer_panel.basemap_chosen.connect(self.set_basemap)
        self.zone_panel.pick_requested.connect(self.start_zone_pick)
        self.zone_panel.zone_changed.connect(self._zone_changed)
        c.sig_context_menu.connect(self._context_menu)

    def _tick(self) -> None:
        self.incidents.invalidate()
        self.heat.refresh()
        self.canvas.update()

    def _show_cursor(self, lon: float, lat: float) -> None:
        self.coords_label.setText(fill(self.tr("%1, %2 (WGS-84)"), f"{lon:.6f}", f"{lat:.6f}"))

    # ----- data

    def reload(self) -> None:
        """Load every layer for the actor's jurisdiction (in the background)."""
        self._pending_layers = {"boundaries", "premises", "incidents", "cameras", "workers"}
        self.loader.load_all()

    def is_loaded(self) -> bool:
        return not self._pending_layers and not self.loader.busy()

    def _boundaries_loaded(self, boundaries: list) -> None:
        self.boundaries.set_boundaries(boundaries)
        self.canvas.home_bbox = self.boundaries.extent_of() or self.canvas.home_bbox
        self._arrived("boundaries")

    def _layer_loaded(self, name: str, points: PointSet) -> None:
        self.canvas.layer(name).set_points(points)
        self.zone_panel.recompute()
        if name == "premises" and self.canvas.home_bbox is None and len(points):
            self.canvas.home_bbox = BBox(
                float(points.lon.min()),
                float(points.lat.min()),
                float(points.lon.max()),
                float(points.lat.max()),
            )
        self._arrived(name)

    def _arrived(self, name: str) -> None:
        self._pending_layers.discard(name)
        if (
            not self._positioned
            and self.canvas.home_bbox is not None
            and ("boundaries" not in self._pending_layers or name == "boundaries")
        ):
            self._positioned = True
            self.canvas.zoom_home()
        if not self._pending_layers:
            self.sig_loaded.emit()

    def apply_changes(self, entries: Iterable) -> None:
        """Change-feed entries (with .entity, .entity_id): the rows they name are reloaded and redrawn."""
        self.loader.apply_changes(entries)

    def apply_rows(self, name: str, points: PointSet, removed_ids=()) -> None:
        """Put changed rows on a layer. A pure recolour of premises is stamped into the current picture at
        once; anything else re-renders only that layer in the background."""
        layer = self.canvas.layer(name)
        before, version = layer.points, layer.data_version
        layer.merge(points, list(removed_ids))
        self.zone_panel.recompute()
        if name != "premises" or len(removed_ids):
            return
        rows = before.index_of(points.ids)
        result = self.canvas.renderer.result(name)
        if (
            result is None
            or result.data_version != version
            or (rows < 0).any()
            or np.any(before.lon[rows] != points.lon)
            or np.any(before.lat[rows] != points.lat)
        ):
            return
        patched = self.premises.patch(result, points.ids)
        if patched is not None:
            self.canvas.renderer.replace_result(name, patched)
            self.canvas.update()

    def update_worker_positions(self, ids, lon, lat, t) -> None:
        """Live GPS fixes (epoch seconds in `t`); unknown workers are loaded from the database."""
        unknown = self.workers.move(ids, lon, lat, t)
        if len(unknown):
            self.loader.refresh("workers", unknown.tolist())

    # ----- basemap

    def set_basemap(self, name: str | None) -> None:
        """Switch to a configured basemap by name; None or "" shows boundaries only."""
        basemap = None
        if name:
            if name not in self._basemaps:
                try:
                    self._basemaps[name] = Basemap(self.basemap_specs[name], self.tile_cache_dir, parent=self)
                except (BasemapError, KeyError) as exc:
                    self.notice_label.setText(str(exc))
                    return
                self._basemaps[name].notice.connect(self.notice_label.setText)
            basemap = self._basemaps[name]
        self.boundaries.set_fill_alpha(35 if basemap is not None else 90)
        self.canvas.set_basemap(basemap)
        combo = self.layer_panel.basemap_combo
        combo.blockSignals(True)
        combo.setCurrentIndex(max(combo.findData(name or ""), 0))
        combo.blockSignals(False)

    # ----- tools and the right-click menu

    def start_zone_pick(self) -> None:
        """Show the zone panel and let the next click on the map be the zone's centre."""
        self.side_tabs.setCurrentWidget(self.zone_panel)
        self.canvas.set_tool(PickPointTool(self.zone_panel.set_center))

    def _zone_changed(self, zone) -> None:
        self.canvas.zone = zone
        self.canvas.update()

    def add_context_action(self, text: str,
                           callback: Callable[[float, float, tuple[str, int] | None], None]) -> None:
        """Offer an action in the map's right-click menu; it gets the WGS-84 point and the object under it
        (layer name, id) or None — e.g. "dispatch here" from the inbox, "cameras near here" from the wall."""
        self._context_actions.append((text, callback))

    def _context_menu(self, global_pos: QPoint, lon: float, lat: float, hit) -> None:
        menu = QMenu(self)
        for text, callback in self._context_actions:
            menu.addAction(text, lambda cb=callback: cb(lon, lat, hit))
        if self._context_actions:
            menu.addSeparator()
        menu.addAction(self.tr("Zone centred here"), lambda: self._zone_here(lon, lat))
        menu.addAction(self.tr("Copy coordinates"),
                       lambda: QGuiApplication.clipboard().setText(f"{lon:.6f},{lat:.6f}"))
        self.context_menu = menu
        menu.popup(global_pos)

    def _zone_here(self, lon: float, lat: float) -> None:
        self.side_tabs.setCurrentWidget(self.zone_panel)
        self.zone_panel.set_center(lon, lat)

    # ----- navigation for other panels

    def zoom_to_bbox(self, box: BBox) -> None:
        self.canvas.zoom_to_bbox(box)

    def zoom_to_district(self) -> None:
        self.canvas.zoom_home()

    def zoom_to_org_unit(self, unit_id: int) -> None:
        box = self.boundaries.extent_of(unit_id)
        if box is not None:
            self.zoom_to_bbox(box)
        else:
            self.loader.locate_unit(unit_id)

    def fly_to(self, lon: float, lat: float, zoom: float = FLY_ZOOM) -> None:
        self.canvas.center_on(lon, lat, zoom)

    def show_object(self, kind: str, obj_id: int) -> bool:
        """Centre on an object of layer `kind` and ring it; False when it is not on the map."""
        position = self.canvas.layer(kind).position_of(obj_id)
        if position is None:
            return False
        self.canvas.focus_object = (kind, obj_id)
        self.canvas.center_on(*position, max(self.canvas.view.zoom, FLY_ZOOM))
        return True

    def highlight(self, kind: str, ids: Iterable[int]) -> None:
        """Ring these objects (e.g. an inbox selection) without moving the map."""
        self.canvas.selection = {kind: sorted(int(i) for i in ids)}
        self.canvas.update()

    def screen_of(self, lon: float, lat: float) -> QPointF:
        """Where a WGS-84 point is on the canvas now."""
        return QPointF(*self.canvas.screen_of(lon, lat))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_F and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.search.setFocus()
            self.search.selectAll()
        else:
            super().keyPressEvent(event)
