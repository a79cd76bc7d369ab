"""The inbox's text filter over the bigram index (db/text_index.py).

Every whitespace-separated term must occur in the title, case number, address or description. SQLite's
FTS5 index keeps token positions and the case's org_path, so it answers a term of word characters exactly
as a phrase and can count a jurisdiction's matches without reading case rows. PostgreSQL's GIN index over
the token array only narrows the cases; a term longer than one bigram is confirmed by a substring test."""
from __future__ import annotations

import math

from sqlalchemy import ColumnElement, bindparam, column, func, or_, select, table, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import UnaryExpression
from sqlalchemy.sql.operators import custom_op
from sqlalchemy.types import Text

from db.models import Incident
from db.text_index import phrase_is_exact, query_phrases, query_terms

TEXT_COLUMNS = (Incident.title, Incident.case_no, Incident.address, Incident.description)


def _index_is_exact(dialect: str, term: str) -> bool:
    if dialect == "sqlite":
        return phrase_is_exact(term)
    return phrase_is_exact(term) and len(term) == 2  # one bigram: containing the token is containing the term


def fts_match(terms: list[str]) -> str:
    """The FTS5 query every case containing all `terms` matches: one quoted phrase per run of each term."""
    return " ".join('"' + " ".join(phrase) + '"' for term in terms for phrase in query_phrases(term))


def _contains(dialect: str, col, term: str) -> ColumnElement[bool]:
    haystack, needle = (func.lower(col), term.lower()) if term.lower() != term.upper() else (col, term)
    return (func.strpos if dialect == "postgresql" else func.instr)(haystack, needle) > 0


def _holds_tokens(tokens: list[str]) -> ColumnElement[bool]:
    """PostgreSQL: the case's token array contains `tokens` (answered by the GIN index)."""
    return text("string_to_array(incidents.search_terms, ' ') @> :search_tokens").bindparams(
        bindparam("search_tokens", tokens, type_=ARRAY(Text)))


def _indexed(dialect: str, terms: list[str], walk: bool) -> ColumnElement[bool]:
    """PostgreSQL's planner weighs the GIN index itself. SQLite would always start from the matches; when
    they are many, a unary + on the id makes it walk the sort order and probe them instead."""
    if dialect == "postgresql":
        return _holds_tokens(sorted({token for term in terms for token in query_terms(term)}))
    matches = (select(column("rowid")).select_from(table("incident_search"))
               .where(text("incident_search MATCH :search_match").bindparams(search_match=fts_match(terms))))
    key = UnaryExpression(Incident.id, operator=custom_op("+"), type_=Incident.id.type) if walk else Incident.id
    return key.in_(matches)


def text_conditions(dialect: str, text_filter: str, walk: bool = False) -> list[ColumnElement[bool]]:
    """The index narrows (or, where exact, decides); terms it cannot decide get a substring test, and a
    term of one character can only be scanned for."""
    terms = text_filter.split()
    parts: list[ColumnElement[bool]] = [or_(*(_contains(dialect, col, term) for col in TEXT_COLUMNS))
                                        for term in terms if not _index_is_exact(dialect, term)]
    if any(query_terms(term) for term in terms):
        parts.insert(0, _indexed(dialect, terms, walk))
    return parts


def many_text_matches(session: Session, text_filter: str, page: int) -> bool:
    """Whether a page is found sooner by walking the sort order and probing the index (matches are dense)
    than by fetching every match and sorting them: walking reads about page × cases / matches rows,
    fetching reads every match, so walk once matches exceed √(page × cases). The index's matches are
    counted only up to that bound (no case rows are read), so asking costs the same for every page."""
    match = fts_match(text_filter.split())
    if not match:
        return False
    cases = session.scalar(select(func.max(Incident.id))) or 0
    bound = math.isqrt(page * cases) + 1
    matches = session.scalar(text("SELECT count(*) FROM (SELECT rowid FROM incident_search "
                                  "WHERE incident_search MATCH :m LIMIT :bound)"),
                             {"m": match, "bound": bound}) or 0
    return matches >= bound


def sparse_matches_pg(session: Session, text_filter: str, scope: ColumnElement[bool], page: int) -> bool:
    """PostgreSQL: whether a page is found sooner by fetching every match in scope and sorting them than by
    walking the sort order (the crossover of many_text_matches). The planner misjudges this for a common
    word in a narrow scope: it prices the walk as if the rows it reads shared table pages, and walked a
    township's 24,000 cases for '井盖' (125 ms) where fetching its 8,000 matches takes 40 ms. Its estimate
    of the matches is good for two-character terms (one token each, from the index statistics) and is
    asked for those only: for a longer term it multiplies the frequencies of tokens that always occur
    together, so the planner's own choice stands there."""
    terms = text_filter.split()
    if not terms or not all(len(term) == 2 and phrase_is_exact(term) for term in terms):
        return False
    conn = session.connection()
    cases = conn.exec_driver_sql("SELECT reltuples FROM pg_class WHERE relname = 'incidents'").scalar() or 0
    tokens = sorted({token for term in terms for token in query_terms(term)})
    compiled = select(Incident.id).where(scope, _holds_tokens(tokens)).compile(dialect=conn.dialect)
    plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + compiled.string, compiled.params).scalar()
    return plan[0]["Plan"]["Plan Rows"] < math.isqrt(page * max(int(cases), 0)) + 1


def holds_every_case(session: Session, scope: str) -> bool:
    """Whether every case lies in `scope`: the smallest and largest org_path are one index seek each (asked
    apart: SQLite seeks for a lone min() or max() but scans for both in one select)."""
    low = session.scalar(select(func.min(Incident.org_path)))
    high = session.scalar(select(func.max(Incident.org_path)))
    return low is None or (low.startswith(scope) and high.startswith(scope))


def index_count(session: Session, scope: str, text_filter: str,
                scope_holds_all: bool | None = None) -> int | None:
    """SQLite: how many cases in `scope` contain every term, from the FTS5 index alone; None when the
    index cannot decide a term (punctuation, one character) or on PostgreSQL. When the scope holds every
    case (asked only here, once the index can answer), its condition is left out of the match."""
    terms = text_filter.split()
    if session.get_bind().dialect.name != "sqlite" or not terms or not all(map(phrase_is_exact, terms)):
        return None
    match = fts_match(terms)
    if not (holds_every_case(session, scope) if scope_holds_all is None else scope_holds_all):
        match += f' org_path : "{scope.rstrip("/").rsplit("/", 1)[-1]}"'
    return session.scalar(text("SELECT count(*) FROM incident_search WHERE incident_search MATCH :m"),
                          {"m": match}) or 0
