"""Live state of grid workers: online / stale / offline by the age of their last fix, and the silence rule —
a worker whose device goes quiet during duty hours on a working day raises one notice, which clears when
fixes resume.

Silence is counted in duty time only: at 08:30 a worker whose last fix is from last evening has not been
silent yet, and becomes silent only if nothing arrives by 08:30 + the offline threshold. So the morning
start does not flood the operator with a notice per worker, and a lunch-time dead battery still shows."""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, time

from console.domain.map_classes import ONLINE_WITHIN_S, STALE_WITHIN_S
from console.domain.work_calendar import CHINA, WorkCalendar

ONLINE, STALE, OFFLINE = 0, 1, 2


@dataclass(frozen=True)
class LiveRules:
    """A fix younger than `online_within_s` is online, younger than `stale_within_s` stale, else offline;
    duty runs from `duty_start` to `duty_end` on the calendar's working days."""

    online_within_s: float = ONLINE_WITHIN_S
    stale_within_s: float = STALE_WITHIN_S
    duty_start: time = time(8, 30)
    duty_end: time = time(17, 30)
    calendar: WorkCalendar = CHINA

    def __post_init__(self) -> None:
        if not 0 < self.online_within_s < self.stale_within_s:
            raise ValueError("the online threshold must be positive and shorter than the stale threshold")
        if self.duty_start >= self.duty_end:
            raise ValueError(f"duty hours {self.duty_start:%H:%M}–{self.duty_end:%H:%M} end before they start")

    def state(self, last_fix: datetime | None, now: datetime) -> int:
        if last_fix is None:
            return OFFLINE
        age = (now - last_fix).total_seconds()
        return ONLINE if age < self.online_within_s else STALE if age < self.stale_within_s else OFFLINE

    def on_duty(self, now: datetime) -> bool:
        return self.calendar.is_working_day(now.date()) and self.duty_start <= now.time() < self.duty_end

    def silent_since(self, last_fix: datetime | None, now: datetime) -> datetime | None:
        """When the worker's silence began in duty time, if it has lasted past the offline threshold now."""
        if not self.on_duty(now):
            return None
        start = datetime.combine(now.date(), self.duty_start)
        since = max(last_fix, start) if last_fix is not None else start
        return since if (now - since).total_seconds() >= self.stale_within_s else None


DEFAULT_LIVE = LiveRules()


def parse_rules(values: Mapping[str, str], base: LiveRules = DEFAULT_LIVE) -> LiveRules:
    """Rules from a config section: online_minutes, stale_minutes, duty_start, duty_end (HH:MM)."""
    changes = {}
    for key, attr in (("online_minutes", "online_within_s"), ("stale_minutes", "stale_within_s")):
        if key in values:
            changes[attr] = float(values[key]) * 60
    for key in ("duty_start", "duty_end"):
        if key in values:
            changes[key] = time.fromisoformat(values[key].strip())
    return LiveRules(**{**base.__dict__, **changes})


@dataclass(frozen=True)
class SilenceNotice:
    worker_id: int
    silent_since: datetime
    last_fix: datetime | None


@dataclass
class SilenceWatch:
    """Open notices by worker; `update` says which to raise and which to clear."""

    rules: LiveRules = field(default_factory=LiveRules)
    open: dict[int, SilenceNotice] = field(default_factory=dict)

    def update(self, last_fixes: Mapping[int, datetime | None],
               now: datetime) -> tuple[list[SilenceNotice], list[SilenceNotice]]:
        """(raised, cleared): a notice is raised once per silence and cleared by a fix newer than the one
        it was raised on (or when the worker leaves the watched set)."""
        cleared = [n for wid, n in self.open.items()
                   if wid not in last_fixes or _newer(last_fixes[wid], n.last_fix)]
        for notice in cleared:
            del self.open[notice.worker_id]
        raised = []
        for worker_id, last in last_fixes.items():
            if worker_id in self.open:
                continue
            since = self.rules.silent_since(last, now)
            if since is not None:
                notice = SilenceNotice(worker_id, since, last)
                self.open[worker_id] = notice
                raised.append(notice)
        return raised, cleared


def _newer(last: datetime | None, than: datetime | None) -> bool:
    return last is not None and (than is None or last > than)

