"""Layers of a few hundred to a few thousand objects drawn as sprites: incidents, cameras, grid workers.

Incidents and cameras render in the background like the premises. Workers move every second, so their
layer paints straight onto the canvas each frame (≈1 ms for 1,000 sprites, measured in tests/bench): a
position update only swaps arrays and asks for a repaint, it never re-renders a cached image."""

from __future__ import annotations

from collections.abc import Hashable

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QImage, QPainter

from console.domain.map_classes import (
    INCIDENT_CLASSES,
    ONLINE_WITHIN_S,
    PRIORITY_LEVELS,
    STALE_WITHIN_S,
    overdue,
    worker_states,
)
from console.domain.map_points import PointSet
from console.domain.map_raster import cluster
from console.domain.map_view import MapView
from console.qtmodels.map_clusters import CLUSTER_CELL_PX, PointsMeta, cluster_sprite, paint_clusters, shares
from console.qtmodels.map_layer import PointLayer, RenderFn, apply_filter, begin_painter, new_image
from console.qtmodels.map_style import (
    CAMERA_COLORS,
    INCIDENT_COLORS,
    OVERDUE_COLOR,
    WORKER_COLORS,
    Sprite,
    camera_sprite,
    dot_sprite,
    label_font,
    pin_sprite,
    place_labels,
    worker_sprite,
)

_PIN_RADIUS = (8.0, 6.8, 5.8)
"""Pin head radius by priority code: urgent cases stand out."""
FAR_RES = 8.0
"""Coarser than this (district view) symbols shrink, so hundreds of them do not bury the premises."""
FAR_SCALE = 0.7
_CLUSTER_COLORS = (INCIDENT_COLORS[1], OVERDUE_COLOR)
"""Incident clusters: on time in the in-progress purple, overdue in red."""
INCIDENT_CLUSTER_MIN = 6
"""From the district view, cells with fewer open cases show them one by one."""


def _scale(view: MapView, far_res: float = FAR_RES) -> float:
    return FAR_SCALE if view.res > far_res else 1.0


_TEXT = {
    "awaiting_acceptance": QT_TRANSLATE_NOOP("MapLegend", "Awaiting acceptance"),
    "awaiting_verification": QT_TRANSLATE_NOOP("MapLegend", "Awaiting verification"),
    "camera": QT_TRANSLATE_NOOP("MapLegend", "Camera"),
    "camera_offline": QT_TRANSLATE_NOOP("MapLegend", "Camera offline"),
    "cameras": QT_TRANSLATE_NOOP("MapLegend", "Cameras"),
    "grid_workers": QT_TRANSLATE_NOOP("MapLegend", "Grid workers"),
    "in_progress": QT_TRANSLATE_NOOP("MapLegend", "In progress"),
    "incident_cluster": QT_TRANSLATE_NOOP("MapLegend", "Incident cluster: overdue share in red"),
    "incidents": QT_TRANSLATE_NOOP("MapLegend", "Incidents"),
    "offline": QT_TRANSLATE_NOOP("MapLegend", "Offline"),
    "online": QT_TRANSLATE_NOOP("MapLegend", "Online"),
    "overdue": QT_TRANSLATE_NOOP("MapLegend", "Overdue"),
    "position_stale": QT_TRANSLATE_NOOP("MapLegend", "Position stale"),
    "worker_offline": QT_TRANSLATE_NOOP("MapLegend", "Worker offline"),
    "worker_online": QT_TRANSLATE_NOOP("MapLegend", "Worker online"),
    "worker_position_stale": QT_TRANSLATE_NOOP("MapLegend", "Worker position stale"),
}
"""Legend and tooltip words, marked for lupdate; looked up by key so the literal stays in one place."""


def _tr(key: str) -> str:
    return QCoreApplication.translate("MapLegend", _TEXT[key])


class MarkerLayer(PointLayer):
    """A sprite per object, chosen by `keys`; names beside them at close zoom."""

    labels_below_res = 2.0
    labels_up_to = 150
    small_from_res = FAR_RES
    """Coarser than this, the small sprites are used."""

    def sprites(self, dpr: float, scale: float = 1.0) -> dict[Hashable, Sprite]:
        raise NotImplementedError

    def keys(self, points: PointSet, rows: np.ndarray, now: float) -> list[Hashable]:
        raise NotImplementedError

    def paint_points(
        self,
        painter: QPainter,
        view: MapView,
        datum: str,
        points: PointSet,
        mask: np.ndarray | None,
        now: float,
        sprites: dict[Hashable, Sprite],
    ) -> None:
        mx, my = points.display(datum)
        sx, sy = view.to_screen(mx, my)
        pad = 24
        inside = (sx > -pad) & (sx < view.width + pad) & (sy > -pad) & (sy < view.height + pad)
        if mask is not None:
            inside &= mask
        rows = np.flatnonzero(inside)
        xs, ys = sx[rows].tolist(), sy[rows].tolist()
        if view.res <= self.labels_below_res and len(rows) <= self.labels_up_to:
            place_labels(
                painter,
                [(x, y, str(points.names[k])) for k, x, y in zip(rows.tolist(), xs, ys)],
                label_font(8.5),
                11,
            )
        for key, x, y in zip(self.keys(points, rows, now), xs, ys):
            sprites[key].draw(painter, x, y)

    def render_fn(self) -> RenderFn:
        points, fn, now = self.points, self.filter, self.clock()

        def render(view: MapView, datum: str) -> tuple[QImage, PointsMeta]:
            img = new_image(view)
            mask = apply_filter(fn, points)
            meta = self.paint_far(img, view, datum, points, mask, now)
            if meta is not None:
                return img, meta
            painter = begin_painter(img)
            self.paint_points(painter, view, datum, points, mask, now,
                              self.sprites(view.dpr, _scale(view, self.small_from_res)))
            painter.end()
            return img, PointsMeta("markers")

        return render

    def paint_far(self, img: QImage, view: MapView, datum: str, points: PointSet,
                       mask: np.ndarray | None, now: float) -> PointsMeta | None:
        """Layers that cluster from far out draw that here and say what they drew; None: draw markers."""
        return None


class IncidentsLayer(MarkerLayer):
    """Open cases as pins: colour by stage, size by priority, a red ring when past the deadline. From the
    district view, where thousands of open cases would bury everything, they cluster by cell with the
    overdue share in red."""

    def __init__(self, parent=None) -> None:
        super().__init__("incidents", _tr("incidents"), parent)
        # Street level already holds hundreds of open cases in a busy district: dots, not pins.
        self.small_from_res = 2.5
        # Only the renderer's one in-flight job for this layer touches it.
        self._cluster_sprites: dict = {}

    def paint_far(self, img: QImage, view: MapView, datum: str, points: PointSet,
                       mask: np.ndarray | None, now: float) -> PointsMeta | None:
        if view.res <= FAR_RES:
            return None
        rows = np.arange(len(points)) if mask is None else np.flatnonzero(mask)
        mx, my = points.display(datum)
        late = overdue(points.t[rows], now).astype(np.int8)
        # Half a cell off the premises' lattice, so the two layers' discs sit side by side.
        clusters = cluster(view, mx[rows], my[rows], late, 2, CLUSTER_CELL_PX, INCIDENT_CLUSTER_MIN, 0.5)
        loose = rows[clusters.loose]
        only_loose = np.zeros(len(points), dtype=bool)
        only_loose[loose] = True
        painter = begin_painter(img)
        self.paint_points(painter, view, datum, points, only_loose, now, self.sprites(view.dpr, FAR_SCALE))
        painter.end()
        paint_clusters(img, view, clusters, _CLUSTER_COLORS, self._cluster_sprites)
        return PointsMeta("clusters", clusters, frozenset(points.ids[loose].tolist()))

    def sprites(self, dpr: float, scale: float = 1.0) -> dict[Hashable, Sprite]:
        """Pins up close; from the district view small dots, so thousands of open cases do not bury the
        premises (overdue ones keep their red ring)."""
        if scale < 1.0:
            return {
                (c, p, o): dot_sprite(INCIDENT_COLORS[c], 2.2 + 0.6 * (PRIORITY_LEVELS - p), dpr,
                                      OVERDUE_COLOR if o else None)
                for c in range(len(INCIDENT_CLASSES))
                for p in range(PRIORITY_LEVELS)
                for o in (False, True)
            }
        return {
            (c, p, o): pin_sprite(INCIDENT_COLORS[c], _PIN_RADIUS[p], dpr, o)
            for c in range(len(INCIDENT_CLASSES))
            for p in range(PRIORITY_LEVELS)
            for o in (False, True)
        }

    def keys(self, points: PointSet, rows: np.ndarray, now: float) -> list[Hashable]:
        late = overdue(points.t[rows], now)
        return list(zip(points.cat[rows].tolist(), points.sym[rows].tolist(), late.tolist()))

    def describe(self, obj_id: int) -> str:
        row = self.row_of(obj_id)
        if row < 0:
            return ""
        stage = (_tr("awaiting_acceptance"), _tr("in_progress"), _tr("awaiting_verification"))[
            self.points.cat[row]
        ]
        late = f" · {_tr('overdue')}" if overdue(self.points.t[row : row + 1], self.clock())[0] else ""
        return f"{self.points.names[row]}\n{stage}{late}"

    def legend(self, dpr: float) -> list[tuple[Sprite, str]]:
        sprites = self.sprites(dpr)
        return [
            (sprites[(0, 1, False)], _tr("awaiting_acceptance")),
            (sprites[(1, 1, False)], _tr("in_progress")),
            (sprites[(2, 1, False)], _tr("awaiting_verification")),
            (sprites[(1, 1, True)], _tr("overdue")),
            (cluster_sprite(9, shares([3, 1]), _CLUSTER_COLORS, dpr), _tr("incident_cluster")),
        ]


class CamerasLayer(MarkerLayer):
    def __init__(self, parent=None) -> None:
        super().__init__("cameras", _tr("cameras"), parent)
        self.labels_below_res = 1.0

    def sprites(self, dpr: float, scale: float = 1.0) -> dict[Hashable, Sprite]:
        return {
            0: camera_sprite(CAMERA_COLORS[0], dpr, False, scale),
            1: camera_sprite(CAMERA_COLORS[1], dpr, True, scale),
        }

    def keys(self, points: PointSet, rows: np.ndarray, now: float) -> list[Hashable]:
        return points.cat[rows].tolist()

    def describe(self, obj_id: int) -> str:
        row = self.row_of(obj_id)
        if row < 0:
            return ""
        return f"{self.points.names[row]}\n{_tr('online') if self.points.cat[row] == 0 else _tr('offline')}"

    def legend(self, dpr: float) -> list[tuple[Sprite, str]]:
        sprites = self.sprites(dpr)
        return [(sprites[0], _tr("camera")), (sprites[1], _tr("camera_offline"))]


class WorkersLayer(MarkerLayer):
    """Grid workers at their last fix: online / stale / offline by the fix's age, names at close zoom."""

    threaded = False

    def __init__(self, parent=None) -> None:
        super().__init__("workers", _tr("grid_workers"), parent)
        self.labels_below_res = 3.0
        self._sprites: dict[tuple[float, float], dict[Hashable, Sprite]] = {}
        self.thresholds: tuple[float, float] = (ONLINE_WITHIN_S, STALE_WITHIN_S)
        """(online within, stale within) seconds of the last fix; see console.domain.live_status."""

    def set_thresholds(self, online_within_s: float, stale_within_s: float) -> None:
        self.thresholds = (online_within_s, stale_within_s)
        self.redraw.emit()

    def sprites(self, dpr: float, scale: float = 1.0) -> dict[Hashable, Sprite]:
        """Offline workers are half-size (where someone was hours ago matters less than who is out now), and
        so is everyone in the district view."""
        if (dpr, scale) not in self._sprites:
            self._sprites[(dpr, scale)] = {
                code: worker_sprite(color, dpr, scale * (0.55 if code == 2 or scale < 1.0 else 1.0))
                for code, color in enumerate(WORKER_COLORS)
            }
        return self._sprites[(dpr, scale)]

    def keys(self, points: PointSet, rows: np.ndarray, now: float) -> list[Hashable]:
        return worker_states(points.t[rows], now, *self.thresholds).tolist()

    def paint(self, painter: QPainter, view: MapView, datum: str) -> None:
        self.paint_points(
            painter, view, datum, self.points, self.mask(), self.clock(), self.sprites(view.dpr, _scale(view))
        )

    def move(self, ids, lon, lat, t) -> np.ndarray:
        """Apply live fixes; returns the ids this layer does not know yet (new workers to load)."""
        ids = np.asarray(ids, dtype=np.int64)
        rows = self.points.index_of(ids)
        known = rows >= 0
        if known.any():
            old = self.points
            upd = PointSet.build(
                ids[known],
                np.asarray(lon, float)[known],
                np.asarray(lat, float)[known],
                cat=old.cat[rows[known]],
                sym=old.sym[rows[known]],
                names=old.names[rows[known]],
                t=np.asarray(t, float)[known],
            )
            self.points = old.merged(upd)
            self.data_version += 1
            self.redraw.emit()
        return ids[~known]

    def describe(self, obj_id: int) -> str:
        row = self.row_of(obj_id)
        if row < 0:
            return ""
        state = worker_states(self.points.t[row : row + 1], self.clock(), *self.thresholds)[0]
        return f"{self.points.names[row]}\n{(_tr('online'), _tr('position_stale'), _tr('offline'))[state]}"

    def legend(self, dpr: float) -> list[tuple[Sprite, str]]:
        sprites = self.sprites(dpr)
        return [
            (sprites[0], _tr("worker_online")),
            (sprites[1], _tr("worker_position_stale")),
            (sprites[2], _tr("worker_offline")),
        ]
