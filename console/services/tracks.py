"""Workers' GPS tracks in the database: ingest filtered fixes, load a worker-day as numpy arrays, day figures.

Fixes are filtered twice on purpose: at ingest (so junk never lands, and a re-sent file adds nothing) and
on load (a jump can straddle two ingested batches). Times are naive local datetimes in the database and
float "wall-clock seconds" (the naive time read as if UTC) in arrays, so no time zone is ever guessed."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
import shapely
from sqlalchemy import String, func, insert, or_, select, type_coerce
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from console.domain.fix_filter import DEFAULT_FILTER, FilteredFixes, FilterRules, filter_fixes
from console.domain.tracks import DEFAULT_TRACK, TrackRules, TrackSummary, summarize
from console.importers.fixes import ParsedFixes, RawFix, RejectedRow
from console.services.changes import record_change
from console.services.raw_sql import fetch_statement
from db.models import CheckIn, GpsFix, OrgUnit, Premise, Worker, WorkerGrid

_EPOCH = datetime(1970, 1, 1)


class UnknownWorker(LookupError):
    """No worker has that code or device id."""


def to_seconds(values) -> np.ndarray:
    """Datetimes (or the ISO strings SQLite hands back) → float wall-clock seconds."""
    return np.array(values, dtype="datetime64[us]").astype(np.int64) / 1e6


def from_seconds(seconds: float) -> datetime:
    return _EPOCH + timedelta(microseconds=round(seconds * 1e6))


def find_worker(session: Session, ref: str) -> Worker | None:
    """A worker by code, else by device id (field systems send either)."""
    return session.scalars(select(Worker).where(or_(Worker.code == ref, Worker.device_id == ref))
                           .order_by(Worker.code != ref).limit(1)).first()


@dataclass
class IngestReport:
    path: str
    read: int
    stored: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    per_worker: dict[str, int] = field(default_factory=dict)


def _group_by_worker(session: Session, parsed: ParsedFixes, worker_ref: str | None,
                     report: IngestReport) -> dict[int, tuple[str, list[RawFix]]]:
    if worker_ref is not None:
        worker = find_worker(session, worker_ref)
        if worker is None:
            raise UnknownWorker(f"no worker has the code or device id {worker_ref!r}")
        return {worker.id: (worker.code, list(parsed.fixes))} if parsed.fixes else {}
    groups: dict[int, tuple[str, list[RawFix]]] = {}
    cache: dict[str, Worker | None] = {}
    for fix in parsed.fixes:
        if fix.worker is None:
            report.rejected.append(RejectedRow(parsed.path, fix.line, "worker", "missing (or pass --worker)"))
            continue
        if fix.worker not in cache:
            cache[fix.worker] = find_worker(session, fix.worker)
        worker = cache[fix.worker]
        if worker is None:
            report.rejected.append(RejectedRow(parsed.path, fix.line, "worker",
                                               f"no worker has the code or device id {fix.worker!r}"))
            continue
        groups.setdefault(worker.id, (worker.code, []))[1].append(fix)
    return groups


def _already_stored(session: Session, worker_id: int, times: list[datetime]) -> set[float]:
    stored = session.scalars(select(GpsFix.t).where(GpsFix.worker_id == worker_id,
                                                    GpsFix.t.between(min(times), max(times)))).all()
    return set(to_seconds(stored).tolist()) if stored else set()


def ingest_fixes(engine: Engine, parsed: ParsedFixes, worker_ref: str | None = None, actor: str = "ingest",
                 now: datetime | None = None, rules: FilterRules = DEFAULT_FILTER) -> IngestReport:
    """Filter and store the parsed fixes in one transaction; rejected rows and dropped fixes are reported.

    Raises UnknownWorker when `worker_ref` names nobody (nothing is stored then)."""
    report = IngestReport(parsed.path, read=len(parsed.fixes) + len(parsed.rejected),
                          rejected=list(parsed.rejected))
    now_s = float(to_seconds([now or datetime.now()])[0])
    with Session(engine) as session, session.begin():
        for worker_id, (code, fixes) in _group_by_worker(session, parsed, worker_ref, report).items():
            kept = filter_fixes(to_seconds([f.t for f in fixes]), np.array([f.lon for f in fixes]),
                                np.array([f.lat for f in fixes]), now=now_s, rules=rules)
            report.dropped.update(kept.dropped)
            stored = _already_stored(session, worker_id, [f.t for f in fixes]) if len(kept) else set()
            rows = [{"worker_id": worker_id, "t": fixes[i].t, "lon": fixes[i].lon, "lat": fixes[i].lat,
                     "speed": fixes[i].speed, "accuracy": fixes[i].accuracy}
                    for i, ts in zip(kept.source_index.tolist(), kept.t.tolist()) if ts not in stored]
            if len(rows) < len(kept):
                report.dropped["duplicate"] += len(kept) - len(rows)
            if rows:
                session.execute(insert(GpsFix), rows)
                record_change(session, "gps_fixes", worker_id, "insert", actor)
            report.per_worker[code] = report.per_worker.get(code, 0) + len(rows)
            report.stored += len(rows)
    return report


@dataclass(frozen=True)
class DayFixes:
    """One worker-day, raw (as stored), in time order."""

    t: np.ndarray
    lon: np.ndarray
    lat: np.ndarray


def day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, datetime.min.time())
    return start, start + timedelta(days=1)


def load_day(session: Session, worker_id: int, day: date) -> DayFixes:
    """The worker's fixes of `day`; times come back uncoerced (strings on SQLite) and numpy parses them,
    and the rows come straight off the driver's cursor (raw_sql): SQLAlchemy's result layer alone would
    cost more than the query for 17k fixes, which must load well under the 100 ms a replay may take."""
    start, end = day_bounds(day)
    stmt = (select(type_coerce(GpsFix.t, String), GpsFix.lon, GpsFix.lat)
            .where(GpsFix.worker_id == worker_id, GpsFix.t >= start, GpsFix.t < end).order_by(GpsFix.t))
    rows = fetch_statement(session, stmt)
    if not rows:
        empty = np.empty(0)
        return DayFixes(empty, empty, empty)
    t, lon, lat = zip(*rows)
    return DayFixes(to_seconds(list(t)), np.array(lon, dtype=np.float64), np.array(lat, dtype=np.float64))


def worker_polygons(session: Session, worker_id: int) -> list:
    """Shapely polygons of every grid the worker serves that has a boundary."""
    grid_ids = set(session.scalars(select(WorkerGrid.grid_id).where(WorkerGrid.worker_id == worker_id)))
    grid_ids.update(session.scalars(select(Worker.grid_id).where(Worker.id == worker_id)))
    geojsons = session.scalars(select(OrgUnit.boundary_geojson)
                               .where(OrgUnit.id.in_(grid_ids), OrgUnit.boundary_geojson.is_not(None)))
    return [shapely.from_geojson(g) for g in geojsons]


@dataclass(frozen=True)
class DaySummary:
    worker_id: int
    day: date
    raw_fixes: int
    dropped: dict[str, int]
    track: TrackSummary
    premises_visited: int
    premises_due: int


def load_day_filtered(session: Session, worker_id: int, day: date,
                      rules: FilterRules = DEFAULT_FILTER) -> tuple[DayFixes, FilteredFixes]:
    raw = load_day(session, worker_id, day)
    return raw, filter_fixes(raw.t, raw.lon, raw.lat, rules=rules)


def day_summary(session: Session, worker_id: int, day: date, rules: TrackRules = DEFAULT_TRACK,
                loaded: tuple[DayFixes, FilteredFixes] | None = None) -> DaySummary:
    """Distance, moving/stopped time, stops, time in own grids, premises visited (checked in) vs due.

    Pass `loaded` (what load_day_filtered returned for this worker-day) when the caller already holds the
    fixes, as a replay does: reading 17k fixes twice would cost the replay its 100 ms."""
    raw, kept = loaded if loaded is not None else load_day_filtered(session, worker_id, day)
    polygons = worker_polygons(session, worker_id)
    track = summarize(kept.t, kept.lon, kept.lat, polygons or None, rules)
    start, end = day_bounds(day)
    visited = session.scalar(select(func.count(func.distinct(CheckIn.premise_id)))
                             .where(CheckIn.worker_id == worker_id, CheckIn.at >= start, CheckIn.at < end)) or 0
    path = session.scalar(select(Worker.org_path).where(Worker.id == worker_id))
    due = session.scalar(select(func.count()).select_from(Premise)
                         .where(Premise.org_path == path, Premise.next_inspection <= day)) or 0
    return DaySummary(worker_id, day, len(raw.t), dict(kept.dropped), track, int(visited), int(due))

