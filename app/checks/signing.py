"""What the doctor workstation does with alerts at signing (CLINICAL.md §7, issue 5).

high: the order cannot be signed without a written override reason (recorded and audited);
moderate: shown, signing continues; low: only on request. The UI translates the reason ids.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from app.checks.engine import check_orders
from app.checks.kb import KnowledgeBase
from app.checks.model import Alert, CheckRequest
from app.errors import NeedsAcknowledgement

# 临床获益大于风险, 患者既往已耐受, 上级医师确认, 过敏史核实不成立, 已加强监测, 抢救需要, 其他 (text)
OVERRIDE_REASONS = ("clinical_benefit", "tolerated_before", "senior_confirmed", "allergy_disproved",
                    "monitoring", "rescue", "other")


def alert_key(alert: Alert) -> str:
    """Stable identity of one alert within one signing, to attach an override reason to it."""
    return f"{alert.order}|{alert.category}|{'/'.join(alert.related)}"


@dataclass(frozen=True)
class Override:
    alert_key: str
    reason: str  # one of OVERRIDE_REASONS
    text: Optional[str] = None  # required for "other"

    def valid(self) -> bool:
        if self.reason not in OVERRIDE_REASONS:
            return False
        return self.reason != "other" or bool(self.text and self.text.strip())


@dataclass(frozen=True)
class SigningReview:
    blocking: tuple[Alert, ...]
    warnings: tuple[Alert, ...]
    information: tuple[Alert, ...]

    def missing_overrides(self, overrides: tuple[Override, ...]) -> tuple[Alert, ...]:
        given = {o.alert_key for o in overrides if o.valid()}
        return tuple(a for a in self.blocking if alert_key(a) not in given)


def review(request: CheckRequest, kb: Optional[KnowledgeBase] = None) -> SigningReview:
    alerts = check_orders(request, kb)
    return SigningReview(
        blocking=tuple(a for a in alerts if a.severity == "high"),
        warnings=tuple(a for a in alerts if a.severity == "moderate"),
        information=tuple(a for a in alerts if a.severity == "low"),
    )


def require_overrides(request: CheckRequest, overrides: tuple[Override, ...] = (),
                      kb: Optional[KnowledgeBase] = None) -> list[dict[str, Any]]:
    """Raise NeedsAcknowledgement while a high alert lacks a valid reason; otherwise return the
    override records (alert + reason) for the signing command to store in the audit trail."""
    result = review(request, kb)
    missing = result.missing_overrides(overrides)
    if missing:
        raise NeedsAcknowledgement("checks.override_required", count=len(missing),
                                   alerts=[alert_key(a) for a in missing])
    by_key = {o.alert_key: o for o in overrides if o.valid()}
    return [{**a.to_json(), "reason": by_key[alert_key(a)].reason, "reason_text": by_key[alert_key(a)].text}
            for a in result.blocking]
