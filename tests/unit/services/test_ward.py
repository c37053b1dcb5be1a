"""The ward overview and patient header as the ward sees them on the seeded demo ward."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from app.services import ward
from app.services.audit import verify_all
from app.services.demo_ids import demo_id
from app.store.schema import audit_rec, vital_obs
from tests.unit.services.conftest import NOW


@contextmanager
def count_queries(engine: Engine) -> Iterator[list[str]]:
    statements: list[str] = []

    def before(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        statements.append(statement)

    sa.event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        sa.event.remove(engine, "before_cursor_execute", before)


def _overview(engine: Engine) -> list[ward.BedCard]:
    with engine.connect() as conn:
        wards = ward.list_wards(conn)
        return ward.ward_overview(conn, wards[0].ward_id, now=NOW)


def test_list_wards_names_the_demo_ward(demo_engine: Engine) -> None:
    with demo_engine.connect() as conn:
        (info,) = ward.list_wards(conn)
    assert (info.name, info.dept_name, info.bed_count) == ("内科一病区", "内科", 40)


def test_overview_shows_every_bed_in_order_with_32_patients(demo_engine: Engine) -> None:
    cards = _overview(demo_engine)
    assert [c.bed_no for c in cards] == [str(n) for n in range(1, 41)]
    assert sum(c.occupied for c in cards) == 32
    empty = next(c for c in cards if c.bed_no == "4")
    assert not empty.occupied and empty.name == ""


def test_bed_12_is_critical_with_its_diagnosis_and_doctors(demo_engine: Engine) -> None:
    card = next(c for c in _overview(demo_engine) if c.bed_no == "12")
    assert card.acuity == "critical" and card.nursing_grade == 0
    assert card.name == "褚卫东" and card.age_years == 78 and card.sex == "M"
    assert card.diagnosis == "上消化道出血"
    assert (card.attending_name, card.resident_name) == ("李明", "张伟")
    assert card.days_in_hospital == 3
    acuity = [c.acuity for c in _overview(demo_engine) if c.occupied]
    # The demo ward: one 病危 and two 病重 patients.
    assert (acuity.count("critical"), acuity.count("serious")) == (1, 2)


def test_allergies_on_cards_include_a_positive_skin_test(demo_engine: Engine) -> None:
    cards = {c.bed_no: c for c in _overview(demo_engine)}
    assert cards["5"].allergies == ("青霉素",)
    assert "青霉素" in cards["25"].allergies      # skin test positive -> allergy list
    assert cards["22"].allergies == ()            # skin test negative
    assert cards["1"].allergies == ()


def test_admission_day_counts_as_day_one(demo_engine: Engine) -> None:
    cards = {c.bed_no: c for c in _overview(demo_engine)}
    assert cards["11"].days_in_hospital == 1
    assert cards["10"].days_in_hospital == 15


def test_overview_is_two_queries_for_the_whole_ward(demo_engine: Engine) -> None:
    with demo_engine.connect() as conn:
        ward_id = ward.list_wards(conn)[0].ward_id
        with count_queries(demo_engine.engine) as statements:
            cards = ward.ward_overview(conn, ward_id, now=NOW)
    assert len(cards) == 40
    assert len(statements) <= 2, statements


def test_febrile_patient_latest_temperature_has_come_down(demo_engine: Engine) -> None:
    enc = demo_id("encounter", 8)
    with demo_engine.connect() as conn:
        temps = conn.execute(select(vital_obs.c.measured_at, vital_obs.c.num_value)
                             .where(vital_obs.c.encounter_id == enc)
                             .where(vital_obs.c.item == "temp")
                             .order_by(vital_obs.c.measured_at)).all()
    values = [float(t.num_value) for t in temps]
    assert max(values) >= 39.0                 # spiked early in the stay
    assert values[-1] < 37.5                   # and is down on day 4 at 10:30
    assert temps[-1].measured_at <= NOW


def test_patient_header_and_audited_chart_view(demo_engine: Engine, tmp_path: Path) -> None:
    """The header is a pure read; the view is queued locally and reaches the chain later."""
    from app.services.audit_spool import AuditSpool

    enc = demo_id("encounter", 8)
    with demo_engine.connect() as conn:
        header = ward.patient_header(conn, enc, now=NOW)
        before = conn.execute(select(func.count()).select_from(audit_rec)).scalar_one()
    assert header.name == "郑国庆" and header.bed_no == "8" and header.ward_name == "内科一病区"
    assert header.diagnoses == ("社区获得性肺炎", "2型糖尿病")
    assert header.days_in_hospital == 4
    spool = AuditSpool(tmp_path / "spool.sqlite", scope="demo")
    spool.add(ward.chart_view(enc, header.patient_id, demo_id("staff", "liming"), at=NOW))
    spool.close()
    with demo_engine.connect() as conn:           # nothing written on the read path
        assert conn.execute(select(func.count()).select_from(audit_rec)).scalar_one() == before
    again = AuditSpool(tmp_path / "spool.sqlite", scope="demo")      # as after a crash
    assert again.pending() == 1
    assert again.drain(demo_engine, "ws-7") == 1 and again.pending() == 0
    with demo_engine.connect() as conn:
        last = conn.execute(select(audit_rec).where(audit_rec.c.chain_id == "ws-7")
                            .order_by(audit_rec.c.chain_seq.desc())).mappings().first()
        assert last is not None
        assert (last["action"], last["entity_id"], last["workstation"]) == ("view", enc, "ws-7")
        assert last["at"] == NOW
        assert all(r.intact for r in verify_all(conn))


def test_a_drain_repeated_after_a_crash_writes_nothing_twice(demo_engine: Engine,
                                                            tmp_path: Path) -> None:
    from app.services.audit_spool import AuditSpool, _to_json

    spool = AuditSpool(tmp_path / "spool.sqlite", scope="demo")
    for bed in (1, 2, 3):
        spool.add(ward.chart_view(demo_id("encounter", bed), demo_id("patient", bed),
                                   demo_id("staff", "liming"), at=NOW))
    queued = spool.peek()
    spool.drain(demo_engine, "ws-8")
    for n, entry in queued:                       # the local delete "did not happen"
        spool._conn.execute("INSERT INTO spool (n, scope, entry) VALUES (?, ?, ?)",
                            (n, "demo", _to_json(entry)))
    assert spool.drain(demo_engine, "ws-8") == 0
    with demo_engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(audit_rec)
                            .where(audit_rec.c.chain_id == "ws-8")).scalar_one() == 3
    other = AuditSpool(tmp_path / "spool.sqlite", scope="another database")
    assert other.pending() == 0
