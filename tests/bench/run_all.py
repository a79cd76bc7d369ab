"""Run every benchmark module and write docs/benchmarks.md (machine, sizes, medians, ratios vs baselines).

Each `tests/bench/bench_*.py` exposes `run(report: list[str]) -> None` appending markdown. Figures are
medians over repeated runs measured in the same process run as their baselines; nothing here asserts time."""
from __future__ import annotations

import importlib
import os
import platform
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "docs" / "benchmarks.md"


def machine_summary() -> list[str]:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    from PySide6 import __version__ as pyside_version
    import sqlalchemy

    return [f"- machine: {cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB, {platform.platform()}",
            f"- Python {platform.python_version()}, PySide6 {pyside_version}, SQLAlchemy {sqlalchemy.__version__}",
            f"- measured {datetime.now():%Y-%m-%d %H:%M} (shared machine: compare ratios, not absolute times)"]


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    report = ["# Benchmarks", "", "Written by `make bench` (`python -m tests.bench.run_all`).", "",
              *machine_summary(), ""]
    for name in names:
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"tests.bench.{name}")
        section: list[str] = []
        module.run(section)
        report += section + ["", f"_{name} took {time.perf_counter() - started:.0f} s in all._", ""]
        print("\n".join(section), flush=True)
    OUTPUT.write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
