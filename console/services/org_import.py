"""Importing a center's own org units: streets, communities and grids with their boundaries, in one transaction.

Why all-or-nothing (unlike premises, where good rows go in and bad rows are listed): a hierarchy with one
unit missing or misplaced re-assigns thousands of premises wrongly, so any bad feature — unreadable or
invalid polygon, unknown parent, duplicate code — stops the whole import, with every problem listed by
feature index and field. A unit whose code already exists (same level, same parent) is updated in place;
a community that receives grids from the file loses its other grids (the generated ones are replaced), and
every premise, incident, camera and worker is then placed again by point-in-polygon (console.services.org_regrid)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from shapely.geometry import mapping as geojson_mapping
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from console.domain.messages import Message, explain
from console.domain.roles import Role
from console.importers.org_units import (
    FeatureRejected,
    OrgCandidate,
    OrgSource,
    org_candidate,
    resolve_org_sources,
)
from console.importers.premises import ColumnMapping
from console.services.changes import record_change
from console.services.jurisdiction import Actor
from console.services.org_regrid import RegridCounts, regrid
from console.services.users import UserError, system_actor
from db.models import OrgUnit

LEVELS = ("district", "township", "community", "grid")
PARENT_KIND = {"township": "district", "community": "township", "grid": "community"}


@dataclass(frozen=True)
class OrgProblem:
    """`why` is the reason for the console to translate."""

    index: int  # 1-based feature position in the file; 0 for the import as a whole
    field: str
    why: Message

    @property
    def reason(self) -> str:
        return str(self.why)

    def describe(self) -> Message:
        if not self.index:
            return self.why
        return explain("feature {index}, field {field}: {reason}", index=self.index, field=self.field,
                       reason=self.why)

    def __str__(self) -> str:
        return str(self.describe())


class OrgImportError(ValueError):
    """The file cannot be imported as it is; `problems` lists each one by feature index and field."""

    def __init__(self, problems: list[OrgProblem]) -> None:
        super().__init__(f"{len(problems)} problem(s): " + "; ".join(map(str, problems[:5]))
                         + ("; …" if len(problems) > 5 else ""))
        self.problems = problems


@dataclass
class OrgImportReport:
    read: int
    inserted: dict[str, int] = field(default_factory=dict)  # kind → count
    updated: dict[str, int] = field(default_factory=dict)
    replaced_grids: list[str] = field(default_factory=list)  # codes of the grids removed
    moved: RegridCounts = field(default_factory=RegridCounts)
    dry_run: bool = False

    def summary(self) -> str:
        add, update, replace, move = (("would add", "would update", "would replace", "would move") if self.dry_run
                                      else ("added", "updated", "replaced", "moved"))
        added = ", ".join(f"{n} {k}" for k, n in sorted(self.inserted.items())) or "nothing"
        changed = ", ".join(f"{n} {k}" for k, n in sorted(self.updated.items())) or "nothing"
        m = self.moved
        return (f"read {self.read} features; {add} {added}; {update} {changed}; {replace} "
                f"{len(self.replaced_grids)} grids; {move} {m.premises} premises, {m.incidents} incidents, "
                f"{m.cameras} cameras and {m.workers} workers ({m.nearest} outside every grid, placed in the nearest).")


def import_actor(session: Session) -> Actor:
    """The console acting for an administrator at the command line: the whole tree, even an empty one."""
    try:
        return system_actor(session)
    except UserError:
        return Actor(user_id=None, username="system", display_name="系统", role=Role.ADMIN, org_unit_id=0,
                     org_path="/")


@dataclass(frozen=True)
class _Existing:
    id: int
    code: str
    name: str
    kind: str
    parent_id: int | None
    path: str


def _parse(source: OrgSource, mapping: ColumnMapping, datum: str,
           problems: list[OrgProblem]) -> list[OrgCandidate]:
    sources = resolve_org_sources(source, mapping)
    out, seen = [], {}
    for feature in source.features:
        try:
            cand = org_candidate(feature, sources, mapping, datum)
        except FeatureRejected as exc:
            problems.append(OrgProblem(feature.index, exc.field, exc.message))
            continue
        if cand.code in seen:
            problems.append(OrgProblem(cand.index, "code", explain("duplicate of feature {index} ({code})",
                                                                   index=seen[cand.code], code=cand.code)))
            continue
        seen[cand.code] = cand.index
        out.append(cand)
    return out


class _Resolver:
    """Finds each candidate's parent among the file's features first, then the database's units."""

    def __init__(self, cands: list[OrgCandidate], existing: list[_Existing]) -> None:
        self.file_by_code = {c.code: c for c in cands}
        self.db_by_code = {u.code: u for u in existing}
        self.db_by_id = {u.id: u for u in existing}
        self.file_by_name: dict[tuple[str, str], list[OrgCandidate]] = {}
        for c in cands:
            self.file_by_name.setdefault((c.kind, c.name), []).append(c)
        self.db_by_name: dict[tuple[str, str], list[_Existing]] = {}
        for u in existing:
            self.db_by_name.setdefault((u.kind, u.name), []).append(u)

    def parent_id(self, parent: OrgCandidate | _Existing | None) -> int | None:
        """The database id of a resolved parent; -1 for one the file adds."""
        if parent is None or isinstance(parent, _Existing):
            return None if parent is None else parent.id
        known = self.db_by_code.get(parent.code)
        return known.id if known is not None else -1

    def parent(self, c: OrgCandidate) -> OrgCandidate | _Existing | None:
        """The parent, or None for a district; raises FeatureRejected naming the parent field."""
        want = PARENT_KIND.get(c.kind)
        if want is None:
            if c.parent_code or c.parent_name:
                raise FeatureRejected("parent_code", explain("a district has no parent in this hierarchy"))
            return None
        if c.parent_code:
            found = self.file_by_code.get(c.parent_code) or self.db_by_code.get(c.parent_code)
            fld, what = "parent_code", explain("code {code}", code=c.parent_code)
            if found is None:
                raise FeatureRejected(fld, explain("no org unit with {what} in the file or the database", what=what))
        elif c.parent_name:
            fld, what = "parent_name", explain("name {name}", name=c.parent_name)
            matches = (self.file_by_name.get((want, c.parent_name))
                       or self.db_by_name.get((want, c.parent_name)) or [])
            if not matches:
                raise FeatureRejected(fld, explain("no {kind} named {name} in the file or the database", kind=want,
                                                   name=c.parent_name))
            if len(matches) > 1:
                raise FeatureRejected(fld, explain("{count} units of kind {kind} are named {name}; give the "
                                                   "parent's code instead", count=len(matches), kind=want,
                                                   name=c.parent_name))
            found = matches[0]
        else:
            existing = self.db_by_code.get(c.code)
            if existing is not None and existing.parent_id is not None:
                return self.db_by_id[existing.parent_id]
            districts = [u for u in self.db_by_code.values() if u.kind == "district"] + \
                [f for f in self.file_by_code.values() if f.kind == "district"]
            if want == "district" and len(districts) == 1:
                return districts[0]
            raise FeatureRejected("parent_code", explain("missing: name the parent by code or by name"))
        if found.kind != want:
            raise FeatureRejected(fld, explain("the unit with {what} is a {kind}; a {level}'s parent is a "
                                               "{parent_kind}", what=what, kind=found.kind, level=c.kind,
                                               parent_kind=want))
        return found


def _check(cands: list[OrgCandidate], existing: list[_Existing], actor: Actor,
           problems: list[OrgProblem]) -> dict[str, OrgCandidate | _Existing | None]:
    resolver = _Resolver(cands, existing)
    parents: dict[str, OrgCandidate | _Existing | None] = {}
    for c in cands:
        try:
            parent = resolver.parent(c)
        except FeatureRejected as exc:
            problems.append(OrgProblem(c.index, exc.field, exc.message))
            continue
        old = resolver.db_by_code.get(c.code)
        if old is not None and old.kind != c.kind:
            problems.append(OrgProblem(c.index, "code", explain("{code} is already the code of the {kind} {name}",
                                                                code=c.code, kind=old.kind, name=old.name)))
            continue
        if old is not None and resolver.parent_id(parent) != old.parent_id:
            problems.append(OrgProblem(c.index, "parent_code", explain(
                "{code} exists under another parent; moving existing units is not supported", code=c.code)))
            continue
        anchor = old.path if old else (parent.path if isinstance(parent, _Existing) else None)
        if anchor is not None and not actor.covers(anchor):
            problems.append(OrgProblem(c.index, "code", explain("outside the jurisdiction of {user}",
                                                                user=actor.username)))
            continue
        parents[c.code] = parent
    return parents


def _geojson_text(geom) -> str:
    return json.dumps(geojson_mapping(geom), separators=(",", ":"), ensure_ascii=False)


def _unit_id(unit: OrgCandidate | _Existing, ids: dict[str, int]) -> int:
    return unit.id if isinstance(unit, _Existing) else ids[unit.code]


def _write_units(session: Session, actor: Actor, cands: list[OrgCandidate],
                 parents: dict[str, OrgCandidate | _Existing | None], existing: dict[str, _Existing],
                 report: OrgImportReport) -> dict[str, int]:
    """Insert or update every candidate, parents first; returns code → id of every unit in the file."""
    ids: dict[str, int] = {}
    paths: dict[str, str] = {}
    for c in sorted(cands, key=lambda c: LEVELS.index(c.kind)):
        parent = parents[c.code]
        parent_id = None if parent is None else _unit_id(parent, ids)
        parent_path = "/" if parent is None else (parent.path if isinstance(parent, _Existing) else paths[parent.code])
        bounds = c.boundary.bounds
        values = {"name": c.name, "boundary_geojson": _geojson_text(c.boundary), "min_lon": bounds[0],
                  "min_lat": bounds[1], "max_lon": bounds[2], "max_lat": bounds[3]}
        old = existing.get(c.code)
        if old is not None:
            unit = session.get(OrgUnit, old.id)
            for key, value in values.items():
                setattr(unit, key, value)
            op, counter = "update", report.updated
        else:
            unit = OrgUnit(code=c.code, kind=c.kind, parent_id=parent_id, path="", **values)
            session.add(unit)
            session.flush()
            unit.path = f"{parent_path}{unit.id}/" if parent is not None else f"/{unit.id}/"
            op, counter = "insert", report.inserted
        session.flush()
        ids[c.code], paths[c.code] = unit.id, unit.path
        counter[c.kind] = counter.get(c.kind, 0) + 1
        record_change(session, "org_unit", unit.id, op, actor.username)
    return ids


def import_org_units(session: Session, actor: Actor, source: OrgSource, mapping: ColumnMapping, *,
                     datum: str = "wgs84", dry_run: bool = False) -> OrgImportReport:
    """Check every feature, then write units, replace grids and re-place rows; raises OrgImportError (nothing
    written) when any feature is bad. With dry_run the work is done and rolled back, so the report says
    exactly what would change. Otherwise the caller commits."""
    if actor.role is not Role.ADMIN:
        raise OrgImportError([OrgProblem(0, "", explain("{user} is not an administrator; only administrators "
                                                        "import org units", user=actor.username))])
    report = OrgImportReport(read=len(source.features), dry_run=dry_run)
    problems: list[OrgProblem] = []
    cands = _parse(source, mapping, datum, problems)
    existing = [_Existing(*row) for row in session.execute(
        select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.kind, OrgUnit.parent_id, OrgUnit.path))]
    parents = _check(cands, existing, actor, problems)
    if problems:
        raise OrgImportError(problems)
    by_code = {u.code: u for u in existing}
    ids = _write_units(session, actor, cands, parents, by_code, report)
    grid_parents = {_unit_id(parents[c.code], ids) for c in cands if c.kind == "grid"}
    replaced = [u for u in existing if u.kind == "grid" and u.parent_id in grid_parents and u.code not in ids]
    report.replaced_grids = sorted(u.code for u in replaced)
    report.moved = regrid(session, actor, [u.id for u in replaced])
    if replaced:
        session.execute(delete(OrgUnit).where(OrgUnit.id.in_([u.id for u in replaced])))
    for unit in replaced:
        record_change(session, "org_unit", unit.id, "delete", actor.username)
    if dry_run:
        session.rollback()
    return report
