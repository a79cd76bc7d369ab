"""Qt Multimedia backend (QMediaPlayer + QVideoSink, Qt's bundled FFmpeg): the RTSP path where libVLC has no
live555, as on Debian. No audio output is attached, so it is always muted.

Qt's FFmpeg backend decodes in its own threads and delivers frames to the sink on the GUI thread; converting
each QVideoFrame to a QImage there is the cost this backend pays on the GUI thread."""
from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import QObject, QThreadPool, QUrl, Slot
from PySide6.QtMultimedia import QMediaPlayer, QPlaybackOptions, QVideoFrame, QVideoSink

from console.qtmodels.video_backends import RTSP_SCHEMES
from console.qtmodels.video_player import PlayerOptions, PlayerState, VideoPlayer

NETWORK_TIMEOUT_MS = 3000
SPARE_POOL_THREADS = 2
# The LowLatencyStreaming intent is left off on purpose: measured on loopback RTSP it delayed the first frame
# from 1.2 s to 3.0 s and halved the delivered frame rate.


def _reserve_pool_threads(players: int) -> None:
    """Qt's FFmpeg backend opens each source on the global QThreadPool, and an RTSP open holds its thread for
    about a second; the pool defaults to one thread per core, so on a 2-core PC a 9-tile wall opened in pairs
    and the later tiles hit the connect timeout. Threads start on demand, so a larger cap costs nothing."""
    pool = QThreadPool.globalInstance()
    pool.setMaxThreadCount(max(pool.maxThreadCount(), players + SPARE_POOL_THREADS))


class QtMultimediaPlayer(VideoPlayer):
    backend_name = "Qt Multimedia"
    _playing = 0

    def __init__(self, options: PlayerOptions, parent: QObject | None = None) -> None:
        super().__init__(options, parent)
        self._player: QMediaPlayer | None = None
        self._sink: QVideoSink | None = None

    def play(self, url: str) -> None:
        self.stop()
        self.url, self.frames = url, 0
        player = QMediaPlayer(self)
        sink = QVideoSink(self)
        opts = QPlaybackOptions()
        opts.setNetworkTimeout(NETWORK_TIMEOUT_MS)
        if urlsplit(url).scheme.lower() in RTSP_SCHEMES:
            opts.setProbeSize(self.options.rtsp_probe_bytes)
        player.setPlaybackOptions(opts)
        player.setVideoSink(sink)
        sink.videoFrameChanged.connect(self._on_frame)
        player.errorOccurred.connect(self._on_error)
        player.mediaStatusChanged.connect(self._on_status)
        self._player, self._sink = player, sink
        QtMultimediaPlayer._playing += 1
        _reserve_pool_threads(QtMultimediaPlayer._playing)
        self.sig_state.emit(PlayerState.CONNECTING.value, "")
        player.setSource(QUrl(url))
        player.play()

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        if self._player is None or not frame.isValid():
            return
        image = frame.toImage()
        if image.isNull():
            return
        w, h = self.options.frame_width, self.options.frame_height
        if image.width() > 2 * w or image.height() > 2 * h:
            image = image.scaled(w, h)
        self._deliver(image)

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, _error: QMediaPlayer.Error, text: str) -> None:
        if self._player is not None:
            self.sig_state.emit(PlayerState.ERROR.value, text or "Qt Multimedia cannot open the stream")

    @Slot(QMediaPlayer.MediaStatus)
    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._player is not None and status == QMediaPlayer.MediaStatus.EndOfMedia:
            self.sig_state.emit(PlayerState.NO_SIGNAL.value, "stream ended")

    def stop(self) -> None:
        player, sink = self._player, self._sink
        self._player = self._sink = None
        if player is None:
            return
        QtMultimediaPlayer._playing -= 1
        sink.videoFrameChanged.disconnect(self._on_frame)
        player.stop()
        player.setVideoSink(None)
        player.deleteLater()
        sink.deleteLater()
