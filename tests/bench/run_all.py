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
    import sqlalchemy
    from PySide6 import __version__ as pyside_version

    return [f"- machine: {cpu}, {os.cpu_count()} cores, {mem_gib:.0f} GiB, {platform.platform()}",
            f"- Python {platform.python_version()}, PySide6 {pyside_version}, SQLAlchemy {sqlalchemy.__version__}",
            f"- measured {datetime.now():%Y-%m-%d %H:%M} (shared machine: compare ratios, not absolute times)"]


def _previous_sections() -> dict[str, list[str]]:
    """Sections of the current file by module, so a run of some modules keeps the others' figures."""
    sections: dict[str, list[str]] = {}
    if not OUTPUT.exists():
        return sections
    current: str | None = None
    for line in OUTPUT.read_text(encoding="utf-8").splitlines():
        if line.startswith("<!-- bench:"):
            current = line.removeprefix("<!-- bench:").removesuffix(" -->")
            sections[current] = []
        elif current is not None:
            sections[current].append(line)
    return sections


def main(argv: list[str]) -> int:
    """`run_all` runs every module; `run_all bench_map …` reruns those and keeps the others' sections."""
    every = sorted(p.stem for p in Path(__file__).parent.glob("bench_*.py"))
    names = argv or every
    sections = _previous_sections()
    for name in names:
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        module = importlib.import_module(f"tests.bench.{name}")
        section: list[str] = []
        module.run(section)
        sections[name] = section + ["", (f"_{name} took {time.perf_counter() - started:.0f} s in all, "
                                        f"measured {datetime.now():%Y-%m-%d %H:%M}._"), ""]
        print("\n".join(section), flush=True)
    report = ["# Benchmarks", "", "Written by `make bench` (`python -m tests.bench.run_all [bench_NAME …]`).", "",
              *machine_summary(), ""]
    for name in every:
        if name in sections:
            report += [f"<!-- bench:{name} -->", *sections[name]]
    OUTPUT.write_text("\n".join(report) + "\n", encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
