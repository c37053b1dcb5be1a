"""The order entry row: keyboard first (the contract in ui/README.md "快捷键").

Typing in 医嘱内容 lists matches as you type (pinyin initials, Chinese, English; the list is
ui/orders/matches.py); Up/Down and Enter (or Tab) pick the highlighted item and fill dose, unit,
route, frequency and 首日次数 from the dictionary; Enter or Tab moves to the next field;
Ctrl+Enter, or Enter on the last field, asks to keep the order as a draft (`save_requested`).
Esc closes the match list, and with no list open leaves the row (kept as typed) for the order
table. Nothing typed is ever cleared by an error: the message shows at the field.

Flags of the row, each a key while typing (ui/shortcuts.py): 备用 (prn on a 长期 order, sos on
a 临时 one), 出院带药 (a 临时 order printed under that heading), 口头医嘱 (entered after a
rescue). They show beside the term and go out in OrderFields.use_kind / verbal. 首日次数 is
proposed from the frequency's default times in the backend's dictionary (`frequencies()`;
defaults.FREQ_SLOTS when it has none) after the start time, and follows a changed frequency or
start time until the doctor types it.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Optional

from ui import shortcuts as keys
from ui.operations import OpContext
from ui.operations import orders as ops
from ui.orders import defaults
from ui.orders.matches import MatchList
from ui.orders.texts import HIGH_ALERT_COLOR, dose_text, field_text, term_text, use_kind_text
from ui.qt import (
    QEvent,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)

log = logging.getLogger(__name__)

# The entry fields in Enter/Tab order; the last one saves on Enter.
FIELDS = ("content", "dose", "dose_unit", "route_code", "freq_code", "first_day_times", "rate",
          "start_at", "stop_at", "instruction")
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ERROR_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fff5f5; }"


class LocalFieldError(ValueError):
    """What the entry itself can tell before sending: a field that is not a value at all."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass
class Picked:
    """The dictionary item the doctor picked (its defaults arrive a moment later)."""

    kind: str
    code: str
    name: str
    detail: str = ""
    category: str = "drug"
    high_alert: bool = False
    skin_test: bool = False


class OrderEntry(QFrame):
    save_requested = Signal()
    left = Signal()                       # Esc with no list open: back to the table, row kept

    def __init__(self, ctx: OpContext, overlay_parent: QWidget, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("orderEntry")
        self.setStyleSheet("#orderEntry { background: #f6f8fa; border: 1px solid #d0d7de; "
                           "border-radius: 4px; }")
        self.term = "long"
        self.order_id = ""
        self.base_version = 0
        self.category = ""
        self.picked: Optional[Picked] = None
        self.busy = False
        self.use_kind = "regular"             # regular, prn, sos, discharge (USE_KINDS)
        self.verbal = False                   # 口头医嘱
        self.freq_slots: dict[str, tuple[str, ...]] = {}   # from the backend; {}: the fallback
        self._freqs_asked = False
        self._touched: set[str] = set()
        self._pick_seq = 0
        self.search = ops.OrderSearch(ctx)

        self.term_label = QLabel()
        self.term_label.setMinimumWidth(64)
        self.term_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_label = QLabel()
        self.detail_label.setStyleSheet("color: #57606a;")
        self.flag_label = QLabel()
        self.flag_label.setStyleSheet(f"color: {HIGH_ALERT_COLOR.name()}; font-weight: bold;")
        self.kind_label = QLabel()
        self.kind_label.setObjectName("entryKind")
        self.kind_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.titles: dict[str, QLabel] = {}
        self.edits: dict[str, QLineEdit] = {}
        widths = {"content": 300, "dose": 70, "dose_unit": 56, "route_code": 70, "freq_code": 64,
                  "first_day_times": 44, "rate": 96, "start_at": 128, "stop_at": 128, "instruction": 200}
        for key in FIELDS:
            edit = QLineEdit()
            edit.setObjectName("entry_" + key)
            edit.setMinimumWidth(widths[key])
            if key not in ("content", "instruction"):
                edit.setMaximumWidth(widths[key] + 40)
            edit.installEventFilter(self)
            edit.textEdited.connect(lambda _t, k=key: self._edited(k))
            title = QLabel()
            title.setBuddy(edit)
            self.edits[key] = edit
            self.titles[key] = title
        self.edits["content"].textEdited.connect(self._search_edited)
        for key in ("freq_code", "start_at"):
            self.edits[key].textEdited.connect(lambda _t: self._refresh_first_day())

        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.kind_label, 0, 0)
        grid.addWidget(self.term_label, 1, 0)
        first_row = ("content", "dose", "dose_unit", "route_code", "freq_code", "first_day_times")
        for c, key in enumerate(first_row, start=1):
            grid.addWidget(self.titles[key], 0, c)
            grid.addWidget(self.edits[key], 1, c)
        grid.setColumnStretch(1, 1)
        second = QHBoxLayout()
        second.setSpacing(6)
        for key in ("rate", "start_at", "stop_at", "instruction"):
            second.addWidget(self.titles[key])
            second.addWidget(self.edits[key], 2 if key == "instruction" else 0)
        second.addWidget(self.detail_label)
        second.addWidget(self.flag_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(grid)
        layout.addLayout(second)
        layout.addWidget(self.message)
        for a, b in zip(FIELDS, FIELDS[1:]):
            QWidget.setTabOrder(self.edits[a], self.edits[b])

        # The match list floats over the order table under 医嘱内容; it never takes the focus.
        self.match_view = MatchList(overlay_parent)
        self.matches = self.match_view.matches
        self.match_view.clicked.connect(lambda index: self._pick(index.row()))
        self.message.setVisible(False)
        self.retranslate()

    # ---- starting and clearing
    def start(self, term: str) -> None:
        """F2/F3: a new order of this term with 医嘱内容 focused. A row being typed is kept when
        it is still empty of content; otherwise only its term changes."""
        self.term = term
        if not self.order_id and not self.has_content():
            self.clear()
        self._fit_use_kind()
        self._show_term()
        self.show()
        self.focus_field("content", select=False)
        self.search.warm()
        self._load_frequencies()

    def _load_frequencies(self) -> None:
        """The dictionary's default times, once (the backend keeps them too)."""
        if self._freqs_asked or self.ctx is None:
            return
        self._freqs_asked = True

        def loaded(freqs: Any) -> None:
            if is_alive(self):
                self.freq_slots = defaults.slots_of(freqs)

        def failed(_failure: Any) -> None:
            if is_alive(self):
                self._freqs_asked = False          # asked again at the next F2/F3

        ops.load_frequencies(self.ctx, loaded, failed)

    # ---- the row's flags (备用, 出院带药, 口头医嘱)
    def _fit_use_kind(self) -> None:
        """prn belongs to 长期 orders, sos and 出院带药 to 临时 ones."""
        if self.use_kind == "prn" and self.term == "temp":
            self.use_kind = "sos"
        elif self.use_kind == "sos" and self.term == "long":
            self.use_kind = "prn"
        elif self.use_kind == "discharge" and self.term == "long":
            self.use_kind = "regular"

    def toggle_standby(self) -> None:
        """备用: prn on a 长期 order, sos on a 临时 one; again: a regular order."""
        self.use_kind = "regular" if self.use_kind in ("prn", "sos") else (
            "prn" if self.term == "long" else "sos")
        self._show_term()

    def toggle_discharge(self) -> None:
        """出院带药: a 临时 order (the term follows); again: a regular order."""
        if self.use_kind == "discharge":
            self.use_kind = "regular"
        else:
            self.use_kind = "discharge"
            if self.term != "temp":
                self.term = "temp"
                self._touched.discard("first_day_times")
                self.edits["first_day_times"].clear()
        self._show_term()

    def toggle_verbal(self) -> None:
        self.verbal = not self.verbal
        self._show_term()

    def clear(self) -> None:
        self.order_id = ""
        self.base_version = 0
        self.category = ""
        self.picked = None
        self.use_kind = "regular"
        self.verbal = False
        self._touched.clear()
        for edit in self.edits.values():
            edit.clear()
        self.detail_label.clear()
        self.flag_label.clear()
        self._show_term()
        self.clear_error()
        self.hide_matches()

    def has_content(self) -> bool:
        return any(edit.text().strip() for edit in self.edits.values())

    def edit_row(self, row: Any) -> None:
        """A draft (or a returned order) back in the row to change and keep again."""
        self.clear()
        self.term = row.term
        self.order_id = row.id
        self.base_version = int(row.version)
        self.category = row.category
        self.use_kind = str(getattr(row, "use_kind", "regular") or "regular")
        self.verbal = bool(getattr(row, "verbal", False))
        name = str(row.content)
        amount = dose_text(row.dose, row.dose_unit)
        if amount and name.endswith(" " + amount):
            name = name[: -len(amount) - 1]
        if row.drug_code:
            self.picked = Picked("drug", row.drug_code, name, category="drug", high_alert=row.high_alert,
                                 skin_test=row.skin_test_req)
        values = {
            "content": name, "dose": dose_text(row.dose, None), "dose_unit": row.dose_unit or "",
            "route_code": row.route_code or "", "freq_code": row.freq_code or "",
            "first_day_times": "" if row.first_day_times is None else str(row.first_day_times),
            "rate": row.rate or "", "start_at": "", "stop_at": "",
            "instruction": row.instruction or "",
        }
        from ui.orders.texts import full_time_text

        values["start_at"] = full_time_text(row.start_at)
        values["stop_at"] = full_time_text(row.stop_at)
        for key, value in values.items():
            self.edits[key].setText(value)
        self._show_term()
        self._show_flags()
        self.show()
        self.focus_field("content")

    def _show_term(self) -> None:
        color = "#0969da" if self.term == "long" else "#8250df"
        self.term_label.setText(term_text(self.term))
        self.term_label.setStyleSheet(f"background: {color}; color: white; font-weight: bold; "
                                      "border-radius: 3px; padding: 2px 6px;")
        edit_text = translate("OrderEntry", "修改") if self.order_id else translate("OrderEntry", "新开")
        self.term_label.setToolTip(edit_text)
        kinds = [use_kind_text(self.use_kind)] if self.use_kind != "regular" else []
        if self.verbal:
            kinds.append(translate("OrderEntry", "口头医嘱"))
        self.kind_label.setText(" · ".join(k for k in kinds if k))
        self.kind_label.setStyleSheet("color: #8250df; font-weight: bold;" if kinds else "")
        self.kind_label.setToolTip(translate(
            "OrderEntry", "{standby} 备用，{discharge} 出院带药，{verbal} 口头医嘱").format(
                standby=keys.ENTRY_STANDBY, discharge=keys.ENTRY_DISCHARGE, verbal=keys.ENTRY_VERBAL))

    def _show_flags(self) -> None:
        p = self.picked
        flags = []
        if p is not None and p.high_alert:
            flags.append(translate("OrderEntry", "高警示"))
        if p is not None and p.skin_test:
            flags.append(translate("OrderEntry", "需皮试"))
        self.flag_label.setText("  ".join(flags))

    # ---- focus and errors
    def focus_field(self, key: str, select: bool = True) -> None:
        edit = self.edits.get(key) or self.edits["content"]
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        if select:
            edit.selectAll()

    def current_field(self) -> str:
        for key, edit in self.edits.items():
            if edit.hasFocus():
                return key
        return ""

    def show_error(self, field: str, message: str) -> None:
        """The message at its field; the field is focused with its text kept."""
        self.clear_error()
        key = field if field in self.edits else "content"
        self.edits[key].setStyleSheet(ERROR_STYLE)
        self.edits[key].setToolTip(message)
        self.message.setText(translate("OrderEntry", "{field}：{message}").format(
            field=field_text(key), message=message))
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.message.setVisible(True)
        self.message.setProperty("field", key)
        self.focus_field(key)

    def show_note(self, message: str) -> None:
        self.clear_error()
        self.message.setText(message)
        self.message.setStyleSheet("color: #57606a;")
        self.message.setVisible(bool(message))

    def clear_error(self) -> None:
        self.message.clear()
        self.message.setVisible(False)
        self.message.setProperty("field", "")
        for edit in self.edits.values():
            edit.setStyleSheet("")
            edit.setToolTip("")

    def error_field(self) -> str:
        return str(self.message.property("field") or "")

    # ---- keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = self._key_of(watched)
            if key and self._key(key, event):
                return True
        return super().eventFilter(watched, event)

    def _key_of(self, watched: QObject) -> str:
        for key, edit in self.edits.items():
            if edit is watched:
                return key
        return ""

    def _key(self, field: str, event: QKeyEvent) -> bool:
        k = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        pressed = QKeySequence(event.keyCombination())
        for seq, toggle in ((keys.ENTRY_STANDBY, self.toggle_standby),
                            (keys.ENTRY_DISCHARGE, self.toggle_discharge),
                            (keys.ENTRY_VERBAL, self.toggle_verbal)):
            if pressed.matches(QKeySequence(seq)) == QKeySequence.SequenceMatch.ExactMatch:
                toggle()
                return True
        if k in ENTER_KEYS and ctrl:
            self.hide_matches()
            self.save_requested.emit()
            return True
        if k == Qt.Key.Key_Escape:
            if self.match_view.isVisible():
                self.hide_matches()
            else:
                self.left.emit()
            return True
        if field == "content" and self.match_view.isVisible():
            if k in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown):
                self.match_view.move_current(k)
                return True
            if k in (*ENTER_KEYS, Qt.Key.Key_Tab):
                self._pick(self.match_view.currentIndex().row())
                return True
        if k in ENTER_KEYS or (k == Qt.Key.Key_Tab and not event.modifiers()):
            if field == FIELDS[-1]:
                if k in ENTER_KEYS:
                    self.save_requested.emit()
                    return True
                return False
            self.focus_field(FIELDS[FIELDS.index(field) + 1])
            return True
        return False

    # ---- search and pick
    def _edited(self, key: str) -> None:
        self._touched.add(key)
        if self.error_field() == key:
            self.clear_error()

    def _search_edited(self, text: str) -> None:
        if self.picked is not None:
            self.picked = None                 # typing again: a new search, no item yet
            self.category = ""
            self.detail_label.clear()
            self._show_flags()
        self.search.search(text, self._show_matches)

    def _show_matches(self, items: list[Any]) -> None:
        if not is_alive(self) or not self.edits["content"].hasFocus():
            return
        self.match_view.show_items(items, self.edits["content"])

    def hide_matches(self) -> None:
        self.match_view.hide()

    def _pick(self, row: int) -> None:
        item = self.matches.item(row)
        self.hide_matches()
        if item is None:
            return
        self.picked = Picked(item.kind, item.code, item.name, item.detail,
                             category="drug" if item.kind == "drug" else (item.detail or "treatment"))
        self.category = self.picked.category
        self.edits["content"].setText(item.name)
        self.detail_label.setText(item.detail)
        self.clear_error()
        # The defaults fill what the doctor has not typed yet (they arrive from the read pool).
        self._touched -= {"dose", "dose_unit", "route_code", "freq_code", "first_day_times"}
        self._pick_seq += 1
        seq = self._pick_seq
        ops.orderable(self.ctx, item.kind, item.code, lambda found: self._fill(seq, found),
                      lambda failure: self._fill_failed(seq, failure))
        self.focus_field("dose")

    def _fill(self, seq: int, found: Any) -> None:
        if not is_alive(self) or seq != self._pick_seq or self.picked is None or found is None:
            return
        self.picked.category = found.category
        self.picked.high_alert = bool(found.high_alert)
        self.picked.skin_test = bool(found.skin_test)
        self.category = found.category
        freq = defaults.default_freq(self.term, found.category)
        first = self._first_day(freq)
        values = {
            "dose": dose_text(found.dose, None) if found.category == "drug" else "",
            "dose_unit": (found.dose_unit or "") if found.category == "drug" else "",
            "route_code": (found.route_code or "") if found.category == "drug" else "",
            "freq_code": freq,
            "first_day_times": "" if first is None else str(first),
        }
        for key, value in values.items():
            if key not in self._touched:
                self.edits[key].setText(value)
        focused = self.current_field()
        if focused in values and focused not in self._touched:
            self.edits[focused].selectAll()
        self._show_flags()

    def _first_day(self, freq: str) -> Optional[int]:
        """首日次数 for a 长期 order: the frequency's times after the start (now when empty)."""
        from datetime import datetime

        if self.term != "long" or not freq:
            return None
        try:
            start = defaults.parse_time(self.edits["start_at"].text())
        except ValueError:
            start = None
        return defaults.first_day_times(freq, start or datetime.now().astimezone(), self.freq_slots)

    def _refresh_first_day(self) -> None:
        """A changed frequency or start time: 首日次数 follows, unless the doctor typed it."""
        if "first_day_times" in self._touched:
            return
        first = self._first_day(self.edits["freq_code"].text().strip())
        self.edits["first_day_times"].setText("" if first is None else str(first))

    def _fill_failed(self, seq: int, failure: Any) -> None:
        from ui.messages import error_text

        if is_alive(self) and seq == self._pick_seq:
            self.show_note(error_text(failure.error))

    # ---- the order as typed
    def fields(self) -> Any:
        """The typed row as OrderFields, or LocalFieldError for a field that is not a value."""
        from app.domain.orders import parse_dose
        from app.services.order_commands import OrderFields
        from ui.messages import message_text

        text = {k: e.text().strip() for k, e in self.edits.items()}
        dose: Optional[Decimal] = None
        if text["dose"]:
            dose = parse_dose(text["dose"])
            if dose is None or not dose.is_finite():
                raise LocalFieldError("dose", message_text("order.dose_impossible"))
        first: Optional[int] = None
        if text["first_day_times"]:
            try:
                first = int(text["first_day_times"])
            except ValueError:
                raise LocalFieldError("first_day_times", message_text("order.first_day_times")) from None
        times = {}
        for key in ("start_at", "stop_at"):
            try:
                times[key] = defaults.parse_time(text[key])
            except ValueError:
                raise LocalFieldError(key, translate(
                    "OrderEntry", "时间格式：08:30、05-01 08:30 或 2026-05-01 08:30")) from None
        picked = self.picked
        category = self.category or (picked.category if picked else "") or "text"
        name = picked.name if picked is not None else text["content"]
        if picked is not None and text["content"] and text["content"] != picked.name:
            name = text["content"]
        amount = dose_text(dose, text["dose_unit"]) if dose is not None else ""
        content = f"{name} {amount}".strip() if category == "drug" else name
        return OrderFields(
            term=self.term, category=category, content=content,
            drug_code=picked.code if picked is not None and picked.kind == "drug" else None,
            item_code=picked.code if picked is not None and picked.kind == "item" else None,
            dose=dose, dose_unit=text["dose_unit"] or None, route_code=text["route_code"] or None,
            freq_code=text["freq_code"] or None, first_day_times=first, rate=text["rate"] or None,
            instruction=text["instruction"] or None, start_at=times["start_at"],
            stop_at=times["stop_at"], use_kind=self.use_kind, verbal=self.verbal)

    # ---- language
    def retranslate(self) -> None:
        titles = {
            "content": translate("OrderEntry", "医嘱内容(拼音首字母/中文/英文)"),
            "dose": translate("OrderEntry", "剂量"),
            "dose_unit": translate("OrderEntry", "单位"),
            "route_code": translate("OrderEntry", "途径"),
            "freq_code": translate("OrderEntry", "频次"),
            "first_day_times": translate("OrderEntry", "首日"),
            "rate": translate("OrderEntry", "滴速"),
            "start_at": translate("OrderEntry", "开始"),
            "stop_at": translate("OrderEntry", "停止"),
            "instruction": translate("OrderEntry", "嘱托"),
        }
        for key, title in self.titles.items():
            title.setText(titles[key])
        self.edits["start_at"].setPlaceholderText(translate("OrderEntry", "现在"))
        self.edits["stop_at"].setPlaceholderText(translate("OrderEntry", "不定"))
        self.edits["content"].setPlaceholderText(translate("OrderEntry", "如 lhn、头孢曲松、ceftriaxone"))
        self._show_term()
        self._show_flags()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
