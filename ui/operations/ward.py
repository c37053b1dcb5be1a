"""Ward reads: the ward list, a ward's bed cards (with pinyin initials for the filter), a header."""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Optional

from ui.operations import OpContext

if TYPE_CHECKING:
    from app.domain.ward import BedCard

MAX_INITIAL_VARIANTS = 16


def pinyin_initials(name: str) -> tuple[str, ...]:
    """Every first-letter spelling of a name, polyphonic characters included (单 dan/shan -> d, s)."""
    if not name:
        return ()
    from pypinyin import Style, pinyin

    letters = pinyin(name, style=Style.FIRST_LETTER, heteronym=True, errors="ignore")
    options = [sorted({s.lower()[:1] for s in opts if s}) for opts in letters]
    options = [o for o in options if o]
    variants = []
    for combo in itertools.islice(itertools.product(*options), MAX_INITIAL_VARIANTS):
        variants.append("".join(combo))
    return tuple(variants)


@dataclass(frozen=True)
class BedRow:
    card: BedCard
    initials: tuple[str, ...]


def _rows(cards: list[BedCard]) -> list[BedRow]:
    return [BedRow(c, pinyin_initials(c.name)) for c in cards]


def list_wards(ctx: OpContext, on_done: Callable[[Any], None],
               on_error: Optional[Callable[[Any], None]] = None) -> int:
    return ctx.runner.read(ctx.backend.list_wards, on_done, on_error, name="list_wards")


def load_ward(ctx: OpContext, ward_id: str, on_done: Callable[[Any], None],
              on_error: Optional[Callable[[Any], None]] = None) -> int:
    """The bed cards of one ward as BedRows (pinyin computed here, off the GUI thread)."""
    return ctx.runner.read(lambda: _rows(ctx.backend.ward_overview(ward_id)), on_done, on_error,
                           name="ward_overview")


def open_chart(ctx: OpContext, encounter_id: str, staff_id: str, on_done: Callable[[Any], None],
               on_error: Optional[Callable[[Any], None]] = None) -> int:
    """The patient header on the read pool; the chart view's audit is queued by the backend and
    written in the background, so opening a chart never waits behind a save."""
    return ctx.runner.read(lambda: ctx.backend.open_chart(encounter_id, staff_id), on_done, on_error,
                            name="open_chart")


def load_marks(ctx: OpContext, ward_id: str, on_done: Callable[[Any], None],
               on_error: Optional[Callable[[Any], None]] = None) -> int:
    """The bed cards' flags (orders to verify, documents due, risk scores), read after the board:
    encounter id -> app.services.ward_marks.WardMark. 0 (nothing asked) on a backend without
    service reads."""
    backend: Any = ctx.backend
    if not hasattr(backend, "read"):
        return 0
    from app.services.ward_marks import ward_marks

    return ctx.runner.read(lambda: backend.read(lambda conn: ward_marks(conn, ward_id)), on_done,
                           on_error, name="ward_marks")
