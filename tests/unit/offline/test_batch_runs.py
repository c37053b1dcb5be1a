"""A replay batch groups commands into runs of one type without changing what any patient sees:
a command moves ahead only of commands of other types naming none of its ids, never across a
command of a type that may depend on more (a barrier). A mixed backlog (facts, 病情 and 护理级别
changes, some stale, some refused, a conflict followed by another change of the same row)
replayed in batches leaves the server as the same queue replayed one command per batch, in
far fewer statements."""
from __future__ import annotations

import shutil
import uuid
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from app.offline.batching import _load, _runs
from app.offline.outbox import Outbox
from app.offline.replay import replay
from app.services import commands as c
from app.services.demo_ids import demo_id
from app.services.vitals_cmds import RecordVitals, VitalValue, VoidVital
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import allergy, applied_op, encounter, vital_obs
from tests.unit.services.conftest import NOW, make_engine
from tests.unit.services.test_vitals import SLOT_14

NURSE, DOCTOR, INTERN = demo_id("staff", "liufang"), demo_id("staff", "liming"), demo_id("staff", "chenxiao")
CHIEF = demo_id("staff", "wangjg")
BEDS = (1, 2, 3, 5, 6, 7, 8, 9)


def _id(*parts: object) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_OID, "batch-runs:" + ":".join(map(str, parts))))


def _allergy(n: object, bed: int) -> c.RecordAllergy:
    return c.RecordAllergy(op_id=_id("op", n), actor_id=NURSE, device_time=NOW,
                           patient_id=demo_id("patient", bed), allergy_id=_id("allergy", n),
                           substance=f"混合药物{n}")


def _vitals(n: object, bed: int, pulse: int = 80) -> RecordVitals:
    return RecordVitals(op_id=_id("op", n), actor_id=NURSE, device_time=NOW,
                        encounter_id=demo_id("encounter", bed), measured_at=SLOT_14, slot_at=SLOT_14,
                        values=(VitalValue(obs_id=_id("obs", n), item="pulse", value=Decimal(pulse)),))


def _acuity(n: object, bed: int, base: int, value: str = "serious", actor: str = DOCTOR) -> c.SetAcuity:
    return c.SetAcuity(op_id=_id("op", n), actor_id=actor, device_time=NOW,
                       encounter_id=demo_id("encounter", bed), base_version=base, acuity=value)


def _grade(n: object, bed: int, base: int, grade: int) -> c.SetNursingGrade:
    return c.SetNursingGrade(op_id=_id("op", n), actor_id=DOCTOR, device_time=NOW,
                             encounter_id=demo_id("encounter", bed), base_version=base,
                             nursing_grade=grade)


def test_runs_keep_each_rows_order_and_never_cross_a_barrier() -> None:
    _load()
    void = VoidVital(op_id=_id("op", "void"), actor_id=NURSE, device_time=NOW,
                     obs_id=_id("obs", "v1"), void_id=_id("void"), reason="录错")
    queue = [_allergy("a1", 1), _acuity("s1", 1, 1), _allergy("a2", 2), _vitals("v1", 1),
             _allergy("a3", 1), _acuity("s2", 2, 1), _vitals("v2", 2), _grade("g1", 1, 2, 1),
             _vitals("v3", 1), void, _allergy("a4", 3), _allergy("a5", 5)]
    runs = _runs(queue)
    names = [[cmd.op_id for cmd in run] for run in runs]
    flat = [op for run in names for op in run]
    assert sorted(flat) == sorted(cmd.op_id for cmd in queue)          # each once
    position = {op: n for n, run in enumerate(names) for op in run}
    # Each patient's (each row's) commands in the queue's order ...
    for first, later in (("a1", "a3"), ("s1", "g1"), ("v1", "v3")):    # within a run: in order
        assert position[_id("op", first)] <= position[_id("op", later)], (first, later)
        if position[_id("op", first)] == position[_id("op", later)]:
            run = names[position[_id("op", first)]]
            assert run.index(_id("op", first)) < run.index(_id("op", later))
    # ... a2 joins a1's run (another patient) but a3 must wait for nothing of its own: bed 1's
    # allergies name the patient, the 病情 the stay, so a3 may join that run too.
    assert position[_id("op", "a2")] == position[_id("op", "a1")]
    # A vitals row needs only that the stay exists: it may pass a 病情 change of the same stay
    # (they commute), so the vitals of beds 1 and 2 share one run.
    assert position[_id("op", "v1")] == position[_id("op", "v2")]
    # Nothing crosses the VoidVital: what came before runs before it, what came after after.
    barrier = position[void.op_id]
    assert all(position[_id("op", t)] < barrier
               for t in ("a1", "s1", "a2", "v1", "a3", "s2", "v2", "g1", "v3"))
    assert all(position[_id("op", t)] > barrier for t in ("a4", "a5"))
    # 病情 and 护理级别 have one set-based form: s1, s2 and g1 (after s1 on the same stay) share a
    # run, in the queue's order.
    assert position[_id("op", "s1")] == position[_id("op", "s2")] == position[_id("op", "g1")]
    assert len(runs) <= 5


def _queue() -> list[c.Command]:
    cmds: list[c.Command] = []
    versions = {bed: 1 for bed in BEDS}
    for n in range(160):
        bed = BEDS[n % len(BEDS)]
        cmds.append(_allergy(n, bed) if n % 3 else _vitals(n, bed, 70 + n % 20))
        if n % 9 == 4:
            cmds.append(_acuity(f"s{n}", bed, versions[bed], ("critical", "serious", "stable")[n % 3]))
            versions[bed] += 1
        if n % 17 == 8:
            cmds.append(_grade(f"g{n}", bed, versions[bed], n % 4))
            versions[bed] += 1
    cmds += [
        _acuity("stale", 9, 99),                      # a base the server never had
        _acuity("after-stale", 9, versions[9] + 1),   # typed after that one, offline: a conflict too
        _acuity("intern", 7, versions[7], actor=INTERN),
        _acuity("bad", 6, versions[6], value="dying"),
        _grade("bad-grade", 5, versions[5], 7),
        _acuity("nobody", 1, 1).__class__(op_id=_id("op", "nobody"), actor_id=DOCTOR, device_time=NOW,
                                          encounter_id=_id("no-encounter"), base_version=1,
                                          acuity="serious"),
    ]
    return cmds


def _state(db: Database) -> dict[str, Any]:
    with db.connect() as conn:
        def rows(query: Any) -> list[tuple[str, ...]]:
            return sorted(tuple(map(str, r)) for r in conn.execute(query).all())

        return {
            "encounter": rows(select(encounter.c.id, encounter.c.acuity, encounter.c.nursing_grade,
                                     encounter.c.version)),
            "allergy": rows(select(allergy.c.id, allergy.c.patient_id, allergy.c.substance)),
            "vitals": rows(select(vital_obs.c.id, vital_obs.c.num_value, vital_obs.c.op_id)),
            "ops": rows(select(applied_op.c.op_id, applied_op.c.outcome, applied_op.c.reason)),
        }


def _replayed(seeded_file: Path, tmp: Path, batch: int) -> tuple[dict[str, Any], int]:
    shutil.copy(seeded_file, tmp / f"server-{batch}.db")
    db = make_engine(tmp / f"server-{batch}.db")
    try:
        # Meanwhile, online, the chief changes bed 9's 病情: the ward's first offline change of it
        # meets a conflict, and each later one was typed on a version the server never had.
        with db.connect() as conn:
            seen = conn.execute(select(encounter.c.version)
                                .where(encounter.c.id == demo_id("encounter", 9))).scalar_one()
        run_command(db, "pc-b", _acuity("online", 9, int(seen), "critical", actor=CHIEF))
        box = Outbox(tmp / f"outbox-{batch}.sqlite")
        for cmd in _queue():
            box.enqueue(cmd)
        statements: list[str] = []
        event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(str(args[2])))
        report = replay(box, db, "pc-off", batch=batch)
        assert report.remaining == 0
        box.close()
        return _state(db), len(statements)
    finally:
        db.dispose()


def test_a_mixed_backlog_in_batches_equals_it_one_command_at_a_time(
        seeded_file: Path, tmp_path: Path) -> None:
    batched, many = _replayed(seeded_file, tmp_path, 500)
    single, each = _replayed(seeded_file, tmp_path, 1)
    assert batched == single
    outcome = {op: state for op, state, _ in batched["ops"]}
    assert outcome[_id("op", "stale")] == "conflict"
    assert outcome[_id("op", "after-stale")] == "conflict"        # never on top of the server's
    assert outcome[_id("op", "intern")] == "rejected"
    assert outcome[_id("op", "bad")] == outcome[_id("op", "bad-grade")] == "rejected"
    assert outcome[_id("op", "nobody")] == "rejected"
    assert outcome[_id("op", "s4")] == "applied"
    # Bed 9: the chief's value stays; every offline change of it is a conflict for a person.
    assert outcome[_id("op", "s31")] == outcome[_id("op", "s103")] == "conflict"
    assert outcome[_id("op", "g127")] == "conflict"
    bed9 = next(row for row in batched["encounter"] if row[0] == demo_id("encounter", 9))
    assert bed9[1] == "critical"
    assert many * 10 < each, (many, each)
