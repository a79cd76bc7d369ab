"""Org tree and premises lists on both backends: counts, search, sort, paging and the jurisdiction fence."""
from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from console.services.orgs import org_tree, path_ids
from console.services.premises import PremiseQuery, count_premises, premises_page
from console.services.users import actor_by_username
from tests.db.tiny_district import (
    GRID_PATHS,
    OPEN_PER_GRID,
    PREMISES_PER_GRID,
    build_tiny_district,
    premise_name,
)

TOTAL = sum(PREMISES_PER_GRID.values())
HULI_GRIDS = (6, 7)


@pytest.fixture
def session(engine):
    build_tiny_district(engine)
    with Session(engine) as s:
        yield s


def test_path_ids_reads_the_ancestry():
    assert path_ids("/1/3/12/140/") == [1, 3, 12, 140]


def test_admin_sees_whole_district_with_rolled_up_counts(session):
    rows = {r.id: r for r in org_tree(session, actor_by_username(session, "admin"))}
    assert set(rows) == set(range(1, 11))
    district = rows[1]
    assert (district.premises, district.workers, district.open_incidents) == (TOTAL, 4, 4 * OPEN_PER_GRID)
    assert rows[2].premises == PREMISES_PER_GRID[6] + PREMISES_PER_GRID[7]
    assert rows[5].premises == PREMISES_PER_GRID[8] + PREMISES_PER_GRID[9]
    assert rows[8].premises == PREMISES_PER_GRID[8] and rows[8].workers == 1
    assert rows[10].kind == "department" and rows[10].open_incidents == 4  # one dispatched case per grid


def test_rows_come_parents_first(session):
    seen: set[int] = set()
    for row in org_tree(session, actor_by_username(session, "admin")):
        assert row.parent_id is None or row.parent_id in seen
        seen.add(row.id)


def test_township_operator_sees_only_their_township(session):
    actor = actor_by_username(session, "hl_op")
    rows = org_tree(session, actor)
    assert {r.id for r in rows} == {2, 4, 6, 7}
    assert all(r.path.startswith("/1/2/") for r in rows)
    township = next(r for r in rows if r.id == 2)
    assert township.open_incidents == 2 * OPEN_PER_GRID
    huli = sum(PREMISES_PER_GRID[g] for g in HULI_GRIDS)
    assert count_premises(session, actor, PremiseQuery()) == huli
    page = premises_page(session, actor, PremiseQuery(), 0, 1000)
    assert len(page) == huli
    assert {r.grid_name for r in page} == {"东渡第一网格", "东渡第二网格"}


def test_township_operator_cannot_widen_by_asking_for_another_unit(session):
    actor = actor_by_username(session, "hl_op")
    other = PremiseQuery(org_path=GRID_PATHS[8])
    assert count_premises(session, actor, other) == 0
    assert premises_page(session, actor, other, 0, 50) == []
    district = PremiseQuery(org_path="/1/")
    assert count_premises(session, actor, district) == sum(PREMISES_PER_GRID[g] for g in HULI_GRIDS)


def test_admin_counts_and_org_filter(session):
    actor = actor_by_username(session, "admin")
    assert count_premises(session, actor, PremiseQuery()) == TOTAL
    dianqian = PREMISES_PER_GRID[8] + PREMISES_PER_GRID[9]
    assert count_premises(session, actor, PremiseQuery(org_path="/1/3/")) == dianqian
    assert count_premises(session, actor, PremiseQuery(org_path=GRID_PATHS[9])) == PREMISES_PER_GRID[9]


def test_text_matches_name_address_or_code_case_insensitively(session):
    actor = actor_by_username(session, "admin")
    by_name = premises_page(session, actor, PremiseQuery(text="高殿第二"), 0, 100)
    assert [r.name for r in by_name] == sorted(premise_name(9, n) for n in range(1, PREMISES_PER_GRID[9] + 1))
    assert count_premises(session, actor, PremiseQuery(text="p80003")) == 1
    assert count_premises(session, actor, PremiseQuery(text="测试路17号")) == 1
    assert count_premises(session, actor, PremiseQuery(text="东渡 商铺 03")) == 2
    assert count_premises(session, actor, PremiseQuery(text="100%")) == 0


def test_pages_follow_the_sort_without_gaps_or_repeats(session):
    actor = actor_by_username(session, "admin")
    for sort in ("name", "code", "status", "grid", "next_inspection", "type", "address"):
        for descending in (False, True):
            q = PremiseQuery(sort=sort, descending=descending)
            whole = premises_page(session, actor, q, 0, 1000)
            paged = [r for off in range(0, TOTAL, 7) for r in premises_page(session, actor, q, off, 7)]
            assert [r.id for r in paged] == [r.id for r in whole], sort
            assert len({r.id for r in whole}) == TOTAL


def test_status_sorts_by_severity(session):
    actor = actor_by_username(session, "admin")
    rows = premises_page(session, actor, PremiseQuery(sort="status"), 0, 1000)
    rank = {"green": 0, "yellow": 1, "red": 2, "black": 3}
    assert [rank[r.status] for r in rows] == sorted(rank[r.status] for r in rows)
    assert rows[0].status == "green" and rows[-1].status == "black"


def test_unknown_sort_key_is_refused():
    with pytest.raises(ValueError, match="cannot sort premises by"):
        PremiseQuery(sort="owner")


@pytest.mark.parametrize("wide_share", [0, 10**6])
def test_the_sqlite_plan_choice_changes_speed_never_rows(session, monkeypatch, wide_share):
    """WIDE_SHARE 0 makes every scope narrow (org_path index), 10**6 every scope wide (sort index/scan)."""
    from console.services import premises

    admin = actor_by_username(session, "admin")
    queries = [PremiseQuery(text=text, org_path=path, sort=sort, descending=desc)
               for text in ("", "商铺 0", "p8")
               for path in (None, "/1/3/", GRID_PATHS[6])
               for sort, desc in (("name", False), ("next_inspection", True), ("status", False))]
    expected = [([r.id for r in premises_page(session, admin, q, 2, 9)], count_premises(session, admin, q))
                for q in queries]
    monkeypatch.setattr(premises, "WIDE_SHARE", wide_share)
    assert [([r.id for r in premises_page(session, admin, q, 2, 9)], count_premises(session, admin, q))
            for q in queries] == expected
