"""Migration 0008 on both backends: premise_photos and its index appear, a downgrade to 0007 removes them,
and the upgrade brings them back."""
from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from db.migrate import _config, upgrade


def test_upgrade_from_0007_and_downgrade(engine):
    insp = inspect(engine)
    assert "premise_photos" in insp.get_table_names()
    assert {c["name"] for c in insp.get_columns("premise_photos")} == {
        "id", "premise_id", "filename", "mime_type", "data", "added_by", "added_at", "note"}
    assert "ix_premise_photos_premise_id" in {i["name"] for i in insp.get_indexes("premise_photos")}
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    assert "premise_photos" not in inspect(engine).get_table_names()
    assert upgrade(engine).up_to_date
    assert "premise_photos" in inspect(engine).get_table_names()
