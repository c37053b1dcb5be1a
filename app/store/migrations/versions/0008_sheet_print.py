"""sheet_print: page and row of every line, stop and 取消 printed on a 医嘱单 (续打)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0008'
down_revision: Union[str, None] = '0007'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table(
        'sheet_print',
        sa.Column('id', app.store.types.uuid_type(), nullable=False),
        sa.Column('encounter_id', app.store.types.uuid_type(), nullable=False),
        sa.Column('sheet', sa.String(length=8), nullable=False),
        sa.Column('order_id', app.store.types.uuid_type(), nullable=False),
        sa.Column('what', sa.String(length=8), nullable=False),
        sa.Column('page_no', sa.Integer(), nullable=False),
        sa.Column('row_no', sa.SmallInteger(), nullable=False),
        sa.Column('span', sa.SmallInteger(), nullable=False),
        sa.Column('printed_at', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('printed_by', app.store.types.uuid_type(), nullable=True),
        sa.Column('op_id', app.store.types.uuid_type(), nullable=True),
        sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name='fk_sheet_print_encounter_id'),
        sa.ForeignKeyConstraint(['order_id'], ['med_order.id'], name='fk_sheet_print_order_id'),
        sa.ForeignKeyConstraint(['printed_by'], ['staff.id'], name='fk_sheet_print_printed_by'),
        sa.PrimaryKeyConstraint('id', name='pk_sheet_print'),
        sa.UniqueConstraint('encounter_id', 'sheet', 'order_id', 'what', name='uq_sheet_print_line'),
    )
    op.create_index('ix_sheet_print_enc', 'sheet_print', ['encounter_id', 'sheet'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_sheet_print_enc', table_name='sheet_print')
    op.drop_table('sheet_print')
