"""The bundled subsets in resources/data still match the shared open data they were cut from."""
from __future__ import annotations

import csv
import io
import json
import re

import pytest
import shapely

from console.services.seed import derive
from console.services.seed.reference import display_name, load_district

DISTRICT = "350206"
RES = derive.RESOURCE_DIR


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


@pytest.fixture(scope="module")
def wgs_boundary(shared_data):
    return derive.boundary_wgs84((shared_data / derive.boundary_source(DISTRICT)).read_text(encoding="utf-8"))


def test_boundary_is_a_byte_identical_copy(shared_data):
    assert (RES / derive.boundary_name(DISTRICT)).read_bytes() == \
        (shared_data / derive.boundary_source(DISTRICT)).read_bytes()


def test_admin_subset_has_the_district_rows_unchanged(shared_data):
    shipped = _rows((RES / derive.admin_name(DISTRICT)).read_text(encoding="utf-8"))
    source = _rows((shared_data / derive.ADMIN_SOURCE).read_text(encoding="utf-8"))
    assert shipped[0] == source[0]
    expected = [r for r in source[1:] if r[1].startswith(DISTRICT)]
    assert shipped[1:] == expected
    levels = [r[0] for r in shipped[1:]]
    assert (levels.count("3"), levels.count("4"), levels.count("5")) == (1, 7, 60)
    names = {r[2] for r in shipped[1:] if r[0] == "4"}
    assert {"火炬高技术开发区", "象屿保税区", "湖里街道"} <= names


def test_poi_subset_is_exactly_the_in_district_rows(shared_data, wgs_boundary):
    shipped = (RES / derive.POI_NAME).read_text(encoding="utf-8")
    assert shipped == "".join(derive.poi_lines(shared_data, wgs_boundary))
    rows = _rows(shipped)
    source = _rows((shared_data / derive.POI_SOURCE).read_text(encoding="utf-8"))
    col = source[0].index("district_by_datav")
    # the curator's own point-in-polygon test (GCJ-02 against the city file) agrees row for row
    assert rows[1:] == [r for r in source[1:] if r[col] == "湖里区"]
    assert len(rows) - 1 == 550


def test_road_anchors_are_fence_centroids_inside_the_district(shared_data, wgs_boundary):
    with (RES / derive.ANCHOR_NAME).open(encoding="utf-8", newline="") as fh:
        shipped = list(csv.reader(fh))
    assert tuple(shipped[0]) == derive.ANCHOR_HEADER
    assert [tuple(r) for r in shipped[1:]] == derive.anchor_rows(shared_data, wgs_boundary)
    with (shared_data / derive.FENCE_SOURCE).open(encoding="utf-8-sig", newline="") as fh:
        fences = {r["FENCE_ID"]: r["FENCE_LOC"] for r in csv.DictReader(fh)}
    for fence_id, road, lon, lat in shipped[1:]:
        x, y = derive.fence_centroid(fences[fence_id])
        assert abs(float(lon) - x) < 1e-7 and abs(float(lat) - y) < 1e-7
        assert fence_id.startswith(road) and not re.search(r"[\d()（）]", road)
        assert shapely.contains_xy(wgs_boundary, float(lon), float(lat))
    # SOURCE.txt counts 7,426 in-district fences by a GCJ-02 test; ours differs only at the border
    assert abs(len(shipped) - 1 - 7426) < 20


@pytest.mark.parametrize("fence_id,road", [("长乐路0_L_A17001", "长乐路"), ("七星西路_L_2_A", "七星西路"),
                                           ("仙岳路(金尚路至嘉禾路段)_1", "仙岳路"), ("凤屿路(东明路_3", "凤屿路")])
def test_road_names_drop_sections_and_numbers(fence_id, road):
    assert derive.road_name(fence_id) == road


def test_sources_file_names_every_file_and_commit():
    text = (RES / "SOURCES.md").read_text(encoding="utf-8")
    for name in (derive.admin_name(DISTRICT), derive.boundary_name(DISTRICT), derive.POI_NAME, derive.ANCHOR_NAME):
        assert f"## {name}" in text
    for commit in ("74875658fe652df5738bfb015b390b2857de65e3", "b248aaaefc0c13f6bd006a4dc2fa4530d2cfd9b5",
                   "77a9ded5bb97cd77223317ef12ef34c9f1c486bc", "fce390143b5b1382839d010546e5b3e29b5ac8ba"):
        assert commit in text


def test_loaded_district_uses_display_names_and_wgs84():
    data = load_district(DISTRICT)
    assert data.name == "湖里区" and data.address_prefix == "福建省厦门市湖里区"
    assert len(data.townships()) == 7
    assert sum(len(data.communities(t.code)) for t in data.townships()) == 60
    assert "湖里社区" in {c.name for c in data.communities("350206001000")}
    assert display_name("湖里社区居委会") == "湖里社区"
    raw = json.loads((RES / derive.boundary_name(DISTRICT)).read_text(encoding="utf-8"))
    gcj = shapely.geometry.shape(raw["features"][0]["geometry"])
    # here GCJ-02 lies ~500 m east and ~300 m south of WGS-84; the loaded outline is shifted back
    assert 0.003 < gcj.centroid.x - data.boundary.centroid.x < 0.008
    assert -0.006 < gcj.centroid.y - data.boundary.centroid.y < 0.0
    with (RES / derive.ANCHOR_NAME).open(encoding="utf-8") as fh:
        assert len(data.anchors) == sum(1 for _ in fh) - 1
    assert len(data.pois) == 550
    assert all(shapely.contains_xy(data.boundary, p.lon, p.lat) for p in data.pois)
