"""What every seeding stage shares: the scale, the clock, named random streams, progress, bulk inserts.

Why named streams: each stage draws from its own generator (seed + stage name), so the org tree is the same
at both scales and changing how one stage draws never shifts another stage's data."""
from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

import numpy as np
from sqlalchemy import Connection, insert, text

from console.services.seed.reference import DistrictData

ProgressFn = Callable[[str, float], None]
INSERT_CHUNK = 10_000
SEED_ACTOR = "seed"


@dataclass(frozen=True)
class ScaleSpec:
    name: str
    grids: int
    premises: int
    cameras: int
    incidents: int


SCALES: dict[str, ScaleSpec] = {
    "small": ScaleSpec("small", grids=120, premises=3_000, cameras=30, incidents=5_000),
    "city": ScaleSpec("city", grids=640, premises=100_000, cameras=240, incidents=500_000),
}


class Progress:
    """Turns (stage, fraction of the stage) into one overall fraction, by the stages' declared weights."""

    def __init__(self, callback: ProgressFn | None, weights: dict[str, float]) -> None:
        self._callback = callback
        self._weights = weights
        self._total = float(sum(weights.values()))
        self._done = 0.0
        self._stage = ""

    def start(self, stage: str) -> None:
        if self._stage:
            self._done += self._weights[self._stage]
        self._stage = stage
        self.update(0.0)

    def update(self, fraction: float) -> None:
        if self._callback is not None:
            overall = (self._done + self._weights[self._stage] * min(max(fraction, 0.0), 1.0)) / self._total
            self._callback(self._stage, min(overall, 1.0))

    def finish(self) -> None:
        if self._callback is not None:
            self._callback("done", 1.0)


@dataclass
class SeedContext:
    conn: Connection
    data: DistrictData
    scale: ScaleSpec
    seed: int
    anchor: date
    progress: Progress

    @property
    def now(self) -> datetime:
        """The moment the data describes: 08:00 on the anchor day, the start of a working day."""
        return datetime.combine(self.anchor, time(8, 0))

    def rng(self, stage: str) -> np.random.Generator:
        return np.random.default_rng([self.seed, zlib.crc32(stage.encode("utf-8"))])

    def insert(self, table, columns: dict[str, Sequence | np.ndarray], *, report: bool = True) -> int:
        """Bulk-insert column arrays into `table` in chunks of Core executemany; returns the row count."""
        return insert_columns(self.conn, table, columns, self.progress.update if report else None)


def insert_columns(conn: Connection, table, columns: dict[str, Sequence | np.ndarray],
                   report: Callable[[float], None] | None = None, chunk: int = INSERT_CHUNK) -> int:
    """Python lists per chunk (numpy scalars are not DB-API values), then one executemany per chunk."""
    names = list(columns)
    lengths = {len(v) for v in columns.values()}
    if len(lengths) != 1:
        raise ValueError(f"columns of {table} differ in length: {lengths}")
    total = lengths.pop()
    stmt = insert(table)
    for start in range(0, total, chunk):
        stop = min(start + chunk, total)
        parts = [v[start:stop].tolist() if isinstance(v, np.ndarray) else list(v[start:stop])
                 for v in columns.values()]
        conn.execute(stmt, [dict(zip(names, values)) for values in zip(*parts)])
        if report is not None:
            report(stop / total)
    return total


def reset_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """PostgreSQL serial columns do not see explicit ids; move each sequence past the largest id."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 1), (SELECT MAX(id) FROM {table}) IS NOT NULL)"))
