"""Operations of 附材 (issue 13): the consumables bound to the execution items, the catalogue,
a nurse's addition or removal (through the one write path), and the consumable lines of the
ward's pharmacy requests."""
from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Optional

from ui.operations import OpContext
from ui.operations.nurse import Callback, OnError, _read, _stamp, execute


def load_bound(ctx: OpContext, plan_ids: list[str], on_done: Callback, on_error: OnError = None,
               with_removed: bool = False) -> int:
    """{plan id: [BoundItem]} for these execution items."""
    from app.services.consumables import bound_items

    ids = list(plan_ids)
    return _read(ctx, lambda conn: bound_items(conn, ids, with_removed), on_done, on_error, "bound_items")


def load_catalogue(ctx: OpContext, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.consumables import consumable_list

    return _read(ctx, consumable_list, on_done, on_error, "consumable_list")


def add(ctx: OpContext, user: Any, plan_id: str, consumable_id: str, quantity: Decimal,
        reason: Optional[str], origin: str, on_done: Optional[Callback] = None,
        on_error: OnError = None) -> int:
    from app.services.consumable_cmds import AddConsumable

    return execute(ctx, AddConsumable(**_stamp(user), plan_id=plan_id, consumable_id=consumable_id,
                                      quantity=quantity, reason=reason or None), origin, on_done, on_error)


def remove(ctx: OpContext, user: Any, bound_id: str, version: int, reason: str, origin: str,
           on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.consumable_cmds import RemoveConsumable

    return execute(ctx, RemoveConsumable(**_stamp(user), bound_id=bound_id, base_version=version,
                                         reason=reason), origin, on_done, on_error)


def load_request_lines(ctx: OpContext, ward_id: str, since: datetime, on_done: Callback,
                       on_error: OnError = None) -> int:
    """The 附材 lines of the ward's pharmacy requests since `since`."""
    from app.services.consumables import request_consumables

    return _read(ctx, lambda conn: request_consumables(conn, ward_id, since), on_done, on_error,
                 "request_consumables")


def load_requests(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """The last day's requests line by line: per patient the drug lines, then the 附材 lines."""
    from datetime import timedelta

    from app.clock import utcnow
    from app.services.consumables import request_consumables
    from app.services.pharmacy import pharmacy_lines

    def read(conn: Any) -> list[Any]:
        since = utcnow() - timedelta(days=1)
        lines: list[Any] = [*pharmacy_lines(conn, ward_id, since), *request_consumables(conn, ward_id, since)]
        order = {id(ln): n for n, ln in enumerate(lines)}

        def bed(no: str) -> tuple[int, str]:
            return (int(no), "") if no.isdigit() else (10**6, no)

        return sorted(lines, key=lambda ln: (-ln.sent_at.timestamp(), ln.req_id, bed(ln.bed_no),
                                             ln.kind == "consumable", order[id(ln)]))

    return _read(ctx, read, on_done, on_error, "pharmacy_requests")
