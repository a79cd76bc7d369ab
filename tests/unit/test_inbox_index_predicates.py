"""The inbox queries repeat the partial indexes' WHERE texts literally, or SQLite ignores the indexes."""
import importlib.util
from pathlib import Path

from console.services.incident_queues import OPEN_PREDICATE, SUPERVISE_PREDICATE

MIGRATION = Path(__file__).resolve().parents[2] / "db/migrations/versions/0003_incident_inbox_indexes.py"


def test_queue_predicates_match_migration_0003():
    spec = importlib.util.spec_from_file_location("migration_0003", MIGRATION)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OPEN == OPEN_PREDICATE
    assert module.SUPERVISE == SUPERVISE_PREDICATE
