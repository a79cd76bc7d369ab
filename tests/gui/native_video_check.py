"""Run under a real X display (Xvfb): a wall tile plays a UDP stream through libVLC's native-window path.

`xvfb-run -a python -m tests.gui.native_video_check CLIP` prints one JSON line with what the tile chose and
what libVLC reports; tests/gui/test_video_native.py asserts on it. A separate process, because the test
session itself runs on Qt's offscreen platform and a process has one platform plugin."""
from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "xcb"

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

from console.qtmodels.video_camera_tree import CameraRow
from tests.gui.video_streams import UdpTsSender, differs, is_mostly_black
from widgets.video.wall import VideoWall

TIMEOUT_S = 30.0


def _spin_until(app: QApplication, done, timeout_s: float) -> bool:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        if done():
            return True
        time.sleep(0.02)
    return done()


def main(clip: Path) -> dict:
    app = QApplication([])
    with UdpTsSender(clip) as sender:
        sender.wait_sending()
        camera = CameraRow(1, "CAM001", "摄像机1", sender.url, 118.1, 24.5, 6, "东渡社区", "/1/2/4/6/", True)
        wall = VideoWall({1: camera}.get)
        wall.set_layout("4")
        wall.resize(800, 480)
        wall.show()
        wall.assign(0, 1)
        tile = wall.tiles[0]
        player = tile.channel.player
        live = _spin_until(app, lambda: tile.is_live and player.position_ms() > 0, TIMEOUT_S)
        t0 = player.position_ms()
        _spin_until(app, lambda: player.position_ms() >= t0 + 1000, 10.0)
        grabs = []
        if tile.surface is not None:  # what X shows in the window libVLC draws into, 0.3 s apart
            for _ in range(2):
                _spin_until(app, lambda: False, 0.3)
                grabs.append(app.primaryScreen().grabWindow(tile.surface.window_id()).toImage())
        result = {"platform": app.platformName(), "live": live, "render_path": tile.channel.render_path,
                  "picture": bool(grabs) and not is_mostly_black(grabs[-1]),
                  "moving": len(grabs) == 2 and differs(grabs[0], grabs[1]),
                  "backend": tile.channel.backend_name, "vlc_state": player.native_state(),
                  "time_ms": [t0, player.position_ms()], "tooltip": tile.toolTip(),
                  "surface_visible": tile.surface is not None and tile.surface.isVisible(),
                  "frames_to_qt": tile.channel.frames}
        wall.clear_all()
        wall.close()
        _spin_until(app, lambda: False, 0.5)
    return result


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1])), ensure_ascii=False), flush=True)
