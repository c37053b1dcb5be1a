"""nurse_handover: the nurses' shift handover (护士交接班), one per ward, shift date and shift

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03

A state row (draft -> handed -> received) with a version; counts and per-patient notes as JSON
text (app/store/schema_handover.py). UNIQUE(ward_id, shift_date, shift_code).
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0011'
down_revision: Union[str, None] = '0010'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'nurse_handover',
        sa.Column('id', app.store.types.uuid_type(), nullable=False),
        sa.Column('ward_id', app.store.types.uuid_type(), nullable=False),
        sa.Column('shift_date', sa.Date(), nullable=False),
        sa.Column('shift_code', sa.String(length=8), nullable=False),
        sa.Column('shift_start', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('shift_end', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('counts', app.store.types.JSONText(), nullable=True),
        sa.Column('notes', app.store.types.JSONText(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('drafted_by', app.store.types.uuid_type(), nullable=False),
        sa.Column('handed_by', app.store.types.uuid_type(), nullable=True),
        sa.Column('handed_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('received_by', app.store.types.uuid_type(), nullable=True),
        sa.Column('received_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('updated_at', app.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['ward_id'], ['ward.id'], name='fk_nurse_handover_ward_id'),
        sa.ForeignKeyConstraint(['drafted_by'], ['staff.id'], name='fk_nurse_handover_drafted_by'),
        sa.ForeignKeyConstraint(['handed_by'], ['staff.id'], name='fk_nurse_handover_handed_by'),
        sa.ForeignKeyConstraint(['received_by'], ['staff.id'], name='fk_nurse_handover_received_by'),
        sa.PrimaryKeyConstraint('id', name='pk_nurse_handover'),
        sa.UniqueConstraint('ward_id', 'shift_date', 'shift_code', name='uq_nurse_handover_shift'),
    )


def downgrade() -> None:
    op.drop_table('nurse_handover')
