"""CLI for grid workers' positions: `ingest fixes FILE` and `simulate`.

`add_ingest_parser` adds `fixes` to the shared `ingest` command, `add_simulate_parser` the simulator; each
sets `handler(args, settings) -> exit code`."""
from __future__ import annotations

import argparse

from console.cli_support import EXIT_OK, fail, guarded, print_rejected
from console.config import Settings


def _positive(kind):
    def parse(text: str):
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be positive, got {text}")
        return value
    return parse


def add_ingest_parser(ingest_kinds: argparse._SubParsersAction) -> None:
    fixes = ingest_kinds.add_parser("fixes", help="GPS fixes from a CSV, GPX or JSON-lines file")
    fixes.add_argument("file", metavar="FILE")
    fixes.add_argument("--worker", metavar="CODE",
                       help="worker code or device id for every fix (else each row names its worker/device)")
    fixes.add_argument("--format", choices=["csv", "gpx", "jsonl"], help="default: from the file name")
    fixes.add_argument("--datum", choices=["wgs84", "gcj02", "bd09"], default="wgs84",
                       help="coordinate system of the file (default wgs84); stored as WGS-84")
    fixes.set_defaults(handler=ingest_command)


def add_simulate_parser(subparsers: argparse._SubParsersAction) -> None:
    sim = subparsers.add_parser("simulate", help="field simulator: workers walk their grids, writing fixes")
    sim.add_argument("--workers", type=_positive(int), required=True, metavar="N")
    sim.add_argument("--rate", type=_positive(float), required=True, metavar="S",
                     help="seconds between two fixes of one worker")
    sim.add_argument("--duration", type=_positive(float), default=3600.0, metavar="SECONDS",
                     help="simulated span (default 3600)")
    sim.add_argument("--realtime", action="store_true",
                     help="run at wall-clock pace from now (demos); default back-fills the span up to now at full speed")
    sim.add_argument("--seed", type=int, default=1)
    sim.set_defaults(handler=simulate_command)


def ingest_command(args: argparse.Namespace, settings: Settings) -> int:
    from console.importers.fixes import FixFileError, read_fixes
    from console.services.tracks import UnknownWorker, ingest_fixes

    try:
        parsed = read_fixes(args.file, args.format, args.datum)
    except FixFileError as exc:
        return fail(str(exc))

    def run(engine) -> int:
        try:
            report = ingest_fixes(engine, parsed, args.worker, actor="cli")
        except UnknownWorker as exc:
            return fail(f"{exc}; nothing was stored.")
        print_rejected(report.rejected)
        dropped = ", ".join(f"{reason} {n}" for reason, n in sorted(report.dropped.items())) or "none"
        workers = ", ".join(f"{code} {n}" for code, n in sorted(report.per_worker.items())) or "none"
        print(f"{args.file}: read {report.read} rows, stored {report.stored} fixes ({workers}); "
              f"rejected {len(report.rejected)} rows; dropped fixes: {dropped}.")
        return EXIT_OK
    return guarded(settings, run)


def simulate_command(args: argparse.Namespace, settings: Settings) -> int:
    from console.services.simulator import simulate

    def run(engine) -> int:
        report = simulate(engine, args.workers, args.rate, args.duration, seed=args.seed, realtime=args.realtime)
        if report.workers == 0:
            return fail("no active worker with a grid to walk; seed the database first.")
        print(f"simulated {report.workers} workers over {report.simulated_s:.0f} s: {report.fixes} fixes, "
              f"{report.checkins} check-ins in {report.elapsed_s:.2f} s ({report.fixes_per_s:,.0f} fixes/s)"
              + (f"; {report.skipped_workers} workers skipped (their grid has no area)"
                 if report.skipped_workers else "") + ".")
        return EXIT_OK
    return guarded(settings, run)

