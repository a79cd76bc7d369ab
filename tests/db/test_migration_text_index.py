"""Migration 0007 on both backends: a database of 0006 (tokens stored as a sorted set, FTS5 without
positions on SQLite) upgrades to phrase search and index-only counts, and downgrades cleanly."""
from __future__ import annotations

from alembic import command
from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from console.domain.deadlines import DeadlinePolicy
from console.services.incident_queues import InboxQuery, count_inbox, inbox_page
from db.migrate import _config, upgrade
from db.models import Incident
from db.text_index import index_terms, query_terms
from tests.db.incident_district import T0, actor, build

TITLES = {"X1": "路口井盖破损", "X2": "井盖，盖破损了", "X3": "路灯不亮"}


def _migrate(engine, target: str) -> None:
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, target) if target != "head" else command.upgrade(cfg, target)


def _found(engine, term: str) -> tuple[set[str], int]:
    with Session(engine) as s:
        q = InboxQuery(text=term, now=T0)
        rows = inbox_page(s, actor("sup"), q, DeadlinePolicy(), limit=100)
        return {r.case_no for r in rows}, count_inbox(s, actor("sup"), q, DeadlinePolicy())


def test_a_0006_database_upgrades_to_phrase_search(engine):
    build(engine)
    _migrate(engine, "0006")
    with engine.begin() as conn:  # as 0006 wrote them: each case's bigrams once, sorted
        conn.execute(insert(Incident.__table__), [
            {"case_no": no, "source": "walk_in", "category": "litter", "priority": 3, "title": title,
             "lon": 118.105, "lat": 24.505, "grid_id": 4, "org_path": "/1/2/3/4/", "state": "reported",
             "reported_at": T0, "version": 1, "search_terms": " ".join(query_terms(title))}
            for no, title in TITLES.items()])
    assert upgrade(engine).up_to_date
    assert _found(engine, "井盖破损") == ({"X1"}, 1)  # X2 holds every bigram, but not the phrase
    assert _found(engine, "井盖") == ({"X1", "X2"}, 2)
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM incident_search WHERE incident_search MATCH "
                                     "'org_path : \"2\"'")).scalar() == 3
    _migrate(engine, "0006")
    if engine.dialect.name == "sqlite":  # 0006's index again: tokens only, kept by its triggers
        with engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM incident_search WHERE incident_search MATCH "
                                     "'\"4e95z76d6\"'")).scalar() == 2
            assert "org_path" not in conn.execute(text("SELECT sql FROM sqlite_master "
                                                       "WHERE name = 'incident_search'")).scalar()
    _migrate(engine, "head")
    assert _found(engine, "井盖破损") == ({"X1"}, 1)
    with Session(engine) as s:
        stored = s.scalar(select(Incident.search_terms).where(Incident.case_no == "X2"))
    expected = index_terms(TITLES["X2"], "X2") if engine.dialect.name == "sqlite" else " ".join(
        query_terms(TITLES["X2"]))  # PostgreSQL's rows stay as 0006 wrote them: its index ignores order
    assert stored == expected
