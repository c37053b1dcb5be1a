"""The 病历 tab's small dialogs: a keyboard picker (type to filter, arrows, Enter), the reason of a
revision, and the side-by-side diff of two revisions (who changed what)."""
from __future__ import annotations

import difflib
import html
from typing import Any, Optional

from ui.formatting import local_datetime
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
    translate,
)
from ui.records.model import TextRowsModel


class PickerDialog(QDialog):
    """Pick one row by keyboard: the filter box has the focus; ↑ ↓ move in the list, Enter picks.
    `chosen` is the index in the rows given (or -1)."""

    def __init__(self, title: str, headers: tuple[str, ...], rows: list[tuple[str, ...]],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.chosen = -1
        self.model = TextRowsModel(headers, self)
        self.model.set_rows(rows)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter = QLineEdit()
        self.filter.setObjectName("pickerFilter")
        self.filter.setPlaceholderText(translate("Records", "输入名称筛选，↑ ↓ 选择，Enter 确定"))
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self.accept)
        self.filter.installEventFilter(self)
        self.view = QTableView()
        self.view.setObjectName("pickerList")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.resize(560, 420)
        self._select(0)

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._select(0)

    def _select(self, row: int) -> None:
        if self.proxy.rowCount() == 0:
            return
        row = max(0, min(row, self.proxy.rowCount() - 1))
        self.view.selectRow(row)

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        if watched is self.filter and isinstance(event, QKeyEvent) and event.type() == event.Type.KeyPress:
            current = self.view.currentIndex().row()
            if event.key() == Qt.Key.Key_Down:
                self._select(current + 1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self._select(current - 1)
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        self.chosen = self.proxy.mapToSource(index).row()
        super().accept()


class ReasonDialog(QDialog):
    """The reason of a revision (修订原因): required, kept with the revision."""

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Records", "修订原因"))
        self.edit = QLineEdit()
        self.edit.setObjectName("reasonEdit")
        self.edit.setMaxLength(100)
        self.edit.setPlaceholderText(translate("Records", "例如：上级医师查房补充"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("Records", "修订已签名的病历，须填写原因：")))
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.edit.text().strip():
            super().accept()

    def reason(self) -> str:
        return self.edit.text().strip()


ADDED = "#e6ffec"
REMOVED = "#ffebe9"
CHANGED = "#fff8c5"


def side_by_side(old: str, new: str) -> tuple[str, str]:
    """Two HTML columns of the texts' lines, changed lines coloured (removed / added / changed)."""
    a, b = old.splitlines(), new.splitlines()
    left: list[str] = []
    right: list[str] = []

    def line(text: str, color: Optional[str]) -> str:
        style = f" style='background:{color}'" if color else ""
        return f"<div{style}>{html.escape(text) or '&nbsp;'}</div>"

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            left += [line(t, None) for t in a[i1:i2]]
            right += [line(t, None) for t in b[j1:j2]]
            continue
        old_part = a[i1:i2]
        new_part = b[j1:j2]
        n = max(len(old_part), len(new_part))
        for k in range(n):
            lt = old_part[k] if k < len(old_part) else None
            rt = new_part[k] if k < len(new_part) else None
            color_l = CHANGED if (lt is not None and rt is not None) else REMOVED
            color_r = CHANGED if (lt is not None and rt is not None) else ADDED
            left.append(line(lt, color_l) if lt is not None else line("", None))
            right.append(line(rt, color_r) if rt is not None else line("", None))
    return "".join(left), "".join(right)


class DiffDialog(QDialog):
    """Two revisions side by side: each column headed by its editor, time and reason."""

    def __init__(self, revisions: list[Any], parent: Optional[QWidget] = None) -> None:
        from app.domain.documents import as_text

        super().__init__(parent)
        self.setWindowTitle(translate("Records", "版本对比"))
        self._revs = list(revisions)
        self._text = [as_text(r.sections) for r in self._revs]
        self.left_pick = QComboBox()
        self.right_pick = QComboBox()
        for r in self._revs:
            label = translate("Records", "第{n}版 {who} {at}").format(
                n=r.rev_no, who=r.editor_name, at=local_datetime(r.edited_at))
            self.left_pick.addItem(label)
            self.right_pick.addItem(label)
        self.left_head = QLabel()
        self.right_head = QLabel()
        self.left = QTextBrowser()
        self.left.setObjectName("diffLeft")
        self.right = QTextBrowser()
        self.right.setObjectName("diffRight")
        picks = QHBoxLayout()
        picks.addWidget(self.left_pick)
        picks.addWidget(self.right_pick)
        heads = QHBoxLayout()
        heads.addWidget(self.left_head)
        heads.addWidget(self.right_head)
        texts = QHBoxLayout()
        texts.addWidget(self.left)
        texts.addWidget(self.right)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(picks)
        layout.addLayout(heads)
        layout.addLayout(texts, 1)
        layout.addWidget(buttons)
        self.left_pick.currentIndexChanged.connect(self._show)
        self.right_pick.currentIndexChanged.connect(self._show)
        if len(self._revs) >= 2:
            self.left_pick.setCurrentIndex(len(self._revs) - 2)
        self.right_pick.setCurrentIndex(len(self._revs) - 1)
        self._show()
        self.resize(1000, 640)

    def _head(self, r: Any) -> str:
        reason = r.reason or translate("Records", "原始版本")
        return translate("Records", "第{n}版：{who}，{at}，{reason}").format(
            n=r.rev_no, who=r.editor_name, at=local_datetime(r.edited_at), reason=reason)

    def _show(self, *_args: Any) -> None:
        i, j = self.left_pick.currentIndex(), self.right_pick.currentIndex()
        if not (0 <= i < len(self._revs) and 0 <= j < len(self._revs)):
            return
        self.left_head.setText(self._head(self._revs[i]))
        self.right_head.setText(self._head(self._revs[j]))
        left, right = side_by_side(self._text[i], self._text[j])
        self.left.setHtml(left)
        self.right.setHtml(right)
