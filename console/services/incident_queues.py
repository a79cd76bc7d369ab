"""The inbox: queues of cases (new, to file, … overdue, supervised, mine, all) with counts, filters and pages.

"Due soon" and "overdue" are conditions on the stored deadline against the clock at query time, never flags.
Pages come by offset (random access for a lazy view) or by keyset (`after`: the last row seen), which stays
as fast on page 10 000 as on page 1 because it seeks in the sort index instead of counting rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import (
    ColumnElement,
    and_,
    false,
    func,
    select,
    text,
    true,
    tuple_,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from console.domain.deadlines import DeadlinePolicy, DeadlineStatus
from console.domain.incident_states import FINISHED_STATES
from console.services.incident_text import (
    holds_every_case,
    index_count,
    many_text_matches,
    sparse_matches_pg,
    text_conditions,
)
from console.services.jurisdiction import Actor, path_prefix_range
from db.models import Incident, IncidentHistory, Worker

QUEUE_STATES: dict[str, tuple[str, ...]] = {
    "new": ("reported",),
    "to_file": ("accepted",),
    "to_dispatch": ("filed", "returned"),
    "in_handling": ("dispatched", "signed", "handling", "rework"),
    "to_verify": ("handled", "verifying"),
}
QUEUE_LABELS: dict[str, str] = {
    "new": "新上报", "to_file": "待立案", "to_dispatch": "待派遣", "in_handling": "处置中", "to_verify": "待核查",
    "due_soon": "即将超时", "overdue": "已超时", "supervised": "督办", "mine": "我的", "all": "全部",
}
QUEUES: tuple[str, ...] = tuple(QUEUE_LABELS)
OPEN_PREDICATE = "state NOT IN ({})".format(", ".join(f"'{s}'" for s in sorted(FINISHED_STATES)))
SUPERVISE_PREDICATE = "substr(note, 1, 11) = '[supervise]'"
"""Literally the WHERE of the partial indexes of migration 0003: SQLite uses a partial index only when the
query repeats its condition."""
DEADLINE_FLOOR = datetime(2000, 1, 1)
"""Before any real deadline: a two-sided range makes SQLite pick the deadline index for "overdue"."""
TEXT_WALK_PAGE = 200
WIDE_SCOPE_DEPTH = 2
"""A district's or township's scope holds a large share of all cases (see _Plan)."""

SORT_COLUMNS = {
    "reported_at": Incident.reported_at, "priority": Incident.priority, "case_no": Incident.case_no,
    "state": Incident.state, "category": Incident.category, "source": Incident.source, "title": Incident.title,
}


@dataclass(frozen=True)
class InboxQuery:
    queue: str = "all"
    category: str | None = None
    source: str | None = None
    org_path: str | None = None
    reported_from: datetime | None = None
    reported_to: datetime | None = None
    text: str = ""
    sort: str = "reported_at"
    descending: bool = True
    now: datetime = field(default_factory=datetime.now)

    @property
    def narrows_beyond_text(self) -> bool:
        """Whether a filter other than the jurisdiction and the text applies."""
        return any((self.category, self.source, self.reported_from, self.reported_to))

    def __post_init__(self) -> None:
        if self.queue not in QUEUE_LABELS:
            raise ValueError(f"unknown queue {self.queue!r}; expected one of {', '.join(QUEUES)}")
        if self.sort not in SORT_COLUMNS:
            raise ValueError(f"cannot sort incidents by {self.sort!r}; expected one of {', '.join(SORT_COLUMNS)}")


@dataclass(frozen=True)
class InboxRow:
    id: int
    case_no: str
    title: str
    category: str
    source: str
    priority: int
    state: str
    level: str
    reported_at: datetime
    deadline: datetime | None
    address: str | None
    grid_id: int
    assignee_org_id: int | None
    assignee_worker_id: int | None
    version: int
    deadline_status: DeadlineStatus

    def sort_value(self, sort: str):
        return getattr(self, sort)


_ROW_COLUMNS = (Incident.id, Incident.case_no, Incident.title, Incident.category, Incident.source,
                Incident.priority, Incident.state, Incident.level, Incident.reported_at, Incident.deadline,
                Incident.address, Incident.grid_id, Incident.assignee_org_id, Incident.assignee_worker_id,
                Incident.version)


def _is_open() -> ColumnElement[bool]:
    return text(f"incidents.{OPEN_PREDICATE}")


@dataclass(frozen=True)
class _Plan:
    """How to phrase a query so the backend's planner takes the cheap path.

    PostgreSQL has statistics and mostly picks well (text filters aside, see sparse_matches_pg). SQLite has
    none: for a wide scope (a district or township, a tenth or more of all cases) it would fetch the whole
    scope through the org_path index and sort it; hiding org_path from it (unary +) makes it walk the sort
    or open-case index and stop after one page."""

    dialect: str
    wide: bool
    walk_text: bool = False  # SQLite: probe the text index while walking the sort order (many matches)
    sort_text_matches: bool = False  # PostgreSQL: fetch the few matches and sort them, not walk the order

    def order_key(self, key: ColumnElement) -> ColumnElement:
        """The sort key, hidden from the planner's sort indexes (COALESCE(x, x)) when the matches are to be
        fetched and sorted."""
        return func.coalesce(key, key) if self.sort_text_matches else key

    def path(self) -> ColumnElement:
        if not self.wide:
            return Incident.org_path
        return UnaryExpression(Incident.org_path, operator=custom_op("+"), type_=Incident.org_path.type)


def _plan(session: Session, actor: Actor, q: InboxQuery, counting: bool = False,
          open_only: bool = False) -> _Plan:
    """Counts keep org_path visible: the (…, org_path) indexes answer them without reading rows. A count
    over the open cases (a few percent) walks their partial indexes and probes the text matches; a count
    over all cases starts from the matches."""
    dialect = session.get_bind().dialect.name
    scope = _scope(actor, q)
    wide = dialect == "sqlite" and not counting and scope.count("/") - 1 <= WIDE_SCOPE_DEPTH
    if counting:
        return _Plan(dialect, wide, dialect == "sqlite" and open_only)
    if dialect == "sqlite":
        return _Plan(dialect, wide, many_text_matches(session, q.text, TEXT_WALK_PAGE))
    in_scope = and_(path_prefix_range(Incident.org_path, actor.org_path), path_prefix_range(Incident.org_path, scope))
    return _Plan(dialect, wide, sort_text_matches=sparse_matches_pg(session, q.text, in_scope, TEXT_WALK_PAGE))


def _scope(actor: Actor, q: InboxQuery) -> str:
    return q.org_path if q.org_path and actor.covers(q.org_path) else actor.org_path


def _mine(actor: Actor) -> ColumnElement[bool]:
    """Open cases dispatched to the actor's own unit, or to the grid worker the actor signs in as.

    Phrased as ids from the assignee indexes: the planners then look those few rows up by id instead of
    scanning every open case of the jurisdiction."""
    assigned = select(Incident.id).where(Incident.assignee_org_id == actor.org_unit_id)
    if actor.user_id is not None:
        workers = select(Worker.id).where(Worker.user_id == actor.user_id)
        assigned = assigned.union_all(select(Incident.id).where(Incident.assignee_worker_id.in_(workers)))
    return and_(Incident.state.not_in(FINISHED_STATES), Incident.id.in_(assigned))


def queue_condition(queue: str, actor: Actor, now: datetime, policy: DeadlinePolicy) -> ColumnElement[bool]:
    if queue in QUEUE_STATES:
        states = QUEUE_STATES[queue]
        return and_(_is_open(), Incident.state == states[0] if len(states) == 1 else Incident.state.in_(states))
    if queue == "due_soon":
        low, high = policy.due_soon_bounds(now)
        return and_(_is_open(), Incident.deadline >= low, Incident.deadline <= high)
    if queue == "overdue":
        return and_(_is_open(), Incident.deadline > DEADLINE_FLOOR, Incident.deadline < now)
    if queue == "supervised":
        supervised = select(IncidentHistory.incident_id).where(text(SUPERVISE_PREDICATE))
        return and_(_is_open(), Incident.id.in_(supervised))
    if queue == "mine":
        return _mine(actor)
    return true()


def filter_conditions(plan: _Plan, actor: Actor, q: InboxQuery) -> list[ColumnElement[bool]]:
    """Jurisdiction and the person's filters (not the queue)."""
    path = plan.path()
    parts = [path_prefix_range(path, actor.org_path)]
    if q.org_path:
        parts.append(path_prefix_range(path, q.org_path) if actor.covers(q.org_path) else false())
    if q.category:
        parts.append(Incident.category == q.category)
    if q.source:
        parts.append(Incident.source == q.source)
    if q.reported_from:
        parts.append(Incident.reported_at >= q.reported_from)
    if q.reported_to:
        parts.append(Incident.reported_at < q.reported_to)
    parts += text_conditions(plan.dialect, q.text, plan.walk_text)
    return parts


def _count_all(session: Session, actor: Actor, q: InboxQuery) -> int:
    """Every case under the filters. A district that holds every case counts the table without its
    jurisdiction condition (SQLite counts a table's smallest index four times faster than a range), and a
    text filter over the jurisdiction alone is counted by the text index (SQLite) without reading the tens
    of thousands of case rows a common word matches."""
    if q.org_path and not actor.covers(q.org_path):
        return 0
    if not q.narrows_beyond_text:
        scope = _scope(actor, q)
        if q.text.strip():
            counted = index_count(session, scope, q.text)
            if counted is not None:
                return counted
        elif holds_every_case(session, scope):
            return session.scalar(select(func.count()).select_from(Incident)) or 0
    conditions = filter_conditions(_plan(session, actor, q, counting=True), actor, q)
    return session.scalar(select(func.count()).select_from(Incident).where(*conditions)) or 0


def count_inbox(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy) -> int:
    if q.queue == "all":
        return _count_all(session, actor, q)
    plan = _plan(session, actor, q, counting=True, open_only=True)
    conditions = filter_conditions(plan, actor, q) + [queue_condition(q.queue, actor, q.now, policy)]
    return session.scalar(select(func.count()).select_from(Incident).where(*conditions)) or 0


def queue_counts(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy) -> dict[str, int]:
    """Every queue's count under the same filters: one grouped query over the open cases for the state
    queues, one per other queue."""
    base = filter_conditions(_plan(session, actor, q, counting=True, open_only=True), actor, q)
    by_state = {state: n for state, n in session.execute(select(Incident.state, func.count())
                                                         .where(*base, _is_open()).group_by(Incident.state))}
    counts = {name: sum(by_state.get(s, 0) for s in states) for name, states in QUEUE_STATES.items()}
    for name in ("due_soon", "overdue", "supervised", "mine"):
        counts[name] = session.scalar(select(func.count()).select_from(Incident)
                                      .where(*base, queue_condition(name, actor, q.now, policy))) or 0
    counts["all"] = _count_all(session, actor, q)
    return {name: counts[name] for name in QUEUES}


def _rows(session: Session, stmt, q: InboxQuery, policy: DeadlinePolicy) -> list[InboxRow]:
    return [InboxRow(*row, deadline_status=policy.status(row.deadline, q.now, row.state not in FINISHED_STATES))
            for row in session.execute(stmt)]


def _ordered(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy):
    plan = _plan(session, actor, q)
    key = plan.order_key(SORT_COLUMNS[q.sort])
    order = [key.desc(), Incident.id.desc()] if q.descending else [key.asc(), Incident.id.asc()]
    conditions = filter_conditions(plan, actor, q) + [queue_condition(q.queue, actor, q.now, policy)]
    return select(*_ROW_COLUMNS).where(*conditions).order_by(*order)


def inbox_page(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy, *, offset: int = 0,
               limit: int = 100) -> list[InboxRow]:
    """Rows offset .. offset + limit in the query's order (every order ends in the id: no row twice)."""
    return _rows(session, _ordered(session, actor, q, policy).offset(offset).limit(limit), q, policy)


def inbox_page_after(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy, *,
                     after: InboxRow | None, limit: int = 100) -> list[InboxRow]:
    """The `limit` rows following `after` (None: the first page), by keyset."""
    stmt = _ordered(session, actor, q, policy)
    if after is not None:
        key = tuple_(SORT_COLUMNS[q.sort], Incident.id)
        last = (after.sort_value(q.sort), after.id)
        stmt = stmt.where(key < last if q.descending else key > last)
    return _rows(session, stmt.limit(limit), q, policy)
