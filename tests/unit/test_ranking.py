"""Ranks with ties, the previous period, and movement."""
from __future__ import annotations

from datetime import date

from console.domain.ranking import competition_ranks, movement, previous_period


def test_ties_share_a_rank_and_the_next_rank_skips():
    assert competition_ranks({"a": 10.0, "b": 12.5, "c": 10.0, "d": -3.0}) == {"b": 1, "a": 2, "c": 2, "d": 4}


def test_float_sums_that_differ_by_rounding_noise_tie():
    assert competition_ranks({"a": 0.1 + 0.2, "b": 0.3}) == {"a": 1, "b": 1}


def test_previous_period_of_a_month_and_of_a_week():
    assert previous_period(date(2026, 3, 1), date(2026, 3, 31)) == (date(2026, 2, 1), date(2026, 2, 28))
    assert previous_period(date(2026, 11, 23), date(2026, 11, 29)) == (date(2026, 11, 16), date(2026, 11, 22))


def test_movement_up_down_and_new():
    assert movement(2, 5) == 3
    assert movement(5, 2) == -3
    assert movement(1, None) is None
