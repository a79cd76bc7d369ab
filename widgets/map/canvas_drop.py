"""Incidents dropped on the map: a drop on a grid worker dispatches the cases to that worker. The worker is
found with the canvas's own identify (the same pick a click uses); anywhere else the drop is refused, and so
is a drop the handler (the dispatch board's rules) turns down."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QDragMoveEvent, QDropEvent

from console.qtmodels.incident_mime import decode_cases
from console.services.dispatch_targets import CaseRef
from widgets.map.canvas import MapCanvas

DropHandler = Callable[[list[CaseRef], int], bool]
"""(cases, worker id) → whether any case was taken (False: refused, the handler shows why)."""


class CanvasIncidentDrop(QObject):
    """Installed on a MapCanvas: incident drags are accepted over a worker and handed to `on_drop`."""

    def __init__(self, canvas: MapCanvas, on_drop: DropHandler) -> None:
        super().__init__(canvas)
        self._canvas, self._on_drop = canvas, on_drop
        canvas.setAcceptDrops(True)
        canvas.installEventFilter(self)

    def worker_at(self, event: QDragMoveEvent | QDropEvent) -> int | None:
        pos = event.position()
        hit = self._canvas.identify_at(pos.x(), pos.y())
        return hit[1] if hit is not None and hit[0] == "workers" else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is not self._canvas or kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove,
                                                        QEvent.Type.Drop):
            return False
        cases = decode_cases(event.mimeData())
        if kind == QEvent.Type.DragEnter:
            accepted = bool(cases)
        else:
            worker = self.worker_at(event) if cases else None
            accepted = worker is not None and (kind == QEvent.Type.DragMove or self._on_drop(cases, worker))
        if accepted:
            event.acceptProposedAction()
        else:
            event.ignore()
        return True
