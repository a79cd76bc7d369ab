"""One camera's live feed as the wall sees it: a backend player plus a watchdog that reconnects.

Cameras drop all the time (power, uplinks, NVR restarts) and a UDP or RTSP stream that dies often sends no
end-of-stream at all, so a stall is detected by time since the last frame. Retries back off (0.5 s doubling
to 8 s) on per-channel QTimers: nothing waits on the GUI thread, so a dead camera never freezes the others."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtGui import QImage

from console.qtmodels.video_backends import create_player
from console.qtmodels.video_player import BackendUnavailable, PlayerOptions, PlayerState, VideoPlayer

BACKOFF_S = (0.5, 1.0, 2.0, 4.0, 8.0)
STALL_S = 2.5
CONNECT_TIMEOUT_S = 10.0
WATCHDOG_MS = 250


class VideoChannel(QObject):
    sig_frame = Signal(QImage)
    sig_state = Signal(str, str)

    def __init__(self, url: str, options: PlayerOptions | None = None, backend: str | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.options = options or PlayerOptions()
        self.state = PlayerState.STOPPED.value
        self.detail = ""
        self.last_frame: QImage | None = None
        self.reconnects = 0
        self._attempt = 0
        self._since = 0.0
        self._last_frame_at = 0.0
        self._last_progress = 0
        self._player: VideoPlayer | None = None
        self._unavailable = ""
        try:
            self._player = create_player(url, self.options, backend, self)
        except BackendUnavailable as exc:
            self._unavailable = str(exc)
        else:
            self._player.sig_frame.connect(self._on_frame)
            self._player.sig_state.connect(self._on_player_state)
        self._watchdog = QTimer(self, interval=WATCHDOG_MS, timeout=self._check)
        self._retry = QTimer(self, singleShot=True, timeout=self._connect)

    @property
    def backend_name(self) -> str:
        return self._player.backend_name if self._player is not None else "—"

    @property
    def frames(self) -> int:
        return self._player.frames if self._player is not None else 0

    @property
    def player(self) -> VideoPlayer | None:
        return self._player

    @property
    def render_path(self) -> str:
        return self._player.render_path if self._player is not None else ""

    @property
    def supports_window(self) -> bool:
        return self._player is not None and self._player.supports_window

    def set_window(self, win_id: int) -> None:
        """Render into a native window from the next connect on; the tile calls this before `start()`."""
        if self._player is not None:
            self._player.set_window(win_id)

    def start(self) -> None:
        if self._player is None:
            self._set_state(PlayerState.ERROR, self._unavailable)
            return
        self._attempt = 0
        self._connect()
        self._watchdog.start()

    def restart(self) -> None:
        """Reconnect now (a new render target, or an operator's retry), keeping the watchdog running."""
        if self._player is not None:
            self._retry.stop()
            self.start()

    def close(self) -> None:
        """Stop for good and release the native player; the channel can be dropped afterwards."""
        self._watchdog.stop()
        self._retry.stop()
        if self._player is not None:
            self._player.stop()
        self._set_state(PlayerState.STOPPED, "")

    @Slot()
    def _connect(self) -> None:
        assert self._player is not None
        self._since = time.monotonic()
        self._last_frame_at = 0.0
        self._last_progress = 0
        try:
            self._player.play(self.url)
        except RuntimeError as exc:  # libVLC present but unable to start: nothing a retry would fix
            self._watchdog.stop()
            self._set_state(PlayerState.ERROR, str(exc))

    def _schedule_retry(self, state: PlayerState, detail: str) -> None:
        if self._retry.isActive():
            return
        self._player.stop()
        self._set_state(state, detail)
        delay = BACKOFF_S[min(self._attempt, len(BACKOFF_S) - 1)]
        self._attempt += 1
        self.reconnects += 1
        self._retry.start(int(delay * 1000))

    @Slot(QImage)
    def _on_frame(self, image: QImage) -> None:
        if not self._last_frame_at:
            self._last_frame_at = time.monotonic()
        self._attempt = 0
        self.last_frame = image
        if self.state != PlayerState.PLAYING:
            self._set_state(PlayerState.PLAYING, "")
        self.sig_frame.emit(image)

    @Slot(str, str)
    def _on_player_state(self, state: str, detail: str) -> None:
        if state == PlayerState.PLAYING and self.state != PlayerState.PLAYING:  # window path: no frames here
            self._attempt = 0
            self._last_frame_at = self._last_frame_at or time.monotonic()
            self._set_state(PlayerState.PLAYING, "")
        elif state in (PlayerState.ERROR, PlayerState.NO_SIGNAL):
            self._schedule_retry(PlayerState(state), detail)
        elif state == PlayerState.CONNECTING and self.state not in (PlayerState.NO_SIGNAL, PlayerState.ERROR):
            self._set_state(PlayerState.CONNECTING, detail)

    @Slot()
    def _check(self) -> None:
        if self._retry.isActive():
            return
        now = time.monotonic()
        progress = self._player.progress()
        if progress != self._last_progress:
            self._last_progress, self._last_frame_at = progress, now
        if self._last_frame_at and now - self._last_frame_at > STALL_S:
            self._schedule_retry(PlayerState.NO_SIGNAL, "no frames")
        elif not self._last_frame_at and now - self._since > CONNECT_TIMEOUT_S:
            self._schedule_retry(PlayerState.NO_SIGNAL, "no answer")

    def _set_state(self, state: PlayerState, detail: str) -> None:
        if (state.value, detail) != (self.state, self.detail):
            self.state, self.detail = state.value, detail
            self.sig_state.emit(state.value, detail)
