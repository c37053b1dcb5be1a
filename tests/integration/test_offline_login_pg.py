"""Through an outage on the real PostgreSQL behind the fault proxy, with the app's own backend
(AppBackend on a server profile, its replica in SQLCipher with the key in a real Secret Service):
a nurse who signed in on this PC before signs in again while the server is away, and sees her ward
and a chart from the replica; a colleague who never signed in here cannot; a wrong password still
counts; reads go straight to the replica while the health check says the server is away and back
to the server when it answers again."""
from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from app.errors import AuthError, OfflineError
from app.services.demo_ids import demo_id
from app.store.db import Database
from tests import secret_service
from tests.netfault import FreezableProxy

keyring_service = secret_service.keyring_fixture()


def test_a_nurse_signs_in_and_reads_her_ward_through_an_outage(
        keyring_service: Any, seeded_pg: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app.services.ward import list_wards
    from ui.operations.backend import AppBackend

    monkeypatch.setenv("WARDSTATION_DATA_DIR", str(tmp_path))
    url = make_url(seeded_pg.url.render_as_string(hide_password=False))
    with FreezableProxy(int(url.port or 5432)) as proxy:
        via = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        backend = AppBackend(profile_name="ward-outage", url=via)
        try:
            backend.prepare(lambda *_a: None)
            nurse = backend.authenticate("liufang", "demo-nurse1")      # online: noted for later
            assert backend.offline is not None
            backend.offline.refresh(backend._require(), demo_id("ward"))   # the replica follows
            online_beds = [c.bed_no for c in backend.ward_overview(demo_id("ward")) if c.occupied]

            proxy.freeze()                                            # the server stops answering
            start = time.monotonic()
            with pytest.raises(OfflineError):
                backend.health_check(2.0)
            assert backend.server_down
            again = backend.authenticate("liufang", "demo-nurse1")
            assert again.id == nurse.id and time.monotonic() - start < 10
            with pytest.raises(AuthError) as never_here:
                backend.authenticate("zhaoli", "demo-nurse1")          # never signed in on this PC
            assert never_here.value.message_id == "auth.offline_unknown_user"
            with pytest.raises(AuthError) as wrong:
                backend.authenticate("liufang", "a guess")
            assert wrong.value.message_id == "auth.bad_credentials"
            started = time.monotonic()
            wards = backend.read(list_wards)
            beds = [c.bed_no for c in backend.ward_overview(demo_id("ward")) if c.occupied]
            header = backend.open_chart(demo_id("encounter", 7), nurse.id)
            assert time.monotonic() - started < 3                     # no deadline waited out
            assert any(w.ward_id == demo_id("ward") for w in wards)
            assert beds == online_beds and header.name

            proxy.thaw()                                              # the server is back
            backend.health_check(5.0)
            assert not backend.server_down
            assert backend.authenticate("liufang", "demo-nurse1").id == nurse.id
        finally:
            backend.close()
