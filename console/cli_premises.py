"""CLI for premises: `import premises FILE` and `ingest checkins FILE`.

`add_parsers(subparsers)` adds both; when another module already added `ingest` (fixes) or `import`
(org-units), "checkins" / "premises" join that command as one more kind. HANDLERS maps (command, kind) to a
body (args, settings) → exit code, e.g. HANDLERS[("ingest", "checkins")]."""
from __future__ import annotations

import argparse
import sys

from console.cli import EXIT_FAILURE, EXIT_OK
from console.cli_commands import _fail, _guarded, _missing_sqlite_file
from console.config import Settings
from db.migrate import require_current

MAX_SHOWN = 20
DATUMS = ["wgs84", "gcj02", "bd09"]


def _kinds(subparsers: argparse._SubParsersAction, command: str, help_text: str, dest: str):
    """The sub-command list of `command`, created here unless another CLI module made it already."""
    parser = subparsers.choices.get(command) or subparsers.add_parser(command, help=help_text)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return parser.add_subparsers(dest=dest, metavar="WHAT", required=True)


def add_parsers(subparsers: argparse._SubParsersAction) -> None:
    imports = _kinds(subparsers, "import", "load base data: premises", "import_command")
    premises = imports.add_parser("premises", help="premises from CSV (UTF-8 or GBK), XLSX or GeoJSON")
    premises.add_argument("file", metavar="FILE")
    premises.add_argument("--mapping", metavar="MAP.json", help="which source column feeds which field")
    premises.add_argument("--datum", choices=DATUMS, default="wgs84",
                          help="coordinate system of the file (default wgs84); stored as WGS-84")
    premises.add_argument("--dry-run", action="store_true", help="check and report, write nothing")

    ingest = _kinds(subparsers, "ingest", "bring field data in: checkins", "ingest_command")
    checkins = ingest.add_parser("checkins", help="QR check-ins from the field system (CSV or JSON)")
    checkins.add_argument("file", metavar="FILE")
    checkins.add_argument("--datum", choices=DATUMS, default="wgs84",
                          help="coordinate system of the positions (default wgs84)")


def _print_rejected(rows: list) -> None:
    for row in rows[:MAX_SHOWN]:
        print(f"rejected {row}", file=sys.stderr)
    if len(rows) > MAX_SHOWN:
        print(f"… and {len(rows) - MAX_SHOWN} more rejected rows", file=sys.stderr)


def import_premises_command(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.orm import Session

    from console.importers.premises import PremiseFileError, load_mapping, read_table
    from console.services.premise_import import import_premises
    from console.services.users import UserError, system_actor

    if missing := _missing_sqlite_file(settings):
        return _fail(missing)
    try:
        table, mapping = read_table(args.file), load_mapping(args.mapping)
    except PremiseFileError as exc:
        return _fail(str(exc))

    def run(engine) -> int:
        require_current(engine)
        with Session(engine) as session:
            try:
                report = import_premises(session, system_actor(session), table, mapping, datum=args.datum,
                                         dry_run=args.dry_run)
            except (PremiseFileError, UserError) as exc:
                return _fail(f"{exc}; nothing was imported.")
            if args.dry_run:
                session.rollback()
            else:
                session.commit()
        _print_rejected(report.rejected)
        verb = "would import" if args.dry_run else "imported"
        print(f"{args.file} ({table.encoding}): read {report.read} rows, {verb} {report.imported} premises into "
              f"{len(report.per_grid)} grids; rejected {len(report.rejected)} rows.")
        return EXIT_OK
    return _guarded(settings, run)


def ingest_checkins_command(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.orm import Session

    from console.importers.checkins import CheckinFileError, read_checkins
    from console.services.checkins import ingest_checkins
    from console.services.users import UserError, system_actor

    if missing := _missing_sqlite_file(settings):
        return _fail(missing)
    try:
        parsed = read_checkins(args.file, args.datum)
    except CheckinFileError as exc:
        return _fail(str(exc))

    def run(engine) -> int:
        require_current(engine)
        with Session(engine) as session:
            try:
                report = ingest_checkins(session, system_actor(session), parsed)
            except UserError as exc:
                return _fail(f"{exc}; nothing was stored.")
            session.commit()
        _print_rejected(report.rejected)
        for line in report.flagged[:MAX_SHOWN]:
            print(f"flagged {line}", file=sys.stderr)
        print(f"{args.file}: read {report.read} check-ins, stored {report.stored} "
              f"({len(report.flagged)} flagged as more than 100 m away); rejected {len(report.rejected)}.")
        return EXIT_OK if report.stored or not report.read else EXIT_FAILURE
    return _guarded(settings, run)


HANDLERS = {("import", "premises"): import_premises_command, ("ingest", "checkins"): ingest_checkins_command}
