"""Medication order checks (issue 5): allergy, interactions, dose, route, duplication, renal,
hepatic, age, pregnancy, lactation, diagnoses, skin tests, IV compatibility and labs.

`check_orders(CheckRequest) -> list[Alert]` is the library call the doctor workstation makes at
signing; `from_json`/`to_json` speak the contract in shared/cds/FORMAT.md. The rules are data in
resources/cds/*.csv, each row with its source and severity. Requests beyond the input limits
(app/checks/model.py: orders, list sizes, text lengths, numbers) raise CheckInputError.
"""
from __future__ import annotations

from app.checks.engine import check_orders
from app.checks.kb import KnowledgeBase, default_kb, load
from app.checks.kb_loader import KnowledgeError
from app.checks.model import (
    Alert,
    Allergy,
    CheckInputError,
    CheckRequest,
    Diagnosis,
    Lab,
    Order,
    Patient,
    from_json,
    to_json,
    validate_request,
)
from app.checks.signing import OVERRIDE_REASONS, Override, SigningReview, require_overrides, review

__all__ = [
    "OVERRIDE_REASONS", "Alert", "Allergy", "CheckInputError", "CheckRequest", "Diagnosis",
    "KnowledgeBase", "KnowledgeError", "Lab", "Order", "Override", "Patient", "SigningReview",
    "check_orders", "default_kb", "from_json", "load", "require_overrides", "review", "to_json",
    "validate_request",
]
