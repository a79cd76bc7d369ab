"""incident text index (bigram tokens of title, case number, address, description); open cases by assignee

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30

The inbox's text filter scanned every case of the scope (3.5 s over a million on SQLite). Each case now
carries its bigram tokens (db/text_index.py), indexed by an external-content FTS5 table kept in step by
triggers on SQLite and by a GIN index over the token array on PostgreSQL. Existing cases are tokenised here.

The dispatch board counts open and overdue cases per assignee; a covering partial index over the open cases
answers that without reading case rows (230 ms → 14 ms for a district of a million cases on SQLite). Its
WHERE text must match console/services/incident_queues.py's OPEN_PREDICATE literally.
"""
import sqlalchemy as sa
from alembic import op

from db.text_index import index_terms

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

BATCH = 20_000
OPEN = "state NOT IN ('archived', 'closed', 'duplicate', 'evaluated', 'rejected')"
FTS_TRIGGERS = {
    "incident_search_ai": "AFTER INSERT ON incidents BEGIN "
                          "INSERT INTO incident_search(rowid, search_terms) VALUES (new.id, new.search_terms); END",
    "incident_search_ad": "AFTER DELETE ON incidents BEGIN INSERT INTO incident_search(incident_search, rowid, "
                          "search_terms) VALUES ('delete', old.id, old.search_terms); END",
    "incident_search_au": "AFTER UPDATE OF search_terms ON incidents BEGIN INSERT INTO incident_search("
                          "incident_search, rowid, search_terms) VALUES ('delete', old.id, old.search_terms); "
                          "INSERT INTO incident_search(rowid, search_terms) VALUES (new.id, new.search_terms); END",
}
PG_INDEX = "CREATE INDEX ix_incidents_search ON incidents USING gin (string_to_array(search_terms, ' '))"


def _backfill(conn) -> None:
    last = 0
    while True:
        rows = conn.execute(sa.text("SELECT id, title, case_no, address, description FROM incidents "
                                    "WHERE id > :last ORDER BY id LIMIT :n"), {"last": last, "n": BATCH}).all()
        if not rows:
            return
        conn.execute(sa.text("UPDATE incidents SET search_terms = :terms WHERE id = :id"),
                     [{"id": r[0], "terms": index_terms(*r[1:])} for r in rows])
        last = rows[-1][0]


def upgrade() -> None:
    op.add_column('incidents', sa.Column('search_terms', sa.Text(), nullable=True))
    conn = op.get_bind()
    _backfill(conn)
    if conn.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE incident_search USING fts5(search_terms, content='incidents', "
                   "content_rowid='id', detail='none', columnsize=0)")
        op.execute("INSERT INTO incident_search(incident_search) VALUES ('rebuild')")
        for name, body in FTS_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    else:
        op.execute(PG_INDEX)
    op.create_index('ix_incidents_open_assignee', 'incidents',
                    ['org_path', 'assignee_org_id', 'assignee_worker_id', 'deadline', 'state'],
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))


def downgrade() -> None:
    op.drop_index('ix_incidents_open_assignee', table_name='incidents')
    if op.get_bind().dialect.name == "sqlite":
        for name in FTS_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
        op.execute("DROP TABLE incident_search")
    else:
        op.execute("DROP INDEX ix_incidents_search")
    op.drop_column('incidents', 'search_terms')
