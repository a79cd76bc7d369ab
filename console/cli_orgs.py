"""CLI for org units: `import org-units FILE [--mapping] [--datum] [--dry-run]`, the shape of every import."""
from __future__ import annotations

import argparse
import sys

from console.cli_premises import add_import_arguments
from console.cli_support import EXIT_OK, MAX_ROWS_SHOWN, fail, guarded
from console.config import Settings


def add_import_parser(imports: argparse._SubParsersAction) -> None:
    units = imports.add_parser("org-units", help="streets, communities and grids with boundaries (GeoJSON, SHP)")
    add_import_arguments(units)
    units.set_defaults(handler=import_org_units_command)


def import_org_units_command(args: argparse.Namespace, settings: Settings) -> int:
    from sqlalchemy.orm import Session

    from console.importers.org_units import ORG_ALIASES, read_org_units
    from console.importers.premises import PremiseFileError, load_mapping
    from console.services.org_import import OrgImportError, import_actor, import_org_units

    try:
        source, mapping = read_org_units(args.file), load_mapping(args.mapping, ORG_ALIASES)
    except PremiseFileError as exc:
        return fail(str(exc))

    def run(engine) -> int:
        with Session(engine) as session:
            try:
                report = import_org_units(session, import_actor(session), source, mapping, datum=args.datum,
                                          dry_run=args.dry_run)
            except (OrgImportError, PremiseFileError) as exc:
                for problem in getattr(exc, "problems", [str(exc)])[:MAX_ROWS_SHOWN]:
                    print(f"error {problem}", file=sys.stderr)
                return fail(f"{args.file}: nothing was imported.")
            if not args.dry_run:
                session.commit()
        print(f"{args.file}: {report.summary()}")
        return EXIT_OK
    return guarded(settings, run)
