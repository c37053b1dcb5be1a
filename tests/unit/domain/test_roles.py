"""Who may do what: the rules a ward would notice if they were wrong."""
from __future__ import annotations

from app.domain import roles


def test_interns_draft_but_do_not_sign() -> None:
    perms = roles.permissions_for(["intern"])
    assert roles.ORDER_ENTER in perms and roles.DOC_WRITE in perms
    assert roles.ORDER_SIGN not in perms and roles.DOC_SIGN not in perms
    assert roles.DOC_COSIGN not in perms


def test_nurses_verify_and_execute_but_do_not_enter_orders() -> None:
    perms = roles.permissions_for(["nurse"])
    assert {roles.ORDER_VERIFY, roles.ORDER_EXECUTE, roles.VITALS_CHART} <= perms
    assert roles.ORDER_ENTER not in perms and roles.ORDER_SIGN not in perms


def test_doctors_sign_and_cosign_but_do_not_execute() -> None:
    perms = roles.permissions_for(["doctor"])
    assert {roles.ORDER_ENTER, roles.ORDER_SIGN, roles.DOC_SIGN, roles.DOC_COSIGN} <= perms
    assert roles.ORDER_EXECUTE not in perms and roles.ADMIN not in perms


def test_head_nurse_adds_ward_management_to_nursing() -> None:
    head = roles.permissions_for(["head_nurse"])
    assert roles.permissions_for(["nurse"]) < head and roles.BED_MOVE in head


def test_admin_manages_but_treats_nobody() -> None:
    perms = roles.permissions_for(["admin"])
    assert roles.ADMIN in perms
    assert not perms & {roles.ORDER_ENTER, roles.ORDER_VERIFY, roles.DOC_WRITE, roles.VITALS_CHART}


def test_roles_combine_and_unknown_roles_grant_nothing() -> None:
    assert roles.permissions_for(["nobody"]) == frozenset()
    both = roles.permissions_for(["doctor", "admin"])
    assert roles.ADMIN in both and roles.ORDER_SIGN in both
    assert all(p in roles.ALL_PERMISSIONS for r in roles.ROLES for p in roles.permissions_for([r]))
