"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-30

The spatial indexes (R*Tree on SQLite, PostGIS or point GiST on PostgreSQL) are created last.
"""
import sqlalchemy as sa
from alembic import op

from db.spatial import drop_spatial_index, install_spatial_index

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('change_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.Integer(), nullable=True),
    sa.Column('op', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('checklist_templates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('premise_type', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('checklist_templates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_templates_premise_type'), ['premise_type'], unique=False)

    op.create_table('org_units',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=20), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('path', sa.String(length=100), nullable=False),
    sa.Column('boundary_geojson', sa.Text(), nullable=True),
    sa.Column('min_lon', sa.Float(), nullable=True),
    sa.Column('min_lat', sa.Float(), nullable=True),
    sa.Column('max_lon', sa.Float(), nullable=True),
    sa.Column('max_lat', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['parent_id'], ['org_units.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('org_units', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_org_units_kind'), ['kind'], unique=False)
        batch_op.create_index(batch_op.f('ix_org_units_parent_id'), ['parent_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_org_units_path'), ['path'], unique=False)

    op.create_table('settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('cameras',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('stream_url', sa.String(length=500), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('org_unit_id', sa.Integer(), nullable=False),
    sa.Column('org_path', sa.String(length=100), nullable=False),
    sa.Column('online', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('cameras', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cameras_org_path'), ['org_path'], unique=False)
        batch_op.create_index(batch_op.f('ix_cameras_org_unit_id'), ['org_unit_id'], unique=False)

    op.create_table('checklist_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('template_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('text', sa.String(length=300), nullable=False),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.ForeignKeyConstraint(['template_id'], ['checklist_templates.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('checklist_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklist_items_template_id'), ['template_id'], unique=False)

    op.create_table('premises',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('owner', sa.String(length=100), nullable=True),
    sa.Column('owner_phone', sa.String(length=20), nullable=True),
    sa.Column('licence_no', sa.String(length=64), nullable=True),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('org_path', sa.String(length=100), nullable=False),
    sa.Column('status', sa.String(length=8), nullable=False),
    sa.Column('inspection_cycle_days', sa.Integer(), nullable=False),
    sa.Column('last_inspection', sa.Date(), nullable=True),
    sa.Column('next_inspection', sa.Date(), nullable=True),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['org_units.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('premises', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_premises_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_premises_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_premises_next_inspection'), ['next_inspection'], unique=False)
        batch_op.create_index(batch_op.f('ix_premises_org_path'), ['org_path'], unique=False)
        batch_op.create_index(batch_op.f('ix_premises_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_premises_type'), ['type'], unique=False)

    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('org_unit_id', sa.Integer(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['org_unit_id'], ['org_units.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('workers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('device_id', sa.String(length=64), nullable=True),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('org_path', sa.String(length=100), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['org_units.id'], ),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('workers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_workers_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_workers_org_path'), ['org_path'], unique=False)

    op.create_table('checkins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('premise_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('distance_m', sa.Float(), nullable=True),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['premise_id'], ['premises.id'], ),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkins_premise_id'), ['premise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkins_worker_id'), ['worker_id'], unique=False)

    op.create_table('gps_fixes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('t', sa.DateTime(), nullable=False),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('speed', sa.Float(), nullable=True),
    sa.Column('accuracy', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('gps_fixes', schema=None) as batch_op:
        batch_op.create_index('ix_gps_fixes_worker_t', ['worker_id', 't'], unique=False)

    op.create_table('incidents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_no', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=False),
    sa.Column('category', sa.String(length=32), nullable=False),
    sa.Column('priority', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=True),
    sa.Column('lon', sa.Float(), nullable=False),
    sa.Column('lat', sa.Float(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.Column('org_path', sa.String(length=100), nullable=False),
    sa.Column('level', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('reported_at', sa.DateTime(), nullable=False),
    sa.Column('deadline', sa.DateTime(), nullable=True),
    sa.Column('closed_at', sa.DateTime(), nullable=True),
    sa.Column('reporter', sa.String(length=100), nullable=True),
    sa.Column('assignee_org_id', sa.Integer(), nullable=True),
    sa.Column('assignee_worker_id', sa.Integer(), nullable=True),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['assignee_org_id'], ['org_units.id'], ),
    sa.ForeignKeyConstraint(['assignee_worker_id'], ['workers.id'], ),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['incidents.id'], ),
    sa.ForeignKeyConstraint(['grid_id'], ['org_units.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_no')
    )
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incidents_assignee_org_id'), ['assignee_org_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_assignee_worker_id'), ['assignee_worker_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_category'), ['category'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_grid_id'), ['grid_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_org_path'), ['org_path'], unique=False)
        batch_op.create_index('ix_incidents_path_state', ['org_path', 'state'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_reported_at'), ['reported_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_source'), ['source'], unique=False)
        batch_op.create_index(batch_op.f('ix_incidents_state'), ['state'], unique=False)

    op.create_table('inspections',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('premise_id', sa.Integer(), nullable=False),
    sa.Column('worker_id', sa.Integer(), nullable=True),
    sa.Column('template_id', sa.Integer(), nullable=True),
    sa.Column('checked_in_at', sa.DateTime(), nullable=True),
    sa.Column('finished_at', sa.DateTime(), nullable=False),
    sa.Column('result_status', sa.String(length=8), nullable=False),
    sa.Column('notes', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['premise_id'], ['premises.id'], ),
    sa.ForeignKeyConstraint(['template_id'], ['checklist_templates.id'], ),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspections_premise_id'), ['premise_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inspections_worker_id'), ['worker_id'], unique=False)

    op.create_table('worker_grids',
    sa.Column('worker_id', sa.Integer(), nullable=False),
    sa.Column('grid_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['grid_id'], ['org_units.id'], ),
    sa.ForeignKeyConstraint(['worker_id'], ['workers.id'], ),
    sa.PrimaryKeyConstraint('worker_id', 'grid_id')
    )
    op.create_table('incident_attachments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('incident_attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_attachments_incident_id'), ['incident_id'], unique=False)

    op.create_table('incident_history',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('from_state', sa.String(length=16), nullable=True),
    sa.Column('to_state', sa.String(length=16), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['incident_id'], ['incidents.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('incident_history', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_incident_history_incident_id'), ['incident_id'], unique=False)

    op.create_table('inspection_findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('inspection_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=True),
    sa.Column('severity', sa.String(length=8), nullable=False),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['inspection_id'], ['inspections.id'], ),
    sa.ForeignKeyConstraint(['item_id'], ['checklist_items.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('inspection_findings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inspection_findings_inspection_id'), ['inspection_id'], unique=False)
    install_spatial_index(op.get_bind())


def downgrade() -> None:
    drop_spatial_index(op.get_bind())
    with op.batch_alter_table('inspection_findings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspection_findings_inspection_id'))

    op.drop_table('inspection_findings')
    with op.batch_alter_table('incident_history', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_history_incident_id'))

    op.drop_table('incident_history')
    with op.batch_alter_table('incident_attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incident_attachments_incident_id'))

    op.drop_table('incident_attachments')
    op.drop_table('worker_grids')
    with op.batch_alter_table('inspections', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inspections_worker_id'))
        batch_op.drop_index(batch_op.f('ix_inspections_premise_id'))

    op.drop_table('inspections')
    with op.batch_alter_table('incidents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_incidents_state'))
        batch_op.drop_index(batch_op.f('ix_incidents_source'))
        batch_op.drop_index(batch_op.f('ix_incidents_reported_at'))
        batch_op.drop_index('ix_incidents_path_state')
        batch_op.drop_index(batch_op.f('ix_incidents_org_path'))
        batch_op.drop_index(batch_op.f('ix_incidents_grid_id'))
        batch_op.drop_index(batch_op.f('ix_incidents_category'))
        batch_op.drop_index(batch_op.f('ix_incidents_assignee_worker_id'))
        batch_op.drop_index(batch_op.f('ix_incidents_assignee_org_id'))

    op.drop_table('incidents')
    with op.batch_alter_table('gps_fixes', schema=None) as batch_op:
        batch_op.drop_index('ix_gps_fixes_worker_t')

    op.drop_table('gps_fixes')
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkins_worker_id'))
        batch_op.drop_index(batch_op.f('ix_checkins_premise_id'))

    op.drop_table('checkins')
    with op.batch_alter_table('workers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_workers_org_path'))
        batch_op.drop_index(batch_op.f('ix_workers_grid_id'))

    op.drop_table('workers')
    op.drop_table('users')
    with op.batch_alter_table('premises', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_premises_type'))
        batch_op.drop_index(batch_op.f('ix_premises_status'))
        batch_op.drop_index(batch_op.f('ix_premises_org_path'))
        batch_op.drop_index(batch_op.f('ix_premises_next_inspection'))
        batch_op.drop_index(batch_op.f('ix_premises_name'))
        batch_op.drop_index(batch_op.f('ix_premises_grid_id'))

    op.drop_table('premises')
    with op.batch_alter_table('checklist_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_items_template_id'))

    op.drop_table('checklist_items')
    with op.batch_alter_table('cameras', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cameras_org_unit_id'))
        batch_op.drop_index(batch_op.f('ix_cameras_org_path'))

    op.drop_table('cameras')
    op.drop_table('settings')
    with op.batch_alter_table('org_units', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_org_units_path'))
        batch_op.drop_index(batch_op.f('ix_org_units_parent_id'))
        batch_op.drop_index(batch_op.f('ix_org_units_kind'))

    op.drop_table('org_units')
    with op.batch_alter_table('checklist_templates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklist_templates_premise_type'))

    op.drop_table('checklist_templates')
    op.drop_table('change_log')
