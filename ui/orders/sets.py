"""Order sets (组套) in the 医嘱 tab: apply one (F4) and save the selected orders as one
(Ctrl+Shift+S), keyboard first.

Apply: a list of the sets this doctor may use (personal, 科室, 全院; one read,
`order_sets(staff_id)`), filtered as you type by pinyin initials or name; Up/Down move, Enter
opens the set's items, all ticked; Space unticks (or ticks) the current item, Enter asks to apply
the ticked ones (`apply_requested`), Esc goes back to the list, and from the list closes. The
tab sends ApplyOrderSet with client-made order ids; the drafts then go through F9 like any.
Save: a name and a scope (个人/科室/全院); the service decides who may save a 全院 set and a
refusal shows in the dialog with the typed name kept.
Both dialogs are window-modal, opened with `open()`; the tab calls `accept()` or `show_error()`.
"""
from __future__ import annotations

import logging
from typing import Any, Optional, Union

from ui.orders.texts import scope_text, term_text
from ui.qt import (
    QAbstractItemView,
    QAbstractTableModel,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QSortFilterProxyModel,
    QStackedWidget,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
    is_alive,
    translate,
)

log = logging.getLogger(__name__)

AnyIndex = Union[QModelIndex, QPersistentModelIndex]
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
ERROR_STYLE = "QLineEdit { border: 2px solid #c62828; background: #fff5f5; }"
SET_ROLE = Qt.ItemDataRole.UserRole + 1
SCOPE_ORDER = {"personal": 0, "dept": 1, "hospital": 2}

SET_NAME, SET_SCOPE, SET_COUNT, SET_PINYIN = 0, 1, 2, 3
ITEM_TICK, ITEM_TERM, ITEM_MARK, ITEM_CONTENT = 0, 1, 2, 3


def _view(model: Any) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return view


def set_matches(view: Any, text: str) -> bool:
    """A set matches the filter by its pinyin initials (any case) or a part of its name."""
    text = text.strip()
    if not text:
        return True
    return text.upper() in str(view.pinyin or "").upper() or text in str(view.name)


class SetListModel(QAbstractTableModel):
    """The sets: name, scope, number of items, pinyin; personal first, then 科室, 全院."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._sets: list[Any] = []

    def set_sets(self, sets: list[Any]) -> None:
        self.beginResetModel()
        self._sets = sorted(sets, key=lambda s: (SCOPE_ORDER.get(s.scope, 3), str(s.pinyin), str(s.name)))
        self.endResetModel()

    def sets(self) -> list[Any]:
        return list(self._sets)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._sets)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {SET_NAME: translate("OrderSets", "组套名称"), SET_SCOPE: translate("OrderSets", "范围"),
                    SET_COUNT: translate("OrderSets", "医嘱数"),
                    SET_PINYIN: translate("OrderSets", "拼音")}.get(section)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid() or not 0 <= index.row() < len(self._sets):
                return None
            s = self._sets[index.row()]
            if role == SET_ROLE:
                return s
            if role == Qt.ItemDataRole.DisplayRole:
                return {SET_NAME: str(s.name), SET_SCOPE: scope_text(s.scope), SET_COUNT: str(len(s.items)),
                        SET_PINYIN: str(s.pinyin or "")}.get(index.column())
            return None
        except Exception:  # data() must never raise into Qt's paint loop
            log.exception("SetListModel.data failed")
            return None


class SetFilterProxy(QSortFilterProxyModel):
    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.text = ""

    def set_text(self, text: str) -> None:
        self.text = text
        self.invalidateFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        model = self.sourceModel()
        view = model.data(model.index(source_row, 0, source_parent), SET_ROLE)
        return view is not None and set_matches(view, self.text)

    def set_at(self, row: int) -> Optional[Any]:
        return self.data(self.index(row, 0), SET_ROLE)


def item_marks(items: list[Any]) -> list[str]:
    """┌ │ └ for the items of one group key next to each other (a set keeps its groups)."""
    marks = [""] * len(items)
    i = 0
    while i < len(items):
        key = items[i].group
        j = i
        while j + 1 < len(items) and key and items[j + 1].group == key:
            j += 1
        if j > i:
            marks[i], marks[j] = "┌", "└"
            for k in range(i + 1, j):
                marks[k] = "│"
        i = j + 1
    return marks


class SetItemsModel(QAbstractTableModel):
    """One set's items with a tick each (all ticked when opened)."""

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._items: list[Any] = []
        self._marks: list[str] = []
        self._ticked: list[bool] = []

    def set_items(self, items: list[Any]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._marks = item_marks(self._items)
        self._ticked = [True] * len(self._items)
        self.endResetModel()

    def toggle(self, row: int) -> None:
        if 0 <= row < len(self._items):
            self._ticked[row] = not self._ticked[row]
            self.dataChanged.emit(self.index(row, 0), self.index(row, 3))

    def ticked_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i, t in zip(self._items, self._ticked) if t)

    def is_ticked(self, row: int) -> bool:
        return 0 <= row < len(self._ticked) and self._ticked[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {ITEM_TICK: translate("OrderSets", "用"), ITEM_TERM: translate("OrderSets", "类"),
                    ITEM_MARK: translate("OrderSets", "组"),
                    ITEM_CONTENT: translate("OrderSets", "医嘱内容")}.get(section)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() == ITEM_TICK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == ITEM_TICK and role == Qt.ItemDataRole.CheckStateRole:
            ticked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
            if ticked != self.is_ticked(index.row()):
                self.toggle(index.row())
            return True
        return False

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        try:
            if not index.isValid() or not 0 <= index.row() < len(self._items):
                return None
            item, col = self._items[index.row()], index.column()
            if role == Qt.ItemDataRole.CheckStateRole and col == ITEM_TICK:
                return Qt.CheckState.Checked if self._ticked[index.row()] else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return {ITEM_TERM: term_text(item.term, short=True), ITEM_MARK: self._marks[index.row()],
                        ITEM_CONTENT: str(item.content)}.get(col, "")
            if role == Qt.ItemDataRole.FontRole and col == ITEM_MARK:
                from ui.qt import QFont

                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ForegroundRole and not self._ticked[index.row()]:
                from ui.orders.texts import DONE_COLOR
                from ui.qt import QBrush

                return QBrush(DONE_COLOR)
            return None
        except Exception:  # data() must never raise into Qt's paint loop
            log.exception("SetItemsModel.data failed")
            return None


class ApplySetDialog(QDialog):
    """F4: choose a set, untick what is not wanted, Enter applies."""

    apply_requested = Signal(object, object)        # the OrderSetView, the ticked item ids

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setObjectName("applyOrderSet")
        self.busy = False
        self.loading = True
        self.current_set: Optional[Any] = None

        self.sets = SetListModel(self)
        self.proxy = SetFilterProxy(self)
        self.proxy.setSourceModel(self.sets)
        self.filter_label = QLabel()
        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("set_filter")
        self.filter_label.setBuddy(self.filter_edit)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.installEventFilter(self)
        self.list_view = _view(self.proxy)
        self.list_view.setObjectName("set_list")
        self.list_view.horizontalHeader().setSectionResizeMode(SET_NAME, QHeaderView.ResizeMode.Stretch)
        self.list_view.installEventFilter(self)
        self.list_view.doubleClicked.connect(lambda _i: self.open_current())

        self.items = SetItemsModel(self)
        self.items_title = QLabel()
        self.items_title.setStyleSheet("font-weight: bold;")
        self.items_view = _view(self.items)
        self.items_view.setObjectName("set_items")
        self.items_view.horizontalHeader().setSectionResizeMode(ITEM_CONTENT, QHeaderView.ResizeMode.Stretch)
        self.items_view.installEventFilter(self)
        self.items_view.clicked.connect(lambda i: self.items.toggle(i.row()) if i.column() == ITEM_TICK
                                        else None)

        list_page = QWidget()
        lay = QVBoxLayout(list_page)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.filter_label)
        lay.addWidget(self.filter_edit)
        lay.addWidget(self.list_view, 1)
        items_page = QWidget()
        lay2 = QVBoxLayout(items_page)
        lay2.setContentsMargins(0, 0, 0, 0)
        lay2.addWidget(self.items_title)
        lay2.addWidget(self.items_view, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(items_page)
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #57606a;")
        self.hint.setWordWrap(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.buttons = QDialogButtonBox()
        self.ok_button = QPushButton()
        self.close_button = QPushButton()
        for button in (self.ok_button, self.close_button):
            button.setAutoDefault(False)          # Enter belongs to the list and the items
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.buttons.addButton(self.ok_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.clicked.connect(self._enter)
        self.close_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(680, 460)
        self.retranslate()

    # ---- data
    def set_sets(self, sets: list[Any]) -> None:
        self.loading = False
        self.sets.set_sets(list(sets))
        self._filter(self.filter_edit.text())
        if not sets:
            self.message.setText(translate("OrderSets", "没有可用的组套"))

    def load_failed(self, text: str) -> None:
        self.loading = False
        self.message.setText(text)

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.list_view.setCurrentIndex(self.proxy.index(0, 0))
        self._update()

    def visible_sets(self) -> list[Any]:
        return [s for s in (self.proxy.set_at(r) for r in range(self.proxy.rowCount())) if s is not None]

    # ---- the two steps
    def open_current(self) -> None:
        view = self.proxy.set_at(self.list_view.currentIndex().row())
        if view is None:
            return
        self.current_set = view
        self.items.set_items(list(view.items))
        self.items_title.setText(translate("OrderSets", "{name}（{scope}）").format(
            name=view.name, scope=scope_text(view.scope)))
        self.pages.setCurrentIndex(1)
        if self.items.rowCount():
            self.items_view.setCurrentIndex(self.items.index(0, ITEM_CONTENT))
        self.items_view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.message.clear()
        self._update()

    def back(self) -> None:
        self.pages.setCurrentIndex(0)
        self.current_set = None
        self.message.clear()
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self._update()

    def on_items(self) -> bool:
        return self.pages.currentIndex() == 1

    def apply(self) -> None:
        if self.busy or self.current_set is None:
            return
        ticked = self.items.ticked_ids()
        if not ticked:
            from ui.messages import message_text

            self.message.setText(message_text("order_set.nothing_ticked"))
            return
        self.busy = True
        self.message.setText(translate("OrderSets", "正在生成草稿…"))
        self.apply_requested.emit(self.current_set, ticked)

    def show_error(self, text: str) -> None:
        self.busy = False
        self.message.setText(text)

    def _enter(self) -> None:
        if self.on_items():
            self.apply()
        else:
            self.open_current()

    # ---- keyboard
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            k = event.key()
            if watched is self.filter_edit and k in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                                                     Qt.Key.Key_PageDown):
                self._move(k)
                return True
            if watched in (self.filter_edit, self.list_view) and k in ENTER_KEYS:
                self.open_current()
                return True
            if watched is self.items_view:
                if k == Qt.Key.Key_Space:
                    self.items.toggle(self.items_view.currentIndex().row())
                    return True
                if k in ENTER_KEYS:
                    self.apply()
                    return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.on_items() and not self.busy:
            self.back()
            return
        super().keyPressEvent(event)

    def _move(self, key: int) -> None:
        count = self.proxy.rowCount()
        if not count:
            return
        row = self.list_view.currentIndex().row()
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -8, Qt.Key.Key_PageDown: 8}[
            Qt.Key(key)]
        row = max(0, min(count - 1, (row if row >= 0 else 0) + step))
        self.list_view.setCurrentIndex(self.proxy.index(row, 0))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        (self.items_view if self.on_items() else self.filter_edit).setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- language
    def _update(self) -> None:
        if self.on_items():
            self.hint.setText(translate("OrderSets", "Space 取消/恢复勾选 · Enter 将勾选的医嘱生成草稿 · Esc 返回组套列表"))  # noqa: E501
            self.ok_button.setText(translate("OrderSets", "生成草稿 (Enter)"))
        else:
            self.hint.setText(translate("OrderSets", "输入拼音首字母或名称筛选 · ↑↓ 选择 · Enter 打开组套 · Esc 关闭"))  # noqa: E501
            self.ok_button.setText(translate("OrderSets", "打开 (Enter)"))

    def retranslate(self) -> None:
        self.setWindowTitle(translate("OrderSets", "使用组套"))
        self.filter_label.setText(translate("OrderSets", "筛选(拼音首字母/名称)："))
        self.filter_edit.setPlaceholderText(translate("OrderSets", "如 sqh、肺炎"))
        self.close_button.setText(translate("OrderSets", "关闭 (Esc)"))
        self._update()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class SaveSetDialog(QDialog):
    """Ctrl+Shift+S: the selected orders as a set: a name and a scope."""

    submitted = Signal(str, str)                    # name, scope

    def __init__(self, order_texts: list[str], parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setModal(True)
        self.setObjectName("saveOrderSet")
        self.busy = False
        self.orders_label = QLabel("\n".join(order_texts))
        self.orders_label.setWordWrap(True)
        self.count_label = QLabel()
        self.count = len(order_texts)
        self.name_label = QLabel()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("set_name")
        self.name_edit.setMinimumWidth(320)
        self.name_label.setBuddy(self.name_edit)
        self.scope_label = QLabel()
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("set_scope")
        self.scope_label.setBuddy(self.scope_combo)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.name_label, self.name_edit)
        form.addRow(self.scope_label, self.scope_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count_label)
        layout.addWidget(self.orders_label)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.retranslate()

    def scope(self) -> str:
        return str(self.scope_combo.currentData() or "personal")

    def _submit(self) -> None:
        if self.busy:
            return
        name = self.name_edit.text().strip()
        if not name:
            from ui.messages import message_text

            self.show_error(message_text("order_set.bad_name", {"max": 60}))
            return
        self.busy = True
        self.message.setText(translate("OrderSets", "正在保存…"))
        self.submitted.emit(name, self.scope())

    def show_error(self, text: str) -> None:
        self.busy = False
        self.message.setText(text)
        self.name_edit.setStyleSheet(ERROR_STYLE if not self.name_edit.text().strip() else "")
        self.name_edit.setFocus()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate(self) -> None:
        self.setWindowTitle(translate("OrderSets", "存为组套"))
        self.count_label.setText(translate("OrderSets", "将以下 {n} 条医嘱存为组套（只存内容，不存状态）：")
                                 .format(n=self.count))
        self.name_label.setText(translate("OrderSets", "组套名称(&N)："))
        self.scope_label.setText(translate("OrderSets", "范围(&S)："))
        current = self.scope_combo.currentData()
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(translate("OrderSets", "个人"), "personal")
        self.scope_combo.addItem(translate("OrderSets", "科室"), "dept")
        self.scope_combo.addItem(translate("OrderSets", "全院（须管理员）"), "hospital")
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(current)))
        self.scope_combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange and is_alive(self):
            self.retranslate()
        super().changeEvent(event)
