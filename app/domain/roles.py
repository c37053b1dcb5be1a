"""Roles and what each may do (DESIGN.md "Security"): the one place a permission is granted.

Interns draft orders and records but cannot sign; nurses verify and execute but cannot enter
orders; only a head nurse or an admin manages the ward. Labels are message ids for ui/.
"""
from __future__ import annotations

from typing import Iterable

# Permission names (strings so the offline outbox and audit log can store them as-is).
ORDER_ENTER = "order.enter"        # draft an order
ORDER_SIGN = "order.sign"          # sign / submit an order, stop an order
ORDER_VERIFY = "order.verify"      # nurse checks a submitted order (核对)
ORDER_EXECUTE = "order.execute"    # nurse executes (执行)
DOC_WRITE = "doc.write"            # draft a medical record
DOC_SIGN = "doc.sign"
DOC_COSIGN = "doc.cosign"          # senior co-signature of an intern's record
NURSING_WRITE = "nursing.write"    # nursing records, handover
VITALS_CHART = "vitals.chart"      # temperature sheet
ALLERGY_RECORD = "allergy.record"
PATIENT_GRADE = "patient.grade"    # nursing grade, 病危/病重
BED_MOVE = "bed.move"
CHART_VIEW = "chart.view"
PRINT = "print"
ADMIN = "admin"                    # staff accounts, unlock, dictionaries
WARD_MANAGE = "ward.manage"        # the ward's settings (overdue tolerance, skin tests, times)
DIAGNOSIS_RECORD = "diagnosis.record"   # add, revise, remove, reorder a stay's diagnoses
# Document templates (模板管理). A personal template is its owner's (doc.write); a department's
# may be edited by a doctor of that department at attending level or above (主治医师 and up,
# staff.title_rank >= 2, checked by app/services/template_cmds.py with this permission); the
# hospital's by the medical-records office (医务科 / 病案管理): no such role exists yet, so the
# admin role holds it.
TEMPLATE_DEPT = "template.dept"
TEMPLATE_HOSPITAL = "template.hospital"
# Taking a critical value (危急值) the lab reports: the ward's nurses, and a doctor who takes the
# call himself.
CRITICAL_ACK = "critical.ack"
REFERRAL = "referral"              # 双向转诊: refer a patient up or down, answer an incoming referral

ALL_PERMISSIONS: frozenset[str] = frozenset({
    ORDER_ENTER, ORDER_SIGN, ORDER_VERIFY, ORDER_EXECUTE, DOC_WRITE, DOC_SIGN, DOC_COSIGN,
    NURSING_WRITE, VITALS_CHART, ALLERGY_RECORD, PATIENT_GRADE, BED_MOVE, CHART_VIEW, PRINT, ADMIN,
    WARD_MANAGE,
    DIAGNOSIS_RECORD,
    TEMPLATE_DEPT, TEMPLATE_HOSPITAL, CRITICAL_ACK,
    REFERRAL,
})

DOCTOR = "doctor"
INTERN = "intern"
NURSE = "nurse"
HEAD_NURSE = "head_nurse"
ROLE_ADMIN = "admin"

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    DOCTOR: frozenset({ORDER_ENTER, ORDER_SIGN, DOC_WRITE, DOC_SIGN, DOC_COSIGN, ALLERGY_RECORD,
                       PATIENT_GRADE, CHART_VIEW, PRINT, DIAGNOSIS_RECORD, TEMPLATE_DEPT,
                       CRITICAL_ACK, REFERRAL}),
    INTERN: frozenset({ORDER_ENTER, DOC_WRITE, ALLERGY_RECORD, CHART_VIEW, PRINT}),
    NURSE: frozenset({ORDER_VERIFY, ORDER_EXECUTE, NURSING_WRITE, VITALS_CHART, ALLERGY_RECORD,
                      CHART_VIEW, PRINT, CRITICAL_ACK}),
    HEAD_NURSE: frozenset({ORDER_VERIFY, ORDER_EXECUTE, NURSING_WRITE, VITALS_CHART,
                           ALLERGY_RECORD, PATIENT_GRADE, BED_MOVE, CHART_VIEW, PRINT,
                           WARD_MANAGE, CRITICAL_ACK}),
    ROLE_ADMIN: frozenset({ADMIN, CHART_VIEW, PRINT, WARD_MANAGE, TEMPLATE_HOSPITAL}),
}

ROLES: tuple[str, ...] = (DOCTOR, INTERN, NURSE, HEAD_NURSE, ROLE_ADMIN)

# Message ids ui/ translates (role.doctor -> 医生 ...).
ROLE_LABEL_IDS: dict[str, str] = {code: f"role.{code}" for code in ROLES}


def permissions_for(roles: Iterable[str]) -> frozenset[str]:
    """The union of the roles' permissions; an unknown role grants nothing."""
    granted: set[str] = set()
    for code in roles:
        granted |= ROLE_PERMISSIONS.get(code, frozenset())
    return frozenset(granted)
