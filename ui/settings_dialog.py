"""The settings dialog: the few options a ward may change (idle lock, health-check interval)."""
from __future__ import annotations

from typing import Optional

from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget, translate
from ui.settings import SettingsSnapshot


class SettingsDialog(QDialog):
    def __init__(self, snapshot: SettingsSnapshot, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "设置"))
        self.idle_spin = QSpinBox()
        self.idle_spin.setRange(0, 240)
        self.idle_spin.setValue(round(snapshot.idle_lock_minutes))
        self.idle_spin.setSuffix(translate("SettingsDialog", " 分钟"))
        self.idle_spin.setSpecialValueText(translate("SettingsDialog", "从不"))
        self.health_spin = QSpinBox()
        self.health_spin.setRange(5, 600)
        self.health_spin.setValue(snapshot.health_check_seconds)
        self.health_spin.setSuffix(translate("SettingsDialog", " 秒"))
        std = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(std.Ok | std.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("SettingsDialog", "无操作自动锁屏："), self.idle_spin)
        form.addRow(translate("SettingsDialog", "连接检查间隔："), self.health_spin)
        form.addRow(buttons)

    def values(self) -> dict[str, float]:
        return {"idle_lock_minutes": float(self.idle_spin.value()),
                "health_check_seconds": float(self.health_spin.value())}
