"""At signing, a high alert needs a valid override reason; moderate and low never block."""
from __future__ import annotations

import pytest

from app.checks import from_json
from app.checks.signing import Override, alert_key, require_overrides, review
from app.errors import NeedsAcknowledgement

REQUEST = from_json({
    "patient": {"allergies": [{"substance": "青霉素"}]},
    "new_orders": [{"drug": "阿莫西林胶囊", "dose": 0.5, "unit": "g", "route": "口服", "frequency": "tid",
                    "skin_test": "negative"},
                   {"drug": "奥美拉唑肠溶胶囊", "dose": 20, "unit": "mg", "route": "口服", "frequency": "qd"},
                   {"drug": "泮托拉唑钠肠溶片", "dose": 40, "unit": "mg", "route": "口服",
                    "frequency": "qd"}],
})


def test_review_sorts_alerts_by_what_the_doctor_must_do() -> None:
    result = review(REQUEST)
    assert [a.category for a in result.blocking] == ["allergy"]
    assert [a.category for a in result.warnings] == ["therapeutic_duplication"]


def test_high_alert_blocks_until_a_valid_reason_is_given() -> None:
    with pytest.raises(NeedsAcknowledgement) as caught:
        require_overrides(REQUEST)
    assert caught.value.params["count"] == 1
    key = alert_key(review(REQUEST).blocking[0])
    with pytest.raises(NeedsAcknowledgement):
        require_overrides(REQUEST, (Override(key, "other", "  "),))  # "other" needs text
    records = require_overrides(REQUEST, (Override(key, "allergy_disproved"),))
    assert records[0]["category"] == "allergy" and records[0]["reason"] == "allergy_disproved"
