"""incident inbox indexes: open cases by report time, deadline and state; supervised cases

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

Partial indexes over the few percent of incidents still open, so the inbox's queues, "due soon" and
"overdue" stay fast over a million mostly finished cases. The WHERE texts must match the queries' literally
(console/services/incident_queues.py) or SQLite will not use them. org_path rides along so counts per
jurisdiction are answered from the index alone.
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

OPEN = "state NOT IN ('archived', 'closed', 'duplicate', 'evaluated', 'rejected')"
SUPERVISE = "substr(note, 1, 11) = '[supervise]'"


def upgrade() -> None:
    op.create_index('ix_incidents_open_reported', 'incidents', ['reported_at'],
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
    op.create_index('ix_incidents_open_deadline', 'incidents', ['deadline', 'org_path'],
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
    op.create_index('ix_incidents_open_state', 'incidents', ['state', 'org_path'],
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
    op.create_index('ix_incident_history_supervise', 'incident_history', ['incident_id'],
                    sqlite_where=sa.text(SUPERVISE), postgresql_where=sa.text(SUPERVISE))


def downgrade() -> None:
    op.drop_index('ix_incident_history_supervise', table_name='incident_history')
    op.drop_index('ix_incidents_open_state', table_name='incidents')
    op.drop_index('ix_incidents_open_deadline', table_name='incidents')
    op.drop_index('ix_incidents_open_reported', table_name='incidents')
