"""vital signs as facts with corrections: vital_obs.voids (the row a correction replaces, each
row corrected at most once), slot_at (the chart slot), op_id (the command that wrote it)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

A correction is a new row naming the one it replaces; nothing is updated. The unique index on
voids makes two racing corrections of the same value fail in the database, not in Python.
Plain ADD COLUMN and CREATE INDEX: no table rebuild on SQLite.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0005'
down_revision: Union[str, None] = '0004'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('vital_obs', sa.Column('voids', sa.String(length=36), nullable=True))
    op.add_column('vital_obs', sa.Column('slot_at', app.store.types.UTCDateTime(), nullable=True))
    op.add_column('vital_obs', sa.Column('op_id', sa.String(length=36), nullable=True))
    op.create_index('uq_vital_obs_voids', 'vital_obs', ['voids'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_vital_obs_voids', table_name='vital_obs')
    with op.batch_alter_table('vital_obs') as batch:
        batch.drop_column('op_id')
        batch.drop_column('slot_at')
        batch.drop_column('voids')
