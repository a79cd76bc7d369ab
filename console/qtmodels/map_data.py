"""Feeds the map from the database without blocking the GUI thread: initial layer loads, reloads of the
rows the change feed names, and premise search — each in a pool thread with a session of its own."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from sqlalchemy.orm import Session

from console.services import map_layers
from console.services.jurisdiction import Actor
from console.services.premises import PremiseQuery, premises_page

ENTITY_LAYERS = {"premise": "premises", "incident": "incidents", "camera": "cameras", "worker": "workers",
                 "gps_fixes": "workers"}
"""change_log.entity → map layer; 'gps_fix' entries are resolved to their worker. Fix ingest logs
'gps_fixes' with the worker's id (that worker's row reloads); a batch logged without an id (the
simulator's, many workers at once) reloads the whole workers layer."""


class _Bridge(QObject):
    done = Signal(object)


class _DbJob(QRunnable):
    def __init__(
        self,
        bridge: _Bridge,
        session_factory: Callable[[], Session],
        tag: tuple,
        fn: Callable[[Session], object],
    ) -> None:
        super().__init__()
        self._args = (bridge, session_factory, tag, fn)

    def run(self) -> None:
        bridge, session_factory, tag, fn = self._args
        try:
            with session_factory() as session:
                result = fn(session)
            bridge.done.emit((tag, result, None))
        except Exception as exc:  # noqa: BLE001 - shown to the operator; the map keeps what it has
            bridge.done.emit((tag, None, f"{exc.__class__.__name__}: {exc}"))


class MapDataLoader(QObject):
    layer_loaded = Signal(str, object)
    """(layer name, PointSet) — a full load."""
    boundaries_loaded = Signal(object)
    rows_loaded = Signal(str, object, object)
    """(layer name, PointSet of changed rows, ids to drop)."""
    search_done = Signal(str, object)
    """(text searched, list of PremiseRow)."""
    unit_located = Signal(int, object)
    """(org unit id, BBox or None)."""
    heat_loaded = Signal(object, object)
    """(HeatQuery asked, PointSet of the incidents it covers)."""
    failed = Signal(str)

    def __init__(
        self,
        session_factory: Callable[[], Session],
        actor: Actor,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session_factory = session_factory
        self.actor = actor
        self._pool = pool or QThreadPool(self)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._done)
        self._running = 0

    def _start(self, tag: tuple, fn: Callable[[Session], object]) -> None:
        self._running += 1
        self._pool.start(_DbJob(self._bridge, self.session_factory, tag, fn))

    def load_all(self) -> None:
        actor = self.actor
        self._start(("boundaries",), lambda s: map_layers.load_boundaries(s, actor))
        for name in map_layers.LAYER_NAMES:
            self._start(("layer", name), lambda s, n=name: map_layers.load_layer(s, actor, n).warm("wgs84"))

    def refresh(self, layer: str, ids: Iterable[int]) -> None:
        ids = list(ids)
        if ids:
            actor = self.actor
            self._start(("rows", layer), lambda s: map_layers.load_layer_rows(s, actor, layer, ids))

    def apply_changes(self, entries: Iterable) -> None:
        """Reload what change-feed entries (with .entity and .entity_id) touched, one query per layer."""
        by_layer: dict[str, set[int]] = defaultdict(set)
        fixes: set[int] = set()
        reload_workers = False
        for entry in entries:
            if entry.entity_id is None:
                reload_workers |= entry.entity == "gps_fixes"
                continue
            if entry.entity == "gps_fix":
                fixes.add(int(entry.entity_id))
            elif entry.entity in ENTITY_LAYERS:
                by_layer[ENTITY_LAYERS[entry.entity]].add(int(entry.entity_id))
        if reload_workers:
            by_layer.pop("workers", None)
            actor = self.actor
            self._start(("layer", "workers"),
                        lambda s: map_layers.load_layer(s, actor, "workers").warm("wgs84"))
        for layer, ids in by_layer.items():
            self.refresh(layer, ids)
        if fixes:
            actor = self.actor

            def workers_of_fixes(s: Session):
                return map_layers.load_layer_rows(
                    s, actor, "workers", map_layers.worker_ids_of_fixes(s, fixes)
                )

            self._start(("rows", "workers"), workers_of_fixes)

    def search(self, text: str, limit: int = 20) -> None:
        actor = self.actor
        self._start(
            ("search", text),
            lambda s: premises_page(s, actor, PremiseQuery(text=text, sort="name"), 0, limit),
        )

    def locate_unit(self, unit_id: int) -> None:
        actor = self.actor
        self._start(("unit", unit_id), lambda s: map_layers.org_unit_bbox(s, actor, unit_id))

    def load_heat(self, query: tuple) -> None:
        """Incidents for the heat map: query is (since, until, category key or None)."""
        actor = self.actor
        since, until, category = query
        self._start(
            ("heat", query), lambda s: map_layers.incident_heat_points(s, actor, since, until, category)
        )

    def busy(self) -> bool:
        return self._running > 0

    def _done(self, payload: tuple) -> None:
        tag, result, error = payload
        self._running -= 1
        if error is not None:
            self.failed.emit(error)
        elif tag[0] == "boundaries":
            self.boundaries_loaded.emit(result)
        elif tag[0] == "layer":
            self.layer_loaded.emit(tag[1], result)
        elif tag[0] == "rows":
            points, removed = result
            self.rows_loaded.emit(tag[1], points, removed)
        elif tag[0] == "unit":
            self.unit_located.emit(tag[1], result)
        elif tag[0] == "heat":
            self.heat_loaded.emit(tag[1], result)
        else:
            self.search_done.emit(tag[1], result)
