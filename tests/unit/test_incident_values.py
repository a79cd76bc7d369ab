from datetime import datetime

import pytest

from console.importers.incident_tables import decode_text
from console.importers.incident_values import (
    CATEGORY_ALIASES,
    format_datetime,
    parse_alias,
    parse_coordinate,
    parse_datetime,
)


@pytest.mark.parametrize("text,expected", [
    ("2026-11-30T09:30:00+08:00", datetime(2026, 11, 30, 9, 30)),
    ("2026-11-30T01:30:00Z", datetime(2026, 11, 30, 9, 30)),
    ("2026-11-30 09:30", datetime(2026, 11, 30, 9, 30)),
    ("2026/11/30 09:30:15", datetime(2026, 11, 30, 9, 30, 15)),
    ("2026年11月30日 09:30", datetime(2026, 11, 30, 9, 30)),
    ("2026-11-30", datetime(2026, 11, 30)),
])
def test_datetimes_as_systems_write_them(text, expected):
    assert parse_datetime(text) == expected


def test_datetime_round_trip_and_refusal():
    moment = datetime(2026, 11, 30, 9, 30, 5, 120000)
    assert format_datetime(moment) == "2026-11-30T09:30:05.120000+08:00"
    assert parse_datetime(format_datetime(moment)) == moment
    with pytest.raises(ValueError, match="not a date"):
        parse_datetime("yesterday")


def test_coordinates_and_aliases():
    assert parse_coordinate(" 118.1 ", -180, 180) == 118.1
    with pytest.raises(ValueError, match="outside"):
        parse_coordinate("95", -90, 90)
    with pytest.raises(ValueError, match="not a number"):
        parse_coordinate("东经118", -180, 180)
    assert parse_alias("市容环境", CATEGORY_ALIASES, "category") == "city_appearance"
    assert parse_alias("city_appearance", CATEGORY_ALIASES, "category") == "city_appearance"
    assert parse_alias("市容", CATEGORY_ALIASES, "category", {"市容": "市容环境"}) == "city_appearance"
    with pytest.raises(ValueError, match="unknown category '下水道'"):
        parse_alias("下水道", CATEGORY_ALIASES, "category")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk", "gb18030"])
def test_text_encodings_are_detected(encoding):
    text = "标题,类别\n垃圾堆放,市容环境\n"
    assert decode_text(text.encode(encoding)) == text
