"""Schema versions: apply Alembic migrations and tell where a database stands.

Every start checks the schema; importing Alembic costs a quarter of a second there, so a database already
at SCHEMA_HEAD (one SELECT) never loads it. A unit test keeps SCHEMA_HEAD equal to Alembic's head."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from db.engine import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
SCHEMA_HEAD = "0008"


def _stored_revision(engine: Engine) -> str | None:
    """The revision in alembic_version without Alembic; None when the table is missing or empty."""
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

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
        from alembic.script import ScriptDirectory

        known = {s.revision for s in ScriptDirectory.from_config(_config()).walk_revisions()}
        return self.current is not None and self.current not in known


def schema_state(engine: Engine) -> SchemaState:
    current = current_revision(engine)
    has_tables = bool(inspect(engine).get_table_names())
    return SchemaState(current=current, head=head_revision(), has_tables=has_tables)


def upgrade(engine: Engine) -> SchemaState:
    """Bring the schema to head; refuses a database written by a newer version of the console."""
    from alembic import command

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


def ensure_current(engine: Engine) -> None:
    """Upgrade unless already at head (the embedded demo database at every start)."""
    if _stored_revision(engine) != SCHEMA_HEAD:
        upgrade(engine)


def require_current(engine: Engine) -> None:
    if _stored_revision(engine) == SCHEMA_HEAD:
        return
    state = schema_state(engine)
    if state.newer_than_app:
        raise DatabaseError(
            f"The database schema ({state.current}) is newer than this console understands ({state.head}); "
            "install the newer console version.")
    if not state.up_to_date:
        raise DatabaseError(
            "The database schema is not up to date; run `python main.py db upgrade` (as an administrator).")
