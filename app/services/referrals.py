"""Reads of 双向转诊 for the chart and the department (issue 17): the member institutions to pick
from, a stay's referrals with how far their Bundle got to the platform (queued, sent, failed
with the platform's words), and the referrals that came in for a department."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Optional

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.store.schema import exchange_out, member_inst, referral


@dataclass(frozen=True)
class Institution:
    id: str
    code: str
    name: str
    level: str                      # tertiary / secondary / primary


@dataclass(frozen=True)
class ReferralRow:
    id: str
    direction: str                  # up / down
    inbound: bool
    inst_name: str
    reason: str
    to_dept: str
    status: str                     # draft, sent, accepted, rejected, completed
    reject_reason: Optional[str]
    created_at: datetime
    sent_at: Optional[datetime]
    delivery: Optional[str]         # the Bundle: queued / sent / failed (None: not queued)
    delivery_error: Optional[str]
    patient_name: Optional[str]
    version: int
    summary: Any = None             # inbound: the Bundle as received (its documents, its source)


def institutions(conn: Connection) -> list[Institution]:
    """Active member institutions, higher levels first, then by name."""
    rank = {"tertiary": 0, "secondary": 1, "primary": 2}
    rows = conn.execute(select(member_inst.c.id, member_inst.c.code, member_inst.c.name,
                               member_inst.c.inst_level).where(member_inst.c.is_active == True)  # noqa: E712
                        ).all()
    return sorted((Institution(str(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows),
                  key=lambda i: (rank.get(i.level, 9), i.name))


def _rows(conn: Connection, where: object) -> list[ReferralRow]:
    sent = exchange_out.alias("sent")
    query = (select(referral, member_inst.c.name.label("inst_name"), sent.c.state.label("delivery"),
                    sent.c.last_error.label("delivery_error"))
             .join(member_inst, member_inst.c.id == referral.c.inst_id)
             .outerjoin(sent, (sent.c.referral_id == referral.c.id) & (sent.c.kind == "referral"))
             .where(where).order_by(referral.c.created_at.desc(), referral.c.id))   # type: ignore[arg-type]
    return [ReferralRow(r["id"], r["direction"], bool(r["inbound"]), r["inst_name"], r["reason"],
                        r["to_dept"], r["status"], r["reject_reason"], r["created_at"], r["sent_at"],
                        r["delivery"], r["delivery_error"], r["patient_name"], int(r["version"]),
                        r["summary"])
            for r in conn.execute(query).mappings()]


def stay_referrals(conn: Connection, encounter_id: str) -> list[ReferralRow]:
    return _rows(conn, referral.c.encounter_id == encounter_id)


def incoming(conn: Connection, dept_id: str) -> list[ReferralRow]:
    """Referrals received for the department, newest first (answered ones too: their status)."""
    return _rows(conn, (referral.c.inbound == True) & (referral.c.dept_id == dept_id))  # noqa: E712



@dataclass(frozen=True)
class FreeBed:
    id: str
    bed_no: str


def free_beds(conn: Connection, ward_id: str) -> list[FreeBed]:
    """The ward's active beds nobody is admitted to, in the ward's order (收入院)."""
    from app.store.schema import bed, encounter

    used = select(encounter.c.bed_id).where(encounter.c.status == "admitted") \
        .where(encounter.c.bed_id.is_not(None))
    return [FreeBed(str(r.id), str(r.bed_no)) for r in conn.execute(
        select(bed.c.id, bed.c.bed_no).where(bed.c.ward_id == ward_id)
        .where(bed.c.is_active == True).where(bed.c.id.not_in(used))  # noqa: E712
        .order_by(bed.c.sort_key))]
