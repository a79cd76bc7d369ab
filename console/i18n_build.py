"""Compile the Qt translation sources resources/i18n/*.ts into the .qm files the console loads.

Run as `python -m console.i18n_build` (the set-up script does). Idempotent: a .qm newer than its .ts is
left alone. lrelease ships inside the PySide6 wheel; the venv's pyside6-lrelease wrapper is the fallback."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"


def find_lrelease() -> Path:
    import PySide6

    candidates = [Path(PySide6.__file__).parent / name for name in ("lrelease", "lrelease.exe")]
    candidates.append(Path(sys.executable).parent / "pyside6-lrelease")
    on_path = shutil.which("pyside6-lrelease")
    if on_path:
        candidates.append(Path(on_path))
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError("lrelease was found neither next to PySide6 nor as pyside6-lrelease; "
                            "reinstall PySide6.")


def stale(ts: Path) -> bool:
    qm = ts.with_suffix(".qm")
    return not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime


def build(directory: Path = I18N_DIR, force: bool = False) -> list[Path]:
    """Compile every stale .ts in `directory`; returns the .qm files written."""
    written = []
    for ts in sorted(directory.glob("*.ts")):
        if not (force or stale(ts)):
            continue
        qm = ts.with_suffix(".qm")
        result = subprocess.run([str(find_lrelease()), "-silent", str(ts), "-qm", str(qm)],
                                capture_output=True, text=True, check=False)
        if result.returncode != 0 or not qm.exists():
            detail = result.stderr.strip() or result.stdout.strip()
            raise RuntimeError(f"lrelease failed on {ts.name}: {detail}")
        written.append(qm)
    return written


def main() -> int:
    try:
        written = build(force="--force" in sys.argv[1:])
    except (FileNotFoundError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for qm in written:
        print(f"i18n: compiled {qm.relative_to(I18N_DIR.parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
