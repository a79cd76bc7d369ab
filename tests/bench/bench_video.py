"""Video wall benchmark: time to first frame, delivered fps per tile and process CPU for 1/4/9/16 tiles.

Streams are 640×360 at 25 fps served on 127.0.0.1: MPEG-TS over UDP (an ffmpeg per tile copying a pre-encoded
testsrc clip) for libVLC, and GStreamer's RTSP server (one live x264 encode shared by every client) for Qt
Multimedia, the RTSP path on Debian. Tiles are real wall tiles, shown offscreen, so painting is included.
"Pictures/s" counts new pictures from the decoder (libVLC's displayed-picture statistic, Qt's sink frames);
CPU is this process's user+system time over the window, in % of one core (the senders are other processes).

`python -m tests.bench.bench_video` prints the table; `--screenshots` also writes docs/screenshots/."""
from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTranslator
from PySide6.QtWidgets import QApplication

from console.qtmodels.video_backends import LIBVLC, QT
from console.qtmodels.video_camera_tree import CameraRow
from console.qtmodels.video_channel import VideoChannel
from console.qtmodels.video_player import PlayerOptions
from tests.gui.video_streams import RtspServer, UdpTsSender, make_clip, missing_tools, rtsp_server_missing
from widgets.video.wall import VideoWall

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
TILE_COUNTS = (1, 4, 9, 16)
WARMUP_S = 3.0
WINDOW_S = 5.0
FIRST_FRAME_TIMEOUT_S = 10.0


def _app() -> QApplication:
    return QApplication.instance() or QApplication([])


def _spin(seconds: float, until=None) -> None:
    app = _app()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not (until and until()):
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)


def _cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _camera(i: int, url: str) -> CameraRow:
    return CameraRow(i, f"BENCH{i:02d}", f"测试摄像机{i:02d}", url, 118.1, 24.5, 6, "东渡第一网格",
                     "/1/2/4/6/", True)


def measure(backend: str, urls: list[str]) -> dict[str, float]:
    """Play `urls` on one wall with `backend`; first-frame times and pictures/s per tile, process CPU %."""
    n = len(urls)
    cameras = {i: _camera(i, url) for i, url in enumerate(urls, start=1)}
    wall = VideoWall(cameras.get, lambda cam: VideoChannel(cam.stream_url, PlayerOptions(), backend))
    wall.set_layout(str(n))
    wall.resize(1280, 720)
    wall.show()
    first: dict[int, float] = {}
    started = time.monotonic()
    for i in range(n):
        wall.assign(i, i + 1)
        wall.tiles[i].channel.sig_frame.connect(
            lambda _img, i=i: first.setdefault(i, time.monotonic() - started))
    _spin(FIRST_FRAME_TIMEOUT_S, until=lambda: len(first) == n)
    _spin(WARMUP_S)
    channels = [wall.tiles[i].channel for i in range(n)]
    progress0 = [c._player.progress() for c in channels]
    cpu0, t0 = _cpu_s(), time.monotonic()
    _spin(WINDOW_S)
    elapsed = time.monotonic() - t0
    cpu = (_cpu_s() - cpu0) / elapsed * 100
    fps = [(c._player.progress() - p0) / elapsed for c, p0 in zip(channels, progress0, strict=True)]
    wall.clear_all()
    wall.close()
    wall.deleteLater()
    _spin(0.5)
    ttff = list(first.values()) or [float("nan")]
    return {"tiles": n, "started": len(first), "ttff_med": statistics.median(ttff), "ttff_max": max(ttff),
            "fps_min": min(fps), "fps_med": statistics.median(fps), "cpu": cpu}


def _row(label: str, m: dict[str, float]) -> str:
    return (f"| {label} | {m['tiles']} | {m['started']}/{m['tiles']} | {m['ttff_med']:.2f} "
            f"| {m['ttff_max']:.2f} "
            f"| {m['fps_med']:.1f} | {m['fps_min']:.1f} | {m['cpu']:.0f} % |")


def run(report: list[str]) -> None:
    report += ["## Video wall (640×360, 25 fps per stream, loopback)", ""]
    if missing_tools():
        report.append(f"_skipped: {missing_tools()}_")
        return
    _app()
    header = ("| backend / transport | tiles | playing | first frame median (s) | first frame max (s) "
              "| pictures/s per tile, median | per tile, worst | process CPU (1 core = 100 %) |")
    report += [header, "|---|---|---|---|---|---|---|---|"]
    results: list[tuple[str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        clip = make_clip(Path(tmp) / "bench.ts", seconds=6)
        for n in TILE_COUNTS:
            with ExitStack() as stack:
                senders = [stack.enter_context(UdpTsSender(clip)) for _ in range(n)]
                _spin(0.3)
                m = measure(LIBVLC, [s.url for s in senders])
            results.append(("libVLC / UDP MPEG-TS", m))
            report.append(_row("libVLC / UDP MPEG-TS", m))
            print(report[-1], flush=True)
        if rtsp_server_missing():
            report.append(f"_Qt Multimedia / RTSP skipped: {rtsp_server_missing()}_")
        else:
            for n in TILE_COUNTS:
                with RtspServer() as server:
                    m = measure(QT, [server.url] * n)
                results.append(("Qt Multimedia / RTSP", m))
                report.append(_row("Qt Multimedia / RTSP", m))
                print(report[-1], flush=True)
    report += ["", *_verdict(results)]


def _verdict(results: list[tuple[str, dict[str, float]]]) -> list[str]:
    lines = []
    for label, m in results:
        if m["tiles"] == 16:
            ok = m["fps_min"] >= 24 and m["started"] == 16
            lines.append(f"- {label}, 16 tiles in one process: worst tile {m['fps_min']:.1f} pictures/s, "
                         f"{m['cpu']:.0f} % CPU of one core on a {os.cpu_count()}-core machine — "
                         + ("meets the 24 fps target." if ok else "below the 24 fps target in one process."))
    return lines


def write_screenshots() -> list[Path]:
    """Grab 2×2 and 3×3 walls playing (libVLC UDP tiles plus one RTSP tile on the Qt Multimedia backend),
    captions in the default Chinese UI."""
    app = _app()
    translator = QTranslator(app)
    if translator.load(str(REPO / "resources" / "i18n" / "pingan_zh_CN.qm")):
        app.installTranslator(translator)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        clip = make_clip(Path(tmp) / "shot.ts", seconds=6)
        udp = [stack.enter_context(UdpTsSender(clip)) for _ in range(9)]
        urls = [s.url for s in udp]
        if not rtsp_server_missing():
            urls[1] = stack.enter_context(RtspServer()).url
        names = ["东渡路口北", "东渡社区东门", "港务大厦", "东渡菜市场", "高殿小学", "高殿第二网格入口",
                 "殿前街道办", "湖里公园南门", "高殿农贸市场"]
        cameras = {i + 1: CameraRow(i + 1, f"CAM{i + 1:03d}", names[i], urls[i], 118.1, 24.5, 6,
                                    "东渡社区" if i < 4 else "高殿社区", "/1/2/4/6/", True) for i in range(9)}
        for layout, n, size, name in [("4", 4, (960, 560), "video_wall_2x2.png"),
                                      ("9", 9, (1200, 700), "video_wall_3x3.png")]:
            wall = VideoWall(cameras.get)
            wall.set_layout(layout)
            wall.resize(*size)
            wall.show()
            for i in range(n):
                wall.assign(i, i + 1)
            _spin(12, until=lambda w=wall, n=n: all(t.is_live for t in w.tiles[:n]))
            _spin(1.0)
            path = SCREENSHOTS / name
            wall.grab().save(str(path))
            written.append(path)
            wall.clear_all()
            wall.close()
            _spin(0.5)
    return written


if __name__ == "__main__":
    lines: list[str] = []
    run(lines)
    print("\n".join(lines))
    if "--screenshots" in sys.argv[1:]:
        for p in write_screenshots():
            print(f"wrote {p}")
