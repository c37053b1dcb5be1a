"""Login, lockout and password change (DESIGN.md "Security on a shared ward PC").

Passwords are argon2id hashes (argon2-cffi); the clear text is never stored, logged or audited.
Five failed attempts lock the account for fifteen minutes; a success resets the counter. Every
attempt is audited in the caller's transaction, so the caller commits even when login fails.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import and_, case, or_, select, update
from sqlalchemy.engine import Connection

from app.clock import as_utc, utcnow
from app.domain import roles
from app.domain.staff import StaffUser
from app.errors import AuthError, ValidationError
from app.ids import new_id
from app.services import audit
from app.services.audit import AuditEntry
from app.services.changes import STAFF, Changes
from app.services.commands import ChangePassword
from app.services.handlers import current_row, execute, handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import staff, staff_role


@dataclass(frozen=True)
class AuthPolicy:
    """Defaults of the lockout settings (the settings registry may hand in others)."""

    max_failures: int = 5
    lock_minutes: int = 15
    min_password_len: int = 8


DEFAULT_POLICY = AuthPolicy()
_hasher = PasswordHasher()   # argon2id, RFC 9106 low-memory profile


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


_dummy: list[str] = []


def _dummy_hash() -> str:
    """A hash to check against for an unknown name, so timing does not tell who exists."""
    if not _dummy:
        _dummy.append(_hasher.hash("wardstation-no-such-user"))
    return _dummy[0]


def load_user(conn: Connection, staff_id: str) -> StaffUser:
    row = conn.execute(select(staff).where(staff.c.id == staff_id)).mappings().first()
    if row is None:
        raise AuthError("auth.bad_credentials")
    codes = conn.execute(select(staff_role.c.role_code)
                         .where(staff_role.c.staff_id == staff_id)).scalars().all()
    return StaffUser(
        id=row["id"], login_name=row["login_name"], full_name=row["full_name"],
        roles=frozenset(codes), permissions=roles.permissions_for(codes),
        title=row["title"] or "", title_rank=int(row["title_rank"] or 1),
        ward_id=row["ward_id"], dept_id=row["dept_id"],
        can_prescribe=bool(row["can_prescribe"]), can_narcotic=bool(row["can_narcotic"]),
        abx_grade=int(row["abx_grade"] or 0))


def _audit(conn: Connection, action: str, login_name: str, staff_id: Optional[str],
           workstation: str, now: datetime, detail: Optional[dict[str, object]] = None) -> None:
    audit.record(conn, AuditEntry(action, "login", staff_id or login_name[:36], staff_id,
                                  after=dict(detail or {}, login_name=login_name)),
                 workstation=workstation, now=now)


def authenticate(conn: Connection, login_name: str, password: str, *, workstation: str,
                 now: Optional[datetime] = None, policy: AuthPolicy = DEFAULT_POLICY,
                 actions: tuple[str, str] = ("login", "login_failed")) -> StaffUser:
    """The signed-in user, or AuthError("auth.bad_credentials") / AuthError("auth.locked", until=).

    Every answer costs one argon2 verification (unknown user, locked account, wrong or right
    password alike), so the time taken tells a guesser nothing. The failure count is changed by
    one UPDATE in SQL, never read-modify-written: simultaneous wrong passwords each count.
    The caller commits, also when this raises (a failure must count and be audited).
    `actions`: the audit actions of a success and a failure (a sign-in by default)."""
    now = as_utc(now) if now is not None else utcnow()
    ok_action, failed_action = actions
    login_name = login_name.strip()
    row = conn.execute(select(staff.c.id, staff.c.password_hash, staff.c.locked_until,
                              staff.c.is_active)
                       .where(staff.c.login_name == login_name)).first()
    if row is None or not row.is_active:
        _verify(_dummy_hash(), password)
        _audit(conn, failed_action, login_name, row.id if row else None, workstation, now,
               {"reason": "unknown" if row is None else "inactive"})
        raise AuthError("auth.bad_credentials")
    password_ok = _verify(row.password_hash, password)     # also when locked: same time
    if row.locked_until is not None and row.locked_until > now:
        _audit(conn, failed_action, login_name, row.id, workstation, now, {"reason": "locked"})
        raise AuthError("auth.locked", until=row.locked_until)
    if not password_ok:
        outcome = _count_failure(conn, row.id, now, policy)
        if outcome is None:       # another attempt locked it meanwhile
            until = _locked_until(conn, row.id)
            _audit(conn, failed_action, login_name, row.id, workstation, now, {"reason": "locked"})
            raise AuthError("auth.locked", until=until)
        failures, until = outcome
        _audit(conn, failed_action, login_name, row.id, workstation, now,
               {"reason": "password", "failures": failures, "locked": until is not None})
        if until is not None:
            raise AuthError("auth.locked", until=until)
        raise AuthError("auth.bad_credentials")
    # Reset only when there is something to reset, and only if no lock was set meanwhile.
    conn.execute(update(staff).where(staff.c.id == row.id)
                 .where(or_(staff.c.failed_logins != 0, staff.c.locked_until.is_not(None)))
                 .where(or_(staff.c.locked_until.is_(None), staff.c.locked_until <= now))
                 .values(failed_logins=0, locked_until=None))
    locked = _locked_until(conn, row.id)
    if locked is not None and locked > now:       # a racing failure locked it meanwhile
        _audit(conn, failed_action, login_name, row.id, workstation, now, {"reason": "locked"})
        raise AuthError("auth.locked", until=locked)
    if _hasher.check_needs_rehash(row.password_hash):
        conn.execute(update(staff).where(staff.c.id == row.id)
                     .values(password_hash=hash_password(password)))
    _audit(conn, ok_action, login_name, row.id, workstation, now)
    return load_user(conn, row.id)


def confirm_colleague(conn: Connection, login_name: str, password: str, *, workstation: str,
                      now: Optional[datetime] = None, policy: AuthPolicy = DEFAULT_POLICY) -> StaffUser:
    """A second nurse (双人核对) proves she is there with her own password on this PC, without
    signing in: the same checks, timing and lockout as a sign-in (a wrong password counts), audited
    as second_check / second_check_failed. What she may check is the command handler's to decide."""
    return authenticate(conn, login_name, password, workstation=workstation, now=now, policy=policy,
                        actions=("second_check", "second_check_failed"))


def _count_failure(conn: Connection, staff_id: str, now: datetime,
                   policy: AuthPolicy) -> Optional[tuple[int, Optional[datetime]]]:
    """One more failure, atomically; (count, lock end or None), or None when already locked.

    A lock that has run out starts a fresh count. The UPDATE takes the row lock, so concurrent
    attempts queue and each sees the count the previous one left."""
    expired = and_(staff.c.locked_until.is_not(None), staff.c.locked_until <= now)
    counted = case((expired, 1), else_=staff.c.failed_logins + 1)
    reaches = counted >= policy.max_failures
    until = now + timedelta(minutes=policy.lock_minutes)
    result = conn.execute(
        update(staff).where(staff.c.id == staff_id)
        .where(or_(staff.c.locked_until.is_(None), staff.c.locked_until <= now))
        .values(failed_logins=case((reaches, 0), else_=counted),
                locked_until=case((reaches, until), else_=None)))
    if result.rowcount == 0:
        return None
    found = conn.execute(select(staff.c.failed_logins, staff.c.locked_until)
                         .where(staff.c.id == staff_id)).first()
    assert found is not None
    if found.locked_until is not None and found.locked_until > now:
        return policy.max_failures, found.locked_until
    return int(found.failed_logins), None


def _locked_until(conn: Connection, staff_id: str) -> Optional[datetime]:
    value = conn.execute(select(staff.c.locked_until).where(staff.c.id == staff_id)).scalar()
    return value if isinstance(value, datetime) else None


def unlock(uow: UnitOfWork, admin: StaffUser, staff_id: str) -> Changes:
    """An admin lifts a lock before it runs out."""
    if not admin.can(roles.ADMIN):
        from app.errors import PermissionDenied

        raise PermissionDenied("perm.denied", permission=roles.ADMIN)
    uow.conn.execute(update(staff).where(staff.c.id == staff_id)
                     .values(failed_logins=0, locked_until=None))
    uow.audit(AuditEntry("unlock", STAFF, staff_id, admin.id))
    return Changes.of(STAFF, [staff_id])


def change_password(uow: UnitOfWork, user: StaffUser, old_password: str, new_password: str,
                    *, policy: AuthPolicy = DEFAULT_POLICY) -> Changes:
    """Check the old password here (online), then run ChangePassword with only the new hash."""
    row = current_row(uow.conn, staff, user.id)
    if row is None or not _verify(row["password_hash"], old_password):
        raise AuthError("auth.bad_credentials")
    if len(new_password) < policy.min_password_len or new_password == old_password:
        raise ValidationError("auth.weak_password", min_len=policy.min_password_len)
    cmd = ChangePassword(op_id=new_id(), actor_id=user.id, device_time=uow.now,
                         staff_id=user.id, base_version=int(row["version"]),
                         new_hash=hash_password(new_password))
    return execute(uow, cmd)


@handles(ChangePassword, None)
def _change_password(uow: UnitOfWork, cmd: ChangePassword) -> Changes:
    if cmd.staff_id != cmd.actor_id:
        from app.errors import PermissionDenied

        raise PermissionDenied("perm.denied", permission="password.own")
    update_versioned(uow, staff, cmd.staff_id, cmd.base_version,
                     {"password_hash": cmd.new_hash, "failed_logins": 0, "locked_until": None})
    uow.audit(AuditEntry("password", STAFF, cmd.staff_id, cmd.actor_id, op_id=cmd.op_id))
    return Changes.of(STAFF, [cmd.staff_id])
