"""The 瓶签 barcode's text: E + the execution id (a UUID as 39 digits, Code 128's compact set C),
read back to the same id; a wristband's code, a name + 住院号, a bed number or a damaged code
is not a label."""
from __future__ import annotations

import uuid

import pytest

from app.domain.execution import label_code, plan_id_of_label, wristband_code
from app.printing.labels import code128_modules


def test_every_execution_id_comes_back_from_its_label() -> None:
    for _n in range(500):
        plan_id = str(uuid.uuid4())
        code = label_code(plan_id)
        assert code.startswith("E") and len(code) == 40 and code[1:].isdigit()
        assert plan_id_of_label(code) == plan_id and plan_id_of_label(f" {code.lower()}\n") == plan_id
    assert plan_id_of_label(label_code("HIS-778812")) == "HIS-778812"       # an id that is no UUID


@pytest.mark.parametrize("text", [wristband_code("24310043"), "郑国庆 24310043", "12", "E", "E123",
                                  "E" + "9" * 39, "E" + "1" * 38 + "x", ""])
def test_what_is_not_a_label(text: str) -> None:
    assert plan_id_of_label(text) is None


def test_the_barcode_is_short_enough_for_a_small_label() -> None:
    """Set C packs the digits two a symbol: 277 modules, 0.27 mm bars on an 80 mm label."""
    modules = sum(code128_modules(label_code(str(uuid.UUID(int=2**128 - 1)))))
    assert modules <= 290
    assert sum(code128_modules("E-" + "x" * 36)) > 400                    # the raw id would not fit
