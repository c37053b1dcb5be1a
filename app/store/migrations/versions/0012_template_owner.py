"""doc_template.owner_id: personal templates (owner set), beside the department's (dept_id set)
and the hospital's (neither); doc_phrase.text up to 500 characters

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03

A nullable column with a foreign key to staff and its index: on SQLite a plain ADD COLUMN with
the reference inline (no table rebuild); on the server engines ADD COLUMN, then the named
constraint. doc_phrase.text is widened (200 -> 500): SQLite rebuilds that small table from its
shape as revision 0004 made it (batch mode cannot reflect in `db sql --dialect sqlite`).
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op

import app.store.types

revision: str = '0012'
down_revision: Union[str, None] = '0011'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _doc_phrase_0004() -> sa.Table:
    return sa.Table(
        'doc_phrase', sa.MetaData(),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('staff_id', sa.String(length=36), nullable=False),
        sa.Column('sort_key', sa.Integer(), nullable=False),
        sa.Column('text', sa.Unicode(length=200), nullable=False),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name='fk_doc_phrase_staff_id'),
        sa.PrimaryKeyConstraint('id', name='pk_doc_phrase'),
        sa.Index('ix_doc_phrase_staff_id', 'staff_id'),
    )


def _phrase_text(old: int, new: int) -> None:
    sqlite = op.get_context().dialect.name == 'sqlite'
    shape = _doc_phrase_0004() if sqlite and old == 200 else None
    with op.batch_alter_table('doc_phrase', copy_from=shape,
                              recreate='always' if sqlite else 'never') as batch:
        batch.alter_column('text', existing_type=sa.Unicode(length=old),
                           type_=sa.Unicode(length=new), existing_nullable=False)
        if new > old:        # edits and removals of a phrase carry the version the user saw
            batch.add_column(sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
        else:
            batch.drop_column('version')


def upgrade() -> None:
    owner = sa.Column('owner_id', app.store.types.uuid_type(), nullable=True)
    if op.get_context().dialect.name == 'sqlite':
        owner.append_foreign_key(sa.ForeignKey('staff.id', name='fk_doc_template_owner_id'))
        op.add_column('doc_template', owner, inline_references=True)
    else:
        op.add_column('doc_template', owner)
        op.create_foreign_key('fk_doc_template_owner_id', 'doc_template', 'staff',
                              ['owner_id'], ['id'])
    op.create_index('ix_doc_template_owner_id', 'doc_template', ['owner_id'], unique=False)
    _phrase_text(200, 500)


def downgrade() -> None:
    _phrase_text(500, 200)
    op.drop_index('ix_doc_template_owner_id', table_name='doc_template')
    sqlite = op.get_context().dialect.name == 'sqlite'
    with op.batch_alter_table('doc_template', recreate='always' if sqlite else 'never') as batch:
        if not sqlite:
            batch.drop_constraint('fk_doc_template_owner_id', type_='foreignkey')
        batch.drop_column('owner_id')
