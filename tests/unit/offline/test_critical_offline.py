"""危急值 through an outage: the ward's replica holds its open critical values, a nurse
acknowledges one there (the same handler), the acknowledgement waits in the outbox and replays
once onto the server with who, when and whom she told; one acknowledged meanwhile on the server
by another nurse is refused on replay, never applied twice."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import select

from app.ids import new_id
from app.offline.mode import OfflineLayer
from app.services import critical as cv
from app.services.critical_cmds import AcknowledgeCriticalValue
from app.store.db import Database
from app.store.schema import applied_op
from tests.unit.services import test_critical as t
from tests.unit.services.conftest import NOW


@pytest.fixture
def keyring_service() -> Iterator[Any]:
    """The replica's key in a keyring held in memory: what is under test is the replica, the
    outbox and the replay (the Secret Service backend has its own tests, test_replica.py)."""
    import keyring
    from keyring.backend import KeyringBackend

    class MemoryKeyring(KeyringBackend):
        priority = 1
        store: ClassVar[dict[tuple[str, str], str]] = {}

        def get_password(self, service: str, username: str) -> Any:
            return self.store.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.store[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.store.pop((service, username), None)

    previous = keyring.get_keyring()
    backend = MemoryKeyring()  # type: ignore[no-untyped-call]
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def _ack(alert: cv.CriticalAlert, actor: str, told: str) -> AcknowledgeCriticalValue:
    return AcknowledgeCriticalValue(op_id=new_id(), actor_id=actor, device_time=NOW, critical_id=alert.id,
                                    encounter_id=alert.encounter_id, base_version=alert.version,
                                    told_name=told)


def test_an_acknowledgement_typed_offline_is_queued_and_replayed_once(
        keyring_service: Any, demo_engine: Database, tmp_path: Path) -> None:
    first = t.report(demo_engine, test="K", value="6.8")
    second = t.report(demo_engine, test="NA", value="118", mrn="24310008")
    layer = OfflineLayer(tmp_path, "ward-cv", "pc-cv")
    assert layer.refresh(demo_engine, t.WARD) == 1                       # the ward's replica
    alerts = {a.id: a for a in layer.read(lambda conn: cv.open_alerts(conn, t.WARD))}
    assert set(alerts) == {first, second}                                 # readable offline
    mine = _ack(alerts[first], t.LIUFANG, "张伟")
    layer.execute(mine)                                                   # the server is not asked
    stale = _ack(alerts[second], t.LIUFANG, "李明")
    layer.execute(stale)
    assert layer.queued() == 2
    assert [a.id for a in layer.read(lambda conn: cv.open_alerts(conn, t.WARD))] == []   # off the banner
    with demo_engine.connect() as conn:
        assert {a.id for a in cv.open_alerts(conn, t.WARD)} == {first, second}          # not yet
    t.ack(demo_engine, second, actor=t.ZHAOLI, told="李明", told_id=None)   # meanwhile, online
    done = layer.replay(demo_engine)
    assert (done.applied, done.remaining) == (1, 0)
    assert layer.replay(demo_engine).applied == 0                         # once
    layer.close()
    with demo_engine.connect() as conn:
        taken = cv.get(conn, first)
        other = cv.get(conn, second)
        outcome = conn.execute(select(applied_op.c.outcome, applied_op.c.reason)
                               .where(applied_op.c.op_id == stale.op_id)).one()
    assert taken is not None
    assert (taken.status, taken.ack_by_name, taken.told_name) == (cv.ACKED, "刘芳", "张伟")
    assert other is not None and other.ack_by_name == "赵丽"              # the first word stands
    assert outcome.outcome == "rejected" and outcome.reason == "critical.already_acknowledged"
