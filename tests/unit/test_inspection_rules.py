"""Colour rule, rectification deadlines, cycles and due states, check-in distance, address normalisation."""
from __future__ import annotations

from datetime import date

import pytest

from console.domain.addresses import normalise_address, to_half_width
from console.domain.checkins import assess_distance
from console.domain.geo import BBox
from console.domain.inspections import (
    DueState,
    RectificationPolicy,
    colour_for,
    cycle_days,
    due_state,
    next_inspection,
)

DAY = date(2026, 11, 30)


@pytest.mark.parametrize(("severities", "current", "expected"), [
    ([], "green", "green"), (["minor"], "green", "yellow"), (["minor", "serious"], "yellow", "red"),
    (["serious"], "green", "red"), ([], "red", "green"), (["serious"], "black", "black"), ([], "black", "black"),
])
def test_colour_follows_open_findings_and_black_only_by_decision(severities, current, expected):
    assert colour_for(severities, current) == expected


def test_rectification_deadline_by_colour_and_configurable():
    policy = RectificationPolicy()
    assert policy.deadline("yellow", DAY) == date(2026, 12, 7)
    assert policy.deadline("red", DAY) == date(2026, 12, 3)
    assert policy.deadline("green", DAY) is None
    assert RectificationPolicy(yellow_days=10, red_days=2).deadline("red", DAY) == date(2026, 12, 2)
    with pytest.raises(ValueError):
        RectificationPolicy(red_days=0)


def test_next_inspection_is_earlier_of_cycle_and_reinspection():
    policy = RectificationPolicy()
    assert cycle_days("rental_house") == 30 and cycle_days("shop") == 180 and cycle_days("unknown") == 90
    assert next_inspection(DAY, 30, "green", policy) == date(2026, 12, 30)
    assert next_inspection(DAY, 30, "red", policy) == date(2026, 12, 3)
    assert next_inspection(DAY, 5, "yellow", policy) == date(2026, 12, 5)
    assert next_inspection(DAY, 30, "black", policy) is None


def test_due_state():
    assert due_state(date(2026, 11, 29), DAY) is DueState.OVERDUE
    assert due_state(DAY, DAY) is DueState.DUE_SOON
    assert due_state(date(2026, 12, 7), DAY) is DueState.DUE_SOON
    assert due_state(date(2026, 12, 8), DAY) is DueState.NOT_DUE
    assert due_state(None, DAY) is DueState.NONE


def test_checkin_flagged_beyond_100_m():
    lon, lat = 118.14, 24.50
    near = BBox.around(lon, lat, 90)
    far = BBox.around(lon, lat, 110)
    ok = assess_distance(lon, lat, lon, near.max_lat)
    assert not ok.flagged and ok.distance_m == pytest.approx(90, abs=0.5)
    bad = assess_distance(lon, lat, lon, far.max_lat)
    assert bad.flagged and bad.distance_m == pytest.approx(110, abs=0.5)
    assert assess_distance(lon, lat, None, None).flagged is False


@pytest.mark.parametrize(("raw", "expected"), [
    ("福建省厦门市湖里区 湖里大道１２ 号 3 弄 401 室", "福建省厦门市湖里区湖里大道12号3弄401室"),
    ("厦门湖里区枋湖路1号", "福建省厦门市湖里区枋湖路1号"),
    ("湖里大道12号", "福建省厦门市湖里区湖里大道12号"),
    ("厦门市思明区中山路1号", "福建省厦门市思明区中山路1号"),
    ("ＳＭ　城市广场 B 座", "福建省厦门市湖里区SM城市广场B座"),
    ("  ", ""),
])
def test_address_normalisation(raw, expected):
    assert normalise_address(raw) == expected


def test_half_width():
    assert to_half_width("ＡＢ１２，（）") == "AB12,()"
