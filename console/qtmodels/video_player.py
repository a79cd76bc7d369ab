"""The player interface the video wall talks to, whatever decodes the stream.

A backend turns a URL into QImages on the GUI thread and reports a coarse state; the wall never sees libVLC or
Qt Multimedia types, so a camera can move between backends (or into a worker process later) unnoticed."""
from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage



class PlayerState(StrEnum):
    CONNECTING = "connecting"
    PLAYING = "playing"
    NO_SIGNAL = "no_signal"
    ERROR = "error"
    STOPPED = "stopped"


@dataclass(frozen=True)
class PlayerOptions:
    """Per-camera playback options; the defaults favour latency over smoothness, as a live wall wants."""

    network_caching_ms: int = 300
    rtsp_tcp: bool = True
    mute: bool = True
    frame_width: int = 640
    frame_height: int = 360


class BackendUnavailable(RuntimeError):
    """No installed backend can open this URL; the text says what to install."""


class VideoPlayer(QObject):
    """One decoder for one stream. Frames and states arrive on the GUI thread, never on decoder threads."""

    sig_frame = Signal(QImage)
    sig_state = Signal(str, str)  # PlayerState value, human-readable detail

    backend_name = "abstract"

    def __init__(self, options: PlayerOptions, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.options = options
        self.url = ""
        self.frames = 0

    def play(self, url: str) -> None:
        raise NotImplementedError

    def progress(self) -> int:
        """A count that grows only with new pictures from the source: the watchdog's sign of life."""
        return self.frames

    def stop(self) -> None:
        """Stop decoding and release native resources without blocking the GUI thread for long."""
        raise NotImplementedError

    def _deliver(self, image: QImage) -> None:
        self.frames += 1
        if self.frames == 1:
            self.sig_state.emit(PlayerState.PLAYING.value, "")
        self.sig_frame.emit(image)
