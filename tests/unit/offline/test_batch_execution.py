"""A ward's executions typed offline, replayed set-based (app/offline/batch_execution.py), leave
the server as the same commands sent one at a time through the online write path: the same facts
(claims, duplicates flagged), the same temp orders executed, the same refusals (a wrong patient, a
time in the future, a high-alert drug without its second nurse, a finish never started, an item
that does not exist, a skin test not done), the same op records; a run is one INSERT of facts,
not one per command, and charting typed between the executions does not split their run."""
from __future__ import annotations

import contextlib
import shutil
import uuid
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from app.clock import utcnow
from app.errors import WardStationError
from app.offline.outbox import Outbox
from app.offline.replay import replay
from app.services import commands as c
from app.services.execution import RecordExecution, VoidExecution
from app.services.vitals_cmds import RecordVitals, VitalValue
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import applied_op, med_order, order_exec
from tests.unit.services.conftest import NOW, make_engine
from tests.unit.services.test_execution import NURSE, NURSE2, generate, items


def _id(*parts: object) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_OID, "batch-exec:" + ":".join(map(str, parts))))


def _exec(tag: object, item: Any, kind: str = "done", **kw: Any) -> RecordExecution:
    return RecordExecution(op_id=_id("op", tag), actor_id=kw.pop("actor", NURSE), device_time=NOW,
                           fact_id=_id("fact", tag), plan_id=kw.pop("plan_id", item.plan_id), kind=kind,
                           at=kw.pop("at", NOW), patient_mrn=kw.pop("mrn", item.mrn), **kw)


def _queue(db: Database) -> list[c.Command]:
    day = items(db)
    plain = [i for i in day if not i.second_needed and all(d.skin_test is None for d in i.drugs)
             and i.order_status in ("verified", "active")]
    high = [i for i in day if i.second_needed and i.order_status in ("verified", "active")]
    tested = [i for i in day if any(d.skin_test not in (None, "negative") for d in i.drugs)]
    infusion = [i for i in plain if i.sheet == "infusion"]
    assert len(plain) >= 30 and high and infusion
    cmds: list[c.Command] = []
    for n, item in enumerate(plain[:30]):
        if n % 7 == 3:
            cmds.append(_exec(n, item, "not_done", reason_code="patient_refused"))
        else:
            cmds.append(_exec(n, item, second_nurse_id=None))
        if n % 5 == 0:                   # charting in between: a movable type, another row
            cmds.append(RecordVitals(op_id=_id("vit", n), actor_id=NURSE, device_time=NOW,
                                     encounter_id=item.encounter_id, measured_at=NOW,
                                     values=(VitalValue(obs_id=_id("obs", n), item="pulse",
                                                        value=Decimal(80 + n)),)))
    run = infusion[-1]
    cmds += [
        _exec("again", plain[1]),                                       # a second record: flagged
        _exec("wrong-patient", plain[2], mrn="NOBODY"),
        _exec("future", plain[4], at=utcnow() + timedelta(days=2)),
        _exec("high-alone", high[0]),                                   # no second nurse
        _exec("high-self", high[0], second_nurse_id=NURSE),
        _exec("high-ok", high[0], second_nurse_id=NURSE2),
        _exec("finish-first", run, "finished"),                         # never started
        _exec("start", run, "started"),
        _exec("finish", run, "finished"),
        _exec("nothing", run, plan_id=_id("no-such-item")),
        _exec("bad-kind", run, "sang"),
        _exec("not-why", plain[5], "not_done"),
    ]
    cmds.append(_exec("finish-voided", infusion[-2], "finished"))      # its start voided
    if tested:
        cmds.append(_exec("untested", tested[0]))
    return cmds


def _record_and_void(db: Database) -> None:
    """Online, before the outage: a record of plain[6] and the start of infusion[-2], each voided."""
    day = items(db)
    plain = [i for i in day if not i.second_needed and all(d.skin_test is None for d in i.drugs)
             and i.order_status in ("verified", "active")]
    infusion = [i for i in plain if i.sheet == "infusion"]
    assert len(infusion) >= 2
    for tag, item, kind in (("pre", plain[6], "done"), ("pre-start", infusion[-2], "started")):
        run_command(db, "pc-on", _exec(tag, item, kind))
        run_command(db, "pc-on", VoidExecution(op_id=_id("void-op", tag), actor_id=NURSE, device_time=NOW,
                                               fact_id=_id("void", tag), voids_id=_id("fact", tag),
                                               reason="记录错误"))


def _state(db: Database) -> dict[str, Any]:
    with db.connect() as conn:
        return {
            "facts": sorted(tuple(map(str, r)) for r in conn.execute(select(
                order_exec.c.id, order_exec.c.plan_id, order_exec.c.status, order_exec.c.claim_key,
                order_exec.c.is_duplicate, order_exec.c.done_by, order_exec.c.checked_by,
                order_exec.c.reason_code)).all()),
            "orders": sorted(tuple(map(str, r)) for r in conn.execute(select(
                med_order.c.id, med_order.c.status, med_order.c.version)).all()),
            "ops": sorted(tuple(map(str, r)) for r in conn.execute(select(
                applied_op.c.op_id, applied_op.c.outcome, applied_op.c.reason)).all()),
        }


def test_a_set_based_execution_replay_leaves_the_server_as_the_one_by_one_path(
        seeded_file: Path, tmp_path: Path) -> None:
    shutil.copy(seeded_file, tmp_path / "planned.db")
    planned = make_engine(tmp_path / "planned.db")
    generate(planned)                                  # the day's plan items, then two copies
    _record_and_void(planned)
    planned.dispose()
    shutil.copy(tmp_path / "planned.db", tmp_path / "a.db")
    shutil.copy(tmp_path / "planned.db", tmp_path / "b.db")
    batched, single = make_engine(tmp_path / "a.db"), make_engine(tmp_path / "b.db")
    try:
        cmds = _queue(batched)
        box = Outbox(tmp_path / "outbox.sqlite")
        for cmd in cmds:
            box.enqueue(cmd)
        statements: list[str] = []
        event.listen(batched.engine, "before_cursor_execute",
                     lambda *args: statements.append(str(args[2])))
        report = replay(box, batched, "pc-off", batch=500)
        for cmd in cmds:
            with contextlib.suppress(WardStationError):
                run_command(single, "pc-off", cmd)
        a, b = _state(batched), _state(single)
        assert a["facts"] == b["facts"]
        assert a["orders"] == b["orders"]
        assert a["ops"] == b["ops"]
        assert report.remaining == 0
        refused = {op for op, outcome, _ in a["ops"] if outcome != "applied"}
        for tag in ("wrong-patient", "future", "high-alone", "high-self", "finish-first", "nothing",
                    "bad-kind", "not-why", "finish-voided"):
            assert _id("op", tag) in refused, tag
        for tag in ("again", "high-ok", "start", "finish", 0, 3, 6):
            assert _id("op", tag) not in refused, tag
        if any(isinstance(x, RecordExecution) and x.op_id == _id("op", "untested") for x in cmds):
            assert _id("op", "untested") in refused
        duplicates = [f for f in a["facts"] if f[0] == _id("fact", "again")]
        assert duplicates and duplicates[0][4] == "True"
        after_void = [f for f in a["facts"] if f[0] == _id("fact", 6)]   # plain[6]: recorded, voided
        assert after_void and after_void[0][4] == "False"      # the voided record holds no claim
        inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT INTO ORDER_EXEC ")
                   or s.lstrip().upper().startswith("INSERT INTO ORDER_EXEC(")]
        assert 0 < len(inserts) <= 3, len(inserts)     # one run, not one INSERT per command
    finally:
        batched.dispose()
        single.dispose()
