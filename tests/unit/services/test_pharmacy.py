"""集中发送 on the seeded demo ward (real SQLite): the ward's doses in a window as a request with
lines per patient and drug in dispensing units, each dose sent once, and a stopped order's sent
doses coming back as a 退药 request."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.errors import ValidationError
from app.ids import new_id
from app.services import order_commands as oc
from app.services.demo_ids import demo_id
from app.services.pharmacy import SendToPharmacy, pharmacy_lines, units_per_dose
from app.services.write import run_command
from app.store.db import Database
from app.store.schema import pharm_req
from tests.unit.services import test_execution as te
from tests.unit.services import test_orders as t
from tests.unit.services.conftest import NOW

WARD = demo_id("ward")


def send(db: Database, **kw: Any) -> Any:
    return run_command(db, "pc-n", SendToPharmacy(op_id=new_id(), actor_id=te.NURSE, device_time=NOW,
                                                  ward_id=WARD, window_from=NOW,
                                                  window_to=NOW + timedelta(hours=24), **kw))


def lines(db: Database) -> list[Any]:
    with db.connect() as conn:
        return pharmacy_lines(conn, WARD, NOW - timedelta(days=1))


def test_units_per_dose() -> None:
    assert units_per_dose(Decimal(2), "g", Decimal(1), "g") == 2
    assert units_per_dose(Decimal(500), "mg", Decimal("0.25"), "g") == 2
    assert units_per_dose(Decimal(20), "mg", Decimal(20), "mg") == 1
    assert units_per_dose(Decimal(5000), "U", None, None) == 1


def test_the_wards_doses_are_sent_once_and_a_stop_returns_what_was_sent(demo_engine: Database) -> None:
    cef = te.verified_order(demo_engine, t.fields("注射用头孢曲松钠 2g", "J01DD04.02", "2", "g", "ivgtt", "bid"))  # noqa: E501
    te.generate(demo_engine)
    send(demo_engine)
    sent = [ln for ln in lines(demo_engine) if ln.kind == "send"]
    assert sent and all(ln.mrn and ln.patient_name and ln.quantity > 0 and ln.unit for ln in sent)
    mine = next(ln for ln in sent if ln.content.startswith("注射用头孢曲松钠 2g") and ln.bed_no == "7")
    assert mine.unit == "瓶" and mine.quantity == mine.doses        # 2 g from a 2 g vial
    with pytest.raises(ValidationError) as err:
        send(demo_engine)                                          # every dose is already requested
    assert err.value.message_id == "pharm.nothing_to_send"
    t.act(demo_engine, oc.StopOrder, cef, t.DOCTOR, stop_at=NOW + timedelta(minutes=1))
    t.act(demo_engine, oc.ConfirmStop, cef, te.NURSE)
    send(demo_engine)
    back = [ln for ln in lines(demo_engine) if ln.kind == "return"]
    assert [ln.doses for ln in back if ln.content.startswith("注射用头孢曲松钠 2g")] == [mine.doses]
    with demo_engine.connect() as conn:
        assert set(conn.execute(select(pharm_req.c.status)).scalars()) == {"sent", "returned"}


def test_dispensing_units_by_form() -> None:
    from app.services.pharmacy import dispensing_unit

    assert [dispensing_unit(f, "mg") for f in ("片", "胶囊", "注射液", "注射用粉针", "吸入混悬液")] == \
        ["片", "粒", "支", "瓶", "支"]
    assert dispensing_unit("未知剂型", "ml") == "ml"
