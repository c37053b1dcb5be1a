"""护士交接班 on the real demo ward, by the keyboard: Ctrl+Shift+B opens the running shift's report;
its counts row says what the seeded rows say (the expectation is counted here from the tables,
with the default shift times, not by the service); a note typed, Ctrl+S saves the draft, Ctrl+Enter
hands over; the same nurse's Ctrl+Shift+Enter is refused with the reason; another nurse signs in
and receives it with Ctrl+Shift+Enter."""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import and_, func, or_, select

from tests.ui.conftest import commit_text, sign_in
from ui.qt import QApplication, Qt

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NURSE_PASSWORD = "demo-nurse1"


def _window_now() -> tuple[datetime, datetime]:
    """The default shift holding now: 00-08 大夜, 08-16 白班, 16-24 小夜, window (start, end]."""
    local = datetime.now().astimezone()
    day = local.date()
    bounds = [datetime.combine(day, time(h), local.tzinfo) for h in (0, 8, 16)]
    bounds.append(datetime.combine(day + timedelta(days=1), time(0), local.tzinfo))
    if local == bounds[0]:
        return bounds[0] - timedelta(hours=8), bounds[0]
    start = max(b for b in bounds if b < local)
    return start.astimezone(timezone.utc), (start + timedelta(hours=8)).astimezone(timezone.utc)


def _expected(backend: Any, ward_id: str) -> dict[str, int]:
    from app.store.schema import bed_move, encounter, vital_obs

    start, _end = _window_now()
    now = datetime.now(timezone.utc)

    def read(conn: Any) -> dict[str, int]:
        def n(*where: Any) -> int:
            return int(conn.execute(select(func.count()).select_from(encounter).where(*where)).scalar_one())

        here = encounter.c.ward_id == ward_id
        inside = and_(encounter.c.discharged_at > start, encounter.c.discharged_at <= now)
        moves_in = conn.execute(select(func.count()).select_from(bed_move).where(
            bed_move.c.to_ward_id == ward_id, bed_move.c.from_ward_id != ward_id,
            bed_move.c.moved_at > start, bed_move.c.moved_at <= now)).scalar_one()
        moves_out = conn.execute(select(func.count()).select_from(bed_move).where(
            bed_move.c.from_ward_id == ward_id, bed_move.c.to_ward_id != ward_id,
            bed_move.c.moved_at > start, bed_move.c.moved_at <= now)).scalar_one()
        ops = {code: conn.execute(select(func.count(func.distinct(vital_obs.c.encounter_id))).where(
            vital_obs.c.item == "event", vital_obs.c.code == code, vital_obs.c.measured_at > start,
            vital_obs.c.measured_at <= now)).scalar_one() for code in ("surgery", "delivery")}
        admitted = and_(here, encounter.c.status == "admitted")
        return {
            "original": n(here, encounter.c.admitted_at <= start,
                          or_(encounter.c.discharged_at.is_(None), encounter.c.discharged_at > start)),
            "admitted": n(here, encounter.c.admitted_at > start, encounter.c.admitted_at <= now),
            "discharged": n(here, encounter.c.status == "discharged", inside),
            "transfer_in": int(moves_in), "transfer_out": int(moves_out) + n(
                here, encounter.c.status == "transferred", inside),
            "died": n(here, encounter.c.status == "deceased", inside),
            "current": n(admitted),
            "critical": n(admitted, encounter.c.acuity == "critical"),
            "serious": n(admitted, encounter.c.acuity == "serious"),
            "surgery": int(ops["surgery"]), "delivery": int(ops["delivery"])}

    return dict(backend.read(read))


def _shown_counts(page: Any) -> dict[str, int]:
    from ui.nurse.handover_model import COUNT_COLUMNS

    model = page.counts
    return {key: int(model.data(model.index(0, col))) for col, key in enumerate(COUNT_COLUMNS)}


def _open(qtbot: Any, window: Any) -> Any:
    from ui.nurse.handover import NurseHandoverPage

    widget = QApplication.focusWidget() or window
    qtbot.keyClick(widget, Qt.Key.Key_B, CTRL | SHIFT)
    page = window.tabs.currentWidget()
    assert isinstance(page, NurseHandoverPage)
    qtbot.waitUntil(lambda: page.loaded and page.patients.rowCount() > 0, timeout=10_000)
    return page


def test_a_shift_handover_counted_written_handed_over_and_received(qtbot: Any, real_window: Any,
                                                                   real_backend: Any) -> None:
    from app.services.demo_ids import demo_id

    sign_in(qtbot, real_window, "liufang", NURSE_PASSWORD)
    page = _open(qtbot, real_window)
    expected = _expected(real_backend, demo_id("ward"))
    assert _shown_counts(page) == expected                     # what the demo ward's rows say
    assert expected["current"] == 32 and expected["critical"] == 1 and expected["serious"] == 2
    assert page.identity.text().startswith("✓")
    assert not page.explanation.isVisible()
    assert "尚未保存" in page.status.text()
    beds = [r.bed_no for r in page.patients.rows()]
    assert "12" in beds and "5" in beds and "21" in beds       # 病危, 病重
    groups = [r.group for r in page.patients.rows()]
    from app.domain.nurse_shift import GROUPS

    assert groups == sorted(groups, key=GROUPS.index)          # leaving, arriving, ..., abnormal
    running = (page.report.shift.shift_date, page.report.shift.code)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)   # the shift before
    qtbot.waitUntil(lambda: page.report.shift.end == page.report.recent[0].start, timeout=5000)
    assert page.shift_box.currentIndex() == 1
    qtbot.keyClick(page.table, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # back again
    qtbot.waitUntil(lambda: (page.report.shift.shift_date, page.report.shift.code) == running, timeout=5000)
    assert _shown_counts(page) == expected
    row = [r.bed_no for r in page.patients.rows()].index("12")
    page.table.selectRow(row)
    assert "病危" in page.edits["events"].toPlainText()          # pre-filled from the data
    commit_text(page.edits["pending"], "今晚复查血常规，备血2U。")
    # Beside the pre-filled line, if the shift has doses still open at this hour of the day.
    handed = page.edits["pending"].toPlainText()
    assert "今晚复查血常规，备血2U。" in handed
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_S, CTRL)             # 保存草稿
    qtbot.waitUntil(lambda: page.report.saved is not None and page.report.saved.status == "draft",
                    timeout=5000)
    assert "草稿" in page.status.text()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL)        # 交班签名
    qtbot.waitUntil(lambda: page.report.saved.status == "handed", timeout=5000)
    assert "刘芳" in page.status.text() and "待接班" in page.status.text()
    assert page.edits["pending"].isReadOnly()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL | SHIFT)   # she cannot receive her own
    qtbot.waitUntil(lambda: "不能为自己接班" in page.message.text(), timeout=5000)
    assert page.report.saved.status == "handed"
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL)        # nor sign it twice
    qtbot.waitUntil(lambda: "不能重复签名" in page.message.text(), timeout=5000)
    real_window._lock_and_switch()
    sign_in(qtbot, real_window, "zhaoli", NURSE_PASSWORD)
    taker = _open(qtbot, real_window)
    assert "待接班" in taker.status.text()
    taker.table.selectRow([r.bed_no for r in taker.patients.rows()].index("12"))
    assert taker.edits["pending"].toPlainText() == handed      # what was handed over
    taker.table.setFocus()
    qtbot.keyClick(taker.table, Qt.Key.Key_Return, CTRL | SHIFT)   # 接班签名
    qtbot.waitUntil(lambda: taker.report.saved.status == "received", timeout=5000)
    assert "赵丽" in taker.status.text() and "接班签名" in taker.status.text()
    assert _shown_counts(taker) == expected
    real_window.grab().save("/tmp/nursehandover-page.png")
    real_window.action_set.actions["lang_en"].trigger()         # live: the page follows
    qtbot.waitUntil(lambda: "matching" in taker.identity.text(), timeout=3000)
    assert taker.counts.headerData(0, Qt.Orientation.Horizontal) == "Start"
    assert "received by 赵丽" in taker.status.text() and taker.shift_label.text() == "Shift"


def test_counts_that_do_not_add_up_are_shown_red_and_must_be_explained(qtbot: Any, real_window: Any,
                                                                      real_backend: Any) -> None:
    """The last shift's signed report said 33 on the ward; the data say 32: the identity fails, the
    page says so in red, and Ctrl+Enter is refused at the explanation field until it is written."""
    from sqlalchemy import delete, insert

    from app.ids import new_id
    from app.services.demo_ids import demo_id
    from app.store.schema import nurse_handover

    start, _end = _window_now()
    prev_start = start - timedelta(hours=8)
    code = {0: "night", 8: "day", 16: "evening"}[prev_start.astimezone().hour]
    head = demo_id("staff", "sunmin")
    counts = dict.fromkeys(("admitted", "discharged", "transfer_in", "transfer_out", "died", "critical",
                            "serious", "surgery", "delivery"), 0)
    counts.update(original=33, current=33, holds=True)

    def seed(conn: Any) -> None:
        conn.execute(delete(nurse_handover).where(nurse_handover.c.shift_start == prev_start))   # the demo's
        conn.execute(insert(nurse_handover).values(
            id=new_id(), ward_id=demo_id("ward"), shift_date=prev_start.astimezone().date(), shift_code=code,
            shift_start=prev_start, shift_end=start, counts=counts, notes={"entries": [], "explanation": ""},
            status="handed", drafted_by=head, handed_by=head, handed_at=start, version=1, created_at=start,
            updated_at=start))

    db = real_backend._require()
    with db.begin() as conn:
        seed(conn)
    sign_in(qtbot, real_window, "liufang", NURSE_PASSWORD)
    page = _open(qtbot, real_window)
    shown = _shown_counts(page)
    assert shown["original"] == 33 and shown["current"] == _expected(real_backend, demo_id("ward"))["current"]
    assert page.identity.text().startswith("✗") and "人数不符" in page.identity.text()
    assert "上一班交班报告" in page.identity.text()
    assert page.explanation.isVisible()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return, CTRL)        # 交班: refused, the reason shown
    qtbot.waitUntil(lambda: "差异说明" in page.message.text(), timeout=5000)
    assert page.report.saved is None and QApplication.focusWidget() is page.explanation
    commit_text(page.explanation, "大夜班报告现有人数有误，已与孙敏护士长核实")
    qtbot.keyClick(page.explanation, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: page.report.saved is not None and page.report.saved.status == "handed",
                    timeout=5000)
    assert page.report.saved.explanation == "大夜班报告现有人数有误，已与孙敏护士长核实"
    assert page.report.saved.counts["holds"] is False
    page.grab().save("/tmp/nursehandover-mismatch.png")
