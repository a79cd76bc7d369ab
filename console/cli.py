"""`python main.py <command>`: every admin task headless, with clear errors and exit codes.

Exit codes: 0 success, 1 a database or input problem (one sentence on stderr), 2 a usage error."""
from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date
from collections.abc import Callable
from pathlib import Path

from console.config import DEMO_DISTRICT, load_settings

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py", description="平安图指挥台 Pingan Console. Without a command it opens the console window.")
    parser.add_argument("--db", metavar="URL", help="database URL (postgresql://user:pass@host/db) or SQLite file; "
                        "default: PINGAN_DB_URL, then the config file, then the embedded demo database")
    parser.add_argument("--config", metavar="FILE", help="read settings from FILE instead of the per-machine one")
    parser.add_argument("--screenshot", metavar="FILE", type=Path,
                        help="render the window offscreen at 1600x900, save it as PNG and exit")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default zh_CN)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    db = sub.add_parser("db", help="schema: upgrade, check")
    db_sub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    db_sub.add_parser("upgrade", help="apply migrations up to the current schema")
    db_sub.add_parser("check", help="connect and report backend, schema version and spatial index")

    seed = sub.add_parser("seed", help="fill an empty database with a demo district")
    seed.add_argument("--district", default=DEMO_DISTRICT, help="district code (default 350206 湖里区)")
    seed.add_argument("--scale", choices=["small", "city"], default="small")
    seed.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same data")
    seed.add_argument("--anchor", type=date.fromisoformat, metavar="YYYY-MM-DD",
                      help="the 'today' the data is generated around (default: today)")

    users = sub.add_parser("users", help="user accounts: add, list")
    users_sub = users.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    add = users_sub.add_parser("add", help="create a user")
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=["operator", "supervisor", "admin", "wall"])
    add.add_argument("--org", required=True, metavar="CODE", help="org unit code of the user's jurisdiction")
    add.add_argument("--name", help="display name")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    users_sub.add_parser("list", help="list users with role and jurisdiction")
    return parser


GuiRunner = Callable[..., int]


def main(argv: list[str] | None = None, gui: GuiRunner | None = None) -> int:
    """Run a command; without one, hand over to `gui` (main.py passes the widgets' launcher)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.db, args.config)
    except (FileNotFoundError, OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command is None:
        if gui is None:
            parser.error("this entry point has no GUI; run main.py")
        return gui(settings, screenshot=args.screenshot, language=args.lang)
    from console import cli_commands

    handler = {"db": cli_commands.db_command, "seed": cli_commands.seed_command,
               "users": cli_commands.users_command}[args.command]
    return handler(args, settings)


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Repeat password: "):
        raise ValueError("The two passwords differ.")
    return first
