"""Throwaway PostgreSQL clusters started from the installed server binaries (as pytest-postgresql does).

Used when no server answers at the configured URL, and for the password-authentication tests (the shared
local server trusts every local login)."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def pg_bindir() -> Path | None:
    root = Path("/usr/lib/postgresql")
    versions = sorted((p for p in root.glob("*/bin") if (p / "initdb").exists()), key=lambda p: int(p.parent.name))
    return versions[-1] if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Cluster:
    port: int
    superuser: str
    password: str | None
    workdir: Path
    process: subprocess.Popen

    def psql(self, sql: str) -> subprocess.CompletedProcess:
        env = {**os.environ, "PGPASSWORD": self.password or ""}
        return subprocess.run(["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", self.superuser,
                               "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql],
                              env=env, capture_output=True, text=True, check=False)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        finally:
            shutil.rmtree(self.workdir, ignore_errors=True)


def start_cluster(password: str | None = None, superuser: str = "postgres") -> Cluster:
    """initdb + postgres on a free port; with `password`, scram-sha-256 auth, else trust."""
    bindir = pg_bindir()
    if bindir is None:
        raise RuntimeError("PostgreSQL server binaries (initdb) are not installed")
    as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    workdir = Path(tempfile.mkdtemp(prefix="pingan-pg-"))
    pwfile = workdir / "pw"
    pwfile.write_text(f"{password or 'unused'}\n")
    if as_user:
        shutil.chown(workdir, "postgres")
        shutil.chown(pwfile, "postgres")
    auth = ["--auth=scram-sha-256", "--pwfile", str(pwfile)] if password else ["--auth=trust"]
    subprocess.run([*as_user, str(bindir / "initdb"), "-D", str(workdir / "data"), "-U", superuser, *auth,
                    "-E", "UTF8"], check=True, capture_output=True)
    port = _free_port()
    proc = subprocess.Popen([*as_user, str(bindir / "postgres"), "-D", str(workdir / "data"), "-p", str(port),
                             "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={workdir}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cluster = Cluster(port, superuser, password, workdir, proc)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if cluster.psql("SELECT 1").returncode == 0:
            return cluster
        time.sleep(0.2)
    cluster.stop()
    raise RuntimeError("the throwaway PostgreSQL cluster did not start within 30 s")
