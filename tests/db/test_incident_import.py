import json
from datetime import timedelta

import pytest
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from console.cli import main
from console.domain.geo import wgs84_to_gcj02
from console.domain.incident_workflow import Action
from console.importers.incident_tables import ColumnMapping, load_mapping, read_table, write_xlsx
from console.importers.open311 import read_open311, write_open311
from console.services.incident_actions import dispatch, file_incident
from console.services.incident_import import IncidentFileError, export_rows, import_records
from console.services.incidents import NewIncident, create_incident, transition
from db.models import ChangeLog, Incident, IncidentHistory
from tests.db.incident_district import GRID_CENTRES, T0, actor, build


@pytest.fixture
def district(engine):
    build(engine)
    sup = actor("sup")
    with Session(engine) as s, s.begin():
        for k, (grid, category) in enumerate([(4, "city_appearance"), (5, "fire_safety"), (9, "dispute")]):
            lon, lat = GRID_CENTRES[grid]
            create_incident(s, sup, NewIncident("hotline_12345", category, f"事件{k}", lon, lat,
                                                description=f"描述{k}\n第二行" if k else None,
                                                address=f"湖里区{k}号", reported_at=T0 + timedelta(minutes=k)),
                            now=T0)
        transition(s, sup, 2, Action.ACCEPT, now=T0 + timedelta(hours=1))
        file_incident(s, sup, 2, now=T0 + timedelta(hours=1))
        dispatch(s, sup, 2, org_id=6, now=T0 + timedelta(hours=2))
        transition(s, sup, 3, Action.REJECT, note="不属实", now=T0 + timedelta(hours=3))
    return engine


def _empty_incidents(engine) -> None:
    with Session(engine) as s, s.begin():
        s.execute(delete(IncidentHistory))
        s.execute(delete(Incident))


def _count(engine) -> int:
    with Session(engine) as s:
        return s.scalar(select(func.count()).select_from(Incident))


def test_open311_export_import_export_gives_the_same_requests(district, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    with Session(district) as s:
        assert write_open311(first, export_rows(s, actor("sup"))) == 3
    requests = json.loads(first.read_text(encoding="utf-8"))
    assert [r["status"] for r in requests] == ["open", "open", "closed"]
    assert requests[1]["expected_datetime"].endswith("+08:00") and requests[0]["description"] == "事件0"
    _empty_incidents(district)
    with Session(district) as s, s.begin():
        assert import_records(s, actor("sup"), str(first), read_open311(first)) == 3
    with Session(district) as s:
        write_open311(second, export_rows(s, actor("sup")))
    assert json.loads(second.read_text(encoding="utf-8")) == requests


def test_malformed_open311_names_the_rows_and_writes_nothing(district, tmp_path):
    lon, lat = GRID_CENTRES[4]
    good = {"service_request_id": "X1", "status": "open", "service_code": "city_appearance", "lat": lat,
            "long": lon, "requested_datetime": "2026-11-30T09:00:00+08:00"}
    bad_file = tmp_path / "bad.json"
    bad_file.write_text(json.dumps([good, {**good, "service_request_id": "X2", "lat": "north"},
                                    {**good, "service_request_id": "X3", "status": "pending"},
                                    {**good, "service_request_id": "X4", "service_code": "ufo"}]), encoding="utf-8")
    with pytest.raises(IncidentFileError) as info:
        read_open311(bad_file)
    assert [(p.row, p.field) for p in info.value.problems] == [(2, "lat"), (3, "status"), (4, "service_code")]
    assert f"{bad_file}: row 2: lat" in str(info.value)
    outside = tmp_path / "outside.json"
    lon9, lat9 = GRID_CENTRES[9]
    with Session(district) as s:
        taken = s.get(Incident, 1).case_no
    outside.write_text(json.dumps([good, {**good, "service_request_id": "X5", "long": lon9, "lat": lat9},
                                   {**good, "service_request_id": taken}, good]), encoding="utf-8")
    before = _count(district)
    with Session(district) as s, s.begin(), pytest.raises(IncidentFileError) as info:
        import_records(s, actor("op"), str(outside), read_open311(outside))
    assert [(p.row, p.field) for p in info.value.problems] == [(2, "lon/lat"), (3, "case_no"), (4, "case_no")]
    assert _count(district) == before


def test_gbk_csv_with_mapping_and_gcj02_datum(district, tmp_path):
    lon, lat = GRID_CENTRES[5]
    glon, glat = wgs84_to_gcj02(lon, lat)
    csv_file, map_file = tmp_path / "cases.csv", tmp_path / "map.json"
    csv_file.write_bytes(("编号,事项,分类,渠道,X,Y,时间\n"
                          f"H-1,井盖缺失,市容,热线,{glon},{glat},2026/11/30 10:00\n"
                          f"H-2,楼道堆物,消防安全,热线,{glon},{glat},2026-11-30 10:05\n").encode("gbk"))
    map_file.write_text(json.dumps({
        "columns": {"case_no": "编号", "title": "事项", "category": "分类", "source": "渠道", "lon": "X",
                    "lat": "Y", "reported_at": "时间"},
        "values": {"category": {"市容": "city_appearance"}, "source": {"热线": "hotline_12345"}},
        "datum": "gcj02"}, ensure_ascii=False), encoding="utf-8")
    records = read_table(csv_file, "csv", load_mapping(map_file))
    assert [(r.case_no, r.category, r.source) for r in records] == [
        ("H-1", "city_appearance", "hotline_12345"), ("H-2", "fire_safety", "hotline_12345")]
    assert abs(records[0].lon - lon) < 1e-8 and abs(records[0].lat - lat) < 1e-8
    with Session(district) as s, s.begin():
        import_records(s, actor("op"), str(csv_file), records)
    with Session(district) as s:
        row = s.scalar(select(Incident).where(Incident.case_no == "H-1"))
        assert (row.grid_id, row.state, row.title) == (5, "reported", "井盖缺失")


def test_malformed_csv_names_file_row_and_column(tmp_path):
    csv_file = tmp_path / "bad.csv"
    csv_file.write_text("\ufeff标题,类别,经度,纬度,上报时间\n"
                        "好的,市容环境,118.105,24.505,2026-11-30 09:00\n"
                        ",市容环境,118.105,24.505,2026-11-30 09:00\n"
                        "坏的,下水道,东经,24.505,明天\n", encoding="utf-8")
    with pytest.raises(IncidentFileError) as info:
        read_table(csv_file, "csv")
    assert [(p.row, p.field) for p in info.value.problems] == [
        (3, "标题"), (4, "类别"), (4, "经度"), (4, "上报时间")]
    missing = tmp_path / "missing.csv"
    missing.write_text("标题,类别\n甲,市容环境\n", encoding="utf-8")
    with pytest.raises(IncidentFileError, match="row 1: 经度: column missing"):
        read_table(missing, "csv")
    with pytest.raises(IncidentFileError, match="unknown field"):
        bad_map = tmp_path / "m.json"
        bad_map.write_text('{"columns": {"colour": "颜色"}}', encoding="utf-8")
        load_mapping(bad_map)


def test_xlsx_export_imports_again(district, tmp_path):
    book = tmp_path / "cases.xlsx"
    with Session(district) as s:
        before = [(r.case_no, r.category, r.source, r.title, round(r.lon, 9), round(r.lat, 9))
                  for r in export_rows(s, actor("sup"))]
        assert write_xlsx(book, export_rows(s, actor("sup"))) == 3
    _empty_incidents(district)
    records = read_table(book, "xlsx", ColumnMapping())
    with Session(district) as s, s.begin():
        import_records(s, actor("sup"), str(book), records)
    with Session(district) as s:
        after = [(r.case_no, r.category, r.source, r.title, round(r.lon, 9), round(r.lat, 9))
                 for r in export_rows(s, actor("sup"))]
        states = [r.state for r in export_rows(s, actor("sup"))]
    assert after == before
    assert states == ["reported", "reported", "reported"]


def _cli(argv: list[str], db_url: str) -> int:
    return main(["--db", db_url, *argv])


def test_cli_export_then_import(district, db_url, tmp_path, capsys):
    out = tmp_path / "all.json"
    assert _cli(["export", "incidents", str(out), "--format", "open311"], db_url) == 0
    assert "exported 3 incidents" in capsys.readouterr().out
    _empty_incidents(district)
    assert _cli(["import", "incidents", str(out)], db_url) == 0
    assert "imported 3 incidents" in capsys.readouterr().out
    assert _cli(["import", "incidents", str(out)], db_url) == 1
    assert "is already in the database" in capsys.readouterr().err
    assert _count(district) == 3
    with Session(district) as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.actor == "system")) >= 3
    assert _cli(["import", "incidents", str(tmp_path / "nope.csv")], db_url) == 1
    assert _cli(["import", "incidents", str(out), "--mapping", str(out)], db_url) == 1
