"""Operations of the 病历 tab and the 待完成 panel: reads on the read pool through
`backend.read`, every document command through the one write path (`runner.mutate`).

Commands are stamped here (op id, signed-in user, device time), so a widget never builds one.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable, Optional

from ui.operations import OpContext

if TYPE_CHECKING:
    from app.domain.documents import Section
    from app.services.commands import Command

Callback = Callable[[Any], None]
OnError = Optional[Callable[[Any], None]]


def supported(ctx: OpContext) -> bool:
    """The real backend serves the record (test fakes may not)."""
    return all(hasattr(ctx.backend, name) for name in ("read", "execute"))


def _read(ctx: OpContext, fn: Callable[[Any], Any], on_done: Callback, on_error: OnError,
          name: str) -> int:
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(fn), on_done, on_error, name=name)


def _stamp(user: Any) -> dict[str, Any]:
    from app.clock import utcnow
    from app.ids import new_id

    return {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}


def execute(ctx: OpContext, command: Command, on_done: Optional[Callback] = None,
            on_error: OnError = None, origin: str = "") -> int:
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name=type(command).__name__, origin=origin)


# ---- reads
def load_documents(ctx: OpContext, encounter_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.records import document_list

    return _read(ctx, lambda conn: document_list(conn, encounter_id), on_done, on_error, "documents")


def open_document(ctx: OpContext, doc_id: str, reader_id: str, on_done: Callback,
                  on_error: OnError = None) -> int:
    from app.services.records import open_document as read_one

    return _read(ctx, lambda conn: read_one(conn, doc_id, reader_id), on_done, on_error, "document")


def load_templates(ctx: OpContext, dept_id: Optional[str], on_done: Callback,
                   on_error: OnError = None) -> int:
    from app.services.records import templates

    return _read(ctx, lambda conn: templates(conn, dept_id), on_done, on_error, "templates")


def load_phrases(ctx: OpContext, staff_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.records import phrases

    return _read(ctx, lambda conn: phrases(conn, staff_id), on_done, on_error, "phrases")


def load_copy_sources(ctx: OpContext, doc_id: str, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.records import copy_sources

    return _read(ctx, lambda conn: copy_sources(conn, doc_id), on_done, on_error, "copy_sources")


def pull(ctx: OpContext, encounter_id: str, kinds: tuple[str, ...], on_done: Callback,
         on_error: OnError = None) -> int:
    from app.clock import utcnow
    from app.services.doc_pull import chart_facts

    return _read(ctx, lambda conn: chart_facts(conn, encounter_id, kinds, utcnow()), on_done,
                 on_error, "chart_facts")


def load_due(ctx: OpContext, ward_id: str, staff_id: Optional[str], on_done: Callback,
             on_error: OnError = None) -> int:
    """The ward's time-limit list (the signed-in doctor's part when staff_id is given)."""
    from app.clock import utcnow
    from app.services import doc_deadlines as dl

    def read(conn: Any) -> list[Any]:
        items = dl.due_items(conn, utcnow(), ward_id=ward_id)
        return dl.for_doctor(items, staff_id) if staff_id else items

    return _read(ctx, read, on_done, on_error, "due_items")


def load_bed_marks(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """The bed card hook: encounter id -> BedMark(due, overdue) for the ward."""
    from app.clock import utcnow
    from app.services import doc_deadlines as dl

    return _read(ctx, lambda conn: dl.bed_marks(dl.due_items(conn, utcnow(), ward_id=ward_id)),
                 on_done, on_error, "bed_marks")


# ---- writes
def create(ctx: OpContext, user: Any, encounter_id: str, doc_id: str, doc_type: str, title: str,
           sections: tuple[Section, ...], on_done: Optional[Callback] = None,
           on_error: OnError = None, origin: str = "") -> int:
    from app.services.doc_commands import CreateDocument

    stamp = _stamp(user)
    return execute(ctx, CreateDocument(**stamp, encounter_id=encounter_id, doc_id=doc_id,
                                       doc_type=doc_type, title=title,
                                       event_at=stamp["device_time"], sections=sections),
                   on_done, on_error, origin)


def autosave(ctx: OpContext, user: Any, doc_id: str, base_rev_no: int, sections: tuple[Section, ...],
             on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.doc_commands import SaveDocDraft

    return execute(ctx, SaveDocDraft(**_stamp(user), doc_id=doc_id, base_rev_no=base_rev_no,
                                     sections=sections), on_done, on_error)


def sign(ctx: OpContext, user: Any, doc_id: str, base_version: int, sections: tuple[Section, ...],
         on_done: Optional[Callback] = None, on_error: OnError = None, origin: str = "") -> int:
    from app.services.doc_commands import SignDocument

    return execute(ctx, SignDocument(**_stamp(user), doc_id=doc_id, base_version=base_version,
                                     sections=sections), on_done, on_error, origin)


def cosign(ctx: OpContext, user: Any, doc_id: str, base_version: int,
           sections: Optional[tuple[Section, ...]], on_done: Optional[Callback] = None,
           on_error: OnError = None, origin: str = "") -> int:
    from app.services.doc_commands import CosignDocument

    return execute(ctx, CosignDocument(**_stamp(user), doc_id=doc_id, base_version=base_version,
                                       sections=sections), on_done, on_error, origin)


def revise(ctx: OpContext, user: Any, doc_id: str, base_version: int, sections: tuple[Section, ...],
           reason: str, on_done: Optional[Callback] = None, on_error: OnError = None,
           origin: str = "") -> int:
    from app.services.doc_commands import ReviseDocument

    return execute(ctx, ReviseDocument(**_stamp(user), doc_id=doc_id, base_version=base_version,
                                       sections=sections, reason=reason), on_done, on_error, origin)


# ---- 会诊
def load_departments(ctx: OpContext, on_done: Callback, on_error: OnError = None) -> int:
    from app.services.consults import departments

    return _read(ctx, departments, on_done, on_error, "departments")


def load_consults(ctx: OpContext, dept_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """The consulted department's open requests, urgent and overdue first."""
    from app.clock import utcnow
    from app.services.consults import consults

    return _read(ctx, lambda conn: consults(conn, utcnow(), to_dept_id=dept_id), on_done, on_error,
                 "consults")


def request_consult(ctx: OpContext, user: Any, encounter_id: str, to_dept_id: str, question: str,
                    urgent: bool, on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.ids import new_id
    from app.services.consults import RequestConsult

    return execute(ctx, RequestConsult(**_stamp(user), consult_id=new_id(), encounter_id=encounter_id,
                                       to_dept_id=to_dept_id, question=question, urgent=urgent),
                   on_done, on_error)


def accept_consult(ctx: OpContext, user: Any, consult_id: str, base_version: int,
                   on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.consults import AcceptConsult

    return execute(ctx, AcceptConsult(**_stamp(user), consult_id=consult_id, base_version=base_version),
                   on_done, on_error)


def answer_consult(ctx: OpContext, user: Any, consult_id: str, base_version: int,
                   sections: tuple[Section, ...], on_done: Optional[Callback] = None,
                   on_error: OnError = None) -> int:
    from app.ids import new_id
    from app.services.consults import AnswerConsult

    return execute(ctx, AnswerConsult(**_stamp(user), consult_id=consult_id, base_version=base_version,
                                      doc_id=new_id(), sections=sections), on_done, on_error)


# ---- 医生交接班
def load_handover(ctx: OpContext, ward_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """(candidates, latest handover) for the ward."""
    from app.clock import utcnow
    from app.services.handover import handover_candidates, latest_handover

    def read(conn: Any) -> tuple[Any, Any]:
        return handover_candidates(conn, ward_id, utcnow()), latest_handover(conn, ward_id)

    return _read(ctx, read, on_done, on_error, "handover")


def write_handover(ctx: OpContext, user: Any, ward_id: str, entries: tuple[Any, ...],
                   on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.ids import new_id
    from app.services.handover import WriteHandover

    return execute(ctx, WriteHandover(**_stamp(user), handover_id=new_id(), ward_id=ward_id,
                                      entries=entries), on_done, on_error)


def acknowledge_handover(ctx: OpContext, user: Any, handover_id: str, base_version: int,
                         on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.handover import AcknowledgeHandover

    return execute(ctx, AcknowledgeHandover(**_stamp(user), handover_id=handover_id,
                                            base_version=base_version), on_done, on_error)
