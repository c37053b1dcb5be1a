"""A service-boundary stand-in for the GUI tests: real read models (app/domain), real AuthError.

It implements ui.operations.backend.Backend with canned data, and can be slowed down or made to
fail. It knows one password and no lockout: sign-in rules are tested on the real services
(tests/ui/conftest.py `real_window`), never re-implemented here.
"""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Optional

from app.domain.staff import StaffUser
from app.domain.ward import BedCard, PatientHeader, WardInfo
from app.errors import AuthError
from app.progress import Progress
from ui.operations.backend import DemoAccount

WARD_ID = "ward-neuro"
NOW = datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc)

USERS = {
    "doctor": StaffUser("u1", "doctor", "王建国", frozenset({"doctor"}), frozenset({"order.sign"}),
                        title="主治医师", ward_id=WARD_ID, can_prescribe=True),
    "intern": StaffUser("u2", "intern", "赵小明", frozenset({"intern"}), frozenset(), ward_id=WARD_ID),
    "nurse": StaffUser("u3", "nurse", "李秀英", frozenset({"nurse"}), frozenset({"order.verify"}),
                       ward_id=WARD_ID),
    "headnurse": StaffUser("u4", "headnurse", "陈淑芬", frozenset({"head_nurse", "nurse"}), frozenset(),
                           ward_id=WARD_ID),
    "admin": StaffUser("u5", "admin", "系统管理员", frozenset({"admin"}), frozenset()),
}
PASSWORD = "Demo@2024"

_PATIENTS = [
    # bed, name, sex, age, days, grade, acuity, allergies, diagnosis, attending
    ("1", "张伟", "M", 67, 12, 1, "serious", ("青霉素",), "脑梗死", "王建国"),
    ("2", "李娜", "F", 45, 3, 2, "stable", (), "短暂性脑缺血发作", "王建国"),
    ("3", "", "", None, 0, 2, "stable", (), "", ""),
    ("4", "刘洋", "M", 72, 20, 0, "critical", ("头孢类", "碘造影剂"), "脑出血（基底节区）", "孙志强"),
    ("5", "陈静", "F", 58, 7, 2, "stable", (), "帕金森病", "孙志强"),
    ("6", "杨帆", "M", 34, 1, 3, "stable", (), "偏头痛", "王建国"),
    ("7", "单丽", "F", 61, 9, 1, "stable", (), "癫痫", "孙志强"),
    ("8", "", "", None, 0, 2, "stable", (), "", ""),
    ("9", "黄磊", "M", 80, 30, 1, "serious", ("磺胺类",), "重症肌无力", "王建国"),
    ("10", "周敏", "F", 29, 2, 2, "stable", (), "吉兰-巴雷综合征", "孙志强"),
    ("11", "吴刚", "M", 55, 15, 3, "stable", (), "脑梗死恢复期", "王建国"),
    ("12", "郑秀兰", "F", 76, 4, 2, "stable", (), "阿尔茨海默病", "孙志强"),
    ("21", "", "", None, 0, 2, "stable", (), "", ""),
]


def make_cards() -> list[BedCard]:
    cards = []
    for i, (bed, name, sex, age, days, grade, acuity, allergies, dx, doc) in enumerate(_PATIENTS):
        if not name:
            cards.append(BedCard(bed_id=f"b{bed}", bed_no=bed, sort_key=int(bed)))
            continue
        cards.append(BedCard(
            bed_id=f"b{bed}", bed_no=bed, sort_key=int(bed), encounter_id=f"e{bed}", patient_id=f"p{bed}",
            name=name, sex=sex, age_years=age, mrn=f"ZY2026{i:05d}",
            admitted_at=NOW - timedelta(days=days - 1),
            days_in_hospital=days, nursing_grade=grade, acuity=acuity, allergies=allergies,
            attending_name=doc, resident_name="赵小明", diagnosis=dx))
    return cards


@dataclass
class FakeBackend:
    profile_name: Optional[str] = None
    delay: float = 0.0                      # seconds every call sleeps (a slow server)
    prepare_delay: float = 0.0
    healthy: bool = True
    calls: list[str] = field(default_factory=list)
    threads: set[str] = field(default_factory=set)

    def _enter(self, name: str) -> None:
        self.calls.append(name)
        self.threads.add(threading.current_thread().name)
        if self.delay:
            time.sleep(self.delay)

    def prepare(self, progress: Progress) -> list[DemoAccount]:
        self._enter("prepare")
        steps = 5
        for i in range(steps + 1):
            progress(i, steps, "drug")
            if self.prepare_delay:
                time.sleep(self.prepare_delay / steps)
        return [DemoAccount(u.login_name, PASSWORD, "role." + sorted(u.roles)[0]) for u in USERS.values()]

    def authenticate(self, login_name: str, password: str) -> StaffUser:
        self._enter("authenticate")
        user = USERS.get(login_name)
        if user is None or password != PASSWORD:
            raise AuthError("auth.bad_credentials")
        return user

    def list_wards(self) -> list[WardInfo]:
        self._enter("list_wards")
        return [WardInfo(WARD_ID, "NEU1", "神经内科一病区", "神经内科", len(_PATIENTS)),
                WardInfo("ward-card", "CAR1", "心内科病区", "心血管内科", 0)]

    def ward_overview(self, ward_id: str) -> list[BedCard]:
        self._enter("ward_overview")
        return make_cards() if ward_id == WARD_ID else []

    def open_chart(self, encounter_id: str, staff_id: str) -> PatientHeader:
        self._enter("open_chart")
        card = next(c for c in make_cards() if c.encounter_id == encounter_id)
        assert card.admitted_at is not None and card.patient_id is not None
        return PatientHeader(
            patient_id=card.patient_id, encounter_id=encounter_id, name=card.name, sex=card.sex,
            age_years=card.age_years, mrn=card.mrn, bed_no=card.bed_no, ward_name="神经内科一病区",
            dept_name="神经内科", admitted_at=card.admitted_at, days_in_hospital=card.days_in_hospital,
            diagnosis=card.diagnosis, allergies=card.allergies, attending_name=card.attending_name,
            resident_name=card.resident_name, nursing_grade=card.nursing_grade, acuity=card.acuity,
            diagnoses=(card.diagnosis, "高血压病3级（极高危）"))

    def health_check(self, timeout: float) -> None:
        self._enter("health_check")
        if not self.healthy:
            raise ConnectionError("server unreachable")
