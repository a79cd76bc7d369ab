"""Spatial index DDL and bounding-box predicates, one call for both backends.

SQLite: an R*Tree virtual table per point table, kept in step by triggers; its float32 boxes may be a hair
wider than asked, so callers re-check exact coordinates. PostgreSQL: a PostGIS GiST index on a generated
geometry column when the extension can be had, else a GiST index on the built-in `point(lon, lat)`.
"""
from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.engine import Engine

SPATIAL_TABLES = ("premises", "incidents", "cameras")


def _sqlite_ddl(table: str) -> list[str]:
    rt = f"{table}_rtree"
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {rt} USING rtree(id, min_lon, max_lon, min_lat, max_lat)",
        f"INSERT OR REPLACE INTO {rt} SELECT id, lon, lon, lat, lat FROM {table}",
        (f"CREATE TRIGGER IF NOT EXISTS {table}_rtree_ins AFTER INSERT ON {table} BEGIN "
        f"INSERT INTO {rt} VALUES (new.id, new.lon, new.lon, new.lat, new.lat); END"),
        (f"CREATE TRIGGER IF NOT EXISTS {table}_rtree_upd AFTER UPDATE OF lon, lat ON {table} BEGIN "
        f"UPDATE {rt} SET min_lon=new.lon, max_lon=new.lon, min_lat=new.lat, max_lat=new.lat "
        f"WHERE id=new.id; END"),
        (f"CREATE TRIGGER IF NOT EXISTS {table}_rtree_del AFTER DELETE ON {table} BEGIN "
        f"DELETE FROM {rt} WHERE id=old.id; END"),
    ]


def _postgis_available(conn: Connection) -> bool:
    """Create PostGIS if the server has it and we may; a failure leaves the transaction usable."""
    has_pkg = conn.execute(text("SELECT 1 FROM pg_available_extensions WHERE name='postgis'")).first()
    if not has_pkg:
        return False
    try:
        with conn.begin_nested():
            conn.execute(text("CREATE EXTENSION IF NOT EXISTS postgis"))
        return True
    except Exception:  # noqa: BLE001 - no privilege: the portable index serves instead
        return False


def install_spatial_index(conn: Connection, use_postgis: bool = True) -> str:
    """Create the spatial indexes for this backend; returns which kind was built. `use_postgis=False`
    builds the portable GiST index even where PostGIS could be had (servers that forbid extensions)."""
    if conn.dialect.name == "sqlite":
        for table in SPATIAL_TABLES:
            for stmt in _sqlite_ddl(table):
                conn.execute(text(stmt))
        return "rtree"
    if use_postgis and _postgis_available(conn):
        for table in SPATIAL_TABLES:
            conn.execute(text(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS geom geometry(Point, 4326) "
                f"GENERATED ALWAYS AS (ST_SetSRID(ST_MakePoint(lon, lat), 4326)) STORED"))
            conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_{table}_geom ON {table} USING gist (geom)"))
        return "postgis"
    for table in SPATIAL_TABLES:
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS ix_{table}_point ON {table} USING gist (point(lon, lat))"))
    return "gist-point"


def drop_spatial_index(conn: Connection) -> None:
    for table in SPATIAL_TABLES:
        if conn.dialect.name == "sqlite":
            for suffix in ("ins", "upd", "del"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS {table}_rtree_{suffix}"))
            conn.execute(text(f"DROP TABLE IF EXISTS {table}_rtree"))
        else:
            conn.execute(text(f"DROP INDEX IF EXISTS ix_{table}_geom"))
            conn.execute(text(f"DROP INDEX IF EXISTS ix_{table}_point"))
            conn.execute(text(f"ALTER TABLE {table} DROP COLUMN IF EXISTS geom"))


def spatial_index_kind(engine: Engine | Connection) -> str:
    """Which index serves bbox queries on this database: 'rtree', 'postgis' or 'gist-point'."""
    if engine.dialect.name == "sqlite":
        return "rtree"
    conn_ctx = engine.connect() if isinstance(engine, Engine) else None
    conn = conn_ctx if conn_ctx is not None else engine
    try:
        has_geom = conn.execute(text(
            "SELECT 1 FROM information_schema.columns WHERE table_name='premises' AND column_name='geom'")).first()
    finally:
        if conn_ctx is not None:
            conn_ctx.close()
    return "postgis" if has_geom else "gist-point"


def bbox_predicate_sql(dialect: str, table: str, kind: str) -> str:
    """A WHERE condition on `table` (rows inside :min_lon..:max_lon × :min_lat..:max_lat) that the backend
    answers through its spatial index; on SQLite an id lookup into the R*Tree, which the planner drives
    from when nothing else on the table is offered to it as an index."""
    if dialect == "sqlite":
        return (f"{table}.id IN (SELECT id FROM {table}_rtree WHERE max_lon >= :min_lon AND min_lon <= :max_lon "
                f"AND max_lat >= :min_lat AND min_lat <= :max_lat)")
    if kind == "postgis":
        return f"{table}.geom && ST_MakeEnvelope(:min_lon, :min_lat, :max_lon, :max_lat, 4326)"
    return f"point({table}.lon, {table}.lat) <@ box(point(:min_lon, :min_lat), point(:max_lon, :max_lat))"
