"""The basemap: loads the tiles a view needs off the GUI thread, keeps the recent ones, and draws them.

Local tiles (folder, MBTiles, the XYZ disk cache) are read and decoded in a thread pool; missing XYZ tiles
are fetched with QNetworkAccessManager (asynchronous on the GUI thread) and decoded and cached in the pool.
A tile that does not exist is remembered as empty. When the server cannot be reached at all the map says
so once, quietly, stays usable without tiles, and tries the server again after a pause."""

from __future__ import annotations

import time
from collections import OrderedDict, deque
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, QRunnable, QThreadPool, QUrl, Signal
from PySide6.QtGui import QImage, QPainter
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

from console.domain.map_tiles import BasemapSpec, TileKey, tile_bounds, tile_zoom_for, tiles_covering
from console.domain.map_view import MapView
from console.qtmodels.labels import fill
from console.qtmodels.map_tile_sources import TileSource, XyzSource, open_source

CACHE_TILES = 384
MAX_TILES_PER_VIEW = 160
MAX_NETWORK = 6
RETRY_SERVER_AFTER_S = 30.0
ANCESTOR_LEVELS = 5
_NETWORK = object()
"""A loader's answer meaning "not on disk: fetch it"."""


class _Bridge(QObject):
    done = Signal(object)


class _LoadJob(QRunnable):
    """Read (and for fetched bytes, store) one tile and decode it, off the GUI thread."""

    def __init__(
        self, bridge: _Bridge, source: TileSource, key: TileKey, fetched: bytes | None = None
    ) -> None:
        super().__init__()
        self._args = (bridge, source, key, fetched)

    def run(self) -> None:
        bridge, source, key, fetched = self._args
        if fetched is not None and isinstance(source, XyzSource):
            try:
                source.store(key, fetched)
            except OSError:
                pass  # a read-only or full cache only costs a refetch next time
        try:
            data = fetched if fetched is not None else source.read(key)
        except Exception:  # noqa: BLE001 - an unreadable tile (locked file, bad row) draws as empty
            bridge.done.emit((key, None))
            return
        if data is None:
            answer = _NETWORK if isinstance(source, XyzSource) else None
        else:
            image = QImage.fromData(data)
            answer = None if image.isNull() else image
        bridge.done.emit((key, answer))


class Basemap(QObject):
    tile_loaded = Signal()
    notice = Signal(str)

    def __init__(
        self,
        spec: BasemapSpec,
        cache_root: Path,
        pool: QThreadPool | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.source = open_source(spec, cache_root)
        self._pool = pool or QThreadPool(self)
        self._bridge = _Bridge(self)
        self._bridge.done.connect(self._loaded)
        self._cache: OrderedDict[TileKey, QImage] = OrderedDict()
        self._missing: set[TileKey] = set()
        self._pending: set[TileKey] = set()
        self._wanted: set[TileKey] = set()
        self._queue: deque[TileKey] = deque()
        self._in_flight: dict[QNetworkReply, TileKey] = {}
        self._nam: QNetworkAccessManager | None = None
        self._server_down_until = 0.0
        self._notified = False

    @property
    def datum(self) -> str:
        return self.spec.datum

    def _keys(self, view: MapView) -> tuple[int, list[TileKey]]:
        if view.zoom < self.spec.min_zoom - 2:
            return -1, []
        z = tile_zoom_for(view, self.spec.min_zoom, self.spec.max_zoom)
        return z, tiles_covering(view, z)[:MAX_TILES_PER_VIEW]

    def request(self, view: MapView) -> None:
        """Start loading what `view` needs and is neither cached, known missing, nor on its way."""
        _, keys = self._keys(view)
        self._wanted = set(keys)
        self._queue = deque(k for k in self._queue if k in self._wanted)
        for key in keys:
            if key in self._cache or key in self._missing or key in self._pending:
                continue
            self._pending.add(key)
            self._pool.start(_LoadJob(self._bridge, self.source, key))
        self._pump_network()

    def _loaded(self, payload: tuple) -> None:
        key, answer = payload
        if answer is _NETWORK:
            if key in self._wanted:
                self._queue.append(key)
            else:
                self._pending.discard(key)
            self._pump_network()
            return
        self._pending.discard(key)
        if answer is None:
            self._missing.add(key)
            return
        self._cache[key] = answer
        self._cache.move_to_end(key)
        while len(self._cache) > CACHE_TILES:
            self._cache.popitem(last=False)
        self.tile_loaded.emit()

    def _pump_network(self) -> None:
        if time.monotonic() < self._server_down_until:
            for key in self._queue:
                self._pending.discard(key)
            self._queue.clear()
            return
        while self._queue and len(self._in_flight) < MAX_NETWORK:
            key = self._queue.popleft()
            if self._nam is None:
                self._nam = QNetworkAccessManager(self)
            request = QNetworkRequest(QUrl(self.source.url(key)))
            request.setHeader(QNetworkRequest.KnownHeaders.UserAgentHeader, "PinganConsole/0.1")
            request.setTransferTimeout(8000)
            reply = self._nam.get(request)
            self._in_flight[reply] = key
            reply.finished.connect(lambda r=reply: self._fetched(r))

    def _fetched(self, reply: QNetworkReply) -> None:
        key = self._in_flight.pop(reply, None)
        reply.deleteLater()
        if key is None:
            return
        status = reply.attribute(QNetworkRequest.Attribute.HttpStatusCodeAttribute)
        if reply.error() == QNetworkReply.NetworkError.NoError:
            self._notified = False
            self._pool.start(_LoadJob(self._bridge, self.source, key, bytes(reply.readAll())))
        elif status is not None:
            self._pending.discard(key)
            self._missing.add(key)
        else:
            self._pending.discard(key)
            self._server_down_until = time.monotonic() + RETRY_SERVER_AFTER_S
            if not self._notified:
                self._notified = True
                text = self.tr("Tile server of basemap “%1” unreachable (%2); the map works on without it.")
                self.notice.emit(fill(text, self.spec.name, reply.errorString()))
        self._pump_network()

    def idle(self) -> bool:
        return not self._pending and not self._in_flight

    def draw(self, painter: QPainter, view: MapView) -> None:
        """Draw the cached tiles for `view`; a tile still loading borrows the best cached ancestor."""
        z, keys = self._keys(view)
        if z < 0:
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for key in keys:
            image = self._cache.get(key)
            if image is not None:
                self._cache.move_to_end(key)
                self._blit(painter, view, key, image, QRectF(0, 0, image.width(), image.height()))
            elif key not in self._missing:
                self._draw_ancestor(painter, view, key)

    def _draw_ancestor(self, painter: QPainter, view: MapView, key: TileKey) -> None:
        anc = key
        for _ in range(ANCESTOR_LEVELS):
            if anc.z == 0:
                return
            anc = anc.parent()
            image = self._cache.get(anc)
            if image is None:
                continue
            span = 1 << (key.z - anc.z)
            w, h = image.width() / span, image.height() / span
            source = QRectF((key.x - anc.x * span) * w, (key.y - anc.y * span) * h, w, h)
            self._blit(painter, view, key, image, source)
            return

    @staticmethod
    def _blit(painter: QPainter, view: MapView, key: TileKey, image: QImage, source: QRectF) -> None:
        x0, y0, x1, y1 = tile_bounds(key)
        sx0, sy0 = view.to_screen(x0, y1)
        sx1, sy1 = view.to_screen(x1, y0)
        # Rounded shared edges: neighbouring tiles meet without hairline seams.
        left, top, right, bottom = round(float(sx0)), round(float(sy0)), round(float(sx1)), round(float(sy1))
        painter.drawImage(QRectF(left, top, right - left, bottom - top), image, source)
