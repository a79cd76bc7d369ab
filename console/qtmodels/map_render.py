"""Renders threaded layers in a QThreadPool and keeps each layer's latest picture.

One job per layer is in flight at a time; requests arriving meanwhile collapse into one pending request for
the newest view, so a fast pan never queues dozens of renders. A result is dropped when the layer's data
version or the display datum moved on while it was drawn (the generation check) — the canvas keeps showing
the previous picture, translated, until a fresh one lands."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from console.domain.map_view import MapView
from console.qtmodels.map_layer import MapLayer, RenderFn, RenderResult


class _Bridge(QObject):
    """Lives in the GUI thread; emitting from a worker queues the slot call back onto the GUI thread."""

    done = Signal(object)


@dataclass
class _Slot:
    busy: bool = False
    pending: tuple[MapView, str] | None = None
    result: RenderResult | None = None
    generation: int = 0
    errors: list[str] = field(default_factory=list)


class _Job(QRunnable):
    def __init__(
        self,
        bridge: _Bridge,
        name: str,
        fn: RenderFn,
        view: MapView,
        datum: str,
        version: int,
        generation: int,
    ) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._args = (bridge, name, fn, view, datum, version, generation)

    def run(self) -> None:
        bridge, name, fn, view, datum, version, generation = self._args
        try:
            image, meta = fn(view, datum)
            bridge.done.emit((name, generation, RenderResult(image, view, datum, version, meta), None))
        except Exception as exc:  # noqa: BLE001 - reported on the GUI thread; the map keeps its last picture
            bridge.done.emit((name, generation, None, f"{exc.__class__.__name__}: {exc}"))


class LayerRenderer(QObject):
    """`request(layer, view, datum)` from the GUI thread; `rendered(name)` when a new picture is ready."""

    rendered = Signal(str)
    failed = Signal(str, str)

    def __init__(
        self, margin_px: int = 160, pool: QThreadPool | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.margin_px = margin_px
        self._pool = pool or QThreadPool(self)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._finished)
        self._layers: dict[str, MapLayer] = {}
        self._slots: dict[str, _Slot] = {}
        self._datum = "wgs84"

    def request(self, layer: MapLayer, view: MapView, datum: str) -> None:
        """Render `layer` for `view` (plus margin) unless a current picture already covers it."""
        self._layers[layer.name] = layer
        self._datum = datum
        slot = self._slots.setdefault(layer.name, _Slot())
        target = view.expanded(self.margin_px)
        if slot.busy:
            slot.pending = (target, datum)
            return
        if self._covers(slot.result, layer, view, datum):
            return
        self._submit(layer, slot, target, datum)

    def _covers(self, result: RenderResult | None, layer: MapLayer, view: MapView, datum: str) -> bool:
        if result is None or result.data_version != layer.data_version or result.datum != datum:
            return False
        r = result.view
        if abs(r.res - view.res) > 1e-9 * view.res or r.dpr != view.dpr:
            return False
        x0, y0, x1, y1 = view.extent()
        rx0, ry0, rx1, ry1 = r.extent()
        # Fully inside and not merely at the edge: re-render once the pan has used up half the margin.
        slack = self.margin_px * view.res / 2
        return rx0 + slack <= x0 and ry0 + slack <= y0 and x1 <= rx1 - slack and y1 <= ry1 - slack

    def _submit(self, layer: MapLayer, slot: _Slot, view: MapView, datum: str) -> None:
        slot.busy = True
        slot.generation += 1
        self._pool.start(
            _Job(
                self._bridge, layer.name, layer.render_fn(), view, datum, layer.data_version, slot.generation
            )
        )

    def _finished(self, payload: tuple) -> None:
        name, generation, result, error = payload
        slot = self._slots[name]
        layer = self._layers[name]
        slot.busy = False
        if error is not None:
            slot.errors.append(error)
            self.failed.emit(name, error)
        elif (
            generation == slot.generation
            and result.data_version == layer.data_version
            and result.datum == self._datum
        ):
            slot.result = result
            self.rendered.emit(name)
        elif slot.pending is None:
            slot.pending = (result.view, self._datum)
        if slot.pending is not None:
            view, datum = slot.pending
            slot.pending = None
            self._submit(layer, slot, view, datum)

    def result(self, name: str) -> RenderResult | None:
        slot = self._slots.get(name)
        return slot.result if slot else None

    def replace_result(self, name: str, result: RenderResult) -> None:
        """Install a picture patched on the GUI thread (a live recolour) as the current one."""
        self._slots.setdefault(name, _Slot()).result = result

    def idle(self) -> bool:
        """Nothing rendering or waiting: what tests wait for."""
        return not any(s.busy or s.pending for s in self._slots.values())

    def errors(self, name: str) -> list[str]:
        slot = self._slots.get(name)
        return list(slot.errors) if slot else []

    def wait_for_done(self, msecs: int = 30000) -> bool:
        """Block until the pool is empty (shutdown and benchmarks only, never on a live GUI path)."""
        return self._pool.waitForDone(msecs)
