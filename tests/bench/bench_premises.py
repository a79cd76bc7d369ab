"""Premises benchmarks on SQLite over 600 grids: importing 100k premises from a GCJ-02 CSV, recomputing the
colour of 100k premises from open findings, and the due list of one township.

Targets from the issue: import ≥ 10k rows/s, due list ≤ 100 ms. Medians of repeated runs; nothing asserts."""
from __future__ import annotations

import csv
import os
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from console.domain.geo import wgs84_to_gcj02
from console.domain.premise_types import PREMISE_TYPE_LABELS
from console.importers.premises import ColumnMapping, read_table
from console.services.due_lists import DueScope, due_list
from console.services.premise_colours import recompute_colours
from console.services.premise_import import import_premises
from db.engine import make_engine
from db.migrate import upgrade
from db.models import ChecklistTemplate, Inspection, InspectionFinding, OrgUnit, Premise
from tests.bench.bench_workers import ADMIN, build_district

N_PREMISES = int(os.environ.get("BENCH_PREMISES", "100000"))
TODAY = date(2026, 11, 30)
TYPES = list(PREMISE_TYPE_LABELS)


def _median_ms(fn, repeat: int = 7) -> float:
    fn()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def write_csv(path: Path, n: int) -> None:
    """n premises spread over the grids' area (118.05–118.20 E, 24.45–24.55 N), written in GCJ-02."""
    rng = np.random.default_rng(7)
    lon = rng.uniform(118.0501, 118.1999, n)
    lat = rng.uniform(24.4501, 24.5499, n)
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(["名称", "类型", "地址", "经度", "纬度", "联系电话"])
        for i, (x, y) in enumerate(zip(lon.tolist(), lat.tolist(), strict=True)):
            gx, gy = wgs84_to_gcj02(x, y)
            out.writerow([f"场所{i}", PREMISE_TYPE_LABELS[TYPES[i % len(TYPES)]], f"湖里区测试路 {i} 号",
                          f"{gx:.7f}", f"{gy:.7f}", f"139{i:08d}"])


def add_findings(engine, share: float = 0.15) -> int:
    """Open findings on a share of premises (a third of them serious), as visits would have left them."""
    with Session(engine) as s:
        s.add(ChecklistTemplate(id=1, name="bench", premise_type="shop"))
        s.commit()
        ids = s.scalars(select(Premise.id).order_by(Premise.id)).all()
    chosen = ids[:: int(1 / share)]
    at = datetime.combine(TODAY, datetime.min.time())
    with engine.begin() as conn:
        conn.execute(insert(Inspection), [{"id": k + 1, "premise_id": pid, "template_id": 1, "finished_at": at,
                                           "result_status": "yellow"} for k, pid in enumerate(chosen)])
        conn.execute(insert(InspectionFinding), [{"inspection_id": k + 1, "severity": "serious" if k % 3 else "minor"}
                                                 for k in range(len(chosen))])
    return len(chosen)


def spread_due_dates(engine) -> None:
    """Next inspections spread over ±60 days around today, as an established district has them."""
    with engine.begin() as conn:
        for offset in range(-60, 61):
            conn.execute(update(Premise).where(Premise.id % 121 == offset + 60)
                         .values(next_inspection=TODAY + timedelta(days=offset)))


def run(report: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(str(Path(tmp) / "bench.sqlite"))
        upgrade(engine)
        build_district(engine)
        source = Path(tmp) / "premises.csv"
        write_csv(source, N_PREMISES)
        started = time.perf_counter()
        table = read_table(source)
        with Session(engine) as s:
            result = import_premises(s, ADMIN, table, ColumnMapping(), datum="gcj02", today=TODAY)
            s.commit()
        import_s = time.perf_counter() - started
        with_findings = add_findings(engine)
        recolour_times = []
        for _ in range(3):
            with engine.begin() as conn:
                conn.execute(update(Premise).values(status="green"))
            with Session(engine) as s:
                started = time.perf_counter()
                changed = recompute_colours(s, ADMIN)
                s.commit()
                recolour_times.append((time.perf_counter() - started) * 1000)
        spread_due_dates(engine)
        with Session(engine) as s:
            township = s.scalar(select(OrgUnit.id).where(OrgUnit.kind == "township").order_by(OrgUnit.id))
            in_township = s.scalar(select(func.count()).select_from(Premise)
                                   .where(Premise.org_path.like(f"/1/{township}/%")))
            listed = due_list(s, ADMIN, DueScope(org_unit_id=township), today=TODAY)
            due_ms = _median_ms(lambda: due_list(s, ADMIN, DueScope(org_unit_id=township), today=TODAY))
            grid = s.scalar(select(OrgUnit.id).where(OrgUnit.kind == "grid").order_by(OrgUnit.id))
            grid_list = due_list(s, ADMIN, DueScope(org_unit_id=grid), today=TODAY)
            grid_ms = _median_ms(lambda: due_list(s, ADMIN, DueScope(org_unit_id=grid), today=TODAY))
        engine.dispose()
    report += [
        "## Premises (SQLite, 600 grids)", "",
        f"Load average when measured: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores.", "",
        "| measure | size | result | target |", "|---|---|---|---|",
        (f"| import premises from CSV, GCJ-02 → WGS-84, grid by point-in-polygon, insert "
         f"(`premise_import.import_premises`) | {result.read:,} rows, {result.imported:,} imported | "
         f"{import_s:.1f} s = {result.read / import_s:,.0f} rows/s | ≥ 10,000 rows/s |"),
        (f"| colour recomputation from open findings (`premise_colours.recompute_colours`) | "
         f"{result.imported:,} premises, {with_findings:,} with open findings, {sum(changed.values()):,} changed | "
         f"{statistics.median(recolour_times):.0f} ms | — |"),
        (f"| due list of one township (`due_lists.due_list`, first 500 + counts) | {in_township:,} premises in "
         f"the township, {listed.overdue:,} overdue, {listed.due_soon:,} due soon | {due_ms:.1f} ms | ≤ 100 ms |"),
        (f"| due list of one grid (same call) | {grid_list.overdue:,} overdue, {grid_list.due_soon:,} due soon | "
         f"{grid_ms:.1f} ms | — |"),
        ""]


if __name__ == "__main__":
    lines: list[str] = []
    run(lines)
    print("\n".join(lines))
    sys.exit(0)
