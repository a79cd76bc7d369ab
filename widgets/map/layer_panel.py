"""The layer panel (图层): basemap choice, each layer's visibility and opacity, and the premises filters."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from console.domain.incident_catalog import CATEGORIES
from console.domain.map_classes import PREMISE_STATUSES
from console.domain.map_heat import HEAT_PERIODS_DAYS
from console.domain.map_points import PointSet
from console.qtmodels.map_heat import HeatLayer
from console.qtmodels.map_layer import MapLayer
from console.qtmodels.map_premises import PremisesLayer, status_title
from console.qtmodels.map_style import PREMISE_COLORS


def _swatch(color: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(color))
    return QIcon(pix)


def status_filter(shown: set[int]) -> Callable[[PointSet], np.ndarray]:
    codes = np.array(sorted(shown), dtype=np.int8)
    return lambda points: np.isin(points.cat, codes)


class LayerPanel(QWidget):
    basemap_chosen = Signal(str)
    """The basemap's name, or "" for none."""

    def __init__(
        self, layers: list[MapLayer], basemap_names: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mapLayerPanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        outer.addWidget(QLabel(self.tr("Basemap")))
        self.basemap_combo = QComboBox()
        self.basemap_combo.addItem(self.tr("None (boundaries only)"), "")
        for name in basemap_names:
            self.basemap_combo.addItem(name, name)
        self.basemap_combo.currentIndexChanged.connect(
            lambda _i: self.basemap_chosen.emit(self.basemap_combo.currentData())
        )
        outer.addWidget(self.basemap_combo)
        self.visibility: dict[str, QCheckBox] = {}
        self.opacity: dict[str, QSlider] = {}
        for layer in reversed(layers):
            outer.addWidget(self._layer_box(layer))
        outer.addStretch(1)

    def _layer_box(self, layer: MapLayer) -> QGroupBox:
        box = QGroupBox()
        col = QVBoxLayout(box)
        col.setContentsMargins(6, 4, 6, 4)
        check = QCheckBox(layer.title)
        check.setChecked(layer.visible)
        check.toggled.connect(layer.set_visible)
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(0, 100)
        slider.setValue(round(layer.opacity * 100))
        slider.setToolTip(self.tr("Opacity"))
        slider.valueChanged.connect(lambda v, lay=layer: lay.set_opacity(v / 100))
        self.visibility[layer.name], self.opacity[layer.name] = check, slider
        col.addWidget(check)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Opacity")))
        row.addWidget(slider, 1)
        col.addLayout(row)
        if isinstance(layer, PremisesLayer):
            col.addLayout(self._status_filters(layer))
            clusters = QCheckBox(self.tr("Clusters when zoomed out"))
            clusters.setChecked(layer.clustering)
            clusters.toggled.connect(layer.set_clustering)
            col.addWidget(clusters)
        if isinstance(layer, HeatLayer):
            col.addLayout(self._heat_choices(layer))
        return box

    def _heat_choices(self, layer: HeatLayer) -> QHBoxLayout:
        """Period and category of the incidents the heat map counts."""
        self.heat_period = QComboBox()
        for days in HEAT_PERIODS_DAYS:
            self.heat_period.addItem(self.tr("Last %n days", "", days), days)
        self.heat_period.setCurrentIndex(self.heat_period.findData(layer.period_days))
        self.heat_period.currentIndexChanged.connect(
            lambda _i: layer.set_period(self.heat_period.currentData())
        )
        self.heat_category = QComboBox()
        self.heat_category.addItem(self.tr("All categories"), "")
        for category in CATEGORIES:
            self.heat_category.addItem(category.label, category.key)
        self.heat_category.currentIndexChanged.connect(
            lambda _i: layer.set_category(self.heat_category.currentData() or None)
        )
        row = QHBoxLayout()
        row.addWidget(self.heat_period)
        row.addWidget(self.heat_category, 1)
        return row

    def _status_filters(self, layer: PremisesLayer) -> QHBoxLayout:
        row = QHBoxLayout()
        self.status_checks: list[QCheckBox] = []

        def refresh() -> None:
            shown = {code for code, c in enumerate(self.status_checks) if c.isChecked()}
            layer.set_filter(None if len(shown) == len(PREMISE_STATUSES) else status_filter(shown))

        for code in range(len(PREMISE_STATUSES)):
            check = QCheckBox()
            check.setIcon(_swatch(PREMISE_COLORS[code]))
            check.setToolTip(status_title(code))
            check.setChecked(True)
            check.toggled.connect(refresh)
            self.status_checks.append(check)
            row.addWidget(check)
        row.addStretch(1)
        return row
