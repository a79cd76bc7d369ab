"""The zone tool's panel (区域划定): the centre picked on the map, three radii, and what lies inside each
ring — premises, grid workers, cameras and open incidents — with an export to XLSX."""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.domain.map_points import PointSet
from console.domain.map_zone import RING_KEYS, Zone, format_distance
from console.qtmodels.labels import fill
from console.qtmodels.map_zone import ZONE_LAYERS, ZoneMember, export_zone_xlsx, ring_counts, zone_members

DEFAULT_RADII_M = (300, 1000, 3000)


class ZonePanel(QWidget):
    zone_changed = Signal(object)
    """The Zone now shown (None when cleared)."""
    pick_requested = Signal()
    """The operator wants to click the centre on the map."""

    def __init__(self, points_of: Callable[[], dict[str, PointSet]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points_of = points_of
        self.zone: Zone | None = None
        self.members: list[ZoneMember] = []
        self.ring_titles = {"sealed": self.tr("Sealed zone"), "controlled": self.tr("Controlled zone"),
                            "precaution": self.tr("Precaution zone")}
        self.layer_titles = {"premises": self.tr("Premises"), "workers": self.tr("Grid workers"),
                             "cameras": self.tr("Cameras"), "incidents": self.tr("Open incidents")}
        self.centre_label = QLabel(self.tr("Click “Pick centre”, then a point on the map."))
        self.centre_label.setWordWrap(True)
        pick = QPushButton(self.tr("Pick centre"))
        pick.clicked.connect(self.pick_requested)
        form = QFormLayout()
        self.radius_boxes: list[QSpinBox] = []
        for key, default in zip(RING_KEYS, DEFAULT_RADII_M):
            box = QSpinBox()
            box.setRange(10, 50_000)
            box.setSingleStep(50)
            box.setSuffix(" m")
            box.setValue(default)
            box.valueChanged.connect(self.recompute)
            self.radius_boxes.append(box)
            form.addRow(self.ring_titles[key], box)
        self.summary = QLabel()
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Distance")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.export_button = QPushButton(self.tr("Export to XLSX…"))
        self.export_button.clicked.connect(self._export_clicked)
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.clear)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(clear)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.centre_label)
        layout.addWidget(pick)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._refresh_buttons()

    def radii(self) -> tuple[float, float, float]:
        return tuple(float(b.value()) for b in self.radius_boxes)

    def set_center(self, lon: float, lat: float) -> None:
        self.zone = Zone(lon, lat, self.radii())
        self.centre_label.setText(fill(self.tr("Centre %1, %2 (WGS-84)"), f"{lon:.6f}", f"{lat:.6f}"))
        self.recompute()

    def recompute(self) -> None:
        """Re-run the rings (radii edited, centre moved or the layers changed)."""
        if self.zone is None:
            return
        radii = self.radii()
        if not radii[0] < radii[1] < radii[2]:
            self.centre_label.setText(self.tr("Each ring must be larger than the one inside it."))
            return
        self.zone = Zone(self.zone.lon, self.zone.lat, radii)
        self.members = zone_members(self.zone, self.points_of())
        self._fill_tree()
        self._refresh_buttons()
        self.zone_changed.emit(self.zone)

    def _fill_tree(self) -> None:
        self.tree.clear()
        counts = ring_counts(self.members)
        # Kinds down, rings across (headed by their radius): narrow enough for the side panel.
        head = "".join(f"<th align='right'>{format_distance(r)}</th>" for r in self.zone.radii_m)
        body = "".join(
            f"<tr><td>{self.layer_titles[name]}</td>"
            + "".join(f"<td align='right'>{counts.get((k, name), 0)}</td>" for k in range(len(RING_KEYS)))
            + "</tr>"
            for name in ZONE_LAYERS)
        self.summary.setText(f"<table cellspacing='3'><tr><th></th>{head}</tr>{body}</table>")
        for k, key in enumerate(RING_KEYS):
            ring = QTreeWidgetItem([f"{self.ring_titles[key]} ≤ {format_distance(self.zone.radii_m[k])}", ""])
            self.tree.addTopLevelItem(ring)
            for name in ZONE_LAYERS:
                rows = [m for m in self.members if m.ring == k and m.layer == name]
                if not rows:
                    continue
                group = QTreeWidgetItem([fill("%1 (%2)", self.layer_titles[name], len(rows)), ""])
                ring.addChild(group)
                for m in rows:
                    item = QTreeWidgetItem([m.name or str(m.id), format_distance(m.distance_m)])
                    item.setData(0, Qt.ItemDataRole.UserRole, (m.layer, m.id))
                    group.addChild(item)
            ring.setExpanded(True)

    def clear(self) -> None:
        self.zone, self.members = None, []
        self.tree.clear()
        self.summary.clear()
        self.centre_label.setText(self.tr("Click “Pick centre”, then a point on the map."))
        self._refresh_buttons()
        self.zone_changed.emit(None)

    def _refresh_buttons(self) -> None:
        self.export_button.setEnabled(self.zone is not None)

    def _export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export zone"), "zone.xlsx", "Excel (*.xlsx)")
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        headers = [self.tr("Summary"), self.tr("Kind"), self.tr("ID"), self.tr("Name"),
                   self.tr("Distance (m)"), self.tr("Longitude"), self.tr("Latitude")]
        export_zone_xlsx(path, self.zone, self.members, self.ring_titles, self.layer_titles, headers)
