"""nursing records as facts with corrections: nursing_rec.replaces_id (the line a correction
replaces, each line corrected at most once), reason (why), op_id (the command that wrote it)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03

A correction of a signed 护理记录 line is a new row naming the one it replaces; nothing is
updated (留痕). The unique index on replaces_id makes two racing corrections of the same line
fail in the database, not in Python. Plain ADD COLUMN and CREATE INDEX: no table rebuild on
SQLite.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: Union[str, None] = '0008'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('nursing_rec', sa.Column('replaces_id', sa.String(length=36), nullable=True))
    op.add_column('nursing_rec', sa.Column('reason', sa.Unicode(length=200), nullable=True))
    op.add_column('nursing_rec', sa.Column('op_id', sa.String(length=36), nullable=True))
    op.create_index('uq_nursing_rec_replaces', 'nursing_rec', ['replaces_id'], unique=True)


def downgrade() -> None:
    op.drop_index('uq_nursing_rec_replaces', table_name='nursing_rec')
    with op.batch_alter_table('nursing_rec') as batch:
        batch.drop_column('op_id')
        batch.drop_column('reason')
        batch.drop_column('replaces_id')
