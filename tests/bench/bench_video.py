"""Video wall benchmark: time to first frame, delivered fps per tile and process CPU for 1/4/9/16 tiles.

Streams are 640×360 at 25 fps served on 127.0.0.1: MPEG-TS over UDP (an ffmpeg per tile copying a pre-encoded
testsrc clip) for libVLC, and GStreamer's RTSP server for Qt Multimedia, the RTSP path on Debian. Tiles are
real wall tiles, shown offscreen, so painting is included. "Frames/s" counts new pictures handed to each tile
on the GUI thread (what the tile can paint); CPU is this process's user+system time over the window, in % of
one core (the senders are other processes; the RTSP server's own CPU is its column). Every stream has one key
frame a second, and a player can show nothing before its first key frame: that wait is part of every
first-frame figure.

The RTSP server runs in two set-ups, started afresh for every row, all tiles on its one URL: one encoder per
client (each client starts on a key frame: what the issue's acceptance pictured; the server encodes on this
machine, one encoder per tile, in its CPU column) and a camera stream (one encoder running already, watched
by another viewer; the players start just after a key frame went by, so every one waits a whole GOP, 1 s,
for the next: the worst join on a live camera, and no player can show a picture sooner).

The machine is shared, so each run also measures baselines in the same process: the UDP streams decoded by
libVLC alone (video callbacks that only count, no Qt, no wall) and the RTSP streams read by FFmpeg alone
(PyAV, tests/bench/ffmpeg_baseline.py), the library under Qt Multimedia. Wall ÷ baseline ratios stay
meaningful when other processes load the machine and the absolute times do not.

`python -m tests.bench.bench_video` prints the table; `--screenshots` also writes docs/screenshots/."""
from __future__ import annotations

import ctypes
import math
import os
import resource
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTranslator
from PySide6.QtWidgets import QApplication

from console.qtmodels.video_backends import LIBVLC, QT
from console.qtmodels.video_camera_tree import CameraRow
from console.qtmodels.video_channel import VideoChannel
from console.qtmodels.video_player import PlayerOptions
from console.qtmodels.video_vlc import shared_instance, vlc_module
from tests.bench import ffmpeg_baseline
from tests.gui.video_streams import RtspServer, UdpTsSender, make_clip, missing_tools, rtsp_server_missing
from widgets.video.wall import VideoWall

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "docs" / "screenshots"
TILE_COUNTS = (1, 4, 9, 16)
WARMUP_S = 3.0
WINDOW_S = 5.0
FIRST_FRAME_TIMEOUT_S = 10.0
RTSP_SETUPS = (("per-client", "one encoder per client"),
               ("camera", "camera stream, joined after a key frame"))


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


def _window(counts: Callable[[], list[int]], wait: Callable[[float], None],
            server_cpu: Callable[[], float] | None) -> tuple[list[float], float, float]:
    """Pictures/s per stream, this process's CPU % and the stream server's CPU % (NaN when there is no single
    server process) over one counting window."""
    server = server_cpu or (lambda: float("nan"))
    counts0, cpu0, server0, t0 = counts(), _cpu_s(), server(), time.monotonic()
    wait(WINDOW_S)
    elapsed = time.monotonic() - t0
    fps = [(c - c0) / elapsed for c, c0 in zip(counts(), counts0, strict=True)]
    return fps, (_cpu_s() - cpu0) / elapsed * 100, (server() - server0) / elapsed * 100


def _summary(n: int, first: dict[int, float], window: tuple[list[float], float, float]) -> dict[str, float]:
    fps, cpu, server = window
    ttff = list(first.values()) or [float("nan")]
    return {"tiles": n, "started": len(first), "ttff_med": statistics.median(ttff), "ttff_max": max(ttff),
            "fps_min": min(fps), "fps_med": statistics.median(fps), "cpu": cpu, "server_cpu": server}


def measure(backend: str, urls: list[str], server_cpu: Callable[[], float] | None = None) -> dict[str, float]:
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
    window = _window(lambda: [c.frames for c in channels], _spin, server_cpu)
    wall.clear_all()
    wall.close()
    wall.deleteLater()
    _spin(0.5)
    return _summary(n, first, window)


def measure_baseline(urls: list[str]) -> dict[str, float]:
    """The same streams in libVLC alone: the callbacks only count pictures; no Qt, no copies, no painting."""
    vlc, inst, opts = vlc_module(), shared_instance(), PlayerOptions()
    first: dict[int, float] = {}
    counts = [0] * len(urls)
    lock = threading.Lock()
    players, keep = [], []
    buffers = [bytearray(opts.frame_width * opts.frame_height * 4) for _ in urls]
    started = time.monotonic()
    for i, url in enumerate(urls):
        media = inst.media_new(url, f":network-caching={opts.network_caching_ms}", ":no-audio",
                               f":avcodec-threads={opts.decoder_threads}")
        mp = inst.media_player_new()
        mp.set_media(media)
        address = ctypes.addressof(ctypes.c_char.from_buffer(buffers[i]))

        @vlc.CallbackDecorators.VideoLockCb
        def lock_cb(_opaque, planes, address=address):
            planes[0] = address

        @vlc.CallbackDecorators.VideoDisplayCb
        def display_cb(_opaque, _picture, i=i):
            with lock:
                first.setdefault(i, time.monotonic() - started)
                counts[i] += 1

        keep.append((lock_cb, display_cb))
        mp.video_set_callbacks(lock_cb, None, display_cb, None)
        mp.video_set_format("RV32", opts.frame_width, opts.frame_height, opts.frame_width * 4)
        mp.play()
        players.append((mp, media))
    _wait_first(first, len(urls))
    window = _window(lambda: list(counts), time.sleep, None)
    for mp, media in players:
        mp.stop()
        mp.release()
        media.release()
    return _summary(len(urls), first, window)


def measure_ffmpeg(urls: list[str], server_cpu: Callable[[], float]) -> dict[str, float]:
    """The same RTSP streams read by FFmpeg alone (PyAV): no Qt, no QImage, no painting."""
    readers = ffmpeg_baseline.FfmpegReaders(urls, PlayerOptions())
    readers.start()
    _wait_first(readers.first, len(urls))
    window = _window(lambda: list(readers.counts), time.sleep, server_cpu)
    readers.stop()
    return _summary(len(urls), dict(readers.first), window)


def _wait_first(first: dict[int, float], n: int) -> None:
    """Wait (off the Qt event loop) for n first pictures, then let the streams settle."""
    deadline = time.monotonic() + FIRST_FRAME_TIMEOUT_S
    while len(first) < n and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(WARMUP_S)


def _ratio_row(pair: str, m: dict[str, float], base: dict[str, float]) -> str:
    keys = ("ttff_med", "ttff_max", "fps_min", "cpu")
    cells = [m[k] / base[k] if base[k] > 0 else float("nan") for k in keys]
    return f"| {pair} | {m['tiles']} | " + " | ".join(f"{c:.2f}" for c in cells) + " |"


def _row(label: str, m: dict[str, float]) -> str:
    server = "—" if math.isnan(m["server_cpu"]) else f"{m['server_cpu']:.0f} %"
    return (f"| {label} | {m['tiles']} | {m['started']}/{m['tiles']} | {m['ttff_med']:.2f} "
            f"| {m['ttff_max']:.2f} "
            f"| {m['fps_med']:.1f} | {m['fps_min']:.1f} | {m['cpu']:.0f} % | {server} |")


def _run_libvlc(clip: Path, rows: list[str], results: list, ratios: list[str]) -> None:
    for n in TILE_COUNTS:
        with ExitStack() as stack:
            senders = [stack.enter_context(UdpTsSender(clip)) for _ in range(n)]
            for sender in senders:
                sender.wait_sending()
            base = measure_baseline([s.url for s in senders])
            m = measure(LIBVLC, [s.url for s in senders])
        results.append(("libVLC / UDP MPEG-TS", m))
        rows += [_row("libVLC / UDP MPEG-TS", m), _row("baseline: libVLC alone, no Qt", base)]
        ratios.append(_ratio_row("libVLC wall ÷ libVLC alone", m, base))
        print(rows[-2], rows[-1], sep="\n", flush=True)


@contextmanager
def _rtsp_server(media: str) -> Iterator[RtspServer]:
    """A freshly started server; on a "camera" one, a viewer is already watching and the players start just
    after a key frame went by, so they wait one whole GOP for the next: the worst join on a live camera."""
    with RtspServer(media=media) as server:
        if media != "camera":
            yield server
            return
        with ffmpeg_baseline.KeyFrameWatcher(server.url) as watcher:
            if not (watcher.wait_key_frame() and watcher.wait_key_frame()):
                raise RuntimeError("the camera stream did not start")
            yield server


def _run_rtsp(rows: list[str], results: list, ratios: list[str]) -> None:
    """Each set-up, each tile count: FFmpeg alone, then the wall, each against its own fresh server."""
    for media, setup in RTSP_SETUPS:
        for n in TILE_COUNTS:
            with _rtsp_server(media) as server:
                base = measure_ffmpeg([server.url] * n, server.cpu_s)
            with _rtsp_server(media) as server:
                m = measure(QT, [server.url] * n, server.cpu_s)
            wall, alone = f"Qt Multimedia / RTSP, {setup}", f"baseline: FFmpeg alone (PyAV), {setup}"
            results += [(wall, m), (alone, base)]
            rows += [_row(wall, m), _row(alone, base)]
            ratios.append(_ratio_row(f"Qt Multimedia wall ÷ FFmpeg alone, {setup}", m, base))
            print(rows[-2], rows[-1], sep="\n", flush=True)


def run(report: list[str]) -> None:
    report += ["## Video wall (640×360, 25 fps per stream, loopback)", ""]
    if missing_tools():
        report.append(f"_skipped: {missing_tools()}_")
        return
    _app()
    header = ("| backend / transport | tiles | playing | first frame median (s) | first frame max (s) "
              "| frames/s per tile, median | per tile, worst | process CPU (1 core = 100 %) "
              "| RTSP server CPU |")
    report += [header, "|---|---|---|---|---|---|---|---|---|"]
    results: list[tuple[str, dict[str, float]]] = []
    ratios: list[str] = []
    load = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmp:
        _run_libvlc(make_clip(Path(tmp) / "bench.ts", seconds=6), report, results, ratios)
    if rtsp_server_missing() or ffmpeg_baseline.missing():
        report.append(f"_Qt Multimedia / RTSP skipped: {rtsp_server_missing() or ffmpeg_baseline.missing()}_")
    else:
        _run_rtsp(report, results, ratios)
    report += ["", ("RTSP set-ups, each row on a freshly started server (tests/gui/rtsp_test_server.py): "
               "\"one encoder per client\" starts an encoder for each connection, so each client starts on "
               "a key frame (what the issue's acceptance pictured). \"Camera stream, joined after a key "
               "frame\": one encoder runs from start-up with a key frame every 25 frames (1 s), another "
               "viewer is on it, and the players start just after a key frame went by, so each waits for "
               "the next one, about 1 s: no player can show a picture before it (on a live camera a tile "
               "joins at any point of the GOP and waits 0–1 s). The baseline reads the same URLs with FFmpeg "
               "alone, with the probe size our player passes to Qt and FFmpeg's default transport (RTP over "
               "UDP, as Qt's), and only counts pictures."), "",
               "Wall ÷ baseline, same streams, same run (1.00 = the wall adds nothing to the decoder alone):",
               "",
               "| pair | tiles | first frame, median | first frame, max | worst tile frames/s | CPU |",
               "|---|---|---|---|---|---|", *ratios, "",
               (f"Load average when the run started: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
               f"(1 / 5 / 15 min) on {os.cpu_count()} cores."), "", *_verdict(results)]


def _verdict(results: list[tuple[str, dict[str, float]]]) -> list[str]:
    """Per backend and set-up: the worst first frame over all tile counts; 16 tiles against the targets."""
    lines = []
    for label in dict.fromkeys(label for label, _ in results):
        rows = [m for name, m in results if name == label]
        targets = not label.startswith("baseline")
        worst = max(m["ttff_max"] for m in rows)
        if all(m["started"] == m["tiles"] for m in rows):
            ttff_note = " (meets ≤ 1 s)" if worst <= 1.0 else " (over 1 s)"
        else:
            ttff_note = " (not every tile played)"
        line = (f"- {label}: first frame at most {worst:.2f} s over "
                + "/".join(str(m["tiles"]) for m in rows) + " tiles" + (ttff_note if targets else ""))
        at16 = next((m for m in rows if m["tiles"] == 16), None)
        if at16 is not None:
            fps_ok = at16["fps_min"] >= 24 and at16["started"] == 16
            line += (f"; 16 tiles in one process: worst tile {at16['fps_min']:.1f} frames/s"
                     + ((" (meets ≥ 24)" if fps_ok else " (below 24)") if targets else "")
                     + f", {at16['cpu']:.0f} % CPU of one core on a {os.cpu_count()}-core machine")
            if not math.isnan(at16["server_cpu"]):
                line += f", RTSP server {at16['server_cpu']:.0f} %"
            if at16["fps_med"] > 25.5:
                line += (". Above the source's 25 frames/s: the stream arrived in bursts (a sender catching "
                         "up after being starved of CPU), so this window over-counts")
        lines.append(line + ".")
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
