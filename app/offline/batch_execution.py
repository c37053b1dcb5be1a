"""The set-based replay form of RecordExecution (app/services/execution.record_execution).

The same checks, from the same code (`check_execution`), on what a run needs read once for all
its commands: their plan items with their orders and groups, the second nurses' rights, the
wards' skin-test states, and the items' records (started, voided, the phase claims taken: one
read). A later command of the run sees what earlier ones recorded (a claim taken, an
infusion started, a temp order executed), as it would one by one; every fact goes in with one
multi-row INSERT. A claim another PC took after the read fails the INSERT as a whole: the batch
is then run again with this run one by one (app/offline/batching.py), where each command gets its
own answer. Skin-test states read once are exact for the run: a run holds no skin-test result
(another command type, which ends a run), and a record never makes a state worse.
tests/unit/offline/test_batch_execution.py compares both forms.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any, Optional

from sqlalchemy import insert, or_, select

from app.domain import execution as ex
from app.domain import orders as od
from app.errors import ValidationError, WardStationError
from app.offline.batching import Stale, handles_batch, id_chunks, movable
from app.services.execution import (
    RecordExecution,
    audit_execution,
    check_execution,
    fact_values,
    item_select,
    mark_temp_executed,
    ward_skin_states,
)
from app.services.handlers import actor_permissions
from app.services.uow import UnitOfWork
from app.store.schema import med_order, order_exec, order_exec_plan


def _items(uow: UnitOfWork, plan_ids: Sequence[str]) -> dict[str, list[dict[str, Any]]]:
    """plan id -> its rows as `_item` returns them (the named item first, then its group's)."""
    base = item_select()
    heads: dict[str, dict[str, Any]] = {}
    for part in id_chunks(plan_ids):
        for r in uow.conn.execute(base.where(order_exec_plan.c.id.in_(part))).mappings():
            heads[str(r["plan_id"])] = dict(r)
    groups = {h["group_id"] for h in heads.values() if h["group_id"]}
    members: dict[tuple[str, Any], list[dict[str, Any]]] = {}
    for part in id_chunks(list(groups)):
        times = sorted({h["planned_at"] for h in heads.values() if h["group_id"] in part})
        for r in uow.conn.execute(base.where(med_order.c.group_id.in_(part))
                                  .where(order_exec_plan.c.planned_at.in_(times))
                                  .order_by(med_order.c.group_seq)).mappings():
            members.setdefault((r["group_id"], r["planned_at"]), []).append(dict(r))
    # One dict per plan item, shared by every command naming it: a status one command changes
    # (a temp order executed) is what the next one sees.
    shared: dict[str, dict[str, Any]] = dict(heads)
    for group in members.values():
        for member in group:
            shared.setdefault(str(member["plan_id"]), member)
    out: dict[str, list[dict[str, Any]]] = {}
    for plan_id, head in heads.items():
        if not head["group_id"]:
            out[plan_id] = [head]
            continue
        rest = [shared[str(r["plan_id"])] for r in members.get((head["group_id"], head["planned_at"]), [])
                if str(r["plan_id"]) != plan_id]
        out[plan_id] = [head, *rest]
    return out


def _records(uow: UnitOfWork, plan_ids: Sequence[str]) -> tuple[dict[str, int], set[str], set[str]]:
    """What the items' records say, in one read a chunk: per item how many of its records were
    voided (`_voided_counts`), the items started and not voided (`started_items`), and the phase
    claims already taken."""
    rows: dict[str, Any] = {}
    for part in id_chunks(plan_ids):
        mine = select(order_exec.c.id).where(order_exec.c.plan_id.in_(part))
        for r in uow.conn.execute(
                select(order_exec.c.id, order_exec.c.plan_id, order_exec.c.voids_id, order_exec.c.status,
                       order_exec.c.claim_key)
                .where(or_(order_exec.c.plan_id.in_(part), order_exec.c.voids_id.in_(mine)))):
            rows[str(r.id)] = r
    wanted = set(plan_ids)
    voids = Counter(str(r.voids_id) for r in rows.values() if r.voids_id is not None)
    voided: dict[str, int] = {}
    running: set[str] = set()
    taken: set[str] = set()
    for rid, r in rows.items():
        plan = str(r.plan_id)
        if plan not in wanted:
            continue
        if voids[rid]:
            voided[plan] = voided.get(plan, 0) + voids[rid]
        elif r.status == ex.STARTED:
            running.add(plan)
        if r.claim_key is not None:
            taken.add(str(r.claim_key))
    return voided, running, taken


movable(RecordExecution)


@handles_batch(RecordExecution)
def record_executions(uow: UnitOfWork, cmds: Sequence[RecordExecution],
                      stale: Stale) -> list[Optional[WardStationError]]:
    items = _items(uow, [cmd.plan_id for cmd in cmds])
    every = sorted({r["plan_id"] for rows in items.values() for r in rows})
    voided, running, taken = _records(uow, every)
    rights: dict[str, frozenset[str]] = {}
    skin: dict[str, dict[tuple[str, str], str]] = {}

    def permissions(staff_id: str) -> frozenset[str]:
        if staff_id not in rights:
            rights[staff_id] = actor_permissions(uow.conn, staff_id)
        return rights[staff_id]

    def states(tested: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
        ward = str(tested[0]["ward_id"])
        if ward not in skin:
            skin[ward] = ward_skin_states(uow.conn, ward, uow.now)
        return skin[ward]

    errors: list[Optional[WardStationError]] = []
    facts: list[dict[str, Any]] = []
    for cmd in cmds:
        rows = items.get(cmd.plan_id)
        try:
            if rows is None:
                if cmd.kind not in ex.KINDS:
                    raise ValidationError("exec.bad_kind", kind=cmd.kind)
                raise ValidationError("not_found", entity="plan_item", id=cmd.plan_id)
            reason = check_execution(uow, cmd, rows, permissions=permissions, skin=states,
                                     started=lambda plan_id: plan_id in running)
        except WardStationError as error:
            errors.append(error)
            continue
        first = True
        for r in rows:
            values = fact_values(uow, cmd, r, reason)
            claim = ex.claim_key(r["plan_id"], cmd.kind, voided.get(r["plan_id"], 0))
            if claim in taken:           # another nurse's record holds the phase: kept, flagged
                facts.append({**values, "claim_key": None, "is_duplicate": True,
                              "flag_note": f"duplicate of {r['plan_id']}"[:100]})
                first = False
            else:
                taken.add(claim)
                facts.append({**values, "claim_key": claim, "is_duplicate": False, "flag_note": None})
            if cmd.kind == ex.STARTED:
                running.add(r["plan_id"])
        if first and cmd.kind == ex.DONE and rows[0]["term"] == od.TEMP:
            mark_temp_executed(uow, cmd, rows)
        audit_execution(uow, cmd, rows, first)
        errors.append(None)
    if facts:
        uow.conn.execute(insert(order_exec), facts)
    return errors
