"""The 病历 tab on the real services over a copy of the seeded demo database, driven by the keys
of ui/shortcuts.py: an admission record written from its template by keyboard (chart data
pulled in, a phrase inserted, an empty required section refused at the field) and signed; an
intern's record co-signed by the attending; a senior's revision with its reason and the
side-by-side diff; autosave to the server slot and the local copy; the 待完成 list after the
clock moves."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.ui.conftest import commit_text, sign_in
from ui.qt import QApplication, Qt

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
PASSWORDS = {"zhangwei": "demo-doctor1", "liming": "demo-doctor1", "wugang": "demo-doctor1",
             "chenxiao": "demo-intern1"}


def key(qtbot: Any, k: Any, modifier: Any = Qt.KeyboardModifier.NoModifier) -> None:
    widget = QApplication.focusWidget()
    assert widget is not None
    qtbot.keyClick(widget, k, modifier)


def records_of(qtbot: Any, window: Any, login: str, bed: int) -> Any:
    from app.services.demo_ids import demo_id

    sign_in(qtbot, window, login, PASSWORDS[login])
    window.open_patient(demo_id("encounter", bed))
    page = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: page.header_widget.header is not None, timeout=10_000)
    page.show_records()
    qtbot.waitUntil(lambda: page.records_tab is not None and page.records_tab.loaded, timeout=10_000)
    tab = page.records_tab
    tab.table.setFocus()
    return tab


def pick(qtbot: Any, tab: Any, text: str = "") -> None:
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    if text:
        commit_text(tab.dialog.filter, text)
    qtbot.keyClick(tab.dialog.filter, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab.window(), timeout=3000)


def new_document(qtbot: Any, tab: Any, type_name: str) -> Any:
    before = tab.model.rowCount()
    tab.dialog = None
    key(qtbot, Qt.Key.Key_N, CTRL)
    pick(qtbot, tab, type_name)
    qtbot.waitUntil(lambda: tab.model.rowCount() == before + 1 and tab.view_doc is not None
                    and tab.view_doc.doc.title == type_name and tab.mode == "edit", timeout=10_000)
    qtbot.waitUntil(lambda: tab.editor.edits[0].hasFocus(), timeout=3000)
    return tab.view_doc.doc


def edit_of(tab: Any, section_id: str) -> Any:
    return next(e for s, e in zip(tab.editor.sections(), tab.editor.edits) if s.id == section_id)


def tab_to(qtbot: Any, tab: Any, section_id: str) -> Any:
    """Tab through the sections (as the user does) until `section_id` has the focus."""
    target = edit_of(tab, section_id)
    for _ in range(len(tab.editor.edits)):
        if target.hasFocus():
            return target
        key(qtbot, Qt.Key.Key_Tab)
    assert target.hasFocus()
    return target


def type_into(qtbot: Any, tab: Any, section_id: str, text: str) -> None:
    commit_text(tab_to(qtbot, tab, section_id), text)


def status_of(tab: Any, doc_id: str) -> str:
    row = tab.model.row_of(doc_id)
    return "" if row < 0 else tab.model.rows()[row].status


def test_admission_record_from_its_template_by_keyboard(qtbot: Any, real_window: Any) -> None:
    tab = records_of(qtbot, real_window, "zhangwei", 11)
    doc = new_document(qtbot, tab, "入院记录")
    titles = [s.title for s in tab.editor.sections()]
    assert titles[:3] == ["一般项目", "主诉", "现病史"] and "初步诊断" in titles
    key(qtbot, Qt.Key.Key_I, CTRL)                       # 一般项目 pulled from the chart
    qtbot.waitUntil(lambda: "陈丽华" in edit_of(tab, "general").toPlainText(), timeout=5000)
    type_into(qtbot, tab, "chief", "反复胸痛3天")
    type_into(qtbot, tab, "past", "")
    key(qtbot, Qt.Key.Key_I, CTRL)                       # 既往史 pulls the allergies
    qtbot.waitUntil(lambda: "过敏" in edit_of(tab, "past").toPlainText(), timeout=5000)
    tab_to(qtbot, tab, "exam")
    key(qtbot, Qt.Key.Key_I, CTRL)                       # 体格检查: today's vital signs
    qtbot.waitUntil(lambda: "生命体征" in edit_of(tab, "exam").toPlainText(), timeout=5000)
    tab.dialog = None
    key(qtbot, Qt.Key.Key_J, CTRL)                       # a phrase of the doctor's list
    pick(qtbot, tab)
    qtbot.waitUntil(lambda: "神志清" in edit_of(tab, "exam").toPlainText(), timeout=5000)
    tab_to(qtbot, tab, "dx")
    key(qtbot, Qt.Key.Key_I, CTRL)
    qtbot.waitUntil(lambda: "不稳定型心绞痛" in edit_of(tab, "dx").toPlainText(), timeout=5000)
    key(qtbot, Qt.Key.Key_F9)                            # 现病史 still empty: refused at the field
    assert "现病史" in tab.hint.text() and edit_of(tab, "hpi").hasFocus()
    assert tab.view_doc.doc.status == "draft"
    commit_text(edit_of(tab, "hpi"), "患者3天前活动后出现胸骨后压榨样疼痛。")
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: tab.view_doc.doc.status == "signed" and status_of(tab, doc.id) == "signed",
                    timeout=10_000)
    v = tab.view_doc
    assert len(v.revisions) == 1 and v.signed_by_name == "张伟" and v.draft is None
    assert v.revisions[0].sections[1].text == "反复胸痛3天"
    assert all(e.isReadOnly() for e in tab.editor.edits)   # signed: frozen
    real_window.grab().save("/tmp/records_signed.png")


def test_autosave_writes_the_local_copy_and_the_server_slot(qtbot: Any, real_window: Any,
                                                             real_backend: Any) -> None:
    from app.services.records import open_document
    from ui.records import local_drafts

    tab = records_of(qtbot, real_window, "zhangwei", 11)
    doc = new_document(qtbot, tab, "日常病程记录")
    commit_text(edit_of(tab, "condition"), "今日查房，患者胸痛缓解。")
    assert tab.autosaver.dirty and tab.autosaver.timer.isActive()
    qtbot.waitUntil(lambda: tab.autosaver.saves >= 1, timeout=6000)    # within 5 s of typing
    local = local_drafts.read(tab.staff_id, doc.id)
    assert local is not None and local.synced and "胸痛缓解" in local.sections[0].text
    view = real_backend.read(lambda conn: open_document(conn, doc.id, tab.staff_id))
    assert view.draft is not None and "胸痛缓解" in view.draft.sections[0].text and not view.revisions
    assert max(tab.autosaver.block_ms) < 50
    commit_text(edit_of(tab, "condition"), "再补一句。")
    tab.table.setFocus()                                  # leaving the section saves at once
    qtbot.waitUntil(lambda: tab.autosaver.saves >= 2, timeout=2000)


def test_an_interns_record_is_cosigned_by_the_attending(qtbot: Any, real_window: Any,
                                                        real_backend: Any) -> None:
    from app.clock import utcnow
    from app.domain.documents import Section
    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.services.doc_commands import CreateDocument, SignDocument

    intern = demo_id("staff", "chenxiao")
    doc_id = new_id()
    now = utcnow()
    body = (Section("condition", "病情记录", "患者咳嗽减轻。", True),)
    real_backend.prepare(lambda *_a: None)
    real_backend.execute(CreateDocument(op_id=new_id(), actor_id=intern, device_time=now,
                                        encounter_id=demo_id("encounter", 22), doc_id=doc_id,
                                        doc_type="progress", title="日常病程记录", event_at=now,
                                        sections=body))
    real_backend.execute(SignDocument(op_id=new_id(), actor_id=intern, device_time=now, doc_id=doc_id,
                                      base_version=1, sections=body))
    tab = records_of(qtbot, real_window, "wugang", 22)
    row = tab.model.row_of(doc_id)
    assert tab.model.rows()[row].awaiting_cosign
    tab.table.selectRow(row)
    qtbot.waitUntil(lambda: tab.view_doc is not None and tab.view_doc.doc.id == doc_id, timeout=5000)
    assert tab.actions_by_key["cosign"].isEnabled()
    key(qtbot, Qt.Key.Key_E, CTRL)                      # edit before co-signing
    assert tab.mode == "cosign"
    edit = edit_of(tab, "condition")
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    commit_text(edit, "双肺湿啰音减少。")
    key(qtbot, Qt.Key.Key_F9, CTRL)
    qtbot.waitUntil(lambda: tab.view_doc.doc.status == "cosigned", timeout=10_000)
    v = tab.view_doc
    assert v.cosigned_by_name == "吴刚"
    assert [r.editor_name for r in v.revisions] == ["陈晓", "吴刚"]
    assert v.revisions[0].sections[0].text == "患者咳嗽减轻。"


def test_a_senior_revises_a_signed_record_and_sees_the_diff(qtbot: Any, real_window: Any) -> None:
    tab = records_of(qtbot, real_window, "liming", 3)        # 张伟's records; 李明 is his senior
    signed = [r for r in tab.model.rows() if r.status == "signed" and r.author_name == "张伟"]
    target = signed[0]
    tab.table.selectRow(tab.model.row_of(target.id))
    qtbot.waitUntil(lambda: tab.view_doc is not None and tab.view_doc.doc.id == target.id, timeout=5000)
    assert not tab.actions_by_key["diff"].isEnabled()        # one revision: nothing to compare
    key(qtbot, Qt.Key.Key_E, CTRL)
    assert tab.mode == "revise" and not tab.editor.edits[0].isReadOnly()
    edit = tab.editor.edits[0]
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    commit_text(edit, "（上级医师补充：建议完善冠脉CTA。）")
    tab.dialog = None
    key(qtbot, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=3000)
    commit_text(tab.dialog.edit, "上级医师查房补充")
    qtbot.keyClick(tab.dialog.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.view_doc.doc.status == "amended" and len(tab.view_doc.revisions) == 2,
                    timeout=10_000)
    assert [(r.editor_name, r.reason) for r in tab.view_doc.revisions] == [
        ("张伟", None), ("李明", "上级医师查房补充")]
    tab.dialog = None
    key(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=3000)
    diff = tab.dialog
    assert "张伟" in diff.left_head.text() and "李明" in diff.right_head.text()
    assert "上级医师查房补充" in diff.right_head.text()
    assert "冠脉CTA" in diff.right.toPlainText() and "冠脉CTA" not in diff.left.toPlainText()
    assert "#fff8c5" in diff.right.toHtml() or "#e6ffec" in diff.right.toHtml()
    diff.grab().save("/tmp/records_diff.png")


@pytest.fixture
def new_stay(real_backend: Any) -> Any:
    """A patient admitted two hours ago into the empty bed 4 (team A: 张伟 is his resident)."""
    from app.clock import utcnow
    from tests.unit.services.test_records import admit

    real_backend.prepare(lambda *_a: None)
    at = utcnow() - timedelta(hours=2)
    return admit(real_backend._require(), 4, at), at


def test_the_overdue_list_after_moving_the_clock(qtbot: Any, real_window: Any, new_stay: Any,
                                                 monkeypatch: Any) -> None:
    import app.clock
    from ui.records.todo import TodoPanel

    encounter_id, admitted = new_stay
    sign_in(qtbot, real_window, "zhangwei", PASSWORDS["zhangwei"])
    key(qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    panel = real_window.tabs.currentWidget()
    assert isinstance(panel, TodoPanel)
    qtbot.waitUntil(lambda: panel.loaded, timeout=5000)
    mine = [r for r in panel.model.rows() if r.encounter_id == encounter_id]
    assert {r.doc_type for r in mine} >= {"admission", "first_progress"} and not any(r.overdue for r in mine)
    later = admitted + timedelta(hours=30)
    monkeypatch.setattr(app.clock, "utcnow", lambda: later)
    reads = panel.reads
    panel.reload()
    qtbot.waitUntil(lambda: panel.reads > reads and any(
        r.overdue for r in panel.model.rows() if r.encounter_id == encounter_id), timeout=5000)
    late = {r.doc_type for r in panel.model.rows() if r.encounter_id == encounter_id and r.overdue}
    assert {"admission", "first_progress"} <= late
    assert panel.model.rows()[0].overdue                      # overdue first
    assert "超时" in panel.summary.text()
    real_window.grab().save("/tmp/records_todo.png")
    # Enter opens the patient's 病历 tab.
    row = next(n for n, r in enumerate(panel.model.rows()) if r.encounter_id == encounter_id)
    panel.table.selectRow(row)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: getattr(real_window.tabs.currentWidget(), "encounter_id", "") == encounter_id,
                    timeout=5000)
    page = real_window.tabs.currentWidget()
    assert page.chart_tabs.currentWidget() is page.records_holder


def test_a_consult_requested_and_answered_by_the_consulted_department(
        qtbot: Any, real_window: Any, real_backend: Any) -> None:
    from app.clock import utcnow
    from app.services.consults import consults
    from app.services.demo_ids import demo_id
    from app.services.records import document_list
    from ui.records.consults import ConsultQueue

    tab = records_of(qtbot, real_window, "zhangwei", 11)
    tab.dialog = None
    key(qtbot, Qt.Key.Key_R, CTRL)                        # 请会诊
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    dialog = tab.dialog
    assert "不稳定型心绞痛" in dialog.question.toPlainText()     # the diagnoses pulled in
    cursor = dialog.question.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    dialog.question.setTextCursor(cursor)
    commit_text(dialog.question, "\n胸痛原因待查，请协助诊治。")
    dialog.urgent.setChecked(True)
    qtbot.keyClick(dialog.question, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: "会诊申请已发送" in tab.hint.text(), timeout=5000)
    # 王建国 of the same department (the demo has one) answers it from his queue.
    real_window._lock_and_switch()                          # 切换用户
    sign_in(qtbot, real_window, "wangjg", "demo-doctor1")
    key(qtbot, Qt.Key.Key_K, CTRL | SHIFT)
    queue = real_window.tabs.currentWidget()
    assert isinstance(queue, ConsultQueue)
    qtbot.waitUntil(lambda: queue.loaded and queue.model.rowCount() == 1, timeout=5000)
    item = queue.model.rows()[0]
    assert item.urgent and item.bed_no == "11" and "胸痛原因待查" in item.question
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)        # accept
    qtbot.waitUntil(lambda: queue.model.rowCount() == 1 and queue.model.rows()[0].status == "accepted",
                    timeout=5000)
    real_window.grab().save("/tmp/records_consults.png")
    queue.table.setFocus()
    qtbot.keyClick(queue.table, Qt.Key.Key_Return)        # answer
    qtbot.waitUntil(lambda: queue.dialog is not None and queue.dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is queue.dialog, timeout=3000)
    commit_text(queue.dialog.opinion, "考虑不稳定型心绞痛，建议冠脉造影。")
    qtbot.keyClick(queue.dialog.opinion, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: queue.model.rowCount() == 0, timeout=5000)
    encounter_id = demo_id("encounter", 11)
    answered = real_backend.read(lambda conn: consults(conn, utcnow(), encounter_id=encounter_id,
                                                       open_only=False))
    assert answered[0].status == "answered" and answered[0].accepted_by == "王建国"
    docs = real_backend.read(lambda conn: document_list(conn, encounter_id))
    assert any(d.id == answered[0].doc_id and d.status == "signed" and d.author_name == "王建国"
               for d in docs)


def test_a_doctor_handover_written_and_acknowledged(qtbot: Any, real_window: Any) -> None:
    from ui.records.handover import HandoverPanel

    sign_in(qtbot, real_window, "zhangwei", PASSWORDS["zhangwei"])
    key(qtbot, Qt.Key.Key_H, CTRL | SHIFT)
    panel = real_window.tabs.currentWidget()
    assert isinstance(panel, HandoverPanel)
    qtbot.waitUntil(lambda: panel.loaded and panel.model.rowCount() > 0, timeout=5000)
    beds = [r.bed_no for r in panel.model.rows()]
    assert "12" in beds and "11" in beds                  # 病危, and yesterday's admission
    assert "本病区尚无交班记录" in panel.status.text()
    row = beds.index("12")
    panel.table.selectRow(row)
    assert panel.severity.currentData() == "critical"
    assert panel.edits["summary"].toPlainText()           # the diagnosis (and results) pulled in
    commit_text(panel.edits["actions"], "今晚复查血常规，备血。")
    commit_text(panel.edits["awareness"], "若再次呕血：立即通知值班医师并联系内镜中心。")
    panel.takeover.setFocus()
    qtbot.keyClick(panel.takeover, Qt.Key.Key_Space)      # 经治医师变更: the receiver takes her over
    assert panel.takeover.isChecked()
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Return, CTRL)  # 交班
    qtbot.waitUntil(lambda: panel.latest is not None and panel.latest.status == "written", timeout=5000)
    entry = next(e for e in panel.latest.entries if e.encounter_id == panel.model.rows()[row].encounter_id)
    assert entry.actions == "今晚复查血常规，备血。" and entry.severity == "critical" and entry.takes_over
    qtbot.keyClick(panel.table, Qt.Key.Key_Return, CTRL | SHIFT)   # the handing doctor cannot take over
    qtbot.waitUntil(lambda: "不能接班" in panel.status.text(), timeout=5000)
    real_window._lock_and_switch()
    sign_in(qtbot, real_window, "huanglei", PASSWORDS["zhangwei"])
    key(qtbot, Qt.Key.Key_H, CTRL | SHIFT)
    taker = real_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: taker.loaded, timeout=5000)
    assert "待接班" in taker.status.text()
    taker.table.selectRow(row)
    assert taker.edits["actions"].toPlainText() == "今晚复查血常规，备血。"   # what was handed over
    taker.table.setFocus()
    qtbot.keyClick(taker.table, Qt.Key.Key_Return, CTRL | SHIFT)   # 接班
    qtbot.waitUntil(lambda: taker.latest is not None and taker.latest.status == "acknowledged", timeout=5000)
    assert "黄磊" in taker.status.text() and "已接班" in taker.status.text()
    from app.clock import utcnow
    from app.services import doc_deadlines as dl
    from app.services.demo_ids import demo_id

    enc = panel.model.rows()[row].encounter_id
    owed = real_window.ctx.backend.read(lambda conn: dl.due_items(conn, utcnow(), encounter_id=enc))
    on = [i for i in owed if i.doc_type == "handover_on"]
    assert on and on[0].resident_id == demo_id("staff", "huanglei")    # hers now, 24 h to write it
    real_window.grab().save("/tmp/records_handover.png")
