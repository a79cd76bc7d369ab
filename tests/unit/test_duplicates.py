from datetime import datetime, timedelta

from console.domain.duplicates import DuplicateRule, IncidentPoint, suggest_duplicates
from console.domain.geo import EARTH_RADIUS_M

T0 = datetime(2026, 11, 30, 9, 0)
DEG_PER_M = 180 / (3.141592653589793 * EARTH_RADIUS_M)


def point(pid, north_m=0.0, days=0.0, category="litter"):
    return IncidentPoint(pid, category, 118.1, 24.5 + north_m * DEG_PER_M, T0 + timedelta(days=days))


def test_same_category_near_and_recent_nearest_first():
    new = point(1)
    others = [point(2, 40), point(3, 10, days=-6.9), point(4, 60), point(5, 5, days=-7.1),
              point(6, 1, category="noise"), point(1)]
    found = suggest_duplicates(new, others)
    assert [s.id for s in found] == [3, 2]
    assert abs(found[0].distance_m - 10) < 0.01


def test_rule_is_configurable():
    found = suggest_duplicates(point(1), [point(2, 80, days=-10)], DuplicateRule(radius_m=100,
                                                                                 window=timedelta(days=14)))
    assert [s.id for s in found] == [2]
    box = DuplicateRule().search_box(118.1, 24.5)
    assert box.contains(118.1, 24.5 + 49 * DEG_PER_M) and not box.contains(118.1, 24.5 + 51 * DEG_PER_M)
