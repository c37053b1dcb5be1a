"""转入申请 on the real services over the seeded demo database: Ctrl+Shift+U opens the
department's incoming referrals; the reading pane shows what came, marked with the institution
it came from; Delete asks a reason (none: the dialog stays) and rejects, the answer queued for
the platform; the row says it was rejected, with the reason."""
from __future__ import annotations

import os
from typing import Any

from sqlalchemy import select

from tests.ui.conftest import commit_text, sign_in
from tests.ui.test_records_tab import PASSWORDS, key
from ui.qt import QApplication, Qt

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_an_incoming_referral_is_read_and_rejected_with_a_reason(
        qtbot: Any, real_window: Any, real_backend: Any) -> None:
    from ui.records.referral_queue import ReferralQueue, RejectDialog

    sign_in(qtbot, real_window, "zhangwei", PASSWORDS["zhangwei"])
    key(qtbot, Qt.Key.Key_U, CTRL_SHIFT)
    qtbot.waitUntil(lambda: isinstance(real_window.tabs.currentWidget(), ReferralQueue), timeout=5000)
    queue = real_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: queue.loaded and queue.model.rowCount() == 1, timeout=5000)
    text = queue.detail.toPlainText()
    assert text.startswith("来自：东桥社区卫生服务中心（上转）")
    assert "孙桂兰" in text and "磺胺类" in text and "E11.2" in text and "【转诊病情摘要】" in text
    assert queue.model.data(queue.model.index(0, 5)) == "待处理"
    assert "1 条" in queue.hint.text()
    if os.environ.get("WS_SHOTS"):
        queue.grab().save(os.path.join(os.environ["WS_SHOTS"], "referral_queue.png"))
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: isinstance(queue.dialog, RejectDialog) and queue.dialog.isVisible(), timeout=3000)
    dialog = queue.dialog
    qtbot.waitUntil(dialog.reason.hasFocus, timeout=3000)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)               # no reason: stays open
    assert dialog.isVisible()
    commit_text(dialog.reason, "本科床位已满，建议转城关县人民医院")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: queue.model.data(queue.model.index(0, 5)) ==
                    "已拒绝：本科床位已满，建议转城关县人民医院", timeout=5000)
    assert "0 条" in queue.hint.text()
    from app.store.schema import exchange_out

    rows = real_backend.read(lambda conn: conn.execute(select(exchange_out.c.kind)).scalars().all())
    assert rows == ["answer"]
    assert QApplication.activeModalWidget() is None
