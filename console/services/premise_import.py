"""Importing premises: datum conversion, grid by point-in-polygon, duplicate codes, one all-or-nothing write.

Every row either becomes a premise in the grid that contains it or is reported with its line and reason;
the caller's transaction holds all inserts, so a failure (or --dry-run, which writes nothing) leaves the
database as it was. New premises start green, due one cycle after the import day.

Rows listed for review are imported once a person has chosen one of their candidates (`resolved`): then
only those rows are read, all or none, and they go through the same grid, jurisdiction and duplicate rules."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

import numpy as np
import shapely
from shapely.geometry import shape
from sqlalchemy import func, insert, select, text
from sqlalchemy.orm import Session

from console.domain.address_match import Candidate, address_key
from console.domain.addresses import DEFAULT_REGION
from console.domain.datum_arrays import to_wgs84
from console.domain.inspections import GREEN, cycle_days
from console.domain.messages import Message, explain
from console.importers.premises import (
    ColumnMapping,
    PremiseCandidate,
    RowRejected,
    SourceTable,
    candidate,
    resolve_sources,
)
from console.services.address_library import load_address_library
from console.services.changes import record_change
from console.services.jurisdiction import Actor
from db.models import OrgUnit, Premise

CHUNK = 5_000
RTREE_TRIGGER = "premises_rtree_ins"


@dataclass(frozen=True)
class GridIndex:
    """Grid polygons in an STRtree: a whole file's points are placed in one vectorised query."""

    ids: list[int]
    paths: list[str]
    tree: shapely.STRtree

    @classmethod
    def load(cls, session: Session) -> GridIndex:
        rows = session.execute(select(OrgUnit.id, OrgUnit.path, OrgUnit.boundary_geojson)
                               .where(OrgUnit.kind == "grid", OrgUnit.boundary_geojson.is_not(None))
                               .order_by(OrgUnit.id)).all()
        geoms = [shape(json.loads(g)) for _, _, g in rows]
        return cls([r[0] for r in rows], [r[1] for r in rows], shapely.STRtree(geoms))

    def locate(self, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
        """Index into ids per point, -1 outside every grid (the lowest grid id wins on a shared edge)."""
        found = np.full(len(lon), -1, dtype=np.int64)
        if not len(lon) or not self.ids:
            return found
        point_idx, grid_idx = self.tree.query(shapely.points(lon, lat), predicate="intersects")
        order = np.lexsort((grid_idx, point_idx))
        first_points, first = np.unique(point_idx[order], return_index=True)
        found[first_points] = grid_idx[order][first]
        return found


class ResolutionError(ValueError):
    """Chosen candidates cannot be imported as asked; each line of the message names a line of the file.
    Nothing has been written."""

    JOINER = "; "

    def __init__(self, lines: list[Message]) -> None:
        self._lines = lines
        super().__init__(self.JOINER.join(map(str, lines)))

    def lines(self) -> list[Message]:
        return self._lines


@dataclass(frozen=True)
class Rejected:
    """A row not imported; `why` is the reason for the console to translate."""

    line: int
    why: Message

    @property
    def reason(self) -> str:
        return str(self.why)

    def describe(self) -> Message:
        return explain("line {line}: {reason}", line=self.line, reason=self.why)

    def __str__(self) -> str:
        return str(self.describe())


@dataclass(frozen=True)
class ReviewRow:
    """A row without coordinates whose address resembles library entries too loosely to place it unasked."""

    line: int
    address: str
    candidates: tuple[Candidate, ...]

    def __str__(self) -> str:
        options = "; ".join(f"{c.address} ({c.score:.0f})" for c in self.candidates)
        return f"line {self.line}: {self.address} → {options}"


@dataclass
class ImportReport:
    read: int
    imported: int = 0
    per_grid: dict[int, int] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    review: list[ReviewRow] = field(default_factory=list)
    geocoded: int = 0  # rows placed by their address
    dry_run: bool = False


def generated_code(c: PremiseCandidate) -> str:
    """Stable across re-imports of the same row, so importing a file twice reports duplicates."""
    digest = hashlib.sha1(f"{c.name}|{c.lon:.6f}|{c.lat:.6f}".encode()).hexdigest()[:14].upper()
    return f"IM{digest}"


def _candidates(table: SourceTable, mapping: ColumnMapping, region, report: ImportReport):
    sources = resolve_sources(table, mapping)
    out = []
    for row in table.rows:
        try:
            out.append(candidate(row, sources, mapping, region))
        except RowRejected as exc:
            report.rejected.append(Rejected(row.line, exc.message))
    return out


def _chosen(line: int, index: int, candidates: tuple[Candidate, ...]) -> Candidate:
    if not 0 <= index < len(candidates):
        raise ResolutionError([explain("line {line}: there is no candidate {number}; its address has {count} "
                                       "candidates", line=line, number=index + 1, count=len(candidates))])
    return candidates[index]


def _place(session: Session, cands: list[PremiseCandidate], datum: str, region, report: ImportReport,
           resolved: Mapping[int, int]):
    """WGS-84 positions in line order: converted from the file's datum, or looked up by address (already
    WGS-84); rows whose address is uncertain go to the review list unless `resolved` names the candidate
    chosen for them, hopeless ones are rejected."""
    located = [c for c in cands if c.lon is not None]
    lons, lats = to_wgs84(datum, np.array([c.lon for c in located], dtype=float),
                          np.array([c.lat for c in located], dtype=float))
    unplaced = [c for c in cands if c.lon is None]
    if not unplaced:
        return located, lons, lats
    placed = list(zip(located, lons.tolist(), lats.tolist(), strict=True))
    library = load_address_library(session, region)
    for c in unplaced:
        found = library.match(address_key(c.address, region))
        if found.verdict == "matched":
            best = found.best
            placed.append((replace(c, lon=best.lon, lat=best.lat), best.lon, best.lat))
            report.geocoded += 1
        elif found.verdict == "review" and c.line in resolved:
            chosen = _chosen(c.line, resolved[c.line], found.candidates)
            placed.append((replace(c, lon=chosen.lon, lat=chosen.lat), chosen.lon, chosen.lat))
        elif found.verdict == "review":
            report.review.append(ReviewRow(c.line, c.address, found.candidates))
        else:
            report.rejected.append(Rejected(c.line, explain("no coordinates, and the address {address} matches "
                                                            "nothing in the address library", address=c.address)))
    placed.sort(key=lambda item: item[0].line)
    return ([item[0] for item in placed], np.array([item[1] for item in placed], dtype=float),
            np.array([item[2] for item in placed], dtype=float))


def _existing_codes(session: Session, codes: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(codes), CHUNK):
        found.update(session.scalars(select(Premise.code).where(Premise.code.in_(codes[start:start + CHUNK]))))
    return found


def import_premises(session: Session, actor: Actor, table: SourceTable, mapping: ColumnMapping, *,
                    datum: str = "wgs84", dry_run: bool = False, today: date | None = None,
                    region: tuple[str, str, str] = DEFAULT_REGION,
                    resolved: Mapping[int, int] | None = None) -> ImportReport:
    """Validate, place and (unless dry_run) insert; the caller commits or rolls back. Rows without coordinates
    are placed by address (console.services.address_library) or listed for review, never guessed.

    resolved: line → index (0 = best) of the candidate a person chose for a review row. Only those lines are
    imported; a row whose address has meanwhile become a confident match (it was imported already) is placed
    as any other row, so the duplicate rules refuse it. Any choice out of range or any of those rows
    rejected raises ResolutionError before anything is written."""
    if resolved is not None:
        table = _only_lines(table, resolved)
    report = ImportReport(read=len(table.rows), dry_run=dry_run)
    cands, lons, lats = _place(session, _candidates(table, mapping, region, report), datum, region, report,
                               resolved or {})
    grids = GridIndex.load(session)
    where = grids.locate(lons, lats)
    codes = [c.code or generated_code(c) for c in cands]
    taken = _existing_codes(session, codes)
    seen: dict[str, int] = {}
    today = today or date.today()
    stamp = datetime.combine(today, datetime.now().time())
    rows = []
    for c, code, lon, lat, g in zip(cands, codes, lons.tolist(), lats.tolist(), where.tolist(), strict=True):
        reason = None
        if g < 0:
            reason = explain("({lon}, {lat}) lies outside every grid of the district", lon=f"{lon:.6f}",
                             lat=f"{lat:.6f}")
        elif not actor.covers(grids.paths[g]):
            reason = explain("its grid lies outside the jurisdiction of {user}", user=actor.username)
        elif code in taken:
            reason = explain("a premise with code {code} already exists", code=code)
        elif code in seen:
            reason = explain("duplicate of line {line} (code {code})", line=seen[code], code=code)
        if reason:
            report.rejected.append(Rejected(c.line, reason))
            continue
        seen[code] = c.line
        cycle = cycle_days(c.type)
        rows.append({"code": code, "name": c.name, "type": c.type, "address": c.address, "owner": c.owner,
                     "owner_phone": c.owner_phone, "licence_no": c.licence_no, "lon": lon, "lat": lat,
                     "grid_id": grids.ids[g], "org_path": grids.paths[g], "status": GREEN,
                     "inspection_cycle_days": cycle, "last_inspection": None,
                     "next_inspection": today + timedelta(days=cycle), "source": "import", "version": 1,
                     "updated_at": stamp})
        report.per_grid[grids.ids[g]] = report.per_grid.get(grids.ids[g], 0) + 1
    report.rejected.sort(key=lambda r: r.line)
    if resolved is not None and report.rejected:
        raise ResolutionError([r.describe() for r in report.rejected])
    report.imported = len(rows)
    if not dry_run and rows:
        rows.sort(key=lambda r: r["org_path"])  # grid by grid: the path and grid indexes grow at their ends
        record_change(session, "premise", None, "import", actor.username)  # first: it opens the transaction
        with _rtree_filled_in_bulk(session):
            for start in range(0, len(rows), CHUNK):
                session.connection().execute(insert(Premise.__table__), rows[start:start + CHUNK])
    return report


def _only_lines(table: SourceTable, resolved: Mapping[int, int]) -> SourceTable:
    rows = [row for row in table.rows if row.line in resolved]
    missing = sorted(set(resolved) - {row.line for row in rows})
    if missing:
        raise ResolutionError([explain("line {line}: not in {path}", line=line, path=table.path)
                               for line in missing])
    return replace(table, rows=rows)


@contextmanager
def _rtree_filled_in_bulk(session: Session) -> Iterator[None]:
    """On SQLite, lift the R*Tree insert trigger for the inserts and fill the tree in one statement after:
    2–3× faster than a tree insertion per row. The trigger's own text is put back, all inside the caller's
    transaction (SQLite DDL is transactional, and no other writer can insert meanwhile); the driver only
    opens that transaction at the first DML, so without one open the trigger is left alone."""
    conn = session.connection()
    in_driver_transaction = conn.dialect.name == "sqlite" and conn.connection.dbapi_connection.in_transaction
    trigger = conn.scalar(text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"),
                          {"n": RTREE_TRIGGER}) if in_driver_transaction else None
    if trigger is None:
        yield
        return
    before = conn.scalar(select(func.coalesce(func.max(Premise.id), 0)))
    conn.execute(text(f"DROP TRIGGER {RTREE_TRIGGER}"))
    yield
    conn.execute(text("INSERT INTO premises_rtree SELECT id, lon, lon, lat, lat FROM premises WHERE id > :before"),
                 {"before": before})
    conn.execute(text(trigger))
