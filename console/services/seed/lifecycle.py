"""Simulated case histories: which lifecycle steps each generated incident goes through and when.

Every incident gets a fixed row of possible steps (slots); flags switch slots on (a return, a rework, an
escalation…), durations are drawn per slot, and a step has happened when its time is before 'now'. Old
cases have therefore run to closure and archiving, recent ones sit in open states, and a few stalled ones
are overdue — as on a real platform (filing rate ≈97 %, closure rate ≈99 %). The steps follow the state
machine in console.domain.incident_workflow, so every generated history is one the console could produce."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import numpy as np

from console.domain.work_calendar import WorkCalendar

SLOTS: tuple[tuple[str, str], ...] = (
    ("create", "reported"), ("accept", "accepted"), ("reject", "rejected"), ("mark_duplicate", "duplicate"),
    ("file", "filed"), ("escalate", "filed"), ("escalate", "filed"), ("dispatch", "dispatched"),
    ("return", "returned"), ("dispatch", "dispatched"), ("sign", "signed"), ("start", "handling"),
    ("feedback", "handled"), ("verify", "verifying"), ("rework", "rework"), ("resume", "handling"),
    ("feedback", "handled"), ("verify", "verifying"), ("close", "closed"), ("evaluate", "evaluated"),
    ("archive", "archived"),
)
(CREATE, ACCEPT, REJECT, DUPLICATE, FILE, ESCALATE_T, ESCALATE_D, DISPATCH, RETURN, REDISPATCH, SIGN, START,
 FEEDBACK, VERIFY, REWORK, RESUME, FEEDBACK2, VERIFY2, CLOSE, EVALUATE, ARCHIVE) = range(len(SLOTS))
SLOT_STATES = np.array([s for _, s in SLOTS], dtype=object)
SLOT_ACTIONS = tuple(a for a, _ in SLOTS)

_MIN = 60.0
_HOUR = 3600.0
_DAY = 86400.0
# Median duration of each step after the previous one (seconds) and its log-normal spread.
_MEDIAN = np.array([0, 25 * _MIN, 40 * _MIN, 40 * _MIN, 40 * _MIN, 2 * _HOUR, 1 * _DAY, 30 * _MIN, 3 * _HOUR,
                    1 * _HOUR, 90 * _MIN, 1 * _HOUR, 0, 3 * _HOUR, 1 * _DAY, 2 * _HOUR, 1 * _DAY, 3 * _HOUR,
                    6 * _HOUR, 2 * _DAY, 10 * _DAY])
_SIGMA = np.array([0, .9, .8, .8, .9, .8, .6, .9, .8, .8, 1., 1., .7, .9, .6, .8, .7, .9, .9, .7, .6])

P_REJECT, P_DUPLICATE = 0.020, 0.013
P_ESCALATE, P_TO_DISTRICT = 0.18, 0.25
P_DEPARTMENT, P_RETURN, P_REWORK, P_EVALUATE, P_STALL = 0.40, 0.08, 0.025, 0.30, 0.015
STALL_FACTOR = 12.0


@dataclass(frozen=True)
class Plan:
    """Per incident: which slots it goes through, plus the flags that chose them."""

    include: np.ndarray  # (n, len(SLOTS)) bool
    normal: np.ndarray
    duplicate: np.ndarray
    escalated: np.ndarray
    to_district: np.ndarray
    to_department: np.ndarray
    returned: np.ndarray
    stalled: np.ndarray


def plan_paths(rng: np.random.Generator, n: int) -> Plan:
    u = rng.random(n)
    u[:1] = 1.0  # the first case has no earlier one to repeat
    rejected = u < P_REJECT
    duplicate = (u >= P_REJECT) & (u < P_REJECT + P_DUPLICATE)
    normal = ~(rejected | duplicate)
    flags = rng.random((n, 7))
    escalated = normal & (flags[:, 0] < P_ESCALATE)
    to_district = escalated & (flags[:, 1] < P_TO_DISTRICT)
    to_department = normal & (escalated | (flags[:, 2] < P_DEPARTMENT))
    returned = to_department & (flags[:, 3] < P_RETURN)
    rework = normal & (flags[:, 4] < P_REWORK)
    evaluated = normal & (flags[:, 5] < P_EVALUATE)
    stalled = normal & (flags[:, 6] < P_STALL)
    include = np.zeros((n, len(SLOTS)), dtype=bool)
    include[:, CREATE] = True
    include[:, ACCEPT] = normal | (duplicate & (rng.random(n) < 0.4))
    include[:, REJECT] = rejected
    include[:, DUPLICATE] = duplicate
    for slot in (FILE, DISPATCH, SIGN, START, FEEDBACK, VERIFY, CLOSE, ARCHIVE):
        include[:, slot] = normal
    include[:, ESCALATE_T] = escalated
    include[:, ESCALATE_D] = to_district
    include[:, RETURN] = returned
    include[:, REDISPATCH] = returned
    for slot in (REWORK, RESUME, FEEDBACK2, VERIFY2):
        include[:, slot] = rework
    include[:, EVALUATE] = evaluated
    return Plan(include, normal, duplicate, escalated, to_district, to_department, returned, stalled)


def _into_hours(t: np.ndarray, duration: np.ndarray, opens_s: int, closes_s: int) -> np.ndarray:
    """Steps that would fall outside [opens, closes) happen `duration` after the next opening instead:
    people act in office hours, and the night's backlog is worked off through the morning."""
    day = t.astype("datetime64[D]").astype("datetime64[s]")
    clock = (t - day).astype(np.int64)
    opening = np.timedelta64(opens_s, "s")
    t = np.where(clock < opens_s, day + opening + duration, t)
    return np.where(clock >= closes_s, day + np.timedelta64(1, "D") + opening + duration, t)


_CENTRE_HOURS = (8 * 3600, 20 * 3600)  # command centres: 08:00–20:00 every day
_FIELD_HOURS = (8 * 3600 + 1800, 17 * 3600 + 1800)  # departments and grid workers: 08:30–17:30
_FIELD_SLOTS = frozenset({RETURN, SIGN, START, FEEDBACK, RESUME, FEEDBACK2})


def simulate_times(rng: np.random.Generator, plan: Plan, reported_at: np.ndarray, handling_median_s: np.ndarray,
                   now: np.datetime64) -> tuple[np.ndarray, np.ndarray]:
    """(times, reached): when each slot happens (datetime64[s]) and whether it has happened by `now`.

    Each step follows the previous one after its drawn duration, moved into office hours; a skipped slot
    keeps the previous step's time so the next one follows on from there."""
    n = len(reported_at)
    median = np.tile(_MEDIAN, (n, 1))
    median[:, FEEDBACK] = handling_median_s * np.where(plan.stalled, STALL_FACTOR, 1.0)
    median[:, FEEDBACK2] = _DAY
    durations = np.maximum(median * np.exp(_SIGMA * rng.standard_normal((n, len(SLOTS)))), 60.0)
    times = np.empty((n, len(SLOTS)), dtype="datetime64[s]")
    times[:, CREATE] = reported_at.astype("datetime64[s]")
    for slot in range(1, len(SLOTS)):
        prev = times[:, slot - 1]
        duration = np.minimum(durations[:, slot], 4 * _HOUR).astype(np.int64).astype("timedelta64[s]")
        step = prev + durations[:, slot].astype(np.int64).astype("timedelta64[s]")
        step = _into_hours(step, duration, *(_FIELD_HOURS if slot in _FIELD_SLOTS else _CENTRE_HOURS))
        times[:, slot] = np.where(plan.include[:, slot], step, prev)
    reached = plan.include & (times <= now)
    return times, reached


def deadlines(calendar: WorkCalendar, start: np.ndarray, days: np.ndarray) -> np.ndarray:
    """Vectorised WorkCalendar.add_working_days: one calendar walk per distinct (day, days) pair."""
    start = start.astype("datetime64[s]")
    day = start.astype("datetime64[D]")
    keys, inverse = np.unique(np.stack([day.astype(np.int64), days.astype(np.int64)], axis=1), axis=0,
                              return_inverse=True)
    due_day = np.empty(len(keys), dtype="datetime64[D]")
    working = np.empty(len(keys), dtype=bool)
    for k, (d, n) in enumerate(keys.tolist()):
        first = np.datetime64(d, "D").astype(object)
        working[k] = calendar.is_working_day(first)
        due = calendar.add_working_days(datetime.combine(first, datetime.min.time()), int(n))
        due_day[k] = np.datetime64(due.date(), "D")
    inverse = inverse.reshape(-1)
    clock = np.where(working[inverse], start - day.astype("datetime64[s]"), np.timedelta64(0, "s"))
    return due_day[inverse].astype("datetime64[s]") + clock


def last_reached(reached: np.ndarray) -> np.ndarray:
    """Index of the last slot each incident has reached (CREATE at least)."""
    s = reached.shape[1]
    return s - 1 - np.argmax(reached[:, ::-1], axis=1)
