"""Reading premise tables: encodings sniffed, XLSX and GeoJSON, mapping files, row rejections by reason."""
from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from console.importers.premises import (
    ColumnMapping,
    PremiseFileError,
    RowRejected,
    SourceRow,
    candidate,
    load_mapping,
    read_table,
    resolve_sources,
)

HEADER = "名称,类型,地址,经度,纬度,联系电话\n"
ROW = "湖里小吃店,餐饮店,湖里区 兴隆路１２ 号,118.1,24.5,13912345678\n"


@pytest.mark.parametrize(("encoding", "bom", "expected"), [
    ("utf-8", b"", "utf-8"), ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"), ("gbk", b"", "gb18030"),
    ("gb18030", b"", "gb18030"),
])
def test_csv_encodings_detected(tmp_path, encoding, bom, expected):
    path = tmp_path / "p.csv"
    path.write_bytes(bom + (HEADER + ROW).encode(encoding))
    table = read_table(path)
    assert table.encoding == expected
    assert table.columns == ["名称", "类型", "地址", "经度", "纬度", "联系电话"]
    c = candidate(table.rows[0], resolve_sources(table, ColumnMapping()), ColumnMapping())
    assert (c.line, c.name, c.type, c.lon, c.lat, c.owner_phone) == (2, "湖里小吃店", "restaurant", 118.1, 24.5,
                                                                      "13912345678")
    assert c.address == "福建省厦门市湖里区兴隆路12号"


def test_xlsx_and_geojson(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["name", "type", "lng", "lat", "code"])
    sheet.append(["网吧A", "internet_cafe", 118.12, 24.51, 1001])
    sheet.append([None, None, None, None, None])
    sheet.append(["仓库B", "仓库", 118.13, 24.52, 1002])
    book.save(tmp_path / "p.xlsx")
    table = read_table(tmp_path / "p.xlsx")
    assert [r.line for r in table.rows] == [2, 4] and table.rows[0].values["code"] == "1001"
    mapping = ColumnMapping(code_prefix="X")
    cands = [candidate(r, resolve_sources(table, mapping), mapping) for r in table.rows]
    assert [(c.code, c.type) for c in cands] == [("X1001", "internet_cafe"), ("X1002", "warehouse")]

    (tmp_path / "p.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "商场", "layer": "购物中心"},
         "geometry": {"type": "Point", "coordinates": [118.15, 24.49]}}]}, ensure_ascii=False), encoding="utf-8")
    geo = read_table(tmp_path / "p.geojson")
    mapping = ColumnMapping(fields={"type": "layer"})
    c = candidate(geo.rows[0], resolve_sources(geo, mapping), mapping)
    assert (c.type, c.lon, c.lat) == ("mall", 118.15, 24.49)


@pytest.mark.parametrize(("values", "reason"), [
    ({"名称": "", "类型": "shop", "经度": "118", "纬度": "24"}, "name is missing"),
    ({"名称": "a", "类型": "飞船", "经度": "118", "纬度": "24"}, "unknown premise type"),
    ({"名称": "a", "类型": "shop", "经度": "东经118", "纬度": "24"}, "is not a number"),
    ({"名称": "a", "类型": "shop", "经度": "118", "纬度": "95"}, "out of range"),
    ({"名称": "a", "类型": "shop", "经度": "", "纬度": "24"}, "lon is missing"),
])
def test_rows_rejected_with_reason(values, reason):
    sources = {"code": None, "name": "名称", "type": "类型", "address": None, "owner": None, "owner_phone": None,
               "licence_no": None, "lon": "经度", "lat": "纬度"}
    with pytest.raises(RowRejected, match=reason):
        candidate(SourceRow(7, values), sources, ColumnMapping())


def test_mapping_file(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps({"fields": {"type": "layer"}, "values": {"type": {"三级甲等医院": "hospital"}},
                                "code_prefix": "POI"}, ensure_ascii=False), encoding="utf-8")
    mapping = load_mapping(path)
    assert mapping.fields == {"type": "layer"} and mapping.values["type"]["三级甲等医院"] == "hospital"
    path.write_text(json.dumps({"fields": {"colour": "x"}}), encoding="utf-8")
    with pytest.raises(PremiseFileError, match="unknown"):
        load_mapping(path)


def test_whole_file_errors(tmp_path):
    with pytest.raises(PremiseFileError, match="no such file"):
        read_table(tmp_path / "none.csv")
    (tmp_path / "p.dbf").write_bytes(b"")
    with pytest.raises(PremiseFileError, match="format"):
        read_table(tmp_path / "p.dbf")
    (tmp_path / "p.csv").write_text("name,lng,lat\nx,1,2\n", encoding="utf-8")
    table = read_table(tmp_path / "p.csv")
    with pytest.raises(PremiseFileError, match="no column for type"):
        resolve_sources(table, ColumnMapping())
    with pytest.raises(PremiseFileError, match="not in the file"):
        resolve_sources(table, ColumnMapping(fields={"type": "layer"}))
