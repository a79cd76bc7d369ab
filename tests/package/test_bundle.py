"""The built Linux bundle (dist/pingan, `make package`) started as IT staff would, with no Python around it:
on a fresh data folder it creates and seeds the demo database, opens the main window, plays a local video in
a wall tile through the libVLC inside the bundle (the process's own list of loaded libraries says which),
saves a screenshot and exits 0."""
from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import REPO

BUNDLE = REPO / "dist" / "pingan"
EXECUTABLE = BUNDLE / "pingan"
pytestmark = pytest.mark.slow


def bundle_env(tmp_path: Path) -> dict[str, str]:
    """A clean environment: no developer's libVLC hints, a fresh data folder and no config file."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON_VLC_", "VLC_", "PINGAN_", "LD_LIBRARY_PATH", "PYTHON"))}
    env.update(HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen",
               XDG_RUNTIME_DIR=str(tmp_path / "run"), PINGAN_DATA_DIR=str(tmp_path / "data"),
               PINGAN_CONFIG=str(tmp_path / "console.ini"))
    (tmp_path / "run").mkdir(mode=0o700)
    return env


@pytest.fixture(scope="module")
def executable() -> Path:
    if not EXECUTABLE.is_file():
        pytest.fail(f"{EXECUTABLE} is missing: build it with `make package` (make test does it first)")
    return EXECUTABLE


@pytest.fixture
def test_video(tmp_path) -> Path:
    path = tmp_path / "testsrc.mp4"
    subprocess.run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25", "-t", "20",
                    "-pix_fmt", "yuv420p", "-c:v", "libx264", str(path)], check=True, timeout=120)
    return path


def test_version_flag(executable, tmp_path):
    done = subprocess.run([str(executable), "--version"], env=bundle_env(tmp_path), capture_output=True,
                          text=True, timeout=120, check=False)
    import console

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"Pingan Console {console.__version__}"


def test_fresh_start_seeds_opens_and_plays_through_the_bundled_libvlc(executable, tmp_path, test_video):
    shot = tmp_path / "bundle.png"
    done = subprocess.run([str(executable), "--screenshot", str(shot), "--play", str(test_video)],
                          env=bundle_env(tmp_path), capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stdout + done.stderr

    database = tmp_path / "data" / "demo.sqlite"
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM org_units").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM incidents").fetchone()[0] > 0

    loaded = [Path(line.removeprefix("libvlc: loaded ")) for line in done.stdout.splitlines()
              if line.startswith("libvlc: loaded ")]
    plugin_roots = [Path(line.removeprefix("libvlc: plugins from ")) for line in done.stdout.splitlines()
                    if line.startswith("libvlc: plugins from ")]
    names = {path.name for path in loaded}
    assert {"libvlc.so.5", "libvlccore.so.9"} <= names, done.stdout
    bundle = BUNDLE.resolve()
    assert all(path.resolve().is_relative_to(bundle) for path in loaded + plugin_roots), done.stdout
    assert plugin_roots, done.stdout

    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1600, 900)
