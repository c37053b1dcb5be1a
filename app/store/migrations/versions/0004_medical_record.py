"""medical record: the autosave draft slot per author and document, personal phrases, signed
revisions append-only

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

doc_draft holds one row per (document, author), overwritten by autosave (never a revision);
doc_phrase is a doctor's phrase list; consult_req a 会诊 request, its acceptance and answer; doc_handover a doctors' shift handover
(I-PASS per patient) and its acknowledgement. doc_rev, the signed revisions, may no longer be updated
or deleted on SQLite (triggers); server grants are not changed here.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types
from app.store.append_only import sqlite_drop_triggers, sqlite_triggers

revision: str = '0004'
down_revision: Union[str, None] = '0003'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.create_table('doc_draft',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('doc_id', sa.String(length=36), nullable=False),
    sa.Column('author_id', sa.String(length=36), nullable=False),
    sa.Column('body', app.store.types.JSONText(), nullable=False),
    sa.Column('base_rev_no', sa.Integer(), nullable=False),
    sa.Column('saved_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['author_id'], ['staff.id'], name=op.f('fk_doc_draft_author_id')),
    sa.ForeignKeyConstraint(['doc_id'], ['clin_doc.id'], name=op.f('fk_doc_draft_doc_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doc_draft')),
    sa.UniqueConstraint('doc_id', 'author_id', name='uq_doc_draft_slot')
    )
    op.create_table('doc_phrase',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=False),
    sa.Column('sort_key', sa.Integer(), nullable=False),
    sa.Column('text', sa.Unicode(length=200), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_doc_phrase_staff_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doc_phrase'))
    )
    op.create_index(op.f('ix_doc_phrase_staff_id'), 'doc_phrase', ['staff_id'], unique=False)
    op.create_table('consult_req',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('encounter_id', sa.String(length=36), nullable=False),
    sa.Column('requested_by', sa.String(length=36), nullable=False),
    sa.Column('to_dept_id', sa.String(length=36), nullable=False),
    sa.Column('to_staff_id', sa.String(length=36), nullable=True),
    sa.Column('urgent', sa.Boolean(create_constraint=True, name='urgent'), nullable=False),
    sa.Column('question', sa.Unicode(length=500), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('requested_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('accepted_by', sa.String(length=36), nullable=True),
    sa.Column('accepted_at', app.store.types.UTCDateTime(), nullable=True),
    sa.Column('answered_at', app.store.types.UTCDateTime(), nullable=True),
    sa.Column('doc_id', sa.String(length=36), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['accepted_by'], ['staff.id'], name=op.f('fk_consult_req_accepted_by')),
    sa.ForeignKeyConstraint(['doc_id'], ['clin_doc.id'], name=op.f('fk_consult_req_doc_id')),
    sa.ForeignKeyConstraint(['encounter_id'], ['encounter.id'], name=op.f('fk_consult_req_encounter_id')),
    sa.ForeignKeyConstraint(['requested_by'], ['staff.id'], name=op.f('fk_consult_req_requested_by')),
    sa.ForeignKeyConstraint(['to_dept_id'], ['dept.id'], name=op.f('fk_consult_req_to_dept_id')),
    sa.ForeignKeyConstraint(['to_staff_id'], ['staff.id'], name=op.f('fk_consult_req_to_staff_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consult_req'))
    )
    op.create_index('ix_consult_req_dept_status', 'consult_req', ['to_dept_id', 'status'], unique=False)
    op.create_index(op.f('ix_consult_req_encounter_id'), 'consult_req', ['encounter_id'], unique=False)
    op.create_table('doc_handover',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('ward_id', sa.String(length=36), nullable=False),
    sa.Column('from_staff', sa.String(length=36), nullable=False),
    sa.Column('to_staff', sa.String(length=36), nullable=True),
    sa.Column('handed_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('body', app.store.types.JSONText(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('ack_by', sa.String(length=36), nullable=True),
    sa.Column('ack_at', app.store.types.UTCDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('updated_at', app.store.types.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['ack_by'], ['staff.id'], name=op.f('fk_doc_handover_ack_by')),
    sa.ForeignKeyConstraint(['from_staff'], ['staff.id'], name=op.f('fk_doc_handover_from_staff')),
    sa.ForeignKeyConstraint(['to_staff'], ['staff.id'], name=op.f('fk_doc_handover_to_staff')),
    sa.ForeignKeyConstraint(['ward_id'], ['ward.id'], name=op.f('fk_doc_handover_ward_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_doc_handover'))
    )
    op.create_index(op.f('ix_doc_handover_ward_id'), 'doc_handover', ['ward_id'], unique=False)
    if op.get_context().dialect.name == 'sqlite':
        for stmt in sqlite_triggers('doc_rev'):
            op.execute(stmt)


def downgrade() -> None:
    if op.get_context().dialect.name == 'sqlite':
        for stmt in sqlite_drop_triggers('doc_rev'):
            op.execute(stmt)
    op.drop_index(op.f('ix_doc_handover_ward_id'), table_name='doc_handover')
    op.drop_table('doc_handover')
    op.drop_index(op.f('ix_consult_req_encounter_id'), table_name='consult_req')
    op.drop_index('ix_consult_req_dept_status', table_name='consult_req')
    op.drop_table('consult_req')
    op.drop_index(op.f('ix_doc_phrase_staff_id'), table_name='doc_phrase')
    op.drop_table('doc_phrase')
    op.drop_table('doc_draft')
