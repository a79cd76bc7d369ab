from db.migrate import SCHEMA_HEAD, head_revision


def test_fast_path_head_matches_alembic():
    """The start-up check compares against SCHEMA_HEAD without Alembic; a new migration must bump it."""
    assert SCHEMA_HEAD == head_revision()
