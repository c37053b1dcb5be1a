"""Screenshots of the real app on a fresh demo database, for review: `make screenshots`.

Starts Xvfb when there is no display, runs the GUI on a new demo database (first-run seeding
included), and saves PNGs of what a user sees: the login page while seeding, the login page,
the ward as bed cards and as a list (as a doctor and as a nurse), an open chart, the 医嘱 tab
with a signed infusion group (┌└), order entry's match list, the F9 review with a high alert, the
长期/临时医嘱单, the order-set dialog (F4: the list filtered by pinyin, and a set's items with one
unticked), a signed 术后医嘱 red line on the 长期医嘱单, the lock page, and the ward in English at
1024x768 (the smallest ward-PC screen).
Output: screenshots/.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"


def _ensure_display() -> Any:
    if os.environ.get("DISPLAY"):
        return None
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        print("screenshots: no Xvfb, rendering offscreen", file=sys.stderr)
        return None
    display = ":93"
    proc = subprocess.Popen([xvfb, display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)
    os.environ["DISPLAY"] = display
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
    return proc


def main() -> int:
    xvfb = _ensure_display()
    sys.path.insert(0, str(ROOT))
    from ui import i18n
    from ui.app import create_window
    from ui.operations.backend import AppBackend
    from ui.qt import QApplication
    from ui.settings import Settings

    OUT.mkdir(exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="ws-shots-"))
    app = QApplication(sys.argv)
    i18n.setup_font()

    def settle(seconds: float = 0.6) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)

    def wait(cond: Callable[[], bool], seconds: float = 120) -> None:
        end = time.monotonic() + seconds
        while not cond():
            if time.monotonic() > end:
                raise SystemExit("screenshots: timed out")
            app.processEvents()
            time.sleep(0.02)

    def session(login: str, password: str, size: tuple[int, int], lang: str = "zh_CN") -> Any:
        settings = Settings(str(work / f"{login}.ini"))
        settings.update(language=lang)
        window = create_window(AppBackend(demo_path=work / "demo.sqlite"), settings)
        window.resize(*size)
        window.show()
        window.start()
        return window

    def shot(window: Any, name: str) -> None:
        settle()
        path = OUT / f"{name}.png"
        window.grab().save(str(path))
        print(path.relative_to(ROOT))

    def sign_in(window: Any, login: str, password: str) -> None:
        wait(lambda: window.db_ready)
        page = window.login_page
        page.user_edit.setText(login)
        page.password_edit.setText(password)
        page.login_button.click()
        wait(lambda: window.ward_view.model.rowCount() > 0)
        wait(lambda: bool(window.ward_view.model.marks()), 30)     # the cards' flags follow

    def open_bed(window: Any, bed: str) -> Any:
        card = next(r.card for r in window.ward_view.model.rows() if r.card.bed_no == bed)
        window.open_patient(card.encounter_id or "")
        page = window.tabs.currentWidget()
        wait(lambda: page.header_widget.header is not None and page.orders_tab is not None
             and page.orders_tab.loaded)
        return page

    def command(window: Any, cls: Any, **values: Any) -> Any:
        """Demo content for the pictures, through the same write path as the GUI."""
        from app.clock import utcnow
        from app.ids import new_id

        return window.ctx.backend.execute(cls(op_id=new_id(), actor_id=window.user.id,
                                              device_time=utcnow(), **values))

    def draft(window: Any, encounter_id: str, content: str, code: str, dose: str, unit: str,
              freq: str, rate: Any = None) -> str:
        from decimal import Decimal

        from app.ids import new_id
        from app.services.order_commands import OrderFields, SaveDraft

        oid = new_id()
        command(window, SaveDraft, encounter_id=encounter_id, order_id=oid, base_version=0,
                fields=OrderFields(term="long", category="drug", content=content, drug_code=code,
                                   dose=Decimal(dose), dose_unit=unit, route_code="ivgtt",
                                   freq_code=freq, rate=rate, first_day_times=1))
        return oid

    def set_shots(window: Any, tab: Any) -> None:
        """F4: the sets this doctor may use, filtered by pinyin; a set's items, one unticked."""
        from ui.orders.sets import ApplySetDialog

        window.activateWindow()
        tab.open_apply_set()
        dialog = next(d for d in tab._dialogs if isinstance(d, ApplySetDialog))
        wait(lambda: not dialog.loading)
        settle(0.3)
        for name, step in (("12-order-set-list", None), ("12b-order-set-filtered", "sq"),
                           ("12c-order-set-items", "open")):
            if step == "open":
                dialog.open_current()
                dialog.items.toggle(3)
                dialog.items_view.setCurrentIndex(dialog.items.index(3, 3))
            elif step:
                dialog.filter_edit.setText(step)
            settle(0.4)
            path = OUT / f"{name}.png"
            dialog.grab().save(str(path))
            print(path.relative_to(ROOT))
        dialog.reject()
        settle(0.2)

    def red_line_shot(window: Any, tab: Any, enc: str) -> None:
        """A signed 术后医嘱 on the 长期医嘱单: the red rule, the orders above it stopped."""
        from app.ids import new_id
        from app.services.order_commands import OrderFields, SaveDraft, SignOrders

        line = new_id()
        command(window, SaveDraft, encounter_id=enc, order_id=line, base_version=0,
                fields=OrderFields(term="long", category="line", content="术后医嘱", line_kind="postop"))
        command(window, SignOrders, encounter_id=enc, order_ids=(line,), base_versions=(1,))
        tab.reload()
        wait(lambda: not tab._loading and any(r.id == line and r.status == "submitted" for r in tab.rows()))
        tab.toggle_sheet()
        tab.sheet_tabs.setCurrentIndex(0)
        shot(window, "13-order-sheet-red-line")
        tab.toggle_sheet()

    def print_shot(window: Any, tab: Any) -> None:
        """The print preview of the 长期医嘱单 (Ctrl+P)."""
        from ui.printing.preview import PrintPreview

        tab.open_print("whole")
        dialog = next(d for d in reversed(tab._dialogs) if isinstance(d, PrintPreview))
        wait(lambda: not dialog.loading)
        settle()
        path = OUT / "16-print-preview.png"
        dialog.grab().save(str(path))
        print(path.relative_to(ROOT))
        dialog.reject()

    def order_shots(window: Any) -> None:
        """The 医嘱 tab with a signed infusion group, the F9 review with a high alert, the sheet."""
        from app.ids import new_id
        from app.services.order_commands import GroupDrafts, SignOrders

        page = open_bed(window, "7")
        tab = page.orders_tab
        enc = page.encounter_id
        a = draft(window, enc, "0.9%氯化钠注射液 250ml", "B05XA03.02", "250", "ml", "qd", "40 gtt/min")
        b = draft(window, enc, "注射用头孢曲松钠 2g", "J01DD04.02", "2", "g", "qd")
        command(window, GroupDrafts, encounter_id=enc, group_id=new_id(), order_ids=(a, b),
                base_versions=(1, 1))
        command(window, SignOrders, encounter_id=enc, order_ids=(a, b), base_versions=(2, 2))
        draft(window, enc, "注射用头孢曲松钠 1g", "J01DD04.01", "1", "g", "bid")
        tab.reload()
        wait(lambda: not tab._loading and any(r.id == b for r in tab.rows()))
        tab.select_ids([b], b)
        shot(window, "08-orders-group")
        window.activateWindow()
        tab.start_entry("long")
        tab.entry.edits["content"].setText("")
        settle(0.3)
        tab.entry.edits["content"].setFocus()
        from PySide6.QtTest import QTest

        QTest.keyClicks(tab.entry.edits["content"], "lhn")
        settle(0.5)
        shot(window, "08b-orders-entry-search")
        tab.entry.hide_matches()
        tab.leave_entry()
        tab.toggle_sheet()
        shot(window, "10-order-sheet-long")
        tab.sheet_tabs.setCurrentIndex(1)
        shot(window, "11-order-sheet-temp")
        tab.toggle_sheet()
        set_shots(window, tab)
        red_line_shot(window, tab, enc)
        print_shot(window, tab)

        allergic = next(r.card for r in window.ward_view.model.rows()
                        if r.card.occupied and "青霉素" in r.card.allergies)
        page = open_bed(window, allergic.bed_no)
        tab = page.orders_tab
        draft(window, page.encounter_id, "注射用青霉素钠 400万U", "J01CE01.03", "400", "万U", "bid")
        tab.reload()
        wait(lambda: not tab._loading and bool(tab.drafts()))
        tab.open_review()
        from ui.orders.review import ReviewDialog

        dialog = next(d for d in tab._dialogs if isinstance(d, ReviewDialog))
        wait(lambda: not dialog.loading)
        dialog.sign()                   # refused: the reasons are missing (the message shows)
        settle()
        path = OUT / "09-review-high-alert.png"
        dialog.grab().save(str(path))
        print(path.relative_to(ROOT))
        shot(window, "09-review-high-alert-window")
        dialog.reject()

    try:
        doctor = session("liming", "demo-doctor1", (1366, 768))
        settle(1.0)
        shot(doctor, "01-login-first-run")
        wait(lambda: doctor.db_ready)
        shot(doctor, "02-login")
        sign_in(doctor, "liming", "demo-doctor1")
        doctor.ward_view.set_mode("cards")
        shot(doctor, "03-ward-cards-doctor")
        card = next(r.card for r in doctor.ward_view.model.rows() if r.card.acuity == "critical")
        doctor.open_patient(card.encounter_id or "")
        wait(lambda: doctor.tabs.count() == 2 and doctor.tabs.widget(1).header_widget.header is not None)
        shot(doctor, "04-chart-header")
        order_shots(doctor)
        doctor.lock()
        shot(doctor, "05-lock")
        doctor.close()

        chief = session("wangjg", "demo-doctor1", (1366, 768))
        sign_in(chief, "wangjg", "demo-doctor1")
        chief.show_approvals()
        approvals = chief._approvals
        wait(lambda: not approvals.loading and approvals.model.rowCount() > 0)
        settle()
        path = OUT / "14-antibiotic-approvals.png"
        approvals.grab().save(str(path))
        print(path.relative_to(ROOT))
        approvals.hide()
        chief.close()

        english_doctor = session("liming", "demo-doctor1", (1366, 768), lang="en")
        sign_in(english_doctor, "liming", "demo-doctor1")
        page = open_bed(english_doctor, "7")
        wait(lambda: page.orders_tab.loaded)
        shot(english_doctor, "15-orders-english")
        english_doctor.close()

        nurse = session("liufang", "demo-nurse1", (1366, 768))
        sign_in(nurse, "liufang", "demo-nurse1")
        nurse.ward_view.set_mode("list")
        shot(nurse, "06-ward-list-nurse")
        nurse.close()

        english = session("sunmin", "demo-head1", (1024, 768), lang="en")
        sign_in(english, "sunmin", "demo-head1")
        english.ward_view.set_mode("cards")
        shot(english, "07-ward-cards-english-1024")
        english.close()
    finally:
        app.processEvents()
        shutil.rmtree(work, ignore_errors=True)
        if xvfb is not None:
            xvfb.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
