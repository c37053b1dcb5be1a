"""The narrow face of app/ that the GUI's operations use; every method runs on a worker thread.

`AppBackend` calls the app services with a connection it opens and closes itself, so no widget
ever holds a session or connection (STYLE.md rule 3). Tests hand the operations another object
with the same methods (e.g. one that sleeps, to prove the GUI thread does not wait).
"""
from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, Protocol

if TYPE_CHECKING:
    from app.domain.staff import StaffUser
    from app.domain.ward import BedCard, PatientHeader, WardInfo
    from app.progress import Progress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DemoAccount:
    login: str
    password: str
    role_label_id: str


class Backend(Protocol):
    profile_name: Optional[str]   # None: the embedded demo database

    def prepare(self, progress: Progress) -> list[DemoAccount]: ...
    def authenticate(self, login_name: str, password: str) -> StaffUser: ...
    def list_wards(self) -> list[WardInfo]: ...
    def ward_overview(self, ward_id: str) -> list[BedCard]: ...
    def open_chart(self, encounter_id: str, staff_id: str) -> PatientHeader: ...
    def health_check(self, timeout: float) -> None: ...


def demo_database_path() -> Path:
    """The demo SQLite file in the user's XDG data dir (WARDSTATION_DATA_DIR overrides it)."""
    base = os.environ.get("WARDSTATION_DATA_DIR")
    if not base:
        import platformdirs

        base = platformdirs.user_data_dir("WardStation", appauthor=False)
    return Path(base) / "demo.sqlite"


class AppBackend:
    """The real services: app.services.* over app.store.db.open_database / the demo database."""

    def __init__(self, profile_name: Optional[str] = None, demo_path: Optional[Path] = None) -> None:
        self.profile_name = profile_name
        self._demo_path = demo_path
        self._db: Any = None
        self.workstation = socket.gethostname()

    def prepare(self, progress: Progress) -> list[DemoAccount]:
        if self.profile_name:
            from app.profiles import load_profile
            from app.store.db import open_database

            progress(0, 0, "profile")
            self._db = open_database(load_profile(self.profile_name))
            return []
        import app.services.demo as demo

        path = self._demo_path or demo_database_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = demo.ensure_demo_database(path, progress)
        return [DemoAccount(*row) for row in demo.DEMO_ACCOUNTS]

    def _require(self) -> Any:
        if self._db is None:
            raise RuntimeError("database not prepared")
        return self._db

    def authenticate(self, login_name: str, password: str) -> StaffUser:
        from app.services.auth import authenticate

        with self._require().connect() as conn:
            try:
                user: StaffUser = authenticate(conn, login_name, password, workstation=self.workstation)
                return user
            finally:
                # A failed attempt must still count towards the lockout: commit either way.
                conn.commit()

    def list_wards(self) -> list[WardInfo]:
        from app.services.ward import list_wards

        with self._require().connect() as conn:
            return list(list_wards(conn))

    def ward_overview(self, ward_id: str) -> list[BedCard]:
        from app.services.ward import ward_overview

        with self._require().connect() as conn:
            return list(ward_overview(conn, ward_id))

    def open_chart(self, encounter_id: str, staff_id: str) -> PatientHeader:
        """The patient header; the chart view is audited (DESIGN.md), so this is a write."""
        from app.services.ward import open_chart

        with self._require().begin() as conn:
            header: PatientHeader = open_chart(conn, encounter_id, staff_id=staff_id,
                                               workstation=self.workstation)
            return header

    def health_check(self, timeout: float) -> None:
        """One round trip through the driver under its deadline; raises when the database cannot answer."""
        self._require().ping(timeout)
