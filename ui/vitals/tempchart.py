"""The chart's 体温单 tab: a Qt painter for app/printing/tempchart_model.py's primitives, paged by
week (PageUp / PageDown, 住院周数 = page number). The painter decides nothing: every line,
symbol and text is where the model puts it, so the PDF painter draws the same sheet."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Callable, Optional

from app.printing import tempchart_model as tm
from ui.operations import OpContext
from ui.operations import vitals as ops
from ui.qt import (
    QColor,
    QFont,
    QHBoxLayout,
    QImage,
    QKeySequence,
    QLabel,
    QPainter,
    QPainterPath,
    QPen,
    QPointF,
    QPolygonF,
    QPushButton,
    QRectF,
    QScrollArea,
    QShortcut,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    is_alive,
    translate,
)
from ui.shortcuts import CHART_NEXT_WEEK, CHART_PREV_WEEK, CHART_PRINT
from ui.vitals.labels import chart_text

FONT_FAMILY = "WenQuanYi Zen Hei"
PREV_KEY, NEXT_KEY = CHART_PREV_WEEK, CHART_NEXT_WEEK


def paint_page(p: QPainter, page: tm.Page, scale: float,
               text_of: Callable[[str, dict[str, Any]], str] = chart_text) -> None:
    """Draw `page` at `scale` device pixels per millimetre, in the model's order."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.fillRect(QRectF(0, 0, page.width * scale, page.height * scale), QColor("#ffffff"))
    for item in page.items:
        if isinstance(item, tm.Line):
            p.setPen(_pen(item.color, item.width, scale, item.dash))
            p.drawLine(QPointF(item.x1 * scale, item.y1 * scale), QPointF(item.x2 * scale, item.y2 * scale))
        elif isinstance(item, tm.Polyline):
            p.setPen(_pen(item.color, item.width, scale, item.dash))
            p.drawPolyline(QPolygonF([QPointF(x * scale, y * scale) for x, y in item.points]))
        elif isinstance(item, tm.Hatch):
            _hatch(p, item, scale)
        elif isinstance(item, tm.Symbol):
            _symbol(p, item, scale)
        elif isinstance(item, tm.Text):
            _text(p, item, scale, text_of(item.key, item.params))


def _pen(color: str, width: float, scale: float, dash: bool = False) -> QPen:
    pen = QPen(QColor(color))
    pen.setWidthF(max(width * scale, 0.6))
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


def _hatch(p: QPainter, item: tm.Hatch, scale: float) -> None:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x * scale, y * scale) for x, y in item.points]))
    path.closeSubpath()
    p.save()
    p.setClipPath(path)
    xs = [x for x, _ in item.points]
    ys = [y for _, y in item.points]
    p.setPen(_pen(item.color, 0.12, scale))
    left, right, top, bottom = min(xs), max(xs), min(ys), max(ys)
    span = (right - left) + (bottom - top)
    n = int(span / item.spacing) + 2
    for k in range(n):                       # lines at 45°: x - y = const
        c = left - (bottom - top) + k * item.spacing
        p.drawLine(QPointF(c * scale, bottom * scale),
                   QPointF((c + (bottom - top)) * scale, top * scale))
    p.restore()


def _symbol(p: QPainter, item: tm.Symbol, scale: float) -> None:
    r = item.size * scale / 2
    c = QPointF(item.x * scale, item.y * scale)
    color = QColor(item.color)
    p.setPen(_pen(item.color, 0.25, scale))
    if item.kind == tm.DOT:
        p.setBrush(color)
        p.drawEllipse(c, r, r)
    elif item.kind in (tm.CIRCLE, tm.RING):
        p.setBrush(QColor("#ffffff") if item.kind == tm.CIRCLE else Qt.BrushStyle.NoBrush)
        p.drawEllipse(c, r, r)
    elif item.kind == tm.CROSS:
        p.drawLine(QPointF(c.x() - r, c.y() - r), QPointF(c.x() + r, c.y() + r))
        p.drawLine(QPointF(c.x() - r, c.y() + r), QPointF(c.x() + r, c.y() - r))
    p.setBrush(Qt.BrushStyle.NoBrush)


def _text(p: QPainter, item: tm.Text, scale: float, text: str) -> None:
    if not text:
        return
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(item.size * scale)))
    p.setFont(font)
    p.setPen(QColor(item.color))
    h = item.size * scale
    if item.vertical:
        for i, ch in enumerate(text):
            rect = QRectF(item.x * scale - h, item.y * scale + i * h * 1.05, 2 * h, h * 1.05)
            p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), ch)
        return
    for n, line in enumerate(text.split("\n")):      # y is the first line's baseline
        width = p.fontMetrics().horizontalAdvance(line)
        x = item.x * scale - {"left": 0.0, "right": width, "center": width / 2}.get(item.align, width / 2)
        top = item.y * scale - h + n * h * 1.15
        p.drawText(QRectF(x, top, width + 2, h * 1.25),
                   int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), line)


def render_image(page: tm.Page, width_px: int) -> QImage:
    """The sheet as an image `width_px` wide (tests, screenshots, the golden file)."""
    scale = width_px / page.width
    image = QImage(width_px, round(page.height * scale), QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    p = QPainter(image)
    try:
        paint_page(p, page, scale)
    finally:
        p.end()
    return image


class TempChartWidget(QWidget):
    """One page, scaled to the widget's width (A4 proportions kept)."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.page: Optional[tm.Page] = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(420, 594)

    def set_page(self, page: Optional[tm.Page]) -> None:
        self.page = page
        self.update()

    def paintEvent(self, event: Any) -> None:
        p = QPainter(self)
        try:
            p.fillRect(self.rect(), QColor("#eeeeee"))
            if self.page is None:
                return
            scale = min(self.width() / self.page.width, self.height() / self.page.height)
            p.translate((self.width() - self.page.width * scale) / 2, 0)
            paint_page(p, self.page, scale)
        finally:
            p.end()


class TempChartTab(QWidget):
    """The 体温单 tab: reads the week when first shown, Pg Up / Pg Dn turn the weeks."""

    def __init__(self, ctx: OpContext, encounter_id: str, parent: Optional[QWidget] = None,
                 user: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("tempchart_tab")
        self.ctx = ctx
        self.user = user
        self._origin = "tempchart-" + encounter_id
        self.encounter_id = encounter_id
        self.week: Any = None
        self.week_no = 0                     # 0: the last week
        self.chart = TempChartWidget()
        self.prev_button = QPushButton()
        self.next_button = QPushButton()
        self.page_label = QLabel()
        self.print_button = QPushButton()
        self.print_button.setObjectName("chartPrint")
        self._dialogs: list[Any] = []
        nav = QHBoxLayout()
        nav.addWidget(self.prev_button)
        nav.addWidget(self.page_label)
        nav.addWidget(self.next_button)
        nav.addStretch(1)
        nav.addWidget(self.print_button)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(self.chart)
        from ui.vitals.daily import DailyForm

        self.daily = DailyForm(self._save_daily)
        layout = QVBoxLayout(self)
        layout.addLayout(nav)
        layout.addWidget(self.daily)
        layout.addWidget(self.scroller, 1)
        if user is None:                 # hidden once it has a parent (else a window of its own)
            self.daily.hide()
        self.prev_button.clicked.connect(lambda: self.turn(-1))
        self.next_button.clicked.connect(lambda: self.turn(1))
        for key, step in ((PREV_KEY, -1), (NEXT_KEY, 1)):
            sc = QShortcut(QKeySequence(key), self)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            sc.activated.connect(lambda s=step: self.turn(s))
        self.print_button.clicked.connect(self.open_print)
        self.print_shortcut = QShortcut(QKeySequence(CHART_PRINT), self)
        self.print_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.print_shortcut.activated.connect(self.open_print)
        can_print = user is None or bool(getattr(user, "can", lambda _p: False)("print"))
        self.print_button.setVisible(can_print)
        self.print_shortcut.setEnabled(can_print)
        self._loaded_once = False
        self.retranslate()

    def retranslate(self) -> None:
        if hasattr(self, "daily"):
            self.daily.retranslate()
        self.prev_button.setText(translate("TempChart", "上一周 ({key})").format(key=PREV_KEY))
        self.next_button.setText(translate("TempChart", "下一周 ({key})").format(key=NEXT_KEY))
        self.print_button.setText(translate("TempChart", "打印 ({key})").format(key=CHART_PRINT))
        self._label()

    def changeEvent(self, event: Any) -> None:
        from ui.qt import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _label(self) -> None:
        if self.week is not None:
            self.page_label.setText(translate("TempChart", "第 {n} / {total} 周").format(
                n=self.week.week_no, total=self.week.weeks))

    def resizeEvent(self, event: Any) -> None:
        """The sheet as wide as the tab (A4 proportions), scrolled down like paper."""
        super().resizeEvent(event)
        width = max(420, self.scroller.viewport().width())
        self.chart.setMinimumHeight(int(width * tm.PAGE_H / tm.PAGE_W))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._loaded_once:
            self._loaded_once = True
            self.reload()

    def reload(self) -> None:
        ops.load_week(self.ctx, self.encounter_id, self.week_no, self._shown, lambda _f: None)

    def _shown(self, week: Any) -> None:
        if not is_alive(self):
            return
        self.week = week
        self.week_no = week.week_no
        self.chart.set_page(tm.build_page(week))
        self.daily.set_days(tuple(week.days), datetime.now().astimezone().date())
        self.prev_button.setEnabled(week.week_no > 1)
        self.next_button.setEnabled(week.week_no < week.weeks)
        self._label()

    def _save_daily(self, measured: datetime, values: tuple[Any, ...]) -> None:
        from ui.messages import message_text

        def failed(failure: Any) -> None:
            err = getattr(failure, "error", failure)
            if is_alive(self):
                self.daily.tell(message_text(err.message_id, err.params) if hasattr(err, "message_id")
                                else str(err))

        def done(_changes: Any) -> None:
            if is_alive(self):
                self.daily.saved()
                self.reload()

        ops.record_row(self.ctx, self.user, self.encounter_id, measured, None, values, (), done, failed,
                       origin=self._origin)

    def open_print(self) -> None:
        """The print preview of the stay's weeks, at the week shown (ui/vitals/chart_print.py)."""
        from ui.vitals.chart_print import ChartPrintPreview

        if self.user is None:
            return
        dialog = ChartPrintPreview(self.ctx, self.user, self.encounter_id, self.week_no, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self._dialogs = [d for d in self._dialogs if is_alive(d) and d.isVisible()] + [dialog]
        dialog.finished.connect(lambda _r: is_alive(self) and self.setFocus())
        dialog.open()
        dialog.raise_()
        dialog.activateWindow()             # the keyboard goes to the dialog at once

    def turn(self, step: int) -> None:
        if self.week is None:
            return
        target = self.week.week_no + step
        if 1 <= target <= self.week.weeks:
            self.week_no = target
            self.reload()

    def apply_changes(self, changes: Any) -> None:
        if changes.touches("vitals") and self.week is not None and changes.origin != self._origin \
                and self.week.header.patient_id in changes.patient_ids:
            self.reload()
