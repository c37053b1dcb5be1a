"""executions as facts against plan items: order_exec gains its plan item, a voids reference,
the claim key that flags a second record of the same item as a duplicate, and the device

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

order_exec rows become insert-only facts (issue 13): done / not_done / started / finished, or
void (a correction naming the fact it voids, once: UNIQUE(voids_id)). The first record of a plan
item's phase takes claim_key (UNIQUE); a second nurse recording the same item at the same time
cannot take it, so her fact is kept with is_duplicate set for review. Old rows keep plan_id NULL.
pharm_req / pharm_req_line / pharm_req_item: 集中发送 to the pharmacy (app/store/schema_nurse.py).
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0006'
down_revision: Union[str, None] = '0005'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _order_exec_0001() -> sa.Table:
    """order_exec as revision 0001 made it: SQLite rebuilds the table from this."""
    return sa.Table(
        'order_exec', sa.MetaData(),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('order_id', sa.String(length=36), nullable=False),
        sa.Column('planned_at', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('done_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('done_by', sa.String(length=36), nullable=True),
        sa.Column('checked_by', sa.String(length=36), nullable=True),
        sa.Column('reason_code', sa.String(length=20), nullable=True),
        sa.Column('reason_text', sa.Unicode(length=100), nullable=True),
        sa.Column('device_time', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('received_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('flag_note', sa.Unicode(length=100), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('updated_at', app.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['checked_by'], ['staff.id'], name='fk_order_exec_checked_by'),
        sa.ForeignKeyConstraint(['done_by'], ['staff.id'], name='fk_order_exec_done_by'),
        sa.ForeignKeyConstraint(['order_id'], ['med_order.id'], name='fk_order_exec_order_id'),
        sa.PrimaryKeyConstraint('id', name='pk_order_exec'),
        sa.Index('ix_order_exec_order_id', 'order_id'),
        sa.Index('ix_order_exec_planned', 'planned_at', 'status'),
    )


def upgrade() -> None:
    sqlite = op.get_context().dialect.name == 'sqlite'
    with op.batch_alter_table('order_exec', copy_from=_order_exec_0001() if sqlite else None,
                              recreate='always' if sqlite else 'never') as batch:
        batch.add_column(sa.Column('plan_id', sa.String(length=36), nullable=True))
        batch.add_column(sa.Column('voids_id', sa.String(length=36), nullable=True))
        batch.add_column(sa.Column('claim_key', sa.String(length=60), nullable=True))
        batch.add_column(sa.Column('is_duplicate', sa.Boolean(create_constraint=True, name='is_duplicate'),
                                   nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column('device_id', sa.String(length=60), nullable=True))
        batch.create_foreign_key(op.f('fk_order_exec_plan_id'), 'order_exec_plan', ['plan_id'], ['id'])
        batch.create_foreign_key(op.f('fk_order_exec_voids_id'), 'order_exec', ['voids_id'], ['id'])
        batch.create_unique_constraint(op.f('uq_order_exec_claim_key'), ['claim_key'])
        batch.create_unique_constraint(op.f('uq_order_exec_voids_id'), ['voids_id'])
        batch.create_index(op.f('ix_order_exec_plan_id'), ['plan_id'], unique=False)
    op.create_table('pharm_req',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('ward_id', sa.String(length=36), nullable=False),
        sa.Column('encounter_id', sa.String(length=36), nullable=True),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('status', sa.String(length=12), nullable=False),
        sa.Column('window_from', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('window_to', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('sent_at', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('sent_by', sa.String(length=36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('updated_at', app.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_pharm_req_encounter_id')),
        sa.ForeignKeyConstraint(['sent_by'], ['staff.id'], name=op.f('fk_pharm_req_sent_by')),
        sa.ForeignKeyConstraint(['ward_id'], ['ward.id'], name=op.f('fk_pharm_req_ward_id')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pharm_req')))
    op.create_index(op.f('ix_pharm_req_ward_id'), 'pharm_req', ['ward_id'], unique=False)
    op.create_table('pharm_req_line',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('req_id', sa.String(length=36), nullable=False),
        sa.Column('encounter_id', sa.String(length=36), nullable=False),
        sa.Column('order_id', sa.String(length=36), nullable=False),
        sa.Column('drug_id', sa.String(length=36), nullable=False),
        sa.Column('doses', sa.Integer(), nullable=False),
        sa.Column('quantity', sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column('unit', sa.Unicode(length=10), nullable=False),
        sa.ForeignKeyConstraint(['drug_id'], ['drug.id'], name=op.f('fk_pharm_req_line_drug_id')),
        sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'],
                                name=op.f('fk_pharm_req_line_encounter_id')),
        sa.ForeignKeyConstraint(['order_id'], ['med_order.id'], name=op.f('fk_pharm_req_line_order_id')),
        sa.ForeignKeyConstraint(['req_id'], ['pharm_req.id'], name=op.f('fk_pharm_req_line_req_id')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_pharm_req_line')))
    op.create_index(op.f('ix_pharm_req_line_req_id'), 'pharm_req_line', ['req_id'], unique=False)
    op.create_table('pharm_req_item',
        sa.Column('plan_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=8), nullable=False),
        sa.Column('line_id', sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(['line_id'], ['pharm_req_line.id'], name=op.f('fk_pharm_req_item_line_id')),
        sa.ForeignKeyConstraint(['plan_id'], ['order_exec_plan.id'], name=op.f('fk_pharm_req_item_plan_id')),
        sa.PrimaryKeyConstraint('plan_id', 'kind', name=op.f('pk_pharm_req_item')))
    op.create_index(op.f('ix_pharm_req_item_line_id'), 'pharm_req_item', ['line_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_pharm_req_item_line_id'), table_name='pharm_req_item')
    op.drop_table('pharm_req_item')
    op.drop_index(op.f('ix_pharm_req_line_req_id'), table_name='pharm_req_line')
    op.drop_table('pharm_req_line')
    op.drop_index(op.f('ix_pharm_req_ward_id'), table_name='pharm_req')
    op.drop_table('pharm_req')
    sqlite = op.get_context().dialect.name == 'sqlite'
    with op.batch_alter_table('order_exec', recreate='always' if sqlite else 'never') as batch:
        batch.drop_index(op.f('ix_order_exec_plan_id'))
        batch.drop_constraint(op.f('uq_order_exec_voids_id'), type_='unique')
        batch.drop_constraint(op.f('uq_order_exec_claim_key'), type_='unique')
        batch.drop_constraint(op.f('fk_order_exec_voids_id'), type_='foreignkey')
        batch.drop_constraint(op.f('fk_order_exec_plan_id'), type_='foreignkey')
        batch.drop_column('device_id')
        batch.drop_column('is_duplicate')
        batch.drop_column('claim_key')
        batch.drop_column('voids_id')
        batch.drop_column('plan_id')
