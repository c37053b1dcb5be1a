"""the change sequence: one row per patient and entity kind a write touched, numbered by the
server, for "anything after N for my ward?" (offline replica, screens' freshness)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0007'
down_revision: Union[str, None] = '0006'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('change_seq',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
              sa.Identity(always=False, start=1), nullable=False),
    sa.Column('ward_id', sa.String(length=36), nullable=False),
    sa.Column('patient_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('recorded_at', app.store.types.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_change_seq'))
    )
    op.create_index('ix_change_seq_ward_seq', 'change_seq', ['ward_id', 'seq'], unique=False)
    op.create_index('ix_change_seq_ward_at', 'change_seq', ['ward_id', 'recorded_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_change_seq_ward_at', table_name='change_seq')
    op.drop_index('ix_change_seq_ward_seq', table_name='change_seq')
    op.drop_table('change_seq')
