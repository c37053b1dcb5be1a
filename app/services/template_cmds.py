"""Document templates and phrase lists as data (issue 12): commands, handlers and their reads.

A template (doc_template) is a document type's sections with their titles, required flags and
default text. Scope, from the row: owner_id set = personal; dept_id set = the department's;
neither = the hospital's. Who may edit (app/domain/roles.py):
- personal: its owner (doc.write);
- department: a doctor of that department at attending level or above (template.dept and
  staff.title_rank >= 2: 主治医师, 副主任医师, 主任医师);
- hospital: the medical-records office (template.hospital; held by the admin role for now).
Saving an existing template is a new version of the row (update_versioned: a second editor is
told, never overwrites); retiring sets is_active false (documents made from it keep their copy).
"Copy to personal" makes the doctor's own editable template from any template she may use.

Phrases (doc_phrase, 常用语): a doctor adds, edits, removes and reorders her own list only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from sqlalchemy import delete, insert, or_, select
from sqlalchemy.engine import Connection

from app.domain import documents as dd
from app.domain import roles
from app.errors import ConflictError, PermissionDenied, ValidationError
from app.services import changes as kinds
from app.services.audit import AuditEntry
from app.services.changes import Changes
from app.services.commands import Command, register
from app.services.handlers import actor_permissions, handles, update_versioned
from app.services.uow import UnitOfWork
from app.store.schema import doc_phrase, doc_template, staff

PERSONAL, DEPT, HOSPITAL = "personal", "dept", "hospital"
SCOPES = (PERSONAL, DEPT, HOSPITAL)
NAME_MAX = 60
TITLE_MAX = 40
DEFAULT_TEXT_MAX = 4000
PHRASE_MAX = 500
PHRASES_MAX = 200                  # one doctor's list
DEPT_EDITOR_RANK = 2               # 主治医师 and above


@dataclass(frozen=True)
class SaveTemplate(Command):
    """Create a template (base_version 0, in `scope`) or save a new version of one (its scope
    stays the row's). Sections carry their default text in `text`."""

    template_id: str                      # client-made when creating
    base_version: int                     # 0: a new template
    scope: str                            # personal / dept / hospital (creating only)
    name: str
    doc_type: str
    sections: tuple[dd.Section, ...]


@dataclass(frozen=True)
class RetireTemplate(Command):
    template_id: str
    base_version: int


@dataclass(frozen=True)
class CopyTemplate(Command):
    """A personal copy of a template the doctor may use (hospital, her department's, her own)."""

    source_id: str
    template_id: str                      # client-made
    name: Optional[str] = None            # None: the source's name


@dataclass(frozen=True)
class AddPhrase(Command):
    phrase_id: str                        # client-made
    text: str


@dataclass(frozen=True)
class EditPhrase(Command):
    phrase_id: str
    base_version: int
    text: str


@dataclass(frozen=True)
class RemovePhrase(Command):
    phrase_id: str
    base_version: int


@dataclass(frozen=True)
class ReorderPhrases(Command):
    """The doctor's whole list in its new order, each with the version she saw."""

    phrase_ids: tuple[str, ...]
    base_versions: tuple[int, ...]


register(SaveTemplate, RetireTemplate, CopyTemplate, AddPhrase, EditPhrase, RemovePhrase,
         ReorderPhrases)


# ---- reads
@dataclass(frozen=True)
class TemplateRow:
    id: str
    doc_type: str
    name: str
    scope: str
    dept_id: Optional[str]
    owner_id: Optional[str]
    sections: tuple[dd.Section, ...]
    version: int
    editable: bool                        # by the staff member the list was read for


@dataclass(frozen=True)
class Phrase:
    id: str
    text: str
    sort_key: int
    version: int


def scope_of(row: Any) -> str:
    return PERSONAL if row.owner_id else DEPT if row.dept_id else HOSPITAL


def _actor(conn: Connection, staff_id: str) -> Any:
    return conn.execute(select(staff.c.id, staff.c.dept_id, staff.c.title_rank)
                        .where(staff.c.id == staff_id)).first()


def edit_refusal(conn: Connection, staff_id: str, scope: str, dept_id: Optional[str],
                 owner_id: Optional[str], perms: Optional[frozenset[str]] = None) -> Optional[str]:
    """Why `staff_id` may not edit a template of this scope (a message id), None when she may."""
    perms = actor_permissions(conn, staff_id) if perms is None else perms
    if scope == PERSONAL:
        return None if owner_id == staff_id and roles.DOC_WRITE in perms else "template.not_owner"
    if scope == DEPT:
        who = _actor(conn, staff_id)
        ok = (roles.TEMPLATE_DEPT in perms and who is not None and who.dept_id == dept_id
              and int(who.title_rank or 0) >= DEPT_EDITOR_RANK)
        return None if ok else "template.dept_denied"
    return None if roles.TEMPLATE_HOSPITAL in perms else "template.hospital_denied"


def templates_for(conn: Connection, staff_id: str, include_retired: bool = False) -> list[TemplateRow]:
    """The templates this staff member sees in 模板管理: her own, her department's and the
    hospital's, in that order, each by §5 document type; `editable` says which she may change."""
    who = _actor(conn, staff_id)
    dept_id = who.dept_id if who is not None else None
    perms = actor_permissions(conn, staff_id)
    query = select(doc_template).where(or_(
        doc_template.c.owner_id == staff_id,
        (doc_template.c.owner_id.is_(None)) & (doc_template.c.dept_id == dept_id),
        (doc_template.c.owner_id.is_(None)) & (doc_template.c.dept_id.is_(None))))
    if not include_retired:
        query = query.where(doc_template.c.is_active == True)  # noqa: E712
    order = {code: n for n, code in enumerate(dd.doc_types())}
    out = []
    for r in conn.execute(query).all():
        scope = scope_of(r)
        out.append(TemplateRow(r.id, r.doc_type, r.name, scope, r.dept_id, r.owner_id,
                               dd.sections_from_json(r.body), int(r.version),
                               edit_refusal(conn, staff_id, scope, r.dept_id, r.owner_id,
                                            perms) is None))
    return sorted(out, key=lambda t: (SCOPES.index(t.scope), order.get(t.doc_type, 99), t.name))


def phrase_list(conn: Connection, staff_id: str) -> list[Phrase]:
    rows = conn.execute(select(doc_phrase.c.id, doc_phrase.c.text, doc_phrase.c.sort_key,
                               doc_phrase.c.version)
                        .where(doc_phrase.c.staff_id == staff_id)
                        .order_by(doc_phrase.c.sort_key, doc_phrase.c.id)).all()
    return [Phrase(r.id, r.text, int(r.sort_key), int(r.version)) for r in rows]


# ---- checks
def clean_sections(sections: tuple[dd.Section, ...]) -> tuple[dd.Section, ...]:
    """The sections as stored: titles trimmed, ids unique (a missing or repeated id is made
    from the position, the same on every replay). Bad ones refused with the section's index."""
    if not sections:
        raise ValidationError("template.no_sections", field="sections")
    seen_titles: set[str] = set()
    seen_ids: set[str] = set()
    out = []
    for n, s in enumerate(sections):
        title = s.title.strip()
        if not title:
            raise ValidationError("template.required_untitled" if s.required else
                                  "template.section_untitled", field="section", index=n)
        if len(title) > TITLE_MAX:
            raise ValidationError("template.title_too_long", field="section", index=n, max=TITLE_MAX)
        if title.casefold() in seen_titles:
            raise ValidationError("template.duplicate_title", field="section", index=n, title=title)
        if len(s.text) > DEFAULT_TEXT_MAX:
            raise ValidationError("template.default_too_long", field="section", index=n,
                                  max=DEFAULT_TEXT_MAX)
        if s.pull is not None and s.pull not in dd.PULL_KINDS:
            raise ValidationError("template.bad_pull", field="section", index=n)
        seen_titles.add(title.casefold())
        sid = s.id.strip()[:40] or f"s{n + 1}"
        while sid in seen_ids:
            sid = f"{sid}_{n + 1}"
        seen_ids.add(sid)
        out.append(dd.Section(id=sid, title=title, text=s.text, required=bool(s.required),
                              pull=s.pull))
    return tuple(out)


def _check_name(name: str) -> str:
    clean = name.strip()
    if not clean:
        raise ValidationError("template.name_required", field="name")
    if len(clean) > NAME_MAX:
        raise ValidationError("template.name_too_long", field="name", max=NAME_MAX)
    return clean


def _check_doc_type(doc_type: str) -> None:
    if doc_type not in dd.doc_types():
        raise ValidationError("doc.unknown_type", field="doc_type", doc_type=doc_type)


def _row(uow: UnitOfWork, template_id: str) -> Any:
    row = uow.conn.execute(select(doc_template).where(doc_template.c.id == template_id)).first()
    if row is None:
        raise ValidationError("not_found", entity="doc_template", id=template_id)
    return row


def _require_edit(uow: UnitOfWork, actor: str, scope: str, dept_id: Optional[str],
                  owner_id: Optional[str]) -> None:
    refusal = edit_refusal(uow.conn, actor, scope, dept_id, owner_id)
    if refusal == "template.not_owner":                  # literal ids: tests/unit/test_error_ids.py
        raise PermissionDenied("template.not_owner", scope=scope)
    if refusal == "template.dept_denied":
        raise PermissionDenied("template.dept_denied", scope=scope)
    if refusal is not None:
        raise PermissionDenied("template.hospital_denied", scope=scope)


def _body(sections: tuple[dd.Section, ...]) -> dict[str, Any]:
    return {"sections": dd.sections_to_json(sections)}


# ---- template handlers
@handles(SaveTemplate, None)          # the scope decides the permission (edit_refusal)
def save_template(uow: UnitOfWork, cmd: SaveTemplate) -> Changes:
    name = _check_name(cmd.name)
    _check_doc_type(cmd.doc_type)
    sections = clean_sections(cmd.sections)
    values = {"name": name, "doc_type": cmd.doc_type, "body": _body(sections)}
    if cmd.base_version == 0:
        if cmd.scope not in SCOPES:
            raise ValidationError("template.bad_scope", field="scope")
        who = _actor(uow.conn, cmd.actor_id)
        dept_id = who.dept_id if who is not None and cmd.scope == DEPT else None
        owner_id = cmd.actor_id if cmd.scope == PERSONAL else None
        if cmd.scope == DEPT and dept_id is None:
            raise PermissionDenied("template.dept_denied", scope=cmd.scope)
        _require_edit(uow, cmd.actor_id, cmd.scope, dept_id, owner_id)
        uow.conn.execute(insert(doc_template).values(
            id=cmd.template_id, dept_id=dept_id, owner_id=owner_id, is_active=True, version=1,
            created_at=uow.now, updated_at=uow.now, **values))
        uow.audit(AuditEntry("create", kinds.TEMPLATE, cmd.template_id, cmd.actor_id, None, None,
                             dict(values, scope=cmd.scope), cmd.op_id))
        return Changes.of(kinds.TEMPLATE, [cmd.template_id])
    row = _row(uow, cmd.template_id)
    _require_edit(uow, cmd.actor_id, scope_of(row), row.dept_id, row.owner_id)
    if not row.is_active:
        raise ConflictError("template.retired", id=cmd.template_id)
    update_versioned(uow, doc_template, cmd.template_id, cmd.base_version, values)
    uow.audit(AuditEntry("update", kinds.TEMPLATE, cmd.template_id, cmd.actor_id, None,
                         {"name": row.name, "doc_type": row.doc_type, "body": row.body,
                          "version": row.version}, values, cmd.op_id))
    return Changes.of(kinds.TEMPLATE, [cmd.template_id])


@handles(RetireTemplate, None)
def retire_template(uow: UnitOfWork, cmd: RetireTemplate) -> Changes:
    row = _row(uow, cmd.template_id)
    _require_edit(uow, cmd.actor_id, scope_of(row), row.dept_id, row.owner_id)
    update_versioned(uow, doc_template, cmd.template_id, cmd.base_version, {"is_active": False})
    uow.audit(AuditEntry("retire", kinds.TEMPLATE, cmd.template_id, cmd.actor_id, None,
                         {"is_active": True}, {"is_active": False}, cmd.op_id))
    return Changes.of(kinds.TEMPLATE, [cmd.template_id])


@handles(CopyTemplate, roles.DOC_WRITE)
def copy_template(uow: UnitOfWork, cmd: CopyTemplate) -> Changes:
    src = _row(uow, cmd.source_id)
    who = _actor(uow.conn, cmd.actor_id)
    visible = (src.owner_id == cmd.actor_id if src.owner_id else
               src.dept_id is None or (who is not None and src.dept_id == who.dept_id))
    if not visible or not src.is_active:
        raise ValidationError("not_found", entity="doc_template", id=cmd.source_id)
    name = _check_name(cmd.name if cmd.name is not None else src.name)
    uow.conn.execute(insert(doc_template).values(
        id=cmd.template_id, doc_type=src.doc_type, name=name, dept_id=None, owner_id=cmd.actor_id,
        body=src.body, is_active=True, version=1, created_at=uow.now, updated_at=uow.now))
    uow.audit(AuditEntry("create", kinds.TEMPLATE, cmd.template_id, cmd.actor_id, None, None,
                         {"copied_from": cmd.source_id, "name": name, "scope": PERSONAL}, cmd.op_id))
    return Changes.of(kinds.TEMPLATE, [cmd.template_id])


# ---- phrase handlers
def _phrase_text(text: str) -> str:
    clean = text.strip()
    if not clean:
        raise ValidationError("phrase.empty", field="text")
    if len(clean) > PHRASE_MAX:
        raise ValidationError("phrase.too_long", field="text", max=PHRASE_MAX, length=len(clean))
    return clean


def _own_phrase(uow: UnitOfWork, cmd: Any) -> Any:
    row = uow.conn.execute(select(doc_phrase).where(doc_phrase.c.id == cmd.phrase_id)).first()
    if row is None:
        raise ConflictError("phrase.gone", id=cmd.phrase_id)
    if row.staff_id != cmd.actor_id:
        raise PermissionDenied("phrase.not_owner")
    return row


@handles(AddPhrase, roles.DOC_WRITE)
def add_phrase(uow: UnitOfWork, cmd: AddPhrase) -> Changes:
    text = _phrase_text(cmd.text)
    keys = list(uow.conn.execute(select(doc_phrase.c.sort_key)
                                 .where(doc_phrase.c.staff_id == cmd.actor_id)).scalars())
    if len(keys) >= PHRASES_MAX:
        raise ValidationError("phrase.list_full", field="text", max=PHRASES_MAX)
    uow.conn.execute(insert(doc_phrase).values(id=cmd.phrase_id, staff_id=cmd.actor_id,
                                               sort_key=max(keys, default=-1) + 1, text=text,
                                               version=1))
    uow.audit(AuditEntry("create", kinds.PHRASE, cmd.phrase_id, cmd.actor_id, None, None,
                         {"text": text}, cmd.op_id))
    return Changes.of(kinds.PHRASE, [cmd.phrase_id])


@handles(EditPhrase, roles.DOC_WRITE)
def edit_phrase(uow: UnitOfWork, cmd: EditPhrase) -> Changes:
    text = _phrase_text(cmd.text)
    row = _own_phrase(uow, cmd)
    update_versioned(uow, doc_phrase, cmd.phrase_id, cmd.base_version, {"text": text})
    uow.audit(AuditEntry("update", kinds.PHRASE, cmd.phrase_id, cmd.actor_id, None,
                         {"text": row.text}, {"text": text}, cmd.op_id))
    return Changes.of(kinds.PHRASE, [cmd.phrase_id])


@handles(RemovePhrase, roles.DOC_WRITE)
def remove_phrase(uow: UnitOfWork, cmd: RemovePhrase) -> Changes:
    """A phrase is a preference, not a clinical fact: it is deleted (the audit keeps its text)."""
    row = _own_phrase(uow, cmd)
    gone = uow.conn.execute(delete(doc_phrase).where(doc_phrase.c.id == cmd.phrase_id)
                            .where(doc_phrase.c.version == cmd.base_version)).rowcount
    if gone == 0:
        raise ConflictError("conflict.stale", entity="doc_phrase", id=cmd.phrase_id,
                            base_version=cmd.base_version, current_version=row.version)
    uow.audit(AuditEntry("delete", kinds.PHRASE, cmd.phrase_id, cmd.actor_id, None,
                         {"text": row.text}, None, cmd.op_id))
    return Changes.of(kinds.PHRASE, [cmd.phrase_id])


@handles(ReorderPhrases, roles.DOC_WRITE)
def reorder_phrases(uow: UnitOfWork, cmd: ReorderPhrases) -> Changes:
    if len(cmd.phrase_ids) != len(cmd.base_versions) or len(set(cmd.phrase_ids)) != len(cmd.phrase_ids):
        raise ValidationError("phrase.bad_order")
    mine = {r.id: r for r in uow.conn.execute(
        select(doc_phrase.c.id, doc_phrase.c.sort_key).where(doc_phrase.c.staff_id == cmd.actor_id))}
    if set(mine) != set(cmd.phrase_ids):          # someone added or removed one meanwhile
        raise ConflictError("phrase.list_changed")
    for n, (pid, version) in enumerate(zip(cmd.phrase_ids, cmd.base_versions)):
        if int(mine[pid].sort_key) != n:
            update_versioned(uow, doc_phrase, pid, version, {"sort_key": n})
    uow.audit(AuditEntry("update", kinds.PHRASE, cmd.actor_id, cmd.actor_id, None, None,
                         {"order": list(cmd.phrase_ids)}, cmd.op_id))
    return Changes.of(kinds.PHRASE, cmd.phrase_ids)
