"""The bodies of the CLI commands; each returns an exit code and prints one plain sentence on failure."""
from __future__ import annotations

import argparse
import sys
import time

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from console.cli import EXIT_FAILURE, EXIT_OK, read_password
from console.config import Settings
from console.db_errors import explain
from db.engine import DatabaseError, backend_name, make_engine, normalise_url
from db.migrate import require_current, schema_state, upgrade
from db.spatial import spatial_index_kind


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_FAILURE


def _guarded(settings: Settings, action) -> int:
    engine = None
    try:
        engine = make_engine(settings.db_url)
        return action(engine)
    except (SQLAlchemyError, DatabaseError) as exc:
        return _fail(explain(exc, settings.db_url))
    finally:
        if engine is not None:
            engine.dispose()


def _location(settings: Settings) -> str:
    from sqlalchemy.engine import make_url

    return make_url(normalise_url(settings.db_url)).render_as_string(hide_password=True)


def _missing_sqlite_file(settings: Settings) -> str | None:
    from pathlib import Path

    from sqlalchemy.engine import make_url

    url = make_url(normalise_url(settings.db_url))
    if url.drivername.startswith("sqlite") and url.database and not Path(url.database).exists():
        return f"The SQLite file {url.database} does not exist; `db upgrade` creates it."
    return None


def db_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.db_command == "check" and (missing := _missing_sqlite_file(settings)):
        return _fail(missing)

    def run(engine) -> int:
        if args.db_command == "upgrade":
            if settings.is_demo:
                from console.config import demo_database_path

                demo_database_path().parent.mkdir(parents=True, exist_ok=True)
            state = upgrade(engine)
            print(f"{backend_name(engine)} {_location(settings)}: schema at {state.current} (current).")
            return EXIT_OK
        state = schema_state(engine)
        status = ("current" if state.up_to_date else
                  "newer than this console" if state.newer_than_app else
                  "empty" if state.current is None else f"behind (head is {state.head})")
        index = spatial_index_kind(engine) if state.current else "none"
        print(f"backend: {backend_name(engine)}\nlocation: {_location(settings)}\n"
              f"schema: {state.current or '-'} ({status})\nspatial index: {index}")
        return EXIT_OK if state.up_to_date else EXIT_FAILURE
    return _guarded(settings, run)


def seed_command(args: argparse.Namespace, settings: Settings) -> int:
    from console.services.seed import SeedError, seed_district

    def progress(stage: str, fraction: float) -> None:
        print(f"\r[{fraction * 100:5.1f}%] {stage:<40}", end="", file=sys.stderr, flush=True)

    def run(engine) -> int:
        if settings.is_demo:
            from console.config import demo_database_path

            demo_database_path().parent.mkdir(parents=True, exist_ok=True)
            upgrade(engine)
        require_current(engine)
        started = time.perf_counter()
        try:
            summary = seed_district(engine, district_code=args.district, scale=args.scale, seed=args.seed,
                                    anchor=args.anchor, progress=progress)
        except SeedError as exc:
            print(file=sys.stderr)
            return _fail(str(exc))
        print(file=sys.stderr)
        print(f"seeded {args.district} ({args.scale}, seed {args.seed}) in {time.perf_counter() - started:.1f} s: "
              f"{summary.describe()}")
        return EXIT_OK
    return _guarded(settings, run)


def users_command(args: argparse.Namespace, settings: Settings) -> int:
    from console.services.users import UserError, create_user, list_users
    from db.models import User

    if missing := _missing_sqlite_file(settings):
        return _fail(missing)

    def run(engine) -> int:
        require_current(engine)
        with Session(engine) as session:
            if args.users_command == "list":
                rows = list_users(session)
                for user, unit in rows:
                    state = "" if user.active else "  (disabled)"
                    print(f"{user.username:<24} {user.role:<11} {unit.code:<16} {unit.name}  {user.display_name}{state}")
                total = session.scalar(select(func.count(User.id)))
                print(f"{total} users")
                return EXIT_OK
            try:
                password = read_password(args.password_stdin)
                with session.begin():
                    user = create_user(session, args.username, password, args.role, args.org,
                                       display_name=args.name, actor="cli")
            except (UserError, ValueError) as exc:
                return _fail(str(exc))
            print(f"user {user.username} ({user.role}) created.")
            return EXIT_OK
    return _guarded(settings, run)
