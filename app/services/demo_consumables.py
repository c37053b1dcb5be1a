"""The default 附材 rules (resources/dictionaries/consumable_rules.csv): inserted once per rule
code, never overwritten (after that the rules are the hospital's data, edited by
SaveConsumableRule). The demo seed calls `seed`, `python main.py demo seed` through it."""
from __future__ import annotations

import csv
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import insert, select
from sqlalchemy.engine import Connection

from app.dictionaries.files import CONSUMABLE_RULES, stable_id
from app.services.consumables import bind
from app.store.schema import cons_rule, consumable, order_exec_plan, order_item


def default_rules(conn: Connection, path: Optional[Path] = None) -> list[dict[str, Any]]:
    cons = {r.code: str(r.id) for r in conn.execute(select(consumable.c.code, consumable.c.id))}
    items = {r.code: str(r.id) for r in conn.execute(select(order_item.c.code, order_item.c.id))}
    rows: list[dict[str, Any]] = []
    with (path or CONSUMABLE_RULES).open(encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            get = {k: (v or "").strip() for k, v in raw.items()}
            if get["consumable_code"] not in cons or (get["item_code"] and get["item_code"] not in items):
                continue         # the dictionaries are not loaded (a demo on free text): no rule
            rows.append({"id": stable_id("cons_rule", get["code"]), "code": get["code"],
                         "route_code": get["route_code"] or None, "category": get["category"] or None,
                         "item_id": items.get(get["item_code"]) if get["item_code"] else None,
                         "drug_form": get["drug_form"] or None,
                         "consumable_id": cons[get["consumable_code"]],
                         "quantity": Decimal(get["quantity"]), "per": get["per"],
                         "priority": int(get["priority"] or 100)})
    return rows


def seed(conn: Connection, now: datetime) -> dict[str, int]:
    """Insert the default rules whose code is missing; rows written per table."""
    have = set(conn.execute(select(cons_rule.c.code)).scalars())
    rows = [dict(r, is_active=True, version=1, created_at=now, updated_at=now)
            for r in default_rules(conn) if r["code"] not in have]
    if rows:
        conn.execute(insert(cons_rule), rows)
    return {"cons_rule": len(rows)}


def bind_demo_plans(conn: Connection, now: datetime,
                    utc_offset_minutes: Optional[int] = None) -> dict[str, int]:
    """Bind the seeded plan items (the demo writes them directly, not through GeneratePlans), on
    the ward days of this PC's clock as the execution list plans them."""
    if utc_offset_minutes is None:
        offset = now.astimezone().utcoffset()
        utc_offset_minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    order_ids = sorted({str(o) for o in conn.execute(
        select(order_exec_plan.c.order_id).distinct()).scalars()})
    made = bind(conn, now, order_ids, datetime(2000, 1, 1, tzinfo=timezone.utc),
                datetime(2100, 1, 1, tzinfo=timezone.utc), utc_offset_minutes)
    return {"order_cons": len(made)}
