"""CLI for premises: `import premises FILE` and `ingest checkins FILE`.

`add_import_parser` / `add_ingest_parser` add one kind each to the shared `import` / `ingest` commands and
set `handler(args, settings) -> exit code`."""
from __future__ import annotations

import argparse
import sys

from console.cli_support import EXIT_FAILURE, EXIT_OK, MAX_ROWS_SHOWN, fail, guarded, print_rejected
from console.config import Settings
from console.domain.geo import DATUMS


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    """The one command shape of every `import` kind: FILE [--mapping] [--datum] [--dry-run]."""
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--mapping", metavar="MAP.json", help="which source column feeds which field")
    parser.add_argument("--datum", choices=DATUMS, default="wgs84",
                        help="coordinate system of the file (default wgs84); stored as WGS-84")
    parser.add_argument("--dry-run", action="store_true", help="check and report, write nothing")


def add_import_parser(imports: argparse._SubParsersAction) -> None:
    premises = imports.add_parser("premises", help="premises from CSV (UTF-8 or GBK), XLSX or GeoJSON")
    add_import_arguments(premises)
    premises.set_defaults(handler=import_premises_command)


def add_ingest_parser(ingest: argparse._SubParsersAction) -> None:
    checkins = ingest.add_parser("checkins", help="QR check-ins from the field system (CSV or JSON)")
    checkins.add_argument("file", metavar="FILE")
    checkins.add_argument("--datum", choices=DATUMS, default="wgs84",
                          help="coordinate system of the positions (default wgs84)")
    checkins.set_defaults(handler=ingest_checkins_command)


def import_premises_command(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.orm import Session

    from console.importers.premises import PremiseFileError, load_mapping, read_table
    from console.services.premise_import import import_premises
    from console.services.users import UserError, system_actor

    try:
        table, mapping = read_table(args.file), load_mapping(args.mapping)
    except PremiseFileError as exc:
        return fail(str(exc))

    def run(engine) -> int:
        with Session(engine) as session:
            try:
                report = import_premises(session, system_actor(session), table, mapping, datum=args.datum,
                                         dry_run=args.dry_run)
            except (PremiseFileError, UserError) as exc:
                return fail(f"{exc}; nothing was imported.")
            if args.dry_run:
                session.rollback()
            else:
                session.commit()
        print_rejected(report.rejected)
        print_rejected(report.review, "review")
        verb = "would import" if args.dry_run else "imported"
        print(f"{args.file} ({table.encoding}): read {report.read} rows, {verb} {report.imported} premises into "
              f"{len(report.per_grid)} grids ({report.geocoded} placed by address); {len(report.review)} rows "
              f"need review; rejected {len(report.rejected)} rows.")
        return EXIT_OK
    return guarded(settings, run)


def ingest_checkins_command(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.orm import Session

    from console.importers.checkins import CheckinFileError, read_checkins
    from console.services.checkins import ingest_checkins
    from console.services.users import UserError, system_actor

    try:
        parsed = read_checkins(args.file, args.datum)
    except CheckinFileError as exc:
        return fail(str(exc))

    def run(engine) -> int:
        with Session(engine) as session:
            try:
                report = ingest_checkins(session, system_actor(session), parsed)
            except UserError as exc:
                return fail(f"{exc}; nothing was stored.")
            session.commit()
        print_rejected(report.rejected)
        for line in report.flagged[:MAX_ROWS_SHOWN]:
            print(f"flagged {line}", file=sys.stderr)
        print(f"{args.file}: read {report.read} check-ins, stored {report.stored} "
              f"({len(report.flagged)} flagged as more than 100 m away); rejected {len(report.rejected)}.")
        return EXIT_OK if report.stored or not report.read else EXIT_FAILURE
    return guarded(settings, run)

