"""Read models of the ward: what the bed cards, the ward list and the patient header show.

Built by app/services/ward.py in one or two queries for the whole ward (never one per patient).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Optional

# nursing_grade: 0 特级, 1 一级, 2 二级, 3 三级.  acuity: "critical" 病危, "serious" 病重, "stable".


@dataclass(frozen=True)
class BedCard:
    bed_id: str
    bed_no: str
    sort_key: int
    encounter_id: Optional[str] = None      # None: an empty bed
    patient_id: Optional[str] = None
    name: str = ""
    sex: str = ""                           # M / F / U
    age_years: Optional[int] = None
    age_text: str = ""                      # 45岁 / 3月 / 12天 is formatted by the UI from age parts
    mrn: str = ""
    admitted_at: Optional[datetime] = None
    days_in_hospital: int = 0               # admission day = 1
    nursing_grade: int = 2
    acuity: str = "stable"
    allergies: tuple[str, ...] = ()
    attending_name: str = ""
    resident_name: str = ""
    diagnosis: str = ""
    diet: str = ""

    @property
    def occupied(self) -> bool:
        return self.encounter_id is not None


@dataclass(frozen=True)
class PatientHeader:
    patient_id: str
    encounter_id: str
    name: str
    sex: str
    age_years: Optional[int]
    mrn: str
    bed_no: str
    ward_name: str
    dept_name: str
    admitted_at: datetime
    days_in_hospital: int
    diagnosis: str
    allergies: tuple[str, ...]
    attending_name: str
    resident_name: str
    nursing_grade: int
    acuity: str
    diagnoses: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class WardInfo:
    ward_id: str
    code: str
    name: str
    dept_name: str
    bed_count: int
