"""Small builders for order-check tests: real engine, real knowledge base, JSON-shaped input."""
from __future__ import annotations

from typing import Any, Optional

from app.checks import Alert, check_orders, from_json


def order(drug: str, dose: Optional[float] = None, unit: Optional[str] = None,
          route: Optional[str] = None, frequency: Optional[str] = None, **extra: Any) -> dict[str, Any]:
    return {"drug": drug, "dose": dose, "unit": unit, "route": route, "frequency": frequency, **extra}


def run(new: list[dict[str, Any]], active: Optional[list[dict[str, Any]]] = None,
        **patient: Any) -> list[Alert]:
    base: dict[str, Any] = {"age_years": 45, "sex": "M", "weight_kg": 70, "egfr": 95}
    base.update(patient)
    return check_orders(from_json({"patient": base, "active_orders": active or [], "new_orders": new}))


def find(alerts: list[Alert], category: str, order: int = 0) -> list[Alert]:
    return [a for a in alerts if a.category == category and a.order == order]


def severities(alerts: list[Alert], category: str, order: int = 0) -> set[str]:
    return {a.severity for a in find(alerts, category, order)}


def loud(alerts: list[Alert]) -> list[Alert]:
    return [a for a in alerts if a.severity in ("moderate", "high")]
