"""转诊 from the 病历 tab on the real services over a copy of the seeded demo database: Ctrl+Shift+F
opens the dialog with the 医联体's member institutions; a referral without a reason is said in the
dialog (the form kept); a complete one, sent with Ctrl+Enter, shows in the list as sent and
waiting for the platform, its FHIR Bundle in the exchange queue; once the backend's background
sender reaches the platform, the list says the platform has it. An intern has no 转诊."""
from __future__ import annotations

import os
from typing import Any

from sqlalchemy import select

from tests.ui.conftest import commit_text
from tests.ui.test_records_tab import key, records_of
from ui.qt import Qt

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def open_dialog(qtbot: Any, tab: Any) -> Any:
    from ui.records.referrals import ReferralDialog

    tab.dialog = None
    key(qtbot, Qt.Key.Key_F, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(tab.dialog, ReferralDialog) and tab.dialog.isVisible()
                    and tab.dialog.loaded, timeout=5000)
    return tab.dialog


def test_a_referral_down_is_sent_from_the_chart_and_queued_for_the_platform(
        qtbot: Any, real_window: Any, real_backend: Any) -> None:
    tab = records_of(qtbot, real_window, "zhangwei", 7)
    dialog = open_dialog(qtbot, tab)
    names = [dialog.institution.itemText(i) for i in range(dialog.institution.count())]
    assert names == ["省人民医院", "城关县人民医院", "东桥社区卫生服务中心"]
    assert dialog.model.rowCount() == 0
    dialog.institution.setCurrentIndex(2)
    dialog.dept.setFocus()
    commit_text(dialog.dept, "全科")
    qtbot.keyClick(dialog.dept, Qt.Key.Key_Return, CTRL)           # no reason yet
    qtbot.waitUntil(lambda: dialog.error.text() != "", timeout=5000)
    assert dialog.error.text() == "请填写转诊原因" and dialog.dept.text() == "全科"
    dialog.reason.setFocus()
    commit_text(dialog.reason, "病情稳定，下转社区继续康复治疗")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=5000)
    index = dialog.model.index(0, 5)
    assert dialog.model.data(index) == "已发送（等待上传平台）"
    assert dialog.model.data(dialog.model.index(0, 1)) == "下转"
    assert dialog.model.data(dialog.model.index(0, 2)) == "东桥社区卫生服务中心"
    assert dialog.error.text() == "" and dialog.reason.toPlainText() == ""
    if os.environ.get("WS_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["WS_SHOTS"], "referral_form.png"))
    from app.store.schema import exchange_out

    rows = real_backend.read(
        lambda conn: conn.execute(select(exchange_out.c.kind, exchange_out.c.state)).all())
    assert [tuple(r) for r in rows] == [("referral", "queued")]
    # The platform is reachable: the backend sends in the background and the list says so.
    from pytest_httpserver import HTTPServer
    from sqlalchemy import update

    from app.clock import utcnow
    from app.store.schema import member_inst
    from tests.unit.exchange.fhir_server import FhirServer

    server = HTTPServer(threaded=True)
    server.start()
    try:
        fhir = FhirServer(server)
        if real_backend._exchange is not None:                # a health check's flush, if one ran
            real_backend._exchange.join(10)
        with real_backend._db.begin() as conn:
            conn.execute(update(member_inst).values(endpoint=fhir.base))
            conn.execute(update(exchange_out).values(next_try_at=utcnow()))   # due again now
        real_backend._exchange_at = float("-inf")            # not "sent a moment ago"
        assert real_backend.send_exchange_soon()
        qtbot.waitUntil(lambda: len(fhir.stored) == 1, timeout=10_000)
        real_backend._exchange.join(5)
        dialog.load()
        qtbot.waitUntil(lambda: dialog.model.data(dialog.model.index(0, 5)) == "已发送（平台已收到）",
                        timeout=5000)
    finally:
        server.clear()
        server.stop()


def test_an_intern_cannot_refer(qtbot: Any, real_window: Any) -> None:
    tab = records_of(qtbot, real_window, "chenxiao", 7)
    assert not tab.actions_by_key["referral"].isEnabled()
