"""Order commands (医嘱): what a doctor or nurse asked for, as replay-safe data (STYLE.md rule 6).

Each names the rows it changes with the versions the user saw; a group (成组医嘱) is acted on as
one through any of its members. The handlers are in app/services/order_handlers.py.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Optional

from app.services.commands import Command, register, register_values


@dataclass(frozen=True)
class OrderFields:
    """The content of an order as the doctor typed it (codes from the dictionaries)."""

    term: str                              # long / temp
    category: str                          # drug, lab, exam, treatment, nursing, diet, surgery, text, line
    content: str                           # the line as the sheet prints it
    drug_code: Optional[str] = None
    item_code: Optional[str] = None
    dose: Optional[Decimal] = None
    dose_unit: Optional[str] = None
    route_code: Optional[str] = None
    freq_code: Optional[str] = None
    first_day_times: Optional[int] = None
    rate: Optional[str] = None
    instruction: Optional[str] = None      # 嘱托
    use_kind: str = "regular"              # regular, prn, sos, discharge
    start_at: Optional[datetime] = None    # None: when the command was made
    stop_at: Optional[datetime] = None     # a planned stop (e.g. antibiotics for 7 days)
    verbal: bool = False                   # 口头医嘱 entered after a rescue
    line_kind: Optional[str] = None        # for category 'line': postop, transfer_in, reorganize ...


@dataclass(frozen=True)
class OverrideReason:
    """A high alert signed anyway: which alert (order, category, related) and why."""

    order_id: str
    category: str
    related: tuple[str, ...]
    reason: str                            # one of app.checks.OVERRIDE_REASONS
    text: Optional[str] = None             # required for "other"


@dataclass(frozen=True)
class SaveDraft(Command):
    encounter_id: str
    order_id: str                          # client-made for a new draft
    base_version: int                      # 0: a new draft
    fields: OrderFields


@dataclass(frozen=True)
class DiscardDraft(Command):
    order_id: str
    base_version: int


@dataclass(frozen=True)
class GroupDrafts(Command):
    """Ctrl+G: the drafts become one infusion group sharing the first one's route, frequency,
    rate and times (CLINICAL.md §1 成组医嘱)."""

    encounter_id: str
    group_id: str                          # client-made
    order_ids: tuple[str, ...]             # in the order the group lists them
    base_versions: tuple[int, ...]


@dataclass(frozen=True)
class UngroupDrafts(Command):
    group_id: str
    base_version: int                      # the group row's


@dataclass(frozen=True)
class SignOrders(Command):
    """Sign drafts (and returned orders): the checks run again here, on the server's data."""

    encounter_id: str
    order_ids: tuple[str, ...]
    base_versions: tuple[int, ...]
    overrides: tuple[OverrideReason, ...] = ()


@dataclass(frozen=True)
class ApproveOrders(Command):
    """An antibiotic above the signer's grade, approved by a doctor who holds it (§7)."""

    order_ids: tuple[str, ...]
    base_versions: tuple[int, ...]


@dataclass(frozen=True)
class OrderAction(Command):
    """One lifecycle step on one order (its whole group when it has one)."""

    order_id: str
    base_version: int
    reason: Optional[str] = None


@dataclass(frozen=True)
class WithdrawOrder(OrderAction):
    """撤回: the signing doctor takes it back before a nurse verified it."""


@dataclass(frozen=True)
class ReturnOrder(OrderAction):
    """退回: the nurse sends it back to the doctor, with her reason (护士条例 Art. 17)."""


@dataclass(frozen=True)
class VerifyOrder(OrderAction):
    """审核/校对 by the nurse."""


@dataclass(frozen=True)
class StopOrder(OrderAction):
    stop_at: Optional[datetime] = None     # None: now


@dataclass(frozen=True)
class ConfirmStop(OrderAction):
    """确认停止 by the nurse; later plan items are cancelled."""


@dataclass(frozen=True)
class VoidOrder(OrderAction):
    """作废 with a reason: only while nothing of it has been executed."""


register_values(OrderFields, OverrideReason)
register(SaveDraft, DiscardDraft, GroupDrafts, UngroupDrafts, SignOrders, ApproveOrders,
         WithdrawOrder, ReturnOrder, VerifyOrder, StopOrder, ConfirmStop, VoidOrder)
