"""The encrypted replica: the ward's own copy of what it needs through an outage (DESIGN.md
"Offline fallback").

One SQLCipher file per workstation profile, its key made once (256 random bits) and kept in the
system keyring, never in a file. It holds the tables of the server's schema (app.store.schema
metadata, so the same handlers run on it) filled with the ward scope: the current inpatients and
their stays, this stay's orders, events, executions, vitals, documents, diagnoses and critical
values (危急值: acknowledged through an outage too), the
patients' allergies and the external reports pulled for them (结果互认), and whole the
dictionaries, order sets, templates, phrase lists, beds, staff
with their roles and password verifiers (offline login), the ward's settings and its last week's
nurses' shift reports, the member institutions and the exchange's settings, and the referrals
of the ward's stays or for its department with what they queued for the platform.
`replica_meta` says whose it is and as of when (the server's clock at the snapshot, never the PC's).

A file that cannot be read (wrong key, damaged, a plain SQLite file, another profile's) is never
overwritten or deleted: `ReplicaUnusable` with a clear message id, the file left for IT.
"""
from __future__ import annotations

import json
import secrets
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import Table, and_, delete, insert, or_, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.sql import Select

from app.clock import as_utc, utcnow
from app.errors import DatabaseError
from app.store import schema as s
from app.store.append_only import APPEND_ONLY_TABLES, sqlite_drop_triggers, sqlite_triggers
from app.store.sqlfunc import utc_now

KEYRING_SERVICE = "WardStation replica"
_PLAIN_HEADER = b"SQLite format 3\x00"
_META = ("CREATE TABLE IF NOT EXISTS replica_meta (mkey TEXT PRIMARY KEY, mvalue TEXT)")

# Copied whole: small, and any of it may be needed offline.
WHOLE: tuple[Table, ...] = (s.dept, s.drug, s.freq, s.icd10, s.lab_test, s.order_item, s.role,
                            s.route, s.doc_template, s.ward, s.bed, s.staff, s.staff_role,
                            s.order_set, s.order_set_item, s.consumable, s.cons_rule, s.doc_phrase,
                            s.member_inst)
# Of the ward's current stays.
BY_ENCOUNTER: tuple[Table, ...] = (s.bed_move, s.clin_doc, s.diagnosis, s.lab_result, s.nursing_rec,
                                   s.order_group, s.vital_obs, s.med_order, s.skin_test,
                                   s.consult_req, s.crit_value)
# Of those stays' documents: their revisions and the drafts being typed (another PC's too).
BY_DOCUMENT: tuple[Table, ...] = (s.doc_rev, s.doc_draft)
# Of those stays' orders.
BY_ORDER: tuple[Table, ...] = (s.order_event, s.order_exec, s.order_exec_plan, s.order_override,
                               s.order_cons)
# Of the ward: its settings (shifts, overdue minutes ...) and its recent nurses' shift reports.
BY_WARD: tuple[Table, ...] = (s.app_setting, s.nurse_handover)
WARD_REPORT_DAYS = 7
# A whole new copy at least this often: what carries no patient (dictionaries, staff, beds,
# settings) has no change-sequence row to follow.
FULL_EVERY = timedelta(minutes=30)


class ReplicaUnusable(DatabaseError):
    """The replica file cannot be used as it is; it is kept untouched."""

    def __init__(self, message_id: str, **params: Any) -> None:
        super().__init__(message_id, "other", **params)


@dataclass(frozen=True)
class ReplicaInfo:
    profile: str
    ward_id: str
    as_of: Optional[datetime]          # the server's clock when the snapshot was read
    patients: int
    skew_seconds: float = 0.0          # how far the server's clock was ahead of this PC's then

    def age_seconds(self, pc_now: datetime) -> Optional[float]:
        """How old the copy is by the server's clock (this PC's may be days off)."""
        if self.as_of is None:
            return None
        return (pc_now + timedelta(seconds=self.skew_seconds) - self.as_of).total_seconds()


def replica_path(data_dir: Path, profile: Optional[str]) -> Path:
    return data_dir / f"replica-{profile or 'demo'}.db"


def replica_key(profile: str, *, create: bool = True) -> str:
    """The profile's replica key from the system keyring, made on first use."""
    import keyring
    import keyring.errors

    try:
        key = keyring.get_password(KEYRING_SERVICE, profile)
        if key is None and create:
            key = secrets.token_hex(32)
            keyring.set_password(KEYRING_SERVICE, profile, key)
    except keyring.errors.KeyringError as exc:
        raise ReplicaUnusable("replica.no_keyring", cause=type(exc).__name__) from None
    if key is None:
        raise ReplicaUnusable("replica.no_key", profile=profile)
    return key


def check_file(path: Path, key: str, profile: str) -> None:
    """Raise ReplicaUnusable unless `path` is absent or this profile's replica under `key`."""
    if not path.exists():
        return
    with path.open("rb") as fh:
        header = fh.read(16)
    if header == _PLAIN_HEADER:
        raise ReplicaUnusable("replica.foreign", path=str(path))     # not encrypted: not ours
    from sqlcipher3 import dbapi2

    conn = dbapi2.connect(str(path))
    try:
        conn.execute(f"PRAGMA key = '{_hex(key)}'")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except dbapi2.DatabaseError:
            raise ReplicaUnusable("replica.unreadable", path=str(path)) from None
        try:
            row = conn.execute("SELECT mvalue FROM replica_meta WHERE mkey = 'profile'").fetchone()
        except dbapi2.DatabaseError:
            row = None
        if row is not None and row[0] != profile:
            raise ReplicaUnusable("replica.foreign", path=str(path))
    finally:
        conn.close()


def _hex(key: str) -> str:
    if not key or any(ch not in "0123456789abcdef" for ch in key):
        raise ReplicaUnusable("replica.bad_key")
    return key


def open_replica(path: Path, key: str, profile: str) -> Any:
    """The replica as an app Database (SQLCipher), its file checked first."""
    from app.store.db import open_database

    check_file(path, key, profile)
    path.parent.mkdir(parents=True, exist_ok=True)
    return open_database(f"sqlite+pysqlcipher://:{_hex(key)}@/{path}")


def _scoped(table: Table, ward_id: str, patients: Optional[Sequence[str]] = None) -> Select[Any]:
    """The rows of `table` the ward's replica holds; with `patients`, only theirs."""
    stays = select(s.encounter.c.id).where(s.encounter.c.ward_id == ward_id) \
        .where(s.encounter.c.status == "admitted")
    if patients is not None:
        stays = stays.where(s.encounter.c.patient_id.in_(patients))
    query = _scoped_by(table, ward_id, stays)
    if patients is not None and "patient_id" in table.c:
        query = query.where(table.c.patient_id.in_(patients))
    return query


def _scoped_by(table: Table, ward_id: str, stays: Select[Any]) -> Select[Any]:
    if table is s.encounter:
        return select(table).where(table.c.id.in_(stays))
    if table is s.patient:
        return select(table).where(table.c.id.in_(
            select(s.encounter.c.patient_id).where(s.encounter.c.id.in_(stays))))
    if table is s.allergy or table is s.ext_result:
        return select(table).where(table.c.patient_id.in_(
            select(s.encounter.c.patient_id).where(s.encounter.c.id.in_(stays))))
    if table in BY_ENCOUNTER:
        return select(table).where(table.c.encounter_id.in_(stays))
    if table in BY_DOCUMENT:
        return select(table).where(table.c.doc_id.in_(
            select(s.clin_doc.c.id).where(s.clin_doc.c.encounter_id.in_(stays))))
    if table in BY_ORDER:
        return select(table).where(table.c.order_id.in_(
            select(s.med_order.c.id).where(s.med_order.c.encounter_id.in_(stays))))
    all_stays = select(s.encounter.c.id).where(s.encounter.c.ward_id == ward_id) \
        .where(s.encounter.c.status == "admitted")
    if table is s.app_setting:       # the ward's own, the exchange's, the hospital's name (prints)
        return select(table).where(or_(table.c.skey.like(f"ward:{ward_id}:%"),
                                       table.c.skey.like("exchange:%"),
                                       table.c.skey == "hospital_name"))
    if table is s.referral:
        return select(table).where(_ward_referrals(ward_id, all_stays))
    if table is s.exchange_out:      # what the ward's referrals queued (replaced at each snapshot)
        return select(table).where(table.c.referral_id.in_(
            select(s.referral.c.id).where(_ward_referrals(ward_id, all_stays))))
    if table is s.nurse_handover:
        since = datetime.now(timezone.utc) - timedelta(days=WARD_REPORT_DAYS)
        return select(table).where(table.c.ward_id == ward_id).where(table.c.shift_start >= since)
    return select(table)


def _ward_referrals(ward_id: str, stays: Select[Any]) -> Any:
    """Referrals out of the ward's current stays, and those that came in for its department."""
    dept = select(s.ward.c.dept_id).where(s.ward.c.id == ward_id).scalar_subquery()
    return or_(s.referral.c.encounter_id.in_(stays),
               and_(s.referral.c.inbound == True, s.referral.c.dept_id == dept))  # noqa: E712


# Tables a snapshot replaces that are append-only on SQLite (app/store/append_only.py triggers).
REPLICA_APPEND_ONLY = frozenset({"doc_rev", *APPEND_ONLY_TABLES})


def scope_tables() -> list[Table]:
    """The tables the replica fills, parents first."""
    wanted = set(WHOLE) | set(BY_ENCOUNTER) | set(BY_ORDER) | set(BY_DOCUMENT) | set(BY_WARD) | {
        s.encounter, s.patient, s.allergy, s.ext_result, s.referral, s.exchange_out}
    return [t for t in s.metadata.sorted_tables if t in wanted]


def local_dependents(tables: list[Table]) -> list[Table]:
    """Tables outside the scope whose rows point into it, children first: what offline commands
    wrote on the side here (their op records, audit rows, a handover, a print record). The outbox
    holds the commands themselves; a snapshot is taken only once it is empty, when all of that is
    on the server, and it goes with the copy it points into."""
    scope = set(tables)
    return [t for t in reversed(s.metadata.sorted_tables)
            if t not in scope and any(fk.column.table in scope for fk in t.foreign_keys)]


def patient_tables() -> list[Table]:
    """The scope's tables that hold a patient's own rows, parents first: what a change of one
    patient refreshes (the dictionaries, staff, beds and the ward's settings come whole)."""
    whole = set(WHOLE) | set(BY_WARD)
    return [t for t in scope_tables() if t not in whole]


@contextmanager
def _replacing(local: Connection, tables: list[Table]) -> Iterator[None]:
    """Within the local transaction: the append-only triggers of `tables` lifted, and put back.
    The replica is a copy (doc_rev, and the local audit rows of offline writes, whose server
    copies the replay wrote)."""
    guarded = [t.name for t in tables if t.name in REPLICA_APPEND_ONLY]
    for name in guarded:
        for stmt in sqlite_drop_triggers(name):
            local.exec_driver_sql(stmt)
    yield
    for name in guarded:
        for stmt in sqlite_triggers(name):
            local.exec_driver_sql(stmt)


def snapshot(server: Any, replica: Any, *, profile: str, ward_id: str) -> ReplicaInfo:
    """Read the ward scope from the server (one read transaction, one statement a table) and
    replace the replica's copy with it in one local transaction."""
    from app.offline import changeseq

    tables = scope_tables()
    with server.read() as conn:
        # The mark first: whatever commits while the tables are read is numbered after it.
        as_of = as_utc(conn.execute(select(utc_now())).scalar_one())
        mark = changeseq.Mark(changeseq.latest(conn), as_of)
        recent = changeseq.after(conn, ward_id, mark)      # the last seconds' rows, seen now
        data = {t.name: _rows(conn, _scoped(t, ward_id)) for t in tables}
    s.metadata.create_all(replica.engine)
    with replica.begin() as local:
        local.exec_driver_sql(_META)
        cleared = local_dependents(tables) + list(reversed(tables))
        with _replacing(local, cleared):
            for table in cleared:
                local.execute(delete(table))
            for table in tables:
                if data[table.name]:
                    local.execute(insert(table), data[table.name])
        local.execute(text("DELETE FROM replica_meta WHERE mkey = 'local_writes'"))
        _set_meta(local, profile=profile, ward_id=ward_id, as_of=as_of.isoformat(),
                  full_at=as_of.isoformat(), skew=str(_skew(as_of)),
                  mark_seq=str(mark.seq), mark_at=as_of.isoformat(),
                  seen=json.dumps(sorted(c.seq for c in recent)))
    return ReplicaInfo(profile, ward_id, as_of, len(data[s.patient.name]))


def _rows(conn: Connection, query: Select[Any]) -> list[dict[str, Any]]:
    """The rows, converted a few hundred at a time: the driver turns a whole result into Python
    objects in one call holding the interpreter lock (a ward's vitals: a frozen window)."""
    out: list[dict[str, Any]] = []
    for part in conn.execute(query).mappings().partitions(500):
        out += [dict(r) for r in part]
    return out


def _skew(server_now: datetime) -> float:
    """Seconds the server's clock is ahead of this PC's (to date a quiet poll in server time)."""
    return (server_now - utcnow()).total_seconds()


def note_local_write(conn: Connection) -> None:
    """In the transaction of an offline write: the replica now holds rows of its own, so the
    next refresh is a whole new copy (once the outbox has replayed), never a patient's."""
    conn.exec_driver_sql(_META)
    _set_meta(conn, local_writes="1")


def refresh(server: Any, replica: Any, *, profile: str, ward_id: str) -> int:
    """Bring the replica up to date if the server's change sequence says the ward changed: one
    indexed query when nothing did. Returns how many new changes it found (0: nothing to do).

    A change names its patient: the replica re-reads those patients' rows only, in the poll's own
    read transaction (one statement a table). A whole new copy instead: the first time, for
    another ward, after offline writes here, or FULL_EVERY (what has no patient: dictionaries,
    staff and their verifiers, beds, the ward's settings)."""
    from app.offline import changeseq

    with replica.read() as local:
        local.exec_driver_sql(_META)
        meta = dict(local.execute(text("SELECT mkey, mvalue FROM replica_meta")).all())
    if "mark_seq" not in meta or meta.get("ward_id") != ward_id or meta.get("local_writes") \
            or _full_due(meta):
        snapshot(server, replica, profile=profile, ward_id=ward_id)
        return 1
    mark = changeseq.Mark(int(meta["mark_seq"]), datetime.fromisoformat(str(meta["mark_at"])))
    seen = set(json.loads(str(meta.get("seen", "[]"))))
    tables = patient_tables()
    with server.read() as conn:
        returned = changeseq.after(conn, ward_id, mark)
        found = [c for c in returned if c.seq not in seen]
        if found:
            patients = sorted({c.patient_id for c in found if c.patient_id})
            as_of = as_utc(conn.execute(select(utc_now())).scalar_one())
            data = {t.name: _rows(conn, _scoped(t, ward_id, patients)) for t in tables}
    if not found:
        skew = float(meta.get("skew", "0"))
        with replica.begin() as local:     # nothing changed: the copy is as of this poll
            _set_meta(local, as_of=(utcnow() + timedelta(seconds=skew)).isoformat())
        return 0
    last = max(found, key=lambda c: c.seq)
    at = max(mark.at, last.recorded_at) if mark.at is not None else last.recorded_at
    with replica.begin() as local:
        _replace_patients(local, tables, patients, data)
        _set_meta(local, as_of=as_of.isoformat(), skew=str(_skew(as_of)),
                  mark_seq=str(max(mark.seq, last.seq)), mark_at=at.isoformat(),
                  seen=json.dumps(sorted(c.seq for c in returned)))
    return len(found)


def _full_due(meta: dict[str, Any]) -> bool:
    if "full_at" not in meta:
        return True
    server_now = utcnow() + timedelta(seconds=float(meta.get("skew", "0")))
    return server_now - datetime.fromisoformat(str(meta["full_at"])) > FULL_EVERY


def _replace_patients(local: Connection, tables: list[Table], patients: list[str],
                      data: dict[str, list[dict[str, Any]]]) -> None:
    """Replace these patients' rows: what points at them through the foreign keys (their stays,
    and from those their orders, documents ...) and any row the server sent under the same id
    (a referral that came in for the department and is now the stay's) go, then the server's
    rows come in. A patient who left the ward goes with nothing in his place."""
    from app.offline.batching import id_chunks

    doomed: dict[str, set[str]] = {}
    for table in tables:                       # parents first: a child follows its parent
        conds = [table.c.id.in_(chunk) for chunk in id_chunks([r["id"] for r in data[table.name]])]
        if table is s.patient:
            conds.append(table.c.id.in_(patients))
        for fk in table.foreign_keys:
            parent = doomed.get(fk.column.table.name)
            if parent:
                conds += [fk.parent.in_(chunk) for chunk in id_chunks(sorted(parent))]
        doomed[table.name] = {r[0] for r in local.execute(select(table.c.id).where(or_(*conds)))} \
            if conds else set()
    cleared = local_dependents(scope_tables()) + list(reversed(tables))
    with _replacing(local, cleared):
        for table in local_dependents(scope_tables()):   # on the server since the outbox emptied
            local.execute(delete(table))
        for table in reversed(tables):
            for chunk in id_chunks(sorted(doomed[table.name])):
                local.execute(delete(table).where(table.c.id.in_(chunk)))
        for table in tables:
            if data[table.name]:
                local.execute(insert(table), data[table.name])


def _set_meta(conn: Connection, **values: str) -> None:
    for k, v in values.items():
        conn.execute(text("INSERT OR REPLACE INTO replica_meta (mkey, mvalue) VALUES (:k, :v)"),
                     {"k": k, "v": v})


def info(replica: Any) -> Optional[ReplicaInfo]:
    """Whose replica and as of when; None when no snapshot was ever written."""
    with replica.read() as conn:
        conn.exec_driver_sql(_META)
        meta = dict(conn.execute(text("SELECT mkey, mvalue FROM replica_meta")).all())
        if "as_of" not in meta:
            return None
        patients = conn.execute(select(s.patient.c.id)).all()
    return ReplicaInfo(str(meta["profile"]), str(meta["ward_id"]),
                       datetime.fromisoformat(str(meta["as_of"])), len(patients),
                       float(meta.get("skew", "0") or 0))


@contextmanager
def opened(path: Path, profile: str, *, create: bool = True) -> Iterator[Any]:
    """The profile's replica, key from the keyring; disposed on exit."""
    db = open_replica(path, replica_key(profile, create=create), profile)
    try:
        yield db
    finally:
        db.dispose()
