"""`import incidents FILE …` and `export incidents FILE …`: case lists in and out, headless.

`add_import_parser` / `add_export_parser` add the `incidents` kind to the shared `import` / `export`
commands and set `handler(args, settings) -> exit code` (console.cli_support's codes)."""
from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.orm import Session

from console.cli_support import EXIT_OK, fail, guarded
from console.config import Settings
from console.domain.geo import DATUMS

IMPORT_FORMATS = ("open311", "csv", "xlsx")
EXPORT_FORMATS = ("open311", "xlsx")


def add_import_parser(import_kinds: argparse._SubParsersAction) -> None:
    p = import_kinds.add_parser("incidents", help="incidents from Open311 JSON or a CSV/XLSX case list; "
                                                  "all rows or none")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--format", choices=IMPORT_FORMATS, help="default: from the file name (.json, .csv, .xlsx)")
    p.add_argument("--mapping", type=Path, metavar="MAP.json", help="column mapping for CSV/XLSX")
    p.add_argument("--datum", choices=DATUMS, help="coordinate datum of the file (default wgs84, or the "
                                                   "mapping's)")
    p.set_defaults(handler=import_incidents_command)


def add_export_parser(export_kinds: argparse._SubParsersAction) -> None:
    p = export_kinds.add_parser("incidents", help="every incident as Open311 JSON or an XLSX case list")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--format", choices=EXPORT_FORMATS, required=True)
    p.set_defaults(handler=export_incidents_command)


def _read_records(args: argparse.Namespace, fmt: str):
    from console.importers.incident_tables import load_mapping, read_table
    from console.importers.open311 import read_open311

    if fmt == "open311":
        return read_open311(args.file, args.datum or "wgs84")
    mapping = load_mapping(args.mapping) if args.mapping else None
    return read_table(args.file, fmt, mapping, args.datum)


def import_incidents_command(args: argparse.Namespace, settings: Settings) -> int:
    from console.services.incident_file_check import format_of
    from console.services.incident_import import IncidentFileError, import_records
    from console.services.users import UserError, system_actor

    if not args.file.is_file():
        return fail(f"{args.file} does not exist.")
    fmt = args.format or format_of(args.file)
    if fmt is None:
        return fail(f"Cannot tell the format of {args.file.name}; pass --format {'|'.join(IMPORT_FORMATS)}.")
    if args.mapping and fmt == "open311":
        return fail("--mapping applies to CSV and XLSX files, not Open311 JSON.")

    def run(engine) -> int:
        try:
            records = _read_records(args, fmt)
            with Session(engine) as session, session.begin():
                count = import_records(session, system_actor(session), str(args.file), records)
        except (IncidentFileError, UserError) as exc:
            return fail(str(exc))
        print(f"imported {count} incidents from {args.file}.")
        return EXIT_OK
    return guarded(settings, run)


def export_incidents_command(args: argparse.Namespace, settings: Settings) -> int:
    from console.importers.incident_tables import write_xlsx
    from console.importers.open311 import write_open311
    from console.services.incident_import import export_rows
    from console.services.users import UserError, system_actor

    if not args.file.parent.is_dir():
        return fail(f"The folder {args.file.parent} does not exist.")

    def run(engine) -> int:
        try:
            with Session(engine) as session:
                rows = export_rows(session, system_actor(session))
            count = write_open311(args.file, rows) if args.format == "open311" else write_xlsx(args.file, rows)
        except UserError as exc:
            return fail(str(exc))
        except OSError as exc:
            return fail(f"Cannot write {args.file}: {exc.strerror or exc}.")
        print(f"exported {count} incidents to {args.file} ({args.format}).")
        return EXIT_OK
    return guarded(settings, run)
