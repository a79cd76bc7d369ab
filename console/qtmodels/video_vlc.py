"""libVLC backend: decoding in VLC's threads, pictures reach Qt through a lock-protected buffer or a window.

Two render paths. Where the platform gives native windows (X11 with a display, Windows, macOS) and the tile
hands over a window id, libVLC draws into it itself: no pixels cross into Python. Elsewhere (offscreen,
Wayland, tests) video callbacks render RV32 into our buffer; the display callback copies the picture into a
QImage on the VLC thread and leaves it as the buffer's newest frame. One GUI-thread timer (`FramePump`)
collects every player's newest frame in a single pass, so 16 tiles cost one wake-up per tick instead of 400
queued signals a second, and a slow GUI thread drops frames instead of queueing them."""
from __future__ import annotations

import ctypes
import sys
import threading
import weakref

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from console import vlc_bootstrap
from console.qtmodels.video_player import PlayerOptions, PlayerState, VideoPlayer

_instance_lock = threading.Lock()
_instances: dict[bool, object] = {}
_live_native = [0]
_live_lock = threading.Lock()

# Statistics stay on: the watchdog reads the displayed-picture count (see `VlcPlayer.progress`).
INSTANCE_ARGS = ("--quiet", "--no-xlib", "--no-video-title-show", "--no-osd", "--no-snapshot-preview",
                 "--no-spu")
# libVLC 3 opens an audio output inside every media_player_new(); with PulseAudio/ALSA that took 50–370 ms on
# the GUI thread per tile while other tiles started (measured, 16 tiles). Muted players get the dummy output.
MUTED_ARGS = ("--aout=adummy",)
PUMP_INTERVAL_MS = 15  # well above 25 fps, so a frame waits at most one tick and none is lost to beating


def vlc_module():
    """The python-vlc module with a loadable libVLC, or None (missing library or bindings)."""
    vlc_bootstrap.configure()  # before python-vlc's import-time library search
    try:
        import vlc
    except (ImportError, OSError):
        return None
    return vlc if getattr(vlc, "dll", None) is not None else None


def shared_instance(muted: bool = True):
    """One libVLC instance per process and audio mode: creating one loads every plugin (~100 ms)."""
    with _instance_lock:
        if muted not in _instances:
            vlc = vlc_module()
            if vlc is None:
                raise RuntimeError("libVLC is not installed")
            inst = vlc.Instance(*INSTANCE_ARGS, *(MUTED_ARGS if muted else ()))
            if inst is None:
                raise RuntimeError("libVLC failed to start")
            _instances[muted] = inst
        return _instances[muted]


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

    def post(self, image: QImage) -> None:
        """Called on a VLC thread: the newest picture replaces one the GUI has not taken yet."""
        with self.lock:
            if not self.closed:
                self.pending = image

    def notify(self, signal, *args: object) -> None:
        """Emit under the lock so no event from a VLC thread can follow `close()`."""
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


class FramePump(QObject):
    """The single GUI-thread timer that hands every callback-path player its newest frame."""

    _instance: FramePump | None = None

    def __init__(self) -> None:
        super().__init__()
        self._players: weakref.WeakSet[VlcPlayer] = weakref.WeakSet()
        self._timer = QTimer(self, interval=PUMP_INTERVAL_MS, timeout=self._tick)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)

    @classmethod
    def get(cls) -> FramePump:
        if cls._instance is None:
            cls._instance = FramePump()
        return cls._instance

    def add(self, player: VlcPlayer) -> None:
        self._players.add(player)
        if not self._timer.isActive():
            self._timer.start()

    def player_count(self) -> int:
        """Players the timer serves now (leak checks read this: closed tiles must leave none behind)."""
        return len(self._players)

    def remove(self, player: VlcPlayer) -> None:
        self._players.discard(player)
        if not self._players:
            self._timer.stop()

    @Slot()
    def _tick(self) -> None:
        for player in list(self._players):
            player.take_frame()


def set_window(mp, win_id: int) -> None:
    """Let libVLC draw into the native window `win_id` with the platform's own call."""
    if sys.platform.startswith("win"):
        mp.set_hwnd(win_id)
    elif sys.platform == "darwin":
        mp.set_nsobject(win_id)
    else:
        mp.set_xwindow(win_id)


class VlcPlayer(VideoPlayer):
    backend_name = "libVLC"
    supports_window = True
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
        self._sig_event.connect(self._on_event, Qt.ConnectionType.QueuedConnection)
        self._session = 0

    @property
    def render_path(self) -> str:
        return "window" if self.window_id else "frames"

    def play(self, url: str) -> None:
        self.stop()
        self.url, self.frames = url, 0
        self._session += 1
        session = self._session
        vlc = self._vlc
        opts = self.options
        media_opts = [f":network-caching={opts.network_caching_ms}", ":clock-jitter=0", ":clock-synchro=0",
                      f":avcodec-threads={opts.decoder_threads}"]
        if opts.rtsp_tcp:
            media_opts.append(":rtsp-tcp")
        if opts.mute:
            media_opts.append(":no-audio")
        inst = shared_instance(opts.mute)
        media = inst.media_new(url, *media_opts)
        mp = inst.media_player_new()
        mp.set_media(media)
        _count(+1)
        self._buffer = _FrameBuffer(opts.frame_width, opts.frame_height)
        b = self._buffer
        if self.window_id:
            set_window(mp, self.window_id)
            mp.video_set_mouse_input(False)
            mp.video_set_key_input(False)
        else:
            self._callbacks = self._make_callbacks(b)
            lock_cb, display_cb = self._callbacks
            mp.video_set_callbacks(lock_cb, None, display_cb, None)
            mp.video_set_format("RV32", b.width, b.height, b.pitch)
            FramePump.get().add(self)
        events = mp.event_manager()
        sig = self._sig_event
        error, ended = PlayerState.ERROR.value, PlayerState.NO_SIGNAL.value
        playing = PlayerState.PLAYING.value
        events.event_attach(vlc.EventType.MediaPlayerEncounteredError,
                            lambda _e: b.notify(sig, session, error, "libVLC cannot open the stream"))
        events.event_attach(vlc.EventType.MediaPlayerEndReached,
                            lambda _e: b.notify(sig, session, ended, "stream ended"))
        if self.window_id:  # no frames come back on this path: the video output appearing is the picture
            events.event_attach(vlc.EventType.MediaPlayerVout,
                                lambda e: e.u.new_count and b.notify(sig, session, playing, ""))
        self._callbacks += (events,)  # python-vlc's event thunks live on this wrapper object
        self._mp, self._media = mp, media
        self._stats = vlc.MediaStats()
        self.sig_state.emit(PlayerState.CONNECTING.value, "")
        mp.play()

    def _make_callbacks(self, buf: _FrameBuffer) -> tuple:
        vlc = self._vlc

        @vlc.CallbackDecorators.VideoLockCb
        def lock_cb(_opaque, planes):
            planes[0] = buf.address

        @vlc.CallbackDecorators.VideoDisplayCb
        def display_cb(_opaque, _picture):
            view = QImage(buf.raw, buf.width, buf.height, buf.pitch, QImage.Format.Format_RGB32)
            buf.post(view.copy())  # one copy into memory the QImage owns; VLC reuses `raw`

        return lock_cb, display_cb

    @Slot(int, str, str)
    def _on_event(self, session: int, state: str, detail: str) -> None:
        """Drop events a previous session posted before it was stopped: they are about a closed stream."""
        if session == self._session and self._mp is not None:
            self.sig_state.emit(state, detail)

    def take_frame(self) -> None:
        """The pump's call on the GUI thread: deliver the newest picture, if one came since the last tick."""
        image = self._buffer.take()
        if image is not None and self._mp is not None:
            self._deliver(image)

    def progress(self) -> int:
        """Pictures VLC really displayed: its video output re-shows the last one ~14 times a second while the
        source is silent, so counting display callbacks would never notice a dead stream."""
        if self._media is None or not self._media.get_stats(self._stats):
            return 0
        return int(self._stats.displayed_pictures)

    def native_state(self) -> str:
        """libVLC's own player state name ("Playing", "Buffering"…), for diagnostics and tests."""
        return str(self._mp.get_state()).rsplit(".", 1)[-1] if self._mp is not None else "Stopped"

    def position_ms(self) -> int:
        """libVLC's play time; it advances while pictures flow, on either render path."""
        return int(self._mp.get_time()) if self._mp is not None else -1

    def snapshot(self, path: str) -> bool:
        """On the window path there is no QImage: libVLC writes the PNG from its own last picture."""
        return self._mp is not None and self._mp.video_take_snapshot(0, path, 0, 0) == 0

    def stop(self) -> None:
        """Hand the native player to a short-lived thread: libVLC's stop joins its decoder threads."""
        mp, media, callbacks = self._mp, self._media, self._callbacks
        self._mp, self._media, self._callbacks = None, None, ()
        self._buffer.close()
        FramePump.get().remove(self)
        if mp is not None:
            threading.Thread(target=_release, args=(mp, media, callbacks), name="vlc-release",
                             daemon=True).start()


def _release(mp, media, _callbacks: tuple) -> None:
    """Runs off the GUI thread; holding `_callbacks` keeps the ctypes thunks alive until VLC is done."""
    mp.stop()
    mp.release()
    media.release()
    _count(-1)
