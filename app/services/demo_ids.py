"""What every part of the demo ward shares: stable keys, seeded generators and the ward's clock.

demo.py (staff, patients), demo_history.py (orders, labs), demo_charts.py (vital signs) and
demo_orders.py all import these from here, so none of them imports another to get them.
"""
from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time

from app.clock import as_utc

DEMO_NS = uuid.UUID("0b7c1f7e-2f55-5c1e-9a57-6c1d8e3a4b21")
SEED = 20240601


def demo_id(*parts: object) -> str:
    """A stable key for a demo row: the same on every seed, so tests can name rows."""
    return str(uuid.uuid5(DEMO_NS, "/".join(str(p) for p in parts)))


def rng_for(*parts: object) -> random.Random:
    """A generator per patient and purpose: what one part draws never shifts another."""
    return random.Random("/".join(str(p) for p in (SEED, *parts)))


def local_at(day: date, hour: int, minute: int = 0) -> datetime:
    """A wall-clock time on the ward's day as aware UTC."""
    return as_utc(datetime.combine(day, time(hour, minute)))


def local_today(now: datetime) -> date:
    return now.astimezone().date()
