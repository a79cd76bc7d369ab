"""What an IT admin needs to report a problem: component versions, the database and its schema, and a zip of
logs and configuration with every password removed.

The About dialog shows `collect_versions`; "Collect diagnostics" writes `write_diagnostics`."""
from __future__ import annotations

import configparser
import io
import logging
import platform
import re
import sys
import zipfile
from dataclasses import dataclass
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from console import __version__
from console.config import data_dir

REDACTED = "***"
SECRET_KEYS = re.compile(r"pass(word|wd)?|secret|token|key", re.IGNORECASE)
# user:password@ in any URL-looking text (also inside log lines)
URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.\-]*://[^:/@\s]+:)(?P<pw>[^@\s]*)(?P<tail>@)",
                          re.IGNORECASE)
# password=... in libpq key/value strings and URL query parameters
KV_PASSWORD = re.compile(r"(?P<head>\b(password|sslpassword)\s*=\s*)(?P<pw>[^&\s;]+)", re.IGNORECASE)


def redact_text(value: str) -> str:
    """`value` with passwords in URLs and key=value pairs replaced by ***."""
    value = URL_PASSWORD.sub(lambda m: f"{m['head']}{REDACTED}{m['tail']}", value)
    return KV_PASSWORD.sub(lambda m: f"{m['head']}{REDACTED}", value)


def redact_ini(content: str) -> str:
    """An INI file with every secret-looking key emptied and passwords inside URLs removed."""
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(content)
    for section in parser.sections():
        for key, value in parser[section].items():
            parser[section][key] = REDACTED if SECRET_KEYS.search(key) and value else redact_text(value)
    out = io.StringIO()
    parser.write(out)
    return out.getvalue()


@dataclass(frozen=True)
class DatabaseInfo:
    kind: str
    server_version: str
    location: str
    schema_revision: str
    schema_head: str
    error: str = ""


def database_info(engine: Engine) -> DatabaseInfo:
    """Backend, server version and schema revision; an unreachable database gives its error instead."""
    from db.migrate import head_revision, schema_state

    url = engine.url
    kind = "PostgreSQL" if url.get_backend_name() == "postgresql" else "SQLite"
    location = (f"{url.host or 'localhost'}:{url.port or 5432}/{url.database}" if kind == "PostgreSQL"
                else str(url.database))
    try:
        with engine.connect() as conn:
            query = "SHOW server_version" if kind == "PostgreSQL" else "SELECT sqlite_version()"
            server = str(conn.execute(text(query)).scalar())
        state = schema_state(engine)
    except SQLAlchemyError as exc:
        first = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return DatabaseInfo(kind, "", location, "", head_revision(), redact_text(first[0] if first else ""))
    return DatabaseInfo(kind, server, location, state.current or "", state.head)


def loaded_vlc_files() -> list[Path]:
    """libVLC libraries and plugins mapped into this process (Linux; empty elsewhere or before first use)."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return []
    found = []
    for line in maps.read_text().splitlines():
        path = line.split()[-1] if len(line.split()) >= 6 else ""
        name = Path(path).name
        if (name.startswith(("libvlc.so", "libvlccore.so")) or name.endswith("_plugin.so")) \
                and Path(path) not in found:
            found.append(Path(path))
    return found


def libvlc_summary() -> tuple[str, str]:
    """(version, path of the libVLC library loaded), or ("", why not) when no libVLC can be loaded."""
    from console.qtmodels.video_backends import loaded_library_path, probe_libvlc
    from console.qtmodels.video_vlc import vlc_module

    probe = probe_libvlc()
    if not probe.available:
        return "", probe.detail
    path = loaded_library_path(vlc_module())
    return probe.version, str(path) if path else ""


def collect_versions(engine: Engine | None) -> list[tuple[str, str]]:
    """(component, version) rows for the About dialog and the diagnostics zip."""
    import PySide6
    from PySide6.QtCore import qVersion

    vlc_version, vlc_path = libvlc_summary()
    rows = [("Pingan Console", __version__), ("Python", platform.python_version()),
            ("Qt", qVersion()), ("PySide6", PySide6.__version__),
            ("libVLC", vlc_version or "—"), ("libVLC library", vlc_path or "—"),
            ("Platform", platform.platform()),
            ("Frozen bundle", "yes" if getattr(sys, "frozen", False) else "no")]
    if engine is not None:
        db = database_info(engine)
        rows += [("Database", f"{db.kind} {db.server_version}".strip()), ("Database location", db.location),
                 ("Schema revision", f"{db.schema_revision or '—'} (this console: {db.schema_head})")]
        if db.error:
            rows.append(("Database error", db.error))
    return rows


def log_files() -> list[Path]:
    """The console's own log files (data folder `logs/`)."""
    folder = data_dir() / "logs"
    return sorted(folder.glob("*.log*")) if folder.is_dir() else []


def start_log_file() -> Path:
    """Log INFO and above to data folder `logs/console.log` (rotated at 1 MB, 3 kept), once per process."""
    path = data_dir() / "logs" / "console.log"
    root = logging.getLogger()
    if not any(getattr(h, "baseFilename", "") == str(path) for h in root.handlers):
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
        root.setLevel(min(root.level or logging.INFO, logging.INFO))
    return path


def write_diagnostics(target: Path, engine: Engine | None, config_path: Path | None) -> Path:
    """A zip with versions, the redacted config file and database URL, schema state and logs; returns it."""
    versions = collect_versions(engine)
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        lines = [f"{name}: {value}" for name, value in versions]
        lines.insert(0, f"Collected: {datetime.now().isoformat(timespec='seconds')}")
        zf.writestr("versions.txt", "\n".join(lines) + "\n")
        url = engine.url.render_as_string(hide_password=True) if engine is not None else "—"
        zf.writestr("database.txt", f"url: {url}\nconfig file: {config_path or '—'}\n")
        if config_path is not None and config_path.is_file():
            raw = config_path.read_text(encoding="utf-8", errors="replace")
            try:
                zf.writestr("config/console.ini", redact_ini(raw))
            except configparser.Error as exc:
                zf.writestr("config/console.ini.error",
                            f"unreadable INI ({exc.__class__.__name__}); not copied\n")
        for log in log_files():
            zf.writestr(f"logs/{log.name}", redact_text(log.read_text(encoding="utf-8", errors="replace")))
    return target
