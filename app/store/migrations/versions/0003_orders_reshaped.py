"""orders reshaped: groups as rows, event history, check overrides, one plan item per dose time,
op records that keep refusals and the server's receipt time

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02

While no hospital has data in the schema (issue 11): 成组医嘱 members reference an order_group
row that holds what they share; every transition is an order_event row; a high alert signed
anyway is an order_override row; order_exec_plan is UNIQUE(order_id, planned_at). med_order
gains use_kind (regular, prn, sos, discharge), line_kind (the red lines: postop, reorganize ...),
abx_grade and the antibiotic approval stamps.
applied_op keeps refused and conflicting ops (reason) and the server's receipt time.
Existing groups get their order_group row from their first member before the foreign key.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0003'
down_revision: Union[str, None] = '0002'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _f(name: str) -> str:
    return name


def _med_order_0002() -> sa.Table:
    """med_order as revisions 0001-0002 left it: SQLite rebuilds the table from this (batch mode
    needs the shape when it cannot reflect, as in `db sql --dialect sqlite`)."""
    return sa.Table(
        'med_order', sa.MetaData(),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('encounter_id', sa.String(length=36), nullable=False),
        sa.Column('term', sa.String(length=4), nullable=False),
        sa.Column('category', sa.String(length=12), nullable=False),
        sa.Column('drug_id', sa.String(length=36), nullable=True),
        sa.Column('item_id', sa.String(length=36), nullable=True),
        sa.Column('content', sa.Unicode(length=200), nullable=False),
        sa.Column('dose', sa.Numeric(precision=12, scale=4), nullable=True),
        sa.Column('dose_unit', sa.String(length=10), nullable=True),
        sa.Column('route_code', sa.String(length=12), nullable=True),
        sa.Column('freq_code', sa.String(length=10), nullable=True),
        sa.Column('first_day_times', sa.SmallInteger(), nullable=True),
        sa.Column('rate', sa.Unicode(length=20), nullable=True),
        sa.Column('group_id', sa.String(length=36), nullable=True),
        sa.Column('group_seq', sa.SmallInteger(), nullable=True),
        sa.Column('skin_test_req', sa.Boolean(create_constraint=True, name='skin_test_req'), nullable=False),
        sa.Column('instruction', sa.Unicode(length=100), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('start_at', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('stop_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('ordered_by', sa.String(length=36), nullable=False),
        sa.Column('signed_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('signed_by', sa.String(length=36), nullable=True),
        sa.Column('verified_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('verified_by', sa.String(length=36), nullable=True),
        sa.Column('stop_signed_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('stopped_by', sa.String(length=36), nullable=True),
        sa.Column('stop_checked_at', app.store.types.UTCDateTime(), nullable=True),
        sa.Column('stop_checked_by', sa.String(length=36), nullable=True),
        sa.Column('void_reason', sa.Unicode(length=100), nullable=True),
        sa.Column('return_reason', sa.Unicode(length=100), nullable=True),
        sa.Column('verbal', sa.Boolean(create_constraint=True, name='verbal'), nullable=False),
        sa.Column('override_reason', sa.Unicode(length=200), nullable=True),
        sa.Column('print_page', sa.Integer(), nullable=True),
        sa.Column('print_row', sa.SmallInteger(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', app.store.types.UTCDateTime(), nullable=False),
        sa.Column('updated_at', app.store.types.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['drug_id'], ['drug.id'], name=_f('fk_med_order_drug_id')),
        sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=_f('fk_med_order_encounter_id')),
        sa.ForeignKeyConstraint(['freq_code'], ['freq.code'], name=_f('fk_med_order_freq_code')),
        sa.ForeignKeyConstraint(['item_id'], ['order_item.id'], name=_f('fk_med_order_item_id')),
        sa.ForeignKeyConstraint(['ordered_by'], ['staff.id'], name=_f('fk_med_order_ordered_by')),
        sa.ForeignKeyConstraint(['route_code'], ['route.code'], name=_f('fk_med_order_route_code')),
        sa.ForeignKeyConstraint(['signed_by'], ['staff.id'], name=_f('fk_med_order_signed_by')),
        sa.ForeignKeyConstraint(['stop_checked_by'], ['staff.id'], name=_f('fk_med_order_stop_checked_by')),
        sa.ForeignKeyConstraint(['stopped_by'], ['staff.id'], name=_f('fk_med_order_stopped_by')),
        sa.ForeignKeyConstraint(['verified_by'], ['staff.id'], name=_f('fk_med_order_verified_by')),
        sa.PrimaryKeyConstraint('id', name=_f('pk_med_order')),
        sa.Index('ix_med_order_enc_status', 'encounter_id', 'status'),
        sa.Index('ix_med_order_encounter_id', 'encounter_id'),
        sa.Index('ix_med_order_group_id', 'group_id'),
    )


def upgrade() -> None:
    op.create_table('order_group',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('encounter_id', sa.String(length=36), nullable=False),
    sa.Column('term', sa.String(length=4), nullable=False),
    sa.Column('route_code', sa.String(length=12), nullable=True),
    sa.Column('freq_code', sa.String(length=10), nullable=True),
    sa.Column('rate', sa.Unicode(length=20), nullable=True),
    sa.Column('first_day_times', sa.SmallInteger(), nullable=True),
    sa.Column('start_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('stop_at', app.store.types.UTCDateTime(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_order_group_encounter_id')),
    sa.ForeignKeyConstraint(['freq_code'], ['freq.code'], name=op.f('fk_order_group_freq_code')),
    sa.ForeignKeyConstraint(['route_code'], ['route.code'], name=op.f('fk_order_group_route_code')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_group'))
    )
    op.create_index(op.f('ix_order_group_encounter_id'), 'order_group', ['encounter_id'], unique=False)
    op.create_table('order_override',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('rule', sa.String(length=60), nullable=False),
    sa.Column('category', sa.String(length=30), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('message', sa.Unicode(length=200), nullable=True),
    sa.Column('reason', sa.Unicode(length=200), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=False),
    sa.Column('at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('op_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['med_order.id'], name=op.f('fk_order_override_order_id')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_order_override_staff_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_override'))
    )
    op.create_index(op.f('ix_order_override_order_id'), 'order_override', ['order_id'], unique=False)
    op.create_table('order_event',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=True),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=False),
    sa.Column('reason', sa.Unicode(length=200), nullable=True),
    sa.Column('op_id', sa.String(length=36), nullable=True),
    sa.Column('device_time', app.store.types.UTCDateTime(), nullable=True),
    sa.ForeignKeyConstraint(['order_id'], ['med_order.id'], name=op.f('fk_order_event_order_id')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_order_event_staff_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_event'))
    )
    op.create_index(op.f('ix_order_event_order_id'), 'order_event', ['order_id'], unique=False)
    op.create_table('order_exec_plan',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('order_id', sa.String(length=36), nullable=False),
    sa.Column('planned_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['med_order.id'], name=op.f('fk_order_exec_plan_order_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_exec_plan')),
    sa.UniqueConstraint('order_id', 'planned_at', name='uq_order_exec_plan_slot')
    )
    op.add_column('applied_op', sa.Column('reason', sa.Unicode(length=200), nullable=True))
    op.add_column('applied_op', sa.Column('received_at', app.store.types.UTCDateTime(), nullable=True))
    op.add_column('applied_op', sa.Column('payload_version', sa.SmallInteger(), nullable=True))
    # Existing groups: the first member's shared fields become the group row.
    op.execute(
        "INSERT INTO order_group (id, encounter_id, term, route_code, freq_code, rate, "
        "first_day_times, start_at, stop_at, status, version, created_at, updated_at) "
        "SELECT m.group_id, m.encounter_id, m.term, m.route_code, m.freq_code, m.rate, "
        "m.first_day_times, m.start_at, m.stop_at, m.status, 1, m.created_at, m.updated_at "
        "FROM med_order m WHERE m.group_id IS NOT NULL AND m.group_seq = "
        "(SELECT MIN(m2.group_seq) FROM med_order m2 WHERE m2.group_id = m.group_id)")
    # SQLite rebuilds the table (app/store/migrate.py turns foreign keys off around the run and
    # checks them all before the commit, as SQLite's own ALTER TABLE procedure says).
    sqlite = op.get_context().dialect.name == 'sqlite'
    with op.batch_alter_table('med_order', copy_from=_med_order_0002() if sqlite else None,
                              recreate='always' if sqlite else 'never') as batch:
        batch.add_column(sa.Column('use_kind', sa.String(length=10), nullable=False,
                                   server_default='regular'))
        batch.add_column(sa.Column('line_kind', sa.String(length=12), nullable=True))
        batch.add_column(sa.Column('abx_grade', sa.SmallInteger(), nullable=False,
                                   server_default='0'))
        batch.add_column(sa.Column('approved_at', app.store.types.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('approved_by', sa.String(length=36), nullable=True))
        batch.create_foreign_key(op.f('fk_med_order_group_id'), 'order_group', ['group_id'], ['id'])
        batch.create_foreign_key(op.f('fk_med_order_approved_by'), 'staff', ['approved_by'], ['id'])


def downgrade() -> None:
    sqlite = op.get_context().dialect.name == 'sqlite'
    with op.batch_alter_table('med_order', recreate='always' if sqlite else 'never') as batch:
        batch.drop_constraint(op.f('fk_med_order_approved_by'), type_='foreignkey')
        batch.drop_constraint(op.f('fk_med_order_group_id'), type_='foreignkey')
        batch.drop_column('approved_by')
        batch.drop_column('approved_at')
        batch.drop_column('abx_grade')
        batch.drop_column('line_kind')
        batch.drop_column('use_kind')
    op.drop_column('applied_op', 'payload_version')
    op.drop_column('applied_op', 'received_at')
    op.drop_column('applied_op', 'reason')
    op.drop_table('order_exec_plan')
    op.drop_index(op.f('ix_order_event_order_id'), table_name='order_event')
    op.drop_table('order_event')
    op.drop_index(op.f('ix_order_override_order_id'), table_name='order_override')
    op.drop_table('order_override')
    op.drop_index(op.f('ix_order_group_encounter_id'), table_name='order_group')
    op.drop_table('order_group')
