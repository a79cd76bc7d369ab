"""Reading org-unit files: GeoJSON and Shapefile (GBK attributes without a .cpg), level words, polygon
checks naming the field, and boundaries converted from GCJ-02 to WGS-84."""
from __future__ import annotations

import json

import pytest
import shapefile
import shapely
from shapely.geometry import box, mapping

from console.domain.geo import gcj02_to_wgs84
from console.importers.org_units import (
    ORG_ALIASES,
    FeatureRejected,
    OrgFeature,
    boundary,
    org_candidate,
    org_kind,
    read_org_units,
    resolve_org_sources,
)
from console.importers.premises import ColumnMapping


def test_shapefile_with_gbk_attributes(tmp_path):
    base = tmp_path / "grids"
    with shapefile.Writer(str(base), shapeType=shapefile.POLYGON, encoding="gbk") as w:
        w.field("网格编码", "C", 20)
        w.field("名称", "C", 50)
        w.field("层级", "C", 10)
        w.field("上级编码", "C", 20)
        w.poly([[[118.1, 24.5], [118.1, 24.51], [118.11, 24.51], [118.11, 24.5], [118.1, 24.5]]])
        w.record("350206001001101", "东渡第一网格", "网格", "350206001001")
    source = read_org_units(base.with_suffix(".shp"))
    assert source.encoding == "gb18030" and source.columns == ["网格编码", "名称", "层级", "上级编码"]
    mapping = ColumnMapping(aliases=ORG_ALIASES)
    cand = org_candidate(source.features[0], resolve_org_sources(source, mapping), mapping)
    assert (cand.code, cand.name, cand.kind, cand.parent_code) == ("350206001001101", "东渡第一网格", "grid",
                                                                   "350206001001")
    assert cand.boundary.equals(box(118.1, 24.5, 118.11, 24.51))


def test_geojson_gcj02_boundary_becomes_wgs84(tmp_path):
    path = tmp_path / "u.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"code": "X1", "name": "甲", "level": "街道"},
         "geometry": mapping(box(118.1, 24.5, 118.12, 24.52))}]}), encoding="utf-8")
    source = read_org_units(path)
    cand = org_candidate(source.features[0], resolve_org_sources(source, ColumnMapping(aliases=ORG_ALIASES)),
                         ColumnMapping(aliases=ORG_ALIASES), datum="gcj02")
    assert cand.kind == "township"
    for (lon, lat), got in zip(shapely.get_coordinates(box(118.1, 24.5, 118.12, 24.52)),
                               shapely.get_coordinates(cand.boundary), strict=True):
        assert got == pytest.approx(gcj02_to_wgs84(lon, lat), abs=1e-9)


@pytest.mark.parametrize(("geometry", "reason"), [
    (None, "no geometry"),
    ({"type": "Point", "coordinates": [118.1, 24.5]}, "a Point, expected Polygon or MultiPolygon"),
    ({"type": "Polygon", "coordinates": [[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]}, "invalid polygon: Self-"),
    ({"type": "Polygon", "coordinates": [[[500, 0], [501, 0], [501, 1], [500, 0]]]}, "not longitude/latitude"),
    ({"type": "Polygon", "coordinates": "junk"}, "cannot be read"),
])
def test_bad_geometry_names_the_field(geometry, reason):
    with pytest.raises(FeatureRejected, match=reason) as caught:
        boundary(geometry, "wgs84")
    assert caught.value.field == "geometry"


def test_level_words_and_missing_fields():
    assert [org_kind(w) for w in ("社区", "村", "Grid", "街道", "镇")] == \
        ["community", "community", "grid", "township", "township"]
    with pytest.raises(FeatureRejected, match="unknown level") as caught:
        org_kind("小区")
    assert caught.value.field == "kind"
    sources = {"code": "code", "name": "name", "kind": "kind", "parent_code": None, "parent_name": None}
    feature = OrgFeature(3, {"code": "A", "name": "", "kind": "grid"}, mapping(box(0, 0, 1, 1)))
    with pytest.raises(FeatureRejected) as caught:
        org_candidate(feature, sources, ColumnMapping(aliases=ORG_ALIASES))
    assert caught.value.field == "name"
