"""member_inst, referral, exchange_out: the regional exchange (医联体/区域平台); patient.health_card

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04

The member institutions as data, referrals up and down (a state row with a version), and the
server-side outbox of FHIR Bundles for the platforms, its Bundle identifier UNIQUE so a resend is
never a second copy (app/store/schema_exchange.py). patient.health_card (居民健康卡号) is a plain
nullable ADD COLUMN on every engine.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0014'
down_revision: Union[str, None] = '0013'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _flag(name: str) -> sa.Boolean:
    return sa.Boolean(create_constraint=True, name=name)


def upgrade() -> None:
    uuid = app.store.types.uuid_type
    utc = app.store.types.UTCDateTime
    op.add_column('patient', sa.Column('health_card', sa.String(length=30), nullable=True))
    op.create_table(
        'member_inst',
        sa.Column('id', uuid(), nullable=False),
        sa.Column('code', sa.String(length=30), nullable=False),
        sa.Column('name', sa.Unicode(length=80), nullable=False),
        sa.Column('inst_level', sa.String(length=10), nullable=False),
        sa.Column('endpoint', sa.String(length=200), nullable=False),
        sa.Column('is_active', _flag('is_active'), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', utc(), nullable=False),
        sa.Column('updated_at', utc(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_member_inst'),
        sa.UniqueConstraint('code', name='uq_member_inst_code'),
    )
    op.create_table(
        'referral',
        sa.Column('id', uuid(), nullable=False),
        sa.Column('direction', sa.String(length=4), nullable=False),
        sa.Column('inbound', _flag('inbound'), nullable=False),
        sa.Column('encounter_id', uuid(), nullable=True),
        sa.Column('patient_id', uuid(), nullable=True),
        sa.Column('inst_id', uuid(), nullable=False),
        sa.Column('reason', sa.Unicode(length=200), nullable=False),
        sa.Column('to_dept', sa.Unicode(length=60), nullable=False),
        sa.Column('dept_id', uuid(), nullable=True),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('reject_reason', sa.Unicode(length=200), nullable=True),
        sa.Column('bundle_ident', sa.String(length=64), nullable=False),
        sa.Column('patient_name', sa.Unicode(length=40), nullable=True),
        sa.Column('summary', app.store.types.JSONText(), nullable=True),
        sa.Column('created_by', uuid(), nullable=True),
        sa.Column('sent_by', uuid(), nullable=True),
        sa.Column('sent_at', utc(), nullable=True),
        sa.Column('answered_by', uuid(), nullable=True),
        sa.Column('answered_at', utc(), nullable=True),
        sa.Column('completed_at', utc(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('created_at', utc(), nullable=False),
        sa.Column('updated_at', utc(), nullable=False),
        sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name='fk_referral_encounter_id'),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name='fk_referral_patient_id'),
        sa.ForeignKeyConstraint(['inst_id'], ['member_inst.id'], name='fk_referral_inst_id'),
        sa.ForeignKeyConstraint(['dept_id'], ['dept.id'], name='fk_referral_dept_id'),
        sa.ForeignKeyConstraint(['created_by'], ['staff.id'], name='fk_referral_created_by'),
        sa.ForeignKeyConstraint(['sent_by'], ['staff.id'], name='fk_referral_sent_by'),
        sa.ForeignKeyConstraint(['answered_by'], ['staff.id'], name='fk_referral_answered_by'),
        sa.PrimaryKeyConstraint('id', name='pk_referral'),
        sa.UniqueConstraint('bundle_ident', name='uq_referral_bundle_ident'),
    )
    op.create_index('ix_referral_encounter_id', 'referral', ['encounter_id'], unique=False)
    op.create_index('ix_referral_dept_status', 'referral', ['dept_id', 'status'], unique=False)
    op.create_table(
        'exchange_out',
        sa.Column('id', uuid(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('bundle_ident', sa.String(length=64), nullable=False),
        sa.Column('referral_id', uuid(), nullable=True),
        sa.Column('inst_id', uuid(), nullable=False),
        sa.Column('patient_id', uuid(), nullable=True),
        sa.Column('payload', app.store.types.JSONText(), nullable=False),
        sa.Column('state', sa.String(length=8), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_try_at', utc(), nullable=False),
        sa.Column('last_status', sa.SmallInteger(), nullable=True),
        sa.Column('last_error', sa.Unicode(length=400), nullable=True),
        sa.Column('remote_ref', sa.String(length=200), nullable=True),
        sa.Column('queued_at', utc(), nullable=False),
        sa.Column('sent_at', utc(), nullable=True),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], name='fk_exchange_out_referral_id'),
        sa.ForeignKeyConstraint(['inst_id'], ['member_inst.id'], name='fk_exchange_out_inst_id'),
        sa.ForeignKeyConstraint(['patient_id'], ['patient.id'], name='fk_exchange_out_patient_id'),
        sa.PrimaryKeyConstraint('id', name='pk_exchange_out'),
        sa.UniqueConstraint('bundle_ident', name='uq_exchange_out_bundle_ident'),
    )
    op.create_index('ix_exchange_out_referral_id', 'exchange_out', ['referral_id'], unique=False)
    op.create_index('ix_exchange_out_due', 'exchange_out', ['state', 'next_try_at'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_exchange_out_due', table_name='exchange_out')
    op.drop_index('ix_exchange_out_referral_id', table_name='exchange_out')
    op.drop_table('exchange_out')
    op.drop_index('ix_referral_dept_status', table_name='referral')
    op.drop_index('ix_referral_encounter_id', table_name='referral')
    op.drop_table('referral')
    op.drop_table('member_inst')
    with op.batch_alter_table('patient') as batch:
        batch.drop_column('health_card')
