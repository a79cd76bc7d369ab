"""Watches the grid workers' last fixes for silence during duty hours (console.domain.live_status).

It asks the database on a timer (so a silence is noticed although nothing happens) and whenever the change
feed reports new fixes (so a resumed worker clears at once), always off the GUI thread. Each check also
emits `sig_checked`, which the map uses to repaint worker symbols whose age crossed a threshold."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from console.domain.live_status import DEFAULT_LIVE, LiveRules, SilenceWatch
from console.qtmodels.tasks import TaskRunner
from console.services.jurisdiction import Actor
from console.services.live_workers import LastFix, last_fixes

CHECK_MS = 30_000
FIX_ENTITIES = ("gps_fixes", "gps_fix")


@dataclass(frozen=True)
class LiveNotice:
    worker_id: int
    code: str
    name: str
    silent_since: datetime
    raised_at: datetime


class LiveWatch(QObject):
    sig_raised = Signal(object)  # LiveNotice
    sig_cleared = Signal(int)  # worker id
    sig_checked = Signal()

    def __init__(self, runner: TaskRunner, actor: Actor, rules: LiveRules = DEFAULT_LIVE,
                 clock: Callable[[], datetime] = datetime.now, interval_ms: int = CHECK_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner, self._actor, self.rules, self._clock = runner, actor, rules, clock
        self._watch = SilenceWatch(rules)
        self.notices: dict[int, LiveNotice] = {}
        self._checking = False
        self._again = False
        self._timer = QTimer(self, interval=interval_ms, timeout=self.check)

    def start(self) -> None:
        self._timer.start()
        self.check()

    def stop(self) -> None:
        self._timer.stop()

    def on_changes(self, rows: list) -> None:
        """Change-feed rows: new fixes may end a silence."""
        if any(row.entity in FIX_ENTITIES for row in rows):
            self.check()

    def check(self) -> None:
        if self._checking:  # one query at a time; a request meanwhile runs once the answer is in
            self._again = True
            return
        self._checking = True
        actor = self._actor
        self._runner.submit(lambda s: last_fixes(s, actor), self._arrived, self._failed)

    def _failed(self, _exc: BaseException) -> None:
        self._checking = False  # the runner reports the error; the next tick tries again

    def _arrived(self, rows: list[LastFix]) -> None:
        self._checking = False
        now = self._clock()
        by_id = {row.worker_id: row for row in rows}
        raised, cleared = self._watch.update({row.worker_id: row.t for row in rows}, now)
        for notice in cleared:
            if self.notices.pop(notice.worker_id, None) is not None:
                self.sig_cleared.emit(notice.worker_id)
        for notice in raised:
            row = by_id[notice.worker_id]
            live = LiveNotice(row.worker_id, row.code, row.name, notice.silent_since, now)
            self.notices[row.worker_id] = live
            self.sig_raised.emit(live)
        self.sig_checked.emit()
        if self._again:
            self._again = False
            self.check()
