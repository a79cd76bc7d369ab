"""A throwaway PostgreSQL cluster with password authentication, started from the installed binaries.

The shared local server trusts every local login, so a wrong password can only be shown on a cluster of
our own (as pytest-postgresql's process fixture does)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest


def _pg_bindir() -> Path | None:
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin") if (p / "initdb").exists()), key=lambda p: p.parent.name)
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def password_pg_server():
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL server binaries (initdb) are not installed; `make test` installs them")
    as_user: list[str] = []
    if os.geteuid() == 0:
        as_user = ["runuser", "-u", "postgres", "--"]
    workdir = Path(tempfile.mkdtemp(prefix="pingan-pg-"))
    data = workdir / "data"
    pwfile = workdir / "pw"
    pwfile.write_text("superpass\n")
    if as_user:
        shutil.chown(workdir, "postgres")
        shutil.chown(pwfile, "postgres")
    port = _free_port()
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(data), "-U", "pgadmin", "--pwfile", str(pwfile),
                    "--auth=scram-sha-256", "-E", "UTF8"], check=True, capture_output=True)
    proc = subprocess.Popen([*as_user, str(bindir / "postgres"), "-D", str(data), "-p", str(port),
                             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={workdir}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        env = {**os.environ, "PGPASSWORD": "superpass"}
        for _ in range(50):
            r = subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(port), "-U", "pgadmin", "-d", "postgres",
                                "-c", "CREATE ROLE pingan LOGIN PASSWORD 'right-password'"],
                               env=env, capture_output=True, text=True)
            if r.returncode == 0:
                break
            time.sleep(0.2)
        else:
            pytest.fail(f"could not prepare the password-protected cluster: {r.stderr}")
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(workdir, ignore_errors=True)
