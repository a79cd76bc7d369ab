"""`db upgrade|check`, `seed`, `users add|list`: the database's own admin commands."""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.cli_support import (
    EXIT_FAILURE,
    EXIT_OK,
    fail,
    guarded,
    location,
    missing_sqlite_file,
    read_password,
)
from console.config import DEMO_DISTRICT, Settings, demo_database_path
from db.engine import backend_name
from db.migrate import schema_state, upgrade
from db.spatial import spatial_index_kind


def add_parsers(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="schema: upgrade, check")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", help="apply migrations up to the current schema").set_defaults(handler=db_upgrade)
    db_sub.add_parser("check", help="connect and report backend, schema version and spatial index").set_defaults(
        handler=db_check)

    seed = sub.add_parser("seed", help="fill an empty database with a demo district")
    seed.add_argument("--district", default=DEMO_DISTRICT, help="district code (default 350206 湖里区)")
    seed.add_argument("--scale", choices=["small", "city"], default="small")
    seed.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    seed.add_argument("--anchor", type=date.fromisoformat, metavar="YYYY-MM-DD",
                      help="the 'today' the data is generated around (default: today)")
    seed.set_defaults(handler=seed_command)

    users = sub.add_parser("users", help="user accounts: add, list")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_sub.add_parser("add", help="create a user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=["operator", "supervisor", "admin", "wall"])
    add.add_argument("--org", required=True, metavar="CODE", help="org unit code of the user's jurisdiction")
    add.add_argument("--name", help="display name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(handler=users_add)
    users_sub.add_parser("list", help="list users with role and jurisdiction").set_defaults(handler=users_list)


def _ensure_demo_folder(settings: Settings) -> None:
    if settings.is_demo:
        demo_database_path().parent.mkdir(parents=True, exist_ok=True)


def db_upgrade(args: argparse.Namespace, settings: Settings) -> int:
    _ensure_demo_folder(settings)

    def run(engine) -> int:
        state = upgrade(engine)
        print(f"{backend_name(engine)} {location(settings)}: schema at {state.current} (current).")
        return EXIT_OK
    return guarded(settings, run, needs_schema=False)


def db_check(args: argparse.Namespace, settings: Settings) -> int:
    if missing := missing_sqlite_file(settings):
        return fail(missing)

    def run(engine) -> int:
        state = schema_state(engine)
        status = ("current" if state.up_to_date else
                  "newer than this console" if state.newer_than_app else
                  "empty" if state.current is None else f"behind (head is {state.head})")
        index = spatial_index_kind(engine) if state.current else "none"
        print(f"backend: {backend_name(engine)}\nlocation: {location(settings)}\n"
              f"schema: {state.current or '-'} ({status})\nspatial index: {index}")
        return EXIT_OK if state.up_to_date else EXIT_FAILURE
    return guarded(settings, run, needs_schema=False)


def seed_command(args: argparse.Namespace, settings: Settings) -> int:
    from console.services.seed import SeedError, seed_district

    _ensure_demo_folder(settings)

    def progress(stage: str, fraction: float) -> None:
        print(f"\r[{fraction * 100:5.1f}%] {stage:<40}", end="", file=sys.stderr, flush=True)

    def run(engine) -> int:
        if settings.is_demo:
            upgrade(engine)
        started = time.perf_counter()
        try:
            summary = seed_district(engine, district_code=args.district, scale=args.scale, seed=args.seed,
                                    anchor=args.anchor, progress=progress)
        except SeedError as exc:
            print(file=sys.stderr)
            return fail(str(exc))
        print(file=sys.stderr)
        print(f"seeded {args.district} ({args.scale}, seed {args.seed}) in {time.perf_counter() - started:.1f} s: "
              f"{summary.describe()}")
        return EXIT_OK
    return guarded(settings, run, needs_schema=not settings.is_demo)


def users_add(args: argparse.Namespace, settings: Settings) -> int:
    from console.services.users import UserError, create_user

    def run(engine) -> int:
        with Session(engine) as session:
            try:
                password = read_password(args.password_stdin)
                with session.begin():
                    user = create_user(session, args.username, password, args.role, args.org,
                                       display_name=args.name, actor="cli")
                    created = f"user {user.username} ({user.role}) created."
            except (UserError, ValueError) as exc:
                return fail(str(exc))
        print(created)
        return EXIT_OK
    return guarded(settings, run)


def users_list(args: argparse.Namespace, settings: Settings) -> int:
    from console.services.users import list_users
    from db.models import User

    def run(engine) -> int:
        with Session(engine) as session:
            for user, unit in list_users(session):
                state = "" if user.active else "  (disabled)"
                print(f"{user.username:<24} {user.role:<11} {unit.code:<16} {unit.name}  {user.display_name}{state}")
            print(f"{session.scalar(select(func.count(User.id)))} users")
        return EXIT_OK
    return guarded(settings, run)
