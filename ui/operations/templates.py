"""Operations of 模板管理 and the 常用语 editor (app/services/template_cmds.py): reads on the read
pool through `backend.read`, every change through the one write path (`runner.mutate`).

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
    """The real backend serves templates (test fakes may not)."""
    return all(hasattr(ctx.backend, name) for name in ("read", "execute"))


def _read(ctx: OpContext, fn: Callable[[Any], Any], on_done: Callback, on_error: OnError,
          name: str) -> int:
    backend: Any = ctx.backend
    return ctx.runner.read(lambda: backend.read(fn), on_done, on_error, name=name)


def _stamp(user: Any) -> dict[str, Any]:
    from app.clock import utcnow
    from app.ids import new_id

    return {"op_id": new_id(), "actor_id": str(user.id), "device_time": utcnow()}


def _execute(ctx: OpContext, command: Command, on_done: Optional[Callback],
             on_error: OnError) -> int:
    return ctx.runner.mutate(lambda: ctx.backend.execute(command), on_done, on_error,
                             name=type(command).__name__, origin=ctx.origin)


# ---- reads
def load_templates(ctx: OpContext, staff_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """模板管理's list: her own, her department's and the hospital's, with what she may edit."""
    from app.services.template_cmds import templates_for

    return _read(ctx, lambda conn: templates_for(conn, staff_id), on_done, on_error, "templates_for")


def load_picker(ctx: OpContext, dept_id: Optional[str], staff_id: str, on_done: Callback,
                on_error: OnError = None) -> int:
    """The new-document picker's templates: personal first, then department, then hospital."""
    from app.services.records import templates

    return _read(ctx, lambda conn: templates(conn, dept_id, staff_id), on_done, on_error, "templates")


def load_phrases(ctx: OpContext, staff_id: str, on_done: Callback, on_error: OnError = None) -> int:
    """The doctor's phrase list with ids and versions (the editor's)."""
    from app.services.template_cmds import phrase_list

    return _read(ctx, lambda conn: phrase_list(conn, staff_id), on_done, on_error, "phrase_list")


# ---- template writes
def save_template(ctx: OpContext, user: Any, template_id: str, base_version: int, scope: str,
                  name: str, doc_type: str, sections: tuple[Section, ...],
                  on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.template_cmds import SaveTemplate

    return _execute(ctx, SaveTemplate(**_stamp(user), template_id=template_id,
                                      base_version=base_version, scope=scope, name=name,
                                      doc_type=doc_type, sections=sections), on_done, on_error)


def retire_template(ctx: OpContext, user: Any, template_id: str, base_version: int,
                    on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.template_cmds import RetireTemplate

    return _execute(ctx, RetireTemplate(**_stamp(user), template_id=template_id,
                                        base_version=base_version), on_done, on_error)


def copy_template(ctx: OpContext, user: Any, source_id: str, template_id: str,
                  on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.template_cmds import CopyTemplate

    return _execute(ctx, CopyTemplate(**_stamp(user), source_id=source_id, template_id=template_id),
                    on_done, on_error)


# ---- phrase writes
def add_phrase(ctx: OpContext, user: Any, phrase_id: str, text: str,
               on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.template_cmds import AddPhrase

    return _execute(ctx, AddPhrase(**_stamp(user), phrase_id=phrase_id, text=text), on_done, on_error)


def edit_phrase(ctx: OpContext, user: Any, phrase_id: str, base_version: int, text: str,
                on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.template_cmds import EditPhrase

    return _execute(ctx, EditPhrase(**_stamp(user), phrase_id=phrase_id, base_version=base_version,
                                    text=text), on_done, on_error)


def remove_phrase(ctx: OpContext, user: Any, phrase_id: str, base_version: int,
                  on_done: Optional[Callback] = None, on_error: OnError = None) -> int:
    from app.services.template_cmds import RemovePhrase

    return _execute(ctx, RemovePhrase(**_stamp(user), phrase_id=phrase_id,
                                      base_version=base_version), on_done, on_error)


def reorder_phrases(ctx: OpContext, user: Any, phrase_ids: tuple[str, ...],
                    base_versions: tuple[int, ...], on_done: Optional[Callback] = None,
                    on_error: OnError = None) -> int:
    from app.services.template_cmds import ReorderPhrases

    return _execute(ctx, ReorderPhrases(**_stamp(user), phrase_ids=phrase_ids,
                                        base_versions=base_versions), on_done, on_error)
