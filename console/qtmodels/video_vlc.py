"""libVLC backend: decoding in VLC's threads, pixels handed to Qt through a lock-protected buffer.

Rendering goes through video callbacks (RV32 into our own buffer) rather than a native window handle, so the
same path works offscreen, on Wayland and in tests; VLC scales to the tile resolution in its own threads.
The display callback only copies the picture and, if the GUI has not yet taken the previous one, posts a
single queued notification: a slow GUI thread drops frames instead of queueing them without bound."""
from __future__ import annotations

import ctypes
import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QImage

from console.qtmodels.video_player import PlayerOptions, PlayerState, VideoPlayer

_instance_lock = threading.Lock()
_instance: list = []
_live_native = [0]
_live_lock = threading.Lock()

# Statistics stay on: the watchdog reads the displayed-picture count (see `VlcPlayer.progress`).
INSTANCE_ARGS = ("--quiet", "--no-xlib", "--no-video-title-show", "--no-osd", "--no-snapshot-preview",
                 "--no-spu")


def vlc_module():
    """The python-vlc module with a loadable libVLC, or None (missing library or bindings)."""
    try:
        import vlc
    except (ImportError, OSError):
        return None
    return vlc if getattr(vlc, "dll", None) is not None else None


def shared_instance():
    """One libVLC instance per process: creating one loads every plugin, which costs ~100 ms."""
    with _instance_lock:
        if not _instance:
            vlc = vlc_module()
            if vlc is None:
                raise RuntimeError("libVLC is not installed")
            inst = vlc.Instance(*INSTANCE_ARGS)
            if inst is None:
                raise RuntimeError("libVLC failed to start")
            _instance.append(inst)
        return _instance[0]


def live_native_players() -> int:
    """Native libVLC media players created and not yet released (leak checks read this)."""
    with _live_lock:
        return _live_native[0]


def _count(delta: int) -> None:
    with _live_lock:
        _live_native[0] += delta


class _FrameBuffer:
    """The RV32 picture VLC writes into, and the latest finished frame waiting for the GUI thread."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height, self.pitch = width, height, width * 4
        self.raw = ctypes.create_string_buffer(self.pitch * height)
        self.address = ctypes.addressof(self.raw)
        self.lock = threading.Lock()
        self.pending: QImage | None = None
        self.closed = False

    def post(self, image: QImage, wake) -> None:
        """Called on a VLC thread; `wake` is emitted under the lock so none can follow `close()`."""
        with self.lock:
            if self.closed:
                return
            was_empty = self.pending is None
            self.pending = image
            if was_empty:
                wake.emit()

    def notify(self, signal, *args: object) -> None:
        with self.lock:
            if not self.closed:
                signal.emit(*args)

    def close(self) -> None:
        with self.lock:
            self.closed = True
            self.pending = None

    def take(self) -> QImage | None:
        with self.lock:
            image, self.pending = self.pending, None
        return image


class VlcPlayer(VideoPlayer):
    backend_name = "libVLC"
    _sig_wake = Signal()
    _sig_event = Signal(int, str, str)  # session, state, detail

    def __init__(self, options: PlayerOptions, parent: QObject | None = None) -> None:
        super().__init__(options, parent)
        self._vlc = vlc_module()
        self._mp = None
        self._media = None
        self._stats = None
        self._callbacks: tuple = ()
        self._buffer = _FrameBuffer(options.frame_width, options.frame_height)
        self._buffer.close()
        self._sig_wake.connect(self._take_frame, Qt.ConnectionType.QueuedConnection)
        self._sig_event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self._session = 0

    def play(self, url: str) -> None:
        self.stop()
        self.url, self.frames = url, 0
        self._session += 1
        session = self._session
        vlc = self._vlc
        media_opts = [f":network-caching={self.options.network_caching_ms}", ":clock-jitter=0",
                      ":clock-synchro=0"]
        if self.options.rtsp_tcp:
            media_opts.append(":rtsp-tcp")
        if self.options.mute:
            media_opts.append(":no-audio")
        inst = shared_instance()
        media = inst.media_new(url, *media_opts)
        mp = inst.media_player_new()
        mp.set_media(media)
        _count(+1)
        self._buffer = _FrameBuffer(self.options.frame_width, self.options.frame_height)
        self._callbacks = self._make_callbacks(self._buffer)
        lock_cb, unlock_cb, display_cb = self._callbacks
        mp.video_set_callbacks(lock_cb, unlock_cb, display_cb, None)
        b = self._buffer
        mp.video_set_format("RV32", b.width, b.height, b.pitch)
        events = mp.event_manager()
        sig = self._sig_event
        error, ended = PlayerState.ERROR.value, PlayerState.NO_SIGNAL.value
        events.event_attach(vlc.EventType.MediaPlayerEncounteredError,
                            lambda _e: b.notify(sig, session, error, "libVLC cannot open the stream"))
        events.event_attach(vlc.EventType.MediaPlayerEndReached,
                            lambda _e: b.notify(sig, session, ended, "stream ended"))
        self._callbacks += (events,)  # python-vlc's event thunks live on this wrapper object
        self._mp, self._media = mp, media
        self._stats = vlc.MediaStats()
        self.sig_state.emit(PlayerState.CONNECTING.value, "")
        mp.play()

    def _make_callbacks(self, buf: _FrameBuffer) -> tuple:
        vlc = self._vlc
        wake = self._sig_wake

        @vlc.CallbackDecorators.VideoLockCb
        def lock_cb(_opaque, planes):
            planes[0] = buf.address

        @vlc.CallbackDecorators.VideoUnlockCb
        def unlock_cb(_opaque, _picture, _planes):
            return None

        @vlc.CallbackDecorators.VideoDisplayCb
        def display_cb(_opaque, _picture):
            view = QImage(buf.raw, buf.width, buf.height, buf.pitch, QImage.Format.Format_RGB32)
            buf.post(view.copy(), wake)  # one copy into memory the QImage owns; VLC reuses `raw`

        return lock_cb, unlock_cb, display_cb

    @Slot(int, str, str)
    def _on_event(self, session: int, state: str, detail: str) -> None:
        """Drop events a previous session posted before it was stopped: they are about a closed stream."""
        if session == self._session and self._mp is not None:
            self.sig_state.emit(state, detail)

    @Slot()
    def _take_frame(self) -> None:
        image = self._buffer.take()
        if image is not None and self._mp is not None:
            self._deliver(image)

    def progress(self) -> int:
        """Pictures VLC really displayed: its video output re-shows the last one ~14 times a second while the
        source is silent, so counting display callbacks would never notice a dead stream."""
        if self._media is None or not self._media.get_stats(self._stats):
            return 0
        return int(self._stats.displayed_pictures)

    def stop(self) -> None:
        """Hand the native player to a short-lived thread: libVLC's stop joins its decoder threads."""
        mp, media, callbacks = self._mp, self._media, self._callbacks
        self._mp, self._media, self._callbacks = None, None, ()
        self._buffer.close()
        if mp is not None:
            threading.Thread(target=_release, args=(mp, media, callbacks), name="vlc-release",
                             daemon=True).start()


def _release(mp, media, _callbacks: tuple) -> None:
    """Runs off the GUI thread; holding `_callbacks` keeps the ctypes thunks alive until VLC is done."""
    mp.stop()
    mp.release()
    media.release()
    _count(-1)
