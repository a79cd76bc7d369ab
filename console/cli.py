"""`python main.py <command>`: every admin task headless, with clear errors and exit codes.

Each command module adds its parsers and sets `handler(args, settings) -> exit code`; `import`, `export`
and `ingest` are shared by several modules, one kind of data each."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from console import __version__, cli_commands, cli_incidents, cli_orgs, cli_premises, cli_workers
from console.cli_support import EXIT_USAGE
from console.config import load_settings

GuiRunner = Callable[..., int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py", description="平安图指挥台 Pingan Console. Without a command it opens the console window.")
    parser.add_argument("--db", metavar="URL", help="database URL (postgresql://user:pass@host/db) or SQLite file; "
                        "default: PINGAN_DB_URL, then the config file, then the embedded demo database")
    parser.add_argument("--config", metavar="FILE", help="read settings from FILE instead of the per-machine one")
    parser.add_argument("--screenshot", metavar="FILE", type=Path,
                        help="render the window offscreen at 1600x900, save it as PNG and exit")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default zh_CN)")
    parser.add_argument("--setup", action="store_true",
                        help="open the database set-up wizard (shown by itself on a bundle's first start)")
    parser.add_argument("--play", metavar="FILE_OR_URL",
                        help="play this video in the first wall tile (with --screenshot: wait for its first "
                        "frame)")
    parser.add_argument("--version", action="version", version=f"Pingan Console {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    cli_commands.add_parsers(sub)

    imports = sub.add_parser("import", help="load data from files: incidents, org units, premises").add_subparsers(
        dest="import_kind", metavar="KIND", required=True)
    cli_incidents.add_import_parser(imports)
    cli_orgs.add_import_parser(imports)
    cli_premises.add_import_parser(imports)
    exports = sub.add_parser("export", help="write data to files: incidents").add_subparsers(
        dest="export_kind", metavar="KIND", required=True)
    cli_incidents.add_export_parser(exports)
    ingest = sub.add_parser("ingest", help="field data in: GPS fixes, QR check-ins").add_subparsers(
        dest="ingest_kind", metavar="KIND", required=True)
    cli_workers.add_ingest_parser(ingest)
    cli_premises.add_ingest_parser(ingest)
    cli_workers.add_simulate_parser(sub)
    return parser


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
        extra = {key: value for key, value in (("play", args.play), ("setup", args.setup)) if value}
        return gui(settings, screenshot=args.screenshot, language=args.lang, **extra)
    return args.handler(args, settings)
