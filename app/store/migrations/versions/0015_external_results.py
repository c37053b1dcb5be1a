"""ext_result: external results (结果互认) pulled from the platform; order_item.loinc

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-04

One new table (app/store/schema_results.py), self-contained: a report another member institution
holds for one of our patients, UNIQUE(inst_code, source_ref) so pulling it again keeps one row,
and its recognition (互认) as a versioned state. order_item.loinc (the LOINC code an orderable
matches external reports by) is a plain nullable ADD COLUMN on every engine.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0015'
down_revision: Union[str, None] = '0014'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    uuid = app.store.types.uuid_type
    utc = app.store.types.UTCDateTime
    op.add_column('order_item', sa.Column('loinc', sa.String(length=20), nullable=True))
    op.create_table(
        'ext_result',
        sa.Column('id', uuid(), nullable=False),
        sa.Column('patient_id', uuid(), nullable=False),
        sa.Column('inst_code', sa.String(length=30), nullable=False),
        sa.Column('inst_name', sa.Unicode(length=80), nullable=False),
        sa.Column('source_ref', sa.String(length=200), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('code_system', sa.String(length=100), nullable=True),
        sa.Column('code', sa.String(length=40), nullable=True),
        sa.Column('loinc', sa.String(length=20), nullable=True),
        sa.Column('name', sa.Unicode(length=80), nullable=False),
        sa.Column('items', app.store.types.JSONText(), nullable=True),
        sa.Column('conclusion', sa.Unicode(length=1000), nullable=True),
        sa.Column('effective_at', utc(), nullable=False),
        sa.Column('issued_at', utc(), nullable=True),
        sa.Column('fetched_at', utc(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('recognised_by', uuid(), nullable=True),
        sa.Column('recognised_at', utc(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', utc(), nullable=False),
        sa.Column('updated_at', utc(), nullable=False),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name='fk_ext_result_patient_id'),
        sa.ForeignKeyConstraint(['recognised_by'], ['staff.id'], name='fk_ext_result_recognised_by'),
        sa.PrimaryKeyConstraint('id', name='pk_ext_result'),
        sa.UniqueConstraint('inst_code', 'source_ref', name='uq_ext_result_source'),
    )
    op.create_index('ix_ext_result_patient', 'ext_result', ['patient_id', 'effective_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_ext_result_patient', table_name='ext_result')
    op.drop_table('ext_result')
    with op.batch_alter_table('order_item') as batch:
        batch.drop_column('loinc')
