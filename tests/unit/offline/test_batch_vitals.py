"""A ward's charting typed offline, replayed set-based (app/offline/batch_vitals.py), leaves the
server as the same commands sent one at a time through the online write path: the same rows, the
same refusals (a time in the future, an unknown bed, a weight jump not confirmed, a correction of
a row someone corrected first), the same op records; and a run costs a few statements, not a
few per command."""
from __future__ import annotations

import contextlib
import shutil
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, select

from app.clock import utcnow
from app.domain import vitals as dv
from app.errors import WardStationError
from app.offline.outbox import Outbox
from app.offline.replay import replay
from app.services import commands as c
from app.services.demo_ids import demo_id
from app.services.vitals_cmds import RecordVitals, VitalValue
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import applied_op, vital_obs
from tests.unit.services.conftest import NOW, make_engine
from tests.unit.services.test_vitals import SLOT_14

NURSE = demo_id("staff", "liufang")
ENCS = [demo_id("encounter", bed) for bed in (1, 2, 3, 5, 6, 7, 8, 9)]


def _id(*parts: object) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_OID, "batch-vitals:" + ":".join(map(str, parts))))


def _v(tag: object, item: str, value: Any = None, **kw: Any) -> VitalValue:
    from decimal import Decimal

    return VitalValue(obs_id=_id("obs", tag, item), item=item,
                      value=None if value is None else Decimal(str(value)), **kw)


def _vitals(n: object, enc: str, *values: VitalValue, **kw: Any) -> RecordVitals:
    slot = kw.pop("slot", SLOT_14)
    return RecordVitals(op_id=_id("op", n), actor_id=kw.pop("actor", NURSE), device_time=NOW,
                        encounter_id=enc, measured_at=kw.pop("at", slot), values=values,
                        slot_at=slot, **kw)


def _charted(db: Database, enc: str) -> str:
    """The last pulse the demo charted (a correction's target)."""
    with db.connect() as conn:
        found = conn.execute(select(vital_obs.c.id).where(vital_obs.c.encounter_id == enc)
                             .where(vital_obs.c.item == dv.PULSE)
                             .order_by(vital_obs.c.measured_at.desc()).limit(1)).scalar_one()
    return str(found)


def _queue(db: Database) -> list[c.Command]:
    cmds: list[c.Command] = []
    for n in range(60):
        enc = ENCS[n % len(ENCS)]
        cmds.append(_vitals(n, enc, _v(n, dv.TEMP, "37.2", method=dv.AXILLARY), _v(n, dv.PULSE, 80 + n % 9)))
        if n % 13 == 0:   # another type in between: the vitals run splits there
            cmds.append(c.RecordAllergy(op_id=_id("allergy", n), actor_id=NURSE, device_time=NOW,
                                        patient_id=demo_id("patient", 3), allergy_id=_id("a", n),
                                        substance=f"批量药物{n}"))
    target = _charted(db, ENCS[2])
    cmds += [
        _vitals("empty", ENCS[0]),                                                   # nothing typed
        _vitals("future", ENCS[1], _v("future", dv.PULSE, 70), slot=None, at=utcnow() + timedelta(days=3)),
        _vitals("nobody", _id("no-encounter"), _v("nobody", dv.PULSE, 70)),
        _vitals("impossible", ENCS[1], _v("impossible", dv.TEMP, "45.5", method=dv.ORAL)),
        _vitals("w1", ENCS[4], _v("w1", dv.WEIGHT, 74), slot=None, at=NOW - timedelta(hours=1)),
        _vitals("w2", ENCS[4], _v("w2", dv.WEIGHT, 66), slot=None, at=NOW),          # -11 % of w1: asked
        _vitals("w3", ENCS[4], _v("w3", dv.WEIGHT, 66), slot=None, at=NOW, confirmed=(dv.WEIGHT,)),
        _vitals("fix1", ENCS[2], _v("fix1", dv.PULSE, 96, voids=target), reason="录错"),
        _vitals("own", ENCS[5], _v("own", dv.PULSE, 77)),
        _vitals("fix-own", ENCS[5], _v("fix-own", dv.PULSE, 78, voids=_id("obs", "own", dv.PULSE)),
                reason="复测"),
        _vitals("other", ENCS[6], _v("other", dv.SPO2, 97), actor=demo_id("staff", "zhouqiang")),
    ]
    return cmds


def _state(db: Database) -> dict[str, Any]:
    with db.connect() as conn:
        return {
            "obs": sorted(tuple(map(str, r)) for r in conn.execute(select(
                vital_obs.c.id, vital_obs.c.encounter_id, vital_obs.c.item, vital_obs.c.num_value,
                vital_obs.c.code, vital_obs.c.voids, vital_obs.c.op_id)).all()),
            "ops": sorted(tuple(map(str, r)) for r in conn.execute(select(
                applied_op.c.op_id, applied_op.c.outcome, applied_op.c.reason)).all()),
        }


def _copy(seeded_file: Path, path: Path) -> Database:
    shutil.copy(seeded_file, path)
    return make_engine(path)


def test_a_set_based_vitals_replay_leaves_the_server_as_the_one_by_one_path(
        seeded_file: Path, tmp_path: Path) -> None:
    batched, single = _copy(seeded_file, tmp_path / "a.db"), _copy(seeded_file, tmp_path / "b.db")
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
        assert a["obs"] == b["obs"]
        assert a["ops"] == b["ops"]
        assert report.remaining == 0 and report.rejected >= 5
        # Refused alike: the future time, the unknown encounter, the impossible value, the weight
        # jump not confirmed, nothing typed, the administrator; applied: both corrections.
        refused = {op for op, outcome, _ in a["ops"] if outcome != "applied"}
        for tag in ("empty", "future", "nobody", "impossible", "w2", "other"):
            assert _id("op", tag) in refused, tag
        for tag in ("w3", "fix1", "fix-own"):
            assert _id("op", tag) not in refused, tag
        # The 60 rounds went in as runs of one INSERT each, not an INSERT per command.
        inserts = [s for s in statements if s.lstrip().upper().startswith("INSERT INTO VITAL_OBS")]
        assert 0 < len(inserts) <= 8, len(inserts)
    finally:
        batched.dispose()
        single.dispose()


def test_two_corrections_of_one_row_in_a_run_keep_the_first(seeded_file: Path, tmp_path: Path) -> None:
    db = _copy(seeded_file, tmp_path / "a.db")
    try:
        target = _charted(db, ENCS[2])
        box = Outbox(tmp_path / "outbox.sqlite")
        for tag in ("first", "second"):
            box.enqueue(_vitals(tag, ENCS[2], _v(tag, dv.PULSE, 90, voids=target), reason="复测"))
        report = replay(box, db, "pc-off")
        assert (report.applied, report.conflicts + report.rejected) == (1, 1)
        with db.connect() as conn:
            fixes = conn.execute(select(vital_obs.c.op_id).where(vital_obs.c.voids == target)).all()
        assert [r.op_id for r in fixes] == [_id("op", "first")]
    finally:
        db.dispose()

