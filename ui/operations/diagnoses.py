"""Operations of the 诊断 dialog (ui/records/diagnoses.py): the stay's diagnoses and the ICD-10
search on the read pool, every diagnosis command through the one write path (`runner.mutate`,
so the Changes signal refreshes the header, the bed card and this dialog).

Commands are stamped here (op id, signed-in user, device time), so a widget never builds one.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ui.operations import OpContext

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]

SEARCH_LIMIT = 40


def supported(ctx: OpContext) -> bool:
    """The real backend serves the diagnoses (test fakes may not)."""
    return all(hasattr(ctx.backend, name) for name in ("read", "execute", "search_diagnoses"))


def _stamp(user: Any) -> dict[str, Any]:
    from app.clock import utcnow
    from app.ids import new_id

    return {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}


def _execute(ctx: OpContext, command: Any, on_done: Optional[Callback], on_error: OnError,
             origin: str) -> int:
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name=type(command).__name__, origin=origin)


# ---- reads
def load(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """list[DiagnosisRow]: the stay's active diagnoses, list by list, main first."""
    from app.services.diagnosis_cmds import encounter_diagnoses

    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(lambda conn: encounter_diagnoses(conn, encounter_id)),
                           on_done, on_error, name="diagnoses")


class IcdSearch:
    """The ICD-10 search of the dialog, answered on the read pool as the doctor types: only the
    latest query's answer is delivered (an older one that arrives late is dropped). The first
    query builds the shared in-memory index (about 0.2 s); `warm()` does that when the dialog
    opens, so the first letters typed are answered at once."""

    def __init__(self, ctx: OpContext) -> None:
        self.ctx = ctx
        self._latest = 0

    def warm(self) -> None:
        backend: Any = self.ctx.backend
        self.ctx.runner.read(lambda: backend.search_diagnoses("", 1), None, lambda _f: None,
                             name="icd_search_warm")

    def search(self, text: str, on_done: Callback, on_error: OnError = None) -> None:
        """on_done(list[SearchItem]) for `text`, unless a newer query came first."""
        self._latest += 1
        seq = self._latest
        if not text.strip():
            on_done([])
            return
        backend: Any = self.ctx.backend

        def deliver(items: Any) -> None:
            if seq == self._latest:
                on_done(list(items))

        def failed(failure: Any) -> None:
            if seq == self._latest and on_error is not None:
                on_error(failure)

        self.ctx.runner.read(lambda: backend.search_diagnoses(text, SEARCH_LIMIT), deliver, failed,
                             name="search_diagnoses")


# ---- commands
def add(ctx: OpContext, user: Any, encounter_id: str, kind: str, icd10_code: str, name: str,
        on_done: Optional[Callback] = None, on_error: OnError = None, origin: str = "") -> str:
    """Add under `kind` (admission / working / discharge); returns the new row's id."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.diagnosis_cmds import AddDiagnosis

    dx_id = new_id()
    stamp = _stamp(user)
    _execute(ctx, AddDiagnosis(**stamp, encounter_id=encounter_id, diagnosis_id=dx_id, kind=kind,
                               icd10_code=icd10_code, diagnosed_at=utcnow(), name=name),
             on_done, on_error, origin)
    return dx_id


def rename(ctx: OpContext, user: Any, row: Any, name: str, on_done: Optional[Callback] = None,
           on_error: OnError = None, origin: str = "") -> str:
    """A revision with the same code and another shown name; returns the new row's id."""
    from app.clock import utcnow
    from app.ids import new_id
    from app.services.diagnosis_cmds import ReviseDiagnosis

    new = new_id()
    _execute(ctx, ReviseDiagnosis(**_stamp(user), diagnosis_id=row.id, base_version=row.version,
                                  new_id=new, icd10_code=row.icd10_code or "", name=name,
                                  diagnosed_at=utcnow()), on_done, on_error, origin)
    return new


def remove(ctx: OpContext, user: Any, row: Any, reason: str, on_done: Optional[Callback] = None,
           on_error: OnError = None, origin: str = "") -> int:
    from app.services.diagnosis_cmds import RemoveDiagnosis

    return _execute(ctx, RemoveDiagnosis(**_stamp(user), diagnosis_id=row.id,
                                         base_version=row.version, reason=reason),
                    on_done, on_error, origin)


def reorder(ctx: OpContext, user: Any, encounter_id: str, kind: str, rows: list[Any],
            on_done: Optional[Callback] = None, on_error: OnError = None, origin: str = "") -> int:
    """The whole list of `kind` in the order of `rows` (main first), with each row's version."""
    from app.services.diagnosis_cmds import ReorderDiagnoses

    return _execute(ctx, ReorderDiagnoses(**_stamp(user), encounter_id=encounter_id, kind=kind,
                                          diagnosis_ids=tuple(r.id for r in rows),
                                          base_versions=tuple(r.version for r in rows)),
                    on_done, on_error, origin)
