"""Screenshots of the real app on a fresh demo database, for review: `make screenshots`.

Starts Xvfb when there is no display, runs the GUI on a new demo database (first-run seeding
included), and saves PNGs of what a user sees: the login page while seeding, the login page,
the ward as bed cards and as a list (as a doctor and as a nurse), an open chart, the lock page,
and the ward in English at 1024x768 (the smallest ward-PC screen). Output: screenshots/.
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
        doctor.lock()
        shot(doctor, "05-lock")
        doctor.close()

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
