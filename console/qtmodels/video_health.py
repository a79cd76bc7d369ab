"""Cameras' online flag follows what the wall's players see.

A camera whose stream has been lost (no signal, or an error) for longer than `offline_after_s` is written
offline; the first picture after that writes it online again. Short drops that the channel's reconnect bridges
are not recorded, so the flag does not flap. Writes go through `cameras.set_online` (jurisdiction, change_log)
on the task runner's threads, so a slow database never stalls the wall, and reach every console's tree and
map through the change feed."""
from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from sqlalchemy.orm import Session

from console.qtmodels.error_messages import render_error
from console.qtmodels.tasks import TaskRunner
from console.qtmodels.video_channel import VideoChannel
from console.qtmodels.video_player import PlayerState
from console.services.cameras import set_online
from console.services.jurisdiction import Actor

OFFLINE_AFTER_S = 30.0
CHECK_MS = 1000
LOST_STATES = (PlayerState.NO_SIGNAL.value, PlayerState.ERROR.value)


class CameraHealth(QObject):
    sig_failed = Signal(str)  # the write was refused (jurisdiction, database down)

    def __init__(self, runner: TaskRunner, actor: Actor, offline_after_s: float = OFFLINE_AFTER_S,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor = runner, actor
        self.offline_after_s = offline_after_s
        self._channels: dict[int, VideoChannel] = {}
        self._lost_since: dict[int, float] = {}
        self._reported: dict[int, bool] = {}  # what this console last wrote (or found) per camera
        self._timer = QTimer(self, interval=CHECK_MS, timeout=self._check)

    def watch(self, camera_id: int, online: bool, channel: VideoChannel) -> None:
        """Follow `channel` for `camera_id`, whose flag in the database is `online` now."""
        self._channels[camera_id] = channel
        self._reported[camera_id] = online
        self._lost_since.pop(camera_id, None)
        channel.sig_state.connect(self._on_state)
        if not self._timer.isActive():
            self._timer.start()

    def _forget(self, camera_id: int, channel: VideoChannel) -> None:
        """The channel was closed for good (its tile cleared): nobody watches this camera through it now."""
        channel.sig_state.disconnect(self._on_state)
        self._channels.pop(camera_id, None)
        self._lost_since.pop(camera_id, None)
        if not self._channels:
            self._timer.stop()

    @Slot(str, str)
    def _on_state(self, state: str, _detail: str) -> None:
        channel = self.sender()
        camera_id = next((cid for cid, ch in self._channels.items() if ch is channel), None)
        if camera_id is None:
            return
        if state == PlayerState.PLAYING:
            self._lost_since.pop(camera_id, None)
            if not self._reported.get(camera_id, True):
                self._write(camera_id, True)
        elif state in LOST_STATES:
            self._lost_since.setdefault(camera_id, time.monotonic())
        elif state == PlayerState.STOPPED:
            self._forget(camera_id, channel)

    @Slot()
    def _check(self) -> None:
        now = time.monotonic()
        for camera_id, since in list(self._lost_since.items()):
            if now - since >= self.offline_after_s and self._reported.get(camera_id, True):
                self._write(camera_id, False)

    def _write(self, camera_id: int, online: bool) -> None:
        """One small UPDATE and its change_log row; the decision was made above, the database just records.
        The flag counts as written at once, so the check does not ask twice while the write is on its way;
        a refused write puts it back and is told."""
        self._reported[camera_id] = online
        actor = self._actor

        def record(session: Session) -> None:
            set_online(session, actor, camera_id, online)
            session.commit()

        def refused(exc: BaseException) -> None:
            self._reported[camera_id] = not online
            self.sig_failed.emit(render_error(exc))

        self._runner.submit(record, lambda _: None, refused)
