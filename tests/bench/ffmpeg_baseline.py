"""The RTSP path without our player: the same URLs read by FFmpeg alone (PyAV), one thread per stream.

Qt Multimedia decodes with FFmpeg too, so this shows what the network, the server and FFmpeg cost before Qt's
playback engine, the QImage conversion and the wall add theirs. Each stream is opened with what our Qt player
passes to FFmpeg (the probe size and the network timeout; the transport is FFmpeg's default, RTP over UDP,
because Qt Multimedia offers no way to choose it) and pictures are only counted: no conversion, no
painting."""
from __future__ import annotations

import threading
import time
from typing import Self

from console.qtmodels.video_player import PlayerOptions

RETRY_S = 0.5  # the wall's first reconnect delay (VideoChannel's BACKOFF_S), so a failed open costs the same
OPEN_TIMEOUT_S = 3.0  # the Qt player's network timeout (video_qtmm.NETWORK_TIMEOUT_MS)


def missing() -> str:
    """Why the baseline cannot run here ('' when it can)."""
    try:
        import av  # noqa: F401  (only checking that PyAV is installed)
    except ImportError:
        return "PyAV is not installed (`pip install -e '.[test]'`)"
    return ""


class FfmpegReaders:
    """Reads `urls` on one thread each until `stop()`; `first[i]` is the seconds from `start()` to stream i's
    first decoded picture, `counts[i]` its pictures so far."""

    def __init__(self, urls: list[str], options: PlayerOptions | None = None) -> None:
        self.urls = urls
        self.options = options or PlayerOptions()
        self.first: dict[int, float] = {}
        self.counts = [0] * len(urls)
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._read, args=(i,), daemon=True)
                         for i in range(len(urls))]
        self._started = 0.0

    def start(self) -> None:
        self._started = time.monotonic()
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(OPEN_TIMEOUT_S + 2)

    def _read(self, i: int) -> None:
        import av

        av_options = {"probesize": str(self.options.rtsp_probe_bytes)}
        while not self._stop.is_set():
            try:
                with av.open(self.urls[i], options=av_options, timeout=OPEN_TIMEOUT_S) as container:
                    stream = container.streams.video[0]
                    stream.thread_count = self.options.decoder_threads
                    for packet in container.demux(stream):
                        if self._stop.is_set():
                            return
                        try:
                            pictures = len(packet.decode())
                        except av.error.InvalidDataError:  # pictures before the first key frame
                            continue
                        if pictures:
                            self.first.setdefault(i, time.monotonic() - self._started)
                            self.counts[i] += pictures
            except av.error.FFmpegError:
                self._stop.wait(RETRY_S)


class KeyFrameWatcher:
    """A viewer already on a camera stream: tells when a key frame goes by (demuxing only, no decoding), so
    players can be started just after one and meet the longest wait for the next: one GOP."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._key = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(OPEN_TIMEOUT_S + 2)

    def wait_key_frame(self, timeout_s: float = 5.0) -> bool:
        """Block until the next key frame reaches this viewer; False when none came within `timeout_s`."""
        self._key.clear()
        return self._key.wait(timeout_s)

    def _watch(self) -> None:
        import av

        with av.open(self.url, options={"rtsp_transport": "tcp"}, timeout=OPEN_TIMEOUT_S) as container:
            for packet in container.demux(container.streams.video[0]):
                if self._stop.is_set():
                    return
                if packet.is_keyframe:
                    self._key.set()
