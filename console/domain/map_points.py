"""A map layer's objects as parallel numpy arrays, immutable so render threads can read while updates land.

A live update never edits arrays in place: `merged` returns a new set that shares what did not change (the
display coordinates and the x-sorted index when no point moved), so the GUI thread swaps one reference and a
render already running keeps a consistent picture."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from console.domain.map_datum import display_mercator

_COLUMNS = ("ids", "lon", "lat", "cat", "sym", "names", "t")


def _same(a: np.ndarray, b: np.ndarray) -> bool:
    """Equal element for element, NaN matching NaN (an unknown time stays unknown)."""
    if a.dtype == object:
        return bool(np.all(a == b))
    return bool(np.array_equal(a, b, equal_nan=a.dtype.kind == "f"))


@dataclass(frozen=True, eq=False)
class PointSet:
    """`cat` picks the colour (status/state class), `sym` the symbol (type/priority); `t` is a time in epoch
    seconds whose meaning the layer defines (a worker's last fix, an incident's deadline), NaN if unknown."""

    ids: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    cat: np.ndarray
    sym: np.ndarray
    names: np.ndarray
    t: np.ndarray
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, ids, lon, lat, cat=None, sym=None, names=None, t=None) -> PointSet:
        n = len(ids)
        return cls(
            ids=np.asarray(ids, dtype=np.int64),
            lon=np.asarray(lon, dtype=np.float64),
            lat=np.asarray(lat, dtype=np.float64),
            cat=np.zeros(n, np.int8) if cat is None else np.asarray(cat, dtype=np.int8),
            sym=np.zeros(n, np.int8) if sym is None else np.asarray(sym, dtype=np.int8),
            names=np.full(n, "", dtype=object) if names is None else np.asarray(names, dtype=object),
            t=np.full(n, np.nan) if t is None else np.asarray(t, dtype=np.float64),
        )

    @classmethod
    def empty(cls) -> PointSet:
        return cls.build([], [], [])

    def __len__(self) -> int:
        return len(self.ids)

    def display(self, datum: str) -> tuple[np.ndarray, np.ndarray]:
        """Mercator metres where the points are drawn over a basemap in `datum`, computed once per datum."""
        key = ("xy", datum)
        if key not in self._cache:
            self._cache[key] = display_mercator(self.lon, self.lat, datum)
        return self._cache[key]

    def _x_order(self, datum: str) -> tuple[np.ndarray, np.ndarray]:
        key = ("xorder", datum)
        if key not in self._cache:
            mx, _ = self.display(datum)
            order = np.argsort(mx, kind="stable")
            self._cache[key] = (order, mx[order])
        return self._cache[key]

    def warm(self, datum: str) -> PointSet:
        """Build the lookups identify, box-select and live updates need, so a loader or render thread pays
        for them (≈0.2 s per million) instead of the first hover on the GUI thread."""
        self._x_order(datum)
        self.index_of(np.zeros(0, np.int64))
        return self

    def index_of(self, ids) -> np.ndarray:
        """Row positions of `ids` (−1 where absent)."""
        if "idsort" not in self._cache:
            order = np.argsort(self.ids, kind="stable")
            self._cache["idsort"] = (order, self.ids[order])
        order, sorted_ids = self._cache["idsort"]
        ids = np.asarray(ids, dtype=np.int64)
        if len(sorted_ids) == 0:
            return np.full(ids.shape, -1, dtype=np.int64)
        pos = np.clip(np.searchsorted(sorted_ids, ids), 0, len(sorted_ids) - 1)
        return np.where(sorted_ids[pos] == ids, order[pos], -1)

    def nearest(
        self, datum: str, mx: float, my: float, radius_m: float, mask: np.ndarray | None = None
    ) -> int:
        """Row of the point nearest (mx, my) within `radius_m`, or −1; only rows where `mask` is true."""
        order, sorted_x = self._x_order(datum)
        lo, hi = np.searchsorted(sorted_x, [mx - radius_m, mx + radius_m + 1e-9])
        rows = order[lo:hi]
        if mask is not None:
            rows = rows[mask[rows]]
        if len(rows) == 0:
            return -1
        px, py = self.display(datum)
        d2 = (px[rows] - mx) ** 2 + (py[rows] - my) ** 2
        best = int(np.argmin(d2))
        return int(rows[best]) if d2[best] <= radius_m**2 else -1

    def inside(
        self, datum: str, x0: float, y0: float, x1: float, y1: float, mask: np.ndarray | None = None
    ) -> np.ndarray:
        """Rows whose display position lies in the Mercator rectangle (edges included), ascending."""
        order, sorted_x = self._x_order(datum)
        lo, hi = np.searchsorted(sorted_x, [min(x0, x1), max(x0, x1) + 1e-9])
        rows = order[lo:hi]
        _, py = self.display(datum)
        rows = rows[(py[rows] >= min(y0, y1)) & (py[rows] <= max(y0, y1))]
        if mask is not None:
            rows = rows[mask[rows]]
        return np.sort(rows)

    def merged(self, update: PointSet, removed_ids=()) -> PointSet:
        """This set with `update`'s rows replacing same-id rows or appended, and `removed_ids` dropped."""
        pos = self.index_of(update.ids)
        hit = pos >= 0
        removed = self.index_of(removed_ids) if len(removed_ids) else np.zeros(0, np.int64)
        removed = removed[removed >= 0]
        rows = pos[hit]
        arrays = {}
        for name in _COLUMNS:
            column, new = getattr(self, name), getattr(update, name)[hit]
            # Copy only the columns that change: recolouring a few of a million premises copies one byte each.
            if _same(column[rows], new):
                arrays[name] = column
            else:
                arrays[name] = column.copy()
                arrays[name][rows] = new
        moved = arrays["lon"] is not self.lon or arrays["lat"] is not self.lat
        if hit.all() and len(removed) == 0:
            result = PointSet(**arrays)
            if not moved:
                result._cache.update(self._cache)
                return result
            # Moved points (live worker fixes): re-project only the moved rows into copies of the cache.
            for key in [k for k in self._cache if k == "idsort" or (isinstance(k, tuple) and k[0] == "xy")]:
                if key == "idsort":
                    result._cache[key] = self._cache[key]
                    continue
                mx, my = (a.copy() for a in self._cache[key])
                mx[pos], my[pos] = display_mercator(update.lon, update.lat, key[1])
                result._cache[key] = (mx, my)
            return result
        keep = np.ones(len(self), dtype=bool)
        keep[removed] = False
        fresh = ~hit
        return PointSet(
            **{
                name: np.concatenate([arr[keep], getattr(update, name)[fresh]])
                for name, arr in arrays.items()
            }
        )
