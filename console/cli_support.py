"""What every CLI command shares: exit codes, one-sentence failures, opening the database safely.

Exit codes: 0 success, 1 a database or input problem (one sentence on stderr), 2 a usage error."""
from __future__ import annotations

import getpass
import sys
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from console.config import Settings
from console.db_errors import explain
from db.engine import DatabaseError, make_engine, normalise_url

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2
MAX_ROWS_SHOWN = 20


def fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_FAILURE


def missing_sqlite_file(settings: Settings) -> str | None:
    """Connecting would create an empty SQLite file; commands that read one say it is missing instead."""
    url = make_url(normalise_url(settings.db_url))
    if url.drivername.startswith("sqlite") and url.database and not Path(url.database).exists():
        return f"The SQLite file {url.database} does not exist; `db upgrade` creates it."
    return None


def guarded(settings: Settings, action: Callable[[Engine], int], *, needs_schema: bool = True) -> int:
    """Run `action(engine)`; database problems become one sentence and exit code 1."""
    if needs_schema and (missing := missing_sqlite_file(settings)):
        return fail(missing)
    from db.migrate import require_current

    engine = None
    try:
        engine = make_engine(settings.db_url)
        if needs_schema:
            require_current(engine)
        return action(engine)
    except (SQLAlchemyError, DatabaseError) as exc:
        return fail(explain(exc, settings.db_url))
    finally:
        if engine is not None:
            engine.dispose()


def location(settings: Settings) -> str:
    return make_url(normalise_url(settings.db_url)).render_as_string(hide_password=True)


def print_rejected(rows: list, label: str = "rejected") -> None:
    for row in rows[:MAX_ROWS_SHOWN]:
        print(f"{label} {row}", file=sys.stderr)
    if len(rows) > MAX_ROWS_SHOWN:
        print(f"… and {len(rows) - MAX_ROWS_SHOWN} more {label} rows", file=sys.stderr)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise ValueError("The two passwords differ.")
    return first
