from __future__ import annotations

import pytest

from tests.pg_cluster import pg_bindir, start_cluster


@pytest.fixture(scope="session")
def password_pg_server():
    """Port of a cluster with scram-sha-256 auth and a role pingan / right-password."""
    if pg_bindir() is None:
        pytest.skip("PostgreSQL server binaries (initdb) are not installed; `make test` installs them")
    cluster = start_cluster(password="superpass", superuser="pgadmin")
    try:
        created = cluster.psql("CREATE ROLE pingan LOGIN PASSWORD 'right-password'")
        assert created.returncode == 0, created.stderr
        yield cluster.port
    finally:
        cluster.stop()
