"""premise edits: the field-by-field history of edits to a premise's base data

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'premise_edits',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('premise_id', sa.Integer(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.Column('actor', sa.String(length=100), nullable=False),
        sa.Column('field', sa.String(length=32), nullable=False),
        sa.Column('old_value', sa.String(length=300), nullable=True),
        sa.Column('new_value', sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(['premise_id'], ['premises.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_premise_edits_premise_id', 'premise_edits', ['premise_id'])


def downgrade() -> None:
    op.drop_index('ix_premise_edits_premise_id', table_name='premise_edits')
    op.drop_table('premise_edits')
