"""Premises rows without coordinates go through the address library during the import: confident matches
are placed (and put in their grid), uncertain ones listed for review with candidates, hopeless ones rejected;
a review row is imported at the candidate a person chose, once."""
from __future__ import annotations

import json
from datetime import date

import pytest
from shapely.geometry import box, mapping
from sqlalchemy import select
from sqlalchemy.orm import Session

from console.cli import main
from console.domain.address_match import address_key
from console.importers.premises import ColumnMapping, read_table
from console.services.address_library import load_address_library
from console.services.premise_import import ResolutionError, import_premises
from console.services.seed.context import reset_sequences
from console.services.seed.reference import load_road_anchors
from db.models import OrgUnit, Premise
from tests.db.inspection_fixtures import admin
from tests.db.tiny_district import build_tiny_district

# Grid 6 holds every tiny premise (测试路N号 at 118.1 + N·1e-4, 24.5 + N·1e-4); grid 7 the rest of 湖里区
# (lower ids win where grids overlap).
BOXES = {6: box(118.09, 24.49, 118.11, 24.51), 7: box(117.9, 24.3, 118.4, 24.7)}


def _district(engine) -> None:
    build_tiny_district(engine)
    with Session(engine) as s:
        for gid, polygon in BOXES.items():
            s.get(OrgUnit, gid).boundary_geojson = json.dumps(mapping(polygon))
        s.commit()
    with engine.begin() as conn:
        reset_sequences(conn, ["premises"])


def test_rows_without_coordinates_placed_by_address(engine, db_url, tmp_path, capsys):
    _district(engine)
    anchors = load_road_anchors()
    road, number = anchors.road[0], int(anchors.number[0])
    path = tmp_path / "p.csv"
    path.write_text("名称,类型,地址,经度,纬度\n"
                    "甲店,商铺,湖里区测试路3号2层,,\n"
                    "乙店,商铺,测试路999号,,\n"
                    "丙店,商铺,海沧区马銮路1号,,\n"
                    f"丁店,商铺,{road}{number}号,,\n"
                    "戊店,商铺,,,\n"
                    "己店,商铺,兴隆路6号,118.1005,24.5005\n", encoding="utf-8")
    assert main(["--db", db_url, "import", "premises", str(path), "--dry-run"]) == 0
    captured = capsys.readouterr()
    assert "(2 placed by address); 1 rows need review; rejected 2 rows" in captured.out
    assert "review line 3: 福建省厦门市湖里区测试路999号 → 测试路42号" in captured.err

    with Session(engine) as s:
        expected = load_address_library(s).match(address_key(f"{road}{number}号")).best
        report = import_premises(s, admin(), read_table(path), ColumnMapping(), today=date(2026, 11, 30))
        s.commit()
    assert (report.imported, report.geocoded) == (3, 2)
    assert [(r.line, [c.address for c in r.candidates]) for r in report.review] == \
        [(3, ["测试路42号", "测试路41号", "测试路40号"])]
    reasons = {r.line: r.reason for r in report.rejected}
    assert set(reasons) == {4, 6}
    assert "matches nothing in the address library" in reasons[4] and "no coordinates" in reasons[6]
    with Session(engine) as s:
        new = {p.name: p for p in s.scalars(select(Premise).where(Premise.source == "import"))}
    assert set(new) == {"甲店", "丁店", "己店"}
    assert (new["甲店"].lon, new["甲店"].lat, new["甲店"].grid_id) == \
        (pytest.approx(118.1003), pytest.approx(24.5003), 6)
    assert new["甲店"].address == "福建省厦门市湖里区测试路3号2层"
    assert (new["丁店"].lon, new["丁店"].lat, new["丁店"].grid_id) == (pytest.approx(expected.lon), pytest.approx(expected.lat), 7)


REVIEW_FILE = ("名称,类型,地址,经度,纬度\n"
               "甲店,商铺,湖里区测试路3号,,\n"
               "乙店,商铺,测试路999号,,\n"
               "丙店,商铺,测试路998号,,\n"
               "丁店,商铺,海沧区马銮路1号,,\n")


def _imported(engine) -> dict[str, tuple[float, float, int]]:
    with Session(engine) as s:
        return {p.name: (p.lon, p.lat, p.grid_id)
                for p in s.scalars(select(Premise).where(Premise.source == "import"))}


def test_a_review_row_is_imported_at_the_chosen_candidate_once(engine, tmp_path):
    _district(engine)
    with Session(engine) as s:  # 测试路41号 (118.1041) stays in grid 6, 测试路42号 (118.1042) falls in grid 7
        s.get(OrgUnit, 6).boundary_geojson = json.dumps(mapping(box(118.09, 24.49, 118.10415, 24.51)))
        s.commit()
    path = tmp_path / "p.csv"
    path.write_text(REVIEW_FILE, encoding="utf-8")
    table = read_table(path)
    with Session(engine) as s:
        preview = import_premises(s, admin(), table, ColumnMapping(), dry_run=True)
        s.rollback()
        report = import_premises(s, admin(), table, ColumnMapping(), resolved={3: 1})
        s.commit()
    assert [(r.line, r.candidates[1].address) for r in preview.review] == [(3, "测试路41号"), (4, "测试路41号")]
    assert (report.read, report.imported, report.review, report.rejected) == (1, 1, [], [])
    assert _imported(engine) == {"乙店": (pytest.approx(118.1041), pytest.approx(24.5041), 6)}

    with Session(engine) as s, pytest.raises(ResolutionError, match=r"^line 3: a premise with code IM\w+ already"):
        import_premises(s, admin(), table, ColumnMapping(), resolved={3: 0})
    with Session(engine) as s:
        again = import_premises(s, admin(), table, ColumnMapping())
        s.commit()
    assert "already exists" in {r.line: r.reason for r in again.rejected}[3]
    assert [r.line for r in again.review] == [4]
    assert set(_imported(engine)) == {"甲店", "乙店"}


@pytest.mark.parametrize(("resolved", "refusal"), [
    ({3: 0, 4: 3}, r"^line 4: there is no candidate 4; its address has 3 candidates$"),
    ({3: 0, 4: -1}, r"^line 4: there is no candidate 0"),
    ({3: 0, 5: 0}, r"^line 5: no coordinates, and the address .*马銮路1号 matches nothing"),
    ({3: 0, 9: 0}, r"^line 9: not in "),
], ids=["past-the-last", "negative", "hopeless-row", "no-such-line"])
def test_a_bad_choice_is_refused_and_nothing_is_written(engine, tmp_path, resolved, refusal):
    _district(engine)
    path = tmp_path / "p.csv"
    path.write_text(REVIEW_FILE, encoding="utf-8")
    with Session(engine) as s:
        with pytest.raises(ResolutionError, match=refusal):
            import_premises(s, admin(), read_table(path), ColumnMapping(), resolved=resolved)
        s.commit()  # even a caller that commits regardless finds nothing written
    assert _imported(engine) == {}
