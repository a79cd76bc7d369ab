"""The native-window render path: chosen by itself on X11 and playing (run in a child process under Xvfb)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from console.qtmodels.video_backends import probe_libvlc
from tests.gui.video_streams import make_clip, missing_tools
from widgets.video.surface import native_windows_available


def test_offscreen_keeps_the_frame_path(qtbot):
    assert not native_windows_available()


def test_native_window_path_is_chosen_under_x11_and_plays(tmp_path):
    if shutil.which("xvfb-run") is None:
        pytest.skip("xvfb-run is not installed (apt-get install xvfb): no X display to embed libVLC into")
    if missing_tools():
        pytest.skip(missing_tools())
    if not probe_libvlc().available:
        pytest.skip("libVLC is not installed")
    clip = make_clip(tmp_path / "native.ts", seconds=4)
    env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1280x720x24", sys.executable, "-m",
                          "tests.gui.native_video_check", str(clip)], capture_output=True, text=True,
                         timeout=120, env=env, check=False)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the X11 check printed nothing (exit {run.returncode}): {run.stderr[-2000:]}"
    result = json.loads(lines[-1])
    assert result["platform"] == "xcb"
    assert result["live"], result
    assert (result["backend"], result["render_path"]) == ("libVLC", "window")
    assert result["vlc_state"] == "Playing"
    assert result["time_ms"][1] > result["time_ms"][0] > 0
    assert result["surface_visible"]
    assert result["picture"] and result["moving"], "the X window libVLC draws into shows a moving picture"
    assert result["frames_to_qt"] == 0  # libVLC draws into the window; no picture crosses into Python
    assert "libVLC" in result["tooltip"]
