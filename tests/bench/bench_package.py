"""Packaging figures (issue 6): build time and size of the PyInstaller bundle, and its start to a painted
window against a development run (target ≤ 3 s).

Start is timed from outside: launch → the `startup: first paint` line (PINGAN_REPORT_STARTUP=1), so the
bundle's own unpacking and library loading count. Both start on the same seeded small demo database."""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCH_DIR = Path(os.environ.get("PINGAN_BENCH_DIR", "/tmp/pingan-bench")) / "package"
BUNDLE = REPO / "dist" / "pingan"
RUNS = 5


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def _first_paint(command: list[str], env: dict[str, str]) -> float:
    """Seconds from launch to the first painted window; the process then saves its screenshot and exits."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    painted = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if painted is None and line.startswith("startup: first paint after"):
            painted = time.perf_counter() - started
    if proc.wait(timeout=300) != 0 or painted is None:
        raise RuntimeError(f"{command[0]} did not start and exit cleanly (exit {proc.returncode})")
    return painted


def run(report: list[str]) -> None:
    started = time.perf_counter()
    subprocess.run(["bash", "packaging/build.sh"], cwd=REPO, check=True, capture_output=True)
    build_s = time.perf_counter() - started
    archive = next(REPO.glob("dist/pingan-console-*.tar.gz"))

    shutil.rmtree(BENCH_DIR, ignore_errors=True)
    BENCH_DIR.mkdir(parents=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PINGAN_DATA_DIR": str(BENCH_DIR / "data"),
           "PINGAN_CONFIG": str(BENCH_DIR / "console.ini"), "PINGAN_REPORT_STARTUP": "1"}
    shot = str(BENCH_DIR / "start.png")
    bundle_cmd = [str(BUNDLE / "pingan"), "--screenshot", shot]
    dev_cmd = [sys.executable, "main.py", "--screenshot", shot]
    subprocess.run(dev_cmd, cwd=REPO, env=env, check=True, capture_output=True, timeout=600)  # seeds the demo
    first_bundle = _first_paint(bundle_cmd, env)  # first start of the freshly built bundle
    bundle = statistics.median(_first_paint(bundle_cmd, env) for _ in range(RUNS))
    dev = statistics.median(_first_paint(dev_cmd, env) for _ in range(RUNS))
    load = os.getloadavg()[0]

    report += [
        "## Packaging (PyInstaller onedir bundle, Linux)", "",
        "| what | measured | target | notes |", "|---|---|---|---|",
        f"| build time (`make package`) | {build_s:.0f} s | — | PyInstaller --clean plus the tar.gz |",
        (f"| bundle size dist/pingan | {_size_mb(BUNDLE):.0f} MB | — | of which libVLC + plugins "
        f"{_size_mb(BUNDLE / '_internal' / 'vlc'):.1f} MB, Qt (PySide6) "
        f"{_size_mb(BUNDLE / '_internal' / 'PySide6'):.0f} MB |"),
        f"| archive {archive.name} | {_size_mb(archive):.0f} MB | — | gzip |",
        (f"| start → first painted window, bundle | {bundle:.2f} s | ≤ 3 s | median of {RUNS}, small demo "
        f"database; first start right after the build {first_bundle:.2f} s |"),
        (f"| start → first painted window, development run | {dev:.2f} s | — | median of {RUNS}, "
        f"`python main.py`; bundle/dev {bundle / dev:.2f}× |"),
        "", (f"- load average while starting: {load:.1f} on {os.cpu_count()} cores (other jobs share the machine: "
        "compare bundle with dev, not with the target, when it is high)."),
        ("- libVLC + plugins counts `_internal/vlc` only; the codec libraries its plugins load (libavcodec …) "
        "are collected beside the other libraries."),
    ]
