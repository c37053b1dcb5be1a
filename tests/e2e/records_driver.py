"""The real GUI (ui.app.run_gui on the demo database of WARDSTATION_DATA_DIR) with a user at
the keyboard: signs in as 张伟, opens bed 11's 病历 tab and then

- `write`: creates a 日常病程记录 and commits a numbered chunk of text every TYPE_EVERY_S the
  way an input method does, printing `TYPED n <unix time>` after each (until it is killed);
- `check`: opens the newest document and prints `TEXT <json>` of its first section, then quits.

tests/e2e/test_records_crash.py runs it as a process and kills it with SIGKILL."""
from __future__ import annotations

import faulthandler
import json
import sys
import time
from pathlib import Path
from typing import Any, Callable, Iterator

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

TYPE_EVERY_S = 0.5


def main(mode: str) -> int:
    from ui.app import run_gui
    from ui.qt import QApplication, QInputMethodEvent, QTimer

    app = QApplication(sys.argv)

    def window() -> Any:
        from ui.mainwindow import MainWindow

        return next((w for w in app.topLevelWidgets() if isinstance(w, MainWindow)), None)

    def steps() -> Iterator[Callable[[], bool]]:
        from app.services.demo_ids import demo_id

        yield lambda: window() is not None and window().login_page.isVisible() \
            and window().login_page.user_edit.isEnabled()
        w = window()
        while w.stack.currentWidget() is not w.tabs:   # again if the database was not ready yet
            w._login_requested("zhangwei", "demo-doctor1")
            until = time.monotonic() + 3
            yield lambda until=until: w.stack.currentWidget() is w.tabs or time.monotonic() > until
        yield lambda: w.ward_view.model.rowCount() > 0
        w.open_patient(demo_id("encounter", 11))
        page = w.tabs.currentWidget()
        yield lambda: page.header_widget.header is not None
        page.show_records()
        yield lambda: page.records_tab is not None and page.records_tab.loaded
        tab = page.records_tab
        if mode == "check":
            yield lambda: tab.view_doc is not None
            print("TEXT " + json.dumps(tab.editor.edits[0].toPlainText(), ensure_ascii=False), flush=True)
            print("TITLE " + tab.view_doc.doc.title, flush=True)
            app.quit()
            return
        tab.new_document()
        yield lambda: tab.dialog is not None and tab.dialog.isVisible()
        event = QInputMethodEvent("", [])
        event.setCommitString("日常病程记录")
        QApplication.sendEvent(tab.dialog.filter, event)
        tab.dialog.accept()
        yield lambda: tab.mode == "edit" and tab.view_doc is not None and tab.editor.edits
        edit = tab.editor.edits[0]
        edit.setFocus()
        print("EDITING " + tab.view_doc.doc.id, flush=True)
        watching.append(True)
        n = 0
        next_at = time.monotonic()
        while True:
            yield lambda at=next_at: time.monotonic() >= at
            n += 1
            typed = QInputMethodEvent("", [])
            typed.setCommitString(f"[{n}]")
            QApplication.sendEvent(edit, typed)
            print(f"TYPED {n} {time.time():.3f}", flush=True)
            next_at += TYPE_EVERY_S

    script = steps()
    waiting: list[Callable[[], bool]] = [next(script)]
    watching: list[bool] = []

    def tick() -> None:
        if watching:    # the GUI thread held up for 3 s while typing: every thread's stack to stderr
            faulthandler.cancel_dump_traceback_later()
            faulthandler.dump_traceback_later(3.0, repeat=True)
        try:
            while waiting[0]():
                waiting[0] = next(script)
        except StopIteration:
            timer.stop()

    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(tick)
    timer.start()
    return run_gui(sys.argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "write"))
