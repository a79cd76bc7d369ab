"""A worker's card is computed from score lines alone: daily totals, the 12-category mix, source parsing."""
from __future__ import annotations

from datetime import date

import pytest

from console.domain.score_card import SourceRef, daily_points, is_deduction, parse_source, task_mix
from console.domain.scoring import CATEGORY_CODES, ScoreLine

D1, D2, D3 = date(2026, 11, 2), date(2026, 11, 3), date(2026, 11, 4)


@pytest.mark.parametrize(("source", "ref"), [
    ("inspections:42", SourceRef("inspections", 42)),
    ("score_adjustments:3", SourceRef("score_adjustments", 3)),
    ("workers:7@2026-11-02", SourceRef("workers", 7, D1)),
])
def test_parse_source(source, ref):
    assert parse_source(source) == ref


@pytest.mark.parametrize("source", ["", "inspections", "inspections:", ":4", "checkins:x", "workers:7@2026-13-40"])
def test_parse_source_refuses_malformed_sources_naming_them(source):
    with pytest.raises(ValueError, match="source"):
        parse_source(source)


LINES = [
    ScoreLine(6, D1, "checkin", 1.0, "checkins:1"),
    ScoreLine(6, D1, "checkin", 0.0, "checkins:2", "daily cap 1 reached"),
    ScoreLine(6, D1, "home_visit", 2.0, "inspections:1"),
    ScoreLine(6, D3, "missed_checkin", -2.0, "workers:6@2026-11-04"),
    ScoreLine(6, D3, "manual", 1.5, "score_adjustments:1", "sup: flood duty"),
    ScoreLine(6, date(2026, 12, 1), "home_visit", 2.0, "inspections:9"),
]


def test_daily_points_cover_every_day_of_the_period_and_only_it():
    assert daily_points(LINES, D1, D3) == {D1: 3.0, D2: 0.0, D3: -0.5}


def test_task_mix_counts_capped_tasks_and_lists_all_twelve_categories_in_order():
    mix = task_mix(LINES)
    assert list(mix) == list(CATEGORY_CODES) and len(mix) == 12
    assert (mix["checkin"].count, mix["checkin"].points) == (2, 1.0)
    assert (mix["home_visit"].count, mix["home_visit"].points) == (2, 4.0)
    assert mix["safety_publicity"].count == 0
    assert sum(m.count for m in mix.values()) == 4  # deductions and manual changes are no tasks


def test_deductions_are_the_automatic_kinds_only():
    assert [ln.kind for ln in LINES if is_deduction(ln)] == ["missed_checkin"]
