"""inspections: rectification notices and items, SMS outbox, due-list and open-finding indexes

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30

The open-finding index is partial (WHERE resolved_at IS NULL) and its text must match the colour queries in
console/services/premise_colours.py literally, or SQLite will not use it.
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

OPEN_FINDING = "resolved_at IS NULL"


def upgrade() -> None:
    op.create_table(
        'rectification_notices',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('premise_id', sa.Integer(), nullable=False),
        sa.Column('inspection_id', sa.Integer(), nullable=False),
        sa.Column('org_path', sa.String(length=100), nullable=False),
        sa.Column('colour', sa.String(length=8), nullable=False),
        sa.Column('issued_at', sa.DateTime(), nullable=False),
        sa.Column('deadline', sa.Date(), nullable=False),
        sa.Column('state', sa.String(length=12), nullable=False),
        sa.Column('closed_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['premise_id'], ['premises.id']),
        sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_rectification_notices_premise_id', 'rectification_notices', ['premise_id'])
    op.create_index('ix_rectification_notices_inspection_id', 'rectification_notices', ['inspection_id'])
    op.create_index('ix_rectification_notices_org_path', 'rectification_notices', ['org_path'])
    op.create_index('ix_rectification_notices_state', 'rectification_notices', ['state'])
    op.create_table(
        'rectification_items',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('notice_id', sa.Integer(), nullable=False),
        sa.Column('finding_id', sa.Integer(), nullable=False),
        sa.Column('text', sa.String(length=300), nullable=False),
        sa.Column('severity', sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(['notice_id'], ['rectification_notices.id']),
        sa.ForeignKeyConstraint(['finding_id'], ['inspection_findings.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_rectification_items_notice_id', 'rectification_items', ['notice_id'])
    op.create_index('ix_rectification_items_finding_id', 'rectification_items', ['finding_id'])
    op.create_table(
        'sms_outbox',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('phone', sa.String(length=20), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('premise_id', sa.Integer(), nullable=True),
        sa.Column('notice_id', sa.Integer(), nullable=True),
        sa.Column('state', sa.String(length=8), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
        sa.Column('last_error', sa.Text(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('sent_at', sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(['premise_id'], ['premises.id']),
        sa.ForeignKeyConstraint(['notice_id'], ['rectification_notices.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_sms_outbox_premise_id', 'sms_outbox', ['premise_id'])
    op.create_index('ix_sms_outbox_state_next', 'sms_outbox', ['state', 'next_attempt_at'])
    op.create_index('ix_premises_path_next', 'premises', ['org_path', 'next_inspection'])
    op.create_index('ix_inspection_findings_open', 'inspection_findings', ['inspection_id', 'severity'],
                    sqlite_where=sa.text(OPEN_FINDING), postgresql_where=sa.text(OPEN_FINDING))


def downgrade() -> None:
    op.drop_index('ix_inspection_findings_open', table_name='inspection_findings')
    op.drop_index('ix_premises_path_next', table_name='premises')
    op.drop_table('sms_outbox')
    op.drop_table('rectification_items')
    op.drop_table('rectification_notices')
