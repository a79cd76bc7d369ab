"""What every seeding stage shares: the scale, the clock, named random streams, progress, bulk inserts.

Why named streams: each stage draws from its own generator (seed + stage name), so the org tree is the same
at both scales and changing how one stage draws never shifts another stage's data."""
from __future__ import annotations

import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

import numpy as np
from sqlalchemy import Connection, Date, DateTime, insert, text

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
    """Insert column arrays in chunks; returns the row count.

    PostgreSQL: Core `insert(table)` executemany with a list of dicts (the server is the bottleneck).
    SQLite: the same rows as DB-API tuples through `exec_driver_sql`, values converted to what SQLAlchemy
    stores (its own bind processors; datetime arrays formatted in numpy) — SQLAlchemy's per-row parameter
    handling otherwise costs twice SQLite's own insert work, minutes at city scale."""
    tbl = getattr(table, "__table__", table)
    names = list(columns)
    lengths = {len(v) for v in columns.values()}
    if len(lengths) != 1:
        raise ValueError(f"columns of {tbl.name} differ in length: {lengths}")
    total = lengths.pop()
    sqlite = conn.dialect.name == "sqlite"
    stmt = (f"INSERT INTO {tbl.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})" if sqlite
            else insert(tbl))
    for start in range(0, total, chunk):
        stop = min(start + chunk, total)
        if sqlite:
            parts = [sqlite_values(tbl.c[name], values[start:stop], conn.dialect) for name, values in columns.items()]
            conn.exec_driver_sql(stmt, list(zip(*parts)))
        else:
            parts = [v[start:stop].tolist() if isinstance(v, np.ndarray) else list(v[start:stop])
                     for v in columns.values()]
            conn.execute(stmt, [dict(zip(names, values)) for values in zip(*parts)])
        if report is not None:
            report(stop / total)
    return total


def sqlite_values(column, values: Sequence | np.ndarray, dialect) -> list:
    """Values as SQLAlchemy would bind them on SQLite: numpy datetimes as its 'YYYY-MM-DD HH:MM:SS.ffffff'
    text, everything else through the column type's own bind processor."""
    if isinstance(values, np.ndarray) and values.dtype.kind == "M":
        unit = "D" if isinstance(column.type, Date) and not isinstance(column.type, DateTime) else "us"
        text_values = np.datetime_as_string(values.astype(f"datetime64[{unit}]"), unit=unit)
        if unit == "us":
            chars = text_values.astype("U26").view("U1").reshape(-1, 26).copy()
            chars[:, 10] = " "
            text_values = chars.view("U26").ravel()
        return [None if nat else v for v, nat in zip(text_values.tolist(), np.isnat(values).tolist(), strict=True)]
    plain = values.tolist() if isinstance(values, np.ndarray) else list(values)
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return [process(v) for v in plain] if process else plain


def reset_sequences(conn: Connection, tables: Sequence[str]) -> None:
    """PostgreSQL serial columns do not see explicit ids; move each sequence past the largest id."""
    if conn.dialect.name != "postgresql":
        return
    for table in tables:
        conn.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
            f"COALESCE((SELECT MAX(id) FROM {table}), 1), (SELECT MAX(id) FROM {table}) IS NOT NULL)"))
