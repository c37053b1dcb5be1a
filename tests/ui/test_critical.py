"""危急值 on two logged-in workstations (pytest-qt, real services, two main windows on one copy of
the seeded demo database, each with its own backend as two PCs would have): a critical value the
"lab" writes appears on both within 10 s through the change-sequence polling (the real timer),
as a red banner and a mark on the bed card; a nurse acknowledges it on one PC through the banner's
dialog, naming the doctor she told, and the banner disappears on both."""
from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

from tests.ui.conftest import sign_in

NURSE, NURSE_PASSWORD = "liufang", "demo-nurse1"
NURSE2, NURSE2_PASSWORD = "zhaoli", "demo-nurse1"
DOCTOR, DOCTOR_PASSWORD = "zhangwei", "demo-doctor1"
SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _lab_reports(path: Path, mrn: str, test: str, value: str) -> str:
    """The lab system, from outside both PCs: its own connection to the database file."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services import critical
    from app.services.write import run_unit
    from app.store.db import open_database

    db = open_database(f"sqlite:///{path}")
    try:
        report = critical.CriticalReport(source_ref=new_id(), mrn=mrn, test_code=test, value_text=value,
                                         reported_at=utcnow(), abnormal="HH")
        alert_id: str = run_unit(db, "lab-lis", lambda uow: critical.report_critical(uow, report))
        return alert_id
    finally:
        db.dispose()


def _card_critical(window: Any, bed_no: str) -> int:
    from ui.ward_model import CRITICAL_ROLE, ROW_ROLE

    proxy = window.ward_view.proxy
    for r in range(proxy.rowCount()):
        index = proxy.index(r, 0)
        if index.data(ROW_ROLE).card.bed_no == bed_no:
            return int(index.data(CRITICAL_ROLE) or 0)
    raise AssertionError(f"bed {bed_no} is not on the board")


def _mrn_of(window: Any, bed_no: str) -> str:
    from ui.ward_model import ROW_ROLE

    proxy = window.ward_view.proxy
    for r in range(proxy.rowCount()):
        card = proxy.index(r, 0).data(ROW_ROLE).card
        if card.bed_no == bed_no:
            return str(card.mrn)
    raise AssertionError(f"bed {bed_no} is not on the board")


def test_a_critical_value_reaches_a_second_pc_and_leaves_both_once_acknowledged(
        qtbot: Any, make_window: Any, seeded_demo_file: Path, tmp_path: Path) -> None:
    from ui.operations.backend import AppBackend
    from ui.qt import QDialogButtonBox, is_alive

    path = tmp_path / "ward.sqlite"
    shutil.copy(seeded_demo_file, path)
    backends = [AppBackend(demo_path=path), AppBackend(demo_path=path)]
    try:
        first, second = (make_window(b) for b in backends)
        sign_in(qtbot, first, NURSE, NURSE_PASSWORD)
        sign_in(qtbot, second, DOCTOR, DOCTOR_PASSWORD)
        for w in (first, second):
            w.resize(1366, 740)
            qtbot.waitUntil(lambda w=w: w._ws.critical.state is not None, timeout=5000)   # polling
            assert not w._ws.critical.banner.isVisible()
        mrn = _mrn_of(first, "1")
        reported = time.monotonic()
        alert_id = _lab_reports(path, mrn, "K", "6.8")
        qtbot.waitUntil(lambda: second._ws.critical.banner.isVisible(), timeout=10_000)
        seen_after = time.monotonic() - reported
        qtbot.waitUntil(lambda: first._ws.critical.banner.isVisible(), timeout=10_000)
        for w in (first, second):
            texts = w._ws.critical.banner.texts()
            assert len(texts) == 1 and "1床" in texts[0] and "钾 6.8 mmol/L（HH）" in texts[0]
            assert _card_critical(w, "1") == 1 and _card_critical(w, "2") == 0
        SHOTS.mkdir(parents=True, exist_ok=True)
        second.grab().save(str(SHOTS / "critical_banner.png"))
        # The doctor's PC offers 确认 too (he may take the call); the nurse acknowledges on hers.
        _, button = first._ws.critical.banner.rows[0]
        assert button.isEnabled()
        button.click()
        dialog = first._ws.critical.dialog
        assert dialog is not None
        qtbot.waitUntil(dialog.isVisible, timeout=3000)
        assert dialog.told.currentText() == "张伟"                    # the stay's resident first
        dialog.grab().save(str(SHOTS / "critical_ack_dialog.png"))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not first._ws.critical.banner.isVisible(), timeout=5000)
        assert not is_alive(dialog) or not dialog.isVisible()          # closed once it was saved
        # The other PC learns of the acknowledgement at its next polls (3 s apart); 10 s was once
        # not enough on the CI machine (the 10 s promise is for a value appearing, tested above).
        qtbot.waitUntil(lambda: not second._ws.critical.banner.isVisible(), timeout=20_000)
        for w in (first, second):
            qtbot.waitUntil(lambda w=w: _card_critical(w, "1") == 0, timeout=5000)
        from app.services import critical

        taken = backends[1].read(lambda conn: critical.get(conn, alert_id))
        assert (taken.status, taken.ack_by_name, taken.told_name) == ("acked", "刘芳", "张伟")
        print(f"critical value on the second PC after {seen_after:.1f} s")
        assert seen_after < 10
    finally:
        for b in backends:
            b.close()


def test_the_banner_hides_behind_the_lock_and_the_key_opens_the_dialog(
        qtbot: Any, real_window: Any, real_backend: Any) -> None:
    from ui.qt import Qt

    window = real_window
    sign_in(qtbot, window, NURSE2, NURSE2_PASSWORD)
    part = window._ws.critical
    qtbot.waitUntil(lambda: part.state is not None, timeout=5000)
    _lab_reports(real_backend._demo_path, _mrn_of(window, "2"), "NA", "118")
    qtbot.waitUntil(part.banner.isVisible, timeout=10_000)
    assert "2床" in part.banner.texts()[0]
    window.lock()
    assert not part.banner.isVisible()                                # names off a locked screen
    assert window.lock_page.critical_label.isVisible()
    assert window.lock_page.critical_label.text() == "本病区有 1 条危急值未确认，请解锁后处理"
    window.grab().save(str(SHOTS / "critical_locked.png"))
    window.lock_page.password_edit.setFocus()
    qtbot.keyClicks(window.lock_page.password_edit, NURSE2_PASSWORD)
    qtbot.keyClick(window.lock_page.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not window.locked, timeout=5000)
    assert part.banner.isVisible()
    window.action_set.actions["critical_ack"].trigger()               # Ctrl+Shift+W
    qtbot.waitUntil(lambda: part.dialog is not None and part.dialog.isVisible(), timeout=3000)
    assert part.dialog is not None and "钠" in part.dialog.findChild(type(part.banner.more),
                                                                      "criticalAckValue").text()
    part.dialog.told.setEditText("")
    part.dialog.submit()
    assert part.dialog.message.text() == "请填写已通知的医生"          # whom she told is asked for
    assert part.banner.isVisible()


def test_the_doctor_documents_it_from_his_time_limit_list(qtbot: Any, real_window: Any,
                                                          real_backend: Any) -> None:
    from app.services import critical
    from app.services.critical_cmds import AcknowledgeCriticalValue
    from app.services.demo_ids import demo_id
    from app.services.write import run_command
    from app.store.db import open_database
    from ui.patient_header import PatientPage
    from ui.records.model import ROW_ROLE
    from ui.records.todo import TodoPanel

    window = real_window
    sign_in(qtbot, window, DOCTOR, DOCTOR_PASSWORD)
    path = real_backend._demo_path
    alert_id = _lab_reports(path, _mrn_of(window, "1"), "K", "6.8")
    db = open_database(f"sqlite:///{path}")
    try:                                                  # the nurse took it on her PC
        with db.connect() as conn:
            alert = critical.get(conn, alert_id)
        assert alert is not None
        run_command(db, "pc-nurse", AcknowledgeCriticalValue(
            op_id=demo_id("op", alert_id), actor_id=demo_id("staff", "liufang"),
            device_time=alert.received_at,
            critical_id=alert_id, encounter_id=alert.encounter_id, base_version=alert.version,
            told_name="张伟", told_staff_id=demo_id("staff", "zhangwei")))
    finally:
        db.dispose()
    window.action_set.actions["record_todo"].trigger()
    panel = window.tabs.currentWidget()
    assert isinstance(panel, TodoPanel)
    qtbot.waitUntil(lambda: panel.loaded, timeout=5000)
    rows = [panel.model.data(panel.model.index(r, 0), ROW_ROLE) for r in range(panel.model.rowCount())]
    row = next(r for r, item in enumerate(rows) if item.doc_type == "critical_note")
    assert panel.model.data(panel.model.index(row, 2)) == "危急值处理记录（病程）"
    panel._open(row)                                      # Enter on the row
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), PatientPage), timeout=5000)
    page = window.tabs.currentWidget()
    tab = page.records_tab
    qtbot.waitUntil(lambda: tab is not None and tab.view_doc is not None, timeout=10_000)
    assert tab.view_doc.doc.title == "危急值处理记录"
    texts = {s.id: s.text for s in tab.editor.sections()}
    assert texts["results"].startswith("危急值：钾 6.8 mmol/L（HH），报告时间")
    assert "护士刘芳接收，已通知张伟" in texts["results"]
    linked = real_backend.read(lambda conn: critical.get(conn, alert_id))
    assert linked.status == "noted" and linked.note_doc_id == tab.view_doc.doc.id


def test_a_note_written_in_the_records_tab_is_linked_with_ctrl_alt_w(qtbot: Any, real_window: Any,
                                                                      real_backend: Any) -> None:
    from app.services import critical
    from app.services.demo_ids import demo_id
    from app.services.doc_commands import CreateDocument
    from app.services.records import templates
    from app.services.write import run_command
    from app.store.db import open_database
    from tests.unit.services import test_critical as t

    window = real_window
    sign_in(qtbot, window, DOCTOR, DOCTOR_PASSWORD)
    path = real_backend._demo_path
    alert_id = _lab_reports(path, _mrn_of(window, "1"), "K", "6.8")
    doc_id = demo_id("doc", alert_id)
    db = open_database(f"sqlite:///{path}")
    try:
        t.ack(db, alert_id, at=critical_now(db, alert_id))
        with db.connect() as conn:
            progress = next(x for x in templates(conn) if x.doc_type == "progress")
            alert = critical.get(conn, alert_id)
        assert alert is not None
        run_command(db, "pc-doc", CreateDocument(
            op_id=demo_id("op", doc_id), actor_id=t.ZHANGWEI, device_time=alert.received_at,
            encounter_id=alert.encounter_id, doc_id=doc_id, doc_type="progress", title="日常病程记录",
            event_at=alert.received_at, sections=progress.sections))
    finally:
        db.dispose()
    window.open_patient(alert.encounter_id)
    page = window.tabs.currentWidget()
    page.show_records()
    tab = page.records_tab
    qtbot.waitUntil(lambda: tab.loaded, timeout=10_000)
    tab.open_doc(doc_id)
    qtbot.waitUntil(lambda: tab.view_doc is not None and tab.view_doc.doc.id == doc_id, timeout=5000)
    action = tab.actions_by_key["critical"]
    assert action.isEnabled() and action.shortcut().toString() == "Ctrl+Alt+W"
    action.trigger()
    qtbot.waitUntil(lambda: tab.dialog is not None and tab.dialog.isVisible(), timeout=5000)
    assert tab.dialog.model.rowCount() == 1
    tab.dialog.view.selectRow(0)
    tab.dialog.accept()
    def linked() -> bool:
        return bool(real_backend.read(lambda conn: critical.get(conn, alert_id)).note_doc_id == doc_id)

    qtbot.waitUntil(linked, timeout=5000)
    qtbot.waitUntil(lambda: tab.hint.text().startswith("已关联危急值："), timeout=5000)


def critical_now(db: Any, alert_id: str) -> Any:
    from app.services import critical

    with db.connect() as conn:
        alert = critical.get(conn, alert_id)
    assert alert is not None
    return alert.received_at
