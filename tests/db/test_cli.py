"""The admin CLI on both backends: upgrade, check, users; and one plain sentence for each broken database."""
from __future__ import annotations

import io
import subprocess
import sys

import pytest
from sqlalchemy import text

from console.cli import main
from db.engine import make_engine
from db.migrate import head_revision
from tests.conftest import REPO


def test_upgrade_then_check_reports_backend_schema_and_index(db_url, capsys):
    assert main(["--db", db_url, "db", "upgrade"]) == 0
    assert main(["--db", db_url, "db", "check"]) == 0
    out = capsys.readouterr().out
    assert f"schema: {head_revision()} (current)" in out
    backend = "SQLite" if "sqlite" in db_url or "://" not in db_url else "PostgreSQL"
    assert f"backend: {backend}" in out
    assert ("rtree" if backend == "SQLite" else "postgis") in out


def test_upgrade_is_idempotent(db_url):
    assert main(["--db", db_url, "db", "upgrade"]) == 0
    assert main(["--db", db_url, "db", "upgrade"]) == 0


def test_check_on_empty_database_fails_and_says_so(db_url, capsys):
    if "://" not in db_url:
        make_engine(db_url).dispose()
        with make_engine(db_url).connect() as conn:
            conn.exec_driver_sql("CREATE TABLE unrelated (x INTEGER)")
    assert main(["--db", db_url, "db", "check"]) == 1
    assert "(empty)" in capsys.readouterr().out


def test_newer_schema_is_refused_with_one_sentence(db_url, capsys):
    assert main(["--db", db_url, "db", "upgrade"]) == 0
    with make_engine(db_url).begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num='9999_future'"))
    assert main(["--db", db_url, "db", "upgrade"]) == 1
    err = capsys.readouterr().err
    assert "newer than this console understands" in err
    assert "Traceback" not in err
    assert main(["--db", db_url, "users", "list"]) == 1
    assert "newer than this console" in capsys.readouterr().err


def test_users_add_and_list(engine, db_url, capsys, monkeypatch):
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO org_units (id, code, name, kind, path) "
                          "VALUES (1, '350206000000', '湖里区', 'district', '/1/')"))
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-pass\n"))
    assert main(["--db", db_url, "users", "add", "zhang", "--role", "operator", "--org", "350206000000",
                 "--name", "张坐席", "--password-stdin"]) == 0
    monkeypatch.setattr(sys, "stdin", io.StringIO("s3cret-pass\n"))
    assert main(["--db", db_url, "users", "add", "zhang", "--role", "operator", "--org", "350206000000",
                 "--password-stdin"]) == 1
    assert "taken" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("short\n"))
    assert main(["--db", db_url, "users", "add", "li", "--role", "admin", "--org", "350206000000",
                 "--password-stdin"]) == 1
    assert "at least 8 characters" in capsys.readouterr().err
    monkeypatch.setattr(sys, "stdin", io.StringIO("long-enough\n"))
    assert main(["--db", db_url, "users", "add", "li", "--role", "admin", "--org", "999",
                 "--password-stdin"]) == 1
    assert "No org unit has the code '999'" in capsys.readouterr().err
    assert main(["--db", db_url, "users", "list"]) == 0
    out = capsys.readouterr().out
    assert "zhang" in out and "operator" in out and "湖里区" in out and "1 users" in out


def test_corrupt_sqlite_file_gets_one_sentence(tmp_path, capsys):
    bad = tmp_path / "broken.sqlite"
    bad.write_bytes(b"this is not a database at all" * 100)
    assert main(["--db", str(bad), "db", "check"]) == 1
    err = capsys.readouterr().err
    assert err.strip() == f"error: The SQLite file {bad} is not a valid database (it may be corrupt); " \
                          "restore it from a backup."


def test_missing_sqlite_file_is_not_created_by_check(tmp_path, capsys):
    missing = tmp_path / "nowhere.sqlite"
    assert main(["--db", str(missing), "db", "check"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not missing.exists()


def test_unreachable_postgresql_gets_one_sentence_without_traceback():
    proc = subprocess.run([sys.executable, "main.py", "--db", "postgresql://pingan@127.0.0.1:1/none", "db", "check"],
                          cwd=REPO, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == ("error: Cannot reach the PostgreSQL server at 127.0.0.1:1; check the host, "
                                   "the port and that the server is running.")


@pytest.mark.pg
def test_wrong_postgresql_password_gets_one_sentence(password_pg_server, capsys):
    port = password_pg_server
    assert main(["--db", f"postgresql://pingan:wrong-password@127.0.0.1:{port}/postgres", "db", "check"]) == 1
    err = capsys.readouterr().err.strip()
    assert err == (f"error: The PostgreSQL server at 127.0.0.1:{port} refused the user name or password "
                   "(user pingan).")
    assert main(["--db", f"postgresql://pingan:right-password@127.0.0.1:{port}/postgres", "db", "check"]) == 1
    assert "(empty)" in capsys.readouterr().out


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["seed", "--scale", "huge"])
    assert exc.value.code == 2
    assert main(["--config", "/nonexistent/console.ini", "db", "check"]) == 2
