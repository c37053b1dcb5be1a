"""The one Qt import point (STYLE.md rule 2): binding and version checks live here.

Every ui/ module imports Qt names from here, never from PySide6 directly, so a binding change or
a version guard is one edit.

The names are resolved on first use (module `__getattr__`), not at import: PySide6 builds a
class, and every enum class in it, when its name is first looked up (the `Qt` namespace alone
takes ~15 ms), so importing this module costs only the binding's own modules and each name is
paid for by the first module that imports it (start-up: bench/startup.py). Type checkers read
the imports below. To export a name: add it to the imports and to `__all__`.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

import PySide6
from PySide6 import QtCore, QtGui, QtWidgets

if TYPE_CHECKING:
    from PySide6.QtCore import (
        QAbstractTableModel,
        QByteArray,
        QCoreApplication,
        QEvent,
        QItemSelection,
        QItemSelectionModel,
        QLibraryInfo,
        QLocale,
        QMarginsF,
        QModelIndex,
        QObject,
        QPersistentModelIndex,
        QPoint,
        QPointF,
        QRect,
        QRectF,
        QRunnable,
        QSettings,
        QSize,
        QSizeF,
        QSocketNotifier,
        QSortFilterProxyModel,
        Qt,
        QThreadPool,
        QTimer,
        QTranslator,
        Signal,
        Slot,
    )
    from PySide6.QtGui import (
        QAction,
        QActionGroup,
        QBrush,
        QColor,
        QFont,
        QFontDatabase,
        QFontMetrics,
        QFontMetricsF,
        QGuiApplication,
        QIcon,
        QImage,
        QInputMethodEvent,
        QKeyEvent,
        QKeySequence,
        QPageLayout,
        QPageSize,
        QPainter,
        QPainterPath,
        QPalette,
        QPen,
        QPixmap,
        QPolygonF,
        QShortcut,
    )
    from PySide6.QtWidgets import (
        QAbstractItemDelegate,
        QAbstractItemView,
        QApplication,
        QButtonGroup,
        QCheckBox,
        QComboBox,
        QDialog,
        QDialogButtonBox,
        QFileDialog,
        QFormLayout,
        QFrame,
        QGridLayout,
        QGroupBox,
        QHBoxLayout,
        QHeaderView,
        QLabel,
        QLineEdit,
        QListView,
        QListWidget,
        QListWidgetItem,
        QMainWindow,
        QMenu,
        QMessageBox,
        QPlainTextEdit,
        QProgressBar,
        QPushButton,
        QScrollArea,
        QSizePolicy,
        QSpinBox,
        QSplitter,
        QStackedWidget,
        QStatusBar,
        QStyle,
        QStyledItemDelegate,
        QStyleOptionViewItem,
        QTabBar,
        QTableView,
        QTabWidget,
        QTextBrowser,
        QToolBar,
        QToolButton,
        QTreeWidget,
        QTreeWidgetItem,
        QVBoxLayout,
        QWidget,
    )

from shiboken6 import isValid as is_alive  # False once the C++ object of a wrapper is deleted

QT_VERSION = PySide6.__version__
if tuple(int(p) for p in QT_VERSION.split(".")[:2]) < (6, 5):  # pragma: no cover - install guard
    raise ImportError(f"WardStation needs PySide6 >= 6.5, found {QT_VERSION}")

def print_support() -> Any:
    """QtPrintSupport (QPrinter, QPrintDialog), imported on the first print: it loads the CUPS
    client library, which start-up never needs to pay for."""
    from PySide6 import QtPrintSupport

    return QtPrintSupport


# lupdate recognises calls spelled translate("Context", "源文本").
translate = QtCore.QCoreApplication.translate
_MODULES = (QtCore, QtGui, QtWidgets)


if not TYPE_CHECKING:
    def __getattr__(name: str) -> Any:
        """`from ui.qt import QLabel`: the class from its PySide6 module, built now and kept."""
        if not name.startswith("__"):
            for module in _MODULES:
                value = getattr(module, name, None)
                if value is not None:
                    globals()[name] = value
                    return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "QT_VERSION",
    "QAbstractItemDelegate",
    "QAbstractItemView",
    "QAbstractTableModel",
    "QAction",
    "QActionGroup",
    "QApplication",
    "QBrush",
    "QButtonGroup",
    "QByteArray",
    "QCheckBox",
    "QColor",
    "QComboBox",
    "QCoreApplication",
    "QDialog",
    "QDialogButtonBox",
    "QEvent",
    "QFileDialog",
    "QFont",
    "QFontDatabase",
    "QFontMetrics",
    "QFontMetricsF",
    "QFormLayout",
    "QFrame",
    "QGridLayout",
    "QGroupBox",
    "QGuiApplication",
    "QHBoxLayout",
    "QHeaderView",
    "QIcon",
    "QImage",
    "QInputMethodEvent",
    "QItemSelection",
    "QItemSelectionModel",
    "QKeyEvent",
    "QKeySequence",
    "QLabel",
    "QLibraryInfo",
    "QLineEdit",
    "QListView",
    "QListWidget",
    "QListWidgetItem",
    "QLocale",
    "QMainWindow",
    "QMarginsF",
    "QMenu",
    "QMessageBox",
    "QModelIndex",
    "QObject",
    "QPageLayout",
    "QPageSize",
    "QPainter",
    "QPainterPath",
    "QPalette",
    "QPen",
    "QPersistentModelIndex",
    "QPixmap",
    "QPlainTextEdit",
    "QPoint",
    "QPointF",
    "QPolygonF",
    "QProgressBar",
    "QPushButton",
    "QRect",
    "QRectF",
    "QRunnable",
    "QScrollArea",
    "QSettings",
    "QShortcut",
    "QSize",
    "QSizeF",
    "QSizePolicy",
    "QSocketNotifier",
    "QSortFilterProxyModel",
    "QSpinBox",
    "QSplitter",
    "QStackedWidget",
    "QStatusBar",
    "QStyle",
    "QStyleOptionViewItem",
    "QStyledItemDelegate",
    "QTabBar",
    "QTabWidget",
    "QTableView",
    "QTextBrowser",
    "QThreadPool",
    "QTimer",
    "QToolBar",
    "QToolButton",
    "QTranslator",
    "QTreeWidget",
    "QTreeWidgetItem",
    "QVBoxLayout",
    "QWidget",
    "Qt",
    "Signal",
    "Slot",
    "is_alive",
    "print_support",
    "translate",
]
