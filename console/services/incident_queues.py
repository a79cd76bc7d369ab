"""The inbox: queues of cases (new, to file, … overdue, supervised, mine, all) with counts, filters and pages.

"Due soon" and "overdue" are conditions on the stored deadline against the clock at query time, never flags.
Pages come by offset (random access for a lazy view) or by keyset (`after`: the last row seen), which stays
as fast on page 10 000 as on page 1 because it seeks in the sort index instead of counting rows."""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import (
    ARRAY,
    ColumnElement,
    Text,
    and_,
    bindparam,
    column,
    false,
    func,
    or_,
    select,
    table,
    text,
    true,
    tuple_,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op

from console.domain.deadlines import DeadlinePolicy, DeadlineStatus
from console.domain.incident_states import FINISHED_STATES
from console.services.jurisdiction import Actor, path_prefix_range
from db.models import Incident, IncidentHistory, Worker
from db.text_index import query_terms

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

    PostgreSQL has statistics and picks well. SQLite has none: for a wide scope (a district or township,
    a tenth or more of all cases) it would fetch the whole scope through the org_path index and sort it;
    hiding org_path from it (unary +) makes it walk the sort or open-case index and stop after one page."""

    dialect: str
    wide: bool
    walk_text: bool = False  # SQLite: probe the text index while walking the sort order (many matches)

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
    scope = q.org_path if q.org_path and actor.covers(q.org_path) else actor.org_path
    wide = dialect == "sqlite" and not counting and scope.count("/") - 1 <= WIDE_SCOPE_DEPTH
    if counting:
        walk_text = dialect == "sqlite" and open_only
    else:
        walk_text = dialect == "sqlite" and _many_text_matches(session, q.text)
    return _Plan(dialect, wide, walk_text)


def _many_text_matches(session: Session, text_filter: str) -> bool:
    """Whether a page is found sooner by walking the sort order and probing the index (matches are dense)
    than by fetching every match and sorting them: walking reads about page × cases / matches rows,
    fetching reads every match, so walk once matches exceed √(page × cases). The index's matches are
    counted only up to that bound (no case rows are read), so asking costs the same for every page."""
    tokens = sorted({t for term in text_filter.split() for t in query_terms(term)})
    if not tokens:
        return False
    cases = session.scalar(select(func.max(Incident.id))) or 0
    bound = math.isqrt(TEXT_WALK_PAGE * cases) + 1
    matches = session.scalar(text("SELECT count(*) FROM (SELECT rowid FROM incident_search "
                                  "WHERE incident_search MATCH :m LIMIT :bound)"),
                             {"m": _fts_match(tokens), "bound": bound}) or 0
    return matches >= bound


def _contains(dialect: str, column, term: str) -> ColumnElement[bool]:
    haystack, needle = (func.lower(column), term.lower()) if term.lower() != term.upper() else (column, term)
    return (func.strpos if dialect == "postgresql" else func.instr)(haystack, needle) > 0


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


def text_conditions(dialect: str, text_filter: str, walk: bool = False) -> list[ColumnElement[bool]]:
    """Every whitespace-separated term must occur in the title, case number, address or description.

    The bigram index (db/text_index.py) narrows the cases first; a term that is a single bigram is
    answered by the index exactly, longer ones are confirmed by a substring test on the few candidates,
    and one-character terms can only be scanned for."""
    parts: list[ColumnElement[bool]] = []
    tokens: set[str] = set()
    for term in text_filter.split():
        term_tokens = query_terms(term)
        tokens.update(term_tokens)
        if len(term_tokens) != 1 or len(term) != 2:
            parts.append(or_(*(_contains(dialect, col, term) for col in
                               (Incident.title, Incident.case_no, Incident.address, Incident.description))))
    if tokens:
        parts.insert(0, _indexed(dialect, sorted(tokens), walk))
    return parts


def _fts_match(tokens: list[str]) -> str:
    return " ".join(f'"{token}"' for token in tokens)


def _indexed(dialect: str, tokens: list[str], walk: bool) -> ColumnElement[bool]:
    """PostgreSQL's planner weighs the GIN index itself. SQLite would always start from the matches; when
    they are many, a unary + on the id makes it walk the sort order and probe them instead."""
    if dialect == "postgresql":
        return text("string_to_array(incidents.search_terms, ' ') @> :search_tokens").bindparams(
            bindparam("search_tokens", tokens, type_=ARRAY(Text)))
    matches = (select(column("rowid")).select_from(table("incident_search"))
               .where(text("incident_search MATCH :search_match").bindparams(search_match=_fts_match(tokens))))
    key = UnaryExpression(Incident.id, operator=custom_op("+"), type_=Incident.id.type) if walk else Incident.id
    return key.in_(matches)


def count_inbox(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy) -> int:
    plan = _plan(session, actor, q, counting=True, open_only=q.queue != "all")
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
    everything = filter_conditions(_plan(session, actor, q, counting=True), actor, q) if q.text.strip() else base
    counts["all"] = session.scalar(select(func.count()).select_from(Incident).where(*everything)) or 0
    return {name: counts[name] for name in QUEUES}


def _rows(session: Session, stmt, q: InboxQuery, policy: DeadlinePolicy) -> list[InboxRow]:
    return [InboxRow(*row, deadline_status=policy.status(row.deadline, q.now, row.state not in FINISHED_STATES))
            for row in session.execute(stmt)]


def _ordered(session: Session, actor: Actor, q: InboxQuery, policy: DeadlinePolicy):
    key = SORT_COLUMNS[q.sort]
    order = [key.desc(), Incident.id.desc()] if q.descending else [key.asc(), Incident.id.asc()]
    conditions = filter_conditions(_plan(session, actor, q), actor, q) + [
        queue_condition(q.queue, actor, q.now, policy)]
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
