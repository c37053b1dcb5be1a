"""检验检查结果 from the 医嘱 tab on the real services over a copy of the seeded demo database:
Ctrl+Shift+I shows bed 7's own results beside the reports 省人民医院 holds (the demo's 血常规
recognised by 李明, a 胸部CT not yet); Ctrl+Enter recognises the selected one; F5 asks a FHIR
server on a real socket and what it holds appears beside the rest; a platform that cannot be
reached is named in the dialog. Drafting 血常规 again and pressing F9 asks for a reason."""
from __future__ import annotations

import os
from typing import Any

from pytest_httpserver import HTTPServer
from sqlalchemy import update

from app.clock import utcnow
from tests.ui.test_orders_tab import doctor_chart, key, review_dialog
from tests.unit.exchange.test_external_results import Platform
from ui.qt import Qt

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_results(qtbot: Any, tab: Any) -> Any:
    from tests.ui.test_orders_tab import dialog_of
    from ui.orders.results import ResultsDialog

    key(qtbot, Qt.Key.Key_I, CTRL_SHIFT)
    dialog = dialog_of(qtbot, tab, ResultsDialog)
    qtbot.waitUntil(lambda: dialog.loaded, timeout=5000)
    return dialog


def column(model: Any, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_external_reports_beside_the_own_recognised_and_pulled(qtbot: Any, real_window: Any,
                                                                real_backend: Any) -> None:
    tab = doctor_chart(qtbot, real_window, "7")
    dialog = open_results(qtbot, tab)
    ext = dialog.external_model
    assert column(ext, 2) == ["血常规", "胸部CT平扫"]
    assert column(ext, 1) == ["省人民医院", "省人民医院"]
    assert column(ext, 4) == ["已互认（李明）", "未互认"]
    assert "白细胞计数: 11.8 10^9/L ↑" in dialog.detail.toPlainText()
    assert dialog.local_model.rowCount() > 0                     # the stay's own, on the left
    if os.environ.get("WS_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["WS_SHOTS"], "external_results.png"))

    dialog.external_table.selectRow(1)                            # the CT: its impression below
    assert "右肺下叶" in dialog.detail.toPlainText()
    key(qtbot, Qt.Key.Key_Return, CTRL)                           # 互认
    qtbot.waitUntil(lambda: column(ext, 4) == ["已互认（李明）", "已互认（李明）"], timeout=5000)

    key(qtbot, Qt.Key.Key_F5)                                     # the demo's platform does not resolve
    qtbot.waitUntil(lambda: not dialog.busy and "平台无法访问" in dialog.status.text(), timeout=30_000)
    assert ext.rowCount() == 2

    from app.store.schema import member_inst

    server = HTTPServer(threaded=True)
    server.start()
    try:
        Platform(server, utcnow())
        with real_backend._db.begin() as conn:
            conn.execute(update(member_inst).values(endpoint=server.url_for("/fhir")))
        key(qtbot, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: ext.rowCount() == 4, timeout=15_000)
        assert "已获取 2 份新报告" in dialog.status.text()
        assert "1 份报告无法识别" in dialog.status.text()
    finally:
        server.clear()
        server.stop()
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: tab.table.hasFocus(), timeout=3000)


def test_a_test_recognised_elsewhere_asks_for_a_reason_at_review(qtbot: Any, real_window: Any,
                                                                 real_backend: Any) -> None:
    from app.ids import new_id
    from app.services import order_commands as oc
    from app.services.demo_ids import demo_id

    tab = doctor_chart(qtbot, real_window, "7")
    user = real_window.user
    real_backend.execute(oc.SaveDraft(
        op_id=new_id(), actor_id=user.id, device_time=utcnow(), encounter_id=demo_id("encounter", 7),
        order_id=new_id(), base_version=0,
        fields=oc.OrderFields(term="temp", category="lab", content="血常规", item_code="L0001",
                              start_at=utcnow())))
    tab.reload()
    qtbot.waitUntil(lambda: any(r.content == "血常规" and r.status == "draft" for r in tab.rows()),
                    timeout=5000)
    review = review_dialog(qtbot, tab)
    qtbot.waitUntil(lambda: any(a.category == "duplicate_test" for a in review.alerts), timeout=5000)
    [row] = [r for r in review.reasons if r.alert.category == "duplicate_test"]
    assert "省人民医院" in row.alert.message and row.alert.severity == "moderate"
    assert review.reason_area.isVisibleTo(review)
