"""scoring: worker tasks, manual score adjustments, score lines

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('worker_tasks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('premise_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['premise_id'], ['premises.id'], ),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_worker_tasks_worker_at', 'worker_tasks', ['worker_id', 'at'], unique=False)

    op.create_table('score_adjustments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_score_adjustments_worker_id', 'score_adjustments', ['worker_id'], unique=False)

    op.create_table('score_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('org_path', sa.String(length=100), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('points', sa.Float(), nullable=False),
    sa.Column('source', sa.String(length=64), nullable=False),
    sa.Column('note', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_score_lines_worker_day', 'score_lines', ['worker_id', 'day'], unique=False)
    op.create_index('ix_score_lines_path_day', 'score_lines', ['org_path', 'day', 'worker_id', 'points'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_score_lines_path_day', table_name='score_lines')
    op.drop_index('ix_score_lines_worker_day', table_name='score_lines')
    op.drop_table('score_lines')
    op.drop_index('ix_score_adjustments_worker_id', table_name='score_adjustments')
    op.drop_table('score_adjustments')
    op.drop_index('ix_worker_tasks_worker_at', table_name='worker_tasks')
    op.drop_table('worker_tasks')
