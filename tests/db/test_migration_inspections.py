"""Migration 0004 on both backends: tables and indexes appear, and a downgrade removes them cleanly."""
from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from db.migrate import _config, upgrade

TABLES = {"rectification_notices", "rectification_items", "sms_outbox"}


def test_upgrade_and_downgrade(engine):
    insp = inspect(engine)
    assert TABLES <= set(insp.get_table_names())
    assert "ix_premises_path_next" in {i["name"] for i in insp.get_indexes("premises")}
    assert "ix_inspection_findings_open" in {i["name"] for i in insp.get_indexes("inspection_findings")}
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    insp = inspect(engine)
    assert not TABLES & set(insp.get_table_names())
    assert "ix_premises_path_next" not in {i["name"] for i in insp.get_indexes("premises")}
    assert upgrade(engine).up_to_date
    assert TABLES <= set(inspect(engine).get_table_names())
