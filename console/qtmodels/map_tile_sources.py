"""Where basemap tiles come from: a z/x/y folder, an MBTiles file, or an XYZ server's on-disk cache.

`read` runs in tile-loading threads and returns the tile's bytes or None for a tile that does not exist
(a gap in the pyramid is normal: it draws as empty). Qt-free on purpose; decoding happens in the loader."""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from pathlib import Path

from console.domain.map_tiles import BasemapSpec, TileKey, tile_url

_EXTENSIONS = (".png", ".jpg", ".jpeg", ".webp")


class BasemapError(RuntimeError):
    """A configured basemap cannot be opened; the text says which file or folder and why."""


class TileSource:
    def __init__(self, spec: BasemapSpec) -> None:
        self.spec = spec

    def read(self, key: TileKey) -> bytes | None:
        raise NotImplementedError


class FolderSource(TileSource):
    """`location`/{z}/{x}/{y}.png (or .jpg/.jpeg/.webp), XYZ row order as Leaflet and most tools write it."""

    def __init__(self, spec: BasemapSpec) -> None:
        super().__init__(spec)
        self.root = Path(spec.location)
        if not self.root.is_dir():
            raise BasemapError(f"The basemap folder {self.root} does not exist.")
        self._ext: str | None = None

    def read(self, key: TileKey) -> bytes | None:
        exts = (self._ext,) if self._ext else _EXTENSIONS
        for ext in exts:
            path = self.root / str(key.z) / str(key.x) / f"{key.y}{ext}"
            try:
                data = path.read_bytes()
            except OSError:
                continue
            self._ext = ext
            return data
        return None


class MBTilesSource(TileSource):
    """An MBTiles 1.x file (SQLite, TMS rows): one read-only connection per loading thread."""

    def __init__(self, spec: BasemapSpec) -> None:
        super().__init__(spec)
        self.path = Path(spec.location)
        if not self.path.is_file():
            raise BasemapError(f"The MBTiles file {self.path} does not exist.")
        self._local = threading.local()
        try:
            self._connect().execute("SELECT 1 FROM tiles LIMIT 1")
        except sqlite3.Error as exc:
            raise BasemapError(f"{self.path} is not a readable MBTiles file ({exc}).") from None

    def _connect(self) -> sqlite3.Connection:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(
                f"{self.path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
            )
            self._local.conn = conn
        return conn

    def read(self, key: TileKey) -> bytes | None:
        row = (
            self._connect()
            .execute(
                "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                (key.z, key.x, (1 << key.z) - 1 - key.y),
            )
            .fetchone()
        )
        return bytes(row[0]) if row and row[0] else None


class XyzSource(TileSource):
    """A tile server by URL template; tiles fetched once are kept on disk under `cache_root`."""

    def __init__(self, spec: BasemapSpec, cache_root: Path) -> None:
        super().__init__(spec)
        digest = hashlib.sha1(spec.location.encode()).hexdigest()[:10]
        slug = re.sub(r"[^A-Za-z0-9_-]+", "_", spec.name).strip("_") or "basemap"
        self.cache_dir = Path(cache_root) / f"{slug}-{digest}"

    def url(self, key: TileKey) -> str:
        return tile_url(self.spec.location, key, self.spec.subdomains)

    def _cache_path(self, key: TileKey) -> Path:
        return self.cache_dir / str(key.z) / str(key.x) / f"{key.y}.tile"

    def read(self, key: TileKey) -> bytes | None:
        try:
            return self._cache_path(key).read_bytes()
        except OSError:
            return None

    def store(self, key: TileKey, data: bytes) -> None:
        """Write a fetched tile atomically (rename), so a crash never leaves half a tile in the cache."""
        path = self._cache_path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{threading.get_ident()}.part")
        tmp.write_bytes(data)
        tmp.replace(path)


def open_source(spec: BasemapSpec, cache_root: Path) -> TileSource:
    if spec.kind == "folder":
        return FolderSource(spec)
    if spec.kind == "mbtiles":
        return MBTilesSource(spec)
    return XyzSource(spec, cache_root)
