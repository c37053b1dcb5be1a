"""The day's bottom-of-chart data (入量, 出量, 尿量, 大便次数, 体重, 身高) for one date of the 体温单
page, saved as one RecordVitals (no slot). Intake and output are the ward's 24 hours (07:00 to
07:00, charted on the day they start); 大便 takes the chart's notation (0, 1/E, 1 1/E, 4/2E, ※, ☆);
体重 may be 卧床."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any, Callable, Optional

from app.domain import vitals as dv
from app.errors import ValidationError
from ui.qt import QCheckBox, QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget, translate
from ui.vitals.labels import item_label

FIELDS = (dv.INTAKE, dv.OUTPUT, dv.URINE, dv.STOOL, dv.WEIGHT, dv.HEIGHT)


def daily_values(texts: dict[str, str], catheter: bool) -> tuple[Any, ...]:
    """The typed fields as VitalValues (ValidationError for the first bad one)."""
    from app.ids import new_id
    from app.services.vitals_cmds import VitalValue
    from ui.vitals.grid_model import parse_code

    out = []
    for item in FIELDS:
        t = texts.get(item, "").strip()
        if not t:
            continue
        if item == dv.STOOL:
            stool = dv.parse_stool(t)
            out.append(VitalValue(obs_id=new_id(), item=item, value=Decimal(stool.total), code=t))
            continue
        code = parse_code(t)
        if code is not None:
            dv.check_code(item, code)
            out.append(VitalValue(obs_id=new_id(), item=item, code=code))
            continue
        value = dv.assess(item, t).value
        out.append(VitalValue(obs_id=new_id(), item=item, value=value,
                              method=dv.CATHETER if item == dv.URINE and catheter else None))
    return tuple(out)


def measured_for(day: date, now: datetime) -> datetime:
    """Inside the day's 24 hours and on its date, never in the future."""
    at = datetime.combine(day, time(14, 0), now.tzinfo)
    return min(at, now - timedelta(seconds=1))


class DailyForm(QWidget):
    def __init__(self, save: Callable[[datetime, tuple[Any, ...]], None],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("vitals_daily")
        self._save = save
        self.day_box = QComboBox()
        self.day_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.catheter = QCheckBox()
        self.save_button = QPushButton()
        self.message = QLabel()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.day_box)
        for item in FIELDS:
            label = QLabel()
            edit = QLineEdit()
            edit.setObjectName(f"daily_{item}")
            edit.setMaximumWidth(70)
            edit.returnPressed.connect(self.submit)
            self.labels[item], self.edits[item] = label, edit
            row.addWidget(label)
            row.addWidget(edit)
            if item == dv.URINE:
                row.addWidget(self.catheter)
        row.addWidget(self.save_button)
        row.addWidget(self.message, 1)
        self.save_button.clicked.connect(self.submit)
        self.retranslate()

    def retranslate(self) -> None:
        for item, label in self.labels.items():
            label.setText(item_label(item))
        self.catheter.setText(translate("VitalsDaily", "导尿"))
        self.save_button.setText(translate("VitalsDaily", "保存当日数据"))

    def set_days(self, days: tuple[date, ...], today: date) -> None:
        current = self.day_box.currentData()
        self.day_box.clear()
        for d in days:
            if d <= today:
                self.day_box.addItem(d.isoformat(), d)
        target = current if current in days and current <= today else min(today, days[-1])
        index = self.day_box.findData(target)
        self.day_box.setCurrentIndex(index if index >= 0 else self.day_box.count() - 1)

    def submit(self) -> None:
        from ui.messages import message_text

        day = self.day_box.currentData()
        if day is None:
            return
        try:
            values = daily_values({k: e.text() for k, e in self.edits.items()}, self.catheter.isChecked())
        except ValidationError as err:
            self.tell(message_text(err.message_id, err.params))
            return
        if values:
            self._save(measured_for(day, datetime.now().astimezone()), values)

    def saved(self) -> None:
        for e in self.edits.values():
            e.clear()
        self.catheter.setChecked(False)
        self.tell(translate("VitalsDaily", "已保存"))

    def tell(self, text: str) -> None:
        self.message.setText(text)
