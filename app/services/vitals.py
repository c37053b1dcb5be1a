"""Reads of the charting side: the ward grid for a slot, and a patient's week of the 体温单.

Round trips decide how a ward network feels (30 ms each): the grid is two statements for the
whole ward (the stays, then every current value of the ward's last days), a week is four
(the stay with its ward's 24 h I/O boundary, its values, its skin tests, the 护理记录 lines'
intake/output). "Current" means not struck: a row is dropped when a later row names it in
`voids` (NOT EXISTS on the unique index), when it is itself a void marker, or when it
carries revision 0001's `voided` flag.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any, Callable, Optional

from sqlalchemy import and_, exists, literal, or_, select
from sqlalchemy.engine import Connection

from app.domain import vitals as dv
from app.domain import vitals_due as due
from app.services.vitals_cmds import VOID
from app.store.schema import app_setting, bed, dept, encounter, patient, skin_test, staff, vital_obs

ADMITTED = "admitted"
COOLED_KEY = "cooled"                      # the grid's key for the 物理降温 retake
HISTORY = timedelta(days=4)                # what the due rules look back on (fever 3 days, post-op)
DAYS_PER_PAGE = 7


@dataclass(frozen=True)
class Obs:
    id: str
    item: str
    value: Optional[Decimal]
    code: Optional[str]
    method: Optional[str]
    note: Optional[str]
    measured_at: datetime
    slot_at: datetime                     # the chart slot (stored, else derived from the time)
    recorded_by: str
    recorder_name: str
    created_at: datetime
    voids: Optional[str] = None

    @property
    def key(self) -> str:
        """The grid column it fills (a cooled retake has its own)."""
        return COOLED_KEY if self.item == dv.TEMP and self.method == dv.COOLED else self.item

    @property
    def flag(self) -> str:
        if self.value is None or self.item not in dv.LIMITS:
            return ""
        try:
            return dv.assess(self.item, self.value).flag
        except Exception:   # a legacy value outside today's reject range: show it, unflagged
            return ""


@dataclass(frozen=True)
class GridCell:
    current: Obs                          # the latest entry
    others: tuple[Obs, ...] = ()          # earlier entries of the same slot by other nurses

    @property
    def contested(self) -> bool:
        return bool(self.others)


@dataclass(frozen=True)
class GridRow:
    encounter_id: str
    patient_id: str
    bed_no: str
    name: str
    mrn: str
    acuity: str
    admitted_at: datetime
    due: due.Due
    cells: dict[str, GridCell] = field(default_factory=dict)
    events: tuple[Obs, ...] = ()


@dataclass(frozen=True)
class WardGrid:
    slot_at: datetime
    slot_hour: int
    rows: tuple[GridRow, ...]

    def due_rows(self) -> tuple[GridRow, ...]:
        return tuple(r for r in self.rows if r.due.due_at(self.slot_hour))


def _zone(zone: Optional[tzinfo]) -> tzinfo:
    return zone or datetime.now().astimezone().tzinfo or timezone.utc


def _current() -> Any:
    """Rows no later row strikes, void markers excluded."""
    later = vital_obs.alias("later")
    return and_(~exists().where(later.c.voids == vital_obs.c.id),
                vital_obs.c.voided == False,  # noqa: E712
                or_(vital_obs.c.code.is_(None), vital_obs.c.code != VOID))


def _obs_query() -> Any:
    return (select(vital_obs.c.id, vital_obs.c.encounter_id, vital_obs.c.item,
                   vital_obs.c.num_value, vital_obs.c.code, vital_obs.c.method, vital_obs.c.note,
                   vital_obs.c.measured_at, vital_obs.c.slot_at, vital_obs.c.recorded_by,
                   vital_obs.c.created_at, vital_obs.c.voids, staff.c.full_name)
            .outerjoin(staff, staff.c.id == vital_obs.c.recorded_by)
            .where(_current()))


def _obs(r: Any, zone: tzinfo) -> Obs:
    return Obs(r.id, r.item, None if r.num_value is None else Decimal(str(r.num_value)),
               r.code, r.method, r.note, r.measured_at,
               r.slot_at or due.slot_of(r.measured_at, zone), r.recorded_by, r.full_name or "",
               r.created_at, r.voids)


def _cells(obs: list[Obs]) -> dict[str, GridCell]:
    by_key: dict[str, list[Obs]] = defaultdict(list)
    for o in obs:
        by_key[o.key].append(o)
    cells: dict[str, GridCell] = {}
    for key, items in by_key.items():
        items.sort(key=lambda o: (o.created_at, o.id))
        latest = items[-1]
        # A correction replaced its original (already gone); what remains from another nurse
        # is a second reading of the same slot: shown, never silently dropped.
        cells[key] = GridCell(latest, tuple(o for o in items[:-1]))
    return cells


def ward_grid(conn: Connection, ward_id: str, slot_at: datetime, *,
              zone: Optional[tzinfo] = None) -> WardGrid:
    """Every admitted patient of the ward with this slot's values and whether they are due."""
    zone = _zone(zone)
    slot_at = due.slot_of(slot_at, zone)
    stays = conn.execute(
        select(encounter.c.id, encounter.c.patient_id, encounter.c.admitted_at,
               encounter.c.acuity, bed.c.bed_no, bed.c.sort_key, patient.c.name, patient.c.mrn)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == ADMITTED)
        .order_by(bed.c.sort_key, encounter.c.admitted_at)).all()
    window_end = slot_at + timedelta(hours=4)
    rows = conn.execute(
        _obs_query().add_columns(encounter.c.ward_id)
        .join(encounter, encounter.c.id == vital_obs.c.encounter_id)
        .where(encounter.c.ward_id == ward_id).where(encounter.c.status == ADMITTED)
        .where(vital_obs.c.measured_at >= slot_at - HISTORY)
        .where(vital_obs.c.measured_at < window_end)).all()
    by_enc: dict[str, list[Obs]] = defaultdict(list)
    for r in rows:
        by_enc[r.encounter_id].append(_obs(r, zone))
    hour = slot_at.astimezone(zone).hour
    out: list[GridRow] = []
    for s in stays:
        obs = by_enc.get(s.id, [])
        temps = [(o.measured_at, o.value) for o in obs
                 if o.item == dv.TEMP and o.value is not None and o.method != dv.COOLED]
        ops = [o.measured_at for o in obs if o.item == dv.EVENT and o.code in dv.OPERATIONS]
        inp = due.DueInput(admitted_at=s.admitted_at, operations=ops,
                           temps=[(t, v) for t, v in temps if v is not None],
                           critical=s.acuity == "critical")
        in_slot = [o for o in obs if o.slot_at == slot_at and o.item != dv.EVENT]
        events = tuple(o for o in obs if o.item == dv.EVENT and due.slot_of(o.measured_at, zone) == slot_at)
        out.append(GridRow(s.id, s.patient_id, s.bed_no or "", s.name, s.mrn, s.acuity,
                           s.admitted_at, due.due(inp, slot_at, zone), _cells(in_slot), events))
    return WardGrid(slot_at, hour, tuple(out))


# --- a week of the 体温单 -------------------------------------------------------------------------

@dataclass(frozen=True)
class ChartHeader:
    encounter_id: str
    patient_id: str
    name: str
    dept_name: str
    bed_no: str
    mrn: str
    admitted_at: datetime
    discharged_at: Optional[datetime]


@dataclass(frozen=True)
class SkinTest:
    substance: str
    result: Optional[str]                 # positive / negative / None pending
    tested_at: datetime


@dataclass(frozen=True)
class ChartWeek:
    header: ChartHeader
    week_no: int                          # 住院周数 = page number
    weeks: int                            # pages so far
    days: tuple[date, ...]                # the seven dates of the page
    obs: tuple[Obs, ...]                  # current values of the page (and its I/O periods)
    operations: tuple[datetime, ...]      # 手术 / 分娩 of the whole stay
    skin_tests: tuple[SkinTest, ...] = ()
    zone_offset_minutes: int = 480
    # The 护理记录 lines' intake/output of the page (app.services.nursing_records.RecordIO): the
    # 体温单 sums them for a day without a typed 24 h total; the ward's 24 h boundary.
    record_io: tuple[Any, ...] = ()
    io_boundary: time = due.IO_BOUNDARY


def weeks_of_stay(admitted_at: datetime, until: datetime, zone: tzinfo) -> int:
    days = (until.astimezone(zone).date() - admitted_at.astimezone(zone).date()).days + 1
    return max(1, (days + DAYS_PER_PAGE - 1) // DAYS_PER_PAGE)


def patient_week(conn: Connection, encounter_id: str, week_no: int = 0, *,
                 zone: Optional[tzinfo] = None, now: Optional[datetime] = None) -> ChartWeek:
    """Page `week_no` (1 = the admission week; 0 = the last page) of the stay's 体温单."""
    return chart_weeks(conn, {encounter_id: week_no}, zone=zone, now=now)[encounter_id]


def chart_weeks(conn: Connection, wanted: dict[str, int], *, zone: Optional[tzinfo] = None,
                now: Optional[datetime] = None) -> dict[str, ChartWeek]:
    """For each stay of `wanted`, its page `week_no` (0: its last), in four statements whatever
    their number: the stays with their ward's 24 h I/O boundary, the values, the skin tests, the
    护理记录 lines' intake/output (a ward's downtime packet reads every patient's week so)."""
    pages = _weeks(conn, {eid: _one_week(n) for eid, n in wanted.items()}, zone, now)
    return {eid: found[0] for eid, found in pages.items()}


def _one_week(week_no: int) -> Callable[[int], list[int]]:
    return lambda weeks: [weeks if week_no <= 0 else week_no]


def stay_weeks(conn: Connection, encounter_id: str, last: Optional[int] = None, *,
               zone: Optional[tzinfo] = None, now: Optional[datetime] = None) -> list[ChartWeek]:
    """Every page of the stay's 体温单 (or its `last` ones), in the same four statements."""
    def pick(weeks: int) -> list[int]:
        return list(range(1 if last is None else max(1, weeks - last + 1), weeks + 1))

    return _weeks(conn, {encounter_id: pick}, zone, now)[encounter_id]


def _weeks(conn: Connection, wanted: dict[str, Callable[[int], list[int]]], zone: Optional[tzinfo],
           now: Optional[datetime]) -> dict[str, list[ChartWeek]]:
    """stay -> the pages `wanted[stay](weeks so far)` names, in four statements for all."""
    from app.services.nursing_records import records_io
    from app.services.ward_settings import parse_boundary

    zone = _zone(zone)
    now = now or datetime.now(timezone.utc)
    ids = sorted(wanted)
    boundary_key = literal("ward:") + encounter.c.ward_id + literal(":io_boundary")
    boundary = (select(app_setting.c.svalue).where(app_setting.c.skey == boundary_key)
                .scalar_subquery().label("io_boundary"))
    heads = conn.execute(
        select(encounter.c.id, encounter.c.patient_id, encounter.c.admitted_at,
               encounter.c.discharged_at, patient.c.name, patient.c.mrn, dept.c.name.label("dept"),
               bed.c.bed_no, boundary)
        .join(patient, patient.c.id == encounter.c.patient_id)
        .join(dept, dept.c.id == encounter.c.dept_id)
        .outerjoin(bed, bed.c.id == encounter.c.bed_id)
        .where(encounter.c.id.in_(ids))).all()
    missing = set(ids) - {h.id for h in heads}
    if missing:
        from app.errors import ValidationError

        raise ValidationError("not_found", entity="encounter", id=sorted(missing)[0])
    pages: list[tuple[Any, int, int, date, datetime, datetime]] = []
    for h in heads:
        weeks = weeks_of_stay(h.admitted_at, h.discharged_at or now, zone)
        for week in wanted[h.id](weeks):
            first = h.admitted_at.astimezone(zone).date() + timedelta(days=DAYS_PER_PAGE * (week - 1))
            start = datetime.combine(first, datetime.min.time(), zone).astimezone(timezone.utc)
            end = start + timedelta(days=DAYS_PER_PAGE + 1)  # the last day's I/O runs to 07:00 next day
            pages.append((h, week, weeks, first, start, end))
    earliest = min(p[4] for p in pages)
    latest = max(p[5] for p in pages)
    rows = conn.execute(
        _obs_query().add_columns(vital_obs.c.encounter_id.label("stay"))
        .where(vital_obs.c.encounter_id.in_(ids))
        .where(or_(and_(vital_obs.c.measured_at >= earliest, vital_obs.c.measured_at < latest),
                   and_(vital_obs.c.item == dv.EVENT, vital_obs.c.code.in_(dv.OPERATIONS))))
        .order_by(vital_obs.c.measured_at, vital_obs.c.created_at)).all()
    obs_of: dict[str, list[Obs]] = defaultdict(list)
    for r in rows:
        obs_of[r.stay].append(_obs(r, zone))
    tests_of: dict[str, list[SkinTest]] = defaultdict(list)
    for t in conn.execute(select(skin_test.c.encounter_id, skin_test.c.substance, skin_test.c.result,
                                 skin_test.c.tested_at)
                          .where(skin_test.c.encounter_id.in_(ids)).order_by(skin_test.c.tested_at)):
        tests_of[t.encounter_id].append(SkinTest(t.substance, t.result, t.tested_at))
    windows = [due.io_window(p[3], zone, parse_boundary(p[0].io_boundary))[0] for p in pages]
    io_all = records_io(conn, ids, min(windows), max(windows) + timedelta(days=DAYS_PER_PAGE))
    out: dict[str, list[ChartWeek]] = {}
    for (h, week, weeks, first, start, end), io_start in zip(pages, windows):
        eid = h.id
        header = ChartHeader(h.id, h.patient_id, h.name, h.dept or "", h.bed_no or "", h.mrn,
                             h.admitted_at, h.discharged_at)
        days = tuple(first + timedelta(days=i) for i in range(DAYS_PER_PAGE))
        obs = obs_of.get(eid, [])
        ops = tuple(sorted(o.measured_at for o in obs if o.item == dv.EVENT and o.code in dv.OPERATIONS))
        page = tuple(o for o in obs if start <= o.measured_at < end)
        offset = datetime.combine(first, datetime.min.time(), zone).utcoffset() or timedelta(0)
        io_end = io_start + timedelta(days=DAYS_PER_PAGE)
        io = tuple(r for r in io_all.get(eid, ()) if io_start <= r.at < io_end)
        out.setdefault(eid, []).append(ChartWeek(
            header, week, weeks, days, page, ops, tuple(tests_of.get(eid, [])),
            int(offset.total_seconds() // 60), io, parse_boundary(h.io_boundary)))
    return out
