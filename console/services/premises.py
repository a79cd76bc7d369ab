"""Premises lists for the table panel: a count and pages of rows, filtered by text and org unit, sorted.

Built for ~100k rows per district. Every sort ends in the primary key so OFFSET pages never skip or repeat
a row. PostgreSQL's planner has range statistics and picks well; SQLite has none, so for a scope holding a
large share of the table the org_path range is hidden from it (coalesce(x, x)) and it walks the sort
column's index or scans the table, instead of fetching every row of the scope by org_path and sorting.
Text terms match with SQLite's LIKE (which ignores ASCII case by itself) and PostgreSQL's strpos, lower()
only for terms with cased letters: several times faster than lower() LIKE on every row."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Select, case, func, or_, select
from sqlalchemy.orm import Session

from console.services.jurisdiction import Actor, path_prefix_range, unindexed, within
from db.models import OrgUnit, Premise

# A scope holding at least 1/WIDE_SHARE of all premises counts as wide (see the module docstring).
WIDE_SHARE = 8

# Most to least severe is how a supervisor reads the status column, not the alphabet.
_STATUS_RANK = case({"green": 0, "yellow": 1, "red": 2, "black": 3}, value=Premise.status, else_=4)

SORT_COLUMNS: dict[str, ColumnElement] = {
    "code": Premise.code,
    "name": Premise.name,
    "type": Premise.type,
    "address": Premise.address,
    "status": _STATUS_RANK,
    # org_path orders by township, community, then grid: grouped by grid, along the indexed column.
    "grid": Premise.org_path,
    "next_inspection": Premise.next_inspection,
}


@dataclass(frozen=True)
class PremiseQuery:
    text: str = ""
    org_path: str | None = None
    sort: str = "name"
    descending: bool = False

    def __post_init__(self) -> None:
        if self.sort not in SORT_COLUMNS:
            known = ", ".join(SORT_COLUMNS)
            raise ValueError(f"cannot sort premises by {self.sort!r}; expected one of {known}")


@dataclass(frozen=True)
class PremiseRow:
    id: int
    code: str
    name: str
    type: str
    address: str
    status: str
    grid_name: str
    next_inspection: date | None


def search_terms(text: str) -> list[str]:
    """Whitespace separates terms; every term must match."""
    return text.split()


@dataclass(frozen=True)
class _Plan:
    """How to phrase a query so the backend's planner takes the cheap path."""

    dialect: str
    wide: bool  # SQLite only: the scope holds a large share of all premises

    def path_column(self) -> ColumnElement:
        return unindexed(Premise.org_path) if self.wide else Premise.org_path

    def sort_key(self, q: PremiseQuery) -> ColumnElement:
        """With a text filter the matches are usually few: scanning once and sorting them beats walking the
        whole sort index in search of them (which both planners otherwise try, expecting many)."""
        key = SORT_COLUMNS[q.sort]
        if search_terms(q.text) and (self.wide or self.dialect != "sqlite"):
            return unindexed(key)
        return key

    def contains(self, column: ColumnElement, term: str) -> ColumnElement[bool]:
        """Case-insensitive substring, phrased for the backend's fastest scan."""
        if self.dialect == "sqlite":
            return column.contains(term, autoescape=True)  # SQLite's LIKE ignores ASCII case by itself
        if term.lower() == term.upper():
            return func.strpos(column, term) > 0
        return func.strpos(func.lower(column), term.lower()) > 0


def _scope(actor: Actor, q: PremiseQuery, path: ColumnElement) -> list[ColumnElement[bool]]:
    parts = [within(actor, path)]
    if q.org_path:
        parts.append(path_prefix_range(path, q.org_path))
    return parts


def _plan(session: Session, actor: Actor, q: PremiseQuery) -> _Plan:
    dialect = session.get_bind().dialect.name
    if dialect != "sqlite":
        return _Plan(dialect, wide=False)
    scope = _scope(actor, q, Premise.org_path)
    in_scope = session.scalar(select(func.count()).select_from(Premise).where(*scope))
    total = session.scalar(select(func.count()).select_from(Premise))
    return _Plan(dialect, wide=(in_scope or 0) * WIDE_SHARE >= (total or 0))


def _conditions(plan: _Plan, actor: Actor, q: PremiseQuery) -> list[ColumnElement[bool]]:
    terms = [or_(plan.contains(Premise.name, term), plan.contains(Premise.address, term),
                 plan.contains(Premise.code, term)) for term in search_terms(q.text)]
    return _scope(actor, q, plan.path_column()) + terms


def count_premises(session: Session, actor: Actor, q: PremiseQuery) -> int:
    """Without text the count reads the org_path index alone, whatever the scope."""
    plan = _plan(session, actor, q) if search_terms(q.text) else _Plan(session.get_bind().dialect.name, False)
    return session.scalar(select(func.count()).select_from(Premise).where(*_conditions(plan, actor, q))) or 0


def _page_stmt(plan: _Plan, actor: Actor, q: PremiseQuery, offset: int, limit: int) -> Select:
    key = plan.sort_key(q)
    order = [key.desc(), Premise.id.desc()] if q.descending else [key.asc(), Premise.id.asc()]
    return (select(Premise.id, Premise.code, Premise.name, Premise.type, Premise.address, Premise.status,
                   OrgUnit.name, Premise.next_inspection)
            .join(OrgUnit, OrgUnit.id == Premise.grid_id)
            .where(*_conditions(plan, actor, q))
            .order_by(*order)
            .offset(offset).limit(limit))


def premises_page(session: Session, actor: Actor, q: PremiseQuery, offset: int,
                  limit: int) -> list[PremiseRow]:
    """Rows `offset` .. `offset + limit` of the query's order."""
    stmt = _page_stmt(_plan(session, actor, q), actor, q, offset, limit)
    return [PremiseRow(*row) for row in session.execute(stmt)]
