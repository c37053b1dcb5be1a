"""The bed cards' flags on the real services and a copy of the seeded demo ward (pytest-qt): the
count of orders waiting for verification, the documents due, and a nursing risk past its
threshold appear on the patient's card (and its tooltip and the list's 提醒 column) after the
board has painted, and follow what another PC does."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from tests.ui.conftest import sign_in
from tests.ui.test_nurse_station import NURSE, NURSE_PASSWORD, _doctor_signs


def _index_of(window: Any, bed_no: str) -> Any:
    from ui.ward_model import ROW_ROLE

    proxy = window.ward_view.proxy
    for r in range(proxy.rowCount()):
        index = proxy.index(r, 0)
        if index.data(ROW_ROLE).card.bed_no == bed_no:
            return index
    raise AssertionError(f"bed {bed_no} is not on the board")


def _mark(window: Any, bed_no: str) -> Any:
    from ui.ward_model import MARK_ROLE

    return _index_of(window, bed_no).data(MARK_ROLE)


def _other_pc(path: Path, command: Any) -> None:
    from app.services.write import run_command
    from app.store.db import open_database

    db = open_database(f"sqlite:///{path}")
    try:
        run_command(db, "pc-other", command)
    finally:
        db.dispose()


def test_a_card_counts_the_orders_to_verify_and_shows_a_fall_risk(
        qtbot: Any, real_backend: Any, make_window: Any) -> None:
    from decimal import Decimal

    from app.clock import utcnow
    from app.ids import new_id
    from app.services import order_commands as oc
    from app.services.demo_ids import demo_id
    from app.services.nursing_cmds import RecordAssessment
    from ui.qt import Qt
    from ui.ward_model import COL_MARKS, mark_chips

    window = make_window(real_backend)
    sign_in(qtbot, window, NURSE, NURSE_PASSWORD)
    qtbot.waitUntil(lambda: bool(window.ward_view.model.marks()), timeout=15_000)   # after the board
    before = _mark(window, "3")
    waiting = before.verify if before is not None else 0

    fields = oc.OrderFields(term="temp", category="drug", content="维生素C片 0.1g",
                            drug_code="A11GA01.02", dose=Decimal("0.1"), dose_unit="g",
                            route_code="po", freq_code="st", start_at=utcnow())
    _doctor_signs(real_backend._demo_path, 3, fields)
    high_fall_risk = {"fall_history": 25, "secondary_dx": 15, "ambulatory_aid": 15, "iv_access": 20,
                      "gait": 10, "mental_status": 0}                      # 85: 高危 (> 45)
    _other_pc(real_backend._demo_path, RecordAssessment(
        op_id=new_id(), actor_id=demo_id("staff", NURSE), device_time=utcnow(),
        encounter_id=demo_id("encounter", 3), record_id=new_id(), scale="morse",
        answers=high_fall_risk, assessed_at=utcnow() - timedelta(minutes=1)))

    window.load_marks()                         # what the minute's timer does
    qtbot.waitUntil(lambda: (_mark(window, "3") is not None and _mark(window, "3").verify == waiting + 1),
                    timeout=10_000)
    mark = _mark(window, "3")
    assert "morse" in mark.risks
    chips = [text for text, _kind in mark_chips(mark)]
    assert f"核{waiting + 1}" in chips and "跌" in chips
    tooltip = _index_of(window, "3").data(Qt.ItemDataRole.ToolTipRole)
    assert f"待核对医嘱 {waiting + 1} 条" in tooltip and "跌倒高危" in tooltip
    model = window.ward_view.model
    row = next(r for r in range(model.rowCount()) if model.rows()[r].card.bed_no == "3")
    assert "跌倒高危" in model.index(row, COL_MARKS).data()                # the list's 提醒 column
    # The card is painted with its flags (and without them on an empty bed): a real render.
    view = window.ward_view.card_view
    view.scrollTo(_index_of(window, "3"))
    image = view.viewport().grab(view.visualRect(_index_of(window, "3"))).toImage()
    blue = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if image.pixelColor(x, y).name() == "#1565c0")
    assert blue > 20, "the 核 chip is not drawn on bed 3's card"


def test_the_doctors_board_flags_documents_due(qtbot: Any, real_backend: Any, make_window: Any) -> None:
    from sqlalchemy import select

    from app.clock import utcnow
    from app.services import doc_deadlines as dl
    from app.services.demo_accounts import DEMO_WARD_CODE
    from app.store.schema import ward

    window = make_window(real_backend)
    sign_in(qtbot, window, "liming", "demo-doctor1")
    qtbot.waitUntil(lambda: bool(window.ward_view.model.marks()), timeout=15_000)

    def expected(conn: Any) -> dict[str, tuple[int, int]]:
        ward_id = conn.execute(select(ward.c.id).where(ward.c.code == DEMO_WARD_CODE)).scalar_one()
        marks = dl.bed_marks(dl.due_items(conn, utcnow(), ward_id=ward_id))
        return {enc: (m.due, m.overdue) for enc, m in marks.items()}

    want = real_backend.read(expected)
    assert want, "the demo ward should have documents due"
    got = {enc: (m.docs_due, m.docs_overdue) for enc, m in window.ward_view.model.marks().items()
           if m.docs_due}
    assert got == want
