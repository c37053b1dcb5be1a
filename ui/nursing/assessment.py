"""One risk assessment (Braden, Morse, Barthel, pain NRS or faces; CLINICAL.md §6) in a dialog:
every item a choice list starting empty, the total and the risk level shown as the nurse picks,
the re-assessment due date below. Keyboard: a number picks the answer with those points (or
↑ ↓), Enter / Tab go to the next item, Ctrl+Enter saves (signs); an item left out is refused
at that item and nothing is sent. The server scores it again (app/domain/nursing_scores.py)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Optional

from app.domain import nursing_scores as ns
from app.errors import ValidationError
from ui.nursing.labels import answer_text, item_name, level_text, scale_name
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QKeySequence,
    QLabel,
    QObject,
    QShortcut,
    Qt,
    QVBoxLayout,
    QWidget,
    translate,
)

FACES = (0, 2, 4, 6, 8, 10)


def _when(at: datetime) -> str:
    return at.astimezone().strftime("%m-%d %H:%M")


class AssessmentDialog(QDialog):
    """`save(scale, answers, assessed_at)` sends it; `done_saving()` / `tell(text)` answer."""

    def __init__(self, scale: str, save: Any, parent: Optional[QWidget] = None, *,
                 now: Optional[datetime] = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessment_" + scale)
        self.scale = scale
        self._save = save
        self.assessed_at = (now or datetime.now().astimezone()).replace(second=0, microsecond=0)
        self.setWindowTitle(scale_name(scale))
        self.combos: dict[str, QComboBox] = {}
        self.faces: Optional[QCheckBox] = None
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        if scale == ns.PAIN:
            self.faces = QCheckBox(translate("Nursing", "面部表情评分（儿童、不能表达者）"))
            self.faces.toggled.connect(self._fill_pain)
            form.addRow("", self.faces)
        for item in ns.ITEMS[scale]:
            combo = QComboBox()
            combo.setObjectName(f"item_{item}")
            combo.setMinimumWidth(260)
            combo.installEventFilter(self)
            combo.currentIndexChanged.connect(self._update)
            self.combos[item] = combo
            form.addRow(item_name(scale, item) + translate("Nursing", "："), combo)
        self._fill_all()
        self.total_label = QLabel()
        self.total_label.setObjectName("assessment_total")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.total_label.setFont(font)
        self.due_label = QLabel()
        self.message = QLabel()
        self.message.setObjectName("assessment_message")
        self.message.setStyleSheet("color: #c62828;")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            translate("Nursing", "签名保存 (Ctrl+Enter)"))
        buttons.button(QDialogButtonBox.StandardButton.Save).setAutoDefault(False)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Nursing", "评估时间：{at}").format(at=_when(self.assessed_at))))
        layout.addLayout(form)
        layout.addWidget(self.total_label)
        layout.addWidget(self.due_label)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.submit)
        self._update()

    # ---- choices
    def _fill_all(self) -> None:
        for item, combo in self.combos.items():
            self._fill(item, combo, ns.ITEMS[self.scale][item])

    def _fill(self, item: str, combo: QComboBox, values: tuple[int, ...]) -> None:
        faces = self.faces is not None and self.faces.isChecked()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(translate("Nursing", "（请选择）"), None)
        for v in values:
            combo.addItem(answer_text(self.scale, item, v, faces), v)
        combo.setCurrentIndex(0)
        combo.blockSignals(False)

    def _fill_pain(self, faces: bool) -> None:
        self._fill("nrs", self.combos["nrs"], FACES if faces else ns.ITEMS[ns.PAIN]["nrs"])
        self._update()

    def answers(self) -> dict[str, Optional[int]]:
        return {item: combo.currentData() for item, combo in self.combos.items()}

    def score(self) -> Optional[ns.Score]:
        answers = self.answers()
        if any(v is None for v in answers.values()):
            return None
        return ns.score(self.scale, {k: int(v) for k, v in answers.items() if v is not None})

    def _update(self) -> None:
        answers = self.answers()
        partial = sum(v for v in answers.values() if v is not None)
        missing = [item for item, v in answers.items() if v is None]
        result = self.score()
        if result is None:
            self.total_label.setText(translate("Nursing", "总分 {total}（尚有 {n} 项未填）").format(
                total=partial, n=len(missing)))
            self.total_label.setStyleSheet("color: #57606a;")
            self.due_label.setText("")
            return
        self.total_label.setText(translate("Nursing", "总分 {total}　{level}").format(
            total=result.total, level=level_text(self.scale, result.level)))
        self.total_label.setStyleSheet("color: #c62828;" if result.alert else "color: #1f2328;")
        days = ns.reassess_days(result)
        if days is None:
            text = translate("Nursing", "处理后复评：静脉给药后 15–30 分钟，口服给药后 1 小时")
            if result.alert:
                text += translate("Nursing", "；≥4 分请通知医生")
            self.due_label.setText(text)
        else:
            due = self.assessed_at + timedelta(days=days)
            self.due_label.setText(translate("Nursing", "下次评估：{at}（{days} 天后）").format(
                at=_when(due), days=days))
        self.message.setText("")

    # ---- keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QComboBox) and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            mods = event.modifiers()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
                    mods & Qt.KeyboardModifier.ControlModifier):
                self.focusNextChild()
                return True
        return super().eventFilter(watched, event)

    def submit(self) -> None:
        for item, value in self.answers().items():
            if value is None:
                self.tell(translate("Nursing", "评估条目“{item}”未填写").format(
                    item=item_name(self.scale, item)))
                self.combos[item].setFocus()
                return
        answers = {k: int(v) for k, v in self.answers().items() if v is not None}
        try:
            ns.score(self.scale, answers)
        except ValidationError as err:
            from ui.messages import message_text

            self.tell(message_text(err.message_id, err.params))
            return
        self._save(self.scale, answers, self.assessed_at)

    def tell(self, text: str) -> None:
        self.message.setText(text)

    def done_saving(self) -> None:
        self.accept()
