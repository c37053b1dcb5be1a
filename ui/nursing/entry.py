"""The 护理记录 entry row below the table: the form's columns as fields, driven by the keyboard.

Enter / Tab go to the next field, Shift+Tab back, Ctrl+Enter saves the line (signed on save).
Time as HH:MM (today) or MM-DD HH:MM; 血压 as 120/80; 瞳孔 as 3/3.5 (mm, left/right); intake and
output as a kind and ml. A refused field keeps what was typed and the cursor goes to it with
the reason beside; a value outside the usual range is typed once more to confirm it. In a
correction (F4 on a line) the row holds the old line's values and a reason is required.
"""
from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Optional

from app.domain import nursing_records as nr
from app.errors import ValidationError
from ui.nursing.labels import consciousness_label, io_kind_label, reflex_label
from ui.qt import (
    QComboBox,
    QEvent,
    QGridLayout,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QWidget,
    translate,
)

Save = Callable[[datetime, dict[str, Any], tuple[str, ...]], None]
VITAL_FIELDS = ("temp", "pulse", "resp", "bp", "spo2")
CRITICAL_ONLY = ("consciousness", "pupils", "light_left", "light_right", "intake_kind", "intake_ml",
                 "output_kind", "output_ml")


def parse_time(text: str, today: date, zone: Any) -> datetime:
    """HH:MM, HHMM or MM-DD HH:MM on the ward's clock; ValidationError(field recorded_at)."""
    t = text.strip().replace("：", ":")
    try:
        if " " in t:
            day_text, t = t.split(None, 1)
            month, day = (int(x) for x in day_text.replace("/", "-").split("-"))
            on = date(today.year, month, day)
            if on > today:
                on = date(today.year - 1, month, day)
        else:
            on = today
        if ":" not in t and len(t) == 4:
            t = t[:2] + ":" + t[2:]
        hh, mm = (int(x) for x in t.split(":"))
        return datetime.combine(on, time(hh, mm), zone)
    except ValueError:
        raise ValidationError("nursing.bad_time", field="recorded_at", text=text) from None


def _dec(field: str, text: str) -> Optional[Decimal]:
    t = text.strip()
    if not t:
        return None
    try:
        value = Decimal(t)
    except InvalidOperation:
        value = Decimal("NaN")
    if value.is_finite():
        return value
    if field in ("pupil_left", "pupil_right"):
        raise ValidationError("nursing.bad_pupil", field=field, value=t, low=str(nr.PUPIL_SIZES[0]),
                              high=str(nr.PUPIL_SIZES[-1]))
    if field in ("intake", "output"):
        raise ValidationError("nursing.bad_ml", field=field, value=t, low=1, high=nr.IO_MAX_ML)
    raise ValidationError("vitals.not_a_number", item=field, field=field, text=t)


class EntryRow(QWidget):
    def __init__(self, save: Save, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setObjectName("nursing_entry")
        self._save = save
        self.rec_type = nr.GENERAL
        self.replacing: Optional[Any] = None          # the line being corrected
        self._pending: dict[str, str] = {}            # item -> value asked to be typed again
        self._confirmed: set[str] = set()
        self.fields: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        order = ("time", *VITAL_FIELDS, "consciousness", "pupils", "light_left", "light_right",
                 "intake_kind", "intake_ml", "output_kind", "output_ml", "note", "reason")
        widths = {"time": 90, "temp": 52, "pulse": 48, "resp": 44, "bp": 70, "spo2": 44,
                  "pupils": 60, "intake_ml": 56, "output_ml": 56}
        for col, key in enumerate(order):
            widget: QWidget
            if key in ("consciousness", "light_left", "light_right", "intake_kind", "output_kind"):
                widget = QComboBox()
            else:
                widget = QLineEdit()
            widget.setObjectName("entry_" + key)
            if key in widths:
                widget.setFixedWidth(widths[key])
            widget.installEventFilter(self)
            label = QLabel()
            label.setStyleSheet("color: #57606a;")
            grid.addWidget(label, 0, col)
            grid.addWidget(widget, 1, col)
            self.fields[key], self.labels[key] = widget, label
        grid.setColumnStretch(order.index("note"), 3)
        grid.setColumnStretch(order.index("reason"), 1)
        self.message = QLabel()
        self.message.setObjectName("nursing_entry_message")
        self.message.setWordWrap(True)
        grid.addWidget(self.message, 2, 0, 1, len(order))
        self._fill_choices()
        self.retranslate()
        self.set_type(nr.GENERAL)

    def combo(self, key: str) -> QComboBox:
        w = self.fields[key]
        assert isinstance(w, QComboBox)
        return w

    def edit(self, key: str) -> QLineEdit:
        w = self.fields[key]
        assert isinstance(w, QLineEdit)
        return w

    def _fill_choices(self) -> None:
        def fill(key: str, codes: tuple[str, ...], label: Callable[[str], str], blank: bool) -> None:
            box = self.combo(key)
            current = box.currentData()
            box.clear()
            if blank:
                box.addItem("", None)
            for c in codes:
                box.addItem(label(c), c)
            i = box.findData(current)
            box.setCurrentIndex(max(0, i))

        fill("consciousness", nr.CONSCIOUSNESS, consciousness_label, True)
        fill("light_left", nr.LIGHT_REFLEX, reflex_label, True)
        fill("light_right", nr.LIGHT_REFLEX, reflex_label, True)
        fill("intake_kind", nr.INTAKE_KINDS, io_kind_label, False)
        fill("output_kind", nr.OUTPUT_KINDS, io_kind_label, False)

    def retranslate(self) -> None:
        texts = {"time": translate("Nursing", "时间"), "temp": translate("Nursing", "体温"),
                 "pulse": translate("Nursing", "脉搏"), "resp": translate("Nursing", "呼吸"),
                 "bp": translate("Nursing", "血压"), "spo2": "SpO2",
                 "consciousness": translate("Nursing", "意识"),
                 "pupils": translate("Nursing", "瞳孔左/右"),
                 "light_left": translate("Nursing", "对光(左)"),
                 "light_right": translate("Nursing", "对光(右)"),
                 "intake_kind": translate("Nursing", "入量"), "intake_ml": "ml",
                 "output_kind": translate("Nursing", "出量"), "output_ml": "ml",
                 "note": translate("Nursing", "病情观察及护理措施"),
                 "reason": translate("Nursing", "更正原因")}
        for key, label in self.labels.items():
            label.setText(texts.get(key, key))
        self.edit("time").setPlaceholderText("HH:MM")
        self.edit("bp").setPlaceholderText("120/80")
        self.edit("pupils").setPlaceholderText("3/3")
        self._fill_choices()

    def set_type(self, rec_type: str) -> None:
        self.rec_type = rec_type
        for key in CRITICAL_ONLY:
            self.fields[key].setVisible(rec_type == nr.CRITICAL)
            self.labels[key].setVisible(rec_type == nr.CRITICAL)
        self._show_reason()

    def _show_reason(self) -> None:
        on = self.replacing is not None
        self.fields["reason"].setVisible(on)
        self.labels["reason"].setVisible(on)

    # ---- keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in self.fields.values():
            key = event.key()  # type: ignore[attr-defined]
            ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if ctrl:
                    self.submit()
                else:
                    self.focusNextChild()
                return True
            if key == Qt.Key.Key_Escape and self.replacing is not None:
                self.clear()
                return True
        return super().eventFilter(watched, event)

    def start(self, now: datetime) -> None:
        """Focus the row at its time field (a new line now, unless one is being typed)."""
        if not self.edit("time").text().strip():
            self.edit("time").setText(now.strftime("%H:%M"))
        self.edit("time").setFocus()
        self.edit("time").selectAll()

    # ---- a correction
    def correct(self, line: Any) -> None:
        """The row holds `line`'s values; saving writes its correction (reason required)."""
        self.clear()
        self.replacing = line
        b, v = line.body, line.body.get("vitals") or {}
        self.edit("time").setText(line.recorded_at.astimezone().strftime("%m-%d %H:%M"))
        for key in ("temp", "pulse", "resp", "spo2"):
            self.edit(key).setText(str(v.get(key, "")))
        if "sbp" in v and "dbp" in v:
            self.edit("bp").setText(f"{v['sbp']}/{v['dbp']}")
        for key in ("consciousness", "light_left", "light_right"):
            self.combo(key).setCurrentIndex(max(0, self.combo(key).findData(b.get(key))))
        if b.get("pupil_left") or b.get("pupil_right"):
            self.edit("pupils").setText(f"{b.get('pupil_left') or ''}/{b.get('pupil_right') or ''}")
        for side in ("intake", "output"):
            items = b.get(side) or []
            if items:
                self.combo(side + "_kind").setCurrentIndex(
                    max(0, self.combo(side + "_kind").findData(items[0]["kind"])))
                self.edit(side + "_ml").setText(str(sum(int(i["ml"]) for i in items)))
        self.edit("note").setText(str(b.get("note") or ""))
        self._show_reason()
        self.tell(translate("Nursing", "更正 {at} 的记录：修改后填写更正原因，Ctrl+Enter 签名保存；Esc 取消")
                  .format(at=line.recorded_at.astimezone().strftime("%m-%d %H:%M")))
        self.edit("reason").setFocus()

    # ---- saving
    def values(self, today: date, zone: Any) -> tuple[datetime, dict[str, Any]]:
        """(time, RecordNursingLine fields) or ValidationError naming the field."""
        at = parse_time(self.edit("time").text(), today, zone)
        vitals: dict[str, Decimal] = {}
        for key in ("temp", "pulse", "resp", "spo2"):
            value = _dec(key, self.edit(key).text())
            if value is not None:
                vitals[key] = value
        bp = self.edit("bp").text().strip()
        if bp:
            sbp, _, dbp = bp.replace("／", "/").partition("/")
            s, d = _dec("sbp", sbp), _dec("dbp", dbp)
            if s is None or d is None:
                raise ValidationError("nursing.bp_pair", field="dbp")
            vitals["sbp"], vitals["dbp"] = s, d
        fields: dict[str, Any] = {"vitals": vitals, "note": self.edit("note").text().strip()}
        if self.rec_type == nr.CRITICAL:
            fields["consciousness"] = self.combo("consciousness").currentData()
            pupils = self.edit("pupils").text().strip()
            if pupils:
                left, _, right = pupils.replace("／", "/").partition("/")
                fields["pupil_left"] = _dec("pupil_left", left)
                fields["pupil_right"] = _dec("pupil_right", right or left)
            fields["light_left"] = self.combo("light_left").currentData()
            fields["light_right"] = self.combo("light_right").currentData()
            for side in ("intake", "output"):
                ml = _dec(side, self.edit(side + "_ml").text())
                if ml is not None:
                    if ml != ml.to_integral():
                        raise ValidationError("nursing.bad_ml", field=side, value=str(ml), low=1,
                                              high=nr.IO_MAX_ML)
                    fields[side] = (nr.IOItem(str(self.combo(side + "_kind").currentData()), int(ml)),)
        return at, fields

    def confirmed(self, fields: dict[str, Any]) -> tuple[str, ...]:
        """Items typed the second time with the value that was asked to be confirmed."""
        vitals = fields.get("vitals", {})
        for item, value in list(self._pending.items()):
            if item in vitals and vitals[item] == Decimal(value):
                self._confirmed.add(item)
                del self._pending[item]
        return tuple(sorted(i for i in self._confirmed if i in vitals))

    def submit(self) -> None:
        from ui.messages import message_text

        now = datetime.now().astimezone()
        try:
            at, fields = self.values(now.date(), now.tzinfo)
        except ValidationError as err:
            self.refused(err.message_id, err.params, message_text(err.message_id, err.params))
            return
        self._save(at, fields, self.confirmed(fields))

    def widget_for(self, field: str) -> QWidget:
        key = {"recorded_at": "time", "sbp": "bp", "dbp": "bp", "intake": "intake_ml",
               "output": "output_ml"}.get(field, field)
        return self.fields.get(key, self.fields["note"])

    def refused(self, message_id: str, params: dict[str, Any], text: str) -> None:
        """Show the reason and put the cursor in the field (what was typed stays)."""
        field = str(params.get("field") or params.get("item") or "")
        widget = self.widget_for(field)
        if message_id == "vitals.confirm":
            item = str(params.get("item", ""))
            self._pending[item] = str(params.get("value", ""))
            if isinstance(widget, QLineEdit):
                widget.clear()                 # typed again = confirmed (CLINICAL.md §4)
        self.tell(text, error=True)
        widget.setFocus()
        if isinstance(widget, QLineEdit):
            widget.selectAll()

    def tell(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #c62828;" if error else "color: #1f2328;")
        self.message.setText(text)

    def clear(self) -> None:
        for w in self.fields.values():
            if isinstance(w, QLineEdit):
                w.clear()
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(0)
        self.replacing = None
        self._pending.clear()
        self._confirmed.clear()
        self._show_reason()

    def saved(self) -> None:
        self.clear()
        self.tell(translate("Nursing", "已签名保存"))

