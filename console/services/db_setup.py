"""First-run database set-up: build the URL for the choice made, test it, migrate it, remember it.

The wizard (widgets/common/first_run_wizard.py) is a face over these functions; IT staff who deploy silently
write the same config file themselves (README, "IT staff")."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import SQLAlchemyError

from console.config import save_database_url
from console.db_errors import explain
from db.engine import DatabaseError, make_engine, sqlite_url
from db.migrate import SchemaState, schema_state, upgrade

TLS_MODES = ("prefer", "require", "verify-full", "disable")
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerChoice:
    host: str
    port: int
    database: str
    user: str
    password: str
    tls: str = "prefer"

    def url(self) -> str:
        if self.tls not in TLS_MODES:
            raise ValueError(f"Unknown TLS mode {self.tls!r}; expected one of {', '.join(TLS_MODES)}.")
        return URL.create("postgresql+psycopg", username=self.user, password=self.password or None,
                          host=self.host, port=self.port, database=self.database,
                          query={"sslmode": self.tls, "connect_timeout": str(CONNECT_TIMEOUT_S)},
                          ).render_as_string(hide_password=False)


def local_file_url(path: Path) -> str:
    return sqlite_url(path)


@dataclass(frozen=True)
class ConnectionCheck:
    ok: bool
    message: str  # one plain sentence: what is wrong, or where the schema stands
    schema: SchemaState | None = None
    can_migrate: bool = False

    @property
    def needs_migration(self) -> bool:
        return self.schema is not None and not self.schema.up_to_date


def _may_migrate(engine: Engine) -> bool:
    """PostgreSQL: the user may create tables in `public` and owns the schema's tables (or there are none)."""
    if engine.url.get_backend_name() != "postgresql":
        return True
    with engine.connect() as conn:
        create = conn.execute(text("SELECT has_schema_privilege(current_user, 'public', 'CREATE')")).scalar()
        foreign = conn.execute(text(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' "
            "AND NOT pg_has_role(current_user, tableowner, 'USAGE')")).scalar()
    return bool(create) and not foreign


def _describe(state: SchemaState) -> str:
    if state.up_to_date:
        return "Connected; the database schema is current."
    if state.newer_than_app:
        return (f"Connected, but the database schema ({state.current}) is newer than this console "
                f"({state.head}); install the newer console version.")
    if state.current is None:
        return "Connected; the database is empty and needs its tables created (apply migrations)."
    return f"Connected; the database schema ({state.current}) is behind this console ({state.head})."


def check_connection(url: str) -> ConnectionCheck:
    """Connect once and read the schema state; any failure comes back as a plain sentence."""
    engine = None
    try:
        engine = make_engine(url)
        state = schema_state(engine)
        return ConnectionCheck(ok=not state.newer_than_app, message=_describe(state), schema=state,
                               can_migrate=_may_migrate(engine))
    except (SQLAlchemyError, DatabaseError, OSError) as exc:
        return ConnectionCheck(ok=False, message=explain(exc, url))
    finally:
        if engine is not None:
            engine.dispose()


def apply_migrations(url: str) -> ConnectionCheck:
    """Bring the schema to head, then check again (the check says why when it could not)."""
    engine = None
    try:
        engine = make_engine(url)
        upgrade(engine)
    except (SQLAlchemyError, DatabaseError, OSError) as exc:
        return ConnectionCheck(ok=False, message=explain(exc, url))
    finally:
        if engine is not None:
            engine.dispose()
    return check_connection(url)


def remember(url: str, config_path: Path) -> Path:
    """Store the choice for the next start on this machine; "" means the embedded demo database."""
    return save_database_url(url, config_path)
