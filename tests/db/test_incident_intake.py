"""The intake services on SQLite and PostgreSQL: a case taken in by hand (grid found, history and change_log
written), a bad form writes nothing and names its fields, the address lookup, bulk actions one transaction
per case, the import dry run (accepted and rejected rows) and the export of an inbox queue."""
from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from console.domain.incident_catalog import deadline_policy
from console.domain.incident_workflow import Action
from console.importers.open311 import read_open311
from console.services.incident_bulk import run_bulk
from console.services.incident_export import export_queue, queue_ids
from console.services.incident_file_check import check_file, import_file, preview_file
from console.services.incident_import import IncidentFileError
from console.services.incident_intake import IntakeError, IntakeForm, find_addresses, take_in
from console.services.incident_queues import InboxQuery
from console.services.incidents import transition
from db.models import ChangeLog, Incident, IncidentHistory, Premise
from tests.db.incident_district import GRID_CENTRES, T0, actor, build


@pytest.fixture
def district(engine):
    build(engine)
    return engine


def _form(grid: int = 4, **changes) -> IntakeForm:
    lon, lat = GRID_CENTRES[grid]
    base = {"source": "phone", "category": "street_order", "title": "占道经营", "lon": lon, "lat": lat,
            "reporter_name": "张先生", "reporter_phone": "+86 138 0013 8000", "address": "东渡路1号"}
    return IntakeForm(**(base | changes))


def _counts(engine) -> tuple[int, int, int]:
    with Session(engine) as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Incident, IncidentHistory, ChangeLog))


def test_a_case_taken_in_lands_in_its_grid_with_history_and_change_log(district):
    with Session(district) as s:
        taken = take_in(s, actor("op"), _form(grid=5, priority=1), now=T0)
        s.commit()
    assert (taken.grid_id, taken.grid_name) == (5, "东渡第二网格")
    with Session(district) as s:
        case = s.get(Incident, taken.id)
        assert (case.state, case.source, case.priority, case.org_path, case.reporter, case.case_no) == \
            ("reported", "phone", 1, "/1/2/3/5/", "张先生(13800138000)", taken.case_no)
        assert s.scalars(select(IncidentHistory.actor).where(IncidentHistory.incident_id == taken.id)).all() == \
            ["op"]
        assert s.execute(select(ChangeLog.entity, ChangeLog.op, ChangeLog.actor)
                         .where(ChangeLog.entity_id == taken.id)).all() == [("incident", "insert", "op")]


@pytest.mark.parametrize(("changes", "field", "code"), [
    ({"reporter_phone": "12345"}, "reporter_phone", "invalid"),
    ({"title": ""}, "title", "missing"),
    ({"grid": 9}, "location", "outside"),
    ({"lon": 100.0, "lat": 30.0}, "location", "outside"),
])
def test_a_bad_form_names_its_field_and_writes_nothing(district, changes, field, code):
    before = _counts(district)
    with Session(district) as s, pytest.raises(IntakeError) as caught:
        take_in(s, actor("op"), _form(**changes), now=T0)
    assert [(p.field, p.code) for p in caught.value.problems] == [(field, code)]
    assert _counts(district) == before


def test_the_address_lookup_finds_places_of_the_jurisdiction_only(district):
    with Session(district) as s, s.begin():
        for pid, (grid, path, address) in enumerate([(4, "/1/2/3/4/", "东渡路88号"), (9, "/1/7/8/9/", "东渡路99号")],
                                                    start=1):
            lon, lat = GRID_CENTRES[grid]
            s.add(Premise(id=pid, code=f"P{pid}", name=f"商铺{pid}", type="shop", address=address, lon=lon,
                          lat=lat, grid_id=grid, org_path=path, inspection_cycle_days=30, updated_at=T0))
    with Session(district) as s:
        hits = find_addresses(s, actor("op"), "东渡路")
        assert [(h.address, h.grid_name, (h.lon, h.lat)) for h in hits] == \
            [("东渡路88号", "东渡第一网格", GRID_CENTRES[4])]
        assert [h.address for h in find_addresses(s, actor("sup"), "东渡路")] == ["东渡路88号", "东渡路99号"]
        assert find_addresses(s, actor("op"), "人民路") == []


def test_bulk_accept_goes_through_case_by_case(district):
    with Session(district) as s:
        ids = [take_in(s, actor("op"), _form(title=f"事件{k}"), now=T0).id for k in range(4)]
        s.commit()
        versions = dict(s.execute(select(Incident.id, Incident.version).where(Incident.id.in_(ids))).all())
    with Session(district) as s:  # another operator accepts the second case meanwhile
        transition(s, actor("sup"), ids[1], Action.ACCEPT, now=T0 + timedelta(minutes=5))
        s.commit()
    with Session(district) as s:  # and the fourth is moved out of the township's reach
        s.execute(update(Incident).where(Incident.id == ids[3]).values(org_path="/1/7/8/9/", grid_id=9))
        s.commit()
    with Session(district) as s:
        result = run_bulk(s, actor("op"), Action.ACCEPT, [(i, versions[i]) for i in ids], {})
    assert result.done == [ids[0], ids[2]]
    conflict, outside = result.refused
    assert (conflict.incident_id, conflict.conflict, conflict.by, conflict.state, conflict.last_action) == \
        (ids[1], True, "sup", "accepted", "accept")
    assert (outside.incident_id, outside.conflict) == (ids[3], False) and "outside" in outside.reason
    with Session(district) as s:
        states = dict(s.execute(select(Incident.id, Incident.state).where(Incident.id.in_(ids))).all())
        accepted_by = dict(s.execute(select(IncidentHistory.incident_id, IncidentHistory.actor)
                                     .where(IncidentHistory.to_state == "accepted")).all())
    assert [states[i] for i in ids] == ["accepted", "accepted", "accepted", "reported"]
    assert accepted_by == {ids[0]: "op", ids[1]: "sup", ids[2]: "op"}


def test_bulk_refuses_actions_that_need_a_choice_per_case(district):
    with Session(district) as s, pytest.raises(Exception, match="several cases"):
        run_bulk(s, actor("op"), Action.DISPATCH, [(1, 1)], {})


def _csv(path, rows: list[str]) -> None:
    path.write_bytes("\n".join(["标题,类别,经度,纬度,上报时间", *rows]).encode("gbk"))


def test_the_dry_run_sorts_rows_into_accepted_and_rejected_and_import_stays_all_or_nothing(district, tmp_path):
    (lon4, lat4), (lon9, lat9) = GRID_CENTRES[4], GRID_CENTRES[9]
    path = tmp_path / "cases.csv"
    _csv(path, [f"井盖缺失,市容环境,{lon4},{lat4},2026-11-29 09:30",
                f"噪音,没有这个类别,{lon4},{lat4},2026-11-29 10:00",
                f"越界,市容环境,{lon9},{lat9},2026-11-29 10:30",
                f"坏时间,市容环境,{lon4},{lat4},昨天"])
    preview = preview_file(path, "csv", limit=2)
    assert preview.header == ["标题", "类别", "经度", "纬度", "上报时间"]
    assert [(line, cells[0]) for line, cells in preview.rows] == [(2, "井盖缺失"), (3, "噪音")]
    before = _counts(district)
    with Session(district) as s:
        check = check_file(s, actor("op"), path, "csv")
    assert check.accepted == [2] and check.rejected == [3, 4, 5] and not check.importable
    assert [(p.row, p.field) for p in check.problems] == [(3, "类别"), (4, "lon/lat"), (5, "上报时间")]
    with Session(district) as s, pytest.raises(IncidentFileError):
        import_file(s, actor("op"), path, "csv")
    assert _counts(district) == before

    _csv(path, [f"井盖缺失,市容环境,{lon4},{lat4},2026-11-29 09:30"])
    with Session(district) as s:
        assert check_file(s, actor("op"), path, "csv").importable
        assert import_file(s, actor("op"), path, "csv") == 1
        s.commit()
    assert _counts(district)[0] == before[0] + 1


def test_a_file_level_problem_is_a_row_zero_or_header_problem(district, tmp_path):
    path = tmp_path / "cases.json"
    path.write_text("{not json", encoding="utf-8")
    with Session(district) as s:
        check = check_file(s, actor("op"), path, "open311")
    assert check.accepted == [] and [p.row for p in check.problems] == [0] and check.rejected == []


def test_the_export_of_a_queue_holds_its_cases_in_its_order_and_imports_again(district, tmp_path):
    with Session(district) as s:
        ids = [take_in(s, actor("sup"), _form(grid=g, title=f"事件{g}"), now=T0 + timedelta(minutes=g)).id
               for g in (4, 5, 9)]
        transition(s, actor("sup"), ids[0], Action.ACCEPT, now=T0 + timedelta(hours=1))
        s.commit()
    policy = deadline_policy()
    query = InboxQuery(queue="new", now=T0 + timedelta(days=1))
    with Session(district) as s:
        assert queue_ids(s, actor("sup"), query, policy) == [ids[2], ids[1]]
        assert queue_ids(s, actor("op"), query, policy) == [ids[1]]
        path = tmp_path / "new.json"
        assert export_queue(s, actor("sup"), query, policy, path, "open311") == 2
    requests = json.loads(path.read_text(encoding="utf-8"))
    assert [r["description"] for r in requests] == ["事件9", "事件5"]
    assert [r.title for r in read_open311(path)] == ["事件9", "事件5"]
    with Session(district) as s:
        assert export_queue(s, actor("sup"), query, policy, tmp_path / "new.xlsx", "xlsx") == 2
