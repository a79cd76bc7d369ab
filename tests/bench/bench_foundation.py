"""Foundation figures (issue 2): city seed, cold start, premises search, spatial bbox vs full scan.

Builds (or reuses) the city-scale demo district in BENCH_DIR, once on SQLite and once on PostgreSQL."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(os.environ.get("PINGAN_BENCH_DIR", "/tmp/pingan-bench"))
ANCHOR = date(2026, 11, 30)
PG_ADMIN = os.environ.get("PINGAN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
PG_CITY_DB = "pingan_bench_city"


def _median_ms(fn, repeat: int) -> tuple[float, list[float]]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), samples


def _pg_url() -> str:
    from sqlalchemy.engine import make_url

    return make_url(PG_ADMIN).set(database=PG_CITY_DB).render_as_string(hide_password=False)


SEED_TIMES = BENCH_DIR / "seed_times.json"


def _seed_city(url: str, backend: str) -> float:
    """Seed the city district into `url` unless it is already there; the seconds that seed took (kept in
    SEED_TIMES so a later run that reuses the database still reports how long building it took)."""
    import json

    times = json.loads(SEED_TIMES.read_text()) if SEED_TIMES.exists() else {}
    from console.services.seed import seed_district
    from db.engine import make_engine
    from db.migrate import upgrade
    from db.models import Premise

    engine = make_engine(url)
    upgrade(engine)
    with Session(engine) as s:
        seeded = bool(s.scalar(select(func.count(Premise.id))))
    if not seeded or backend not in times:
        if seeded:
            raise RuntimeError(f"{url} holds data of unknown origin; drop it to benchmark the seed")
        started = time.perf_counter()
        seed_district(engine, scale="city", seed=1, anchor=ANCHOR)
        times[backend] = time.perf_counter() - started
        SEED_TIMES.write_text(json.dumps(times))
    engine.dispose()
    return times[backend]


def _fresh_pg_database() -> None:
    from sqlalchemy import create_engine

    admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        exists = conn.exec_driver_sql(f"SELECT 1 FROM pg_database WHERE datname='{PG_CITY_DB}'").first()
        if not exists:
            conn.exec_driver_sql(f'CREATE DATABASE "{PG_CITY_DB}"')
    admin.dispose()


def _counts(url: str) -> dict[str, int]:
    from db.engine import make_engine
    from db.models import Camera, GpsFix, Incident, OrgUnit, Premise, Worker

    engine = make_engine(url)
    with Session(engine) as s:
        counts = {m.__tablename__: s.scalar(select(func.count(m.id)))
                  for m in (OrgUnit, Premise, Worker, Camera, Incident, GpsFix)}
        counts["grids"] = s.scalar(select(func.count(OrgUnit.id)).where(OrgUnit.kind == "grid"))
    engine.dispose()
    return counts


def _cold_start(sqlite_path: Path, report: list[str]) -> None:
    """Process start → first painted window on the city database (demo mode: no login prompt)."""
    data_dir = BENCH_DIR / "coldstart"
    data_dir.mkdir(parents=True, exist_ok=True)
    demo = data_dir / "demo.sqlite"
    if not demo.exists():
        demo.symlink_to(sqlite_path)
    env = {**os.environ, "PINGAN_DATA_DIR": str(data_dir), "QT_QPA_PLATFORM": "offscreen",
           "PINGAN_REPORT_STARTUP": "1"}
    first_paint, data_painted, whole = [], [], []
    for _ in range(5):
        started = time.perf_counter()
        proc = subprocess.run([sys.executable, "main.py", "--screenshot", str(BENCH_DIR / "cold.png")], cwd=REPO,
                              env=env, capture_output=True, text=True, timeout=300, check=False)
        whole.append(time.perf_counter() - started)
        if proc.returncode != 0:
            raise RuntimeError(f"cold start failed: {proc.stderr[-2000:]}")
        for line in proc.stdout.splitlines():
            if line.startswith("startup: first paint after"):
                first_paint.append(float(line.split()[4]))
            elif line.startswith("startup: data painted after"):
                data_painted.append(float(line.split()[4]))
    report.append(f"| cold start → first painted window (city, SQLite) | {statistics.median(first_paint):.2f} s "
                  f"| ≤ 2 s | every panel's data painted (100k premises on the map, tree counts, first table "
                  f"page): {statistics.median(data_painted):.2f} s; whole process incl. screenshot and exit: "
                  f"{statistics.median(whole):.2f} s; 5 runs |")


def _search(url: str, backend: str, report: list[str]) -> None:
    from console.services.premises import PremiseQuery, count_premises, premises_page
    from console.services.users import system_actor
    from db.engine import make_engine

    engine = make_engine(url)
    terms = ["湖里", "小吃", "长乐路", "P3502060001", "五金", "出租屋 禾山", "zzz-no-match"]
    with Session(engine) as s:
        actor = system_actor(s)
        page_ms, count_ms = [], []
        for term in terms:
            q = PremiseQuery(text=term)
            m, _ = _median_ms(lambda q=q: premises_page(s, actor, q, 0, 200), 5)
            page_ms.append(m)
            m, _ = _median_ms(lambda q=q: count_premises(s, actor, q), 3)
            count_ms.append(m)
    engine.dispose()
    report.append(f"| premises search, first page of 200 ({backend}) | {statistics.median(page_ms):.1f} ms "
                  f"| ≤ 100 ms | worst term {max(page_ms):.1f} ms over {len(terms)} terms; "
                  f"total count {statistics.median(count_ms):.1f} ms median (runs beside the page) |")


def _bbox(url: str, backend: str, report: list[str]) -> None:
    from console.domain.geo import BBox
    from console.services.spatial import ids_in_bbox, ids_in_bbox_full_scan
    from console.services.users import system_actor
    from db.engine import make_engine
    from db.spatial import spatial_index_kind

    engine = make_engine(url)
    # 1 km² windows (≈0.00986° lon × 0.00899° lat at 24.5°N) over the district's busy centre and edges.
    centres = [(118.105, 24.507), (118.13, 24.52), (118.17, 24.53), (118.09, 24.49), (118.15, 24.50)]
    half_lon, half_lat = 0.00986 / 2, 0.00899 / 2
    with Session(engine) as s:
        actor = system_actor(s)
        idx_ms, scan_ms, hits = [], [], []
        for lon, lat in centres:
            box = BBox(lon - half_lon, lat - half_lat, lon + half_lon, lat + half_lat)
            a = ids_in_bbox(s, actor, "premises", box)
            b = ids_in_bbox_full_scan(s, actor, "premises", box)
            assert a == b, "index and full scan disagree"
            hits.append(len(a))
            idx_ms.append(_median_ms(lambda box=box: ids_in_bbox(s, actor, "premises", box), 15)[0])
            scan_ms.append(_median_ms(lambda box=box: ids_in_bbox_full_scan(s, actor, "premises", box), 7)[0])
        kind = spatial_index_kind(s.connection())
    engine.dispose()
    i, f = statistics.median(idx_ms), statistics.median(scan_ms)
    report.append(f"| premises in a 1 km² box ({backend}, {kind}) | {i:.2f} ms | ≤ 10 ms, ≥ 20× scan "
                  f"| full scan {f:.1f} ms → **{f / i:.0f}×**; {statistics.median(hits):.0f} hits median |")


def run(report: list[str]) -> None:
    from db.engine import sqlite_url

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    sqlite_path = BENCH_DIR / "city.sqlite"
    sqlite_seed = _seed_city(sqlite_url(sqlite_path), "SQLite")
    _fresh_pg_database()
    pg_seed = _seed_city(_pg_url(), "PostgreSQL")
    counts = _counts(sqlite_url(sqlite_path))
    report += ["## Foundation (issue 2)", "",
               "City-scale demo district 湖里区 (seed 1, anchor 2026-11-30): "
               + ", ".join(f"{v:,} {k}" for k, v in counts.items()) + ".", "",
               "| figure | median | target | notes |", "|---|---|---|---|"]
    report.append(f"| city seed (SQLite) | {sqlite_seed:.0f} s | — | one transaction, all tables |")
    report.append(f"| city seed (PostgreSQL) | {pg_seed:.0f} s | — | one transaction, all tables |")
    _cold_start(sqlite_path, report)
    _search(sqlite_url(sqlite_path), "SQLite", report)
    _search(_pg_url(), "PostgreSQL", report)
    _bbox(sqlite_url(sqlite_path), "SQLite", report)
    _bbox(_pg_url(), "PostgreSQL", report)


if __name__ == "__main__":
    lines: list[str] = []
    run(lines)
    print("\n".join(lines))
