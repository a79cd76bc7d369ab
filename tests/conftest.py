"""Shared fixtures: paths to the shared real data, and databases on SQLite and PostgreSQL.

`db_url` is parametrised over both backends: every db test runs twice. PostgreSQL comes from
PINGAN_TEST_PG_URL, else the local server on 127.0.0.1:5432, else a throwaway cluster started from the
installed binaries; each test gets a database of its own. When none can be had, the PostgreSQL variants are
skipped with the reason (never passed silently)."""
from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
PG_ADMIN_URL = os.environ.get("PINGAN_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.fail(f"the shared data folder {SHARED_DATA} is missing")
    return SHARED_DATA


def _pg_admin_engine():
    from sqlalchemy import create_engine

    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


_pg_reason: list[str] = []
_own_cluster: list = []


def _server_answers() -> bool:
    try:
        with _pg_admin_engine().connect() as conn:
            conn.exec_driver_sql("SELECT 1")
        return True
    except Exception:  # noqa: BLE001 - the caller falls back to a cluster of its own
        return False


def _pg_available() -> bool:
    """The configured server, else a throwaway cluster from the installed binaries, else a skip reason."""
    global PG_ADMIN_URL
    if _pg_reason:
        return _pg_reason[0] == ""
    if _server_answers():
        _pg_reason.append("")
        return True
    from tests.pg_cluster import start_cluster

    try:
        cluster = start_cluster()
    except (RuntimeError, OSError) as exc:
        _pg_reason.append(f"no PostgreSQL server at {PG_ADMIN_URL} and no throwaway cluster: {exc}")
        return False
    _own_cluster.append(cluster)
    PG_ADMIN_URL = f"postgresql+psycopg://postgres@127.0.0.1:{cluster.port}/postgres"
    _pg_reason.append("")
    return True


def make_pg_database() -> str:
    """Create a fresh database on the test server and return its URL (dropped at session end)."""
    from sqlalchemy.engine import make_url

    name = f"pingan_test_{uuid.uuid4().hex[:12]}"
    with _pg_admin_engine().connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    _created_pg.append(name)
    return make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)


_created_pg: list[str] = []


def pytest_sessionfinish(session, exitstatus):
    if _created_pg:
        with _pg_admin_engine().connect() as conn:
            for name in _created_pg:
                conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    for cluster in _own_cluster:
        cluster.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """An empty database URL on each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "test.sqlite")
    if not _pg_available():
        pytest.skip(_pg_reason[0])
    return make_pg_database()


@pytest.fixture
def engine(db_url):
    """An engine on an empty, migrated database."""
    from db.engine import make_engine
    from db.migrate import upgrade

    eng = make_engine(db_url)
    upgrade(eng)
    yield eng
    eng.dispose()
