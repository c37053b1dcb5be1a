"""audit chains per workstation, append-only audit, one admitted patient per bed

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

- audit_rec: one hash chain per workstation, its next seq claimed by UNIQUE(chain_id,
  chain_seq), so no audit row is ever updated or locked (revision 0001's audit_log and its
  single head row stay, read-only, so their chain can still be proved).
- SQLite: triggers refuse UPDATE and DELETE on the audit tables (servers: grants, `db sql`).
- uq_encounter_bed_occupant: the database refuses a second admitted stay in a bed.
"""
from __future__ import annotations

from typing import Sequence, Union

import sqlalchemy as sa
from alembic import op
from sqlalchemy.sql.elements import Grouping

import app.store.types
from app.store.append_only import APPEND_ONLY_TABLES, sqlite_drop_triggers, sqlite_triggers

revision: str = '0002'
down_revision: Union[str, None] = '0001'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def _refuse_double_occupancy() -> None:
    """The index cannot be built over beds that already hold two admitted stays: say which."""
    if op.get_context().as_sql:
        return
    rows = op.get_bind().execute(sa.text(
        "SELECT bed_id, COUNT(*) FROM encounter WHERE status = 'admitted' AND bed_id IS NOT NULL "
        "GROUP BY bed_id HAVING COUNT(*) > 1")).fetchall()
    if rows:
        beds = ", ".join(str(r[0]) for r in rows)
        raise RuntimeError(f"beds with more than one admitted stay (resolve them first): {beds}")


def upgrade() -> None:
    op.create_table('audit_rec',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('chain_id', sa.String(length=60), nullable=False),
    sa.Column('chain_seq', sa.BigInteger(), nullable=False),
    sa.Column('at', app.store.types.UTCDateTime(), nullable=False),
    sa.Column('staff_id', sa.String(length=36), nullable=True),
    sa.Column('workstation', sa.String(length=60), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('entity', sa.String(length=20), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('patient_id', sa.String(length=36), nullable=True),
    sa.Column('before_data', app.store.types.JSONText(), nullable=True),
    sa.Column('after_data', app.store.types.JSONText(), nullable=True),
    sa.Column('op_id', sa.String(length=36), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('row_hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_audit_rec_staff_id')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_rec')),
    sa.UniqueConstraint('chain_id', 'chain_seq', name='uq_audit_rec_chain_seq')
    )
    op.create_index('ix_audit_rec_entity', 'audit_rec', ['entity', 'entity_id'], unique=False)
    op.create_index('ix_audit_rec_op', 'audit_rec', ['op_id'], unique=False)
    op.create_index('ix_audit_rec_patient', 'audit_rec', ['patient_id'], unique=False)
    _refuse_double_occupancy()
    encounter = sa.table('encounter', sa.column('status'), sa.column('bed_id'))
    op.create_index('uq_encounter_bed_occupant', 'encounter',
                    [Grouping(sa.case((encounter.c.status == 'admitted', encounter.c.bed_id)))],
                    unique=True)
    if op.get_context().dialect.name == 'sqlite':
        for table in APPEND_ONLY_TABLES:
            for stmt in sqlite_triggers(table):
                op.execute(stmt)


def downgrade() -> None:
    if op.get_context().dialect.name == 'sqlite':
        for table in APPEND_ONLY_TABLES:
            for stmt in sqlite_drop_triggers(table):
                op.execute(stmt)
    op.drop_index('uq_encounter_bed_occupant', table_name='encounter')
    op.drop_index('ix_audit_rec_patient', table_name='audit_rec')
    op.drop_index('ix_audit_rec_op', table_name='audit_rec')
    op.drop_index('ix_audit_rec_entity', table_name='audit_rec')
    op.drop_table('audit_rec')
