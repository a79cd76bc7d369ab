"""Schema versions: apply Alembic migrations and tell where a database stands."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Engine

from db.engine import DatabaseError

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@dataclass(frozen=True)
class SchemaState:
    current: str | None
    head: str
    has_tables: bool

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def newer_than_app(self) -> bool:
        known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
        return self.current is not None and self.current not in known


def schema_state(engine: Engine) -> SchemaState:
    current = current_revision(engine)
    has_tables = bool(inspect(engine).get_table_names())
    return SchemaState(current=current, head=head_revision(), has_tables=has_tables)


def upgrade(engine: Engine) -> SchemaState:
    """Bring the schema to head; refuses a database written by a newer version of the console."""
    state = schema_state(engine)
    if state.newer_than_app:
        raise DatabaseError(
            f"The database schema ({state.current}) is newer than this console understands ({state.head}); "
            "install the newer console version.")
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return schema_state(engine)


def require_current(engine: Engine) -> None:
    state = schema_state(engine)
    if state.newer_than_app:
        raise DatabaseError(
            f"The database schema ({state.current}) is newer than this console understands ({state.head}); "
            "install the newer console version.")
    if not state.up_to_date:
        raise DatabaseError(
            "The database schema is not up to date; run `python main.py db upgrade` (as an administrator).")
