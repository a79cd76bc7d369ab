"""Turn driver exceptions into one plain sentence an IT admin can act on."""
from __future__ import annotations

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError

from db.engine import DatabaseError, normalise_url


def _where(url: str) -> str:
    parsed = make_url(normalise_url(url))
    if parsed.drivername.startswith("sqlite"):
        return f"the SQLite file {parsed.database}"
    return f"the PostgreSQL server at {parsed.host or 'localhost'}:{parsed.port or 5432}"


def explain(exc: BaseException, url: str) -> str:
    """One sentence naming what is wrong with the database at `url`."""
    if isinstance(exc, DatabaseError):
        return str(exc)
    text = str(getattr(exc, "orig", None) or exc)
    low = text.lower()
    where = _where(url)
    if "password authentication failed" in low or "no password supplied" in low:
        user = make_url(normalise_url(url)).username or "?"
        return f"{where[0].upper()}{where[1:]} refused the user name or password (user {user})."
    if "does not exist" in low and "database" in low:
        name = make_url(normalise_url(url)).database
        return f"The database {name!r} does not exist on {where}."
    if "connection refused" in low or "could not connect" in low or "timeout" in low \
            or "could not translate host name" in low or "name or service not known" in low:
        return f"Cannot reach {where}; check the host, the port and that the server is running."
    if "file is not a database" in low or "database disk image is malformed" in low:
        return f"{where[0].upper()}{where[1:]} is not a valid database (it may be corrupt); restore it from a backup."
    if "unable to open database file" in low:
        return f"Cannot open {where}; check that the folder exists and is writable."
    if isinstance(exc, (OperationalError, DBAPIError)):
        first = text.strip().splitlines()[0] if text.strip() else exc.__class__.__name__
        return f"The database at {where} reported an error: {first}"
    return f"{exc.__class__.__name__}: {exc}"
