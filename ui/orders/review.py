"""The F9 review: what will be signed (every draft of this patient), the checker's alerts grouped
by order and by severity, and a reason for each high alert (CLINICAL.md §7).

Enter signs when nothing is high; a high alert needs a reason chosen (and text typed for 其他)
before Enter signs. Signing checks again on the server: alerts it raises that this review did
not show come back as NeedsAcknowledgement and are added here to be answered. Esc closes the
review; the drafts stay drafts. A red-line order among the drafts (术后/转科/重整医嘱) says
what its signing does: the long orders above it stop (listed; the service stops them).
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

from ui.operations import OpContext
from ui.operations import orders as ops
from ui.orders.texts import SEVERITY_COLORS, alert_category_text, reason_text, severity_text
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QBrush,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFont,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QScrollArea,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)

if TYPE_CHECKING:
    from app.services.order_signing import ReviewAlert

log = logging.getLogger(__name__)

AnyIndex = Union[QModelIndex, QPersistentModelIndex]
RANK = {"high": 0, "moderate": 1, "low": 2}

COL_ORDER = 0
COL_SEVERITY = 1
COL_CATEGORY = 2
COL_MESSAGE = 3


def alert_of(alert: Any) -> ReviewAlert:
    """The checker's alert as the review keeps it: a ReviewAlert as the service returns it, or
    the dict of one (`ReviewAlert.to_params`) that NeedsAcknowledgement carries back."""
    from app.services.order_signing import ReviewAlert

    if isinstance(alert, dict):
        return ReviewAlert(str(alert.get("order_id", "")), str(alert.get("category", "")),
                           str(alert.get("severity", "")), str(alert.get("message", "")),
                           tuple(str(r) for r in alert.get("related", ()) or ()))
    return ReviewAlert(alert.order_id, alert.category, alert.severity, alert.message, tuple(alert.related))


def review_lines(drafts: list[Any], alerts: list[ReviewAlert]) -> list[tuple[Any, Optional[ReviewAlert]]]:
    """(order, alert) per line: orders in sheet order, each order's alerts most severe first;
    an order without alerts gets one line with None."""
    lines: list[tuple[Any, Optional[ReviewAlert]]] = []
    for row in drafts:
        mine = sorted((a for a in alerts if a.order_id == row.id), key=lambda a: RANK.get(a.severity, 3))
        if not mine:
            lines.append((row, None))
        lines.extend((row, a) for a in mine)
    return lines


class ReviewModel(QAbstractTableModel):
    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._lines: list[tuple[Any, Optional[ReviewAlert]]] = []
        self.notes: dict[str, str] = {}          # order id -> what signing it does (a red line)

    def set_lines(self, lines: list[tuple[Any, Optional[ReviewAlert]]]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {COL_ORDER: translate("OrderReview", "医嘱"),
                    COL_SEVERITY: translate("OrderReview", "级别"),
                    COL_CATEGORY: translate("OrderReview", "类别"),
                    COL_MESSAGE: translate("OrderReview", "说明")}.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid() or not 0 <= index.row() < len(self._lines):
                return None
            row, alert = self._lines[index.row()]
            first = index.row() == 0 or self._lines[index.row() - 1][0].id != row.id
            col = index.column()
            if role == Qt.ItemDataRole.DisplayRole:
                if col == COL_ORDER:
                    return f"{row.group_mark}{row.content}" if first else ""
                if alert is None:
                    if col != COL_MESSAGE:
                        return ""
                    return self.notes.get(row.id) or translate("OrderReview", "无警示")
                return {COL_SEVERITY: severity_text(alert.severity),
                        COL_CATEGORY: alert_category_text(alert.category),
                        COL_MESSAGE: alert.message}.get(col, "")
            if role == Qt.ItemDataRole.ForegroundRole and alert is not None and col == COL_SEVERITY:
                return QBrush(SEVERITY_COLORS.get(alert.severity, SEVERITY_COLORS["low"]))
            if role == Qt.ItemDataRole.ForegroundRole and alert is None and row.id in self.notes:
                return QBrush(SEVERITY_COLORS["high"])
            if role == Qt.ItemDataRole.FontRole and ((col == COL_ORDER and first) or (
                    col == COL_SEVERITY and alert is not None and alert.severity == "high")):
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole and alert is not None and col == COL_MESSAGE:
                return alert.message
            return None
        except Exception:  # data() must never raise into Qt's paint loop
            log.exception("ReviewModel.data failed")
            return None


class ReasonRow:
    """One high alert's answer: a reason (CLINICAL.md §7 list) and its text."""

    def __init__(self, alert: ReviewAlert, order_text: str) -> None:
        self.alert = alert
        self.label = QLabel(translate("OrderReview", "{order}：{message}").format(
            order=order_text, message=alert.message))
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #c62828;")
        self.combo = QComboBox()
        self.combo.setObjectName("override_reason")
        self.combo.addItem(translate("OrderReview", "请选择理由"), None)
        for reason in ops.override_reasons():
            self.combo.addItem(reason_text(reason), reason)
        self.text = QLineEdit()
        self.text.setObjectName("override_text")
        self.text.setPlaceholderText(translate("OrderReview", "理由说明（选“其他”时必填）"))

    def reason(self) -> Optional[str]:
        value = self.combo.currentData()
        return str(value) if value else None

    def complete(self) -> bool:
        reason = self.reason()
        return reason is not None and (reason != "other" or bool(self.text.text().strip()))


class ReviewDialog(QDialog):
    signed = Signal(object)            # the Changes of the signing

    def __init__(self, ctx: OpContext, user: Any, encounter_id: str, drafts: list[Any],
                 on_failure: Callable[[Any, Any], bool], parent: Optional[QWidget] = None,
                 stops: Optional[list[Any]] = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.encounter_id = encounter_id
        self.drafts = list(drafts)
        self.stops = list(stops or [])      # the long orders a red line among the drafts stops
        self.on_failure = on_failure       # (failure, dialog) -> handled (conflict, offline, bug)
        self.alerts: list[ReviewAlert] = []
        self.reasons: list[ReasonRow] = []
        self.loading = bool(self.drafts)
        self.signing = False
        self.setModal(True)
        self.setObjectName("orderReview")

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.line_note = QLabel()
        self.line_note.setObjectName("redLineNote")
        self.line_note.setWordWrap(True)
        self.line_note.setStyleSheet("color: #c62828; font-weight: bold;")
        self.model = ReviewModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_ORDER, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SEVERITY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_CATEGORY, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.view.setWordWrap(True)
        self.reason_title = QLabel()
        self.reason_title.setStyleSheet("font-weight: bold;")
        self.reason_box = QWidget()
        self.reason_grid = QGridLayout(self.reason_box)
        self.reason_grid.setContentsMargins(0, 0, 0, 0)
        self.reason_grid.setColumnStretch(0, 3)
        self.reason_grid.setColumnStretch(2, 2)
        self.reason_area = QScrollArea()
        self.reason_area.setWidgetResizable(True)
        self.reason_area.setWidget(self.reason_box)
        self.reason_area.setMaximumHeight(180)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.buttons = QDialogButtonBox()
        self.sign_button = QPushButton()
        self.cancel_button = QPushButton()
        self.cancel_button.setAutoDefault(False)
        self.buttons.addButton(self.sign_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.sign_button.clicked.connect(self.sign)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.line_note)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reason_title)
        layout.addWidget(self.reason_area)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.sign_button.setDefault(True)   # once inside the dialog: Enter signs from any field
        self.resize(900, 520)
        self.retranslate()
        self._refresh()
        if self.drafts:
            ops.review(ctx, encounter_id, tuple(r.id for r in self.drafts), self._reviewed,
                       self._review_failed)

    # ---- the review read
    def _reviewed(self, alerts: Any) -> None:
        if not is_alive(self):
            return
        self.loading = False
        self.set_alerts([alert_of(a) for a in alerts])

    def _review_failed(self, failure: Any) -> None:
        if not is_alive(self):
            return
        self.loading = False
        from ui.messages import error_text

        self.message.setText(error_text(failure.error))
        self._refresh()

    def set_alerts(self, alerts: list[ReviewAlert]) -> None:
        """Alerts shown (more may arrive from the server's own check); answers given are kept."""
        known = {a.key for a in self.alerts}
        self.alerts = self.alerts + [a for a in alerts if a.key not in known]
        self._refresh()

    def high_alerts(self) -> list[ReviewAlert]:
        """The alerts signing needs a reason for: every high one, and a repeated test (结果互认)."""
        return [a for a in self.alerts if a.needs_reason]

    def red_lines(self) -> list[Any]:
        return [r for r in self.drafts if r.category == "line"]

    def _show_line_note(self) -> None:
        lines = self.red_lines()
        self.line_note.setVisible(bool(lines))
        if not lines:
            self.model.notes = {}
            return
        names = "、".join(str(r.content) for r in lines)
        note = translate("OrderReview", "签署后将停止其上的 {n} 条长期医嘱（待护士确认停止）").format(
            n=len(self.stops))
        self.model.notes = {r.id: note for r in lines}
        shown = "；".join(f"{r.group_mark}{r.content}" for r in self.stops[:8])
        more = translate("OrderReview", " 等") if len(self.stops) > 8 else ""
        if shown:
            text = translate("OrderReview", "红线医嘱“{names}”：{note}：{orders}{more}").format(
                names=names, note=note, orders=shown, more=more)
        else:
            text = translate("OrderReview", "红线医嘱“{names}”：{note}").format(names=names, note=note)
        self.line_note.setText(text)

    def _refresh(self) -> None:
        self._show_line_note()
        self.model.set_lines(review_lines(self.drafts, self.alerts))
        given = {r.alert.key: r for r in self.reasons}
        self.reasons = []
        while self.reason_grid.count():
            item = self.reason_grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.setParent(None)
        texts = {r.id: f"{r.group_mark}{r.content}" for r in self.drafts}
        for i, alert in enumerate(self.high_alerts()):
            old = given.get(alert.key)
            row = old or ReasonRow(alert, texts.get(alert.order_id, ""))
            self.reasons.append(row)
            self.reason_grid.addWidget(row.label, i, 0)
            self.reason_grid.addWidget(row.combo, i, 1)
            self.reason_grid.addWidget(row.text, i, 2)
        for a, b in zip(self.reasons, self.reasons[1:]):
            QWidget.setTabOrder(a.text, b.combo)
        for r in self.reasons:
            QWidget.setTabOrder(r.combo, r.text)
        has_high = bool(self.reasons)
        self.reason_title.setVisible(has_high)
        self.reason_area.setVisible(has_high)
        self._update_summary()
        self.focus_first()

    def focus_first(self) -> None:
        """The first unanswered reason, else the sign button (Enter signs)."""
        if self.reasons:
            if any(r.combo.hasFocus() or r.text.hasFocus() for r in self.reasons):
                return
            first = next((r for r in self.reasons if not r.complete()), self.reasons[0])
            first.combo.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.sign_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.focus_first()

    def _update_summary(self) -> None:
        counts = {s: sum(1 for a in self.alerts if a.severity == s) for s in RANK}
        if self.loading:
            self.summary.setText(translate("OrderReview", "正在审核 {n} 条医嘱…").format(n=len(self.drafts)))
        elif not self.drafts:
            from ui.messages import message_text

            self.summary.setText(message_text("order.nothing_to_sign"))
        elif not self.may_sign():
            self.summary.setText(translate(
                "OrderReview", "您没有处方权：{n} 条草稿已保存，须由有处方权的医师审核签署"
                "（严重 {high}，警告 {moderate}，提示 {low}）").format(
                    n=len(self.drafts), high=counts["high"], moderate=counts["moderate"], low=counts["low"]))
        else:
            self.summary.setText(translate(
                "OrderReview", "将签署 {n} 条医嘱：严重 {high}，警告 {moderate}，提示 {low}").format(
                    n=len(self.drafts), high=counts["high"], moderate=counts["moderate"], low=counts["low"]))
        self.sign_button.setEnabled(bool(self.drafts))       # an intern is told why (sign())

    def may_sign(self) -> bool:
        """An intern (no 处方权) sees the review, and its alerts, but cannot sign (CLINICAL.md §1)."""
        from ui.orders.commands import SIGN_PERMISSION

        return bool(getattr(self.user, "can", lambda _p: False)(SIGN_PERMISSION))

    # ---- signing
    def missing(self) -> list[ReasonRow]:
        return [r for r in self.reasons if not r.complete()]

    def sign(self) -> None:
        if self.loading or self.signing or not self.drafts:
            if not self.drafts:
                self.reject()
            return
        if not self.may_sign():
            self.message.setText(translate(
                "OrderReview", "您没有处方权，不能签署医嘱；草稿已保存，请上级医师签署"))
            return
        missing = self.missing()
        if missing:
            self.message.setText(translate(
                "OrderReview", "有 {n} 条严重警示须选择理由（选“其他”须填写说明）后才能签署"
            ).format(n=len(missing)))
            target = missing[0]
            (target.text if target.reason() == "other" else target.combo).setFocus()
            return
        from app.services.order_commands import OverrideReason

        overrides = tuple(OverrideReason(r.alert.order_id, r.alert.category, r.alert.related,
                                         r.reason() or "", r.text.text().strip() or None)
                          for r in self.reasons)
        self.signing = True
        self.message.setText(translate("OrderReview", "正在签署…"))
        ops.sign_orders(self.ctx, self.user, self.encounter_id, tuple(r.id for r in self.drafts),
                        tuple(int(r.version) for r in self.drafts), overrides,
                        self._signed, self._sign_failed)

    def _signed(self, changes: Any) -> None:
        self.signing = False
        if is_alive(self):
            self.signed.emit(changes)
            self.accept()

    def _sign_failed(self, failure: Any) -> None:
        from app.errors import NeedsAcknowledgement, PermissionDenied, ValidationError
        from ui.messages import error_text

        self.signing = False
        if not is_alive(self):
            return
        error = failure.error
        if isinstance(error, NeedsAcknowledgement):
            self.set_alerts([alert_of(a) for a in error.params.get("alerts", [])])
            self.message.setText(error_text(error))
            return
        if isinstance(error, (ValidationError, PermissionDenied)):
            self.message.setText(error_text(error))
            return
        self.message.setText(error_text(error))
        self.on_failure(failure, self)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("OrderReview", "签署前审核 (F9)"))
        self.reason_title.setText(translate("OrderReview", "严重警示：逐条选择理由后才能签署"))
        self.sign_button.setText(translate("OrderReview", "签署 (Enter)"))
        self.cancel_button.setText(translate("OrderReview", "返回 (Esc)"))
