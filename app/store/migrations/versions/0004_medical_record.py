"""medical record: the autosave draft slot per author and document, personal phrases, signed
revisions append-only

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

doc_draft holds one row per (document, author), overwritten by autosave (never a revision);
doc_phrase is a doctor's phrase list. doc_rev, the signed revisions, may no longer be updated
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
    if op.get_context().dialect.name == 'sqlite':
        for stmt in sqlite_triggers('doc_rev'):
            op.execute(stmt)


def downgrade() -> None:
    if op.get_context().dialect.name == 'sqlite':
        for stmt in sqlite_drop_triggers('doc_rev'):
            op.execute(stmt)
    op.drop_index(op.f('ix_doc_phrase_staff_id'), table_name='doc_phrase')
    op.drop_table('doc_phrase')
    op.drop_table('doc_draft')
