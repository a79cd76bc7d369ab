"""Live test cameras on 127.0.0.1, made from ffmpeg's testsrc in the test itself.

libVLC gets MPEG-TS over UDP (what many cameras multicast) from an ffmpeg that copies a pre-encoded clip in a
loop, so a sender costs almost no CPU; RTSP comes from GStreamer's RTSP server (see rtsp_test_server.py).
Stopping a sender or server is a camera going offline; `start()` again brings it back on the same address."""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYSTEM_PYTHON = "/usr/bin/python3"


def missing_tools() -> str:
    """Why live-stream tests cannot run here ('' when they can)."""
    if shutil.which("ffmpeg") is None:
        return "ffmpeg is not installed (apt-get install ffmpeg)"
    return ""


def rtsp_server_missing() -> str:
    """Why the GStreamer RTSP test server cannot run here ('' when it can)."""
    check = ("import gi; gi.require_version('GstRtspServer', '1.0'); gi.require_version('Gst', '1.0');"
             "from gi.repository import Gst, GstRtspServer; Gst.init(None);"
             "assert Gst.ElementFactory.find('x264enc')")
    ok = Path(SYSTEM_PYTHON).exists() and subprocess.run([SYSTEM_PYTHON, "-c", check], capture_output=True,
                                                         check=False).returncode == 0
    if not ok:
        return ("GStreamer RTSP server missing (apt-get install gstreamer1.0-rtsp gir1.2-gst-rtsp-server-1.0 "
                "python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-ugly)")
    return ""


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_clip(path: Path, seconds: int = 4, size: str = "640x360", fps: int = 25) -> Path:
    """An H.264 MPEG-TS clip of ffmpeg's moving test pattern, one key frame per second."""
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc=size={size}:rate={fps}",
                    "-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency",
                    "-g", str(fps), "-pix_fmt", "yuv420p", "-f", "mpegts", str(path)], check=True)
    return path


class _Process:
    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            self.proc = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop()

    def start(self) -> None:
        raise NotImplementedError


class UdpTsSender(_Process):
    """Loops `clip` in real time as MPEG-TS to udp://127.0.0.1:port; players open `url`."""

    def __init__(self, clip: Path, port: int | None = None) -> None:
        super().__init__()
        self.clip = clip
        self.port = port or free_port(socket.SOCK_DGRAM)
        self.url = f"udp://@127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            ["ffmpeg", "-v", "error", "-re", "-stream_loop", "-1", "-i", str(self.clip), "-c", "copy",
             "-f", "mpegts", f"udp://127.0.0.1:{self.port}?pkt_size=1316"], stdin=subprocess.DEVNULL)

    def wait_sending(self, timeout_s: float = 15.0) -> None:
        """Block until datagrams arrive: ffmpeg takes seconds to start on a loaded machine, and a benchmark
        must not charge that to the player. Call before any player binds the port."""
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.bind(("127.0.0.1", self.port))
            s.settimeout(timeout_s)
            s.recv(2048)


class RtspServer(_Process):
    """GStreamer RTSP server on 127.0.0.1:port/live (Debian's python3, not the venv's). `media` is "shared",
    "per-client" or "camera": how clients share the encoder (see rtsp_test_server.py)."""

    def __init__(self, port: int | None = None, size: tuple[int, int] = (640, 360), fps: int = 25,
                 media: str = "shared") -> None:
        super().__init__()
        self.port = port or free_port()
        self.size, self.fps, self.media = size, fps, media
        self.url = f"rtsp://127.0.0.1:{self.port}/live"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [SYSTEM_PYTHON, str(HERE / "rtsp_test_server.py"), str(self.port), str(self.size[0]),
             str(self.size[1]), str(self.fps), self.media],
            stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
        line = self.proc.stdout.readline()
        if line.strip() != "ready":
            self.stop()
            raise RuntimeError(f"the RTSP test server did not start on port {self.port}")

    def cpu_s(self) -> float:
        """CPU seconds the server has used so far (its encoders run in this one process)."""
        if self.proc is None:
            return 0.0
        fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class HttpFileServer(_Process):
    """A static HTTP server for a folder of clips, the way an NVR exports recordings."""

    def __init__(self, folder: Path, port: int | None = None) -> None:
        super().__init__()
        self.folder = folder
        self.port = port or free_port()

    def url(self, name: str) -> str:
        return f"http://127.0.0.1:{self.port}/{name}"

    def start(self) -> None:
        self.proc = subprocess.Popen([sys.executable, "-m", "http.server", str(self.port), "--bind",
                                      "127.0.0.1", "--directory", str(self.folder)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"the HTTP test server did not start on port {self.port}")


def is_mostly_black(image, threshold: int = 24) -> bool:
    """True when a 16×9 sample of the picture has almost no brightness."""
    small = image.scaled(16, 9)
    total = sum(max(small.pixelColor(x, y).getRgb()[:3]) for x in range(16) for y in range(9))
    return total / (16 * 9) < threshold


def differs(a, b) -> bool:
    """Two pictures of the same size differ in at least one pixel (the test patterns move every frame)."""
    return a.size() == b.size() and a.convertToFormat(a.Format.Format_RGB32) != b.convertToFormat(
        b.Format.Format_RGB32)
