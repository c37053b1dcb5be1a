"""The signed-in clinician and what their roles allow."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True)
class StaffUser:
    id: str
    login_name: str
    full_name: str
    roles: frozenset[str]                 # doctor, intern, nurse, head_nurse, admin
    permissions: frozenset[str]           # see app/domain/roles.py
    title: str = ""
    title_rank: int = 1
    ward_id: Optional[str] = None
    dept_id: Optional[str] = None
    can_prescribe: bool = False
    can_narcotic: bool = False
    abx_grade: int = 0

    def can(self, permission: str) -> bool:
        return permission in self.permissions
