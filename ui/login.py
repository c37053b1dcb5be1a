"""The login page: user + password, the demo accounts (demo database only), start-up progress.

It is the first frame of the application (bench/startup.py), so it holds only what that frame
shows: the demo account table, which appears once the database is ready, is built when first
needed (`demo_table`, `demo_model`), ui.messages is imported when a text is first needed, and
the page's colours are one style sheet.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from ui.panel import centred_panel
from ui.qt import (
    QAbstractTableModel,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QProgressBar,
    QPushButton,
    Qt,
    QWidget,
    Signal,
    translate,
)

if TYPE_CHECKING:
    from ui.operations.backend import DemoAccount
    from ui.qt import QTableView

STYLE_SHEET = """
LoginPage { background: #eef1f4; }
QLabel#loginSubtitle { color: #57606a; }
QLabel#loginMessage { color: #c62828; }
"""

COL_LOGIN = 0
COL_PASSWORD = 1
COL_ROLE = 2


class DemoAccountModel(QAbstractTableModel):
    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.accounts: list[DemoAccount] = []

    def set_accounts(self, accounts: list[DemoAccount]) -> None:
        self.beginResetModel()
        self.accounts = list(accounts)
        self.endResetModel()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.accounts)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {COL_LOGIN: translate("DemoAccountModel", "用户名"),
                COL_PASSWORD: translate("DemoAccountModel", "密码"),
                COL_ROLE: translate("DemoAccountModel", "角色")}.get(section)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.accounts):
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        from ui.messages import role_text

        a = self.accounts[index.row()]
        return {COL_LOGIN: a.login, COL_PASSWORD: a.password,
                COL_ROLE: role_text(a.role_label_id)}.get(index.column())


class LoginPage(QWidget):
    login_requested = Signal(str, str)
    cancel_requested = Signal()

    def __init__(self, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setObjectName("loginSubtitle")
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.user_label = QLabel()
        self.user_label.setBuddy(self.user_edit)
        self.password_label = QLabel()
        self.password_label.setBuddy(self.password_edit)
        self.login_button = QPushButton()
        self.login_button.setDefault(True)
        self.login_button.setAutoDefault(True)
        self.login_button.setMinimumHeight(34)
        self.login_button.clicked.connect(self._submit)
        self.cancel_button = QPushButton()
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.user_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self._submit)
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(40)
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.demo_title = QLabel()
        self._demo: Optional[tuple[DemoAccountModel, QTableView]] = None

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(10)
        form.addRow(self.user_label, self.user_edit)
        form.addRow(self.password_label, self.password_edit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.login_button, 1)

        inner = centred_panel(self, "loginPanel", width=440, spacing=8)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.message)
        inner.addWidget(self.progress_label)
        inner.addWidget(self.progress)
        inner.addWidget(self.demo_title)
        self._inner = inner

        self.setStyleSheet(STYLE_SHEET)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._ready = False
        self._busy = False
        self.set_demo_accounts(None)
        self.set_ready(False)
        self.retranslate()

    # ---- the demo accounts, under the form (built when first needed)
    def _demo_parts(self) -> tuple[DemoAccountModel, QTableView]:
        if self._demo is None:
            from ui.qt import QAbstractItemView, QHeaderView, QTableView

            model = DemoAccountModel(self)
            table = QTableView()
            table.setVisible(False)
            table.setModel(model)
            table.verticalHeader().setVisible(False)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            table.clicked.connect(self._use_demo_account)
            table.activated.connect(self._use_demo_account)
            table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
            self._inner.addWidget(table)
            self._demo = (model, table)
        return self._demo

    @property
    def demo_model(self) -> DemoAccountModel:
        return self._demo_parts()[0]

    @property
    def demo_table(self) -> QTableView:
        return self._demo_parts()[1]

    # ---- state from the main window
    def set_ready(self, ready: bool) -> None:
        """Ready once the database is prepared; until then the fields wait and the bar moves."""
        self._ready = ready
        self.progress.setVisible(not ready)
        self.progress_label.setVisible(not ready)
        self._update_enabled()

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_enabled()

    def _update_enabled(self) -> None:
        self.login_button.setEnabled(self._ready and not self._busy)

    def set_progress(self, done: int, total: int, label: str = "") -> None:
        from ui.messages import progress_text

        text = progress_text(label)
        self.progress_label.setText(text)
        # Steps report their own done/total; an unnamed step shows a busy bar, not a stale 100 %.
        named = text != progress_text("")
        self.progress.setRange(0, max(total, 0) if named else 0)
        if named and total > 0:
            self.progress.setValue(min(done, total))

    def set_demo_accounts(self, accounts: Optional[list[DemoAccount]]) -> None:
        """None or [] hides the list: demo accounts appear only on the demo database."""
        self.demo_title.setVisible(bool(accounts))
        if not accounts and self._demo is None:
            return                                  # no list was ever shown: none to build
        model, table = self._demo_parts()
        model.set_accounts(accounts or [])
        shown = min(len(accounts or []), 8)         # every account visible without scrolling (up to 8)
        height = (table.horizontalHeader().sizeHint().height()
                  + shown * table.verticalHeader().defaultSectionSize()
                  + 2 * table.frameWidth())
        table.setFixedHeight(height)
        table.setVisible(bool(accounts))

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def set_switch_mode(self, switching: bool) -> None:
        """Switching user from the lock screen: offer 取消 to go back to the lock."""
        self.cancel_button.setVisible(switching)

    def reset(self, login: str = "") -> None:
        self.user_edit.setText(login)
        self.password_edit.clear()
        self.message.clear()
        (self.password_edit if login else self.user_edit).setFocus()

    def _submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        self.login_requested.emit(self.user_edit.text().strip(), self.password_edit.text())

    def _use_demo_account(self, index: QModelIndex) -> None:
        accounts = self.demo_model.accounts
        if 0 <= index.row() < len(accounts):
            account = accounts[index.row()]
            self.user_edit.setText(account.login)
            self.password_edit.setText(account.password)
            self.login_button.setFocus()

    def retranslate(self) -> None:
        self.title.setText(translate("LoginPage", "病区工作站"))
        self.subtitle.setText(translate("LoginPage", "住院医生 · 护士工作站"))
        self.user_label.setText(translate("LoginPage", "用户名(&U)："))
        self.password_label.setText(translate("LoginPage", "密码(&P)："))
        self.login_button.setText(translate("LoginPage", "登录"))
        self.cancel_button.setText(translate("LoginPage", "取消"))
        self.user_edit.setPlaceholderText(translate("LoginPage", "工号或用户名"))
        self.progress_label.setText(translate("LoginPage", "正在准备数据库，请稍候…"))
        self.demo_title.setText(translate("LoginPage", "演示账号（单击填入）："))
        if self._demo is not None:
            self._demo[0].headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
