"""consumables: 附材 dictionary, binding rules, bound items, the request's consumable lines

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0010'
down_revision: Union[str, None] = '0009'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None

UUID = app.store.types.uuid_type
TS = app.store.types.UTCDateTime


def upgrade() -> None:
    op.create_table(
        'consumable',
        sa.Column('id', UUID(), nullable=False),
        sa.Column('code', sa.String(length=30), nullable=False),
        sa.Column('name', sa.Unicode(length=40), nullable=False),
        sa.Column('spec', sa.Unicode(length=40), nullable=True),
        sa.Column('unit', sa.Unicode(length=10), nullable=False),
        sa.Column('price', sa.Numeric(precision=10, scale=2), nullable=True),
        sa.Column('is_active', sa.Boolean(create_constraint=True, name='is_active'), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_consumable'),
        sa.UniqueConstraint('code', name='uq_consumable_code'),
    )
    op.create_table(
        'cons_rule',
        sa.Column('id', UUID(), nullable=False),
        sa.Column('code', sa.String(length=30), nullable=False),
        sa.Column('route_code', sa.String(length=12), nullable=True),
        sa.Column('category', sa.String(length=12), nullable=True),
        sa.Column('item_id', UUID(), nullable=True),
        sa.Column('drug_form', sa.Unicode(length=20), nullable=True),
        sa.Column('consumable_id', UUID(), nullable=False),
        sa.Column('quantity', sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column('per', sa.String(length=8), nullable=False),
        sa.Column('priority', sa.SmallInteger(), nullable=False),
        sa.Column('is_active', sa.Boolean(create_constraint=True, name='is_active'), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', TS(), nullable=False),
        sa.Column('updated_at', TS(), nullable=False),
        sa.ForeignKeyConstraint(['route_code'], ['route.code'], name='fk_cons_rule_route_code'),
        sa.ForeignKeyConstraint(['item_id'], ['order_item.id'], name='fk_cons_rule_item_id'),
        sa.ForeignKeyConstraint(['consumable_id'], ['consumable.id'], name='fk_cons_rule_consumable_id'),
        sa.PrimaryKeyConstraint('id', name='pk_cons_rule'),
        sa.UniqueConstraint('code', name='uq_cons_rule_code'),
    )
    op.create_table(
        'order_cons',
        sa.Column('id', UUID(), nullable=False),
        sa.Column('order_id', UUID(), nullable=False),
        sa.Column('plan_id', UUID(), nullable=False),
        sa.Column('bind_key', sa.String(length=100), nullable=False),
        sa.Column('rule_id', UUID(), nullable=True),
        sa.Column('consumable_id', UUID(), nullable=False),
        sa.Column('quantity', sa.Numeric(precision=8, scale=2), nullable=False),
        sa.Column('per', sa.String(length=8), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('added_by', UUID(), nullable=True),
        sa.Column('add_reason', sa.Unicode(length=100), nullable=True),
        sa.Column('removed_by', UUID(), nullable=True),
        sa.Column('removed_at', TS(), nullable=True),
        sa.Column('remove_reason', sa.Unicode(length=100), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', TS(), nullable=False),
        sa.Column('updated_at', TS(), nullable=False),
        sa.ForeignKeyConstraint(['order_id'], ['med_order.id'], name='fk_order_cons_order_id'),
        sa.ForeignKeyConstraint(['plan_id'], ['order_exec_plan.id'], name='fk_order_cons_plan_id'),
        sa.ForeignKeyConstraint(['rule_id'], ['cons_rule.id'], name='fk_order_cons_rule_id'),
        sa.ForeignKeyConstraint(['consumable_id'], ['consumable.id'], name='fk_order_cons_consumable_id'),
        sa.ForeignKeyConstraint(['added_by'], ['staff.id'], name='fk_order_cons_added_by'),
        sa.ForeignKeyConstraint(['removed_by'], ['staff.id'], name='fk_order_cons_removed_by'),
        sa.PrimaryKeyConstraint('id', name='pk_order_cons'),
        sa.UniqueConstraint('bind_key', name='uq_order_cons_bind_key'),
    )
    op.create_index('ix_order_cons_order_id', 'order_cons', ['order_id'], unique=False)
    op.create_index('ix_order_cons_plan_id', 'order_cons', ['plan_id'], unique=False)
    op.create_table(
        'preq_cons',
        sa.Column('id', UUID(), nullable=False),
        sa.Column('req_id', UUID(), nullable=False),
        sa.Column('encounter_id', UUID(), nullable=False),
        sa.Column('consumable_id', UUID(), nullable=False),
        sa.Column('n_items', sa.Integer(), nullable=False),
        sa.Column('quantity', sa.Numeric(precision=12, scale=2), nullable=False),
        sa.Column('unit', sa.Unicode(length=10), nullable=False),
        sa.ForeignKeyConstraint(['req_id'], ['pharm_req.id'], name='fk_preq_cons_req_id'),
        sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name='fk_preq_cons_encounter_id'),
        sa.ForeignKeyConstraint(['consumable_id'], ['consumable.id'],
                                name='fk_preq_cons_consumable_id'),
        sa.PrimaryKeyConstraint('id', name='pk_preq_cons'),
    )
    op.create_index('ix_preq_cons_req_id', 'preq_cons', ['req_id'], unique=False)
    op.create_table(
        'preq_cons_item',
        sa.Column('bound_id', UUID(), nullable=False),
        sa.Column('line_id', UUID(), nullable=False),
        sa.ForeignKeyConstraint(['bound_id'], ['order_cons.id'], name='fk_preq_cons_item_bound_id'),
        sa.ForeignKeyConstraint(['line_id'], ['preq_cons.id'], name='fk_preq_cons_item_line_id'),
        sa.PrimaryKeyConstraint('bound_id', name='pk_preq_cons_item'),
    )
    op.create_index('ix_preq_cons_item_line_id', 'preq_cons_item', ['line_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_preq_cons_item_line_id', table_name='preq_cons_item')
    op.drop_table('preq_cons_item')
    op.drop_index('ix_preq_cons_req_id', table_name='preq_cons')
    op.drop_table('preq_cons')
    op.drop_index('ix_order_cons_plan_id', table_name='order_cons')
    op.drop_index('ix_order_cons_order_id', table_name='order_cons')
    op.drop_table('order_cons')
    op.drop_table('cons_rule')
    op.drop_table('consumable')
