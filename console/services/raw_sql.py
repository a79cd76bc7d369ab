"""Hot queries on the session's own DB-API cursor, inside its transaction.

For a query that answers in under a millisecond (a spatial box) or returns 100k plain rows (a map layer),
SQLAlchemy's statement and result layers cost more than the database; these helpers keep the statement
written with SQLAlchemy (so it stays portable) and run its compiled form on the driver's cursor."""
from __future__ import annotations

from sqlalchemy import ClauseElement, Connection
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

CompiledSQL = tuple[str, tuple[str, ...]]
"""The driver's SQL text and, for positional paramstyles, the parameter names in order."""


def compile_for(stmt: ClauseElement, dialect: Dialect) -> CompiledSQL:
    compiled = stmt.compile(dialect=dialect)
    return compiled.string, tuple(compiled.positiontup or ())


def fetch_raw(conn: Connection, sql: CompiledSQL, params: dict) -> list[tuple]:
    """`conn` is the session's connection (`session.connection()`), so the query sees its transaction."""
    text_, order = sql
    cursor = conn.connection.driver_connection.cursor()
    try:
        cursor.execute(text_, tuple(params[name] for name in order) if order else params)
        return cursor.fetchall()
    finally:
        cursor.close()


def fetch_statement(session: Session, stmt: ClauseElement) -> list[tuple]:
    """Compile `stmt` with its bound values and run it raw (for statements built per call)."""
    conn = session.connection()
    compiled = stmt.compile(dialect=conn.dialect)
    return fetch_raw(conn, (compiled.string, tuple(compiled.positiontup or ())), compiled.construct_params())
