"""premise photos: pictures on a premise's file (一户一档), a storefront or a hazard

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'premise_photos',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('premise_id', sa.Integer(), nullable=False),
        sa.Column('filename', sa.String(length=255), nullable=False),
        sa.Column('mime_type', sa.String(length=100), nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.Column('added_by', sa.String(length=100), nullable=False),
        sa.Column('added_at', sa.DateTime(), nullable=False),
        sa.Column('note', sa.String(length=300), nullable=True),
        sa.ForeignKeyConstraint(['premise_id'], ['premises.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_premise_photos_premise_id', 'premise_photos', ['premise_id'])


def downgrade() -> None:
    op.drop_index('ix_premise_photos_premise_id', table_name='premise_photos')
    op.drop_table('premise_photos')
