"""Login as a ward user would meet it: right and wrong passwords, lockout, unlock after 15 min."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.engine import Engine

from app.errors import AuthError
from app.services import auth
from app.services.audit import verify_all
from app.services.demo import DEMO_ACCOUNTS
from app.store.schema import audit_rec, staff
from tests.unit.services.conftest import NOW


def _login(engine: Engine, name: str, password: str, minutes: float = 0) -> auth.StaffUser:
    with engine.connect() as conn:
        try:
            return auth.authenticate(conn, name, password, workstation="ws-3",
                                     now=NOW + timedelta(minutes=minutes))
        finally:
            conn.commit()


def test_every_demo_account_logs_in_with_its_role(demo_engine: Engine) -> None:
    for login, password, label in DEMO_ACCOUNTS:
        user = _login(demo_engine, login, password)
        assert label.split(".", 1)[1] in user.roles
    doctor = _login(demo_engine, "liming", "demo-doctor1")
    assert doctor.full_name == "李明" and doctor.can("order.sign")


def test_wrong_password_and_unknown_user_get_the_same_answer(demo_engine: Engine) -> None:
    with pytest.raises(AuthError) as wrong:
        _login(demo_engine, "liming", "nope")
    with pytest.raises(AuthError) as unknown:
        _login(demo_engine, "nobody", "nope")
    assert wrong.value.message_id == unknown.value.message_id == "auth.bad_credentials"


def test_five_failures_lock_for_fifteen_minutes_then_login_works(demo_engine: Engine) -> None:
    for i in range(4):
        with pytest.raises(AuthError, match=r"auth\.bad_credentials"):
            _login(demo_engine, "liufang", f"guess{i}", minutes=i)
    with pytest.raises(AuthError) as locked:
        _login(demo_engine, "liufang", "guess5", minutes=4)
    assert locked.value.message_id == "auth.locked"
    until = locked.value.params["until"]
    assert until == NOW + timedelta(minutes=4 + 15)
    # The right password does not open a locked account ...
    with pytest.raises(AuthError, match=r"auth\.locked"):
        _login(demo_engine, "liufang", "demo-nurse1", minutes=10)
    # ... but does once the 15 minutes are over, and the counter starts again from zero.
    user = _login(demo_engine, "liufang", "demo-nurse1", minutes=19.5)
    assert user.login_name == "liufang"
    with demo_engine.connect() as conn:
        row = conn.execute(select(staff.c.failed_logins, staff.c.locked_until)
                           .where(staff.c.login_name == "liufang")).one()
    assert (row.failed_logins, row.locked_until) == (0, None)


def test_success_resets_the_failure_count(demo_engine: Engine) -> None:
    for i in range(4):
        with pytest.raises(AuthError):
            _login(demo_engine, "zhaoli", "bad", minutes=i)
    _login(demo_engine, "zhaoli", "demo-nurse1", minutes=5)
    for i in range(4):   # four more failures: still not locked
        with pytest.raises(AuthError, match=r"auth\.bad_credentials"):
            _login(demo_engine, "zhaoli", "bad", minutes=6 + i)


def test_attempts_are_audited_without_the_password(demo_engine: Engine) -> None:
    with pytest.raises(AuthError):
        _login(demo_engine, "sunmin", "Secret-Typo-77")
    _login(demo_engine, "sunmin", "demo-head1")
    with demo_engine.connect() as conn:
        rows = conn.execute(select(audit_rec).where(audit_rec.c.entity == "login")
                            .where(audit_rec.c.chain_id == "ws-3")
                            .order_by(audit_rec.c.chain_seq)).mappings().all()
        assert [r["action"] for r in rows][-2:] == ["login_failed", "login"]
        assert rows[-1]["workstation"] == "ws-3"
        text = " ".join(str(dict(r)) for r in rows)
        assert "Secret-Typo-77" not in text and "demo-head1" not in text
        stored = conn.execute(select(staff.c.password_hash)
                              .where(staff.c.login_name == "sunmin")).scalar_one()
        assert stored.startswith("$argon2id$") and "demo-head1" not in stored
        assert all(r.intact for r in verify_all(conn))


def test_change_password(demo_engine: Engine) -> None:
    from app.services.uow import UnitOfWork

    user = _login(demo_engine, "zhangwei", "demo-doctor1")
    with UnitOfWork(demo_engine, workstation="ws-3", now=NOW) as uow, pytest.raises(AuthError):
        auth.change_password(uow, user, "wrong-old", "new-Pass-2024")
    with UnitOfWork(demo_engine, workstation="ws-3", now=NOW) as uow:
        changes = auth.change_password(uow, user, "demo-doctor1", "new-Pass-2024")
        uow.commit()
    assert changes.ids_of("staff") == {user.id}
    with pytest.raises(AuthError):
        _login(demo_engine, "zhangwei", "demo-doctor1")
    assert _login(demo_engine, "zhangwei", "new-Pass-2024").id == user.id


def test_a_second_nurses_check_is_her_own_password_counted_like_a_sign_in(demo_engine: Engine) -> None:
    """双人核对: the colleague proves herself with her password, each wrong one counts towards
    her lockout, and the check is audited as a check, not as a sign-in."""
    def check(password: str, minutes: float = 0) -> auth.StaffUser:
        with demo_engine.connect() as conn:
            try:
                return auth.confirm_colleague(conn, "zhaoli", password, workstation="ws-3",
                                              now=NOW + timedelta(minutes=minutes))
            finally:
                conn.commit()

    assert check("demo-nurse1").full_name == "赵丽"
    for i in range(4):
        with pytest.raises(AuthError, match=r"auth\.bad_credentials"):
            check(f"guess{i}", minutes=i + 1)
    with pytest.raises(AuthError) as locked:
        check("guess5", minutes=5)
    assert locked.value.message_id == "auth.locked"
    with pytest.raises(AuthError, match=r"auth\.locked"):       # locked for her sign-in too
        _login(demo_engine, "zhaoli", "demo-nurse1", minutes=6)
    with demo_engine.connect() as conn:
        actions = [a for (a,) in conn.execute(select(audit_rec.c.action)
                                              .where(audit_rec.c.entity == "login")
                                              .order_by(audit_rec.c.at, audit_rec.c.chain_seq))]
    assert actions[:6] == ["second_check"] + ["second_check_failed"] * 5
