"""Competition ranking ("1, 2, 2, 4") and movement between two periods, as assessment tables print them."""
from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import date, timedelta


def competition_ranks(points: Mapping[Hashable, float], ndigits: int = 6) -> dict[Hashable, int]:
    """Higher points rank first; equal points (to `ndigits`, so float sums do not split ties) share a rank."""
    ordered = sorted(points.items(), key=lambda kv: -kv[1])
    ranks: dict[Hashable, int] = {}
    previous, rank = None, 0
    for position, (key, value) in enumerate(ordered, start=1):
        value = round(value, ndigits)
        if value != previous:
            rank, previous = position, value
        ranks[key] = rank
    return ranks


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before [start, end]; a calendar month maps to the month before."""
    if start.day == 1 and (end + timedelta(days=1)).day == 1:
        prev_end = start - timedelta(days=1)
        return prev_end.replace(day=1), prev_end
    length = end - start + timedelta(days=1)
    return start - length, start - timedelta(days=1)


def movement(rank: int, previous_rank: int | None) -> int | None:
    """Places gained since the previous period (positive = moved up); None when not ranked before."""
    return None if previous_rank is None else previous_rank - rank
