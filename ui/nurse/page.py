"""The nurse's workstation page: a tab beside the ward board that a nurse sees first after
signing in. It holds the ward's verification queue (ui/nurse/queue.py), the day's execution
lists (ui/nurse/execution.py) and the skin tests (ui/nurse/skin.py).

Data: each panel reads its own list; a Changes broadcast from another view that touches what a
panel shows reloads that panel only (rule 5); this page's own commands reload in their callback.
"""
from __future__ import annotations

from typing import Any, Optional

from ui.nurse.queue import QueuePanel
from ui.operations import OpContext
from ui.qt import QEvent, QTabWidget, QVBoxLayout, QWidget, Signal, translate

ORIGIN = "nurse_page"


class NursePage(QWidget):
    queue_count_changed = Signal(int)
    title_changed = Signal(str)

    def __init__(self, ctx: OpContext, user: Any, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.ward_id = ""
        self.origin = f"{ORIGIN}:{id(self)}"
        self.tabs = QTabWidget()
        self.tabs.setObjectName("nurse_tabs")
        self.queue = QueuePanel(ctx, user, self.origin + ":queue")
        self.queue.count_changed.connect(self.queue_count_changed)
        self.tabs.addTab(self.queue, "")
        self.panels: list[Any] = [self.queue]
        self._add_panels()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.setFocusProxy(self.queue)
        ctx.runner.changes.connect(self._on_changes)
        self.retranslate()

    def _add_panels(self) -> None:
        """The execution, skin-test and pharmacy panels (steps 2, 3 and 6 of the issue)."""
        try:
            from ui.nurse.execution import ExecutionPanel
        except ImportError:
            return
        self.execution = ExecutionPanel(self.ctx, self.user, self.origin + ":exec")
        self.tabs.addTab(self.execution, "")
        self.panels.append(self.execution)
        try:
            from ui.nurse.skin import SkinTestPanel
        except ImportError:
            return
        self.skin = SkinTestPanel(self.ctx, self.user, self.origin + ":skin")
        self.tabs.addTab(self.skin, "")
        self.panels.append(self.skin)
        from ui.nurse.pharmacy import PharmacyPanel

        self.pharmacy = PharmacyPanel(self.ctx, self.user, self.origin + ":pharmacy")
        self.tabs.addTab(self.pharmacy, "")
        self.panels.append(self.pharmacy)

    def set_ward(self, ward_id: str) -> None:
        if not ward_id or ward_id == self.ward_id:
            return
        self.ward_id = ward_id
        for panel in self.panels:
            panel.set_ward(ward_id)

    def _on_changes(self, changes: Any) -> None:
        origin = getattr(changes, "origin", "")
        for panel in self.panels:
            if origin == panel.origin:
                continue                    # the panel's own command: its callback reloads it
            if not any(changes.touches(k) for k in getattr(panel, "WATCHES", ("order",))):
                continue
            if changes.touches("order") and hasattr(panel, "refresh"):
                panel.refresh()             # a verified order may have doses to plan today
            else:
                panel.reload()

    def title(self) -> str:
        return translate("NursePage", "护士工作站")

    def retranslate(self) -> None:
        self.tabs.setTabText(0, translate("NursePage", "医嘱审核"))
        names = [translate("NursePage", "执行单"), translate("NursePage", "皮试"),
                 translate("NursePage", "集中发送")]
        for i in range(1, self.tabs.count()):
            self.tabs.setTabText(i, names[i - 1] if i - 1 < len(names) else "")
        self.title_changed.emit(self.title())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            for panel in self.panels:
                if hasattr(panel, "model"):
                    panel.model.retranslate()
        super().changeEvent(event)


def attach(window: Any, user: Any) -> Optional[NursePage]:
    """After a sign-in: a nurse gets the page as the tab beside the ward board, shown first."""
    from ui.operations import nurse as ops

    roles = set(getattr(user, "roles", ()))
    tabs = window.tabs
    for i in range(tabs.count()):
        page = tabs.widget(i)
        if isinstance(page, NursePage):
            if page.user is not None and page.user.id == getattr(user, "id", None):
                tabs.setCurrentIndex(i)
                return page
            tabs.removeTab(i)
            page.deleteLater()
            break
    if not roles & {"nurse", "head_nurse"} or not ops.supported(window.ctx):
        window.status.set_nurse_queue(None)
        return None
    page = NursePage(window.ctx, user)
    index = tabs.insertTab(1, page, page.title())
    tabs.tabBar().setTabButton(index, tabs.tabBar().ButtonPosition.RightSide, None)
    page.title_changed.connect(lambda text: tabs.setTabText(tabs.indexOf(page), text))
    page.queue_count_changed.connect(window.status.set_nurse_queue)
    window.ward_loaded.connect(page.set_ward)
    ward_id = getattr(user, "ward_id", None) or window.ward_view.current_ward_id()
    if ward_id:
        page.set_ward(ward_id)
    tabs.setCurrentIndex(index)
    page.setFocus()
    return page
