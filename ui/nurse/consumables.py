"""附材 on the execution list (issue 13): the consumables bound to an item, as text for its
column, and the small dialog (Ctrl+M, ui/shortcuts.py) where the nurse removes one (a reason is
required; the row stays, marked removed) or adds one from the catalogue (reason optional)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any, Callable, Optional

from ui.nurse.dialogs import NurseDialog
from ui.operations import OpContext
from ui.operations import consumables as ops
from ui.qt import Qt, QWidget, translate

REMOVE, ADD = "remove", "add"


def labels_text(items: list[Any]) -> str:
    """一次性输液器 带针×1、静脉留置针 22G×1 (the bound ones; "" when none)."""
    return "、".join(b.label for b in items if b.status == "bound")


def consumables_dialog(about: str, bound: list[Any], catalogue: list[Any],
                       parent: Optional[QWidget] = None) -> NurseDialog:
    dialog = NurseDialog(translate("NurseCons", "附材"), about, parent)
    choices: list[tuple[str, str]] = [
        (f"{REMOVE}:{b.id}:{b.version}", translate("NurseCons", "移除：{item}").format(item=b.label))
        for b in bound if b.status == "bound"]
    choices += [(f"{ADD}:{c.id}", translate("NurseCons", "添加：{name}").format(
        name=f"{c.name} {c.spec}".strip())) for c in catalogue]
    dialog.add_combo("choice", translate("NurseCons", "附材："), choices)
    qty = dialog.add_line("quantity", translate("NurseCons", "数量（添加）："))
    qty.setText("1")
    dialog.add_line("reason", translate("NurseCons", "理由："), translate("NurseCons", "移除时必填"))
    dialog.required = ("choice",)
    return dialog


def open_dialog(ctx: OpContext, user: Any, origin: str, item: Any, about: str, bound: list[Any],
                parent: QWidget, on_done: Callable[[str], None]) -> None:
    """Read the catalogue, then show the dialog for `item`; `on_done(status text)` after a write."""

    def show(catalogue: list[Any]) -> None:
        dialog = consumables_dialog(about, bound, catalogue, parent)

        def failed(failure: Any) -> None:
            from ui.messages import error_text

            dialog.show_error(str(error_text(failure.error)) if hasattr(failure.error, "message_id")
                              else str(failure.error))

        def submitted(values: Any) -> None:
            kind, ref, *rest = str(values["choice"]).split(":")

            def done(_c: Any) -> None:
                dialog.accept()
                on_done(translate("NurseCons", "附材已更新"))

            if kind == REMOVE:
                ops.remove(ctx, user, ref, int(rest[0]), values["reason"], origin, done, failed)
                return
            try:
                quantity = Decimal(values["quantity"] or "1")
            except InvalidOperation:
                dialog.show_error(translate("NurseCons", "数量须为数字"))
                dialog.fields["quantity"].setFocus()
                return
            ops.add(ctx, user, item.plan_id, ref, quantity, values["reason"], origin, done, failed)

        dialog.submitted.connect(submitted)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()

    ops.load_catalogue(ctx, show, lambda f: on_done(str(f.error)))
