"""crit_value: critical values (危急值) the lab reports to the ward, their acknowledgement and
the 病程记录 entry that documents the action

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04

One new table (app/store/schema_critical.py), self-contained: a state row (open -> acked ->
noted) with a version; UNIQUE(source, source_ref) so a resent result never makes a second alert.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0013'
down_revision: Union[str, None] = '0012'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UUID = app.store.types.uuid_type
TS = app.store.types.UTCDateTime


def upgrade() -> None:
    op.create_table(
        'crit_value',
        sa.Column('id', UUID(), nullable=False),
        sa.Column('encounter_id', UUID(), nullable=False),
        sa.Column('lab_result_id', UUID(), nullable=True),
        sa.Column('source', sa.String(length=20), nullable=False),
        sa.Column('source_ref', sa.String(length=64), nullable=False),
        sa.Column('test_code', sa.String(length=12), nullable=True),
        sa.Column('test_name', sa.Unicode(length=60), nullable=False),
        sa.Column('value_text', sa.Unicode(length=60), nullable=False),
        sa.Column('unit', sa.String(length=20), nullable=True),
        sa.Column('abnormal', sa.String(length=2), nullable=True),
        sa.Column('reported_at', TS(), nullable=False),
        sa.Column('received_at', TS(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('ack_by', UUID(), nullable=True),
        sa.Column('ack_at', TS(), nullable=True),
        sa.Column('told_name', sa.Unicode(length=40), nullable=True),
        sa.Column('told_staff_id', UUID(), nullable=True),
        sa.Column('note_doc_id', UUID(), nullable=True),
        sa.Column('noted_by', UUID(), nullable=True),
        sa.Column('noted_at', TS(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', TS(), nullable=False),
        sa.Column('updated_at', TS(), nullable=False),
        sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name='fk_crit_value_encounter_id'),
        sa.ForeignKeyConstraint(['lab_result_id'], ['lab_result.id'], name='fk_crit_value_lab_result_id'),
        sa.ForeignKeyConstraint(['ack_by'], ['staff.id'], name='fk_crit_value_ack_by'),
        sa.ForeignKeyConstraint(['told_staff_id'], ['staff.id'], name='fk_crit_value_told_staff_id'),
        sa.ForeignKeyConstraint(['note_doc_id'], ['clin_doc.id'], name='fk_crit_value_note_doc_id'),
        sa.ForeignKeyConstraint(['noted_by'], ['staff.id'], name='fk_crit_value_noted_by'),
        sa.PrimaryKeyConstraint('id', name='pk_crit_value'),
        sa.UniqueConstraint('source', 'source_ref', name='uq_crit_value_source_ref'),
    )
    op.create_index('ix_crit_value_encounter_id', 'crit_value', ['encounter_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_crit_value_encounter_id', table_name='crit_value')
    op.drop_table('crit_value')
