"""Filtering raw GPS fixes before anything is measured on them.

Field devices send zero coordinates when they have no lock, replay old or future-stamped fixes after a clock
reset, resend the same fix twice and jump hundreds of metres on multipath. Each bad fix is dropped and counted
under its reason so a supervisor can tell a broken phone from a lazy day; nothing here raises on bad data.

Times are float seconds (any epoch, the caller's choice) so the arrays come straight from numpy."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from console.domain.geo import haversine_m
from console.domain.tracks import segment_lengths_m

REASONS = ("zero", "out_of_range", "future", "duplicate", "speed")


@dataclass(frozen=True)
class FilterRules:
    """Thresholds; the speed limit is generous because a worker may ride a scooter or a bus."""

    max_speed_mps: float = 50.0
    future_tolerance_s: float = 120.0
    zero_epsilon_deg: float = 1e-6


DEFAULT_FILTER = FilterRules()


@dataclass
class FilteredFixes:
    """The kept fixes in time order, the index of each in the input, and how many were dropped per reason."""

    t: np.ndarray
    lon: np.ndarray
    lat: np.ndarray
    source_index: np.ndarray
    dropped: Counter[str] = field(default_factory=Counter)

    def __len__(self) -> int:
        return len(self.t)

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())


def _flag_invalid(t: np.ndarray, lon: np.ndarray, lat: np.ndarray, now: float | None,
                  rules: FilterRules) -> np.ndarray:
    """A reason code per fix for the checks that need no neighbour (0 = fine, else 1 + REASONS index)."""
    code = np.zeros(len(t), dtype=np.int8)
    out = ~(np.isfinite(lon) & np.isfinite(lat) & np.isfinite(t)
            & (np.abs(lon) <= 180.0) & (np.abs(lat) <= 90.0))
    eps = rules.zero_epsilon_deg
    zero = (np.abs(np.nan_to_num(lon)) < eps) | (np.abs(np.nan_to_num(lat)) < eps)
    code[zero & ~out] = 1 + REASONS.index("zero")
    code[out] = 1 + REASONS.index("out_of_range")
    if now is not None:
        future = (code == 0) & (t > now + rules.future_tolerance_s)
        code[future] = 1 + REASONS.index("future")
    return code


def _drop_jumps(t: np.ndarray, lon: np.ndarray, lat: np.ndarray, max_speed: float) -> np.ndarray:
    """Keep-mask after comparing each fix with the last kept one.

    The vectorised check on neighbours settles the usual clean track; only when it finds a jump does the
    sequential pass run, since a dropped fix changes which fix the next one is compared with."""
    keep = np.ones(len(t), dtype=bool)
    if len(t) < 2:
        return keep
    if not np.any(segment_lengths_m(lon, lat) > max_speed * np.diff(t)):
        return keep
    last = 0
    for i in range(1, len(t)):
        if haversine_m(lon[last], lat[last], lon[i], lat[i]) > max_speed * (t[i] - t[last]):
            keep[i] = False
        else:
            last = i
    return keep


def filter_fixes(t: np.ndarray, lon: np.ndarray, lat: np.ndarray, now: float | None = None,
                 rules: FilterRules = DEFAULT_FILTER) -> FilteredFixes:
    """Drop bad fixes, count them per reason, return the rest sorted by time.

    Order matters: a fix is judged on its own first (zero, out of range, future), then against the
    previous kept one (same timestamp → duplicate, too fast → speed), so one reason is counted per fix."""
    t, lon, lat = (np.asarray(a, dtype=np.float64) for a in (t, lon, lat))
    dropped: Counter[str] = Counter()
    code = _flag_invalid(t, lon, lat, now, rules)
    for k, reason in enumerate(REASONS, start=1):
        if n := int(np.count_nonzero(code == k)):
            dropped[reason] = n
    idx = np.flatnonzero(code == 0)
    idx = idx[np.argsort(t[idx], kind="stable")]
    if len(idx) > 1:
        dup = np.concatenate(([False], np.diff(t[idx]) == 0))
        if n := int(np.count_nonzero(dup)):
            dropped["duplicate"] = n
        idx = idx[~dup]
    keep = _drop_jumps(t[idx], lon[idx], lat[idx], rules.max_speed_mps)
    if n := int(np.count_nonzero(~keep)):
        dropped["speed"] = n
    idx = idx[keep]
    return FilteredFixes(t=t[idx], lon=lon[idx], lat=lat[idx], source_index=idx, dropped=dropped)
